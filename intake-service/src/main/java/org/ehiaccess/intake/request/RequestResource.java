package org.ehiaccess.intake.request;

import org.ehiaccess.platform.version.Versions;
import static org.ehiaccess.platform.clinic.StaffRole.CLINICIAN;
import static org.ehiaccess.platform.clinic.StaffRole.CLINIC_ADMIN;
import static org.ehiaccess.platform.clinic.StaffRole.FRONT_DESK;
import static org.ehiaccess.platform.clinic.StaffRole.PRIVACY_OFFICER;
import static org.ehiaccess.platform.clinic.StaffRole.SUPERVISOR;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ehiaccess.intake.settings.ClinicSettingsService;
import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** The EHI Request Log API: every request from every channel, found by filter, exported as CSV. */
@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    /** Everyone but the compliance lead (who reviews, not works, requests) changes requests. */
    static final String[] WORKERS = { FRONT_DESK, CLINICIAN, PRIVACY_OFFICER, SUPERVISOR, CLINIC_ADMIN };

    @Inject
    RequestLogService log;

    @Inject
    RequestChanges changes;

    @Inject
    RequestSearch search;

    @Inject
    RequestCsv csv;

    @Inject
    ClinicSettingsService settings;

    @Inject
    Clock clock;

    @POST
    @PermissionsAllowed(Permissions.LOG_REQUEST)
    @Operation(summary = "Log a request for EHI", description = "A retry with the same Idempotency-Key returns the first result and creates nothing.")
    public Response create(NewRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        RequestView saved = log.log(request, idempotencyKey);
        return Response.created(URI.create("/api/v1/requests/" + saved.id()))
                .header(Versions.ETAG, Versions.etag(saved.version()))
                .entity(saved)
                .build();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_REQUESTS)
    @Path("{id}")
    @Operation(summary = "One request of the signed-in clinic, with its clocks and possible duplicates")
    public Response get(@PathParam("id") UUID id) {
        EhiRequest request = log.get(id);
        return withVersion(request, RequestView.detail(request, clock.instant()));
    }

    @PUT
    @PermissionsAllowed(Permissions.EDIT_REQUEST)
    @Path("{id}")
    @Operation(summary = "Correct or complete a request's details", description = "Send the version you edited in If-Match; a stale edit answers 409.")
    public Response edit(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch, NewRequest details) {
        EhiRequest request = changes.edit(id, Versions.required(ifMatch), details);
        return withVersion(request, RequestView.detail(request, clock.instant()));
    }

    @GET
    @PermissionsAllowed(Permissions.READ_REQUESTS)
    @Operation(summary = "Find requests", description = "Filters: status (repeatable), due=due_soon|overdue, requesterType, channel, assignee, receivedFrom, receivedTo (clinic dates), q (free text); sort=due|received; keyset pages: follow the Link rel=next header.")
    public Response list(@BeanParam LogQuery query, @Context UriInfo uri) {
        RequestSearch.Page page = search.find(query.filter(), query.cursor(), query.limit(50), zone());
        Instant now = clock.instant();
        List<RequestView> items = page.requests().stream().map(r -> RequestView.summary(r, now)).toList();
        Response.ResponseBuilder response = Response.ok(items);
        if (page.next() != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("after", page.next().encode()).build(), "next");
        }
        return response.build();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_REQUESTS)
    @Path("export")
    @Produces("text/csv")
    @Operation(summary = "The filtered log as CSV (every page), in the clinic's time zone")
    public Response exportCsv(@BeanParam LogQuery query) {
        return Response.ok(csv.write(query.filter(), zone()))
                .header("Content-Disposition", "attachment; filename=\"ehi-request-log.csv\"")
                .build();
    }

    private ZoneId zone() {
        return settings.current().zone();
    }

    static Response withVersion(EhiRequest request, Object body) {
        return Versions.ok(body, request.version);
    }
}
