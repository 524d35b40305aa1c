package org.ehiaccess.ui.browser;

import org.ehiaccess.ui.testing.ReportingServiceResource;
import org.ehiaccess.ui.testing.DecisionServiceResource;
import io.quarkus.test.common.WithTestResource;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.IntakeProbe;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The request log and one request's page in a real Chromium: filters that update the list in place
 * and keep the address (back button, the same address without JavaScript), keyset pages, the CSV,
 * a status change on the timeline, a stale edit, and dismissing a possible duplicate.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceResource.class)
@WithTestResource(DecisionServiceResource.class)
@WithTestResource(ReportingServiceResource.class)
class RequestLogBrowserTest extends BrowserTestBase {

    static final DemoUsers.DemoUser FRONT_DESK = DemoUsers.SUNRISE_FRONT_DESK;

    @BeforeAll
    static void start() {
        startIntakeAndChromium(List.of());
    }

    static String token(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Logs a request through the API for {@code patient}, received {@code daysAgo} days ago. */
    static String logRequest(String patient, String requester, int minutesAgo, String channel, String requesterType) {
        Map<String, Object> body = IntakeProbe.request(patient, requester, Instant.now().minus(Duration.ofMinutes(minutesAgo)));
        body.put("channel", channel);
        body.put("requesterType", requesterType);
        return IntakeProbe.log(intake, FRONT_DESK, body);
    }

    /**
     * The browser's Back button. Not {@code page.goBack()}: htmx answers the history step by reloading
     * the address, which would abort the navigation Playwright waits for.
     */
    static void back(Page page) {
        page.evaluate("() => history.back()");
    }

    static List<String> patientsShown(Page page) {
        return page.locator("#request-log tbody tr td:nth-child(2) a").allTextContents();
    }

    @Test
    void filtersUpdateTheLogInPlaceKeepTheAddressAndTheSameAddressWorksWithoutJavaScript() {
        String token = token("Flt");
        logRequest(token + " Ana", "Requester Ana", 50, "fax", "patient");
        logRequest(token + " Ben", "Lakeview Cardiology", 40, "fax", "other_provider_treatment");
        logRequest(token + " Cal", "Requester Cal", 30, "mail", "patient");
        logRequest(token + " Dee", "Requester Dee", 20, "portal", "patient");
        String eve = logRequest(token + " Eve", "Requester Eve", 10, "fax", "patient");
        IntakeProbe.changeStatus(intake, FRONT_DESK, eve, "triaged");

        Page page = signIn(FRONT_DESK, "/requests", true);
        page.evaluate("() => { window.samePage = 'yes'; }");
        page.locator("#q").pressSequentially(token);
        assertThat(page).hasURL(Pattern.compile(".*[?&]q=" + token + ".*"));
        assertThat(page.locator("#request-log tbody tr")).hasCount(5);

        page.locator("#channel").selectOption("fax");
        assertThat(page).hasURL(Pattern.compile(".*channel=fax.*"));
        assertThat(page.locator("#request-log tbody tr")).hasCount(3);
        String faxOnly = page.url();
        List<String> faxPatients = patientsShown(page);
        assertEquals(List.of(token + " Eve", token + " Ben", token + " Ana"), faxPatients, "newest first");

        page.locator("#status-triaged").check();
        assertThat(page).hasURL(Pattern.compile(".*status=triaged.*"));
        assertThat(page.locator("#request-log tbody tr")).hasCount(1);
        assertThat(page.locator("#request-log")).containsText(token + " Eve");
        assertThat(page.locator("#request-log")).containsText("Triaged");
        // htmx swapped the list: the page itself was never reloaded
        assertEquals("yes", page.evaluate("() => window.samePage"));

        // back: the previous filter, its rows and its inputs (htmx reloads that address from the server)
        back(page);
        assertThat(page).hasURL(faxOnly);
        assertThat(page.locator("#request-log tbody tr")).hasCount(3);
        assertThat(page.locator("#status-triaged")).not().isChecked();
        assertThat(page.locator("#channel")).hasValue("fax");
        assertThat(page.locator("#q")).hasValue(token);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);

        // every row says when it is next due and where it stands, in words
        assertThat(page.locator("#request-log tbody tr").first().locator(".due")).containsText("On track");
        page.locator("#sort").selectOption("due");
        assertThat(page).hasURL(Pattern.compile(".*sort=due.*"));
        assertThat(page.locator("#request-log tbody tr")).hasCount(3);
        screenshot(page, "request-log-filtered.png");

        // the same address in a browser without JavaScript: the same rows
        Page plain = signIn(FRONT_DESK, "/requests", false);
        plain.navigate(faxOnly);
        assertEquals(faxPatients, patientsShown(plain));
        assertThat(plain.locator("#channel")).hasValue("fax");
        // and the plain GET form filters without JavaScript
        plain.locator("#status-triaged").check();
        plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show requests")).click();
        assertThat(plain).hasURL(Pattern.compile(".*status=triaged.*"));
        assertEquals(List.of(token + " Eve"), patientsShown(plain));
        assertEquals(List.of(), unexpectedBrowserErrors());
    }

