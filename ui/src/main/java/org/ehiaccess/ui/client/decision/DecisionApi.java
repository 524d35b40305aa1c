package org.ehiaccess.ui.client.decision;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import org.ehiaccess.ui.client.ProblemReader;
import org.ehiaccess.ui.client.PropagateAccessToken;

/**
 * decision-service's API (catalog, evaluations, assessments, the Denial Reason Matrix, letter settings, templates
 * and letters), called with the signed-in person's access token. Package-private: pages use {@link DecisionClient}.
 */
@RegisterRestClient(configKey = "decision")
@RegisterProvider(PropagateAccessToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface DecisionApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";
    String IF_MATCH = "If-Match";

    @GET
    @Path("catalog")
    DecisionCatalog catalog(@QueryParam("ruleset") String ruleset);

    @POST
    @Path("evaluations")
    DecisionVerdict evaluate(Map<String, Object> body);

    // --- assessments of one request -------------------------------------------------------------

    @GET
    @Path("requests/{requestId}/assessments")
    List<JsonNode> assessments(@PathParam("requestId") UUID requestId);

    @GET
    @Path("requests/{requestId}/assessments/{id}")
    RestResponse<JsonNode> assessment(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id);

    /** Which questions the worksheet asks for these answers (the catalog's asks_when, read by decision-service). */
    @POST
    @Path("catalog/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    DecisionQuestions questions(Map<String, Object> body);

    /** What follows from a decision, as decision-service decides it: reviewable, letters, status, reviewer. */
    @GET
    @Path("requests/{requestId}/assessments/{id}/guidance")
    DecisionGuidance guidance(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id);

    /** The review of a signed decision (its assessment carries only {@code review_status}). */
    @GET
    @Path("requests/{requestId}/assessments/{id}/review")
    JsonNode reviewOf(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id);

    @POST
    @Path("requests/{requestId}/assessments")
    RestResponse<JsonNode> createAssessment(@PathParam("requestId") UUID requestId,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, Map<String, Object> body);

    @PUT
    @Path("requests/{requestId}/assessments/{id}")
    RestResponse<JsonNode> updateAssessment(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id,
            @HeaderParam(IF_MATCH) String etag, Map<String, Object> body);

    @POST
    @Path("requests/{requestId}/assessments/{id}/signature")
    RestResponse<JsonNode> sign(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id,
            @HeaderParam(IF_MATCH) String etag);

    @POST
    @Path("requests/{requestId}/assessments/{id}/review-request")
    RestResponse<JsonNode> requestReview(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id,
            Map<String, Object> body);

    @POST
    @Path("requests/{requestId}/assessments/{id}/review")
    RestResponse<JsonNode> review(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id,
            Map<String, Object> body);

    @GET
    @Path("requests/{requestId}/intake-updates")
    IntakeUpdates intakeUpdates(@PathParam("requestId") UUID requestId);

    // --- letters ----------------------------------------------------------------------------------

    @POST
    @Path("requests/{requestId}/assessments/{assessmentId}/letters")
    LetterRecord createLetter(@PathParam("requestId") UUID requestId, @PathParam("assessmentId") UUID assessmentId,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, Map<String, Object> body);

    @GET
    @Path("requests/{requestId}/letters")
    List<LetterRecord> letters(@PathParam("requestId") UUID requestId);

    @GET
    @Path("requests/{requestId}/letters/{id}")
    LetterRecord letter(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id);

    @GET
    @Path("requests/{requestId}/letters/{id}/html")
    @Produces(MediaType.TEXT_HTML)
    String letterHtml(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id);

    @GET
    @Path("requests/{requestId}/letters/{id}/pdf")
    @Produces("application/pdf")
    byte[] letterPdf(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id);

    @POST
    @Path("requests/{requestId}/letters/{id}/sent")
    LetterRecord markSent(@PathParam("requestId") UUID requestId, @PathParam("id") UUID id, Map<String, Object> body);

    // --- the clinic's Denial Reason Matrix, letter settings and templates -------------------------

    @GET
    @Path("denial-reasons")
    RestResponse<DenialReasonMatrix> denialReasons();

    @PUT
    @Path("denial-reasons")
    RestResponse<DenialReasonMatrix> saveDenialReasons(@HeaderParam(IF_MATCH) String etag, DenialReasonMatrix.Rows rows);

    @POST
    @Path("denial-reasons/reset")
    RestResponse<DenialReasonMatrix> resetDenialReasons();

    @GET
    @Path("denial-reasons/suggestions")
    List<DenialReasonMatrix.Row> suggestions(@QueryParam("practiceType") String practiceType,
            @QueryParam("claimedBasis") String claimedBasis, @QueryParam("motive") List<String> motive);

    @GET
    @Path("letter-settings")
    RestResponse<LetterSettings> letterSettings();

    @PUT
    @Path("letter-settings")
    RestResponse<LetterSettings> saveLetterSettings(@HeaderParam(IF_MATCH) String etag, LetterSettings settings);

    @GET
    @Path("letter-templates")
    List<LetterTemplate> letterTemplates();

    @GET
    @Path("letter-templates/{kind}")
    RestResponse<LetterTemplate> letterTemplate(@PathParam("kind") String kind);

    @PUT
    @Path("letter-templates/{kind}")
    RestResponse<LetterTemplate> saveLetterTemplate(@PathParam("kind") String kind, @HeaderParam(IF_MATCH) String etag,
            Map<String, Object> template);

    /** 4xx: the API's answer, with its problem details; 5xx: the API is unwell. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new DecisionUnavailableException("decision-service answered " + status, null);
        }
        return new DecisionRefusedException(ProblemReader.read(response));
    }
}
