-- Assessments: the facts a worksheet collected for one EHI request, the engine's result, the ruleset it was
-- made under, who made it and when, and who signed it. A signed assessment is never changed: a change is a new
-- version (n + 1) of the same request's assessment.
create table assessment (
    id              uuid        primary key,
    clinic_id       text        not null,
    request_id      uuid        not null,   -- intake-service's request id; not checked across services
    version_number  integer     not null,
    ruleset         text        not null,
    verdict         text        not null,
    input           jsonb       not null,   -- {"practice": {...}, "facts": {...}} as evaluated (eval.as_of_date fixed)
    result          jsonb       not null,   -- the evaluation (question-catalog.md §4.1)
    created_by      text        not null,
    created_at      timestamptz not null,
    updated_by      text,
    updated_at      timestamptz,
    signed_by       text,
    signed_role     text,
    signed_at       timestamptz,
    row_version     bigint      not null default 0,
    constraint assessment_version_per_request unique (clinic_id, request_id, version_number),
    constraint assessment_signature_complete check ((signed_at is null) = (signed_by is null))
);

create index assessment_by_request on assessment (clinic_id, request_id, version_number);

-- Idempotency-Key of creates (platform IdempotencyKeys): a retry with the same key gets the first result.
create table idempotency_key (
    clinic_id    text        not null,
    scope        text        not null,
    idem_key     text        not null,
    request_hash text        not null,
    resource_id  uuid,
    created_at   timestamptz not null,
    primary key (clinic_id, scope, idem_key)
);
