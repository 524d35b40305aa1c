package org.ehiaccess.ui.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** RFC 9457 problem details as the services send them, with the offending fields. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemDetails(String type, String title, int status, String detail, List<FieldProblem> errors) {

    public ProblemDetails {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The services' problem types (tag URIs) share this prefix; the slug after it names the problem. */
    public static final String TYPE_PREFIX = "tag:ehiaccess.org,2026:problem:";

    /** Whether this problem has the type {@code slug} (e.g. "stale-version"): pages branch on it, never on English text. */
    public boolean is(String slug) {
        return (TYPE_PREFIX + slug).equals(type);
    }

    /** The record changed since the page was shown (If-Match did not match). */
    public boolean isStaleVersion() {
        return is("stale-version");
    }

    /** The change did not say which version it was made on. */
    public boolean isVersionRequired() {
        return is("version-required");
    }

    /** The page is out of date (stale or missing version): reload and try again, nothing else is wrong. */
    public boolean isOutOfDate() {
        return isStaleVersion() || isVersionRequired();
    }

    /** It needs a signed decision that supports it, and there is none; the detail names what is missing. */
    public boolean isDecisionRequired() {
        return is("decision-required");
    }

    /** The signed decision does not allow it (e.g. a denial letter for a decision no exception covers). */
    public boolean isNotAllowedForDecision() {
        return is("not-allowed-for-decision");
    }

    /** What to show: the detail, or the title when there is none. */
    public String message() {
        return detail != null ? detail : title;
    }

    /** One bad input: the field's name as the API knows it, and what is wrong with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldProblem(String field, String message) {
    }

    public static ProblemDetails ofStatus(int status, String title) {
        return new ProblemDetails("about:blank", title, status, null, List.of());
    }
}
