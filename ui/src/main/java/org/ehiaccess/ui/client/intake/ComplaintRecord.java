package org.ehiaccess.ui.client.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A complaint as the intake API returns it. */
public record ComplaintRecord(UUID id, LocalDate receivedOn, ComplaintSource source, String sourceName, String allegation,
        ComplaintStatus status, String resolution, LocalDate resolvedOn, List<UUID> requestIds, Instant createdAt,
        String createdBy, int version) {

    /** This complaint's page. */
    public String href() {
        return "/complaints/" + id;
    }

    public ComplaintRecord {
        requestIds = requestIds == null ? List.of() : requestIds.stream().sorted().toList();
    }
}
