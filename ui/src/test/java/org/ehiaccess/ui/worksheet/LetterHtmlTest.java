package org.ehiaccess.ui.worksheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The letter's HTML shown inside the UI's page keeps the document and nothing that could run or restyle it. */
class LetterHtmlTest {

    @Test
    void keepsTheBodysDocumentTags() {
        String html = "<!DOCTYPE html><html><head><title>Denial</title><style>p{color:red}</style></head>"
                + "<body><h1>Your request</h1><p>We <strong>cannot</strong> give you one note.</p>"
                + "<ul><li>Call (207) 555-0142</li></ul></body></html>";
        assertEquals("<h1>Your request</h1><p>We <strong>cannot</strong> give you one note.</p>"
                + "<ul><li>Call (207) 555-0142</li></ul>", LetterHtml.sanitize(html));
    }

    @Test
    void dropsScriptsStylesHandlersAndForeignAttributes() {
        String html = "<p style=\"color:red\" onclick=\"steal()\" class=\"x\">Hi</p><script>alert(1)</script>"
                + "<img src=x onerror=alert(1)><iframe src=\"https://evil\"></iframe><form><input name=a></form>"
                + "<a href=\"javascript:alert(1)\">bad</a><a href='https://www.hhs.gov/ocr/complaints' target=_blank>HHS</a>";
        String safe = LetterHtml.sanitize(html);
        assertEquals("<p>Hi</p><a rel=\"noopener noreferrer\">bad</a>"
                + "<a href=\"https://www.hhs.gov/ocr/complaints\" rel=\"noopener noreferrer\">HHS</a>", safe);
        assertFalse(safe.contains("script"));
        assertFalse(safe.contains("style"));
    }

    @Test
    void strayAngleBracketsAreText() {
        String safe = LetterHtml.sanitize("<p>a < b and c > d</p>");
        assertEquals("<p>a &lt; b and c &gt; d</p>", safe);
        assertTrue(LetterHtml.sanitize(null).isEmpty());
    }
}
