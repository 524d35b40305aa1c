package org.ehiaccess.decision.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ehiaccess.platform.testing.ClinicTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A clinic of its own for one test: a fresh clinic id, so that what one test saves (the matrix, the letter settings,
 * templates) never meets another test. Tokens of its staff by role.
 */
public final class TestClinic {

    public final String id;

    private TestClinic(String id) {
        this.id = id;
    }

    public static TestClinic fresh() {
        knowDecisionService();
        return new TestClinic("clinic-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String taughtServer;

    /**
     * The OIDC test server answers decision-service's client-credentials grant with its service account's token (role
     * service), once per server and before any test signs: the OIDC client keeps the first token it gets, whichever
     * test class makes it need one.
     */
    static synchronized void knowDecisionService() {
        String keycloakUrl = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("keycloak.url", String.class);
        if (!keycloakUrl.equals(taughtServer)) {
            org.ehiaccess.platform.testing.ServiceTokens.answerClientCredentials(keycloakUrl, "decision-service",
                    "test-service-secret");
            taughtServer = keycloakUrl;
        }
    }

    public String token(String user, String role) {
        return ClinicTokens.accessToken(user, id, role);
    }

    public String privacy() {
        return token(id + "-privacy", "privacy-officer");
    }

    public String clinician() {
        return token(id + "-clinician", "clinician");
    }

    /** Another clinician, who took no part in anything yet. */
    public String secondClinician() {
        return token(id + "-clinician2", "clinician");
    }

    public String frontDesk() {
        return token(id + "-frontdesk", "front-desk");
    }

    public String supervisor() {
        return token(id + "-supervisor", "supervisor");
    }

    public String compliance() {
        return token(id + "-compliance", "compliance-lead");
    }

    public String admin() {
        return token(id + "-admin", "clinic-admin");
    }

    public RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** The letter settings every letter needs, saved by the clinic administrator. */
    public void saveLetterSettings() {
        as(admin()).header("If-Match", "\"0\"").body(letterSettings()).put("/api/v1/letter-settings")
                .then().statusCode(200);
    }

    public static Map<String, Object> letterSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("clinicName", "Sunrise Family Medicine");
        settings.put("address", "100 Clinic Road\nSpringfield, IL 62702");
        settings.put("privacyContactName", "Jordan Lee");
        settings.put("privacyContactTitle", "Privacy Officer");
        settings.put("privacyContactPhone", "(555) 010-2000");
        settings.put("privacyContactEmail", "privacy@sunrise.example");
        return settings;
    }

    /** Creates an assessment of {@code body} for the request, as {@code token}; returns its id. */
    public String assess(String token, String requestId, Map<String, Object> body) {
        return as(token).body(body).post(assessments(requestId)).then().statusCode(201).extract().path("id");
    }

    /** Creates and signs (as the clinic's privacy officer) an assessment; returns its id. */
    public String signed(String requestId, Map<String, Object> body) {
        String id = assess(privacy(), requestId, body);
        as(privacy()).post(assessments(requestId) + "/" + id + "/signature").then().statusCode(200);
        return id;
    }

    public static String assessments(String requestId) {
        return "/api/v1/requests/" + requestId + "/assessments";
    }

    public static String letters(String requestId) {
        return "/api/v1/requests/" + requestId + "/letters";
    }

    public static Map<String, Object> letter(String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("recipientName", "Alex Rivera");
        body.put("recipientAddress", "12 Main Street\nSpringfield, IL 62701");
        return body;
    }

    /** The text of a PDF, whitespace collapsed to single spaces. */
    public static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PH-01 of the public scenarios: one note withheld on a treating psychiatrist's determination (reviewable). */
    public static Map<String, Object> preventingHarmCase() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("request.requester_type", "patient");
        facts.put("request.purpose", "individual_access");
        facts.put("request.ehi_classes", List.of("clinical_note"));
        facts.put("request.received_date", "2026-03-02");
        facts.put("harm.reasonable_belief", true);
        facts.put("harm.no_broader_than_necessary", true);
        facts.put("harm.risk_type", "individualized_determination");
        facts.put("harm.determiner_is_licensed_hcp", true);
        facts.put("harm.determiner_has_clinician_patient_relationship", true);
        facts.put("harm.access_context", "patient_own_access");
        facts.put("harm.harm_type", "life_or_physical_safety");
        facts.put("harm.review_rights_honored", true);
        facts.put("harm.determination_basis", "case_specific_determination");
        facts.put("harm.determination_meets_requirements", true);
        facts.put("hipaa.denial_ground", "a3_life_or_physical_safety");
        facts.put("hipaa.other_info_provided", true);
        return DecisionApi.body(Map.of("type", "limit_scope", "claimed_basis", "preventing_harm",
                "motive", List.of("safety_risk")), facts);
    }

    /** A parent's request refused because state law forbids it for minor-consent care (required by law; not reviewable). */
    public static Map<String, Object> requiredByLawCase() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("request.requester_type", "parent_or_guardian_of_minor");
        facts.put("request.purpose", "individual_access");
        facts.put("request.ehi_classes", List.of("minor_confidential_service"));
        facts.put("request.received_date", "2026-03-02");
        facts.put("law.mandates_practice", true);
        facts.put("law.kind", "mandatory");
        facts.put("law.citation", "State Health Code 25-4-12(b)");
        facts.put("law.practice_limited_to_mandate", true);
        return DecisionApi.body(Map.of("type", "limit_scope", "claimed_basis", "required_by_law",
                "motive", List.of("legal_mandate")), facts);
    }

    /** IN-01 with the written notice still to send: received {@code receivedDate}, an outage caused the inability. */
    public static Map<String, Object> outageNoticePendingCase(String receivedDate) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("request.received_date", receivedDate);
        facts.put("request.requester_type", "patient");
        facts.put("infeasibility.condition", "uncontrollable_event");
        facts.put("infeasibility.event_caused_inability", true);
        return DecisionApi.body(Map.of("type", "delay", "claimed_basis", "infeasibility", "motive", List.of("downtime")),
                facts);
    }
}
