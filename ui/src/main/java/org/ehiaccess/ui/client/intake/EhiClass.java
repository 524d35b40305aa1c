package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** What is asked for (the intake API's {@code ehiClasses}). */
public enum EhiClass implements Labeled {
    lab_result("Lab results"),
    imaging_result("Imaging results"),
    clinical_note("Clinical notes"),
    psychotherapy_note("Psychotherapy notes"),
    litigation_material("Material prepared for litigation"),
    medications_problems_allergies("Medications, problems and allergies"),
    billing("Billing records"),
    sud_part2("Substance use disorder records (Part 2)"),
    reproductive_health("Reproductive health care"),
    minor_confidential_service("Minor's confidential services"),
    hiv_sti("HIV and STI"),
    behavioral_health_other("Other behavioral health"),
    full_record("Full record"),
    other("Other");

    private final String label;

    EhiClass(String label) {
        this.label = label;
    }

    @Override
    public String wire() {
        return name();
    }

    @Override
    public String label() {
        return label;
    }
}
