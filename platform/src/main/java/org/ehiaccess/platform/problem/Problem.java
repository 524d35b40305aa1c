package org.ehiaccess.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, with the offending fields listed so that a form can put each message
 * beside its input.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad input: the field's name as the client sent it, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    /** A problem of the usual type for its status. */
    public static Problem of(int status, String title, String detail) {
        return of(ProblemType.forStatus(status), status, title, detail);
    }

    public static Problem of(ProblemType type, int status, String title, String detail) {
        return new Problem(type.uri(), title, status, detail, null, List.of());
    }

    /** The stable kind of this problem, for callers to branch on. */
    public ProblemType kind() {
        return ProblemType.of(type);
    }

    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(ProblemType.INVALID_INPUT.uri(), "Invalid input", 400, detail, null, List.copyOf(errors));
    }
}
