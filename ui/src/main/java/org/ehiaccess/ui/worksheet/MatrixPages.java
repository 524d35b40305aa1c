package org.ehiaccess.ui.worksheet;

import static org.ehiaccess.ui.security.StaffRole.CLINICIAN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.decision.DecisionUnavailableException;
import org.ehiaccess.ui.client.decision.DenialReasonMatrix;
import org.ehiaccess.ui.client.decision.LetterKind;
import org.ehiaccess.ui.security.SignedInUser;
import org.ehiaccess.ui.web.InPageProblem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The clinic's Denial Reason Matrix: every clinic role reads it, the clinic administrator edits it (If-Match on the
 * whole table) or resets it to the product's rows. The worksheet offers its rows as a starting point.
 */
@Path("/settings/denial-reasons")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE,
        CLINIC_ADMIN_ROLE })
public class MatrixPages {

    private static final Logger LOG = Logger.getLogger(MatrixPages.class);

    /** A value and its words, for the selects. */
    public record Choice(String wire, String label) {
    }

    /** One editable row: the row (as typed) and its position. */
    public record EditRow(int index, DenialReasonMatrix.Row row, boolean isNew) {
    }

    public record MatrixView(DenialReasonMatrix matrix, List<EditRow> rows, boolean available, boolean canEdit,
            String done, List<String> problems, boolean conflict, String etag, List<Choice> legalPaths,
            List<Choice> exceptions, List<Choice> bases, List<Choice> practiceTypes, List<Choice> letterKinds) {

        public boolean hasProblems() {
            return !problems.isEmpty() || conflict;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance matrix(MatrixView view);
    }

    @Inject
    DecisionClient decision;

    @Inject
    SignedInUser user;

    @Context
    HttpHeaders headers;

    @GET
    public Response page(@QueryParam("done") String done) {
        Optional<DenialReasonMatrix> matrix = read();
        String message = "saved".equals(done) ? "The Denial Reason Matrix was saved."
                : "reset".equals(done) ? "The Denial Reason Matrix was reset to the product's rows." : null;
        List<DenialReasonMatrix.Row> rows = matrix.map(DenialReasonMatrix::rows).orElse(List.of());
        return Response.ok(Templates.matrix(view(matrix.orElse(null), rows, message, List.of(), false,
                matrix.map(DenialReasonMatrix::etag).orElse("")))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(CLINIC_ADMIN_ROLE)
    public Response save(@RestForm String etag, @RestForm String count) {
        FormValues form = FormValues.current();
        int n;
        try {
            n = Integer.parseInt(count == null ? "0" : count.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        List<DenialReasonMatrix.Row> rows = new ArrayList<>();
        List<DenialReasonMatrix.Row> typed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i <= Math.min(n, 500); i++) {
            DenialReasonMatrix.Row row = new DenialReasonMatrix.Row(text(form, "key", i), text(form, "situation", i),
                    text(form, "legalPath", i), text(form, "citation", i), text(form, "exceptionId", i),
                    text(form, "claimedBasis", i), text(form, "practiceType", i), text(form, "letterKind", i),
                    text(form, "guidance", i));
            boolean empty = row.situation() == null && row.legalPath() == null && row.citation() == null
                    && row.guidance() == null;
            if (empty || "yes".equals(form.first("remove." + i))) {
                continue;
            }
            typed.add(row);
            if (row.situation() == null) {
                problems.add("Row " + (typed.size()) + ": describe the situation.");
            }
            if (row.legalPath() == null) {
                problems.add("Row " + (typed.size()) + ": choose the legal path.");
            }
            rows.add(row);
        }
        if (!problems.isEmpty()) {
            return Response.status(422).entity(Templates.matrix(view(read().orElse(null), typed, null, problems, false,
                    etag))).build();
        }
        try {
            decision.saveDenialReasons(blank(etag) ? null : etag, rows);
        } catch (DecisionRefusedException refused) {
            if (refused.isConflict()) {
                return Response.status(409).entity(Templates.matrix(view(read().orElse(null), typed, null, List.of(), true,
                        etag))).build();
            }
            if (refused.status() != 400 && refused.status() != 422) {
                throw refused;
            }
            return Response.status(422).entity(Templates.matrix(view(read().orElse(null), typed, null,
                    InPageProblem.inputMessages(refused.problem()), false, etag))).build();
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            LOG.warnf("Saving the matrix failed: %s", unavailable.toString());
            return Response.status(503).entity(Templates.matrix(view(read().orElse(null), typed, null,
                    List.of("We could not reach the decision service; the matrix was not saved. Try again."), false,
                    etag))).build();
        }
        return Response.seeOther(URI.create("/settings/denial-reasons?done=saved")).build();
    }

    @POST
    @Path("reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(CLINIC_ADMIN_ROLE)
    public Response reset(@RestForm String confirm) {
        if (!"yes".equals(confirm)) {
            Optional<DenialReasonMatrix> matrix = read();
            return Response.status(422).entity(Templates.matrix(view(matrix.orElse(null),
                    matrix.map(DenialReasonMatrix::rows).orElse(List.of()), null,
                    List.of("Tick the box to confirm: resetting replaces every row of the clinic's matrix."), false,
                    matrix.map(DenialReasonMatrix::etag).orElse("")))).build();
        }
        decision.resetDenialReasons();
        return Response.seeOther(URI.create("/settings/denial-reasons?done=reset")).build();
    }

    private Optional<DenialReasonMatrix> read() {
        try {
            return decision.denialReasons();
        } catch (DecisionUnavailableException | FaultToleranceException e) {
            LOG.warnf("Reading the matrix failed: %s", e.toString());
            return Optional.empty();
        }
    }

    private MatrixView view(DenialReasonMatrix matrix, List<DenialReasonMatrix.Row> rows, String done,
            List<String> problems, boolean conflict, String etag) {
        DecisionCatalog catalog;
        List<Choice> exceptions = new ArrayList<>();
        List<Choice> bases = new ArrayList<>();
        List<Choice> types = new ArrayList<>();
        try {
            catalog = decision.catalog();
            catalog.exceptions().forEach(e -> exceptions.add(new Choice(e.id(), e.label())));
            catalog.valuesOf("practice.claimed_basis").forEach(v -> bases.add(new Choice(v, Labels.value("practice.claimed_basis", v))));
            catalog.valuesOf("practice.type").forEach(v -> types.add(new Choice(v, Labels.value("practice.type", v))));
        } catch (RuntimeException e) {
            LOG.debugf("The catalog could not be read for the matrix: %s", e.toString());
        }
        List<EditRow> editRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            editRows.add(new EditRow(i, rows.get(i), false));
        }
        boolean canEdit = user.can("matrix:edit");
        if (canEdit && matrix != null) {
            editRows.add(new EditRow(rows.size(), new DenialReasonMatrix.Row(null, null, null, null, null, null, null,
                    null, null), true));
        }
        return new MatrixView(matrix, List.copyOf(editRows), matrix != null, canEdit, done, List.copyOf(problems),
                conflict, etag == null ? "" : etag,
                DenialReasonMatrix.LEGAL_PATHS.stream().map(p -> new Choice(p.wire(), p.label())).toList(),
                List.copyOf(exceptions), List.copyOf(bases), List.copyOf(types),
                java.util.Arrays.stream(LetterKind.values()).map(k -> new Choice(k.wire(), k.label())).toList());
    }

    private static String text(FormValues form, String field, int index) {
        String value = form.first(field + "." + index);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
