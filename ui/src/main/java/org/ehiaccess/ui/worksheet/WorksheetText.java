package org.ehiaccess.ui.worksheet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.LetterKind;

/** The catalog's values and the letter kinds in words, for templates: {@code inject:worksheetText}. */
@Named("worksheetText")
@ApplicationScoped
public class WorksheetText {

    @Inject
    DecisionClient decision;

    public String value(String fact, String value) {
        words();
        return Labels.value(fact, value);
    }

    public String verdict(String verdict) {
        words();
        return Labels.verdict(verdict);
    }

    /** The words come with decision-service's catalog (kept a few minutes); without it, values read as they are. */
    private void words() {
        try {
            decision.catalog();
        } catch (RuntimeException e) {
            // the value is shown with its underscores as spaces
        }
    }

    public String letter(String kind) {
        return LetterKind.labelOf(kind);
    }
}
