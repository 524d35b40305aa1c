package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** Who complained (the intake API's complaint {@code source}). */
public enum ComplaintSource implements Labeled {
    patient("Patient"),
    personal_representative("Personal representative"),
    other_provider("Other provider"),
    app_developer("App developer"),
    hhs_ocr("HHS Office for Civil Rights"),
    astp_information_blocking_portal("ASTP information blocking portal"),
    hhs_oig("HHS Office of Inspector General"),
    state_agency("State agency"),
    other("Other");

    private final String label;

    ComplaintSource(String label) {
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
