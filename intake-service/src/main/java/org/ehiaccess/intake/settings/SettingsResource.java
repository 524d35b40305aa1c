package org.ehiaccess.intake.settings;

import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.version.Versions;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.intake.audit.AuditEntry;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** The clinic's time zone, closures and response policy. */
@Path("/api/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    ClinicSettingsService settings;

    @Inject
    PolicyChanges policyChanges;

    /** The settings as shown; {@code version} is also the ETag to send back in If-Match. */
    public record SettingsView(String timeZone, List<LocalDate> closures, ResponsePolicy responsePolicy, int version) {
        static SettingsView of(ClinicSettings s) {
            return new SettingsView(s.timeZone, List.copyOf(new TreeSet<>(Arrays.asList(s.closures))),
                    s.responsePolicy, s.version);
        }
    }

    @GET
    @PermissionsAllowed(Permissions.READ_SETTINGS)
    public Response get() {
        ClinicSettings current = settings.current();
        return Versions.ok(SettingsView.of(current), current.version);
    }

    @PUT
    @PermissionsAllowed(Permissions.EDIT_SETTINGS)
    @Operation(summary = "Change the clinic's settings", description = "Due dates of open requests are recomputed. If-Match: the version you edited.")
    public Response update(@HeaderParam(Versions.IF_MATCH) String ifMatch, @Valid @NotNull SettingsUpdate update) {
        ClinicSettings saved = policyChanges.update(Versions.required(ifMatch), update);
        return Versions.ok(SettingsView.of(saved), saved.version);
    }

    @GET
    @PermissionsAllowed(Permissions.READ_SETTINGS_AUDIT)
    @Path("audit")
    public List<AuditEntry> audit() {
        return AuditEntry.of("settings", settings.current().clinicId);
    }
}
