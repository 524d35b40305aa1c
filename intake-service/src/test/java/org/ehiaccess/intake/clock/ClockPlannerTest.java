package org.ehiaccess.intake.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ehiaccess.intake.settings.ClinicSettings;
import org.ehiaccess.intake.settings.Deadline;
import org.ehiaccess.intake.settings.ResponsePolicy;
import org.ehiaccess.intake.settings.StateOverride;
import org.ehiaccess.intake.settings.TargetRule;
import org.ehiaccess.intake.request.Manner;
import org.ehiaccess.intake.request.RequesterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClockPlannerTest {

    static ClinicSettings clinic(String zone, ResponsePolicy policy, LocalDate... closures) {
        ClinicSettings settings = ClinicSettings.defaults();
        settings.timeZone = zone;
        settings.responsePolicy = policy;
        settings.closures = closures;
        return settings;
    }

    static Map<ClockKind, ClockPlan> clocks(ClinicSettings settings, String receivedAt, RequesterType type,
            boolean extended) {
        return new ClockPlanner(settings).standardClocks(Instant.parse(receivedAt), type, Manner.paper_mail, extended)
                .stream().collect(Collectors.toMap(ClockPlan::kind, Function.identity()));
    }

    @ParameterizedTest(name = "received {0} → HIPAA due {1}, internal (10 business days) due {2}")
    @CsvSource({
            // Monday 2026-03-02 10:00 New York
            "2026-03-02T15:00:00Z, 2026-04-01, 2026-03-16",
            // logged after hours: 23:30 New York on Friday 2026-03-06 is still Friday locally
            "2026-03-07T04:30:00Z, 2026-04-05, 2026-03-20",
            // 01:00 UTC Saturday is Friday evening in New York
            "2026-03-07T01:00:00Z, 2026-04-05, 2026-03-20",
            // month end: 30 calendar days from Jan 31 is Mar 2 (February has 28 days in 2026)
            "2026-01-31T15:00:00Z, 2026-03-02, 2026-02-13",
            // Washington's Birthday (Mon 2026-02-16) is not a business day
            "2026-02-09T15:00:00Z, 2026-03-11, 2026-02-24",
            // year end: Christmas (Fri 2026-12-25) and New Year's Day (Fri 2027-01-01) are skipped
            "2026-12-21T15:00:00Z, 2027-01-20, 2027-01-06",
            // leap year: 2028-02-10 + 30 calendar days = 2028-03-11
            "2028-02-10T15:00:00Z, 2028-03-11, 2028-02-25",
            // Thanksgiving week
            "2026-11-23T15:00:00Z, 2026-12-23, 2026-12-08"
    })
    void dueDatesCountFromTheLocalDateOfReceipt(String receivedAt, LocalDate hipaaDue, LocalDate internalDue) {
        ResponsePolicy policy = new ResponsePolicy(Deadline.businessDays(10), List.of(), null, List.of(50, 80), null);
        Map<ClockKind, ClockPlan> clocks = clocks(clinic("America/New_York", policy), receivedAt,
                RequesterType.patient, false);
        assertEquals(hipaaDue, clocks.get(ClockKind.hipaa_access).dueOn());
        assertEquals(internalDue, clocks.get(ClockKind.internal_target).dueOn());
    }

    @Test
    void aDeadlineEndsAtLocalMidnightAcrossDaylightSavingChanges() {
        ResponsePolicy policy = new ResponsePolicy(Deadline.calendarDays(3), List.of(), null, List.of(50, 80), null);
        // received Friday 2026-03-06 in New York; due Monday 2026-03-09, after the spring-forward on 03-08
        ClockPlan spring = clocks(clinic("America/New_York", policy), "2026-03-06T15:00:00Z",
                RequesterType.payer, false).get(ClockKind.internal_target);
        assertEquals(LocalDate.parse("2026-03-09"), spring.dueOn());
        assertEquals(Instant.parse("2026-03-10T04:00:00Z"), spring.dueAt()); // midnight EDT (UTC-4)

        // received Friday 2026-10-30; due 2026-11-02 after fall-back on 11-01
        ClockPlan fall = clocks(clinic("America/New_York", policy), "2026-10-30T15:00:00Z",
                RequesterType.payer, false).get(ClockKind.internal_target);
        assertEquals(LocalDate.parse("2026-11-02"), fall.dueOn());
        assertEquals(Instant.parse("2026-11-03T05:00:00Z"), fall.dueAt()); // midnight EST (UTC-5)
    }

    @Test
    void theClinicsTimeZoneDecidesTheDayOfReceipt() {
        ResponsePolicy policy = ResponsePolicy.standard();
        // 2026-03-03T06:30Z is still March 2 in Honolulu (UTC-10) but March 3 in New York
        String receivedAt = "2026-03-03T06:30:00Z";
        assertEquals(LocalDate.parse("2026-04-01"),
                clocks(clinic("Pacific/Honolulu", policy), receivedAt, RequesterType.patient, false)
                        .get(ClockKind.hipaa_access).dueOn());
        assertEquals(LocalDate.parse("2026-04-02"),
                clocks(clinic("America/New_York", policy), receivedAt, RequesterType.patient, false)
                        .get(ClockKind.hipaa_access).dueOn());
    }

    @Test
    void aTimelyExtensionGivesSixtyDays() {
        Map<ClockKind, ClockPlan> extended = clocks(clinic("America/Chicago", ResponsePolicy.standard()),
                "2026-03-02T15:00:00Z", RequesterType.personal_representative, true);
        assertEquals(LocalDate.parse("2026-05-01"), extended.get(ClockKind.hipaa_access).dueOn());
        assertTrue(extended.get(ClockKind.hipaa_access).label().contains("extended"));
    }

    @Test
    void hipaaAndStateClocksRunOnlyForIndividualAccess() {
        ResponsePolicy policy = new ResponsePolicy(Deadline.businessDays(10), List.of(),
                new StateOverride("CA", "Cal. Health & Safety Code §123110", Deadline.calendarDays(15)),
                List.of(50, 80), null);
        ClinicSettings settings = clinic("America/Los_Angeles", policy);
        Map<ClockKind, ClockPlan> patient = clocks(settings, "2026-03-02T18:00:00Z", RequesterType.patient, false);
        assertEquals(LocalDate.parse("2026-03-17"), patient.get(ClockKind.state_law).dueOn());
        assertEquals("Cal. Health & Safety Code §123110", patient.get(ClockKind.state_law).cfr());
        Map<ClockKind, ClockPlan> payer = clocks(settings, "2026-03-02T18:00:00Z", RequesterType.payer, false);
        assertTrue(!payer.containsKey(ClockKind.hipaa_access) && !payer.containsKey(ClockKind.state_law));
        assertTrue(payer.containsKey(ClockKind.internal_target));
    }

    @Test
    void theMostSpecificInternalTargetWins() {
        ResponsePolicy policy = new ResponsePolicy(Deadline.businessDays(10), List.of(
                new TargetRule(RequesterType.patient, null, Deadline.calendarDays(15)),
                new TargetRule(RequesterType.patient, Manner.portal_view_download, Deadline.businessDays(1)),
                new TargetRule(null, Manner.fax, Deadline.businessDays(3))), null, List.of(80), null);
        assertEquals(Deadline.businessDays(1), policy.internalTargetFor(RequesterType.patient, Manner.portal_view_download));
        assertEquals(Deadline.calendarDays(15), policy.internalTargetFor(RequesterType.patient, Manner.fax));
        assertEquals(Deadline.businessDays(3), policy.internalTargetFor(RequesterType.payer, Manner.fax));
        assertEquals(Deadline.businessDays(10), policy.internalTargetFor(RequesterType.payer, Manner.paper_mail));
    }

    @Test
    void aClocksLabelSaysOneDayInTheSingular() {
        assertEquals("1 business day", Deadline.businessDays(1).toString());
        assertEquals("1 calendar day", Deadline.calendarDays(1).toString());
        assertEquals("10 business days", Deadline.businessDays(10).toString());
        ClockPlan internal = new ClockPlanner(clinic("America/New_York", ResponsePolicy.standard()))
                .standardClocks(Instant.parse("2026-03-02T15:00:00Z"), RequesterType.third_party_app_patient_directed,
                        Manner.fhir_api_170_215, false)
                .stream().filter(c -> c.kind() == ClockKind.internal_target).findFirst().orElseThrow();
        assertEquals("Internal target (1 business day)", internal.label());
    }

    @Test
    void infeasibilityNoticeIsDueTenBusinessDaysAfterReceipt() {
        ClockPlan notice = new ClockPlanner(clinic("America/New_York", ResponsePolicy.standard()))
                .infeasibilityNotice(Instant.parse("2026-03-02T15:00:00Z"));
        // scenarios-public.yaml IN-01
        assertEquals(LocalDate.parse("2026-03-16"), notice.dueOn());
        assertEquals("45 CFR 171.204(b)", notice.cfr());
    }

    @Test
    void clinicClosuresMoveBusinessDayDeadlines() {
        ClinicSettings closed = clinic("America/New_York", ResponsePolicy.standard(), LocalDate.parse("2026-03-10"));
        ClockPlan notice = new ClockPlanner(closed).infeasibilityNotice(Instant.parse("2026-03-02T15:00:00Z"));
        assertEquals(LocalDate.parse("2026-03-17"), notice.dueOn());
    }

    @Test
    void dueSoonStartsAtTheHighestWarningThreshold() {
        ResponsePolicy policy = new ResponsePolicy(Deadline.calendarDays(10), List.of(), null, List.of(50, 80), null);
        ClockPlan plan = clocks(clinic("UTC", policy), "2026-03-02T00:00:00Z", RequesterType.payer, false)
                .get(ClockKind.internal_target);
        // due at the end of 2026-03-12 (UTC) = 11 days after receipt; 80 % of that is 8.8 days
        assertEquals(Instant.parse("2026-03-13T00:00:00Z"), plan.dueAt());
        assertEquals(Instant.parse("2026-03-02T00:00:00Z").plus(Duration.ofHours(211).plusMinutes(12)), plan.warnAt());
        assertEquals(ClockState.on_track, ClockState.of(null, plan.warnAt(), plan.dueAt(), Instant.parse("2026-03-10T00:00:00Z")));
        assertEquals(ClockState.due_soon, ClockState.of(null, plan.warnAt(), plan.dueAt(), Instant.parse("2026-03-12T00:00:00Z")));
        assertEquals(ClockState.overdue, ClockState.of(null, plan.warnAt(), plan.dueAt(), Instant.parse("2026-03-13T00:00:01Z")));
        assertEquals(ClockState.met, ClockState.of(Instant.parse("2026-03-20T00:00:00Z"), plan.warnAt(), plan.dueAt(),
                Instant.parse("2026-03-21T00:00:00Z")));
    }
}
