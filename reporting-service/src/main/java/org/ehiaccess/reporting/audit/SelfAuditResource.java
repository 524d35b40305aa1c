package org.ehiaccess.reporting.audit;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.version.Versions;
import org.ehiaccess.reporting.Days;
import org.ehiaccess.reporting.metrics.Period;

import io.quarkus.security.PermissionsAllowed;

/**
 * The self-audit checklist: the articles' tasks shipped per clinic, the clinic admin's own tasks, retirements and
 * frequency changes (history kept), completions with a note and evidence (a link to a record, or a file of at most
 * 20 MiB kept in the database), and what is overdue.
 */
@Path("/api/v1/self-audit")
@Produces(MediaType.APPLICATION_JSON)
public class SelfAuditResource {

    /** The largest evidence file kept. */
    public static final int MAX_FILE = 20 * 1024 * 1024;
    static final int MAX_TASK = 1_000;
    static final int MAX_NOTE = 4_000;
    /** A record of this system (a path such as /requests/{id}) or an https address. */
    static final Pattern LINK = Pattern.compile("(/|https://)[^\\s]{1,1990}");
    static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9 ._()+-]{1,200}");

    @Inject
    ClinicContext clinic;

    @Inject
    SelfAuditStore store;

    @GET
    @Path("tasks")
    @PermissionsAllowed(Permissions.READ_SELF_AUDIT)
    @Operation(summary = "The checklist with each task's due date on asOf (default today in zone)",
            description = "retired=true also lists retired tasks. The first call loads the shipped tasks.")
    public List<SelfAudit.Task> tasks(@QueryParam("asOf") String asOf, @QueryParam("zone") String zone,
            @QueryParam("retired") boolean retired) {
        return store.tasks(clinicWithChecklist(zone), Days.dayOrToday(asOf, "asOf", zone), retired);
    }

    @GET
    @Path("overdue")
    @PermissionsAllowed(Permissions.READ_SELF_AUDIT)
    @Operation(summary = "The active tasks overdue on asOf (default today in zone): due date before that day")
    public List<SelfAudit.Task> overdue(@QueryParam("asOf") String asOf, @QueryParam("zone") String zone) {
        return store.tasks(clinicWithChecklist(zone), Days.dayOrToday(asOf, "asOf", zone), false).stream().filter(SelfAudit.Task::overdue)
                .toList();
    }

    @POST
    @Path("tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.EDIT_SELF_AUDIT)
    @Operation(summary = "Add a task of the clinic's own", description = "{task, responsibleRole, frequency, cfr?}")
    public Response add(SelfAudit.NewTask input, @QueryParam("zone") String zone) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input == null || input.task() == null || input.task().isBlank()) {
            errors.add(new Problem.FieldError("task", "is required"));
        } else if (input.task().length() > MAX_TASK) {
            errors.add(new Problem.FieldError("task", "must be at most " + MAX_TASK + " characters"));
        }
        if (input == null || input.responsibleRole() == null
                || !Permissions.staffRoles().contains(input.responsibleRole())) {
            errors.add(new Problem.FieldError("responsibleRole", "must be one of " + String.join(", ", Permissions.staffRoles())));
        }
        if (input == null || input.frequency() == null) {
            errors.add(new Problem.FieldError("frequency", "is required: monthly, quarterly, semiannual or annual"));
        }
        if (input != null && input.cfr() != null && input.cfr().length() > 300) {
            errors.add(new Problem.FieldError("cfr", "must be at most 300 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String clinicId = clinicWithChecklist(zone);
        LocalDate today = LocalDate.now(Period.zone(zone));
        UUID id = store.add(clinicId, input, today, clinic.actor());
        SelfAudit.Task task = store.task(clinicId, id, today);
        return Response.created(URI.create("/api/v1/self-audit/tasks/" + id)).entity(task)
                .header(Versions.ETAG, Versions.etag(task.version())).build();
    }

    @PUT
    @Path("tasks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.EDIT_SELF_AUDIT)
    @Operation(summary = "Change a task's frequency (If-Match: its version); the history keeps the old one")
    public Response change(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            SelfAudit.Change input, @QueryParam("zone") String zone) {
        if (input == null || input.frequency() == null) {
            throw ProblemException.invalid("frequency", "is required: monthly, quarterly, semiannual or annual");
        }
        String clinicId = clinicWithChecklist(zone);
        store.frequency(clinicId, id, Versions.required(ifMatch), input.frequency(), clinic.actor());
        SelfAudit.Task task = store.task(clinicId, id, LocalDate.now(Period.zone(zone)));
        return Versions.ok(task, task.version());
    }

    @POST
    @Path("tasks/{id}/retire")
    @PermissionsAllowed(Permissions.EDIT_SELF_AUDIT)
    @Operation(summary = "Retire a task (If-Match: its version): kept with its history, no longer scheduled")
    public Response retire(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @QueryParam("zone") String zone) {
        String clinicId = clinicWithChecklist(zone);
        LocalDate today = LocalDate.now(Period.zone(zone));
        store.retire(clinicId, id, Versions.required(ifMatch), today, clinic.actor());
        SelfAudit.Task task = store.task(clinicId, id, today);
        return Versions.ok(task, task.version());
    }

    @GET
    @Path("tasks/{id}/history")
    @PermissionsAllowed(Permissions.READ_SELF_AUDIT)
    @Operation(summary = "A task's changes: added, frequency changed, retired (who, when, before, after)")
    public List<SelfAudit.HistoryEntry> history(@PathParam("id") UUID id) {
        return store.history(clinic.clinicId(), id);
    }

    @POST
    @Path("tasks/{id}/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.COMPLETE_SELF_AUDIT)
    @Operation(summary = "Record that a task was done", description = "{completedOn, note, evidenceLink?}; attach a"
            + " file with PUT /api/v1/self-audit/completions/{id}/evidence")
    public Response complete(@PathParam("id") UUID id, SelfAudit.Completion input, @QueryParam("zone") String zone) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(Period.zone(zone));
        if (input == null || input.completedOn() == null) {
            errors.add(new Problem.FieldError("completedOn", "is required (YYYY-MM-DD)"));
        } else if (input.completedOn().isAfter(today)) {
            errors.add(new Problem.FieldError("completedOn", "must not be in the future"));
        }
        if (input == null || input.note() == null || input.note().isBlank()) {
            errors.add(new Problem.FieldError("note", "is required"));
        } else if (input.note().length() > MAX_NOTE) {
            errors.add(new Problem.FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (input != null && input.evidenceLink() != null && !LINK.matcher(input.evidenceLink()).matches()) {
            errors.add(new Problem.FieldError("evidenceLink", "must be a link to a record (/requests/...) or an"
                    + " https address"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SelfAudit.Done done = store.complete(clinicWithChecklist(zone), id, input, clinic.actor());
        return Response.created(URI.create("/api/v1/self-audit/tasks/" + id + "/completions")).entity(done).build();
    }

    @GET
    @Path("tasks/{id}/completions")
    @PermissionsAllowed(Permissions.READ_SELF_AUDIT)
    @Operation(summary = "A task's completions, newest first")
    public List<SelfAudit.Done> completions(@PathParam("id") UUID id) {
        return store.completions(clinic.clinicId(), id);
    }

    @PUT
    @Path("completions/{id}/evidence")
    @PermissionsAllowed(Permissions.COMPLETE_SELF_AUDIT)
    @Operation(summary = "Attach the evidence file to a completion (the body is the file, at most 20 MiB)",
            description = "name=: the file's name; the Content-Type is kept. Larger files: 413 naming file. Once"
                    + " attached, it never changes (409 locked).")
    public SelfAudit.Done attach(@PathParam("id") UUID id, @QueryParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, byte[] content) {
        String clinicId = clinic.clinicId();
        if (content != null && content.length > MAX_FILE) {
            throw new ProblemException(new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), "Payload too large", 413,
                    "file: must be at most 20 MiB (" + MAX_FILE + " bytes)", null,
                    List.of(new Problem.FieldError("file", "must be at most 20 MiB (" + MAX_FILE + " bytes)"))));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (content == null || content.length == 0) {
            errors.add(new Problem.FieldError("file", "is required: send the file as the body"));
        }
        if (name == null || !FILE_NAME.matcher(name).matches()) {
            errors.add(new Problem.FieldError("name", "is required: the file's name (letters, digits, space . _ ( ) + -)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return store.attach(clinicId, id, name, type == null ? MediaType.APPLICATION_OCTET_STREAM : type, content);
    }

    @GET
    @Path("completions/{id}/evidence")
    @Produces(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.READ_SELF_AUDIT)
    @Operation(summary = "The evidence file of a completion, as uploaded")
    public Response evidence(@PathParam("id") UUID id) {
        SelfAuditStore.File file = store.file(clinic.clinicId(), id)
                .orElseThrow(() -> ProblemException.notFound("The evidence file"));
        return Response.ok(file.content(), file.type())
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private String clinicWithChecklist(String zone) {
        String clinicId = clinic.clinicId();
        store.loadChecklist(clinicId, LocalDate.now(Period.zone(zone)));
        return clinicId;
    }
}
