-- The EHI Request Log (intake-service owns these tables). Instants are UTC (timestamptz).
create table ehi_request (
    id                  uuid primary key,
    clinic_id           text        not null,
    received_at         timestamptz not null,
    channel             text        not null,
    requester_type      text        not null,
    requester_name      text        not null,
    patient_name        text        not null,
    patient_birth_date  date        not null,
    purpose             text,
    ehi_classes         text[]      not null,
    manner_requested    text,
    status              text        not null,
    created_at          timestamptz not null,
    created_by          text        not null,
    version             integer     not null default 0
);
create index ehi_request_clinic_received on ehi_request (clinic_id, received_at desc, id);

-- Append-only timeline: every change to a request (who, when, what, before and after)
create table request_event (
    id           uuid primary key,
    clinic_id    text        not null,
    request_id   uuid        not null references ehi_request (id),
    occurred_at  timestamptz not null,
    actor        text        not null,
    kind         text        not null,
    detail       text,
    before_value text,
    after_value  text
);
create index request_event_request on request_event (clinic_id, request_id, occurred_at);

create table idempotency_key (
    clinic_id    text        not null,
    scope        text        not null,
    idem_key     text        not null,
    request_hash text        not null,
    resource_id  uuid,
    created_at   timestamptz not null,
    primary key (clinic_id, scope, idem_key)
);
