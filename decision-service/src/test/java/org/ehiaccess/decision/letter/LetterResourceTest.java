package org.ehiaccess.decision.letter;

import static org.ehiaccess.decision.support.TestClinic.assessments;
import static org.ehiaccess.decision.support.TestClinic.letter;
import static org.ehiaccess.decision.support.TestClinic.letters;
import static org.ehiaccess.decision.support.TestClinic.pdfText;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.decision.support.DecisionApi;
import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class LetterResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    @Test
    void aDenialLetterFromASignedDecisionIsStoredWithItsHashesAndStatesWhatHipaaRequires() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = UUID.randomUUID().toString();
        String assessment = clinic.signed(request, TestClinic.preventingHarmCase());

        ExtractableResponse<Response> created = clinic.as(clinic.privacy())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(letter("partial_fulfilment")).post(assessments(request) + "/" + assessment + "/letters")
                .then().statusCode(201)
                .body("requestId", equalTo(request)).body("assessmentId", equalTo(assessment))
                .body("assessmentVersion", equalTo(1)).body("kind", equalTo("partial_fulfilment"))
                .body("subject", containsString("Your request for health information (REQ-"))
                .body("createdBy", equalTo(clinic.id + "-privacy")).body("createdAt", notNullValue())
                .body("sentAt", nullValue()).body("sentOn", nullValue()).body("sentChannel", nullValue())
                .body("sentBy", nullValue()).body("templateCustomised", equalTo(false))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(letters(request) + "/" + id));
        String sha256 = created.path("sha256");
        String htmlSha256 = created.path("htmlSha256");

        byte[] pdf = clinic.as(clinic.frontDesk()).get(letters(request) + "/" + id + "/pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals(sha256, sha256(pdf), "the stored PDF is the one whose hash was recorded");
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        String html = clinic.as(clinic.frontDesk()).get(letters(request) + "/" + id + "/html").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertEquals(htmlSha256, sha256(html.getBytes(StandardCharsets.UTF_8)));

        // kept for a person to look at: target/letters/partial-fulfillment-sample.pdf
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "letters"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "letters", "partial-fulfillment-sample.pdf"), pdf);
        String text = pdfText(pdf);
        // the clinic's letter
        assertTrue(text.contains("Sunrise Family Medicine"), text);
        assertTrue(text.contains("Dear Alex Rivera"), text);
        assertTrue(text.contains("12 Main Street"), text);
        assertTrue(text.contains("which we received on March 2, 2026"), text);
        // 164.524(d)(2)(i): the basis, in plain words, with the rule
        assertTrue(text.contains("What the law says we must tell you"), text);
        assertTrue(text.contains("reasonably likely to put your life or physical safety, or someone else's, in danger"), text);
        assertTrue(text.contains("45 CFR 164.524(a)(3)(i)"), text);
        // (d)(2)(ii): a reviewable ground, so the review right and how to ask
        assertTrue(text.contains("Your right to a review"), text);
        assertTrue(text.contains("licensed health care professional who did not take part in the decision"), text);
        assertTrue(text.contains("To ask for a review, call or write to: Jordan Lee (Privacy Officer) Phone: (555) 010-2000"), text);
        // (d)(2)(iii): how to complain to the clinic (name or title and phone) and to HHS
        assertTrue(text.contains("You may make a complaint to us. Contact: Jordan Lee (Privacy Officer) Phone: (555) 010-2000"), text);
        assertTrue(text.contains("Office for Civil Rights takes complaints for the Secretary: Online:"
                + " https://www.hhs.gov/ocr/complaints Phone: 1-800-368-1019"), text);

        clinic.as(clinic.compliance()).get(letters(request)).then().statusCode(200).body("", hasSize(1))
                .body("[0].id", equalTo(id)).body("[0].sha256", equalTo(sha256))
                .body("[0].pdfUrl", endsWith("/letters/" + id + "/pdf"));
        clinic.as(clinic.admin()).get(letters(request) + "/" + id).then().statusCode(200).body("sha256", equalTo(sha256));
    }

    @Test
    void theRequiredContentIsThereEvenWhenTheClinicsTemplateLeavesItOut() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        clinic.as(clinic.admin()).header("If-Match", "\"0\"")
                .body(Map.of("subject", "Records", "body", "Hi {recipient.name}. No records for you. Bye."))
                .put("/api/v1/letter-templates/denial").then().statusCode(200);
        String request = UUID.randomUUID().toString();
        String assessment = clinic.signed(request, TestClinic.preventingHarmCase());
        String id = clinic.as(clinic.privacy()).body(letter("denial"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201)
                .body("templateCustomised", equalTo(true)).body("subject", equalTo("Records")).extract().path("id");
        String text = pdfText(clinic.as(clinic.clinician()).get(letters(request) + "/" + id + "/pdf").then()
                .statusCode(200).extract().asByteArray());
        assertTrue(text.contains("Hi Alex Rivera. No records for you. Bye."), text);
        assertTrue(text.contains("Why we made this decision"), text);
        assertTrue(text.contains("45 CFR 164.524(a)(3)(i)"), text);
        assertTrue(text.contains("Your right to a review"), text);
        assertTrue(text.contains("(555) 010-2000"), text);
        assertTrue(text.contains("Jordan Lee"), text);
        assertTrue(text.contains("https://www.hhs.gov/ocr/complaints"), text);
        assertTrue(text.contains("1-800-368-1019"), text);
    }

    @Test
    void anUnreviewableBasisHasNoReviewSectionButStillTheBasisAndComplaints() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = UUID.randomUUID().toString();
        String assessment = clinic.signed(request, TestClinic.requiredByLawCase());
        String id = clinic.as(clinic.privacy()).body(letter("partial_fulfilment"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        String text = pdfText(clinic.as(clinic.privacy()).get(letters(request) + "/" + id + "/pdf").then()
                .extract().asByteArray());
        assertTrue(text.contains("A law requires us to withhold this information: State Health Code 25-4-12(b)."), text);
        assertTrue(text.contains("45 CFR 171.103(a)(1)"), text);
        assertFalse(text.contains("Your right to a review"), text);
        assertTrue(text.contains("How to complain"), text);
        assertTrue(text.contains("1-800-368-1019"), text);
    }

    @Test
    void infeasibilityExtensionAndNoRecordsNoticesSayWhatTheirRulesRequire() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = UUID.randomUUID().toString();
        String outage = clinic.signed(request, TestClinic.outageNoticePendingCase(TODAY.toString()));
        String infeasibility = clinic.as(clinic.privacy()).body(letter("infeasibility"))
                .post(assessments(request) + "/" + outage + "/letters").then().statusCode(201).extract().path("id");
        String text = pdfText(clinic.as(clinic.supervisor()).get(letters(request) + "/" + infeasibility + "/pdf")
                .then().extract().asByteArray());
        assertTrue(text.contains("Why we cannot fulfil your request"), text);
        assertTrue(text.contains("An event outside our control"), text);
        assertTrue(text.contains("45 CFR 171.204(a)(1), (b)"), text);

        Map<String, Object> extension = letter("extension");
        clinic.as(clinic.privacy()).body(extension).post(assessments(request) + "/" + outage + "/letters").then()
                .statusCode(400).body("errors[0].field", equalTo("extensionReasons"));
        extension.put("extensionReasons", "Our records system is being restored after the outage.");
        extension.put("actionBy", TODAY.plusDays(61).toString());
        clinic.as(clinic.privacy()).body(extension).post(assessments(request) + "/" + outage + "/letters").then()
                .statusCode(400).body("errors[0].field", equalTo("actionBy"));
        extension.put("actionBy", TODAY.plusDays(45).toString());
        String extended = clinic.as(clinic.privacy()).body(extension)
                .post(assessments(request) + "/" + outage + "/letters").then().statusCode(201).extract().path("id");
        text = pdfText(clinic.as(clinic.privacy()).get(letters(request) + "/" + extended + "/pdf").then()
                .extract().asByteArray());
        assertTrue(text.contains("Our records system is being restored after the outage."), text);
        assertTrue(text.contains("We will act on your request by "
                + TODAY.plusDays(45).format(java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.US))), text);
        assertTrue(text.contains("45 CFR 164.524(b)(2)(ii)"), text);

        Map<String, Object> none = letter("no_records");
        none.put("recordsHeldBy", "Lakeside Hospital, Health Information Management");
        String noRecords = clinic.as(clinic.privacy()).body(none).post(assessments(request) + "/" + outage + "/letters")
                .then().statusCode(201).extract().path("id");
        text = pdfText(clinic.as(clinic.privacy()).get(letters(request) + "/" + noRecords + "/pdf").then()
                .extract().asByteArray());
        assertTrue(text.contains("Lakeside Hospital, Health Information Management"), text);
        assertTrue(text.contains("45 CFR 164.524(d)(3)"), text);
        clinic.as(clinic.privacy()).get(letters(request)).then().body("kind",
                equalTo(List.of("infeasibility", "extension", "no_records")));
    }

    @Test
    void lettersComeOnlyFromASignedDecisionThatSupportsThem() {
        TestClinic clinic = TestClinic.fresh();
        String request = UUID.randomUUID().toString();
        String signed = clinic.signed(request, TestClinic.preventingHarmCase());
        // no letter settings yet: the complaint contact is missing
        clinic.as(clinic.privacy()).body(letter("denial")).post(assessments(request) + "/" + signed + "/letters")
                .then().statusCode(409).body("detail", containsString("164.524(d)(2)(iii)"));
        clinic.saveLetterSettings();
        String unsigned = clinic.assess(clinic.privacy(), request, TestClinic.preventingHarmCase());
        clinic.as(clinic.privacy()).body(letter("denial")).post(assessments(request) + "/" + unsigned + "/letters")
                .then().statusCode(409).body("detail", containsString("not signed"));
        // no exception covers withholding over a bill: no denial can rest on it
        String unpaid = clinic.signed(request, DecisionApi.unpaidBalanceCase());
        clinic.as(clinic.privacy()).body(letter("denial")).post(assessments(request) + "/" + unpaid + "/letters")
                .then().statusCode(409).body("detail", containsString("no exception covers this practice"));
        clinic.as(clinic.privacy()).body(letter("infeasibility")).post(assessments(request) + "/" + signed + "/letters")
                .then().statusCode(409).body("detail", containsString("171.204"));
        clinic.as(clinic.privacy()).body(Map.of("kind", "postcard", "recipientName", " "))
                .post(assessments(request) + "/" + signed + "/letters").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("kind", "recipientName"));
        clinic.as(clinic.privacy()).body(letter("denial")).post(assessments(request) + "/" + UUID.randomUUID() + "/letters")
                .then().statusCode(404);
        clinic.as(clinic.privacy()).get(letters(request)).then().body("", hasSize(0));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameLetter() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = UUID.randomUUID().toString();
        String assessment = clinic.signed(request, TestClinic.preventingHarmCase());
        String key = UUID.randomUUID().toString();
        String first = clinic.as(clinic.privacy()).header("Idempotency-Key", key).body(letter("denial"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        String again = clinic.as(clinic.privacy()).header("Idempotency-Key", key).body(letter("denial"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        assertEquals(first, again);
        clinic.as(clinic.privacy()).header("Idempotency-Key", key).body(letter("partial_fulfilment"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(422);
        clinic.as(clinic.privacy()).get(letters(request)).then().body("", hasSize(1));
    }

    @Test
    void aLetterIsMarkedSentOnceOnAPlausibleDate() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = UUID.randomUUID().toString();
        String assessment = clinic.signed(request, TestClinic.preventingHarmCase());
        String id = clinic.as(clinic.privacy()).body(letter("denial"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        String sent = letters(request) + "/" + id + "/sent";
        clinic.as(clinic.privacy()).body(Map.of("channel", "pigeon", "sentOn", TODAY.plusDays(1).toString())).post(sent)
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("channel", "sentOn"));
        clinic.as(clinic.privacy()).body(Map.of("channel", "mail", "sentOn", TODAY.minusDays(3).toString())).post(sent)
                .then().statusCode(400).body("errors[0].field", equalTo("sentOn"))
                .body("errors[0].message", containsString("before the letter was generated"));
        // the privacy officer sends letters: not the front desk, a supervisor or a clinician
        for (String token : List.of(clinic.frontDesk(), clinic.supervisor(), clinic.clinician())) {
            clinic.as(token).body(Map.of("channel", "mail", "sentOn", TODAY.toString())).post(sent).then()
                    .statusCode(403);
        }
        clinic.as(clinic.privacy()).body(Map.of("channel", "mail", "sentOn", TODAY.toString())).post(sent).then()
                .statusCode(200).body("sentOn", equalTo(TODAY.toString())).body("sentChannel", equalTo("mail"))
                .body("sentBy", equalTo(clinic.id + "-privacy")).body("sentAt", notNullValue())
                // intake-service is not running in this test: the letter stays marked sent, the failure is reported
                .body("intakeUpdated", equalTo(false)).body("intakeMessage", containsString("intake-service"));
        clinic.as(clinic.privacy()).body(Map.of("channel", "email", "sentOn", TODAY.toString())).post(sent).then()
                .statusCode(409).body("detail", containsString("already marked sent"));
        clinic.as(clinic.privacy()).get(letters(request) + "/" + id).then().body("sentChannel", equalTo("mail"))
                .body("intakeUpdated", nullValue());
    }

    @Test
    void theFrontDeskAndTheAdministratorCannotGenerateOrSendLetters() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = UUID.randomUUID().toString();
        String assessment = clinic.signed(request, TestClinic.preventingHarmCase());
        for (String token : List.of(clinic.frontDesk(), clinic.admin(), clinic.compliance(), clinic.clinician(),
                clinic.supervisor())) {
            clinic.as(token).body(letter("denial")).post(assessments(request) + "/" + assessment + "/letters").then()
                    .statusCode(403);
        }
        String id = clinic.as(clinic.privacy()).body(letter("denial"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        for (String token : List.of(clinic.frontDesk(), clinic.admin(), clinic.compliance())) {
            clinic.as(token).body(Map.of("channel", "mail", "sentOn", TODAY.toString()))
                    .post(letters(request) + "/" + id + "/sent").then().statusCode(403);
            clinic.as(token).get(letters(request) + "/" + id).then().statusCode(200);
        }
    }

    @Test
    void anotherClinicSeesNoneOfTheLetters() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String request = UUID.randomUUID().toString();
        String assessment = clinic.signed(request, TestClinic.preventingHarmCase());
        String id = clinic.as(clinic.privacy()).body(letter("denial"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");

        TestClinic other = TestClinic.fresh();
        other.saveLetterSettings();
        other.as(other.privacy()).get(letters(request)).then().statusCode(200).body("", hasSize(0));
        other.as(other.privacy()).get(letters(request) + "/" + id).then().statusCode(404);
        other.as(other.privacy()).get(letters(request) + "/" + id + "/html").then().statusCode(404);
        other.as(other.privacy()).get(letters(request) + "/" + id + "/pdf").then().statusCode(404);
        other.as(other.privacy()).body(Map.of("channel", "mail", "sentOn", TODAY.toString()))
                .post(letters(request) + "/" + id + "/sent").then().statusCode(404);
        other.as(other.privacy()).body(letter("denial")).post(assessments(request) + "/" + assessment + "/letters")
                .then().statusCode(404);
        clinic.as(clinic.privacy()).get(letters(request) + "/" + id).then().statusCode(200).body("sentOn", nullValue());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
