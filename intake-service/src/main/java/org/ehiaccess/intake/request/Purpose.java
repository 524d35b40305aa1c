package org.ehiaccess.intake.request;

/**
 * Why they ask: the rule catalog's {@code request.purpose}
 * (decision-service/src/main/resources/rules/request-and-scope.yaml).
 */
public enum Purpose {
    individual_access, treatment, payment, operations, legal_proceeding, law_enforcement_investigation, research,
    public_health, other, unknown
}
