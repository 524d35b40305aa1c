-- The quarterly denial review: a seeded, stratified sample of a quarter's denials and limitations, drawn from
-- request_fact and copied here (request_fact can be rebuilt; the review keeps what was sampled), with a tally sheet
-- per item, meeting notes and follow-up actions. Signed, it never changes again.
CREATE TABLE denial_review (
    id              uuid        PRIMARY KEY,
    clinic_id       text        NOT NULL,
    quarter         text        NOT NULL,
    zone            text        NOT NULL,
    seed            bigint      NOT NULL,
    requested_size  integer,
    size            integer     NOT NULL,
    population      integer     NOT NULL,
    selection       text        NOT NULL,
    strata          jsonb       NOT NULL,
    meeting_notes   text,
    version         bigint      NOT NULL DEFAULT 1,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    signed_by       text,
    signed_at       timestamptz
);
CREATE INDEX denial_review_clinic ON denial_review (clinic_id, quarter);

-- One sampled request: what request_fact said when it was drawn, and its tally sheet (yes, no, na; null until
-- answered).
CREATE TABLE denial_review_item (
    review_id            uuid        NOT NULL REFERENCES denial_review (id),
    clinic_id            text        NOT NULL,
    request_id           uuid        NOT NULL,
    position             integer     NOT NULL,
    stratum              text        NOT NULL,
    status               text        NOT NULL,
    legal_basis          text,
    exception_code       text,
    hipaa_ground         text,
    requester_type       text,
    received_at          timestamptz,
    closed_at            timestamptz,
    exception_cited      text,
    matrix_line          text,
    worksheet_complete   text,
    signed_before_letter text,
    letter_content       text,
    sent_on_time         text,
    consistent           text,
    comment              text,
    version              bigint      NOT NULL DEFAULT 1,
    PRIMARY KEY (review_id, request_id)
);

-- A follow-up action agreed at the review meeting: its owner (an account id), due date and what to do.
CREATE TABLE denial_review_action (
    review_id  uuid    NOT NULL REFERENCES denial_review (id),
    clinic_id  text    NOT NULL,
    position   integer NOT NULL,
    owner_id   text    NOT NULL,
    due_on     date    NOT NULL,
    text       text    NOT NULL,
    PRIMARY KEY (review_id, position)
);
