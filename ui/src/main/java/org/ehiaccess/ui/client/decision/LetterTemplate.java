package org.ehiaccess.ui.client.decision;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The clinic's template for one kind of letter: its subject and body, with placeholders the service fills in. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LetterTemplate(String kind, String subject, String body, @JsonIgnore String etag) {

    public LetterTemplate withEtag(String etag) {
        return new LetterTemplate(kind, subject, body, etag);
    }

    public String kindLabel() {
        return LetterKind.labelOf(kind);
    }
}
