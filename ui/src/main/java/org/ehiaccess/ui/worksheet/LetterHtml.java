package org.ehiaccess.ui.worksheet;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The letter's HTML from decision-service, made safe to show inside this UI's page: only the body, only plain
 * document tags (headings, paragraphs, lists, tables, emphasis, links), no attributes but a link's address and a
 * cell's span, no script, style, frame or form. The page's Content-Security-Policy forbids inline styles anyway; the
 * letter is styled (and printed) by this UI's stylesheet.
 */
final class LetterHtml {

    private static final Set<String> ALLOWED = Set.of("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em",
            "i", "u", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "address",
            "div", "span", "section", "header", "footer", "article", "hr", "a", "blockquote", "small", "dl", "dt", "dd",
            "time", "abbr");
    private static final Set<String> VOID = Set.of("br", "hr");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of("a", Set.of("href"), "td", Set.of("colspan", "rowspan"),
            "th", Set.of("colspan", "rowspan", "scope"), "time", Set.of("datetime"));

    private static final Pattern DROP_WITH_CONTENT = Pattern.compile(
            "(?is)<(script|style|head|title|iframe|object|embed|noscript|template|svg|math|form|textarea|select)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BODY = Pattern.compile("(?is)<body\\b[^>]*>(.*)</body\\s*>");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<|>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    private static final Pattern SAFE_URL = Pattern.compile("(?i)^(https?:|mailto:|tel:|#|/)[^\\s]*$");

    private LetterHtml() {
    }

    static String sanitize(String html) {
        if (html == null) {
            return "";
        }
        String text = COMMENT.matcher(html).replaceAll("");
        Matcher body = BODY.matcher(text);
        if (body.find()) {
            text = body.group(1);
        }
        text = DROP_WITH_CONTENT.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(text.length());
        Matcher tag = TAG.matcher(text);
        int last = 0;
        while (tag.find()) {
            out.append(text, last, tag.start());
            last = tag.end();
            if (tag.group(2) == null) {
                // a stray angle bracket is text
                out.append(tag.group().equals("<") ? "&lt;" : "&gt;");
                continue;
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!ALLOWED.contains(name)) {
                continue;
            }
            boolean closing = !tag.group(1).isEmpty();
            if (closing) {
                if (!VOID.contains(name)) {
                    out.append("</").append(name).append('>');
                }
                continue;
            }
            out.append('<').append(name).append(attributes(name, tag.group(3)));
            if ("a".equals(name)) {
                out.append(" rel=\"noopener noreferrer\"");
            }
            out.append('>');
        }
        out.append(text.substring(last));
        return out.toString().strip();
    }

    private static String attributes(String tag, String raw) {
        Set<String> allowed = ATTRIBUTES.get(tag);
        if (allowed == null || raw == null || raw.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher m = ATTRIBUTE.matcher(raw);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
            if (!allowed.contains(name) || value == null) {
                continue;
            }
            if ("href".equals(name) && !SAFE_URL.matcher(value.strip()).matches()) {
                continue;
            }
            if (("colspan".equals(name) || "rowspan".equals(name)) && !value.matches("\\d{1,2}")) {
                continue;
            }
            out.append(' ').append(name).append("=\"").append(value.replace("\"", "&quot;").replace("<", "&lt;")).append('"');
        }
        return out.toString();
    }
}
