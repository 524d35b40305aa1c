package org.ehiaccess.intake.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.ehiaccess.platform.problem.ProblemException;

/**
 * Where the next page starts (keyset pagination): the sort value and id of the last row shown.
 * Opaque to clients; contains no PHI.
 */
public record Cursor(Instant sortValue, UUID id) {

    public String encode() {
        String raw = (sortValue == null ? "-" : sortValue.toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 2);
            return new Cursor("-".equals(parts[0]) ? null : Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("after", "is not a page cursor from this log");
        }
    }
}
