package org.ehiaccess.decision.rest;

import org.ehiaccess.platform.problem.ProblemException;

/** Optimistic locking over HTTP: a row's version is its ETag; a change may name the version it was made on. */
final class Etags {

    static final String IF_MATCH = "If-Match";

    private Etags() {
    }

    static String of(long rowVersion) {
        return "\"" + rowVersion + "\"";
    }

    /** The version in {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}), or null when not sent. */
    static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(IF_MATCH, "must be the assessment's ETag, e.g. \"3\"");
        }
    }
}
