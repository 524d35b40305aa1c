package org.ehiaccess.decision.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday, minus observed US federal holidays and the clinic's own closures. */
public final class ClinicCalendar implements BusinessCalendar {

    public static final ClinicCalendar FEDERAL = new ClinicCalendar(ClinicClosures.NONE);

    private final ClinicClosures closures;

    public ClinicCalendar(ClinicClosures closures) {
        this.closures = closures;
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !FederalHolidays.isObservedHoliday(date)
                && !closures.isClosed(date);
    }
}
