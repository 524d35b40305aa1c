package org.ehiaccess.decision.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

import org.ehiaccess.decision.rules.Deadline;
import org.ehiaccess.decision.rules.logic.DeadlineStatus;

/**
 * 164.524(b)(2): act on the individual's request no later than 30 calendar days after receipt. One extension of up
 * to 30 more days is allowed only if, within the first 30 days, the individual gets a written statement of the
 * reasons for the delay and the date of action (164.524(b)(2)(ii)).
 */
final class HipaaActionClock {

    private static final String DEADLINE = "hipaa_action";

    /** Where the 164.524(b)(2) clock stands: status, due date, why it was missed, what would settle it. */
    record Reading(DeadlineStatus status, LocalDate dueDate, String detail, Set<String> toAsk) {
    }

    private enum Extension { NONE, VALID, LATE, INCOMPLETE, UNKNOWN }

    private HipaaActionClock() {
    }

    static String cfr(CaseFacts facts) {
        return facts.ruleset().deadline(DEADLINE).cfr();
    }

    static Reading read(CaseFacts facts) {
        Deadline deadline = facts.ruleset().deadline(DEADLINE);
        int firstLimit = deadline.calendarDays();
        int extendedLimit = firstLimit + deadline.extensionCalendarDays();
        Extension extension = extension(facts, firstLimit);
        LocalDate received = (LocalDate) facts.value("request.received_date");
        LocalDate due = received == null ? null
                : received.plusDays(extension == Extension.VALID ? extendedLimit : firstLimit);
        Integer days = (Integer) facts.value("hipaa.days_to_action");
        if (days != null) {
            return byActionDay(days, firstLimit, extendedLimit, extension, due, facts);
        }
        if (Boolean.TRUE.equals(facts.value("hipaa.denial_notice_written")) || received == null) {
            // acted on a date not recorded, or no receipt date to count from: nothing to judge
            return new Reading(DeadlineStatus.UNKNOWN, due, null, Set.of());
        }
        if (!facts.asOf().isAfter(due)) {
            return new Reading(DeadlineStatus.PENDING, due, null, Set.of());
        }
        long open = ChronoUnit.DAYS.between(received, facts.asOf());
        if (extension == Extension.UNKNOWN && open <= extendedLimit) {
            return new Reading(DeadlineStatus.UNKNOWN, due, null, extensionFacts(facts));
        }
        return new Reading(DeadlineStatus.MISSED, due, "no action recorded by " + due + " (day " + open
                + " after receipt)" + extensionNote(extension, firstLimit), Set.of());
    }

    private static Reading byActionDay(int days, int firstLimit, int extendedLimit, Extension extension,
            LocalDate due, CaseFacts facts) {
        if (days <= firstLimit || (days <= extendedLimit && extension == Extension.VALID)) {
            return new Reading(DeadlineStatus.MET, due, null, Set.of());
        }
        if (days <= extendedLimit && extension == Extension.UNKNOWN) {
            return new Reading(DeadlineStatus.UNKNOWN, due, null, extensionFacts(facts));
        }
        String detail = days > extendedLimit
                ? "acted on day " + days + ", after even the extended limit of " + extendedLimit + " days"
                : "acted on day " + days + ", after the " + firstLimit + "-day limit" + extensionNote(extension, firstLimit);
        return new Reading(DeadlineStatus.MISSED, due, detail, Set.of());
    }

    private static String extensionNote(Extension extension, int firstLimit) {
        switch (extension) {
            case NONE:
                return ", with no extension notice";
            case LATE:
                return "; the extension notice came after the first " + firstLimit + " days";
            case INCOMPLETE:
                return "; the extension notice did not give the reasons and the date of action";
            default:
                return "";
        }
    }

    /** 164.524(b)(2)(ii): valid only if sent within the first 30 days with the reasons and the date of action. */
    private static Extension extension(CaseFacts facts, int firstLimit) {
        Object sent = facts.value("hipaa.extension_notice_sent");
        if (Boolean.FALSE.equals(sent)) {
            return Extension.NONE;
        }
        if (sent == null) {
            return Extension.UNKNOWN;
        }
        Integer day = (Integer) facts.value("hipaa.extension_notice_day");
        Object complete = facts.value("hipaa.extension_notice_has_reasons_and_date");
        if (day != null && day > firstLimit) {
            return Extension.LATE;
        }
        if (Boolean.FALSE.equals(complete)) {
            return Extension.INCOMPLETE;
        }
        return day != null && Boolean.TRUE.equals(complete) ? Extension.VALID : Extension.UNKNOWN;
    }

    private static Set<String> extensionFacts(CaseFacts facts) {
        Set<String> toAsk = new LinkedHashSet<>();
        for (String id : new String[] { "hipaa.extension_notice_sent", "hipaa.extension_notice_day",
                "hipaa.extension_notice_has_reasons_and_date" }) {
            if (facts.value(id) == null) {
                toAsk.add(id);
            }
        }
        return toAsk;
    }
}
