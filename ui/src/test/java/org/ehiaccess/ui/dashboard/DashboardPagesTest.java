package org.ehiaccess.ui.dashboard;

import org.ehiaccess.ui.testing.DecisionServiceResource;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ehiaccess.ui.testing.CodeFlow;
import org.ehiaccess.ui.testing.DashboardClinic;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeService;
import org.ehiaccess.ui.testing.ReportingService;
import org.ehiaccess.ui.testing.ReportingServiceResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;

/**
 * The dashboard against the real intake-service and reporting-service: who sees it, the figures of a seeded quarter
 * ({@link DashboardClinic}) equal to the values worked out by hand here, the requests behind a figure, the CSV tables,
 * and the period form.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceResource.class)
@WithTestResource(DecisionServiceResource.class)
@WithTestResource(ReportingServiceResource.class)
class DashboardPagesTest {

    static final String PAGE = "/dashboard?" + DashboardClinic.PERIOD;

    static IntakeService intake;
    static ReportingService reporting;
    static DashboardClinic clinic;

    @OidcWireMock
    WireMockServer oidcServer;

    @BeforeAll
    static void startServices() {
        intake = IntakeService.start();
        reporting = ReportingService.start();
        clinic = DashboardClinic.seed(intake, reporting);
    }

    @AfterAll
    static void stopServices() {
        if (reporting != null) {
            reporting.close();
        }
        if (intake != null) {
            intake.close();
        }
    }

    @BeforeEach
    void demoUsers() {
        DemoUsers.register(oidcServer);
    }

    /** The value of one cell of the page's tables: {@code table/row code/column index}. */
    static String cell(String html, String cell) {
        Matcher m = Pattern.compile("data-cell=\"" + Pattern.quote(cell) + "\" data-value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no cell " + cell);
        return m.group(1);
    }

    static List<String> requestIdsOn(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-request=\"([0-9a-f-]{36})\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void frontDeskIsRefusedTheDashboardAndHasNoLinkToIt() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests");
        given().cookies(session).when().get("/requests").then().statusCode(200)
                .body(containsString("href=\"/requests\""))
                .body(not(containsString("href=\"/dashboard\"")));
        given().cookies(session).when().get(PAGE).then().statusCode(403)
                .body(containsString("This page is not open to your role"))
                .body(not(containsString("data-cell=")));
        given().cookies(session).when().get("/dashboard/csv?table=byChannel&from=2026-07-01&to=2026-09-30")
                .then().statusCode(403);
        given().cookies(session).when()
                .get("/dashboard/requests?figure=denied&from=2026-07-01&to=2026-09-30").then().statusCode(403)
                .body(not(containsString(clinic.attorneys.get(0))));
    }

    @Test
    void complianceLeadSupervisorAndClinicAdminSeeTheDashboardAndItsLink() {
        for (DemoUsers.DemoUser user : List.of(DemoUsers.SUNRISE_COMPLIANCE, DemoUsers.SUNRISE_SUPERVISOR,
                DemoUsers.HILLSIDE_ADMIN)) {
            Map<String, String> session = CodeFlow.signIn(user, "/dashboard");
            String html = given().cookies(session).when().get(PAGE).then().statusCode(200)
                    .body(containsString("<a href=\"/dashboard\" aria-current=\"page\">Dashboard</a>"))
                    .extract().asString();
            // hillside has no events: its figures are its own, never sunrise's
            assertEquals(user == DemoUsers.HILLSIDE_ADMIN ? "0" : "12", cell(html, "summary/requestsReceived/0"),
                    user.username());
        }
    }

    /** Every figure of the seeded quarter, worked out by hand from the story in {@link DashboardClinic}. */
    @Test
    void figuresOfTheSeededQuarterAreTheHandComputedOnes() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_COMPLIANCE, "/dashboard");
        String html = given().cookies(session).when().get(PAGE).then().statusCode(200)
                .body(containsString("1 July 2026 to 30 September 2026"))
                .extract().asString();
        // 7 patients + 5 attorneys; 5 denials: 500 / 12 = 41.67 per 100
        assertEquals("12", cell(html, "summary/requestsReceived/0"));
        assertEquals("5", cell(html, "summary/denials/0"));
        assertEquals("41.7", cell(html, "summary/denialsPer100/0"));
        // by channel: portal P1-P4, email P5-P7, fax A1-A5
        assertEquals("4", cell(html, "byChannel/portal/0"));
        assertEquals("3", cell(html, "byChannel/email/0"));
        assertEquals("5", cell(html, "byChannel/fax/0"));
        assertEquals("0", cell(html, "byChannel/mail/0"));
        assertTrue(html.contains(">Patient portal</th>") && html.contains(">Fax</th>"), "channels in words");
        assertEquals("7", cell(html, "byRequesterType/patient/0"));
        assertEquals("5", cell(html, "byRequesterType/attorney_or_court/0"));
        // legal basis: A1-A3 Part 171 exception, A4 required by law, A5 unrecorded; exceptions 171.202 x2, 171.204
        assertEquals("3", cell(html, "denialsByBasis/part171_exception/0"));
        assertEquals("1", cell(html, "denialsByBasis/required_by_law/0"));
        assertEquals("1", cell(html, "denialsByBasis/unrecorded/0"));
        assertEquals("2", cell(html, "denialsByException/171.202/0"));
        assertEquals("1", cell(html, "denialsByException/171.204/0"));
        assertTrue(html.contains(">Privacy (171.202)</th>"), "exceptions in words");
        // denial rate: attorneys 5 of 5 = 100 per 100 > 2 x 41.67 with 5 denials: an outlier; patients 0 of 7
        assertEquals("5", cell(html, "denialRateByRequesterType/attorney_or_court/1"));
        assertEquals("100.0", cell(html, "denialRateByRequesterType/attorney_or_court/2"));
        assertEquals("0.0", cell(html, "denialRateByRequesterType/patient/2"));
        assertTrue(html.contains("<tr data-code=\"attorney_or_court\" class=\"outlier\" data-outlier=\"true\">"),
                "the attorneys' row is marked");
        assertTrue(!html.contains("<tr data-code=\"patient\" class=\"outlier\""), "patients are not an outlier");
        assertTrue(html.contains("<li data-outlier-type=\"attorney_or_court\">Attorney or court: 5 denials and limitations in 5 requests, 100.0 per 100 (the clinic overall: 41.7 per 100)</li>"),
                "the outliers in words");
        assertTrue(html.contains("more than twice the clinic&#39;s overall denial rate")
                || html.contains("more than twice the clinic's overall denial rate"), "the outlier rule is shown");
        // days to fulfill 2, 4, 6, 8, 10: median 6, 90th percentile 8 + 0.6 x (10 - 8) = 9.2; attorneys none
        assertEquals("5", cell(html, "daysToFulfill/all/0"));
        assertEquals("6.0", cell(html, "daysToFulfill/patient/1"));
        assertEquals("9.2", cell(html, "daysToFulfill/patient/2"));
        assertEquals("", cell(html, "daysToFulfill/attorney_or_court/1"));
        // HIPAA clock: P1, P2 on time, P3 late: 2 of 3 = 66.7%; A1's internal target still running
        assertEquals("2", cell(html, "onTimeShare/hipaa_access/0"));
        assertEquals("1", cell(html, "onTimeShare/hipaa_access/1"));
        assertEquals("66.7", cell(html, "onTimeShare/hipaa_access/3"));
        assertEquals("1", cell(html, "onTimeShare/internal_target/2"));
        assertEquals("", cell(html, "onTimeShare/internal_target/3"));
        assertTrue(html.contains(">HIPAA 30 days, or 60 with an extension (164.524(b)(2))</th>"), "clocks in words");
        // documentation: 4 signed (A1-A4), 2 letters (A1, A2), both: 2 of 5 = 40%
        assertEquals("4", cell(html, "denialDocumentation/signedAnalysis/0"));
        assertEquals("2", cell(html, "denialDocumentation/letterSent/0"));
        assertEquals("2", cell(html, "denialDocumentation/documented/0"));
        assertEquals("3", cell(html, "denialDocumentation/undocumented/0"));
        assertTrue(html.contains("Share with a complete signed analysis and a letter sent: 40.0%."));
        // complaints: C1 upheld and linked, C2 with no outcome
        assertEquals("1", cell(html, "complaintsByOutcome/upheld/0"));
        assertEquals("1", cell(html, "complaintsByOutcome/pending/0"));
        assertTrue(html.contains("2 complaints logged in the period; 1 of them linked to a request."));
        // trend: the quarter holds all twelve
        assertEquals("12", cell(html, "trendByQuarter/2026-Q3/0"));
        assertEquals("41.7", cell(html, "trendByQuarter/2026-Q3/2"));
        assertEquals("0", cell(html, "trendByQuarter/2026-Q2/0"));
        // reconciliation: C2 has no request; A5 has a complaint but no signed decision
        assertTrue(html.contains("<tr data-complaint=\"" + clinic.unlinkedComplaint + "\">"));
        assertTrue(!html.contains("<tr data-complaint=\"" + clinic.linkedComplaint + "\">"));
        assertTrue(html.contains("<tr data-request=\"" + clinic.attorneys.get(4) + "\">"));
        // charts from the webjar, drawn by a static script: no CDN
        assertTrue(html.contains("<script src=\"/webjars/chart.js/dist/chart.umd.js\" defer></script>"));
        assertTrue(html.contains("<canvas id=\"chart-byChannel\""));
        assertTrue(!html.contains("https://cdn"));
    }

    @Test
    void aFiguresLinkListsExactlyTheRequestsBehindIt() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_SUPERVISOR, "/dashboard");
        String html = given().cookies(session).when().get(PAGE).then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("data-cell=\"denialRateByRequesterType/attorney_or_court/1\" data-value=\"5\"><a href=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(link.find(), "the attorneys' denials link to their requests");
        String href = link.group(1).replace("&amp;", "&");
        assertEquals("/dashboard/requests?figure=denied&from=2026-07-01&to=2026-09-30&requesterType=attorney_or_court",
                href);
        String requests = given().cookies(session).when().get(href).then().statusCode(200)
                .body(containsString("Denials and limitations · Requester: Attorney or court"))
                .extract().asString();
        assertEquals(clinic.attorneys, requestIdsOn(requests));

        String late = given().cookies(session).when()
                .get("/dashboard/requests?figure=late&clock=hipaa_access&from=2026-07-01&to=2026-09-30")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(clinic.patients.get(2)), requestIdsOn(late));

        given().cookies(session).when().get("/dashboard/requests?figure=everything&from=2026-07-01&to=2026-09-30")
                .then().statusCode(400).body(containsString("names no figure of the dashboard"));
    }

    @Test
    void theCsvLinkReturnsTheTableAsReportingServiceExportsIt() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_COMPLIANCE, "/dashboard");
        String html = given().cookies(session).when().get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(html.contains("href=\"/dashboard/csv?table=byChannel&amp;period=custom&amp;from=2026-07-01&amp;to=2026-09-30\""),
                "the table's CSV link carries the period");
        String csv = given().cookies(session).when()
                .get("/dashboard/csv?table=byChannel&period=custom&from=2026-07-01&to=2026-09-30")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("byChannel-2026-07-01-to-2026-09-30.csv"))
                .extract().asString();
        assertTrue(csv.startsWith("channel,count\r\n"), csv);
        assertTrue(csv.contains("\r\nportal,4\r\n") && csv.contains("\r\nemail,3\r\n") && csv.contains("\r\nfax,5\r\n"),
                csv);
        String rates = given().cookies(session).when()
                .get("/dashboard/csv?table=denialRateByRequesterType&from=2026-07-01&to=2026-09-30")
                .then().statusCode(200).extract().asString();
        assertTrue(rates.contains("\r\nattorney_or_court,5,5,100.0\r\n"), rates);
        // the tables reporting-service does not export: the ui writes them from the same figures
        String summary = given().cookies(session).when()
                .get("/dashboard/csv?table=summary&from=2026-07-01&to=2026-09-30")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals("figure,value\r\nrequestsReceived,12\r\ndenials,5\r\ndenialsPer100,41.7\r\n"
                + "medianDaysToFulfill,6.0\r\np90DaysToFulfill,9.2\r\n", summary);
        String documentation = given().cookies(session).when()
                .get("/dashboard/csv?table=denialDocumentation&from=2026-07-01&to=2026-09-30")
                .then().statusCode(200).extract().asString();
        assertEquals("figure,count\r\ndenials,5\r\nsignedAnalysis,4\r\nletterSent,2\r\ndocumented,2\r\n"
                + "undocumented,3\r\n", documentation);
        given().cookies(session).when().get("/dashboard/csv?table=patients&from=2026-07-01&to=2026-09-30")
                .then().statusCode(400);
    }

    @Test
    void theDefaultIsThisQuarterAndABadPeriodIsExplained() {
        Map<String, String> session = CodeFlow.signIn(DemoUsers.SUNRISE_COMPLIANCE, "/dashboard");
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        LocalDate first = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        DateTimeFormatter words = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US);
        given().cookies(session).when().get("/dashboard").then().statusCode(200)
                .body(containsString(words.format(first) + " to " + words.format(first.plusMonths(3).minusDays(1))))
                .body(containsString("<option value=\"quarter\" selected>"));
        given().cookies(session).when().get("/dashboard?period=month&from=2026-08-15").then().statusCode(200)
                .body(containsString("1 August 2026 to 31 August 2026"));
        given().cookies(session).when().get("/dashboard?period=custom&from=2026-09-30&to=2026-07-01")
                .then().statusCode(400)
                .body(containsString("The last day comes before the first day."))
                .body(not(containsString("data-cell=")));
    }
}
