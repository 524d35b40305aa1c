package org.ehiaccess.reporting.metrics;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A request as the figures see it: its days in the clinic's zone and its clocks' ends.
 *
 * @param clocks each clock's end: {@link ClockEnd}
 */
public record RequestRow(UUID id, LocalDate receivedOn, String channel, String requesterType, String status,
        LocalDate closedOn, String legalBasis, String exceptionCode, boolean analysisSigned, boolean letterSent,
        Map<String, ClockEnd> clocks) {

    /** How a clock ended: met by its deadline, late (missed, or met after it), or still open. */
    public enum ClockEnd {
        on_time, late, open
    }

    /** Denied in whole or in part: both withhold information (a "denial or limitation"). */
    static final Set<String> DENYING = Set.of("denied", "partially_fulfilled");
    static final Set<String> FULFILLING = Set.of("fulfilled", "partially_fulfilled");
    /** The basis of a denial whose signed decision names none (or that has no signed decision). */
    public static final String UNRECORDED = "unrecorded";

    public boolean denied() {
        return DENYING.contains(status);
    }

    public boolean fulfilled() {
        return FULFILLING.contains(status) && closedOn != null;
    }

    /** Calendar days from receipt to answer, in the clinic's zone (received and answered the same day: 0). */
    public long daysToFulfill() {
        return closedOn.toEpochDay() - receivedOn.toEpochDay();
    }

    public String basis() {
        return legalBasis == null ? UNRECORDED : legalBasis;
    }

    /** A denial with a complete signed analysis and its letter sent. */
    public boolean documented() {
        return analysisSigned && letterSent;
    }
}
