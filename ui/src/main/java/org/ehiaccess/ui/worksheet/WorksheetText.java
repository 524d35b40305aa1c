package org.ehiaccess.ui.worksheet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.ehiaccess.ui.client.LetterKind;

/** The catalog's values and the letter kinds in words, for templates: {@code inject:worksheetText}. */
@Named("worksheetText")
@ApplicationScoped
public class WorksheetText {

    public String value(String fact, String value) {
        return Labels.value(fact, value);
    }

    public String verdict(String verdict) {
        return Labels.verdict(verdict);
    }

    public String letter(String kind) {
        return LetterKind.labelOf(kind);
    }
}
