-- Every domain event received, once (event_id is the producer's idempotency key). The projections below are
-- derived from these rows only, so they can be emptied and rebuilt at any time.
CREATE TABLE event (
    event_id    uuid        PRIMARY KEY,
    clinic_id   text        NOT NULL,
    request_id  uuid,
    type        text        NOT NULL,
    source      text        NOT NULL,
    sequence    bigint      NOT NULL,
    occurred_at timestamptz NOT NULL,
    data        jsonb       NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_request ON event (clinic_id, request_id);
CREATE INDEX event_complaint ON event (clinic_id, (data ->> 'complaintId')) WHERE type LIKE 'complaint.%';

-- One row per request: its latest state, folded from its events in sequence order (latest wins).
CREATE TABLE request_fact (
    clinic_id         text        NOT NULL,
    request_id        uuid        NOT NULL,
    received_at       timestamptz,
    channel           text,
    requester_type    text,
    status            text,
    closed_at         timestamptz,
    legal_basis       text,
    exception_code    text,
    hipaa_ground      text,
    analysis_signed   boolean     NOT NULL DEFAULT false,
    letter_sent       boolean     NOT NULL DEFAULT false,
    review_outcome    text,
    last_sequence     bigint      NOT NULL,
    PRIMARY KEY (clinic_id, request_id)
);
CREATE INDEX request_fact_received ON request_fact (clinic_id, received_at);

-- One row per clock of a request: its deadline and how it ended.
CREATE TABLE request_clock (
    clinic_id   text        NOT NULL,
    request_id  uuid        NOT NULL,
    clock       text        NOT NULL,
    due_at      timestamptz,
    met_at      timestamptz,
    missed      boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (clinic_id, request_id, clock)
);

-- One row per complaint: its latest state and the request it is linked to, if any.
CREATE TABLE complaint_fact (
    clinic_id          text        NOT NULL,
    complaint_id       uuid        NOT NULL,
    logged_at          timestamptz,
    source             text,
    status             text,
    outcome            text,
    linked_request_id  uuid,
    last_sequence      bigint      NOT NULL,
    PRIMARY KEY (clinic_id, complaint_id)
);
CREATE INDEX complaint_fact_linked ON complaint_fact (clinic_id, linked_request_id);
