package org.ehiaccess.intake.request;

/**
 * Who asks: the rule catalog's {@code request.requester_type}
 * (decision-service/src/main/resources/rules/request-and-scope.yaml); constants are its values.
 */
public enum RequesterType {
    patient, personal_representative, parent_or_guardian_of_minor, other_provider_treatment, payer,
    third_party_app_patient_directed, app_developer_business, hie_hin, law_enforcement, attorney_or_court,
    employer_or_life_insurer, researcher, public_health, other
}
