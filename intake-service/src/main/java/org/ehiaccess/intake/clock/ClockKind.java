package org.ehiaccess.intake.clock;

/** The deadlines a request can run against, each with the rule it comes from. */
public enum ClockKind {
    /** The clinic's own response target (policy, not law). */
    internal_target("Internal target", null),
    /** Act on an individual's access request in time, with one timely written extension (the catalog's hipaa_action). */
    hipaa_access("HIPAA right of access", "45 CFR 164.524(b)(2)"),
    /** A shorter deadline set by the clinic's state. */
    state_law("State deadline", null),
    /** Written reasons when a request is infeasible (the catalog's infeasibility_written_notice). */
    infeasibility_notice("Infeasibility notice", "45 CFR 171.204(b)"),
    /** Review of a reviewable denial by a licensed professional who took no part in it. */
    denial_review("Review of denial", "45 CFR 164.524(a)(4), (d)(4)");

    public final String label;
    public final String cfr;

    ClockKind(String label, String cfr) {
        this.label = label;
        this.cfr = cfr;
    }

    /** Met when the request is closed (answered), rather than by a separate step. */
    public boolean metByClosing() {
        return this == internal_target || this == hipaa_access || this == state_law;
    }
}
