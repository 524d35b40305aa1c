package org.ehiaccess.ui.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The days the dashboard covers, both included, in the clinic's time zone: this month, quarter or year (of the day
 * given as {@code from}, else of today), or custom days. The form that picks it is a plain GET form.
 *
 * @param kind  {@code month}, {@code quarter}, {@code year} or {@code custom}
 * @param error what is wrong with what was typed, in words; {@code null} when nothing is
 */
public record DashboardPeriod(String kind, LocalDate from, LocalDate to, String error) {

    static final String DEFAULT_KIND = "quarter";
    /** reporting-service answers at most ten years at once. */
    static final int MAX_YEARS = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US);

    public static DashboardPeriod of(String kind, String fromText, String toText, LocalDate today) {
        String k = kind == null || kind.isBlank() ? DEFAULT_KIND : kind.strip();
        LocalDate from = day(fromText);
        LocalDate to = day(toText);
        switch (k) {
            case "month" -> {
                LocalDate anchor = from != null ? from : today;
                LocalDate first = anchor.withDayOfMonth(1);
                return new DashboardPeriod(k, first, first.plusMonths(1).minusDays(1), null);
            }
            case "quarter" -> {
                LocalDate anchor = from != null ? from : today;
                LocalDate first = LocalDate.of(anchor.getYear(), (anchor.getMonthValue() - 1) / 3 * 3 + 1, 1);
                return new DashboardPeriod(k, first, first.plusMonths(3).minusDays(1), null);
            }
            case "year" -> {
                LocalDate anchor = from != null ? from : today;
                return new DashboardPeriod(k, anchor.withDayOfYear(1), anchor.withDayOfYear(1).plusYears(1).minusDays(1),
                        null);
            }
            case "custom" -> {
                if (from == null || to == null) {
                    return invalid(fromText, toText, "Give the first and the last day of the period (year-month-day).");
                }
                if (to.isBefore(from)) {
                    return invalid(fromText, toText, "The last day comes before the first day.");
                }
                if (from.plusYears(MAX_YEARS).isBefore(to)) {
                    return invalid(fromText, toText, "Choose a period of at most " + MAX_YEARS + " years.");
                }
                return new DashboardPeriod(k, from, to, null);
            }
            default -> {
                return new DashboardPeriod(DEFAULT_KIND, null, null, "Choose a month, a quarter, a year or custom days.")
                        .orDefault(today);
            }
        }
    }

    private static DashboardPeriod invalid(String fromText, String toText, String error) {
        return new DashboardPeriod("custom", day(fromText), day(toText), error);
    }

    private DashboardPeriod orDefault(LocalDate today) {
        DashboardPeriod quarter = of(DEFAULT_KIND, null, null, today);
        return new DashboardPeriod(quarter.kind(), quarter.from(), quarter.to(), error);
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public boolean valid() {
        return error == null;
    }

    /** "1 October 2026 to 31 December 2026" */
    public String words() {
        return from == null || to == null ? "" : DAY.format(from) + " to " + DAY.format(to);
    }

    /** The address's query for this period, e.g. {@code period=custom&from=2026-07-01&to=2026-09-30}. */
    public String query() {
        return "period=custom&from=" + from + "&to=" + to;
    }
}
