package org.ehiaccess.decision.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.ehiaccess.decision.support.TestClinic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The shipped templates of every kind, rendered with sample data, printed to PDF and read back; the plain-text body
 * conversion; and the content the law requires, whatever the template says. Plain JUnit with the service's template
 * sandbox (strict rendering: an unknown name is an error).
 */
class LetterRenderingTest {

    static LetterRenderer renderer;
    static PdfRenderer pdf;
    static DefaultTemplates defaults;

    @BeforeAll
    static void setUp() {
        renderer = new LetterRenderer();
        pdf = new PdfRenderer();
        defaults = DefaultTemplates.load();
    }

    @ParameterizedTest
    @EnumSource(LetterKind.class)
    void everyShippedTemplateRendersToWellFormedXhtmlAndAReadablePdf(LetterKind kind) throws Exception {
        LetterData data = LetterTemplateService.sample(kind);
        DefaultTemplates.Wording wording = defaults.of(kind);
        LetterRenderer.Rendered letter = renderer.render(wording.subject(), wording.body(), data);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(letter.html().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String text = TestClinic.pdfText(pdf.render(letter.html()));
        assertTrue(text.contains("Dear Alex Rivera,"), text);
        assertTrue(text.contains("which we received on November 20, 2026"), text);
        assertTrue(text.contains("Sunrise Family Medicine"), text);
        assertTrue(text.contains("REQ-3F2A9C1E"), text);
        assertTrue(text.contains("Page 1 of"), text);
        assertFalse(text.contains("{"), "no Qute expression left unrendered: " + text);
        for (String sentence : wording.body().split("[.!?]\\s")) {
            // short sentences: plain language (about 8th grade)
            assertTrue(sentence.split("\\s+").length <= 30, kind + ": a long sentence: " + sentence);
        }
        switch (kind) {
            case denial, partial_fulfilment -> {
                assertTrue(text.contains(RequiredContent.TITLE), text);
                assertTrue(text.contains("Why we made this decision"), text);
                assertTrue(text.contains("Your right to a review"), text);
                assertTrue(text.contains("Online: https://www.hhs.gov/ocr/complaints Phone: 1-800-368-1019"), text);
                assertTrue(text.contains("Jordan Lee (Privacy Officer) Phone: (555) 010-2000"), text);
            }
            case infeasibility -> assertTrue(text.contains("Why we cannot fulfil your request"), text);
            case extension -> {
                assertTrue(text.contains("We are waiting for records from storage."), text);
                assertTrue(text.contains("We will act on your request by January 19, 2027."), text);
            }
            case no_records -> assertTrue(text.contains("Lakeside Hospital, Records Office"), text);
            case review_outcome -> {
                assertTrue(text.contains("The result of the review"), text);
                assertTrue(text.contains("How to complain"), text);
            }
            default -> throw new AssertionError(kind);
        }
    }

    @Test
    void aTemplateThatLeavesEverythingOutStillCarriesTheBasisReviewRightsAndComplaints() {
        String text = TestClinic.pdfText(pdf.render(
                renderer.render("Letter", "Nothing to see here.", LetterTemplateService.sample(LetterKind.denial)).html()));
        assertTrue(text.contains("Nothing to see here."), text);
        assertTrue(text.contains("A licensed health care professional decided that ... (Law: 45 CFR 164.524(a)(3)(i).)"), text);
        assertTrue(text.contains("To ask for a review, call or write to:"), text);
        assertTrue(text.contains("You may make a complaint to us."), text);
        assertTrue(text.contains("1-800-368-1019"), text);
    }

    @Test
    void noReviewSectionWhenTheGroundIsNotReviewable() {
        LetterData sample = LetterTemplateService.sample(LetterKind.denial);
        LetterData unreviewable = new LetterData(sample.kind(), sample.letterDate(), sample.requestId(),
                sample.receivedOn(), sample.recipientName(), sample.recipientAddress(), sample.clinicName(), null,
                null, "Privacy Officer", sample.contactPhone(), null, 1, "required_by_law", "required by law", List.of(),
                List.of(new LetterGrounds.Basis("A law requires it.", "45 CFR 171.103(a)(1)", false)), false, "x",
                sample.signedOn(), "CURRENT_2024_12", "", null, null, null);
        List<RequiredContent.Section> sections = RequiredContent.sections(unreviewable);
        assertEquals(List.of("Why we made this decision", "How to complain"),
                sections.stream().map(RequiredContent.Section::heading).toList());
        // a title without a name is enough (164.524(d)(2)(iii): name or title, and phone)
        assertTrue(sections.get(1).paragraphs().get(0).contains("Contact:\nPrivacy Officer\nPhone: (555) 010-2000"));
    }

    @Test
    void theBodyIsPlainTextParagraphsListsAndHeadingsWithNothingInterpretedAsHtml() {
        String html = LetterRenderer.bodyHtml("# What next\nLine one\nline two\n\n- first\n- second <b>\n\nA & B \"q\" 'x'");
        assertEquals("<h2>What next</h2>\n<p>Line one<br />line two</p>\n<ul>\n<li>first</li>\n<li>second &lt;b&gt;</li>\n"
                + "</ul>\n<p>A &amp; B &quot;q&quot; &#39;x&#39;</p>\n", html);
        assertEquals("", LetterRenderer.bodyHtml("  \n "));
        assertEquals("ab", LetterRenderer.escape("a\u0000\u0007b"));
    }

    @Test
    void anUnknownNameOrBrokenSyntaxIsATemplateProblem() {
        var model = LetterTemplateService.sample(LetterKind.denial).model();
        assertThrows(LetterRenderer.TemplateProblem.class, () -> renderer.text("Dear {recipient.nmae}", model));
        assertThrows(LetterRenderer.TemplateProblem.class, () -> renderer.text("{#if note}unclosed", model));
        assertEquals("Dear Alex Rivera", renderer.text("Dear {recipient.name}", model));
    }

    @Test
    void theExceptionsListCanBeWalkedWithItsItemNamesAndLoopMetadata() {
        var model = LetterTemplateService.sample(LetterKind.denial).model();
        assertEquals("171.201 Preventing Harm.", renderer.text(
                "{#for e in decision.exceptions}{e.id} {e.name}{#if e_hasNext}, {/if}{/for}.", model));
        assertEquals("171.201", renderer.text("{#each decision.exceptions}{it.id}{/each}", model));
        assertEquals("yes", renderer.text("{#if decision.exceptions}yes{/if}", model));
    }

    @Test
    void nothingButTheDataModelIsReachableFromATemplate() {
        var model = LetterTemplateService.sample(LetterKind.denial).model();
        for (String template : List.of("{config:property('quarkus.datasource.password')}", "{inject:engine}",
                "{cdi:engine}", "{clinic.name.getClass()}", "{clinic.name.toString()}", "{clinic.name.length}",
                "{clinic.keys}", "{clinic.get('name')}", "{clinic.name ?: 'x'}", "{clinic}", "{#include letter /}",
                "{#insert}x{/insert}", "{#let x=clinic.name}{x}{/let}", "{#with clinic}{name}{/with}",
                "{#for i in 1000000}{i}{/for}", "{#for e in clinic.name}{e}{/for}",
                "{#for e in decision.exceptions}{e.getClass()}{/for}", "{#for e in decision.exceptions}{e}{/for}",
                "{@java.lang.String x}{x}", "{#eval 'x' /}")) {
            LetterRenderer.TemplateProblem problem = assertThrows(LetterRenderer.TemplateProblem.class,
                    () -> renderer.text(template, model), template);
            assertFalse(problem.getMessage().contains("ehi"), problem.getMessage());
        }
    }
}
