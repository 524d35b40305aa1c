package org.ehiaccess.reporting.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Training records and who is due for training. */
public final class Training {

    private Training() {
    }

    /** {@code POST /api/v1/training}: who was trained, on what, when, on which policy version, and the attestation. */
    public record Input(String userId, String course, LocalDate completedOn, String policyKey, Integer policyVersion,
            Boolean attested) {
    }

    public record Record(UUID id, String userId, String course, LocalDate completedOn, String policyKey,
            Integer policyVersion, boolean attested, String recordedBy, Instant recordedAt) {
    }

    /** Why someone is due. */
    public enum Reason {
        /** No attested training at all. */
        never_trained,
        /** The last attested training is more than a year old: the annual refresher. */
        annual_refresher,
        /** No attested training on the policy version in force. */
        not_trained_on_version_in_force
    }

    /**
     * One staff member due for training.
     *
     * @param refresherDueOn one year after the last attested training (a training on 29 February is a year old on
     *        28 February of the next year); null if never trained
     */
    public record Due(String userId, LocalDate lastTrainedOn, LocalDate refresherDueOn, List<Reason> reasons) {
    }

    /** The answer of {@code GET /api/v1/training/due}. */
    public record DueList(LocalDate asOf, String policyKey, Integer versionInForce, List<Due> due) {
    }

    /**
     * Who is due on {@code asOf}: everyone with a training record, and the {@code staff} named, whose last attested
     * training (on or before {@code asOf}) is more than a year before it, who never attested one, or who never
     * attested one on {@code versionInForce} of {@code policyKey} (when a version is in force). Records after
     * {@code asOf} are ignored, so a past date answers as it would have then.
     */
    public static List<Due> due(List<Record> records, Set<String> staff, LocalDate asOf, String policyKey,
            Integer versionInForce) {
        Map<String, List<Record>> byUser = new TreeMap<>();
        staff.forEach(u -> byUser.put(u, new ArrayList<>()));
        for (Record r : records) {
            List<Record> mine = byUser.computeIfAbsent(r.userId(), k -> new ArrayList<>());
            if (r.attested() && !r.completedOn().isAfter(asOf)) {
                mine.add(r);
            }
        }
        List<Due> due = new ArrayList<>();
        byUser.forEach((user, mine) -> {
            List<Reason> reasons = new ArrayList<>();
            LocalDate last = mine.stream().map(Record::completedOn).max(Comparator.naturalOrder()).orElse(null);
            LocalDate refresher = last == null ? null : last.plusYears(1);
            if (last == null) {
                reasons.add(Reason.never_trained);
            } else if (asOf.isAfter(refresher)) {
                reasons.add(Reason.annual_refresher);
            }
            if (versionInForce != null && mine.stream().noneMatch(r -> policyKey.equals(r.policyKey())
                    && versionInForce.equals(r.policyVersion()))) {
                reasons.add(Reason.not_trained_on_version_in_force);
            }
            if (!reasons.isEmpty()) {
                due.add(new Due(user, last, refresher, reasons));
            }
        });
        return due;
    }
}
