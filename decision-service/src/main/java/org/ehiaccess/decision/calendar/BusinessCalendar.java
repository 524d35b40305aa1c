package org.ehiaccess.decision.calendar;

import java.time.LocalDate;

/**
 * Business days for the deadlines counted in them (171.204(b), 171.303(a)). Part 171 does not define "business
 * day" (regulation.md §2.4); the default is Monday to Friday minus US federal holidays and the clinic's closures.
 */
public interface BusinessCalendar {

    boolean isBusinessDay(LocalDate date);

    /** The date {@code days} business days after {@code from}; the day of receipt itself is not counted. */
    default LocalDate addBusinessDays(LocalDate from, int days) {
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Business days in {@code (from, to]}: a notice sent on the 3rd business day after receipt counts 3; 0 if not after. */
    default int businessDaysBetween(LocalDate from, LocalDate to) {
        int counted = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isBusinessDay(date)) {
                counted++;
            }
        }
        return counted;
    }
}
