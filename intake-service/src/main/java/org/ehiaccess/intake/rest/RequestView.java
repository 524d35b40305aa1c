package org.ehiaccess.intake.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.ehiaccess.intake.request.Channel;
import org.ehiaccess.intake.request.EhiClass;
import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.Manner;
import org.ehiaccess.intake.request.Purpose;
import org.ehiaccess.intake.request.RequestStatus;
import org.ehiaccess.intake.request.RequesterType;

/** A request as the API shows it. */
public record RequestView(
        UUID id,
        Instant receivedAt,
        Channel channel,
        RequesterType requesterType,
        String requesterName,
        String patientName,
        LocalDate patientBirthDate,
        Purpose purpose,
        Set<EhiClass> ehiClasses,
        Manner mannerRequested,
        RequestStatus status,
        Instant createdAt,
        String createdBy,
        int version) {

    public static RequestView of(EhiRequest r) {
        return new RequestView(r.id, r.receivedAt, r.channel, r.requesterType, r.requesterName, r.patientName,
                r.patientBirthDate, r.purpose, r.ehiClasses(), r.mannerRequested, r.status, r.createdAt, r.createdBy,
                r.version);
    }
}
