package org.ehiaccess.ui.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.ehiaccess.ui.client.intake.ComplaintStatus;
import org.ehiaccess.ui.client.intake.IntakeClient;
import org.ehiaccess.ui.client.intake.RequestRecord;
import org.ehiaccess.ui.config.UiConfig;
import org.ehiaccess.ui.web.ClinicZones;
import org.ehiaccess.ui.security.SignedInUser;
import org.jboss.logging.Logger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/**
 * The clinic's dashboard (read-only): its figures on its own handling of requests for a period, each chart with its
 * numbers in a table, every figure a link to the requests behind it, every table as CSV, and the complaints to follow
 * up. Open to whoever may read the figures ({@code metrics:read}: supervisor, compliance lead, clinic admin). When
 * reporting-service is down the page says so (503), and nothing else on the ui is affected.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    private static final Logger LOG = Logger.getLogger(DashboardPages.class);
    static final String READ_METRICS = "metrics:read";
    static final List<String> CSV_TABLES = List.of("byChannel", "byRequesterType", "denialsByBasis",
            "denialsByException", "denialRateByRequesterType", "onTimeShare", "daysToFulfill", "complaintsByOutcome",
            "trendByQuarter", "outliers");
    /** The page's tables reporting-service does not export: the ui writes their CSV from the same figures. */
    static final List<String> PAGE_TABLES = List.of("summary", "denialDocumentation");

    /** A choice of the period form. */
    public record Choice(String value, String label) {
    }

    static final List<Choice> CHOICES = List.of(new Choice("month", "Month"), new Choice("quarter", "Quarter"),
            new Choice("year", "Year"), new Choice("custom", "Custom days"));

    /** One complaint to follow up: logged with no request linked. */
    public record UnlinkedComplaint(UUID complaintId, LocalDate loggedOn, String status, String outcome) {
    }

    /** One request with a complaint but no signed decision. */
    public record UnsignedRequest(UUID requestId, List<UUID> complaintIds) {
    }

    /** An outlier of the denial rates, in words. */
    public record OutlierLine(String requesterType, String label, int requests, int denials,
            java.math.BigDecimal per100, java.math.BigDecimal overallPer100) {
    }

    /**
     * @param unavailable reporting-service could not be asked: the page says so instead of figures
     */
    public record View(DashboardPeriod period, List<Choice> choices, String zone, boolean unavailable,
            DashboardTables.Table summary, List<DashboardTables.Table> tables,
            List<OutlierLine> outliers, String outlierRule, List<UnlinkedComplaint> unlinkedComplaints,
            List<UnsignedRequest> unsignedRequests, boolean reconciliationUnavailable) {

        public String periodQuery() {
            return period.from() == null ? "" : period.query();
        }
    }

    /** The requests behind one figure, one page of them. */
    public record RequestsView(FigureQuery figure, DashboardPeriod period, int count, List<RequestRecord> requests,
            int missing, int page, int pages, boolean unavailable) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public String previousHref() {
            return figure.href() + "&page=" + (page - 1);
        }

        public String nextHref() {
            return figure.href() + "&page=" + (page + 1);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(View view);

        static native TemplateInstance requests(RequestsView view);
    }

    @Inject
    SignedInUser user;

    @Inject
    ClinicZones zones;

    @Inject
    ReportingClient reporting;

    @Inject
    IntakeClient intake;

    @Inject
    UiConfig config;

    @GET
    public Response dashboard(@QueryParam("period") String kind, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        requireMetrics();
        ZoneId zone = zone();
        DashboardPeriod period = DashboardPeriod.of(kind, from, to, LocalDate.now(zone));
        if (!period.valid()) {
            return page(400, view(period, zone, false, null, null));
        }
        ReportingFigures.Dashboard figures;
        try {
            figures = reporting.dashboard(period.from(), period.to(), zone);
        } catch (ReportingUnavailableException | FaultToleranceException e) {
            LOG.warnf("reporting-service unavailable: %s", e.toString());
            return page(503, view(period, zone, true, null, null));
        } catch (ReportingRefusedException e) {
            throw refused(e);
        }
        ReportingFigures.Reconciliation reconciliation = null;
        try {
            reconciliation = reporting.reconciliation(zone);
        } catch (ReportingUnavailableException | FaultToleranceException e) {
            LOG.warnf("reporting-service's reconciliation unavailable: %s", e.toString());
        } catch (ReportingRefusedException e) {
            throw refused(e);
        }
        return page(200, view(period, zone, false, figures, reconciliation));
    }

    /** One of reporting-service's CSV tables of the period, as it answers it for this person. */
    @GET
    @Path("csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("table") String table, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        requireMetrics();
        if (table == null || !CSV_TABLES.contains(table) && !PAGE_TABLES.contains(table)) {
            return plain(400, "There is no table by that name. The tables are: " + String.join(", ", CSV_TABLES) + ", "
                    + String.join(", ", PAGE_TABLES) + ".");
        }
        ZoneId zone = zone();
        DashboardPeriod period = DashboardPeriod.of("custom", from, to, LocalDate.now(zone));
        if (!period.valid()) {
            return plain(400, period.error());
        }
        try {
            String csv = CSV_TABLES.contains(table) ? reporting.csv(table, period.from(), period.to(), zone)
                    : pageTableCsv(table, period, zone);
            return Response.ok(csv, "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + table + "-" + period.from() + "-to-"
                            + period.to() + ".csv\"")
                    .build();
        } catch (ReportingUnavailableException | FaultToleranceException e) {
            LOG.warnf("reporting-service unavailable: %s", e.toString());
            return plain(503, "The clinic's figures are not available right now. Try again in a few minutes.");
        } catch (ReportingRefusedException e) {
            throw refused(e);
        }
    }

    /**
     * The requests behind one figure. intake-service's log cannot be filtered by a list of ids, so each request of
     * the page is read by its id: one page of {@code ui.request-log-size} at a time, never more.
     */
    @GET
    @Path("requests")
    public Response requests(@QueryParam("figure") String figure, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("channel") String channel,
            @QueryParam("requesterType") String requesterType, @QueryParam("basis") String basis,
            @QueryParam("exception") String exception, @QueryParam("clock") String clock,
            @QueryParam("page") Integer page) {
        requireMetrics();
        ZoneId zone = zone();
        DashboardPeriod period = DashboardPeriod.of("custom", from, to, LocalDate.now(zone));
        if (figure == null || !FigureQuery.FIGURES.contains(figure) || !period.valid()) {
            return plain(400, "This address names no figure of the dashboard. Open the dashboard and follow a number's"
                    + " link.");
        }
        FigureQuery query = new FigureQuery(figure, period.from(), period.to(), blank(channel), blank(requesterType),
                blank(basis), blank(exception), blank(clock));
        ReportingFigures.FigureRequests ids;
        try {
            ids = reporting.requests(query, zone);
        } catch (ReportingUnavailableException | FaultToleranceException e) {
            LOG.warnf("reporting-service unavailable: %s", e.toString());
            return Response.status(503).entity(Templates.requests(
                    new RequestsView(query, period, 0, List.of(), 0, 1, 1, true))).build();
        } catch (ReportingRefusedException e) {
            throw refused(e);
        }
        int size = Math.max(1, config.requestLogSize());
        int pages = Math.max(1, (ids.requestIds().size() + size - 1) / size);
        int current = page == null ? 1 : Math.min(Math.max(1, page), pages);
        List<UUID> slice = ids.requestIds().subList(Math.min((current - 1) * size, ids.requestIds().size()),
                Math.min(current * size, ids.requestIds().size()));
        List<RequestRecord> requests = new ArrayList<>();
        int missing = 0;
        for (UUID id : slice) {
            Optional<RequestRecord> request = intake.request(id);
            if (request.isPresent()) {
                requests.add(request.get());
            } else {
                missing++;
            }
        }
        return Response.ok(Templates.requests(new RequestsView(query, period, ids.requestIds().size(), requests,
                missing, current, pages, false))).build();
    }

    private String pageTableCsv(String table, DashboardPeriod period, ZoneId zone) {
        ReportingFigures.Dashboard figures = reporting.dashboard(period.from(), period.to(), zone);
        DashboardTables.Table t = "summary".equals(table) ? DashboardTables.summary(figures, period.from(), period.to())
                : DashboardTables.of(figures, period.from(), period.to()).stream().filter(x -> x.id().equals(table))
                        .findFirst().orElseThrow();
        return DashboardTables.csv(t);
    }

    private View view(DashboardPeriod period, ZoneId zone, boolean unavailable, ReportingFigures.Dashboard figures,
            ReportingFigures.Reconciliation reconciliation) {
        List<UnlinkedComplaint> unlinked = reconciliation == null ? List.of()
                : reconciliation.complaintsWithoutRequest().stream().map(c -> new UnlinkedComplaint(c.complaintId(),
                        c.loggedOn(), statusLabel(c.status()),
                        DashboardLabels.outcome(c.outcome() == null ? "pending" : c.outcome()))).toList();
        List<UnsignedRequest> unsigned = reconciliation == null ? List.of()
                : reconciliation.requestsWithComplaintButNoSignedDecision().stream()
                        .map(r -> new UnsignedRequest(r.requestId(), r.complaintIds())).toList();
        return new View(period, CHOICES, zone.getId(), unavailable,
                figures == null ? null : DashboardTables.summary(figures, period.from(), period.to()),
                figures == null ? List.of() : DashboardTables.of(figures, period.from(), period.to()),
                figures == null ? List.of() : figures.outliers().stream().map(o -> new OutlierLine(o.requesterType(),
                        DashboardLabels.requesterType(o.requesterType()), o.requests(), o.denials(), o.per100(),
                        o.overallPer100())).toList(),
                figures == null ? null : figures.outlierRule(),
                unlinked, unsigned, figures != null && reconciliation == null);
    }

    private static String statusLabel(String status) {
        try {
            return ComplaintStatus.valueOf(status).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return status == null ? "" : status;
        }
    }

    private void requireMetrics() {
        if (!user.can(READ_METRICS)) {
            throw new ForbiddenException();
        }
    }

    private ZoneId zone() {
        return zones.zoneOf(user.clinicId().orElse(null));
    }

    private static RuntimeException refused(ReportingRefusedException e) {
        if (e.status() == 401 || e.status() == 403) {
            return new ForbiddenException();
        }
        LOG.warnf("reporting-service refused a call: %d", e.status());
        return new jakarta.ws.rs.BadRequestException();
    }

    private static Response page(int status, View view) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.dashboard(view)).build();
    }

    private static Response plain(int status, String message) {
        return Response.status(status).type("text/plain; charset=utf-8").entity(message + "\n").build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
