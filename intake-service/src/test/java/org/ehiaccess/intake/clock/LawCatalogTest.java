package org.ehiaccess.intake.clock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ehiaccess.intake.settings.Deadline;
import org.ehiaccess.intake.settings.ResponsePolicy;
import org.ehiaccess.intake.request.Manner;
import org.ehiaccess.intake.request.RequesterType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The clocks take the law's periods from decision-service's rule catalog, never from numbers of their own. */
class LawCatalogTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void thePackagedCatalogIsDecisionServicesOwnFile() throws Exception {
        byte[] rules = Files.readAllBytes(Path.of("../decision-service/src/main/resources/rules/catalog.yaml"));
        try (InputStream packaged = LawCatalog.class.getClassLoader().getResourceAsStream("law/catalog.yaml")) {
            assertArrayEquals(rules, packaged.readAllBytes());
        }
    }

    @Test
    void theCurrentCatalogGivesHipaasPeriodsAndTheNoticesBusinessDays() {
        // the catalog of this release: 164.524(b)(2) 30 days plus one 30-day extension; 171.204(b) 10 business days
        assertEquals(new LawCatalog.HipaaAction("164.524(b)(2)", 30, 30), LawCatalog.CURRENT.hipaaAction());
        assertEquals(60, LawCatalog.CURRENT.hipaaAction().extendedDays());
        assertEquals(new LawCatalog.InfeasibilityNotice("171.204(b)", 10), LawCatalog.CURRENT.infeasibilityNotice());
        assertTrue(LawCatalog.CURRENT.hasRightOfAccess(RequesterType.third_party_app_patient_directed));
        assertFalse(LawCatalog.CURRENT.hasRightOfAccess(RequesterType.payer));
    }

    @Test
    void theClocksFollowWhatTheCatalogSays() throws Exception {
        LawCatalog law = LawCatalog.of(YAML.readTree("""
                lists:
                  right_of_access_requesters: [patient, payer]
                deadlines:
                  hipaa_action: {cfr: "164.524(b)(2)", calendar_days: 45, extension_calendar_days: 15}
                  infeasibility_written_notice: {cfr: "171.204(b)", business_days: 3}
                """));
        ResponsePolicy policy = new ResponsePolicy(Deadline.businessDays(10), List.of(), null, List.of(50, 80), null);
        ClockPlanner planner = new ClockPlanner(ClockPlannerTest.clinic("America/New_York", policy), law);
        Instant monday = Instant.parse("2026-03-02T15:00:00Z");

        ClockPlan payer = planner.standardClocks(monday, RequesterType.payer, Manner.paper_mail, false).stream()
                .filter(c -> c.kind() == ClockKind.hipaa_access).findFirst().orElseThrow();
        assertEquals(LocalDate.parse("2026-04-16"), payer.dueOn()); // Mar 2 + 45 days
        ClockPlan extended = planner.standardClocks(monday, RequesterType.patient, Manner.paper_mail, true).stream()
                .filter(c -> c.kind() == ClockKind.hipaa_access).findFirst().orElseThrow();
        assertEquals(LocalDate.parse("2026-05-01"), extended.dueOn()); // Mar 2 + 60 days
        assertTrue(planner.standardClocks(monday, RequesterType.other_provider_treatment, Manner.paper_mail, false)
                .stream().noneMatch(c -> c.kind() == ClockKind.hipaa_access));
        assertEquals(LocalDate.parse("2026-03-05"), planner.infeasibilityNotice(monday).dueOn()); // 3 business days
    }

    @Test
    void aCatalogWithoutTheDeadlineStopsTheServiceRatherThanGuessing() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LawCatalog.of(YAML.readTree("""
                lists: {right_of_access_requesters: [patient]}
                deadlines: {infeasibility_written_notice: {cfr: "171.204(b)", business_days: 10}}
                """)));
        assertTrue(e.getMessage().contains("deadlines.hipaa_action"), e.getMessage());
    }
}
