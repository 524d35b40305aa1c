package org.ehiaccess.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void oneMinuteThenDoublingAtMostAnHour() {
        assertEquals(Duration.ofMinutes(1), Backoff.after(1));
        assertEquals(Duration.ofMinutes(2), Backoff.after(2));
        assertEquals(Duration.ofMinutes(4), Backoff.after(3));
        assertEquals(Duration.ofMinutes(32), Backoff.after(6));
        assertEquals(Duration.ofHours(1), Backoff.after(7));
        assertEquals(Duration.ofHours(1), Backoff.after(1000));
        assertEquals(Duration.ofMinutes(1), Backoff.after(0), "never sooner than a minute");
    }
}
