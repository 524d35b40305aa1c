package org.ehiaccess.decision.letter;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.decision.support.TestClinic;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class LetterSettingsAndTemplatesTest {

    static final String SETTINGS = "/api/v1/letter-settings";
    static final String TEMPLATES = "/api/v1/letter-templates";

    @Test
    void letterSettingsStartEmptyAndTheAdministratorFillsInTheComplaintContact() {
        TestClinic clinic = TestClinic.fresh();
        clinic.as(clinic.privacy()).get(SETTINGS).then().statusCode(200).header("ETag", "\"0\"")
                .body("version", equalTo(0)).body("complete", equalTo(false)).body("clinicName", equalTo(clinic.id))
                .body("privacyContactPhone", nullValue());

        Map<String, Object> bad = new LinkedHashMap<>(TestClinic.letterSettings());
        bad.put("clinicName", "");
        bad.put("privacyContactName", null);
        bad.put("privacyContactTitle", " ");
        bad.put("privacyContactPhone", "call us");
        bad.put("privacyContactEmail", "not-an-address");
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(bad).put(SETTINGS).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("clinicName", "privacyContactName", "privacyContactPhone",
                        "privacyContactEmail"));
        clinic.as(clinic.admin()).body(TestClinic.letterSettings()).put(SETTINGS).then().statusCode(428);
        clinic.as(clinic.privacy()).header("If-Match", "\"0\"").body(TestClinic.letterSettings()).put(SETTINGS).then()
                .statusCode(403);

        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(TestClinic.letterSettings()).put(SETTINGS).then()
                .statusCode(200).header("ETag", "\"1\"").body("complete", equalTo(true))
                .body("privacyContactPhone", equalTo("(555) 010-2000"));
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(TestClinic.letterSettings()).put(SETTINGS).then()
                .statusCode(409);
        Map<String, Object> titleOnly = new LinkedHashMap<>(TestClinic.letterSettings());
        titleOnly.put("privacyContactName", null);
        clinic.as(clinic.admin()).header("If-Match", "\"1\"").body(titleOnly).put(SETTINGS).then().statusCode(200)
                .body("privacyContactName", nullValue()).body("privacyContactTitle", equalTo("Privacy Officer"));
        clinic.as(clinic.compliance()).get(SETTINGS + "/history").then().statusCode(200).body("", hasSize(2))
                .body("[0].before.complete", equalTo(false)).body("[0].after.privacyContactName", equalTo("Jordan Lee"))
                .body("[1].before.privacyContactName", equalTo("Jordan Lee")).body("[1].after.privacyContactName", nullValue());

        TestClinic other = TestClinic.fresh();
        other.as(other.admin()).get(SETTINGS).then().body("complete", equalTo(false)).body("version", equalTo(0));
        other.as(other.admin()).get(SETTINGS + "/history").then().body("", hasSize(0));
    }

    @Test
    void everyKindShipsWithAPlainLanguageDefault() {
        TestClinic clinic = TestClinic.fresh();
        clinic.as(clinic.frontDesk()).get(TEMPLATES).then().statusCode(200)
                .body("kind", containsInAnyOrder("denial", "partial_fulfilment", "infeasibility", "extension", "no_records", "review_outcome"))
                .body("customised", everyItem(equalTo(false))).body("version", everyItem(equalTo(0)))
                .body("find { it.kind == 'denial' }.body", containsString("{recipient.name}"))
                .body("find { it.kind == 'infeasibility' }.cfr", equalTo("45 CFR 171.204(b)"));
        clinic.as(clinic.frontDesk()).get(TEMPLATES + "/extension").then().statusCode(200).header("ETag", "\"0\"")
                .body("subject", containsString("more time"));
        clinic.as(clinic.frontDesk()).get(TEMPLATES + "/postcard").then().statusCode(404);
        clinic.as(clinic.frontDesk()).get(TEMPLATES + "/data-model").then().statusCode(200)
                .body("names.name", hasItem("contact.phone")).body("requiredContent", containsString("164.524(d)(2)"));
    }

    @Test
    void aTemplateMustParseAndUseOnlyKnownNames() {
        TestClinic clinic = TestClinic.fresh();
        String path = TEMPLATES + "/denial";
        clinic.as(clinic.admin()).header("If-Match", "\"0\"")
                .body(Map.of("subject", "About {request.reference}", "body", "Dear {recipient.nmae},\n\nNo."))
                .put(path).then().statusCode(400).body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("recipient.nmae"));
        clinic.as(clinic.admin()).header("If-Match", "\"0\"")
                .body(Map.of("subject", "About {#if x}", "body", "Dear {recipient.name},\n\n{#for}"))
                .put(path).then().statusCode(400).body("errors.field", containsInAnyOrder("subject", "body"));
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(Map.of("subject", "Two\nlines", "body", " "))
                .put(path).then().statusCode(400).body("errors.field", containsInAnyOrder("subject", "body"));
        clinic.as(clinic.admin()).get(path).then().body("customised", equalTo(false));
    }

    @Test
    void theAdministratorCustomisesAndResetsATemplateOthersOnlyReadIt() {
        TestClinic clinic = TestClinic.fresh();
        String path = TEMPLATES + "/no_records";
        Map<String, Object> wording = Map.of("subject", "Records request {request.reference}",
                "body", "Hello {recipient.name}.\n\nWe have nothing on file.\n\n- Call {contact.phone}\n- Or write to us");
        for (String token : List.of(clinic.frontDesk(), clinic.privacy(), clinic.clinician(), clinic.supervisor(),
                clinic.compliance())) {
            clinic.as(token).header("If-Match", "\"0\"").body(wording).put(path).then().statusCode(403);
            clinic.as(token).post(path + "/reset").then().statusCode(403);
            // the preview evaluates a template: only for those who may edit templates
            clinic.as(token).body(Map.of("body", "Hi {recipient.name}")).post(path + "/preview").then().statusCode(403);
        }
        clinic.as(clinic.admin()).body(wording).put(path).then().statusCode(428);
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(wording).put(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("customised", equalTo(true)).body("subject", equalTo(wording.get("subject")));
        clinic.as(clinic.admin()).header("If-Match", "\"0\"").body(wording).put(path).then().statusCode(409);
        clinic.as(clinic.privacy()).get(TEMPLATES).then()
                .body("find { it.kind == 'no_records' }.customised", equalTo(true))
                .body("find { it.kind == 'denial' }.customised", equalTo(false));

        // the preview shows the wording with sample data and the required content, escaped
        String html = clinic.as(clinic.admin()).body(Map.of("body", "Hi {recipient.name} <b>&</b>"))
                .post(path + "/preview").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("Hi Alex Rivera &lt;b&gt;&amp;&lt;/b&gt;"), html);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("Where to send your request"), html);

        TestClinic other = TestClinic.fresh();
        other.as(other.admin()).get(path).then().body("customised", equalTo(false)).body("version", equalTo(0))
                .body("subject", not(equalTo(wording.get("subject"))));
        other.as(other.admin()).get(path + "/history").then().body("", hasSize(0));

        clinic.as(clinic.admin()).header("If-Match", "\"1\"").post(path + "/reset").then().statusCode(200)
                .header("ETag", "\"2\"").body("customised", equalTo(false)).body("subject", containsString("do not have"));
        clinic.as(clinic.admin()).get(path + "/history").then().body("", hasSize(2))
                .body("[0].action", equalTo("saved")).body("[0].after.body", equalTo(wording.get("body")))
                .body("[1].action", equalTo("reset_to_default")).body("[1].actor", equalTo(clinic.id + "-admin"));
    }
}
