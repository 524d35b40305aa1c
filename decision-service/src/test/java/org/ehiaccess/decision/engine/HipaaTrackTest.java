package org.ehiaccess.decision.engine;

import static org.ehiaccess.decision.engine.Cases.plus;
import static org.ehiaccess.decision.engine.Cases.with;
import static org.ehiaccess.decision.engine.TestEngine.evaluate;
import static org.ehiaccess.decision.engine.TestEngine.practice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The HIPAA right-of-access track (164.524), beside Part 171. */
class HipaaTrackTest {

    static final Map<String, Object> WRITTEN_DENIAL = with("request.requester_type", "patient",
            "request.received_date", "2026-03-02", "hipaa.action_date", "2026-03-10",
            "hipaa.denial_ground", "a3_life_or_physical_safety", "hipaa.denial_notice_written", true,
            "hipaa.denial_notice_has_basis", true, "hipaa.denial_notice_has_review_rights", true,
            "hipaa.denial_notice_has_complaint_info", true, "hipaa.other_info_provided", true);

    private static HipaaStatus hipaa(String practiceType, Map<String, Object> facts, String... motives) {
        return evaluate(practice(practiceType, "none", motives), facts).hipaa();
    }

    @Test
    void notApplicableUnlessTheIndividualOrARepresentativeAsksACoveredEntity() {
        assertEquals(HipaaStatus.Status.NOT_APPLICABLE, hipaa("deny", with("request.requester_type", "other_provider_treatment")).status());
        assertEquals(HipaaStatus.Status.NOT_APPLICABLE, hipaa("deny", with("request.requester_type", "patient",
                "actor.is_hipaa_covered_entity", false)).status());
        HipaaStatus unknown = hipaa("deny", with());
        assertEquals(HipaaStatus.Status.NEEDS_MORE_FACTS, unknown.status());
        assertTrue(unknown.issues().get(0).contains("request.requester_type"));
    }

    @Test
    void aCompleteTimelyWrittenDenialIsCompliant() {
        HipaaStatus status = hipaa("limit_scope", WRITTEN_DENIAL);
        assertEquals(HipaaStatus.Status.COMPLIANT, status.status(), status.issues().toString());
    }

    @Test
    void eachMissingDenialElementIsAnIssue() {
        assertEquals(List.of("164.524(d)(2)(ii): review rights missing from the written denial"),
                hipaa("deny", plus(WRITTEN_DENIAL, "hipaa.denial_notice_has_review_rights", false)).issues());
        assertEquals(List.of("164.524(d)(2)(i): the written denial does not state its basis"),
                hipaa("deny", plus(WRITTEN_DENIAL, "hipaa.denial_notice_has_basis", false)).issues());
        assertTrue(hipaa("deny", plus(WRITTEN_DENIAL, "hipaa.denial_notice_has_complaint_info", false)).issues().get(0)
                .startsWith("164.524(d)(2)(iii)"));
        assertEquals(List.of("164.524(d)(2): no written denial was given"),
                hipaa("deny", plus(WRITTEN_DENIAL, "hipaa.denial_notice_written", false)).issues());
        assertTrue(hipaa("deny", plus(WRITTEN_DENIAL, "hipaa.review_by_uninvolved_licensed_professional", false))
                .issues().get(0).startsWith("164.524(a)(4)"));
        assertTrue(hipaa("deny", plus(WRITTEN_DENIAL, "hipaa.denial_ground", "none")).issues().get(0)
                .startsWith("164.524(a)(1)-(3)"));
        // review rights are owed only for the reviewable (a)(3) grounds
        assertEquals(HipaaStatus.Status.COMPLIANT, hipaa("deny", plus(WRITTEN_DENIAL, "hipaa.denial_ground", "a2_inmate",
                "hipaa.denial_notice_has_review_rights", false)).status());
    }

    @Test
    void anUnknownDenialElementIsAnOpenQuestion() {
        HipaaStatus status = hipaa("deny", plus(WRITTEN_DENIAL, "hipaa.denial_notice_has_basis", null));
        assertEquals(HipaaStatus.Status.NEEDS_MORE_FACTS, status.status());
        assertEquals(List.of("164.524(d)(2)(i): answer hipaa.denial_notice_has_basis"), status.issues());
    }

    @Test
    void lateActionWithoutAValidExtensionIsNoncompliant() {
        Map<String, Object> late = with("request.requester_type", "patient", "request.received_date", "2026-03-02",
                "hipaa.days_to_action", 45);
        assertEquals(List.of("164.524(b)(2): acted on day 45, after the 30-day limit, with no extension notice"),
                hipaa("delay", plus(late, "hipaa.extension_notice_sent", false)).issues());
        assertEquals(List.of("164.524(b)(2): acted on day 45, after the 30-day limit; the extension notice came after the first 30 days"),
                hipaa("delay", plus(late, "hipaa.extension_notice_sent", true, "hipaa.extension_notice_day", 31,
                        "hipaa.extension_notice_has_reasons_and_date", true)).issues());
        assertEquals(HipaaStatus.Status.COMPLIANT, hipaa("delay", plus(late, "hipaa.extension_notice_sent", true,
                "hipaa.extension_notice_day", 30, "hipaa.extension_notice_has_reasons_and_date", true)).status());
        HipaaStatus open = hipaa("delay", plus(late, "hipaa.extension_notice_sent", true));
        assertEquals(HipaaStatus.Status.NEEDS_MORE_FACTS, open.status());
        assertEquals(List.of("164.524(b)(2): answer hipaa.extension_notice_day, hipaa.extension_notice_has_reasons_and_date"),
                open.issues());
    }

    @Test
    void withholdingForAnUnpaidBalanceAndAnExcessiveFeeAreIssues() {
        assertTrue(hipaa("delay", with("request.requester_type", "patient"), "unpaid_balance").issues().get(0)
                .contains("owes money"));
        assertEquals(HipaaStatus.Status.NONCOMPLIANT, hipaa("charge_fee", with("request.requester_type", "patient",
                "fees.charged_to", "individual_or_designee", "fees.hipaa_cost_based_compliant", false)).status());
    }
}
