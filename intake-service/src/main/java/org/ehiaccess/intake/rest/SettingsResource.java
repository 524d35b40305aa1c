package org.ehiaccess.intake.rest;

import org.ehiaccess.platform.version.Versions;
import static org.ehiaccess.platform.clinic.StaffRole.CLINICIAN;
import static org.ehiaccess.platform.clinic.StaffRole.CLINIC_ADMIN;
import static org.ehiaccess.platform.clinic.StaffRole.COMPLIANCE_LEAD;
import static org.ehiaccess.platform.clinic.StaffRole.FRONT_DESK;
import static org.ehiaccess.platform.clinic.StaffRole.PRIVACY_OFFICER;
import static org.ehiaccess.platform.clinic.StaffRole.SUPERVISOR;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
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
import org.ehiaccess.intake.policy.ClinicSettings;
import org.ehiaccess.intake.policy.ResponsePolicy;
import org.ehiaccess.intake.service.ClinicSettingsService;
import org.ehiaccess.intake.service.PolicyChanges;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
    @RolesAllowed({ FRONT_DESK, CLINICIAN, PRIVACY_OFFICER, SUPERVISOR, COMPLIANCE_LEAD, CLINIC_ADMIN })
    public Response get() {
        ClinicSettings current = settings.current();
        return Versions.ok(SettingsView.of(current), current.version);
    }

    @PUT
    @RolesAllowed(CLINIC_ADMIN)
    @Operation(summary = "Change the clinic's settings", description = "Due dates of open requests are recomputed. If-Match: the version you edited.")
    public Response update(@HeaderParam(Versions.IF_MATCH) String ifMatch, @Valid @NotNull SettingsUpdate update) {
        ClinicSettings saved = policyChanges.update(Versions.required(ifMatch), update);
        return Versions.ok(SettingsView.of(saved), saved.version);
    }

    @GET
    @Path("audit")
    @RolesAllowed({ CLINIC_ADMIN, COMPLIANCE_LEAD })
    public List<AuditEntry> audit() {
        return AuditEntry.of("settings", settings.current().clinicId);
    }
}
