package org.ehiaccess.intake.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One entry of a request's timeline: append-only, never updated (an investigator's first question
 * is "show me the request and what you did, when").
 */
@Entity
@Immutable
@Table(name = "request_event")
public class RequestEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    /** What happened, e.g. {@code received}, {@code status_changed}. */
    public String kind;

    public String detail;

    @Column(name = "before_value")
    public String beforeValue;

    @Column(name = "after_value")
    public String afterValue;

    public static RequestEvent of(UUID requestId, Instant at, String actor, String kind, String detail) {
        RequestEvent event = new RequestEvent();
        event.id = UUID.randomUUID();
        event.requestId = requestId;
        event.occurredAt = at;
        event.actor = actor;
        event.kind = kind;
        event.detail = detail;
        return event;
    }

    public static List<RequestEvent> timelineOf(UUID requestId) {
        return list("requestId = ?1 order by occurredAt, id", requestId);
    }
}
