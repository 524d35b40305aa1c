package org.ehiaccess.decision.engine;

import static org.ehiaccess.decision.engine.Cases.plus;
import static org.ehiaccess.decision.engine.Cases.with;
import static org.ehiaccess.decision.engine.TestEngine.evaluate;
import static org.ehiaccess.decision.engine.TestEngine.practice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.platform.time.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every obligation, its due date on the business-day calendar, and its status. */
class ObligationsTest {

    private static Obligation obligation(Evaluation evaluation, String id) {
        return evaluation.obligations().stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no obligation " + id + " in " + evaluation.obligations()));
    }

    private static Obligation notice(Map<String, Object> facts) {
        return obligation(evaluate(practice("delay", "infeasibility"), facts), "infeasibility_written_notice");
    }

    /** 171.204(b): 10 business days after receipt, not counting the day of receipt. */
    @ParameterizedTest(name = "received {0} -> due {1} ({2})")
    @CsvSource({
            "2026-03-02, 2026-03-16, two plain weeks (IN-01)",
            "2026-03-07, 2026-03-20, received on a Saturday",
            "2026-01-15, 2026-01-30, Martin Luther King Jr. Day",
            "2026-01-30, 2026-02-13, across a month end",
            "2026-02-12, 2026-02-27, Washington's Birthday",
            "2026-05-21, 2026-06-05, Memorial Day and a month end",
            "2021-06-17, 2021-07-02, Juneteenth on a Saturday is observed Friday 2021-06-18",
            "2022-06-16, 2022-07-01, Juneteenth on a Sunday is observed Monday 2022-06-20",
            "2026-06-29, 2026-07-14, Independence Day on a Saturday is observed Friday 2026-07-03",
            "2026-09-03, 2026-09-18, Labor Day",
            "2026-10-08, 2026-10-23, Columbus Day",
            "2026-11-05, 2026-11-20, Veterans Day",
            "2026-11-20, 2026-12-07, Thanksgiving",
            "2026-12-24, 2027-01-11, Christmas and New Year's Day across a year end",
            "2026-12-31, 2027-01-15, received on New Year's Eve",
            "2027-12-24, 2028-01-10, received on the observed Christmas; New Year's Day 2028 is observed Friday 2027-12-31",
            "2028-02-24, 2028-03-09, across a leap day"
    })
    void writtenNoticeDueDates(LocalDate received, LocalDate due, String why) {
        Obligation notice = notice(with("request.received_date", received, "infeasibility.condition", "uncontrollable_event"));
        assertEquals("171.204(b)", notice.cfr());
        assertEquals(due.toString(), notice.dueDate(), why);
    }

