package org.ehiaccess.reporting.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.reporting.event.DataKey;

import io.quarkus.security.PermissionsAllowed;

/**
 * The clinic's figures on its own handling of requests, for the compliance lead, supervisors and the clinic admin
 * (read-only). The clinic is the token's; {@code from} and {@code to} are days in {@code zone} (default
 * {@value Period#DEFAULT_ZONE}), this quarter when absent.
 */
@Path("/api/v1")
public class MetricsResource {

    /** Which requests a figure counts: {@code GET /api/v1/metrics/requests?figure=...}. */
    public enum Figure {
        received, denied, fulfilled, documented, undocumented, on_time, late, open
    }

    /** The request ids behind one figure, for the request log to show exactly those requests. */
    public record FigureRequests(String figure, LocalDate from, LocalDate to, String zone, int count,
            List<UUID> requestIds) {
    }

    @Inject
    ClinicContext clinic;

    @Inject
    MetricsService metrics;

    @GET
    @Path("metrics")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.READ_METRICS)
    @Operation(summary = "The dashboard's figures for a period (default: this quarter)")
    public Figures.Dashboard dashboard(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("zone") String zone) {
        return metrics.dashboard(clinic.clinicId(), period(from, to, zone));
    }

    @GET
    @Path("metrics.csv")
    @Produces("text/csv")
    @PermissionsAllowed(Permissions.READ_METRICS)
    @Operation(summary = "One table of the dashboard as CSV", description = "table: byChannel, byRequesterType, denialsByBasis,"
            + " denialsByException, denialRateByRequesterType, onTimeShare, daysToFulfill, complaintsByOutcome,"
            + " trendByQuarter, outliers")
    public Response csv(@QueryParam("table") String table, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("zone") String zone) {
        if (table == null || !MetricsCsv.TABLE_NAMES.contains(table)) {
            throw ProblemException.invalid("table", "must be one of " + MetricsCsv.TABLES);
        }
        Figures.Dashboard dashboard = metrics.dashboard(clinic.clinicId(), period(from, to, zone));
        return Response.ok(MetricsCsv.table(dashboard, table))
                .header("Content-Disposition", "attachment; filename=\"" + table + "-" + dashboard.from() + "-"
                        + dashboard.to() + ".csv\"")
                .build();
    }

    @GET
    @Path("metrics/requests")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.READ_METRICS)
    @Operation(summary = "The ids of the requests behind a figure",
            description = "figure: received, denied, fulfilled, documented (denials with a signed analysis and a letter"
                    + " sent), undocumented, on_time, late, open (these three need clock). Optional filters: channel,"
                    + " requesterType, basis (a legal basis or 'unrecorded'), exception, clock.")
    public FigureRequests requests(@QueryParam("figure") String figure, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("zone") String zone, @QueryParam("channel") String channel,
            @QueryParam("requesterType") String requesterType, @QueryParam("basis") String basis,
            @QueryParam("exception") String exception, @QueryParam("clock") String clock) {
        code(figure, "figure", Set.of(names(Figure.values())), true);
        Figure which = Figure.valueOf(figure);
        code(channel, "channel", DataKey.channel.allowed(), false);
        code(requesterType, "requesterType", DataKey.requesterType.allowed(), false);
        Set<String> bases = new TreeSet<>(DataKey.legalBasis.allowed());
        bases.add(RequestRow.UNRECORDED);
        code(basis, "basis", bases, false);
        code(clock, "clock", DataKey.clock.allowed(), which == Figure.on_time || which == Figure.late
                || which == Figure.open);
        if (exception != null && !DataKey.exceptionCode.accepts(exception)) {
            throw ProblemException.invalid("exception", "must be a Part 171 exception section such as 171.204");
        }
        Period period = period(from, to, zone);
        Predicate<RequestRow> test = switch (which) {
            case received -> r -> true;
            case denied -> RequestRow::denied;
            case fulfilled -> RequestRow::fulfilled;
            case documented -> r -> r.denied() && r.documented();
            case undocumented -> r -> r.denied() && !r.documented();
            case on_time -> r -> r.clocks().get(clock) == RequestRow.ClockEnd.on_time;
            case late -> r -> r.clocks().get(clock) == RequestRow.ClockEnd.late;
            case open -> r -> r.clocks().get(clock) == RequestRow.ClockEnd.open;
        };
        if (channel != null) {
            test = test.and(r -> channel.equals(r.channel()));
        }
        if (requesterType != null) {
            test = test.and(r -> requesterType.equals(r.requesterType()));
        }
        if (basis != null) {
            test = test.and(r -> r.denied() && basis.equals(r.basis()));
        }
        if (exception != null) {
            test = test.and(r -> r.denied() && exception.equals(r.exceptionCode()));
        }
        if (clock != null && which != Figure.on_time && which != Figure.late && which != Figure.open) {
            test = test.and(r -> r.clocks().containsKey(clock));
        }
        List<UUID> ids = new ArrayList<>();
        for (RequestRow row : metrics.requests(clinic.clinicId(), period)) {
            if (test.test(row)) {
                ids.add(row.id());
            }
        }
        return new FigureRequests(figure, period.from(), period.to(), period.zone().getId(), ids.size(), ids);
    }

    private static Period period(String from, String to, String zone) {
        return Period.parse(from, to, zone, LocalDate.now(Period.zone(zone)));
    }

    private static String code(String value, String field, Set<String> allowed, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw ProblemException.invalid(field, "is required: one of " + String.join(", ", allowed));
            }
            return null;
        }
        if (!allowed.contains(value)) {
            throw ProblemException.invalid(field, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
