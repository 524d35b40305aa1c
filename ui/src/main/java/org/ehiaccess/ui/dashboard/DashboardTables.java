package org.ehiaccess.ui.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard's figures as the tables the page shows, each beside its chart: every number with the raw value the
 * chart draws ({@code data-value}) and, where requests stand behind it, the link to exactly those requests.
 */
public final class DashboardTables {

    /** One column; {@code series}: the chart draws it. */
    public record Column(String key, String label, boolean series) {
    }

    /** One number (or word); {@code value} is what the chart draws, {@code href} the requests behind it. */
    public record Cell(String text, String value, String href) {
        public boolean linked() {
            return href != null;
        }
    }

    /** {@code marked}: an outlier (the table says so in words, the chart in color). */
    public record Row(String code, String label, boolean marked, List<Cell> cells) {
    }

    /**
     * @param id    the table's name, as reporting-service's CSV names it
     * @param chart {@code bar}, {@code line} or {@code none}
     * @param csv   whether it has a CSV: reporting-service's of the same name, or for the tables reporting-service
     *              does not export ({@link DashboardPages#PAGE_TABLES}), {@link #csv(Table)}
     */
    public record Table(String id, String title, String note, String chart, boolean csv, List<Column> columns,
            List<Row> rows) {

        /** The heading of the rows' column. */
        public String rowHeading() {
            return switch (id) {
                case "byChannel" -> "Channel";
                case "byRequesterType", "denialRateByRequesterType", "daysToFulfill" -> "Requester type";
                case "denialsByBasis" -> "Legal basis";
                case "denialsByException" -> "Exception";
                case "onTimeShare" -> "Clock";
                case "complaintsByOutcome" -> "Outcome";
                case "trendByQuarter" -> "Quarter";
                default -> "Figure";
            };
        }
    }

    private DashboardTables() {
    }

    static List<Table> of(ReportingFigures.Dashboard d, LocalDate from, LocalDate to) {
        List<Table> tables = new ArrayList<>();
        tables.add(counts("byChannel", "Requests by channel", "How requests reached the clinic.", d.byChannel(),
                DashboardLabels::channel, code -> FigureQuery.of("received", from, to).channel(code)));
        tables.add(counts("byRequesterType", "Requests by requester type", "Who asked.", d.byRequesterType(),
                DashboardLabels::requesterType, code -> FigureQuery.of("received", from, to).requesterType(code)));
        tables.add(counts("denialsByBasis", "Denials and limitations by legal basis",
                "The legal path of each denial's signed decision.", d.denialsByBasis(), DashboardLabels::basis,
                code -> FigureQuery.of("denied", from, to).basis(code)));
        tables.add(counts("denialsByException", "Denials and limitations by exception",
                "The Part 171 exception relied on, for denials that name one.", d.denialsByException(),
                DashboardLabels::exception, code -> FigureQuery.of("denied", from, to).exception(code)));
        tables.add(denialRates(d, from, to));
        tables.add(daysToFulfill(d, from, to));
        tables.add(onTime(d, from, to));
        tables.add(documentation(d, from, to));
        tables.add(complaints(d));
        tables.add(trend(d));
        return tables;
    }

    /** The period at a glance: the headline figures. */
    static Table summary(ReportingFigures.Dashboard d, LocalDate from, LocalDate to) {
        List<Row> rows = List.of(
                new Row("requestsReceived", "Requests received", false,
                        List.of(count(d.requestsReceived(), FigureQuery.of("received", from, to)))),
                new Row("denials", "Denials and limitations", false,
                        List.of(count(d.denials(), FigureQuery.of("denied", from, to)))),
                new Row("denialsPer100", "Denials and limitations per 100 requests", false,
                        List.of(number(d.denialsPer100(), null))),
                new Row("medianDaysToFulfill", "Median days to fulfill", false,
                        List.of(number(d.medianDaysToFulfill(), FigureQuery.of("fulfilled", from, to)))),
                new Row("p90DaysToFulfill", "90th percentile of days to fulfill", false,
                        List.of(number(d.p90DaysToFulfill(), FigureQuery.of("fulfilled", from, to)))));
        return new Table("summary", "The period at a glance", null, "none", true,
                List.of(new Column("value", "Figure", false)), rows);
    }

