package org.ehiaccess.reporting.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The self-audit checklist as the API shows and takes it. */
public final class SelfAudit {

    private SelfAudit() {
    }

    /** How often a task recurs; its next due date is this many months after its last completion (or its start). */
    public enum Frequency {
        monthly(1), quarterly(3), semiannual(6), annual(12);

        public final int months;

        Frequency(int months) {
            this.months = months;
        }
    }

    /** {@code POST /api/v1/self-audit/tasks}: a task of the clinic's own. */
    public record NewTask(String task, String responsibleRole, Frequency frequency, String cfr) {
    }

    /** {@code PUT /api/v1/self-audit/tasks/{id}}: the new frequency. */
    public record Change(Frequency frequency) {
    }

    /** {@code POST .../completions}: the day it was done, a note, and optionally a link to a record as evidence. */
    public record Completion(LocalDate completedOn, String note, String evidenceLink) {
    }

    /**
     * A task with its schedule on {@code asOf}: due {@code frequency} after the last completion (or the day it was
     * added); overdue when that day has passed. {@code version} is also its ETag.
     */
    public record Task(UUID id, String seedKey, String task, String responsibleRole, Frequency frequency, String cfr,
            LocalDate startsOn, LocalDate retiredOn, LocalDate lastCompletedOn, LocalDate dueOn, boolean overdue,
            long version) {
    }

    /** One change of a task: added, frequency changed, retired. */
    public record HistoryEntry(Instant at, String actor, String change, String before, String after) {
    }

    /** A completion and its evidence (the file's name, type, size and SHA-256 once uploaded). */
    public record Done(UUID id, UUID taskId, LocalDate completedOn, String note, String evidenceLink,
            String completedBy, Instant recordedAt, String fileName, String fileType, Long fileSize,
            String fileSha256) {
    }
}
