package org.ehiaccess.reporting.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.ehiaccess.reporting.event.DataKey;
import org.ehiaccess.reporting.metrics.ReportData.ComplaintRow;

/** The dashboard's figures, computed from the requests and complaints of one period. */
public final class Figures {

    public static final int OUTLIER_MIN_DENIALS = 5;
    public static final String OUTLIER_RULE = "A requester type is an outlier when its denial rate is more than twice"
            + " the clinic's overall denial rate in the period and it has at least " + OUTLIER_MIN_DENIALS
            + " denials (denials include partial fulfillments).";

    /** Denials of one requester type. */
    public record Rate(int requests, int denials, BigDecimal per100) {
    }

    /** How a kind of clock ended for the period's requests; {@code share} is on time / (on time + late). */
    public record ClockFigure(int onTime, int late, int open, BigDecimal share) {
    }

    public record Days(int fulfilled, BigDecimal median, BigDecimal p90) {
    }

    public record Documentation(int denials, int signedAnalysis, int letterSent, int signedWithLetterSent) {
    }

    public record Outlier(String requesterType, int requests, int denials, BigDecimal per100,
            BigDecimal overallPer100) {
    }

    public record Quarter(String quarter, LocalDate from, LocalDate to, int requestsReceived, int denials,
            BigDecimal denialsPer100, BigDecimal medianDaysToFulfill) {
    }

    public record Dashboard(String clinicId, LocalDate from, LocalDate to, String zone, int requestsReceived,
            Map<String, Integer> byChannel, Map<String, Integer> byRequesterType, int denials,
            BigDecimal denialsPer100, Map<String, Integer> denialsByBasis, Map<String, Integer> denialsByException,
            Map<String, Rate> denialRateByRequesterType, Map<String, BigDecimal> onTimeShare,
            Map<String, ClockFigure> clocks, BigDecimal medianDaysToFulfill, BigDecimal p90DaysToFulfill,
            Map<String, Days> daysToFulfillByRequesterType, BigDecimal signedAnalysisShare,
            Documentation denialDocumentation, int complaintsLogged, Map<String, Integer> complaintsByOutcome,
            int complaintsLinked, List<Quarter> trendByQuarter, String outlierRule, List<Outlier> outliers) {
    }

    /** The outcome a complaint counts under while it has none. */
    public static final String PENDING = "pending";

    private Figures() {
    }