    private static Table counts(String id, String title, String note, Map<String, Integer> counts,
            Function<String, String> label, Function<String, FigureQuery> figure) {
        List<Row> rows = new ArrayList<>();
        counts.forEach((code, n) -> rows.add(new Row(code, label.apply(code), false,
                List.of(count(n, figure.apply(code))))));
        String columnLabel = id.startsWith("denials") ? "Denials and limitations" : "Requests";
        return new Table(id, title, note, "bar", true, List.of(new Column("count", columnLabel, true)), rows);
    }

    private static Table denialRates(ReportingFigures.Dashboard d, LocalDate from, LocalDate to) {
        Set<String> outliers = d.outliers().stream().map(ReportingFigures.Outlier::requesterType)
                .collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        d.denialRateByRequesterType().forEach((code, rate) -> {
            boolean outlier = outliers.contains(code);
            rows.add(new Row(code, DashboardLabels.requesterType(code), outlier, List.of(
                    count(rate.requests(), FigureQuery.of("received", from, to).requesterType(code)),
                    count(rate.denials(), FigureQuery.of("denied", from, to).requesterType(code)),
                    number(rate.per100(), null),
                    new Cell(outlier ? "Outlier" : "", "", null))));
        });
        String note = "The clinic's overall rate: " + text(d.denialsPer100()) + " per 100 requests. "
                + (d.outlierRule() == null ? "" : d.outlierRule());
        return new Table("denialRateByRequesterType", "Denial rate by requester type", note, "bar", true, List.of(
                new Column("requests", "Requests", false), new Column("denials", "Denials and limitations", false),
                new Column("denialsPer100", "Per 100 requests", true), new Column("outlier", "Outlier", false)),
                rows);
    }

    private static Table daysToFulfill(ReportingFigures.Dashboard d, LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        int all = d.daysToFulfillByRequesterType().values().stream().mapToInt(ReportingFigures.Days::fulfilled).sum();
        rows.add(new Row("all", "All requesters", false, List.of(count(all, FigureQuery.of("fulfilled", from, to)),
                number(d.medianDaysToFulfill(), null), number(d.p90DaysToFulfill(), null))));
        d.daysToFulfillByRequesterType().forEach((code, days) -> rows.add(new Row(code,
                DashboardLabels.requesterType(code), false, List.of(
                        count(days.fulfilled(), FigureQuery.of("fulfilled", from, to).requesterType(code)),
                        number(days.median(), null), number(days.p90(), null)))));
        return new Table("daysToFulfill", "Days to fulfill by requester type",
                "Calendar days in the clinic's time zone from receipt to fulfillment (0: the same day).", "bar", true,
                List.of(new Column("fulfilled", "Fulfilled", false), new Column("medianDays", "Median days", true),
                        new Column("p90Days", "90th percentile days", true)),
                rows);
    }

    private static Table onTime(ReportingFigures.Dashboard d, LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        d.clocks().forEach((code, clock) -> rows.add(new Row(code, DashboardLabels.clock(code), false, List.of(
                count(clock.onTime(), FigureQuery.of("on_time", from, to).clock(code)),
                count(clock.late(), FigureQuery.of("late", from, to).clock(code)),
                count(clock.open(), FigureQuery.of("open", from, to).clock(code)),
                percent(clock.share())))));
        return new Table("onTimeShare", "Share on time for each clock",
                "On time out of the clocks that ended (met or missed); a clock still running counts in neither.",
                "bar", true, List.of(new Column("onTime", "On time", false), new Column("late", "Late", false),
                        new Column("open", "Still running", false), new Column("share", "Share on time (%)", true)),
                rows);
    }