    @Test
    void aClinicClosureMovesTheDueDate() {
        CaseFacts facts = Cases.facts(with("request.received_date", "2026-03-02"),
                BusinessCalendar.withClosures(Set.of(LocalDate.of(2026, 3, 9))));
        assertEquals(LocalDate.of(2026, 3, 17), facts.value("infeasibility.written_notice_due_date"));
        assertEquals(4, facts.calendar().businessDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9)));
    }

    @Test
    void writtenNoticeStatus() {
        Map<String, Object> sent = with("request.received_date", "2026-03-02", "infeasibility.condition", "uncontrollable_event",
                "infeasibility.written_notice_sent", true, "infeasibility.written_notice_states_reasons", true);
        assertEquals("met", notice(plus(sent, "infeasibility.written_notice_date", "2026-03-16")).status().json());
        assertEquals("missed", notice(plus(sent, "infeasibility.written_notice_date", "2026-03-17")).status().json());
        // sent, date not recorded, and it is still within the deadline: it went out in time
        assertEquals("met", notice(plus(sent, "eval.as_of_date", "2026-03-10")).status().json());
        assertEquals("unknown", notice(sent).status().json());
        Map<String, Object> notSent = plus(sent, "infeasibility.written_notice_sent", false);
        assertEquals("pending", notice(plus(notSent, "eval.as_of_date", "2026-03-16")).status().json());
        assertEquals("missed", notice(plus(notSent, "eval.as_of_date", "2026-03-17")).status().json());
        // a notice without reasons is not the notice 171.204(b) asks for
        Map<String, Object> noReasons = plus(sent, "infeasibility.written_notice_date", "2026-03-04",
                "infeasibility.written_notice_states_reasons", false);
        assertEquals("pending", notice(plus(noReasons, "eval.as_of_date", "2026-03-05")).status().json());
        assertEquals("missed", notice(noReasons).status().json());
        Obligation noReceipt = notice(with("infeasibility.condition", "uncontrollable_event"));
        assertEquals(null, noReceipt.dueDate());
        assertEquals("unknown", noReceipt.status().json());
    }

    @Test
    void theWrittenNoticeIsOwedOnlyWhenInfeasibilityIsInPlay() {
        assertTrue(evaluate(practice("delay", "none"), with("request.received_date", "2026-03-02")).obligations().isEmpty());
        assertEquals(1, evaluate(practice("delay", "none"), with("request.received_date", "2026-03-02",
                "infeasibility.condition", "uncontrollable_event")).obligations().size());
        assertTrue(evaluate(practice("charge_fee", "none"), with("infeasibility.condition", "uncontrollable_event"))
                .obligations().isEmpty(), "171.204 is no candidate for a fee");
    }

    private static Obligation hipaa(Map<String, Object> facts) {
        return obligation(evaluate(practice("delay", "none"), plus(with("request.requester_type", "patient"), facts)),
                "hipaa_action");
    }

    /** 164.524(b)(2): 30 calendar days, or 60 after a timely written extension notice. */
    @ParameterizedTest(name = "received {0} -> due {1}")
    @CsvSource({
            "2026-03-02, 2026-04-01",
            "2026-01-31, 2026-03-02",
            "2026-12-15, 2027-01-14",
            "2028-02-01, 2028-03-02"
    })
    void hipaaActionDueDates(LocalDate received, LocalDate due) {
        Obligation action = hipaa(with("request.received_date", received));
        assertEquals("164.524(b)(2)", action.cfr());
        assertEquals(due.toString(), action.dueDate());
    }

    @Test
    void hipaaActionStatus() {
        Map<String, Object> received = with("request.received_date", "2026-03-02");
        Map<String, Object> extension = plus(received, "hipaa.extension_notice_sent", true, "hipaa.extension_notice_day", 25,
                "hipaa.extension_notice_has_reasons_and_date", true);
        assertEquals("2026-05-01", hipaa(extension).dueDate());
        assertEquals("met", hipaa(plus(received, "hipaa.action_date", "2026-04-01")).status().json());
        assertEquals("missed", hipaa(plus(received, "hipaa.action_date", "2026-04-02", "hipaa.extension_notice_sent", false))
                .status().json());
        assertEquals("unknown", hipaa(plus(received, "hipaa.action_date", "2026-04-02")).status().json(),
                "day 31: was there an extension notice?");
        assertEquals("met", hipaa(plus(extension, "hipaa.days_to_action", 60)).status().json());
        assertEquals("missed", hipaa(plus(extension, "hipaa.days_to_action", 61)).status().json());
        assertEquals("missed", hipaa(plus(extension, "hipaa.days_to_action", 45, "hipaa.extension_notice_day", 31)).status().json());
        assertEquals("unknown", hipaa(plus(extension, "hipaa.days_to_action", 45, "hipaa.extension_notice_day", null)).status().json());
        assertEquals("met", hipaa(plus(received, "practice.delay_days", 12)).status().json());
        assertEquals("pending", hipaa(plus(received, "eval.as_of_date", "2026-03-20")).status().json());
        assertEquals("missed", hipaa(received).status().json(), "nothing recorded by the due date");
        assertEquals("unknown", hipaa(plus(received, "hipaa.denial_notice_written", true)).status().json(),
                "acted on a date not recorded");
        assertEquals(List.of(), evaluate(practice("delay", "none"), with("request.requester_type", "payer"))
                .obligations(), "no HIPAA clock for a payer's request");
    }

    @Test
    void licensingDeadlines() {
        Evaluation result = evaluate(practice("license_terms", "licensing"), with("request.received_date", "2026-03-02",
                "licensing.negotiation_start_business_days", 4, "eval.as_of_date", "2026-03-20"));
        Obligation start = obligation(result, "licensing_negotiation_start");
        assertEquals("171.303(a)(1)", start.cfr());
        assertEquals("2026-03-16", start.dueDate());
        assertEquals("met", start.status().json());
        Obligation offer = obligation(result, "licensing_offer");
        assertEquals("171.303(a)(2)", offer.cfr());
        assertEquals("2026-04-13", offer.dueDate());
        assertEquals("pending", offer.status().json());
        Evaluation late = evaluate(practice("license_terms", "none"), with("request.received_date", "2026-03-02",
                "licensing.negotiation_start_business_days", 11, "licensing.license_offered_business_days", 31));
        assertEquals("missed", obligation(late, "licensing_negotiation_start").status().json());
        assertEquals("missed", obligation(late, "licensing_offer").status().json());
        assertEquals("unknown", obligation(evaluate(practice("license_terms", "none"), with()), "licensing_offer")
                .status().json());
    }
}
