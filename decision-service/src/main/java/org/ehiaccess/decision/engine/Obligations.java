package org.ehiaccess.decision.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ehiaccess.decision.rules.Deadline;
import org.ehiaccess.decision.rules.logic.DeadlineStatus;
import org.ehiaccess.decision.rules.logic.TimelyNotice;

/** The obligations with due dates that follow from a case (catalog.yaml {@code deadlines}). */
final class Obligations {

    static final String WRITTEN_NOTICE = "infeasibility_written_notice";

    private Obligations() {
    }

    /**
     * @param infeasibilityInPlay 171.204 is claimed, or is a candidate and the worksheet recorded infeasibility facts
     * @param licensingInPlay     licence terms are the practice, claimed, or recorded
     */
    static List<Obligation> of(CaseFacts facts, boolean infeasibilityInPlay, boolean licensingInPlay) {
        List<Obligation> obligations = new ArrayList<>();
        if (infeasibilityInPlay) {
            obligations.add(writtenNotice(facts));
        }
        if (Boolean.TRUE.equals(facts.value("hipaa.applies"))) {
            HipaaActionClock.Reading clock = HipaaActionClock.read(facts);
            obligations.add(new Obligation("hipaa_action", HipaaActionClock.cfr(facts), iso(clock.dueDate()),
                    clock.status()));
        }
        if (licensingInPlay) {
            obligations.add(licensing(facts, "licensing_negotiation_start", "licensing.negotiation_start_business_days"));
            obligations.add(licensing(facts, "licensing_offer", "licensing.license_offered_business_days"));
        }
        return obligations;
    }

    /** 171.204(b): written reasons within 10 business days of receipt; a notice without reasons does not count. */
    private static Obligation writtenNotice(CaseFacts facts) {
        TimelyNotice notice = facts.ruleset().writtenNotice();
        TimelyNotice.Timing timing = notice.timing(facts);
        DeadlineStatus status = timing.status();
        if (status == DeadlineStatus.MET && Boolean.FALSE.equals(facts.value(notice.statesReasonsFact()))) {
            boolean stillTime = timing.dueDate() != null && !facts.asOf().isAfter(timing.dueDate());
            status = stillTime ? DeadlineStatus.PENDING : DeadlineStatus.MISSED;
        }
        Deadline deadline = facts.ruleset().deadline(notice.deadlineId());
        return new Obligation(deadline.id(), deadline.cfr(), iso(timing.dueDate()), status);
    }

    /** 171.303(a)(1)-(2): begin negotiating within 10 business days of receipt, offer a licence within 30. */
    private static Obligation licensing(CaseFacts facts, String deadlineId, String elapsedFact) {
        Deadline deadline = facts.ruleset().deadline(deadlineId);
        LocalDate received = (LocalDate) facts.value("request.received_date");
        LocalDate due = received == null ? null : facts.calendar().addBusinessDays(received, deadline.businessDays());
        Integer elapsed = (Integer) facts.value(elapsedFact);
        DeadlineStatus status;
        if (elapsed != null) {
            status = elapsed <= deadline.businessDays() ? DeadlineStatus.MET : DeadlineStatus.MISSED;
        } else if (due != null && !facts.asOf().isAfter(due)) {
            status = DeadlineStatus.PENDING;
        } else {
            status = DeadlineStatus.UNKNOWN;
        }
        return new Obligation(deadlineId, deadline.cfr(), iso(due), status);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
