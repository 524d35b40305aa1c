package org.ehiaccess.decision.letter;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a clinic's template and a letter's data into the letter's HTML: the template (Qute, plain text) is rendered
 * against {@link LetterData#model()}, converted to HTML with every character escaped, and followed by the
 * {@link RequiredContent} block that no template can leave out. Templates run in the {@link TemplateSandbox}, never in
 * the application's Qute engine: they can use the documented placeholders and nothing of the server. The HTML is well-formed XHTML, so the PDF renderer
 * reads it as is, and it prints on Letter paper.
 */
@ApplicationScoped
public class LetterRenderer {

    private final TemplateSandbox sandbox = new TemplateSandbox();

    /** A rendered letter: its subject line and its complete HTML document. */
    public record Rendered(String subject, String html) {
    }

    /** Why a template cannot be used, naming the line when Qute reports one. */
    public static class TemplateProblem extends RuntimeException {
        public TemplateProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Rendered render(String subjectTemplate, String bodyTemplate, LetterData data) {
        Map<String, Object> model = data.model();
        String subject = oneLine(text(subjectTemplate, model));
        String body = text(bodyTemplate, model);
        return new Rendered(subject, document(subject, body, data));
    }

    /**
     * Renders a Qute text template against the model in the sandbox; a name, section or expression that is not
     * allowed, an unknown name and a syntax error are a {@link TemplateProblem}.
     */
    public String text(String template, Map<String, Object> model) {
        try {
            return sandbox.render(template, model);
        } catch (TemplateProblem e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TemplateProblem("cannot be rendered: " + e.getClass().getSimpleName(), e);
        }
    }

    String document(String subject, String body, LetterData data) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\" />\n<title>").append(escape(subject)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<div class=\"letterhead\">\n<div class=\"clinic\">").append(escape(data.clinicName())).append("</div>\n");
        if (LetterData.present(data.clinicAddress())) {
            html.append("<div>").append(lines(data.clinicAddress())).append("</div>\n");
        }
        html.append("<div>Phone: ").append(escape(data.contactPhone()));
        if (LetterData.present(data.contactEmail())) {
            html.append(" &#183; ").append(escape(data.contactEmail()));
        }
        html.append("</div>\n</div>\n");
        html.append("<p class=\"date\">").append(escape(LetterData.format(data.letterDate()))).append("</p>\n");
        html.append("<p class=\"recipient\">").append(escape(data.recipientName()));
        if (LetterData.present(data.recipientAddress())) {
            html.append("<br />").append(lines(data.recipientAddress()));
        }
        html.append("</p>\n");
        html.append("<h1>").append(escape(subject)).append("</h1>\n");
        html.append("<div class=\"body\">\n").append(bodyHtml(body)).append("</div>\n");
        html.append("<div class=\"required\" id=\"required\">\n");
        List<RequiredContent.Section> sections = RequiredContent.sections(data);
        if (data.kind().isDenial()) {
            html.append("<h2>").append(escape(RequiredContent.TITLE)).append("</h2>\n");
        }
        for (RequiredContent.Section section : sections) {
            html.append(data.kind().isDenial() ? "<h3>" : "<h2>").append(escape(section.heading()))
                    .append(data.kind().isDenial() ? "</h3>\n" : "</h2>\n");
            for (String paragraph : section.paragraphs()) {
                html.append("<p>").append(lines(paragraph)).append("</p>\n");
            }
        }
        html.append("</div>\n");
        html.append("<p class=\"footer\">Our reference: ").append(escape(data.reference()))
                .append(" &#183; Decision version ").append(data.decisionVersion())
                .append(" &#183; ").append(escape(data.kind().label)).append(" (").append(escape(data.kind().cfr))
                .append(")</p>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /**
     * The clinic's text as HTML: a blank line starts a paragraph, "- " starts a list item, "# " a heading; a single
     * line break stays a line break. Nothing in the text is interpreted as HTML.
     */
    static String bodyHtml(String text) {
        StringBuilder html = new StringBuilder();
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (normalized.isEmpty()) {
            return "";
        }
        for (String block : normalized.split("\\n\\s*\\n")) {
            String[] lines = block.strip().split("\\n");
            int i = 0;
            StringBuilder paragraph = new StringBuilder();
            while (i < lines.length) {
                String line = lines[i].strip();
                if (line.startsWith("# ")) {
                    flush(paragraph, html);
                    html.append("<h2>").append(escape(line.substring(2).strip())).append("</h2>\n");
                    i++;
                } else if (line.startsWith("- ")) {
                    flush(paragraph, html);
                    html.append("<ul>\n");
                    while (i < lines.length && lines[i].strip().startsWith("- ")) {
                        html.append("<li>").append(escape(lines[i].strip().substring(2).strip())).append("</li>\n");
                        i++;
                    }
                    html.append("</ul>\n");
                } else {
                    if (!paragraph.isEmpty()) {
                        paragraph.append("<br />");
                    }
                    paragraph.append(escape(line));
                    i++;
                }
            }
            flush(paragraph, html);
        }
        return html.toString();
    }

    private static void flush(StringBuilder paragraph, StringBuilder html) {
        if (!paragraph.isEmpty()) {
            html.append("<p>").append(paragraph).append("</p>\n");
            paragraph.setLength(0);
        }
    }

    private static String lines(String text) {
        StringBuilder html = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            if (!html.isEmpty()) {
                html.append("<br />");
            }
            html.append(escape(line.strip()));
        }
        return html.toString();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** XML-safe text: markup characters escaped, control characters (not allowed in XML) dropped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    static final String STYLE = """
            @page { size: letter; margin: 2.2cm 2.2cm 2.4cm 2.2cm;
                @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: sans-serif; font-size: 8.5pt; color: #444; } }
            body { font-family: sans-serif; font-size: 11pt; line-height: 1.45; color: #000; }
            .letterhead { border-bottom: 1px solid #555; padding-bottom: 6pt; margin-bottom: 16pt; font-size: 10pt; }
            .letterhead .clinic { font-size: 15pt; font-weight: bold; }
            .date { margin: 0 0 12pt 0; }
            .recipient { margin: 0 0 16pt 0; }
            h1 { font-size: 13pt; margin: 0 0 12pt 0; }
            h2 { font-size: 12pt; margin: 14pt 0 4pt 0; }
            h3 { font-size: 11pt; margin: 10pt 0 2pt 0; }
            p { margin: 0 0 8pt 0; }
            ul { margin: 0 0 8pt 0; }
            .required { border: 1.5pt solid #000; padding: 4pt 12pt 6pt 12pt; margin-top: 16pt; }
            .required p { page-break-inside: avoid; }
            h2, h3 { page-break-after: avoid; }
            .footer { font-size: 8.5pt; color: #444; margin-top: 18pt; }
            @media screen { body { max-width: 42em; margin: 2em auto; } }
            """;
}
