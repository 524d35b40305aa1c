-- Append-only audit trail of assessments: who did what, when, with the case and verdict before and after.
-- Rows are only ever inserted.
create table assessment_event (
    id             uuid        primary key,
    clinic_id      text        not null,
    assessment_id  uuid        not null references assessment (id),
    request_id     uuid        not null,
    kind           text        not null check (kind in ('created', 'updated', 'signed')),
    actor          text        not null,
    at             timestamptz not null,
    before         jsonb,
    after          jsonb       not null
);

create index assessment_event_by_assessment on assessment_event (clinic_id, assessment_id, at);
