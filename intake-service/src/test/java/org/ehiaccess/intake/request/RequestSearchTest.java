package org.ehiaccess.intake.request;

import static org.ehiaccess.intake.support.IntakeApi.LAKESIDE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.SUNRISE_FRONT_DESK;
import static org.ehiaccess.intake.support.IntakeApi.as;
import static org.ehiaccess.intake.support.IntakeApi.log;
import static org.ehiaccess.intake.support.IntakeApi.request;
import static org.ehiaccess.intake.support.IntakeApi.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RequestSearchTest {

    static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Test
    void keysetPagesVisitEveryRequestOnceInOrder() {
        String tag = unique("Pager");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(log(SUNRISE_FRONT_DESK, request(tag, "payer", Instant.now().minus(i + 1, ChronoUnit.HOURS))));
        }
        List<String> seen = new ArrayList<>();
        String url = "/api/v1/requests?limit=3&q=" + tag.replace(" ", "%20");
        int pages = 0;
        while (url != null) {
            Response page = as(SUNRISE_FRONT_DESK).urlEncodingEnabled(false).get(url);
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("id"));
            pages++;
            url = next(page);
        }
        // newest first, every one once, three pages of 3+3+1
        assertEquals(ids, seen);
        assertEquals(3, pages);
    }

    @Test
    void sortingByDueDatePutsTheEarliestDeadlineFirst() {
        String tag = unique("DueSort");
        String late = log(SUNRISE_FRONT_DESK, request(tag, "payer", Instant.now().minus(1, ChronoUnit.HOURS)));
        String early = log(SUNRISE_FRONT_DESK, request(tag, "payer", Instant.now().minus(5, ChronoUnit.DAYS)));
        String tag2 = tag.replace(" ", "%20");
        List<String> order = new ArrayList<>();
        String url = "/api/v1/requests?sort=due&limit=1&q=" + tag2;
        while (url != null) {
            Response page = as(SUNRISE_FRONT_DESK).urlEncodingEnabled(false).get(url);
            order.addAll(page.jsonPath().getList("id"));
            url = next(page);
        }
        assertEquals(List.of(early, late), order);
    }

    @Test
    void filtersNarrowTheLog() {
        String tag = unique("Filter");
        Map<String, Object> patientByFax = request(tag, "patient", Instant.now().minus(2, ChronoUnit.HOURS));
        String a = log(SUNRISE_FRONT_DESK, patientByFax);
        Map<String, Object> payerByPortal = request(tag, "payer", Instant.now().minus(3, ChronoUnit.HOURS));
        payerByPortal.put("channel", "payer_portal");
        payerByPortal.put("assignee", "sunrise-privacy");
        String b = log(SUNRISE_FRONT_DESK, payerByPortal);
        // overdue: a patient's request received 40 days ago is past HIPAA's 30 days
        String c = log(SUNRISE_FRONT_DESK, request(tag, "patient", Instant.now().minus(40, ChronoUnit.DAYS)));

        as(SUNRISE_FRONT_DESK).queryParam("q", tag).queryParam("requesterType", "payer").get("/api/v1/requests")
                .then().body("id", equalTo(List.of(b)));
        as(SUNRISE_FRONT_DESK).queryParam("q", tag).queryParam("channel", "fax").get("/api/v1/requests")
                .then().body("id", containsInAnyOrder(a, c));
        as(SUNRISE_FRONT_DESK).queryParam("q", tag).queryParam("assignee", "sunrise-privacy").get("/api/v1/requests")
                .then().body("id", equalTo(List.of(b)));
        as(SUNRISE_FRONT_DESK).queryParam("q", tag).queryParam("due", "overdue").get("/api/v1/requests")
                .then().body("id", equalTo(List.of(c))).body("dueState", everyItem(equalTo("overdue")));
        String since = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).minusDays(5).toString();
        as(SUNRISE_FRONT_DESK).queryParam("q", tag).queryParam("receivedFrom", since).get("/api/v1/requests")
                .then().body("id", containsInAnyOrder(a, b));
        as(SUNRISE_FRONT_DESK).queryParam("q", tag).queryParam("status", "received").queryParam("status", "denied")
                .get("/api/v1/requests").then().body("id", containsInAnyOrder(a, b, c));
        as(SUNRISE_FRONT_DESK).queryParam("q", tag).queryParam("status", "fulfilled").get("/api/v1/requests")
                .then().body("size()", equalTo(0));
        // "open" stands for every status of a request still being worked
        as(SUNRISE_FRONT_DESK).queryParam("q", tag).queryParam("status", "open").get("/api/v1/requests")
                .then().body("id", containsInAnyOrder(a, b, c));
        // free text finds the patient's name, case-insensitively
        as(SUNRISE_FRONT_DESK).queryParam("q", ("pat " + tag).toUpperCase()).get("/api/v1/requests")
                .then().body("id", containsInAnyOrder(a, b, c));
        // another clinic's filter never sees them
        as(LAKESIDE_FRONT_DESK).queryParam("q", tag).get("/api/v1/requests").then().body("size()", equalTo(0));
    }

    @Test
    void dueSoonMeansPastTheWarningPointButNotLate() {
        String tag = unique("DueSoon");
        // a patient's request: internal target 15 calendar days; 13 days in is past 80 % and not yet late
        String recent = log(SUNRISE_FRONT_DESK, request(tag, "patient", Instant.now().minus(1, ChronoUnit.HOURS)));
        String close = log(SUNRISE_FRONT_DESK, request(tag, "patient", Instant.now().minus(13, ChronoUnit.DAYS)));
        as(SUNRISE_FRONT_DESK).queryParam("q", tag).queryParam("due", "due_soon").get("/api/v1/requests")
                .then().body("id", equalTo(List.of(close))).body("dueState", everyItem(equalTo("due_soon")));
        as(SUNRISE_FRONT_DESK).queryParam("q", tag).get("/api/v1/requests")
                .then().body("find { it.id == '" + recent + "' }.dueState", equalTo("on_track"));
    }

    @Test
    void badFilterValuesNameTheParameter() {
        as(SUNRISE_FRONT_DESK).queryParam("status", "lost").queryParam("receivedFrom", "2026-02-30")
                .get("/api/v1/requests")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("status", "receivedFrom"));
        as(SUNRISE_FRONT_DESK).queryParam("limit", "100000").get("/api/v1/requests")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(SUNRISE_FRONT_DESK).queryParam("after", "not-a-cursor").get("/api/v1/requests")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
    }

    @Test
    void theFilteredLogExportsAsCsv() {
        String tag = unique("Csv");
        Map<String, Object> tricky = request(tag, "attorney_or_court", Instant.now().minus(1, ChronoUnit.HOURS));
        // a comma and quotes need RFC 4180 quoting; a leading "=" must not become a spreadsheet formula
        tricky.put("requesterOrganization", "=SUM(A1), \"Partners\"");
        String id = log(SUNRISE_FRONT_DESK, tricky);
        String other = log(SUNRISE_FRONT_DESK, request(unique("CsvOther")));
        String csv = as(SUNRISE_FRONT_DESK).queryParam("q", tag).get("/api/v1/requests/export")
                .then().statusCode(200).contentType(startsWithCsv())
                .header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("id,received_at,channel,requester_type"));
        assertEquals(2, lines.length, csv);
        assertTrue(lines[1].startsWith(id));
        assertTrue(lines[1].contains("\"'=SUM(A1), \"\"Partners\"\"\""), lines[1]);
        assertTrue(!csv.contains(other));
    }

    private static org.hamcrest.Matcher<String> startsWithCsv() {
        return startsWith("text/csv");
    }

    static String next(Response page) {
        String link = page.getHeader("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        assertTrue(m.find(), link);
        String uri = m.group(1);
        return uri.substring(uri.indexOf("/api/"));
    }

    @Test
    void theLastPageHasNoNextLink() {
        String tag = unique("Last");
        log(SUNRISE_FRONT_DESK, request(tag));
        log(SUNRISE_FRONT_DESK, request(tag));
        Response page = as(SUNRISE_FRONT_DESK).queryParam("q", tag).queryParam("limit", "2").get("/api/v1/requests");
        page.then().body("size()", equalTo(2));
        assertNull(page.getHeader("Link"));
        as(SUNRISE_FRONT_DESK).queryParam("q", tag).get("/api/v1/requests").then().body("id", not(hasItem("x")));
    }

    @Test
    void freeTextFindsWordsByTheirBeginningAcrossPunctuation() {
        String word = "Qz" + unique("x").substring(2, 10).replace("-", "");
        Map<String, Object> body = request("O'" + word + "-Smith Law, LLC");
        body.put("patientMrn", "MRN-" + word.substring(2) + "-0042");
        body.put("patientName", "Ana D\u00edaz");
        String id = log(SUNRISE_FRONT_DESK, body);
        // the beginning of any word, in any case, with or without the punctuation around it
        for (String q : List.of("o'" + word.substring(0, 4), word.toUpperCase() + " smi", "llc " + word, "mrn " + word.substring(2),
                word + " D\u00cdAZ", "\"" + word + "\" law")) {
            as(SUNRISE_FRONT_DESK).queryParam("q", q).get("/api/v1/requests")
                    .then().statusCode(200).body("id", equalTo(List.of(id)));
        }
        // every word must match, and a word is not found from its middle
        as(SUNRISE_FRONT_DESK).queryParam("q", word + " jones").get("/api/v1/requests").then().body("size()", equalTo(0));
        as(SUNRISE_FRONT_DESK).queryParam("q", word.substring(1)).get("/api/v1/requests").then().body("size()", equalTo(0));
        // query syntax typed into the box is only text; text without letters or digits finds nothing
        as(SUNRISE_FRONT_DESK).queryParam("q", word + " & !(x | y):*").get("/api/v1/requests").then().statusCode(200);
        as(SUNRISE_FRONT_DESK).queryParam("q", "&|!:*()'").get("/api/v1/requests")
                .then().statusCode(200).body("size()", equalTo(0));
        // a pasted request id finds that request
        as(SUNRISE_FRONT_DESK).queryParam("q", " " + id + " ").get("/api/v1/requests").then().body("id", equalTo(List.of(id)));
    }
}
