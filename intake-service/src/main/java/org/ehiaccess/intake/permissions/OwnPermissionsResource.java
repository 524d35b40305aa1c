package org.ehiaccess.intake.permissions;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The operations of the permission table that the caller's roles allow, so that a front end offers a person only what
 * the services will let them do, without keeping a copy of the table.
 */
@Path("/api/v1/permissions/mine")
@Produces(MediaType.APPLICATION_JSON)
public class OwnPermissionsResource {

    /** The caller's operations, in table order. */
    public record OwnOperations(List<String> operations) {
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @PermissionsAllowed(Permissions.READ_OWN_OPERATIONS)
    @Operation(summary = "The operations the caller's roles allow (rows of the permission table)")
    public OwnOperations mine() {
        return new OwnOperations(List.copyOf(Permissions.of(identity.getRoles())));
    }
}
