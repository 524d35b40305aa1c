package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** How a request reached the clinic (the intake API's {@code channel}); every channel counts. */
public enum Channel implements Labeled {
    portal("Patient portal"),
    patient_app("Patient's app (API)"),
    fax("Fax"),
    mail("Mail"),
    email("Email"),
    phone("Phone"),
    in_person("In person"),
    direct("Direct secure message"),
    hie("Health information exchange"),
    payer_portal("Payer portal"),
    other("Other");

    private final String label;

    Channel(String label) {
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
