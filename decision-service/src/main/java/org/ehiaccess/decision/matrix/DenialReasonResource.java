package org.ehiaccess.decision.matrix;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.decision.audit.AuditTrail;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.version.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.security.PermissionsAllowed;

/**
 * The clinic's Denial Reason Matrix: common situations -> legal path -> citation -> letter. Every staff member reads
 * it (the worksheet offers the matching rows); a clinic administrator changes it.
 */
@Path("/api/v1/denial-reasons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DenialReasonResource {

    @Inject
    DenialReasonService matrix;

    @Inject
    AuditTrail audit;

    /** The body of PUT: the complete list of rows. */
    // its OpenAPI name, fixed: the generated one depends on the order in which the classes are scanned
    @Schema(name = "Update")
    public record Update(List<DenialReason> rows) {
    }

    @GET
    @PermissionsAllowed(Permissions.READ_MATRIX)
    @Operation(summary = "The clinic's matrix, or the shipped defaults until it saves one (ETag: its version)")
    public Response get() {
        DenialReasonService.Matrix current = matrix.current();
        return Versions.ok(current, current.version());
    }

    @PUT
    @PermissionsAllowed(Permissions.EDIT_MATRIX)
    @Operation(summary = "Replace the clinic's rows (If-Match required)",
            description = "Every bad field is named, e.g. rows[2].legalPath: unknown legal path, exception, claimed"
                    + " basis, practice type, motive or letter kind; blank situation or citation; duplicate key; a"
                    + " legal path without its exception (hipaa_reviewable_preventing_harm -> 171.201,"
                    + " hipaa_unreviewable -> 171.202).")
    public Response save(@HeaderParam(Versions.IF_MATCH) String ifMatch, Update update) {
        long expected = Versions.required(ifMatch);
        if (update == null) {
            throw ProblemException.invalid("rows", "is required (a list of rows)");
        }
        DenialReasonService.Matrix saved = matrix.save(update.rows(), expected);
        return Versions.ok(saved, saved.version());
    }

    @POST
    @PermissionsAllowed(Permissions.EDIT_MATRIX)
    @Path("reset")
    @Operation(summary = "Back to the shipped defaults (If-Match optional)")
    public Response reset(@HeaderParam(Versions.IF_MATCH) String ifMatch) {
        DenialReasonService.Matrix reset = matrix.reset(Versions.optional(ifMatch));
        return Versions.ok(reset, reset.version());
    }

    @GET
    @PermissionsAllowed(Permissions.READ_MATRIX)
    @Path("suggestions")
    @Operation(summary = "The rows that fit a worksheet's practice, best first (a starting point)",
            description = "practiceType, claimedBasis and motive (repeatable) are catalog values of practice.*.")
    public DenialReasonService.Matrix suggestions(@QueryParam("practiceType") String practiceType,
            @QueryParam("claimedBasis") String claimedBasis, @QueryParam("motive") List<String> motives) {
        return matrix.suggestions(blankToNull(practiceType), blankToNull(claimedBasis),
                motives == null ? List.of() : motives.stream().filter(m -> !m.isBlank()).toList());
    }

    @GET
    @PermissionsAllowed(Permissions.READ_MATRIX)
    @Path("history")
    @Operation(summary = "Every change to the clinic's matrix, oldest first (who, when, before and after)")
    public List<AuditTrail.Entry> history() {
        return audit.of(AuditTrail.DENIAL_REASONS, "matrix");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
