package org.ehiaccess.reporting.metrics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;

/**
 * The days a report covers, {@code from} to {@code to} inclusive, in the clinic's time zone: a request counts in the
 * period when it was received on one of those days there. Without dates, this quarter.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    /** The zone when the caller names none: reporting-service does not hold the clinics' settings. */
    public static final String DEFAULT_ZONE = "America/New_York";
    static final int MAX_DAYS = 366 * 10;

    public static Period parse(String fromText, String toText, String zoneText, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = zone(zoneText);
        } catch (ProblemException e) {
            errors.addAll(e.problem().errors());
        }
        LocalDate from = date(fromText, "from", errors);
        LocalDate to = date(toText, "to", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        LocalDate quarterStart = quarterStart(today);
        if (from == null) {
            from = to == null ? quarterStart : quarterStart(to);
        }
        if (to == null) {
            to = quarterStart(from).plusMonths(3).minusDays(1);
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.invalid("to", "must be at most ten years after from");
        }
        return new Period(from, to, zone);
    }

    private static LocalDate date(String text, String field, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                errors.add(new Problem.FieldError(field, "must be between 1900 and 2200"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    /** The zone a caller names, or {@value #DEFAULT_ZONE}; an unknown one is refused naming {@code zone}. */
    public static ZoneId zone(String zoneText) {
        try {
            return ZoneId.of(zoneText == null || zoneText.isBlank() ? DEFAULT_ZONE : zoneText);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("zone", "must be a time zone id such as America/New_York");
        }
    }

    public static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
