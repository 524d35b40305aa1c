package org.ehiaccess.intake.clock;

import java.time.Instant;

/** Where a clock stands right now. */
public enum ClockState {
    on_track, due_soon, overdue, met;

    public static ClockState of(Instant metAt, Instant warnAt, Instant dueAt, Instant now) {
        if (metAt != null) {
            return met;
        }
        if (now.isAfter(dueAt)) {
            return overdue;
        }
        return now.isBefore(warnAt) ? on_track : due_soon;
    }
}
