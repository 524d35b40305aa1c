package org.ehiaccess.decision.letter;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.decision.audit.AuditTrail;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.version.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** The clinic's letter settings: its name and address and the contact for complaints (164.524(d)(2)(iii)). */
@Path("/api/v1/letter-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LetterSettingsResource {

    @Inject
    LetterSettingsService settings;

    @Inject
    AuditTrail audit;

    @GET
    @PermissionsAllowed(Permissions.READ_LETTER_SETTINGS)
    @Operation(summary = "The letter settings (ETag: their version; version 0 and complete false until saved)")
    public Response get() {
        LetterSettingsService.Settings current = settings.current();
        return Versions.ok(current, current.version());
    }

    @PUT
    @PermissionsAllowed(Permissions.EDIT_LETTER_SETTINGS)
    @Operation(summary = "Save the letter settings (If-Match required)",
            description = "clinicName and privacyContactPhone are required, and the contact's name or title.")
    public Response save(@HeaderParam(Versions.IF_MATCH) String ifMatch, LetterSettingsService.Update update) {
        long expected = Versions.required(ifMatch);
        LetterSettingsService.Settings saved = settings.save(update, expected);
        return Versions.ok(saved, saved.version());
    }

    @GET
    @PermissionsAllowed(Permissions.READ_LETTER_SETTINGS)
    @Path("history")
    @Operation(summary = "Every change to the letter settings, oldest first")
    public List<AuditTrail.Entry> history() {
        return audit.of(AuditTrail.LETTER_SETTINGS, "settings");
    }
}
