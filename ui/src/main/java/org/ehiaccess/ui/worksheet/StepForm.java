package org.ehiaccess.ui.worksheet;

import java.util.UUID;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The fixed fields of a worksheet step's form: which step, which button ({@code go=next}; none for a save as the
 * person answers), the draft it was made on (id and ETag, sent as If-Match) and the key that creates the draft once.
 * The answers themselves are named by fact ID and read with {@link FormValues}.
 */
public class StepForm {

    @RestForm
    public String step;

    @RestForm
    public String go;

    @RestForm
    public String assessmentId;

    @RestForm
    public String etag;

    @RestForm
    public String idempotencyKey;

    @RestForm
    public String fulfil;

    @RestForm
    public String partial;

    /** The matrix row chosen as a starting point. */
    @RestForm
    public String row;

    UUID assessment() {
        try {
            return assessmentId == null || assessmentId.isBlank() ? null : UUID.fromString(assessmentId.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean continues() {
        return go != null && !go.isBlank();
    }

    String key() {
        return idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey.strip();
    }
}
