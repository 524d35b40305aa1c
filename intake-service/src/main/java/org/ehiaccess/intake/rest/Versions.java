package org.ehiaccess.intake.rest;

import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;

/**
 * Optimistic locking over HTTP: a record's version is its ETag, and every change names the version it
 * was made on in {@code If-Match}.
 */
final class Versions {

    static final String IF_MATCH = "If-Match";

    private Versions() {
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version in {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}); 428 when missing. */
    static int required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428, "Version required",
                    "Send the version you are changing in the If-Match header (the ETag of the record)."));
        }
        String digits = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(IF_MATCH, "must be the record's ETag, e.g. \"3\"");
        }
    }
}