    @Test
    void nextPageFollowsTheKeysetCursorAndShowsEveryRequestOnce() {
        String token = token("Pg");
        for (int i = 1; i <= 12; i++) {
            logRequest(token + " P" + String.format("%02d", i), "Requester " + i, 100 - i, "mail", "patient");
        }
        Page page = signIn(FRONT_DESK, "/requests", true);
        page.navigate(url("/requests?q=" + token + "&size=10"));
        assertThat(page.locator("#request-log tbody tr")).hasCount(10);
        List<String> first = patientsShown(page);
        page.locator("#next-page").click();
        assertThat(page).hasURL(Pattern.compile(".*after=.*"));
        assertThat(page.locator("#request-log tbody tr")).hasCount(2);
        List<String> second = patientsShown(page);
        assertThat(page.locator("#next-page")).hasCount(0);
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        assertEquals(12, all.size(), "each request once, across the pages");
        assertEquals(token + " P12", first.get(0), "newest first");
        assertEquals(token + " P01", second.get(1));

        back(page);
        assertThat(page).not().hasURL(Pattern.compile(".*after=.*"));
        assertThat(page.locator("#request-log tbody tr")).hasCount(10);
        assertEquals(first, patientsShown(page));

        // without JavaScript the link is a plain link to the next page
        Page plain = signIn(FRONT_DESK, "/requests", false);
        plain.navigate(url("/requests?q=" + token + "&size=10"));
        plain.locator("#next-page").click();
        assertEquals(second, patientsShown(plain));
    }

    @Test
    void downloadCsvHasTheFilteredRows() throws Exception {
        String token = token("Csv");
        logRequest(token + " Fax One", "Requester A", 30, "fax", "patient");
        logRequest(token + " Fax Two", "Requester B", 20, "fax", "patient");
        logRequest(token + " Mail", "Requester C", 10, "mail", "patient");
        Page page = signIn(FRONT_DESK, "/requests", true);
        page.navigate(url("/requests?q=" + token + "&channel=fax"));
        assertThat(page.locator("#download-csv")).hasAttribute("href", "/requests/export.csv?channel=fax&q=" + token);
        Download download = page.waitForDownload(() -> page.locator("#download-csv").click());
        assertTrue(download.suggestedFilename().matches("ehi-request-log-\\d{4}-\\d{2}-\\d{2}\\.csv"), download.suggestedFilename());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(csv.lines().toList());
        assertTrue(lines.get(0).startsWith("id,received_at,channel"), lines.get(0));
        assertEquals(3, lines.size(), csv);
        assertTrue(csv.contains(token + " Fax One"));
        assertTrue(csv.contains(token + " Fax Two"));
        assertFalse(csv.contains(token + " Mail"));
    }

    @Test
    void aStatusChangeLandsOnTheTimeline() {
        String token = token("St");
        String id = logRequest(token + " Ida", "Ida's daughter", 60, "phone", "personal_representative");
        Page page = signIn(FRONT_DESK, "/requests/" + id, true);
        assertThat(page.locator("h1")).hasText("Request for " + token + " Ida");
        assertThat(page.locator(".clocks")).containsText("HIPAA right of access");
        assertThat(page.locator(".clocks")).containsText("45 CFR 164.524(b)(2)");
        page.locator("#act-status summary").click();
        page.locator("#status").selectOption("waiting_on_requester");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status")).click();
        // waiting on the requester says for what: the form comes back with the message and the choice kept
        assertThat(page.locator("#waitingFor-error")).containsText("Say what the clinic is waiting for");
        assertThat(page.locator("#status")).hasValue("waiting_on_requester");
        page.locator("#waitingFor").fill("Signed authorization from the patient");
        page.locator("#note").fill("Called and asked for the form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status")).click();

