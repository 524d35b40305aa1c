package org.ehiaccess.intake.request;

/** Why they ask: question-catalog.md §2.1 {@code request.purpose}. */
public enum Purpose {
    individual_access, treatment, payment, operations, legal_proceeding, law_enforcement_investigation, research,
    public_health, other, unknown
}