    /**
     * @param rows       the requests received in the period
     * @param trendRows  the requests received in the trend's quarters (a superset of rows)
     * @param quarters   the trend's quarters, oldest first, each as [first day, last day]
     * @param complaints the complaints logged in the period
     */
    public static Dashboard of(String clinicId, Period period, List<RequestRow> rows, List<RequestRow> trendRows,
            List<LocalDate[]> quarters, List<ComplaintRow> complaints) {
        List<RequestRow> denied = rows.stream().filter(RequestRow::denied).toList();
        Map<String, Integer> byChannel = count(rows, RequestRow::channel, DataKey.channel.allowed());
        Map<String, Integer> byType = count(rows, RequestRow::requesterType, DataKey.requesterType.allowed());
        Map<String, Integer> deniedByType = count(denied, RequestRow::requesterType, DataKey.requesterType.allowed());

        Map<String, Rate> rates = new LinkedHashMap<>();
        List<Outlier> outliers = new ArrayList<>();
        BigDecimal overall = per100(denied.size(), rows.size());
        for (String type : DataKey.requesterType.allowed()) {
            int n = byType.get(type);
            int d = deniedByType.get(type);
            rates.put(type, new Rate(n, d, per100(d, n)));
            // d/n > 2 * D/N, compared exactly
            if (d >= OUTLIER_MIN_DENIALS && (long) d * rows.size() > 2L * denied.size() * n) {
                outliers.add(new Outlier(type, n, d, per100(d, n), overall));
            }
        }

        Map<String, BigDecimal> onTimeShare = new LinkedHashMap<>();
        Map<String, ClockFigure> clocks = new LinkedHashMap<>();
        for (String clock : DataKey.clock.allowed()) {
            int onTime = 0;
            int late = 0;
            int open = 0;
            for (RequestRow row : rows) {
                RequestRow.ClockEnd end = row.clocks().get(clock);
                if (end == RequestRow.ClockEnd.on_time) {
                    onTime++;
                } else if (end == RequestRow.ClockEnd.late) {
                    late++;
                } else if (end == RequestRow.ClockEnd.open) {
                    open++;
                }
            }
            BigDecimal share = share(onTime, onTime + late);
            onTimeShare.put(clock, share);
            clocks.put(clock, new ClockFigure(onTime, late, open, share));
        }

        Map<String, Days> daysByType = new LinkedHashMap<>();
        for (String type : DataKey.requesterType.allowed()) {
            daysByType.put(type, days(rows.stream().filter(r -> type.equals(r.requesterType())).toList()));
        }
        Days all = days(rows);

        int signed = (int) denied.stream().filter(RequestRow::analysisSigned).count();
        int sent = (int) denied.stream().filter(RequestRow::letterSent).count();
        int documented = (int) denied.stream().filter(RequestRow::documented).count();

        Map<String, Integer> byOutcome = new TreeMap<>();
        for (String outcome : DataKey.outcome.allowed()) {
            byOutcome.put(outcome, 0);
        }
        byOutcome.put(PENDING, 0);
        for (ComplaintRow complaint : complaints) {
            byOutcome.merge(complaint.outcome() == null ? PENDING : complaint.outcome(), 1, Integer::sum);
        }
        int linked = (int) complaints.stream().filter(c -> c.linkedRequestId() != null).count();

        List<Quarter> trend = new ArrayList<>();
        for (LocalDate[] q : quarters) {
            List<RequestRow> in = trendRows.stream()
                    .filter(r -> !r.receivedOn().isBefore(q[0]) && !r.receivedOn().isAfter(q[1])).toList();
            int d = (int) in.stream().filter(RequestRow::denied).count();
            trend.add(new Quarter(q[0].getYear() + "-Q" + ((q[0].getMonthValue() - 1) / 3 + 1), q[0], q[1], in.size(),
                    d, per100(d, in.size()), days(in).median()));
        }

        return new Dashboard(clinicId, period.from(), period.to(), period.zone().getId(), rows.size(), byChannel,
                byType, denied.size(), overall, countPresent(denied, RequestRow::basis),
                countPresent(denied, RequestRow::exceptionCode), rates, onTimeShare, clocks, all.median(), all.p90(),
                daysByType, share(documented, denied.size()), new Documentation(denied.size(), signed, sent, documented),
                complaints.size(), byOutcome, linked, trend, OUTLIER_RULE, outliers);
    }

    static Days days(List<RequestRow> rows) {
        List<Long> days = rows.stream().filter(RequestRow::fulfilled).map(RequestRow::daysToFulfill).sorted().toList();
        return new Days(days.size(), percentile(days, 0.5), percentile(days, 0.9));
    }

    /**
     * The p-th percentile by linear interpolation between the closest ranks (as PostgreSQL's percentile_cont and
     * spreadsheets' PERCENTILE.INC): position p * (n - 1) in the sorted values. Null for no values.
     */
    static BigDecimal percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        BigDecimal position = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(sorted.size() - 1L));
        int lower = position.intValue();
        BigDecimal fraction = position.subtract(BigDecimal.valueOf(lower));
        BigDecimal low = BigDecimal.valueOf(sorted.get(lower));
        if (lower + 1 >= sorted.size()) {
            return low.setScale(1, RoundingMode.HALF_UP);
        }
        BigDecimal high = BigDecimal.valueOf(sorted.get(lower + 1));
        return low.add(high.subtract(low).multiply(fraction)).setScale(1, RoundingMode.HALF_UP);
    }

    /** Per 100, one decimal, half up; 0 of 0 is 0. */
    static BigDecimal per100(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** A share from 0 to 1, four decimals, half up; null when there is nothing to share. */
    static BigDecimal share(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static Map<String, Integer> count(List<RequestRow> rows, Function<RequestRow, String> key,
            Iterable<String> codes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String code : codes) {
            counts.put(code, 0);
        }
        for (RequestRow row : rows) {
            String code = key.apply(row);
            if (code != null) {
                counts.merge(code, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Map<String, Integer> countPresent(List<RequestRow> rows, Function<RequestRow, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        for (RequestRow row : rows) {
            String code = key.apply(row);
            if (code != null) {
                counts.merge(code, 1, Integer::sum);
            }
        }
        return counts;
    }
}
