package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** Who asks (the intake API's {@code requesterType}). */
public enum RequesterType implements Labeled {
    patient("Patient"),
    personal_representative("Personal representative"),
    parent_or_guardian_of_minor("Parent or guardian of a minor"),
    other_provider_treatment("Other provider (treatment)"),
    payer("Payer or health plan"),
    third_party_app_patient_directed("Third-party app (patient-directed)"),
    app_developer_business("App developer (business)"),
    hie_hin("HIE or health information network"),
    law_enforcement("Law enforcement"),
    attorney_or_court("Attorney or court"),
    employer_or_life_insurer("Employer or life insurer"),
    researcher("Researcher"),
    public_health("Public health authority"),
    other("Other");

    private final String label;

    RequesterType(String label) {
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