    private static Table documentation(ReportingFigures.Dashboard d, LocalDate from, LocalDate to) {
        ReportingFigures.Documentation doc = d.denialDocumentation();
        List<Row> rows = List.of(
                new Row("denials", "Denials and limitations", false,
                        List.of(count(doc.denials(), FigureQuery.of("denied", from, to)))),
                new Row("signedAnalysis", "With a signed analysis", false,
                        List.of(new Cell(String.valueOf(doc.signedAnalysis()), String.valueOf(doc.signedAnalysis()),
                                null))),
                new Row("letterSent", "With a letter sent", false,
                        List.of(new Cell(String.valueOf(doc.letterSent()), String.valueOf(doc.letterSent()), null))),
                new Row("documented", "With both a signed analysis and a letter sent", false,
                        List.of(count(doc.signedWithLetterSent(), FigureQuery.of("documented", from, to)))),
                new Row("undocumented", "Missing one or both", false,
                        List.of(count(doc.denials() - doc.signedWithLetterSent(),
                                FigureQuery.of("undocumented", from, to)))));
        return new Table("denialDocumentation", "Documentation of denials",
                "Share with a complete signed analysis and a letter sent: " + percent(d.signedAnalysisShare()).text()
                        + ".",
                "bar", true, List.of(new Column("count", "Denials and limitations", true)), rows);
    }

    private static Table complaints(ReportingFigures.Dashboard d) {
        List<Row> rows = new ArrayList<>();
        d.complaintsByOutcome().forEach((code, n) -> rows.add(new Row(code, DashboardLabels.outcome(code), false,
                List.of(new Cell(String.valueOf(n), String.valueOf(n), "/complaints")))));
        return new Table("complaintsByOutcome", "Complaints by outcome",
                d.complaintsLogged() + " complaints logged in the period; " + d.complaintsLinked()
                        + " of them linked to a request.",
                "bar", true, List.of(new Column("count", "Complaints", true)), rows);
    }

    private static Table trend(ReportingFigures.Dashboard d) {
        List<Row> rows = new ArrayList<>();
        for (ReportingFigures.Quarter q : d.trendByQuarter()) {
            rows.add(new Row(q.quarter(), q.quarter().replace("-Q", " Q"), false, List.of(
                    count(q.requestsReceived(), FigureQuery.of("received", q.from(), q.to())),
                    count(q.denials(), FigureQuery.of("denied", q.from(), q.to())),
                    number(q.denialsPer100(), null), number(q.medianDaysToFulfill(), null))));
        }
        return new Table("trendByQuarter", "Trend by quarter", "Calendar quarters in the clinic's time zone.", "line",
                true, List.of(new Column("requestsReceived", "Requests received", true),
                        new Column("denials", "Denials and limitations", false),
                        new Column("denialsPer100", "Denials per 100 requests", true),
                        new Column("medianDaysToFulfill", "Median days to fulfill", true)),
                rows);
    }

    /**
     * A table reporting-service does not export, as CSV (RFC 4180): the row's code, then each column's raw value.
     * Codes and numbers only, so nothing needs quoting and nothing reads as a formula.
     */
    static String csv(Table table) {
        StringBuilder out = new StringBuilder("figure");
        table.columns().forEach(c -> out.append(',').append(c.key()));
        out.append("\r\n");
        for (Row row : table.rows()) {
            out.append(row.code());
            row.cells().forEach(cell -> out.append(',').append(cell.value()));
            out.append("\r\n");
        }
        return out.toString();
    }

    private static Cell count(int n, FigureQuery figure) {
        return new Cell(String.valueOf(n), String.valueOf(n), figure == null ? null : figure.href());
    }

    private static Cell number(BigDecimal value, FigureQuery figure) {
        if (value == null) {
            return new Cell("None yet", "", null);
        }
        return new Cell(value.toPlainString(), value.toPlainString(), figure == null ? null : figure.href());
    }

    private static Cell percent(BigDecimal share) {
        if (share == null) {
            return new Cell("None ended", "", null);
        }
        String p = share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return new Cell(p + "%", p, null);
    }

    private static String text(BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
    }
}
