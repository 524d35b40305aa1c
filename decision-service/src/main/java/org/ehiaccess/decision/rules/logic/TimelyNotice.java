package org.ehiaccess.decision.rules.logic;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A written notice of reasons owed within a number of business days of receipt: 171.204(b) (IN-b).
 * <ul>
 * <li>true if it was sent, states the reasons, and went out within the limit;</li>
 * <li>false if it went out late, or was not sent and the due date has passed;</li>
 * <li>unknown (pending) if it was not sent and the due date has not passed: the clinic still has time.</li>
 * </ul>
 * The obligation {@code infeasibility_written_notice} reads the same {@link #timing} so that the verdict and the
 * obligation can never disagree.
 */
public final class TimelyNotice implements Expr {

    /** Where the notice stands, and what would settle it. */
    public record Timing(DeadlineStatus status, LocalDate dueDate, String detail, Map<String, Object> recorded,
            Set<String> toAsk) {
    }

    private final String deadlineId;
    private final int businessDays;
    private final String sent;
    private final String statesReasons;
    private final String elapsedBusinessDays;
    private final String dueDate;

    public TimelyNotice(String deadlineId, int businessDays, String sent, String statesReasons,
            String elapsedBusinessDays, String dueDate) {
        this.deadlineId = deadlineId;
        this.businessDays = businessDays;
        this.sent = sent;
        this.statesReasons = statesReasons;
        this.elapsedBusinessDays = elapsedBusinessDays;
        this.dueDate = dueDate;
    }

    public String deadlineId() {
        return deadlineId;
    }

    public String statesReasonsFact() {
        return statesReasons;
    }

    /** When the notice went out (or is due) relative to the limit; the content of the notice is not judged here. */
    public Timing timing(EvaluationContext context) {
        Boolean wasSent = (Boolean) context.value(sent);
        Integer elapsed = (Integer) context.value(elapsedBusinessDays);
        LocalDate due = (LocalDate) context.value(dueDate);
        boolean beforeDue = due != null && !context.asOf().isAfter(due);
        Map<String, Object> recorded = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(wasSent)) {
            if (elapsed != null) {
                recorded.put(elapsedBusinessDays, elapsed);
                return elapsed <= businessDays
                        ? new Timing(DeadlineStatus.MET, due, null, recorded, Set.of())
                        : new Timing(DeadlineStatus.MISSED, due, "written reasons sent " + elapsed
                                + " business days after receipt; limit is " + businessDays, recorded, Set.of());
            }
            // sent by the evaluation date, which is itself within the limit
            return beforeDue
                    ? new Timing(DeadlineStatus.MET, due, null, recorded, Set.of())
                    : new Timing(DeadlineStatus.UNKNOWN, due, null, recorded, context.toAsk(elapsedBusinessDays));
        }
        Set<String> toAsk = new LinkedHashSet<>();
        toAsk.add(sent);
        if (beforeDue) {
            return new Timing(DeadlineStatus.PENDING, due, null, recorded, toAsk);
        }
        if (Boolean.FALSE.equals(wasSent) && due != null) {
            recorded.put(sent, false);
            recorded.put(dueDate, due);
            return new Timing(DeadlineStatus.MISSED, due, "no written reasons were sent; they were due by " + due,
                    recorded, Set.of());
        }
        if (due == null) {
            toAsk.addAll(context.toAsk(dueDate));
        }
        return new Timing(DeadlineStatus.UNKNOWN, due, null, recorded, toAsk);
    }

    @Override
    public Outcome evaluate(EvaluationContext context) {
        Timing timing = timing(context);
        Boolean reasons = (Boolean) context.value(statesReasons);
        if (timing.status() == DeadlineStatus.MISSED) {
            return Outcome.failed(Failure.explained(timing.detail(), timing.recorded()));
        }
        if (Boolean.FALSE.equals(reasons) && Boolean.TRUE.equals(context.value(sent))) {
            return Outcome.failed(Failure.explained("the written notice does not state the reasons",
                    Map.of(statesReasons, false)));
        }
        if (timing.status() == DeadlineStatus.MET) {
            return reasons == null ? Outcome.unknown(statesReasons) : Outcome.TRUE;
        }
        Set<String> toAsk = new LinkedHashSet<>(timing.toAsk());
        if (reasons == null && Boolean.TRUE.equals(context.value(sent))) {
            toAsk.add(statesReasons);
        }
        return Outcome.unknown(toAsk);
    }

    @Override
    public String describe() {
        return "T(" + sent + ") AND T(" + statesReasons + ") AND " + elapsedBusinessDays + " <= " + businessDays
                + "; false if sent late, or not sent after " + dueDate + "; pending (unknown) if not sent by "
                + dueDate;
    }

    @Override
    public void collectFacts(Collection<String> into) {
        into.add(sent);
        into.add(statesReasons);
        into.add(elapsedBusinessDays);
        into.add(dueDate);
    }
}
