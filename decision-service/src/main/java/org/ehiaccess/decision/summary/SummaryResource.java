package org.ehiaccess.decision.summary;

import static org.ehiaccess.decision.assessment.AssessmentResource.assessmentId;
import static org.ehiaccess.decision.assessment.AssessmentResource.requestId;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ehiaccess.decision.assessment.AssessmentService;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.Template;
import io.quarkus.security.PermissionsAllowed;

/** The exception analysis summary of one assessment version, as JSON and as a page to print. */
@Path("/api/v1/requests/{requestId}/assessments/{assessmentId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SummaryResource {

    @Inject
    AssessmentService assessments;

    @Inject
    SummaryBuilder summaries;

    @Inject
    Template summary;

    @GET
    @PermissionsAllowed(Permissions.READ_ASSESSMENTS)
    @Path("summary")
    @Operation(summary = "The exception analysis summary, ready to render and print",
            description = "Facts with their questions, each condition met/unmet/open with CFR and reason, the verdict"
                    + " in plain words, obligations with due dates, documentation, who signed and when, the ruleset and"
                    + " its effective date, the review and the letters.")
    public ExceptionAnalysisSummary summary(@PathParam("requestId") String requestId,
            @PathParam("assessmentId") String id) {
        return summaries.build(assessments.get(requestId(requestId), assessmentId(id)));
    }

    @GET
    @PermissionsAllowed(Permissions.READ_ASSESSMENTS)
    @Path("summary.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The exception analysis summary as a print-friendly HTML page")
    public String summaryHtml(@PathParam("requestId") String requestId, @PathParam("assessmentId") String id) {
        return summary.data("s", summaries.build(assessments.get(requestId(requestId), assessmentId(id)))).render();
    }
}
