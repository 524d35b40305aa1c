package org.ehiaccess.decision.letter;

import static org.ehiaccess.decision.support.TestClinic.assessments;
import static org.ehiaccess.decision.support.TestClinic.letter;
import static org.ehiaccess.decision.support.TestClinic.letters;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * A clinic's letter template can use the documented placeholders and nothing of the server: not its configuration
 * (the database password), its beans, its classes or other templates. Refused on save and on preview, naming the
 * field and the expression, and nothing is saved.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class LetterTemplateSandboxTest {

    static final String TEMPLATES = "/api/v1/letter-templates";

    /** A template that reaches beyond the data model, and what the refusal must name. */
    record Attempt(String template, String named) {
    }

    static final List<Attempt> ATTEMPTS = List.of(
            new Attempt("Password: {config:property(\"quarkus.datasource.password\")}", "config:property"),
            new Attempt("{inject:letterTemplateService}", "inject:letterTemplateService"),
            new Attempt("{cdi:letterRenderer}", "cdi:letterRenderer"),
            new Attempt("{clinic.name.getClass()}", "clinic.name.getClass()"),
            new Attempt("{clinic.name.toString()}", "clinic.name.toString()"),
            new Attempt("{clinic.name.getClass().getProtectionDomain().getCodeSource()}", "getClass()"),
            new Attempt("{clinic.name.length}", "clinic.name.length"),
            new Attempt("{clinic.get('name')}", "clinic.get"),
            new Attempt("{#include summary /}", "{#include summary /}"),
            new Attempt("{#insert}x{/insert}", "{#insert}"),
            new Attempt("{#let secret=config:property('quarkus.datasource.password')}{secret}{/let}", "{#let"),
            new Attempt("{#for c in clinic.name}{c}{/for}", "{clinic.name}"),
            new Attempt("{#for i in 100000000}{i}{/for}", "100000000"),
            new Attempt("{#for e in decision.exceptions}{e.getClass()}{/for}", "e.getClass()"),
            new Attempt("{#if clinic.name.getClass()}x{/if}", "clinic.name.getClass()"));

    @Test
    void anythingBeyondTheDocumentedPlaceholdersIsRefusedOnSaveAndOnPreviewAndNothingIsSaved() {
        TestClinic clinic = TestClinic.fresh();
        String path = TEMPLATES + "/denial";
        for (Attempt attempt : ATTEMPTS) {
            Map<String, Object> wording = Map.of("subject", "Your request", "body", "Dear {recipient.name},\n\n"
                    + attempt.template());
            clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(wording).put(path).then()
                    .statusCode(400).body("type", equalTo(ProblemType.INVALID_INPUT.uri()))
                    .body("errors", hasSize(1)).body("errors[0].field", equalTo("body"))
                    .body("errors[0].message", containsString(attempt.named()))
                    .body("errors[0].message", org.hamcrest.Matchers.not(containsString("ehi")));
            clinic.as(clinic.admin()).body(wording).post(path + "/preview").then()
                    .statusCode(400).body("errors[0].field", equalTo("body"))
                    .body("errors[0].message", containsString(attempt.named()));
        }
        // the subject is a template too
        clinic.as(clinic.admin()).header("If-Match", "\"0\"")
                .body(Map.of("subject", "{config:property('quarkus.datasource.username')}",
                        "body", "Dear {recipient.name}"))
                .put(path).then().statusCode(400).body("errors[0].field", equalTo("subject"))
                .body("errors[0].message", containsString("config:property"));
        clinic.as(clinic.admin()).body(Map.of("subject", "{inject:clinicContext}"))
                .post(path + "/preview").then().statusCode(400).body("errors[0].field", equalTo("subject"));

        clinic.as(clinic.admin()).get(path).then().statusCode(200).body("customised", equalTo(false))
                .body("version", equalTo(0));
        clinic.as(clinic.admin()).get(path + "/history").then().body("", hasSize(0));
    }

    @Test
    void aTemplateWithEveryDocumentedPlaceholderStillRendersInThePreviewAndInALetter() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        StringBuilder body = new StringBuilder("Every placeholder:\n\n");
        for (LetterDataModel.Name name : LetterDataModel.NAMES) {
            if (name.type().equals("list")) {
                body.append("- ").append(name.name()).append(": {#for e in ").append(name.name())
                        .append("}{e.id} {e.name}{#if e_hasNext}, {/if}{/for}\n");
            } else {
                body.append("- ").append(name.name()).append(": {").append(name.name()).append("}\n");
            }
        }
        body.append("\n{#each decision.exceptions}{it_count}. {it.id}{/each}{#if note}Note: {note}{#else}No note{/if}");
        Map<String, Object> wording = Map.of("subject", "About {request.reference} for {recipient.name}",
                "body", body.toString());
        String path = TEMPLATES + "/denial";
        String preview = clinic.as(clinic.admin()).body(wording).post(path + "/preview").then().statusCode(200)
                .extract().asString();
        assertTrue(preview.contains("clinic.name: Sunrise Family Medicine"), preview);
        assertTrue(preview.contains("decision.exceptions: 171.201 Preventing Harm"), preview);
        assertTrue(preview.contains("hhs.phone: 1-800-368-1019"), preview);
        assertTrue(preview.contains("1. 171.201"), preview);
        assertFalse(preview.substring(preview.indexOf("<body>")).contains("{"), "nothing left unrendered: " + preview);
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(wording).put(path).then().statusCode(200);

        String request = UUID.randomUUID().toString();
        String assessment = clinic.signed(request, TestClinic.preventingHarmCase());
        String id = clinic.as(clinic.privacy()).body(letter("denial"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201)
                .body("templateCustomised", equalTo(true)).body("subject", equalTo("About REQ-"
                        + request.substring(0, 8).toUpperCase() + " for Alex Rivera")).extract().path("id");
        String html = clinic.as(clinic.privacy()).get(letters(request) + "/" + id + "/html").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("recipient.name: Alex Rivera"), html);
        assertTrue(html.contains("decision.exceptions: 171.201"), html);
    }

    @Test
    void aLetterGeneratedAfterARefusedSaveUsesTheTemplateSavedBefore() {
        TestClinic clinic = TestClinic.fresh();
        clinic.saveLetterSettings();
        String path = TEMPLATES + "/denial";
        clinic.as(clinic.admin()).header("If-Match", "\"0\"")
                .body(Map.of("subject", "Our answer", "body", "Dear {recipient.name}, this is our own wording."))
                .put(path).then().statusCode(200).header("ETag", "\"1\"");
        clinic.as(clinic.admin()).header("If-Match", "\"1\"")
                .body(Map.of("subject", "Our answer", "body",
                        "Database: {config:property('quarkus.datasource.jdbc.url')}"
                                + " {config:property('quarkus.datasource.password')}"))
                .put(path).then().statusCode(400).body("errors[0].field", equalTo("body"));
        clinic.as(clinic.admin()).get(path).then().header("ETag", "\"1\"")
                .body("body", equalTo("Dear {recipient.name}, this is our own wording."));

        String request = UUID.randomUUID().toString();
        String assessment = clinic.signed(request, TestClinic.preventingHarmCase());
        String id = clinic.as(clinic.privacy()).body(letter("denial"))
                .post(assessments(request) + "/" + assessment + "/letters").then().statusCode(201).extract().path("id");
        String text = TestClinic.pdfText(clinic.as(clinic.privacy()).get(letters(request) + "/" + id + "/pdf").then()
                .statusCode(200).extract().asByteArray());
        assertTrue(text.contains("Dear Alex Rivera, this is our own wording."), text);
        assertFalse(text.contains("jdbc:"), text);
        assertFalse(text.contains("Database:"), text);
    }

    @Test
    void onlyTheClinicAdministratorMayPreviewATemplate() {
        TestClinic clinic = TestClinic.fresh();
        Map<String, Object> wording = Map.of("subject", "Hello", "body", "Dear {recipient.name}");
        List<String> others = new ArrayList<>(List.of(clinic.frontDesk(), clinic.clinician(), clinic.privacy(),
                clinic.supervisor(), clinic.compliance()));
        for (String token : others) {
            clinic.as(token).body(wording).post(TEMPLATES + "/denial/preview").then().statusCode(403);
            clinic.as(token).body(Map.of("body", "{config:property('quarkus.datasource.password')}"))
                    .post(TEMPLATES + "/denial/preview").then().statusCode(403);
        }
        clinic.as(clinic.admin()).body(wording).post(TEMPLATES + "/denial/preview").then().statusCode(200)
                .body(containsString("Dear Alex Rivera"));
    }
}
