-- The transactional outbox (platform Outbox/OutboxRelay): what intake-service must be told about a change is written
-- in the change's transaction and delivered afterwards, in order per request, until intake-service has taken it.
-- Delivered rows are kept: they are the history a receiver can be rebuilt from.
create table outbox (
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
create index outbox_due on outbox (next_attempt_at) where delivered_at is null;
-- one key's rows in order (the head of the queue, the state shown on the decision page)
create index outbox_by_key on outbox (clinic_id, destination, ordering_key, seq);
