package org.ehiaccess.intake.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Warning points of a clock, in percent of the time allowed; 100 (overdue) is always one of them. */
public final class AlertThresholds {

    public static final int OVERDUE = 100;

    private AlertThresholds() {
    }

    /** The clinic's thresholds in order, ending with overdue. */
    public static TreeSet<Integer> withOverdue(List<Integer> thresholds) {
        TreeSet<Integer> all = new TreeSet<>(thresholds);
        all.add(OVERDUE);
        return all;
    }

    /** The first threshold above {@code alerted}, if any. */
    public static Optional<Integer> next(List<Integer> thresholds, int alerted) {
        return Optional.ofNullable(withOverdue(thresholds).higher(alerted));
    }

    /** The instant a clock from {@code start} to {@code due} reaches {@code percent}; 100 % is the deadline itself. */
    public static Instant instantOf(Instant start, Instant due, int percent) {
        if (percent >= OVERDUE) {
            return due;
        }
        return start.plus(Duration.between(start, due).multipliedBy(percent).dividedBy(100));
    }

    /** The thresholds crossed by {@code now} above {@code alerted}, lowest first. */
    public static List<Integer> crossed(List<Integer> thresholds, int alerted, Instant start, Instant due, Instant now) {
        return withOverdue(thresholds).tailSet(alerted, false).stream()
                .filter(t -> !instantOf(start, due, t).isAfter(now))
                .toList();
    }
}
