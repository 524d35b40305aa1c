package org.ehiaccess.decision.engine;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

/** The HIPAA right-of-access track (164.524), judged beside Part 171. */
@JsonPropertyOrder({ "status", "issues" })
public record HipaaStatus(@JsonProperty("status") Status status, @JsonProperty("issues") List<String> issues) {

    public enum Status {
        COMPLIANT, NONCOMPLIANT, NOT_APPLICABLE, NEEDS_MORE_FACTS;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
