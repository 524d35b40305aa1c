package org.ehiaccess.intake.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.ehiaccess.intake.settings.ClinicSettings;
import org.ehiaccess.intake.settings.DayUnit;
import org.ehiaccess.intake.settings.Deadline;
import org.ehiaccess.intake.settings.ResponsePolicy;
import org.ehiaccess.intake.settings.StateOverride;
import org.ehiaccess.intake.request.Manner;
import org.ehiaccess.intake.request.RequesterType;
import org.ehiaccess.platform.time.BusinessCalendar;

/**
 * Turns a request's receipt and a clinic's settings into due dates. Days are counted in the clinic's
 * time zone from the local date of receipt (the receipt day itself is day 0); a clock is due at the
 * end of its due date, so daylight-saving changes never move a deadline.
 */
public final class ClockPlanner {

    private final ZoneId zone;
    private final BusinessCalendar calendar;
    private final ResponsePolicy policy;
    private final LawCatalog law;

    public ClockPlanner(ClinicSettings settings) {
        this(settings, LawCatalog.CURRENT);
    }

    ClockPlanner(ClinicSettings settings, LawCatalog law) {
        this.zone = settings.zone();
        this.calendar = settings.calendar();
        this.policy = settings.responsePolicy;
        this.law = law;
    }

    /** 164.524: the requester exercises the individual right of access (the rule catalog's list). */
    public static boolean hipaaApplies(RequesterType requesterType) {
        return LawCatalog.CURRENT.hasRightOfAccess(requesterType);
    }

    /** The clocks every request gets when it is logged (or when its receipt or requester changes). */
    public List<ClockPlan> standardClocks(Instant receivedAt, RequesterType requesterType, Manner manner,
            boolean extended) {
        List<ClockPlan> clocks = new ArrayList<>();
        clocks.add(plan(ClockKind.internal_target, ClockKind.internal_target.label + " ("
                + policy.internalTargetFor(requesterType, manner) + ")", null, receivedAt,
                policy.internalTargetFor(requesterType, manner)));
        if (law.hasRightOfAccess(requesterType)) {
            LawCatalog.HipaaAction hipaa = law.hipaaAction();
            int days = extended ? hipaa.extendedDays() : hipaa.days();
            clocks.add(plan(ClockKind.hipaa_access, ClockKind.hipaa_access.label + " (" + days + " days"
                    + (extended ? ", extended" : "") + ")", ClockKind.hipaa_access.cfr, receivedAt,
                    Deadline.calendarDays(days)));
            StateOverride state = policy.stateOverride();
            if (state != null) {
                clocks.add(plan(ClockKind.state_law, state.state() + " deadline (" + state.deadline() + ")",
                        state.citation(), receivedAt, state.deadline()));
            }
        }
        return clocks;
    }

    /** The 171.204(b) written-notice clock a decision adds when it relies on infeasibility. */
    public ClockPlan infeasibilityNotice(Instant receivedAt) {
        Deadline notice = Deadline.businessDays(law.infeasibilityNotice().businessDays());
        return plan(ClockKind.infeasibility_notice, ClockKind.infeasibility_notice.label + " (" + notice + ")",
                ClockKind.infeasibility_notice.cfr, receivedAt, notice);
    }

    /**
     * The review of a reviewable denial (164.524(a)(4), (d)(4)): the rule says "within a reasonable
     * period"; the clinic's policy sets it (30 calendar days unless changed).
     */
    public ClockPlan denialReview(Instant requestedAt) {
        Deadline target = policy.denialReviewTargetOrDefault();
        return plan(ClockKind.denial_review, ClockKind.denial_review.label + " (" + target + ")",
                ClockKind.denial_review.cfr, requestedAt, target);
    }

    /** A clock starting at {@code start} (e.g. a review requested today) for {@code deadline}. */
    public ClockPlan plan(ClockKind kind, String label, String cfr, Instant start, Deadline deadline) {
        LocalDate startDay = localDate(start);
        LocalDate dueOn = deadline.unit() == DayUnit.business_days
                ? calendar.addBusinessDays(startDay, deadline.amount())
                : startDay.plusDays(deadline.amount());
        Instant dueAt = endOf(dueOn);
        Duration allowed = Duration.between(start, dueAt);
        Instant warnAt = start.plus(allowed.multipliedBy(policy.dueSoonPercent()).dividedBy(100));
        return new ClockPlan(kind, label, cfr, start, dueOn, dueAt, warnAt);
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The first instant after {@code day} in the clinic's time zone. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
