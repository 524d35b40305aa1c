package org.ehiaccess.intake.request;

/** How identity or authority was verified (164.514(h)); reasonable, not a barrier. */
public enum VerificationMethod {
    photo_id_in_person, portal_account, knowledge_questions, callback_to_number_on_file, notarized_request,
    provider_directory_or_npi, legal_document_on_file, other
}
