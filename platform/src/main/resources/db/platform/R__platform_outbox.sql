-- The table of platform's transactional outbox (org.ehiaccess.platform.outbox), shipped once for every service that
-- includes the location db/platform in quarkus.flyway.locations. A service whose own released migration already
-- created it (decision-service's V3) keeps that migration unchanged; this one is then a no-op. Repeatable (R__), so it
-- runs after the service's V migrations and again only if this file changes: it must stay idempotent.
create table if not exists outbox (
    seq             bigserial   primary key,
    id              uuid        not null unique,
    clinic_id       text        not null,
    destination     text        not null,
    kind            text        not null,
    ordering_key    text        not null,
    subject         text,
    actor           text        not null,
    payload         jsonb       not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_attempt_at timestamptz,
    last_error      text,
    delivered_at    timestamptz
);

-- the relay's scan: undelivered rows that are due
create index if not exists outbox_due on outbox (next_attempt_at) where delivered_at is null;
-- one key's rows in order (the head of the queue)
create index if not exists outbox_by_key on outbox (clinic_id, destination, ordering_key, seq);
