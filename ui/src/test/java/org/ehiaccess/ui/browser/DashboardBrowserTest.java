package org.ehiaccess.ui.browser;

import org.ehiaccess.ui.testing.DecisionServiceResource;
import org.ehiaccess.ui.testing.IntakeServiceResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.ehiaccess.platform.testing.EmbeddedPostgresResource;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.ui.testing.DashboardClinic;
import org.ehiaccess.ui.testing.DemoUsers;
import org.ehiaccess.ui.testing.ReportingService;
import org.ehiaccess.ui.testing.ReportingServiceResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard in a real Chromium, under the ui's strict CSP: Chart.js from the webjar draws every chart from the
 * table beside it, a figure's link opens exactly the requests behind it, and each CSV holds the table's numbers.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(IntakeServiceResource.class)
@WithTestResource(DecisionServiceResource.class)
@WithTestResource(ReportingServiceResource.class)
class DashboardBrowserTest extends BrowserTestBase {

    static final String PAGE = "/dashboard?" + DashboardClinic.PERIOD;

    static ReportingService reporting;
    static DashboardClinic clinic;

    @BeforeAll
    static void start() {
        startIntakeAndChromium(List.of());
        reporting = ReportingService.start();
        clinic = DashboardClinic.seed(intake, reporting);
    }

    @AfterAll
    static void stopReporting() {
        if (reporting != null) {
            reporting.close();
            reporting = null;
        }
    }

    /** The rows of a table on the page: row code to the data-value of each cell. */
    static Map<String, List<String>> tableOnPage(Page page, String table) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Locator trs = page.locator("#table-" + table + " tbody tr");
        for (int i = 0; i < trs.count(); i++) {
            Locator tr = trs.nth(i);
            List<String> values = new ArrayList<>();
            Locator tds = tr.locator("td");
            for (int j = 0; j < tds.count(); j++) {
                values.add(tds.nth(j).getAttribute("data-value"));
            }
            rows.put(tr.getAttribute("data-code"), values);
        }
        return rows;
    }

    /** The CSV behind the table's link, fetched with the browser's own session: row code to its cells. */
    static Map<String, List<String>> csvOf(Page page, String table) {
        String href = page.locator("#csv-" + table).getAttribute("href");
        APIResponse response = page.context().request().get(href.startsWith("http") ? href : page.url()
                .replaceFirst("(https?://[^/]+).*", "$1") + href);
        assertEquals(200, response.status(), href);
        assertTrue(response.headers().get("content-type").startsWith("text/csv"), response.headers().toString());
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String[] lines = response.text().split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            rows.put(cells[0], List.of(cells).subList(1, cells.length));
        }
        return rows;
    }

    static List<String> shownRequests(Page page) {
        Locator rows = page.locator("#figure-requests tbody tr");
        rows.first().waitFor();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < rows.count(); i++) {
            shown.add(rows.nth(i).getAttribute("data-request"));
        }
        return shown;
    }

    @Test
    void chartsAreDrawnBesideTheirTablesLinksOpenTheRequestsAndTheCsvMatches() {
        Page page = signIn(DemoUsers.SUNRISE_COMPLIANCE, PAGE, true);
        assertThat(page.locator("#period-words")).hasText("1 July 2026 to 30 September 2026");

        // every chart is drawn by Chart.js (served from the webjar) into its canvas
        Locator canvases = page.locator("canvas[data-chart]");
        assertEquals(10, canvases.count());
        for (int i = 0; i < canvases.count(); i++) {
            Locator canvas = canvases.nth(i);
            assertThat(canvas).hasAttribute("data-drawn", "true");
            Object chart = canvas.evaluate("c => window.Chart.getChart(c) ? window.Chart.getChart(c).config.type : null");
            assertEquals(canvas.getAttribute("data-chart"), chart, canvas.getAttribute("id"));
            Number painted = (Number) canvas.evaluate("c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n; }");
            assertTrue(painted.intValue() > 500, canvas.getAttribute("id") + " painted " + painted);
        }
        // the fax bar's height is the table's number
        Object faxBar = page.locator("#chart-byChannel").evaluate(
                "c => { const ch = window.Chart.getChart(c); return ch.data.datasets[0].data[ch.data.labels.indexOf('Fax')]; }");
        assertEquals(5, ((Number) faxBar).intValue());
        assertThat(page.locator("[data-cell='byChannel/fax/0']")).hasText("5");
        assertThat(page.locator("#table-denialRateByRequesterType tr.outlier th")).hasText("Attorney or court");
        screenshot(page, "dashboard.png");

        // each CSV holds the numbers of the table beside its chart
        for (String table : List.of("byChannel", "byRequesterType", "denialsByBasis", "denialsByException",
                "daysToFulfill", "complaintsByOutcome", "summary", "denialDocumentation")) {
            assertEquals(tableOnPage(page, table), csvOf(page, table), table);
        }
        Map<String, List<String>> rates = tableOnPage(page, "denialRateByRequesterType");
        csvOf(page, "denialRateByRequesterType").forEach((type, cells) ->
                assertEquals(cells, rates.get(type).subList(0, 3), type));
        Map<String, List<String>> clocks = tableOnPage(page, "onTimeShare");
        csvOf(page, "onTimeShare").forEach((clock, cells) ->
                assertEquals(cells.subList(0, 3), clocks.get(clock).subList(0, 3), clock));

        // a click on a bar opens the requests behind it: the fax bar, the five attorneys' requests
        Map<?, ?> bar = (Map<?, ?>) page.locator("#chart-byChannel").evaluate(
                "c => { const ch = window.Chart.getChart(c); const el = ch.getDatasetMeta(0).data[ch.data.labels.indexOf('Fax')];"
                        + " return { x: (el.x + el.base) / 2, y: el.y }; }");
        page.locator("#chart-byChannel").click(new Locator.ClickOptions()
                .setPosition(((Number) bar.get("x")).doubleValue(), ((Number) bar.get("y")).doubleValue()));
        page.waitForURL("**/dashboard/requests?figure=received**channel=fax");
        assertEquals(clinic.attorneys, shownRequests(page));
        page.navigate(url(PAGE));

        // a figure's link opens the request log's rows of exactly those requests
        page.locator("[data-cell='denialRateByRequesterType/attorney_or_court/1'] a").click();
        page.waitForURL("**/dashboard/requests?figure=denied**");
        assertThat(page.locator("#figure-words")).containsText("Requester: Attorney or court");
        assertEquals(clinic.attorneys, shownRequests(page));
        page.locator("#figure-requests tbody tr").first().locator("a").click();
        page.waitForURL("**/requests/" + clinic.attorneys.get(0));

        assertEquals(List.of(), unexpectedBrowserErrors(), "no script blocked by the CSP, no failed load");
    }
}
