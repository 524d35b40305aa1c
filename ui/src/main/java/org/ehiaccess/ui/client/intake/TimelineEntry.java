package org.ehiaccess.ui.client.intake;

import java.time.Instant;

/** One line of a request's timeline: when, who, what, and the value before and after. */
public record TimelineEntry(Instant at, String actor, String kind, String detail, String before, String after) {

    /** A field change shows "before → after". */
    public boolean isChange() {
        return "changed".equals(kind);
    }
}
