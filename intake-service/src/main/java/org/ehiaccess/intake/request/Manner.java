package org.ehiaccess.intake.request;

/**
 * How they want it: the rule catalog's {@code request.manner_requested} (171.301(a);
 * decision-service/src/main/resources/rules/request-and-scope.yaml).
 */
public enum Manner {
    portal_view_download, fhir_api_170_215, direct_ccda, hie_or_tefca, secure_email, unencrypted_email, fax,
    paper_mail, cd_usb, proprietary_format, inspection_in_person, write_back_modification, other
}
