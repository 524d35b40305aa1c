package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** How identity or authority was verified (the intake API's {@code method}). */
public enum VerificationMethod implements Labeled {
    photo_id_in_person("Photo ID, in person"),
    portal_account("Signed-in portal account"),
    knowledge_questions("Knowledge questions"),
    callback_to_number_on_file("Call back to the number on file"),
    notarized_request("Notarized request"),
    provider_directory_or_npi("Provider directory or NPI"),
    legal_document_on_file("Legal document on file"),
    other("Other");

    private final String label;

    VerificationMethod(String label) {
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
