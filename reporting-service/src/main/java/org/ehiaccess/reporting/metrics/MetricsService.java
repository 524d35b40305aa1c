package org.ehiaccess.reporting.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The dashboard of one clinic for one period, with its trend. */
@ApplicationScoped
public class MetricsService {

    /** The trend shows at least this many quarters, ending with the period's last. */
    static final int TREND_QUARTERS = 4;

    @Inject
    ReportData data;

    public Figures.Dashboard dashboard(String clinicId, Period period) {
        List<LocalDate[]> quarters = quarters(period);
        LocalDate trendStart = quarters.get(0)[0];
        // the last quarter ends on or after the period's last day
        LocalDate trendEnd = quarters.get(quarters.size() - 1)[1].plusDays(1);
        List<RequestRow> trendRows = data.requests(clinicId, trendStart.atStartOfDay(period.zone()).toInstant(),
                trendEnd.atStartOfDay(period.zone()).toInstant(), period.zone());
        List<RequestRow> rows = trendRows.stream().filter(r -> period.contains(r.receivedOn())).toList();
        return Figures.of(clinicId, period, rows, trendRows, quarters,
                data.complaints(clinicId, period.start(), period.end(), period.zone()));
    }

    /** The requests received in the period. */
    public List<RequestRow> requests(String clinicId, Period period) {
        return data.requests(clinicId, period.start(), period.end(), period.zone());
    }

    /** The calendar quarters from the period's first (or three before its last, if earlier) to its last. */
    static List<LocalDate[]> quarters(Period period) {
        LocalDate last = Period.quarterStart(period.to());
        LocalDate first = Period.quarterStart(period.from());
        LocalDate earliest = last.minusMonths(3L * (TREND_QUARTERS - 1));
        if (earliest.isBefore(first)) {
            first = earliest;
        }
        List<LocalDate[]> quarters = new ArrayList<>();
        for (LocalDate q = first; !q.isAfter(last); q = q.plusMonths(3)) {
            quarters.add(new LocalDate[] { q, q.plusMonths(3).minusDays(1) });
        }
        return quarters;
    }
}
