package org.ehiaccess.intake.request;

/**
 * What is asked for: the rule catalog's {@code request.ehi_classes}
 * (decision-service/src/main/resources/rules/request-and-scope.yaml).
 */
public enum EhiClass {
    lab_result, imaging_result, clinical_note, psychotherapy_note, litigation_material,
    medications_problems_allergies, billing, sud_part2, reproductive_health, minor_confidential_service, hiv_sti,
    behavioral_health_other, full_record, other
}
