-- The self-audit checklist: the shipped tasks (loaded once per clinic) and the clinic's own; a task is retired, never
-- deleted, and every change is kept in audit_task_history. Due dates are computed from the frequency and the last
-- completion, so a change of frequency reschedules without rewriting anything.
CREATE TABLE audit_task (
    id                uuid        PRIMARY KEY,
    clinic_id         text        NOT NULL,
    seed_key          text,
    task              text        NOT NULL,
    responsible_role  text        NOT NULL,
    frequency         text        NOT NULL,
    cfr               text,
    starts_on         date        NOT NULL,
    retired_on        date,
    version           bigint      NOT NULL DEFAULT 1,
    UNIQUE (clinic_id, seed_key)
);
CREATE INDEX audit_task_clinic ON audit_task (clinic_id);

CREATE TABLE audit_checklist_loaded (
    clinic_id  text        PRIMARY KEY,
    loaded_at  timestamptz NOT NULL
);

CREATE TABLE audit_task_history (
    id         bigserial   PRIMARY KEY,
    clinic_id  text        NOT NULL,
    task_id    uuid        NOT NULL REFERENCES audit_task (id),
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    change     text        NOT NULL,
    before     text,
    after      text
);
CREATE INDEX audit_task_history_task ON audit_task_history (clinic_id, task_id);

-- A completion with its note and evidence: a link to a record, and/or an uploaded file (at most 20 MiB) kept here.
CREATE TABLE audit_completion (
    id             uuid        PRIMARY KEY,
    clinic_id      text        NOT NULL,
    task_id        uuid        NOT NULL REFERENCES audit_task (id),
    completed_on   date        NOT NULL,
    note           text        NOT NULL,
    evidence_link  text,
    completed_by   text        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    file_name      text,
    file_type      text,
    file_size      bigint,
    file_sha256    text,
    file_content   bytea
);
CREATE INDEX audit_completion_task ON audit_completion (clinic_id, task_id, completed_on);
