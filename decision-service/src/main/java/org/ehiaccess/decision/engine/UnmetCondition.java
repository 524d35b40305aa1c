package org.ehiaccess.decision.engine;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An unmet condition as the verdict reports it (in {@code unmet_conditions} of {@link Evaluation}). */
@JsonPropertyOrder({ "condition", "cfr", "facts", "reason" })
public record UnmetCondition(
        @JsonProperty("condition") String condition,
        @JsonProperty("cfr") String cfr,
        @JsonProperty("facts") List<String> facts,
        @JsonProperty("reason") String reason) {
}
