-- Versioned policy documents (Markdown). A draft can be edited; an approved version never changes again (a change is
-- a new version). The version in force on a day is the approved one with the latest effective_from on or before it.
CREATE TABLE policy_version (
    clinic_id       text        NOT NULL,
    policy_key      text        NOT NULL,
    version         integer     NOT NULL,
    title           text        NOT NULL,
    body            text        NOT NULL,
    author          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    approver        text,
    approved_at     timestamptz,
    effective_from  date,
    row_version     bigint      NOT NULL DEFAULT 1,
    PRIMARY KEY (clinic_id, policy_key, version),
    CHECK ((approved_at IS NULL) = (effective_from IS NULL))
);

-- A shipped template is loaded into a clinic's policies once, as a draft, on the clinic's first use.
CREATE TABLE policy_template_loaded (
    clinic_id     text        NOT NULL,
    template_key  text        NOT NULL,
    loaded_at     timestamptz NOT NULL,
    PRIMARY KEY (clinic_id, template_key)
);

-- Who was trained on what, when, on which policy version, and whether they attested to it.
CREATE TABLE training_record (
    id              uuid        PRIMARY KEY,
    clinic_id       text        NOT NULL,
    user_id         text        NOT NULL,
    course          text        NOT NULL,
    completed_on    date        NOT NULL,
    policy_key      text,
    policy_version  integer,
    attested        boolean     NOT NULL,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL
);
CREATE INDEX training_record_user ON training_record (clinic_id, user_id, completed_on);