        assertThat(page.locator("[role=status]")).hasText("The status was changed.");
        assertThat(page.locator(".head-status .status")).hasText("Waiting on requester");
        assertThat(page.locator(".details")).containsText("Waiting for: Signed authorization from the patient");
        assertThat(page.locator(".timeline tbody tr").first()).containsText("sunrise-frontdesk");
        assertThat(page.locator(".timeline")).containsText("Changed: Status");
        assertThat(page.locator(".timeline")).containsText("Received");
        assertThat(page.locator(".timeline .after").first()).hasText(Pattern.compile("Waiting on requester|Signed authorization from the patient"));
        assertThat(page.locator(".timeline")).containsText("Called and asked for the form");
        screenshot(page, "request-page.png");
        assertEquals("waiting_on_requester", IntakeProbe.get(intake, FRONT_DESK, id).get("status"));
        assertEquals(List.of(), unexpectedBrowserErrors("422"));
    }

    @Test
    void aStaleEditSaysSomeoneElseChangedTheRequestAndKeepsWhatWasTyped() {
        String token = token("Ed");
        String id = logRequest(token + " Jo", "Requester Jo", 60, "mail", "patient");
        Page page = signIn(FRONT_DESK, "/requests/" + id, true);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit details")).click();
        page.waitForURL(url("/requests/" + id + "/edit"));
        page.locator("#notes").fill("Patient asked for the 2024 labs only");
        page.locator("#requesterContact").fill("555-0100");

        // meanwhile, someone else assigns the request
        IntakeProbe.assign(intake, DemoUsers.SUNRISE_SUPERVISOR, id, "sunrise-privacy");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.locator("#error-summary")).containsText("changed by someone else");
        assertThat(page.locator("#error-summary")).containsText("Reload the request");
        assertThat(page.locator("#notes")).hasValue("Patient asked for the 2024 labs only");
        assertThat(page.locator("#requesterContact")).hasValue("555-0100");
        Map<String, Object> saved = IntakeProbe.get(intake, FRONT_DESK, id);
        assertNull(saved.get("notes"), "the stale edit saved nothing");
        assertEquals("sunrise-privacy", saved.get("assignee"), "and overwrote nothing");
        screenshot(page, "edit-conflict.png");

        // reloaded, the edit is made on the current version
        page.locator("#error-summary a", new Page.LocatorOptions().setHasText("Reload the request")).click();
        page.locator("#notes").fill("Patient asked for the 2024 labs only");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.locator("[role=status]")).hasText("The details were saved.");
        assertThat(page.locator(".details")).containsText("Patient asked for the 2024 labs only");
        assertThat(page.locator(".details")).containsText("sunrise-privacy");
        assertEquals(List.of(), unexpectedBrowserErrors("409"));
    }

    @Test
    void aPossibleDuplicateIsDismissedAndNothingIsMerged() {
        String token = token("Dup");
        String first = logRequest(token + " Kim", "Kim Lee", 90, "fax", "patient");
        String second = logRequest(token + " Kim", "Kim Lee", 10, "portal", "patient");
        Page page = signIn(FRONT_DESK, "/requests/" + second, true);
        assertThat(page.locator("#duplicates")).containsText("Possible duplicates");
        assertThat(page.locator("#duplicates a").first()).hasAttribute("href", "/requests/" + first);
        assertThat(page.locator("#duplicates")).containsText("Not yet decided");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dismiss")).click();
        assertThat(page.locator("[role=status]")).hasText("Your decision was recorded. The requests were not merged.");
        assertThat(page.locator("#duplicates")).containsText("Dismissed by sunrise-frontdesk");
        assertThat(page.locator("#duplicates button")).hasCount(0);
        assertThat(page.locator(".timeline")).containsText("Duplicate dismissed");
        // both requests are still there, each its own record
        assertEquals(2, IntakeProbe.countFor(intake, FRONT_DESK, token + " Kim"));
    }

    @Test
    void withoutJavaScriptTheActionsArePlainFormsAndTheKeyboardReachesThem() {
        String token = token("Kb");
        String id = logRequest(token + " Lou", "Requester Lou", 60, "mail", "patient");
        Page page = signIn(FRONT_DESK, "/requests/" + id, false);
        // the panel opens from the keyboard (a <details> needs no script)
        page.locator("#act-note summary").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#act-note")).hasAttribute("open", "");
        page.locator("#text").fill("Left a voicemail");
        page.locator("#text").press("Tab");
        page.keyboard().press("Enter");
        page.waitForURL(url("/requests/" + id + "?done=note"));
        assertThat(page.locator("[role=status]")).hasText("The note was added to the timeline.");
        assertThat(page.locator(".timeline tbody tr").first()).containsText("Left a voicemail");

        // a refused change comes back as the whole page, the form open with its message
        page.locator("#act-verification summary").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record verification")).click();
        assertThat(page.locator("#method-error")).containsText("Choose how it was verified");
        assertThat(page.locator("#act-verification")).hasAttribute("open", "");
        page.locator("#method").selectOption("photo_id_in_person");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record verification")).click();
        assertThat(page.locator(".details")).containsText("Photo ID, in person");
        assertThat(page.locator(".timeline")).containsText("Identity verified");
    }
}
