package org.ehiaccess.reporting.policy;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.version.Versions;
import org.ehiaccess.reporting.Days;

import io.quarkus.security.PermissionsAllowed;

/**
 * The clinic's versioned policies (Markdown): drafts, approval (then immutable), and the version in force on a day.
 * The first use loads the shipped "HIPAA right of access and information blocking" template as a draft.
 */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    ClinicContext clinic;

    @Inject
    PolicyStore policies;

    @GET
    @PermissionsAllowed(Permissions.READ_POLICIES)
    @Operation(summary = "The latest version of each of the clinic's policies")
    public List<Policy.VersionSummary> list() {
        return policies.latest(clinicWithTemplate());
    }

    @GET
    @Path("{key}/versions")
    @PermissionsAllowed(Permissions.READ_POLICIES)
    @Operation(summary = "Every version of a policy, oldest first")
    public List<Policy.VersionSummary> versions(@PathParam("key") String key) {
        return policies.versions(clinicWithTemplate(), key);
    }

    @POST
    @Path("{key}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.EDIT_POLICY)
    @Operation(summary = "Draft a new policy (title and body) or the next version of one (from the latest text"
            + " unless given)", description = "409 conflict while a draft of the policy exists.")
    public Response draft(@PathParam("key") String key, Policy.Draft input) {
        Policy.Version v = policies.draft(clinicWithTemplate(), key, input, clinic.actor());
        return Response.created(URI.create("/api/v1/policies/" + key + "/versions/" + v.version())).entity(v)
                .header(Versions.ETAG, Versions.etag(v.rowVersion())).build();
    }

    @GET
    @Path("{key}/versions/{version}")
    @PermissionsAllowed(Permissions.READ_POLICIES)
    @Operation(summary = "One version with its text; the ETag guards a draft's edit")
    public Response get(@PathParam("key") String key, @PathParam("version") int version) {
        Policy.Version v = policies.get(clinicWithTemplate(), key, version);
        return Versions.ok(v, v.rowVersion());
    }

    @PUT
    @Path("{key}/versions/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.EDIT_POLICY)
    @Operation(summary = "Edit a draft (If-Match: its ETag)", description = "An approved version answers 409 locked.")
    public Response edit(@PathParam("key") String key, @PathParam("version") int version,
            @HeaderParam(Versions.IF_MATCH) String ifMatch, Policy.Draft input) {
        Policy.Version v = policies.edit(clinicWithTemplate(), key, version, Versions.required(ifMatch), input,
                clinic.actor());
        return Versions.ok(v, v.rowVersion());
    }

    @POST
    @Path("{key}/versions/{version}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.APPROVE_POLICY)
    @Operation(summary = "Approve a draft (If-Match: its ETag); it never changes again",
            description = "{effectiveFrom?, zone?}: in force from that day (default today in the zone); not in the"
                    + " past, not before an earlier version's day.")
    public Response approve(@PathParam("key") String key, @PathParam("version") int version,
            @HeaderParam(Versions.IF_MATCH) String ifMatch, Policy.Approval input) {
        Policy.Version v = policies.approve(clinicWithTemplate(), key, version, Versions.required(ifMatch), input,
                clinic.actor());
        return Versions.ok(v, v.rowVersion());
    }

    @GET
    @Path("{key}/in-force")
    @PermissionsAllowed(Permissions.READ_POLICIES)
    @Operation(summary = "The version in force on a day (date=YYYY-MM-DD)",
            description = "The approved version with the latest effective day on or before it; 404 when none was.")
    public Policy.Version inForce(@PathParam("key") String key, @QueryParam("date") String date) {
        String clinicId = clinicWithTemplate();
        LocalDate day = Days.day(date, "date");
        return policies.inForce(clinicId, key, day).orElseThrow(() -> ProblemException.notFound(
                "A version of this policy in force on " + day));
    }

    private String clinicWithTemplate() {
        String clinicId = clinic.clinicId();
        policies.loadTemplate(clinicId);
        return clinicId;
    }
}
