package org.ehiaccess.intake.request;

/**
 * How a request reached the clinic. Every channel counts: a request ignored because it came by an
 * inconvenient route is still a practice that interferes (45 CFR 171.102 "practice"; 171.103).
 * Constants are the wire values, like the catalog's vocabulary.
 */
public enum Channel {
    portal, patient_app, fax, mail, email, phone, in_person, direct, hie, payer_portal, other
}
