package org.ehiaccess.reporting.rebuild;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehiaccess.platform.security.Permissions;

import io.quarkus.security.PermissionsAllowed;

/**
 * The operator's rebuild of every clinic's figures from the stored events. It takes a service account's token (role
 * {@code service}): the platform admin reads no clinical data, and no clinic's staff may touch other clinics' rows.
 */
@Path("/api/v1/rebuild")
public class RebuildResource {

    @Inject
    Rebuild rebuild;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.REBUILD_REPORTS)
    @Operation(summary = "Empty the query tables and project them again from the stored events (service role only)")
    public Rebuild.Result rebuild() {
        return rebuild.run();
    }
}
