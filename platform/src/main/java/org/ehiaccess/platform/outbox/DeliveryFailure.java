package org.ehiaccess.platform.outbox;

/**
 * A message was not taken. {@link #reason()} is shown to staff and kept in the outbox row: plain words about the
 * failure (who answered what, or that nobody answered), never data from the message itself.
 */
public class DeliveryFailure extends RuntimeException {

    private final String reason;

    public DeliveryFailure(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
