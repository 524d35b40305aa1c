package org.ehiaccess.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.reporting.metrics.Period;

/** Day parameters ({@code YYYY-MM-DD}) of the compliance program's endpoints, refused naming the parameter. */
public final class Days {

    private Days() {
    }

    /** A required day; 400 naming {@code field} when missing or malformed. */
    public static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }

    /** The day given, or today in {@code zone} (the clinic's, default {@value Period#DEFAULT_ZONE}). */
    public static LocalDate dayOrToday(String text, String field, String zone) {
        return text == null || text.isBlank() ? LocalDate.now(Period.zone(zone)) : day(text, field);
    }
}
