package org.ehiaccess.platform.outbox;

import java.time.Duration;

/** When a failed message is tried again: one minute after the first failure, doubling, at most an hour apart. */
public final class Backoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(1);

    private Backoff() {
    }

    /** The wait after the {@code failures}-th failed attempt (1, 2, 3...). */
    public static Duration after(int failures) {
        if (failures <= 1) {
            return FIRST;
        }
        // 2^6 minutes already exceeds the hour: no overflow for any attempt count
        int doublings = Math.min(failures - 1, 6);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
