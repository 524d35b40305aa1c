package org.ehiaccess.ui.worksheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
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

    /** What an attacker (or a careless template) could put into a letter, and nothing of it may run or restyle the page. */
    static final String HOSTILE = "<p onmouseover=\"alert(1)\" style=\"background:url(javascript:alert(2))\">Dear patient</p>"
            + "<script>alert(3)</script>"
            + "<img src=x onerror=alert(5)><svg><script>alert(6)</script></svg><svg/onload=alert(7)>"
            + "<a href=\"javascript:alert(8)\">one</a><a href=\"JaVaScRiPt:alert(9)\">two</a>"
            + "<a href=\" &#106;avascript:alert(10)\">three</a><a href=\"data:text/html;base64,PHNjcmlwdD4=\">four</a>"
            + "<a href=\"https://www.hhs.gov/ocr/complaints\" onclick=\"alert(11)\">HHS</a>"
            + "<style>body{display:none}</style><table><tr><td colspan=\"9999\" style=\"width:9999px\">x</td></tr></table>"
            + "<div>inside</div></div></div></main><form action=\"https://evil.example\"><input name=a></form>"
            + "<a href=\"/requests\">ours</a><script>alert(4)";

    static final Set<String> ALLOWED_TAGS = Set.of("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em",
            "i", "u", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "address",
            "div", "span", "section", "header", "footer", "article", "hr", "a", "blockquote", "small", "dl", "dt", "dd",
            "time", "abbr");

    @Test
    void hostileHtmlKeepsItsTextAndNothingThatRunsRestylesOrBreaksOutOfTheLetter() {
        String safe = LetterHtml.sanitize(HOSTILE);
        String lower = safe.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), safe);
        assertFalse(lower.contains("alert("), safe);
        assertFalse(lower.contains("javascript"), safe);
        assertFalse(lower.contains("style"), safe);
        assertFalse(lower.contains("data:"), safe);
        assertFalse(lower.contains("evil.example"), safe);
        // well formed: read back, it is the same HTML, so no stray closing tag can end the page's own elements
        Element body = Jsoup.parseBodyFragment(safe).body();
        body.ownerDocument().outputSettings().prettyPrint(false);
        assertEquals(safe, body.html());
        for (Element e : body.select("*")) {
            if (e == body) {
                continue;
            }
            assertTrue(ALLOWED_TAGS.contains(e.normalName()), "tag " + e.normalName() + " in " + safe);
            for (Attribute a : e.attributes()) {
                assertTrue(Set.of("href", "rel", "colspan", "rowspan", "scope", "datetime").contains(a.getKey()),
                        "attribute " + a.getKey() + " in " + safe);
                if (a.getKey().equals("href")) {
                    assertTrue(a.getValue().matches("(https?:|mailto:|tel:|#|/).*"), "href " + a.getValue());
                }
                if (a.getKey().equals("colspan")) {
                    assertTrue(a.getValue().matches("\\d{1,2}"), "colspan " + a.getValue());
                }
            }
        }
        // the letter's words and its good links are kept
        assertTrue(safe.contains("<p>Dear patient</p>"), safe);
        assertTrue(safe.contains("<a href=\"https://www.hhs.gov/ocr/complaints\" rel=\"noopener noreferrer\">HHS</a>"), safe);
        assertTrue(safe.contains("<a href=\"/requests\" rel=\"noopener noreferrer\">ours</a>"), safe);
        assertTrue(safe.contains("<div>inside</div>"), safe);
    }
}
