package org.ehiaccess.reporting.policy;

import java.time.Instant;
import java.time.LocalDate;

/** A clinic's policy documents as the API shows and takes them. */
public final class Policy {

    private Policy() {
    }

    /** A draft's content: a title and Markdown text. */
    public record Draft(String title, String body) {
    }

    /** {@code POST .../approve}: the first day in force (default: the day of approval in {@code zone}). */
    public record Approval(LocalDate effectiveFrom, String zone) {
    }

    /** One version in full. {@code rowVersion} is its ETag while it is a draft. */
    public record Version(String key, int version, String title, String body, String status, String author,
            Instant createdAt, String updatedBy, Instant updatedAt, String approver, Instant approvedAt,
            LocalDate effectiveFrom, long rowVersion) {
    }

    /** A version in a list, without its text. */
    public record VersionSummary(String key, int version, String title, String status, String author,
            String approver, Instant approvedAt, LocalDate effectiveFrom) {
    }

    public static final String DRAFT = "draft";
    public static final String APPROVED = "approved";
}
