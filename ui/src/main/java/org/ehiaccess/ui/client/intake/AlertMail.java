package org.ehiaccess.ui.client.intake;

/** How the signed-in supervisor gets alert mail (the intake API's delivery). */
public record AlertMail(String username, String email, AlertDelivery delivery) {

    /** The body of {@code PUT /api/v1/alerts/delivery}. */
    public record Choice(String delivery, String email) {
    }
}
