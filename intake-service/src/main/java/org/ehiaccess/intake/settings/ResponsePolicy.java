package org.ehiaccess.intake.settings;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ehiaccess.intake.request.Manner;
import org.ehiaccess.intake.request.RequesterType;

/**
 * A clinic's response policy: its own internal targets, an optional state deadline, and the points
 * (percent of the time allowed) at which supervisors are warned. The HIPAA 164.524(b)(2) period is law, not
 * policy: it comes from the rule catalog ({@code clock.LawCatalog}) and is not configurable here.
 */
public record ResponsePolicy(
        @NotNull @Valid Deadline defaultInternalTarget,
        @NotNull @Size(max = 50) List<@NotNull @Valid TargetRule> internalTargets,
        @Valid StateOverride stateOverride,
        @NotEmpty @Size(max = 5) List<@NotNull @Min(1) @Max(99) Integer> alertThresholds,
        @Valid Deadline denialReviewTarget) {

    /** Until the clinic sets one: a reasonable period for the review of a denial. */
    static final Deadline DEFAULT_DENIAL_REVIEW = Deadline.calendarDays(30);

    /** What a new clinic starts with. */
    public static ResponsePolicy standard() {
        return new ResponsePolicy(
                Deadline.businessDays(10),
                List.of(
                        // individuals: well inside HIPAA's 30 days
                        new TargetRule(RequesterType.patient, null, Deadline.calendarDays(15)),
                        new TargetRule(RequesterType.personal_representative, null, Deadline.calendarDays(15)),
                        new TargetRule(RequesterType.parent_or_guardian_of_minor, null, Deadline.calendarDays(15)),
                        // portal and API access is automatic; a manual step should take a day at most
                        new TargetRule(RequesterType.third_party_app_patient_directed, null, Deadline.businessDays(1)),
                        // care coordination
                        new TargetRule(RequesterType.other_provider_treatment, null, Deadline.businessDays(5))),
                null,
                List.of(50, 80),
                DEFAULT_DENIAL_REVIEW);
    }

    public Deadline denialReviewTargetOrDefault() {
        return denialReviewTarget == null ? DEFAULT_DENIAL_REVIEW : denialReviewTarget;
    }

    /** The internal target for a request: the most specific matching rule, else the default. */
    public Deadline internalTargetFor(RequesterType type, Manner manner) {
        return internalTargets.stream()
                .filter(rule -> rule.matches(type, manner))
                .max(Comparator.comparingInt(TargetRule::specificity))
                .map(TargetRule::target)
                .orElse(defaultInternalTarget);
    }

    /** "Due soon" starts at the highest warning threshold. */
    public int dueSoonPercent() {
        return alertThresholds.stream().max(Integer::compare).orElse(80);
    }
}
