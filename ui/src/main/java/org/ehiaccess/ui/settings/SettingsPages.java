package org.ehiaccess.ui.settings;

import static org.ehiaccess.ui.security.StaffRole.CLINICIAN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.ui.client.intake.ClinicSettings;
import org.ehiaccess.ui.client.intake.IntakeRefusedException;
import org.ehiaccess.ui.client.intake.Manner;
import org.ehiaccess.ui.client.intake.RequesterType;
import org.ehiaccess.ui.client.intake.SettingsClient;
import org.ehiaccess.ui.web.AuditLine;
import org.ehiaccess.ui.web.ClinicZones;
import org.ehiaccess.ui.security.SignedInUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The clinic's settings: every clinic role reads them; the clinic administrator changes them (with
 * the version read, If-Match), and the due dates of open requests are recomputed. The audit trail is
 * the administrator's and the compliance lead's.
 */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE,
        CLINIC_ADMIN_ROLE })
public class SettingsPages {

    static final int UNPROCESSABLE = 422;

    /** The settings as read, in words, for those who cannot change them (and beside the form). */
    public record SettingsView(ClinicSettings settings) {
        public String zone() {
            return SettingsForm.label(settings.timeZone());
        }

        public ClinicSettings.ResponsePolicy policy() {
            return settings.responsePolicy();
        }

        public String who(ClinicSettings.TargetRule rule) {
            String type = rule.requesterType() == null ? "Anyone"
                    : java.util.Arrays.stream(RequesterType.values()).filter(t -> t.wire().equals(rule.requesterType()))
                            .map(RequesterType::label).findFirst().orElse(rule.requesterType());
            String manner = rule.manner() == null ? "" : ", " + java.util.Arrays.stream(Manner.values())
                    .filter(m -> m.wire().equals(rule.manner())).map(Manner::label).findFirst().orElse(rule.manner());
            return type + manner;
        }

        public String thresholds() {
            return String.join(", ", policy().alertThresholds().stream().map(t -> t + " %").toList());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SettingsView view, SettingsForm form, List<AuditLine> audit, boolean saved);
    }

    @Inject
    SettingsClient settings;

    @Inject
    ClinicZones zones;

    @Inject
    SignedInUser user;

    @GET
    public TemplateInstance show(@QueryParam("saved") boolean saved) {
        ClinicSettings current = settings.settings();
        return Templates.settings(new SettingsView(current), SettingsForm.of(current), audit(), saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(CLINIC_ADMIN_ROLE)
    public Response save(@BeanParam SettingsForm form) {
        form.normalized();
        ClinicSettings.Update update = form.toUpdate();
        if (update == null) {
            return again(form, UNPROCESSABLE);
        }
        if (form.editedVersion() < 0) {
            form.problem("This form did not say which version of the settings it was filled from. Reload and try again.");
            return again(form, UNPROCESSABLE);
        }
        try {
            settings.update(form.editedVersion(), update);
        } catch (IntakeRefusedException refused) {
            switch (refused.status()) {
                case 400 -> form.reject(refused.problem());
                case 409, 412, 428 -> {
                    form.conflict();
                    return again(form, Response.Status.CONFLICT.getStatusCode());
                }
                default -> throw refused;
            }
            return again(form, UNPROCESSABLE);
        }
        zones.forget(user.clinicId().orElse(null));
        return Response.seeOther(URI.create("/settings?saved=true")).build();
    }

    private Response again(SettingsForm form, int status) {
        ClinicSettings current = settings.settings();
        return Response.status(status).entity(Templates.settings(new SettingsView(current), form, audit(), false)).build();
    }

    private List<AuditLine> audit() {
        return user.canViewSettingsAudit() ? AuditLine.of(settings.audit()) : List.of();
    }
}
