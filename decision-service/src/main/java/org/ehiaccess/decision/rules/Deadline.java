package org.ehiaccess.decision.rules;

/**
 * A deadline counted from receipt of the request, in business days or calendar days.
 *
 * @param businessDays          e.g. 10 for 171.204(b); null when counted in calendar days
 * @param calendarDays          e.g. 30 for 164.524(b)(2); null when counted in business days
 * @param extensionCalendarDays the one extension allowed after a timely written notice (164.524(b)(2)(ii)); null if none
 */
public record Deadline(String id, String cfr, Integer businessDays, Integer calendarDays,
        Integer extensionCalendarDays) {
}
