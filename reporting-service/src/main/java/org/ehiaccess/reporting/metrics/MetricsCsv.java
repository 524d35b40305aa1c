package org.ehiaccess.reporting.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Each table of the dashboard as CSV (RFC 4180): the numbers the page shows beside its chart. */
final class MetricsCsv {

    static final List<String> TABLE_NAMES = List.of("byChannel", "byRequesterType", "denialsByBasis",
            "denialsByException", "denialRateByRequesterType", "onTimeShare", "daysToFulfill", "complaintsByOutcome",
            "trendByQuarter", "outliers");
    static final String TABLES = String.join(", ", TABLE_NAMES);

    private MetricsCsv() {
    }

    static String table(Figures.Dashboard d, String table) {
        StringBuilder out = new StringBuilder();
        switch (table) {
            case "byChannel" -> counts(out, "channel", d.byChannel());
            case "byRequesterType" -> counts(out, "requesterType", d.byRequesterType());
            case "denialsByBasis" -> counts(out, "legalBasis", d.denialsByBasis());
            case "denialsByException" -> counts(out, "exception", d.denialsByException());
            case "denialRateByRequesterType" -> {
                line(out, "requesterType", "requests", "denials", "denialsPer100");
                d.denialRateByRequesterType().forEach((type, rate) -> line(out, type, rate.requests(), rate.denials(),
                        rate.per100()));
            }
            case "onTimeShare" -> {
                line(out, "clock", "onTime", "late", "open", "share");
                d.clocks().forEach((clock, f) -> line(out, clock, f.onTime(), f.late(), f.open(), f.share()));
            }
            case "daysToFulfill" -> {
                line(out, "requesterType", "fulfilled", "medianDays", "p90Days");
                int all = d.daysToFulfillByRequesterType().values().stream().mapToInt(Figures.Days::fulfilled).sum();
                line(out, "all", all, d.medianDaysToFulfill(), d.p90DaysToFulfill());
                d.daysToFulfillByRequesterType().forEach((type, days) -> line(out, type, days.fulfilled(),
                        days.median(), days.p90()));
            }
            case "complaintsByOutcome" -> counts(out, "outcome", d.complaintsByOutcome());
            case "trendByQuarter" -> {
                line(out, "quarter", "from", "to", "requestsReceived", "denials", "denialsPer100", "medianDaysToFulfill");
                for (Figures.Quarter q : d.trendByQuarter()) {
                    line(out, q.quarter(), q.from(), q.to(), q.requestsReceived(), q.denials(), q.denialsPer100(),
                            q.medianDaysToFulfill());
                }
            }
            case "outliers" -> {
                line(out, "requesterType", "requests", "denials", "denialsPer100", "overallDenialsPer100");
                for (Figures.Outlier o : d.outliers()) {
                    line(out, o.requesterType(), o.requests(), o.denials(), o.per100(), o.overallPer100());
                }
            }
            default -> throw new IllegalArgumentException(table);
        }
        return out.toString();
    }

    private static void counts(StringBuilder out, String key, Map<String, Integer> counts) {
        line(out, key, "count");
        counts.forEach((code, count) -> line(out, code, count));
    }

    private static void line(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** Codes, numbers and dates only; quoted when a comma or quote appears, and never read as a formula. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
