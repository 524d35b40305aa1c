package org.ehiaccess.decision.letter;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.decision.audit.AuditTrail;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.version.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/**
 * The clinic's letter templates, one per kind: Qute text over the letter data model. What the law requires in a
 * letter is added by the service after the template (see GET .../data-model), so a template cannot leave it out.
 */
@Path("/api/v1/letter-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LetterTemplateResource {

    @Inject
    LetterTemplateService templates;

    @Inject
    LetterRenderer renderer;

    @Inject
    AuditTrail audit;

    /** The names a template can use, the syntax, and what the service always adds. */
    public record DataModel(String syntax, List<LetterDataModel.Name> names, String requiredContent) {
    }

    @GET
    @PermissionsAllowed(Permissions.READ_TEMPLATES)
    @Operation(summary = "Every letter kind with its subject and body and whether the clinic customised it")
    public List<LetterTemplateService.Template> list() {
        return templates.all();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_TEMPLATES)
    @Path("data-model")
    @Operation(summary = "The names a template can use and the content the service always adds")
    public DataModel dataModel() {
        return new DataModel("Qute expressions such as {recipient.name}, {#if note}...{/if} and {#for e in"
                + " decision.exceptions}{e.id} {e.name}{#if e_hasNext}, {/if}{/for}; nothing else (no namespace, method,"
                + " {#include}, {#let} or other section). The body is plain text:"
                + " a blank line starts a paragraph, a line starting with \"- \" is a list item, a line starting with"
                + " \"# \" is a heading. HTML is not interpreted.", LetterDataModel.NAMES,
                "After the template the service always adds what the law requires: for a denial or partial fulfillment"
                        + " the section \"" + RequiredContent.TITLE + "\" with the basis, the review rights where the"
                        + " ground is reviewable, and how to complain to the clinic and to HHS (164.524(d)(2)); for an"
                        + " infeasibility notice the reasons (171.204(b)); for an extension the reasons and the date of"
                        + " action (164.524(b)(2)(ii)); for a no-records notice where to send the request, if known"
                        + " (164.524(d)(3)).");
    }

    @GET
    @PermissionsAllowed(Permissions.READ_TEMPLATES)
    @Path("{kind}")
    @Operation(summary = "One kind's template (ETag: its version)")
    public Response get(@PathParam("kind") String kind) {
        LetterTemplateService.Template template = templates.get(kind(kind));
        return Versions.ok(template, template.version());
    }

    @PUT
    @PermissionsAllowed(Permissions.EDIT_TEMPLATES)
    @Path("{kind}")
    @Operation(summary = "Save the clinic's wording of a kind (If-Match required)",
            description = "{subject, body}: the template must parse and use only names of the data model (400 naming"
                    + " subject or body otherwise).")
    public Response save(@PathParam("kind") String kind, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            LetterTemplateService.Update update) {
        LetterKind letterKind = kind(kind);
        long expected = Versions.required(ifMatch);
        LetterTemplateService.Template saved = templates.save(letterKind, update, expected);
        return Versions.ok(saved, saved.version());
    }

    @POST
    @PermissionsAllowed(Permissions.EDIT_TEMPLATES)
    @Path("{kind}/reset")
    @Operation(summary = "Back to the shipped default wording (If-Match optional)")
    public Response reset(@PathParam("kind") String kind, @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        LetterTemplateService.Template reset = templates.reset(kind(kind), Versions.optional(ifMatch));
        return Versions.ok(reset, reset.version());
    }

    @POST
    @PermissionsAllowed(Permissions.EDIT_TEMPLATES)
    @Path("{kind}/preview")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The wording rendered with sample data, required content included (nothing is saved)",
            description = "Checked as a save is: 400 naming subject or body for anything not on the data model.")
    public String preview(@PathParam("kind") String kind, LetterTemplateService.Update update) {
        LetterKind letterKind = kind(kind);
        LetterTemplateService.Template current = templates.get(letterKind);
        String subject = update == null || update.subject() == null ? current.subject() : update.subject();
        String body = update == null || update.body() == null ? current.body() : update.body();
        templates.validateForPreview(letterKind, new LetterTemplateService.Update(subject, body));
        return renderer.render(subject, body, LetterTemplateService.sample(letterKind)).html();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_TEMPLATES)
    @Path("{kind}/history")
    @Operation(summary = "Every change to a kind's template, oldest first")
    public List<AuditTrail.Entry> history(@PathParam("kind") String kind) {
        return audit.of(AuditTrail.LETTER_TEMPLATE, kind(kind).name());
    }

    private static LetterKind kind(String text) {
        return LetterKind.parse(text).orElseThrow(() -> ProblemException.notFound("Letter kind " + text));
    }
}
