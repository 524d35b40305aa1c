package org.ehiaccess.ui.browser;

import org.ehiaccess.ui.testing.ReportingServiceResource;
import org.ehiaccess.ui.testing.DecisionServiceResource;
import io.quarkus.test.common.WithTestResource;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeProbe;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The supervisor's alert inbox (alerts raised by intake-service's own deadline scan, every 2 s
 * here), complaints logged and resolved, and clinic settings changed by the clinic administrator,
 * in a real Chromium.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceResource.class)
@WithTestResource(DecisionServiceResource.class)
@WithTestResource(ReportingServiceResource.class)
class SupervisionBrowserTest extends BrowserTestBase {

    static final ZoneId EASTERN = ZoneId.of("America/New_York");

    @BeforeAll
    static void start() {
        startIntakeAndChromium(List.of("-Dintake.alerts.scan-every=2s", "-Dquarkus.mailer.mock=true"));
    }

    static long unreadOf(DemoUsers.DemoUser user) {
        return given().auth().oauth2(user.accessToken())
                .when().get(intake.baseUrl() + "/api/v1/alerts/unread-count")
                .then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    /** Waits for intake-service's scan to raise the alerts of a request logged 13 days late. */
    static long awaitAlerts(DemoUsers.DemoUser user) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        long unread = 0;
        while (Instant.now().isBefore(giveUp)) {
            unread = unreadOf(user);
            if (unread > 0) {
                // one more scan, so that every threshold crossed is raised before the page is read
                Thread.sleep(3000);
                return unreadOf(user);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the deadline scan raised no alert within 60 s; see target/intake-e2e.log");
    }

    @Test
    void supervisorReadsAlertsTheCountFollowsWithoutReloadAndActsFromAnAlert() throws Exception {
        DemoUsers.DemoUser supervisor = DemoUsers.RIVERSIDE_SUPERVISOR;
        String patient = "River " + UUID.randomUUID().toString().substring(0, 6);
        // logged 13 days after it arrived: a patient's request has a 15-day internal target, past 80 % now
        Map<String, Object> body = IntakeProbe.request(patient, patient, Instant.now().minus(Duration.ofDays(13)));
        // the front desk logs it (the permission table); the supervisor reads its alerts
        String id = IntakeProbe.log(intake, DemoUsers.RIVERSIDE_FRONT_DESK, body);
        long unread = awaitAlerts(supervisor);
        assertTrue(unread >= 1);

        Page page = signIn(supervisor, "/alerts", true);
        assertThat(page.locator("#unread-count")).hasText(unread + " unread");
        page.evaluate("() => { window.samePage = 'yes'; }");
        assertThat(page.locator("#alert-list .record-unread")).hasCount((int) unread);
        assertThat(page.locator("#alert-list .record").first()).containsText("Request for " + patient);
        assertThat(page.locator("#alert-list .record").first()).containsText("Internal target");
        screenshot(page, "alert-inbox.png");

        page.locator("#alert-list .record-unread").first()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark read")).click();
        assertThat(page.locator("#alert-list .record-unread")).hasCount((int) unread - 1);
        assertThat(page.locator("#unread-count")).hasText(unread - 1 == 0 ? "" : (unread - 1) + " unread");
        assertEquals("yes", page.evaluate("() => window.samePage"), "marked read in place, without a reload");
        assertEquals(unread - 1, unreadOf(supervisor));

        // my alert mail: a daily digest to the sign-in's address
        page.locator("#delivery-daily_digest").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my alert mail")).click();
        assertThat(page.locator("#mail [role=status]")).containsText("saved");
        assertThat(page.locator("#delivery-daily_digest")).isChecked();
        assertThat(page.locator("#email")).hasValue("riverside-supervisor@example.org");
        page.locator("#delivery-none").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my alert mail")).click();
        assertThat(page.locator("#delivery-none")).isChecked();

        // reassign, straight from the alert: the request page opens on its assignment form
        page.locator("#alert-list .record").first()
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reassign")).click();
        page.waitForURL(Pattern.compile(".*/requests/" + id + "\\?act=assignment#act-assignment"));
        assertThat(page.locator("#act-assignment")).hasAttribute("open", "");
        page.locator("#assignee").fill("riverside-frontdesk");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save assignment")).click();
        assertThat(page.locator("[role=status]")).hasText("The assignment was saved.");
        assertThat(page.locator(".details")).containsText("riverside-frontdesk");

        // extend, from the alert, with the written notice
        page.navigate(url("/alerts"));
        page.locator("#alert-list .record").first()
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Extend")).click();
        assertThat(page.locator("#act-extension")).hasAttribute("open", "");
        LocalDate today = LocalDate.now(EASTERN);
        page.locator("#noticeSentOn").fill(today.toString());
        page.locator("#reasons").fill("Records are archived off site");
        page.locator("#expectedActionDate").fill(today.plusDays(30).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record extension")).click();
        assertThat(page.locator("[role=status]")).containsText("The extension was recorded");
        assertThat(page.locator(".details")).containsText("Records are archived off site");
        assertThat(page.locator(".clocks")).containsText("60 days, extended");
        assertThat(page.locator("#act-extension")).hasCount(0);
        assertEquals(List.of(), unexpectedBrowserErrors());
    }

    @Test
    void frontDeskLogsAComplaintAndThePrivacyOfficerResolvesIt() {
        String patient = "Complaint " + UUID.randomUUID().toString().substring(0, 6);
        String requestId = IntakeProbe.log(intake, DemoUsers.SUNRISE_FRONT_DESK,
                IntakeProbe.request(patient, patient, Instant.now().minus(Duration.ofDays(3))));

        Page desk = signIn(DemoUsers.SUNRISE_FRONT_DESK, "/requests/" + requestId, true);
        desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log a complaint about this request")).click();
        assertThat(desk.locator("#requestIds")).hasValue(requestId);
        desk.locator("#source").selectOption("hhs_ocr");
        desk.locator("#sourceName").fill("OCR Region 4");
        desk.locator("#allegation").fill("The patient's request for labs went unanswered for 45 days");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log complaint")).click();
        assertThat(desk.locator("[role=status]")).hasText("The complaint was logged.");
        assertThat(desk.locator("h1")).containsText("HHS Office for Civil Rights: OCR Region 4");
        assertThat(desk.locator("#complaint-status")).hasText("Open");
        // the front desk logs complaints; it does not resolve them
        assertThat(desk.locator("#complaint-update")).hasCount(0);
        String complaintPage = desk.url().replaceAll("\\?.*$", "");

        Page privacy = signIn(DemoUsers.SUNRISE_PRIVACY, "/complaints", true);
        assertThat(privacy.locator("#complaint-list")).containsText("OCR Region 4");
        privacy.locator("#filter-status").selectOption("resolved");
        assertThat(privacy).hasURL(Pattern.compile(".*status=resolved.*"));
        assertThat(privacy.locator("#complaint-list")).not().containsText("OCR Region 4");
        privacy.navigate(complaintPage);
        privacy.locator("#status").selectOption("resolved");
        privacy.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update complaint")).click();
        // resolved needs its resolution: the message beside the field, the choice kept
        assertThat(privacy.locator("#resolution-error")).containsText("Say how the complaint was resolved");
        assertThat(privacy.locator("#status")).hasValue("resolved");
        privacy.locator("#resolution").fill("Records sent; staff retrained on the 30-day rule");
        privacy.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update complaint")).click();
        assertThat(privacy.locator("[role=status]")).hasText("The complaint was updated.");
        assertThat(privacy.locator("#complaint-status")).hasText("Resolved");
        assertThat(privacy.locator(".audit")).containsText("Updated");
        assertThat(privacy.locator(".audit")).containsText("sunrise-privacy");
        assertThat(privacy.locator(".audit .after").first()).containsText("resolved");
        assertThat(privacy.locator(".details")).containsText("Records sent; staff retrained");
        screenshot(privacy, "complaint.png");

        // the request's timeline shows the complaint
        privacy.navigate(url("/requests/" + requestId));
        assertThat(privacy.locator(".timeline")).containsText("Complaint linked");
        assertEquals(List.of(), unexpectedBrowserErrors("422"));
    }

    @Test
    void clinicAdministratorChangesTheSettingsAndTheFrontDeskCannot() {
        DemoUsers.DemoUser admin = DemoUsers.HILLSIDE_ADMIN;
        Map<String, Object> body = IntakeProbe.request("Hill Patient", "Hill Clinic", Instant.now().minus(Duration.ofHours(2)));
        body.put("requesterType", "other");
        String id = IntakeProbe.log(intake, DemoUsers.HILLSIDE_FRONT_DESK, body);
        String dueBefore = (String) IntakeProbe.get(intake, admin, id).get("nextDueAt");

        Page page = signIn(admin, "/settings", true);
        assertThat(page.locator("#timeZone")).hasValue("America/New_York");
        page.locator("#timeZone").selectOption("America/Chicago");
        page.locator("#closures").fill("2026-12-24\n2026-12-31");
        page.locator("#defaultAmount").fill("20");
        page.locator("#defaultUnit").selectOption("business_days");
        Locator types = page.locator("select[name=targetRequesterType]");
        int newRow = types.count() - 2;
        types.nth(newRow).selectOption("researcher");
        page.locator("input[name=targetAmount]").nth(newRow).fill("45");
        page.locator("#stateCode").fill("tx");
        page.locator("#stateCitation").fill("Tex. Health & Safety Code 181.102");
        page.locator("#stateAmount").fill("15");
        page.locator("#alertThresholds").fill("50, 75");
        screenshot(page, "settings-edit.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();

        assertThat(page.locator("[role=status]")).containsText("The due dates of every open request were recomputed");
        assertThat(page.locator("#timeZone")).hasValue("America/Chicago");
        assertThat(page.locator("#closures")).hasValue("2026-12-24\n2026-12-31");
        assertThat(page.locator("#stateCode")).hasValue("TX");
        assertThat(page.locator("#alertThresholds")).hasValue("50, 75");
        assertThat(page.locator("select[name=targetRequesterType]").nth(newRow)).hasValue("researcher");
        assertThat(page.locator(".audit")).containsText("Time zone");
        assertThat(page.locator(".audit")).containsText("America/Chicago");
        assertThat(page.locator(".audit")).containsText("CST");
        screenshot(page, "settings.png");
        String dueAfter = (String) IntakeProbe.get(intake, admin, id).get("nextDueAt");
        assertTrue(Instant.parse(dueAfter).isAfter(Instant.parse(dueBefore)),
                "the open request's due date was recomputed: " + dueBefore + " -> " + dueAfter);

        // a stale form (opened before this change) is refused and keeps what was typed
        Page other = signIn(admin, "/settings", true);
        page.locator("#alertThresholds").fill("60, 80");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        other.locator("#alertThresholds").fill("40");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(other.locator("#error-summary")).containsText("changed by someone else");
        assertThat(other.locator("#alertThresholds")).hasValue("40");

        // the front desk reads the settings, and is offered no way to change them
        Page desk = signIn(DemoUsers.HILLSIDE_FRONT_DESK, "/settings", true);
        assertThat(desk.locator("main")).containsText("Only the clinic administrator changes these settings.");
        assertThat(desk.locator("main")).containsText("Central Time (America/Chicago)");
        assertThat(desk.locator("#settings-form")).hasCount(0);
        assertThat(desk.locator(".audit")).hasCount(0);
        assertEquals(List.of(), unexpectedBrowserErrors("409"));
    }
}
