package org.ehiaccess.ui.worksheet;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The letter's HTML from decision-service, made safe to show inside this UI's page: only the body, only plain
 * document tags (headings, paragraphs, lists, tables, emphasis, links), no attributes but a link's address and a
 * cell's span, no script, style, frame or form. The HTML is parsed (as a browser would) and rebuilt from an
 * allow-list, so the result is well formed: the letter cannot close or reopen the page's own elements. The page's
 * Content-Security-Policy forbids inline styles anyway; the letter is styled (and printed) by this UI's stylesheet.
 */
final class LetterHtml {

    /** Relative links resolve against this only to check them; they are kept relative. */
    private static final String BASE = "https://letter.invalid/";

    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "ul", "ol", "li",
                    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "address", "div", "span",
                    "section", "header", "footer", "article", "hr", "a", "blockquote", "small", "dl", "dt", "dd",
                    "time", "abbr")
            .addAttributes("a", "href")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("time", "datetime")
            .addProtocols("a", "href", "http", "https", "mailto", "tel", "#")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer")
            .preserveRelativeLinks(true);

    private LetterHtml() {
    }

    static String sanitize(String html) {
        if (html == null) {
            return "";
        }
        Document clean = new Cleaner(SAFELIST).clean(Jsoup.parse(html, BASE));
        // a span is a small number; anything else would stretch the table out of the page
        for (Element cell : clean.select("td, th")) {
            for (String span : new String[] { "colspan", "rowspan" }) {
                if (cell.hasAttr(span) && !cell.attr(span).matches("\\d{1,2}")) {
                    cell.removeAttr(span);
                }
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html().strip();
    }
}
