package org.ehiaccess.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The period form's choices, as days: the clinic's today or the first day given anchors a month, quarter or year. */
class DashboardPeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 2, 10);

    @Test
    void presetsHoldTodayOrTheFirstDayGiven() {
        assertEquals(new DashboardPeriod("quarter", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), null),
                DashboardPeriod.of(null, null, null, TODAY));
        assertEquals(new DashboardPeriod("quarter", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31), null),
                DashboardPeriod.of("quarter", "2025-12-31", null, TODAY));
        // 2028 is a leap year
        assertEquals(new DashboardPeriod("month", LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29), null),
                DashboardPeriod.of("month", "2028-02-15", "", TODAY));
        assertEquals(new DashboardPeriod("year", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null),
                DashboardPeriod.of("year", null, null, TODAY));
        assertEquals("1 January 2026 to 31 March 2026", DashboardPeriod.of(null, null, null, TODAY).words());
    }

    @Test
    void customDaysAreCheckedAndExplained() {
        assertEquals(new DashboardPeriod("custom", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), null),
                DashboardPeriod.of("custom", "2026-01-05", "2026-01-05", TODAY));
        assertEquals("Give the first and the last day of the period (year-month-day).",
                DashboardPeriod.of("custom", "2026-01-05", "05/01/2026", TODAY).error());
        assertEquals("The last day comes before the first day.",
                DashboardPeriod.of("custom", "2026-01-05", "2026-01-04", TODAY).error());
        assertEquals("Choose a period of at most 10 years.",
                DashboardPeriod.of("custom", "2000-01-01", "2026-01-04", TODAY).error());
        DashboardPeriod unknown = DashboardPeriod.of("fortnight", null, null, TODAY);
        assertFalse(unknown.valid());
        assertEquals(LocalDate.of(2026, 1, 1), unknown.from());
        assertNull(DashboardPeriod.of("custom", "2026-01-05", "2026-01-06", TODAY).error());
    }
}
