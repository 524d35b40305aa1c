package org.ehiaccess.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * Business days for deadlines: Monday to Friday, minus US federal holidays on their observed days,
 * minus the clinic's own closures.
 * <p>
 * Part 171 does not define "business day" (45 CFR 171.204(b) only says "10 business days"); the default is
 * weekdays without federal holidays, with a configurable list. Federal holidays are those of 5 U.S.C. 6103(a);
 * a holiday on a Saturday is observed the Friday before, on a Sunday the Monday after (Executive
 * Order 11582), which can move New Year's Day into the previous December.
 */
public final class BusinessCalendar {

    private final Set<LocalDate> closures;

    private BusinessCalendar(Set<LocalDate> closures) {
        this.closures = Set.copyOf(closures);
    }

    /** US federal holidays only. */
    public static BusinessCalendar federal() {
        return new BusinessCalendar(Set.of());
    }

    /** US federal holidays plus the clinic's own closure days. */
    public static BusinessCalendar withClosures(Set<LocalDate> clinicClosures) {
        return new BusinessCalendar(clinicClosures);
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY
                && !isFederalHolidayObserved(day) && !closures.contains(day);
    }

    /**
     * The date {@code n} business days after {@code start}, not counting {@code start} itself: a
     * request received on a Monday with n = 10 is due two weeks later on Monday (171.204(b)).
     */
    public LocalDate addBusinessDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Business days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** True when {@code day} is the observed day of a federal holiday (of its own year or, for New Year's Day, the next). */
    public static boolean isFederalHolidayObserved(LocalDate day) {
        return observedFederalHolidays(day.getYear()).contains(day)
                || observedFederalHolidays(day.getYear() + 1).contains(day);
    }

    /** The observed days of the federal holidays of {@code year} (5 U.S.C. 6103(a)). */
    public static Set<LocalDate> observedFederalHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        days.add(observed(LocalDate.of(year, Month.JANUARY, 1)));                 // New Year's Day
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));                   // Birthday of Martin Luther King, Jr.
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));                  // Washington's Birthday
        days.add(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))); // Memorial Day
        if (year >= 2021) {
            days.add(observed(LocalDate.of(year, Month.JUNE, 19)));                // Juneteenth (since 2021)
        }
        days.add(observed(LocalDate.of(year, Month.JULY, 4)));                     // Independence Day
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));                 // Labor Day
        days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));                   // Columbus Day
        days.add(observed(LocalDate.of(year, Month.NOVEMBER, 11)));                // Veterans Day
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));                // Thanksgiving Day
        days.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));                // Christmas Day
        return days;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }
}
