package org.ehiaccess.platform.version;

import java.util.OptionalLong;

import jakarta.ws.rs.core.Response;

import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;

/**
 * Optimistic locking over HTTP, the same in every service: a record's version is its ETag, and a
 * change names the version it was made on in {@code If-Match}. A stale change gets 409, never a
 * lost update.
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";
    public static final String ETAG = "ETag";

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A 200 answer carrying the record's version as its ETag. */
    public static Response ok(Object body, long version) {
        return Response.ok(body).header(ETAG, etag(version)).build();
    }

    /** The version in {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}), or empty when not sent. */
    public static OptionalLong optional(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", "")));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(IF_MATCH, "must be the record's ETag, e.g. \"3\"");
        }
    }

    /** The version in {@code If-Match}; 428 when the caller did not send one. */
    public static long required(String ifMatch) {
        return optional(ifMatch).orElseThrow(() -> new ProblemException(Problem.of(428, "Version required",
                "Send the version you are changing in the If-Match header (the ETag of the record).")));
    }

    /** Throws 409 unless the caller changes the version that is stored. */
    public static void check(String what, long yours, long stored) {
        if (yours != stored) {
            throw ProblemException.conflict(ProblemType.STALE_VERSION, "This " + what + " was changed by someone else since you opened it (your version "
                    + yours + ", now " + stored + "). Reload it and make your change again.");
        }
    }
}
