package org.ehiaccess.ui.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** RFC 9457 problem details as the services send them, with the offending fields. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemDetails(String type, String title, int status, String detail, List<FieldProblem> errors) {

    public ProblemDetails {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One bad input: the field's name as the API knows it, and what is wrong with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldProblem(String field, String message) {
    }

    static ProblemDetails ofStatus(int status, String title) {
        return new ProblemDetails("about:blank", title, status, null, List.of());
    }
}
