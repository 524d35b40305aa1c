package org.ehiaccess.intake.request;

/** How they want it: question-catalog.md §2.1 {@code request.manner_requested} (171.301(a)). */
public enum Manner {
    portal_view_download, fhir_api_170_215, direct_ccda, hie_or_tefca, secure_email, unencrypted_email, fax,
    paper_mail, cd_usb, proprietary_format, inspection_in_person, write_back_modification, other
}
