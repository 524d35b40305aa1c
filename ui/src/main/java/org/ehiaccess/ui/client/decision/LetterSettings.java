package org.ehiaccess.ui.client.decision;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What every letter of the clinic carries: its name and address, and the privacy contact for complaints. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LetterSettings(String clinicName, String address, String privacyContactName, String privacyContactTitle,
        String privacyContactPhone, String privacyContactEmail, @JsonIgnore String etag) {

    public LetterSettings withEtag(String etag) {
        return new LetterSettings(clinicName, address, privacyContactName, privacyContactTitle, privacyContactPhone,
                privacyContactEmail, etag);
    }
}
