package org.ehiaccess.reporting.review;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ehiaccess.platform.problem.ProblemException;

/** A calendar quarter, written {@code 2026-Q4}: its first and last days. */
public record Quarter(int year, int number) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    /** The quarter {@code text} names; 400 naming {@code field} otherwise. */
    public static Quarter parse(String text, String field) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw ProblemException.invalid(field, "must be a quarter such as 2026-Q4");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2200) {
            throw ProblemException.invalid(field, "must be a quarter between 2000 and 2200");
        }
        return new Quarter(year, Integer.parseInt(m.group(2)));
    }

    public LocalDate first() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate last() {
        return first().plusMonths(3).minusDays(1);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
