package org.ehiaccess.decision.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The legal public holidays of 5 U.S.C. 6103(a), on the days they are observed: a holiday falling on a Saturday is
 * observed the Friday before, one on a Sunday the Monday after (5 U.S.C. 6103(b); Executive Order 11582). So New
 * Year's Day 2028, a Saturday, is observed on Friday Dec 31, 2027. Juneteenth is a holiday from 2021.
 */
public final class FederalHolidays {

    private static final int JUNETEENTH_FIRST_YEAR = 2021;
    private static final Map<Integer, Set<LocalDate>> OBSERVED = new ConcurrentHashMap<>();

    private FederalHolidays() {
    }

    public static boolean isObservedHoliday(LocalDate date) {
        return observedIn(date.getYear()).contains(date);
    }

    /** The observed holidays falling in {@code year} (including Dec 31 when the next New Year's Day is a Saturday). */
    public static Set<LocalDate> observedIn(int year) {
        return OBSERVED.computeIfAbsent(year, FederalHolidays::compute);
    }

    private static Set<LocalDate> compute(int year) {
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate holiday : holidaysOf(year)) {
            days.add(observed(holiday));
        }
        LocalDate nextNewYear = observed(LocalDate.of(year + 1, Month.JANUARY, 1));
        if (nextNewYear.getYear() == year) {
            days.add(nextNewYear);
        }
        days.removeIf(day -> day.getYear() != year);
        return Set.copyOf(days);
    }

    private static Set<LocalDate> holidaysOf(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1)); // New Year's Day
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3)); // Birthday of Martin Luther King, Jr.
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3)); // Washington's Birthday
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))); // Memorial Day
        if (year >= JUNETEENTH_FIRST_YEAR) {
            days.add(LocalDate.of(year, Month.JUNE, 19)); // Juneteenth National Independence Day
        }
        days.add(LocalDate.of(year, Month.JULY, 4)); // Independence Day
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)); // Labor Day
        days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2)); // Columbus Day
        days.add(LocalDate.of(year, Month.NOVEMBER, 11)); // Veterans Day
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4)); // Thanksgiving Day
        days.add(LocalDate.of(year, Month.DECEMBER, 25)); // Christmas Day
        return days;
    }

    static LocalDate observed(LocalDate holiday) {
        switch (holiday.getDayOfWeek()) {
            case SATURDAY:
                return holiday.minusDays(1);
            case SUNDAY:
                return holiday.plusDays(1);
            default:
                return holiday;
        }
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
