package org.ehiaccess.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    final BusinessCalendar federal = BusinessCalendar.federal();

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
            // 2026-03-02 is a Monday and March 2026 has no holiday (scenarios-public.yaml IN-01)
            "2026-03-02, 10, 2026-03-16",
            // received on a Friday: the weekend does not count
            "2026-03-06, 1, 2026-03-09",
            // received on a Saturday: Monday is the first business day
            "2026-03-07, 1, 2026-03-09",
            // Thanksgiving 2026-11-26 (and the Friday after is a working day)
            "2026-11-25, 1, 2026-11-27",
            // Christmas on a Friday in 2026, New Year's Day 2027 on a Friday; year end crossing
            "2026-12-23, 3, 2026-12-29",
            "2026-12-30, 2, 2027-01-04",
            // month end: 2026-01-30 (Fri) + 1 = Mon 2026-02-02
            "2026-01-30, 1, 2026-02-02",
            // MLK Day 2026-01-19 skipped
            "2026-01-16, 1, 2026-01-20",
            // Juneteenth 2027 is a Saturday, observed Friday 2027-06-18
            "2027-06-17, 1, 2027-06-21",
            // Independence Day 2026 is a Saturday, observed Friday 2026-07-03
            "2026-07-02, 1, 2026-07-06",
            // New Year's Day 2028 is a Saturday, observed Friday 2027-12-31
            "2027-12-30, 1, 2028-01-03",
            // leap day 2028-02-29 is a Tuesday and a business day
            "2028-02-28, 1, 2028-02-29",
            "2026-03-02, 0, 2026-03-02"
    })
    void addsBusinessDaysSkippingWeekendsAndObservedHolidays(LocalDate start, int n, LocalDate expected) {
        assertEquals(expected, federal.addBusinessDays(start, n));
    }

    @Test
    void countsBusinessDaysExclusiveOfTheStartDay() {
        // IN-03: received 2026-03-02, notice 2026-03-20 → 14 business days
        assertEquals(14, federal.businessDaysBetween(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-20")));
        // IN-01: notice on Thursday 2026-03-05 → 3
        assertEquals(3, federal.businessDaysBetween(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-05")));
        assertEquals(0, federal.businessDaysBetween(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-02")));
    }

    @Test
    void knowsTheObservedFederalHolidays() {
        assertTrue(BusinessCalendar.isFederalHolidayObserved(LocalDate.parse("2026-05-25"))); // Memorial Day
        assertTrue(BusinessCalendar.isFederalHolidayObserved(LocalDate.parse("2026-09-07"))); // Labor Day
        assertTrue(BusinessCalendar.isFederalHolidayObserved(LocalDate.parse("2026-10-12"))); // Columbus Day
        assertTrue(BusinessCalendar.isFederalHolidayObserved(LocalDate.parse("2026-11-11"))); // Veterans Day (Wed)
        assertTrue(BusinessCalendar.isFederalHolidayObserved(LocalDate.parse("2026-02-16"))); // Washington's Birthday
        assertTrue(BusinessCalendar.isFederalHolidayObserved(LocalDate.parse("2027-12-31"))); // New Year 2028 observed
        assertFalse(BusinessCalendar.isFederalHolidayObserved(LocalDate.parse("2026-07-04"))); // the Saturday itself
        assertEquals(11, BusinessCalendar.observedFederalHolidays(2026).size());
    }

    @Test
    void clinicClosuresAreNotBusinessDays() {
        BusinessCalendar clinic = BusinessCalendar.withClosures(Set.of(LocalDate.parse("2026-03-03")));
        assertFalse(clinic.isBusinessDay(LocalDate.parse("2026-03-03")));
        assertEquals(LocalDate.parse("2026-03-04"), clinic.addBusinessDays(LocalDate.parse("2026-03-02"), 1));
        assertTrue(federal.isBusinessDay(LocalDate.parse("2026-03-03")));
    }
}
