package org.ehiaccess.ui.client.intake;

import java.time.LocalDate;
import java.util.List;

/**
 * The clinic's settings as the intake API shows them ({@code version} is also the ETag), and the
 * records of its response policy, sent back as they are read.
 */
public record ClinicSettings(String timeZone, List<LocalDate> closures, ResponsePolicy responsePolicy, int version) {

    public ClinicSettings {
        closures = closures == null ? List.of() : List.copyOf(closures);
    }

    /** The body of {@code PUT /api/v1/settings}. */
    public record Update(String timeZone, List<LocalDate> closures, ResponsePolicy responsePolicy) {
    }

    public record ResponsePolicy(Deadline defaultInternalTarget, List<TargetRule> internalTargets,
            StateOverride stateOverride, List<Integer> alertThresholds, Deadline denialReviewTarget) {
        public ResponsePolicy {
            internalTargets = internalTargets == null ? List.of() : List.copyOf(internalTargets);
            alertThresholds = alertThresholds == null ? List.of() : List.copyOf(alertThresholds);
        }
    }

    /** "10 business days" */
    public record Deadline(Integer amount, DayUnit unit) {
        public String text() {
            if (amount == null || unit == null) {
                return "";
            }
            // "1 business day", "10 business days"
            return amount + " " + (amount == 1 ? unit.label().substring(0, unit.label().length() - 1) : unit.label());
        }
    }

    /** A target for one requester type and/or manner; null matches any. */
    public record TargetRule(String requesterType, String manner, Deadline target) {
    }

    public record StateOverride(String state, String citation, Deadline deadline) {
    }
}
