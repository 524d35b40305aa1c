package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** How they want to receive it (the intake API's {@code mannerRequested}). */
public enum Manner implements Labeled {
    portal_view_download("Portal: view and download"),
    fhir_api_170_215("FHIR API (certified, 170.215)"),
    direct_ccda("Direct message with C-CDA"),
    hie_or_tefca("HIE or TEFCA"),
    secure_email("Secure email"),
    unencrypted_email("Unencrypted email (at the requester's choice)"),
    fax("Fax"),
    paper_mail("Paper copy by mail"),
    cd_usb("CD or USB drive"),
    proprietary_format("Proprietary format"),
    inspection_in_person("Inspection in person"),
    write_back_modification("Write back or modification"),
    other("Other");

    private final String label;

    Manner(String label) {
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
