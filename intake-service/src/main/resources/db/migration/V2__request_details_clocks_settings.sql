-- The full request record (issue 4): requester, patient, verification, scope, lifecycle, fulfilment.
alter table ehi_request
    add column requester_organization        text,
    add column requester_contact             text,
    add column patient_id                    uuid,
    add column patient_mrn                   text,
    add column identity_verification_method  text,
    add column identity_verified_by          text,
    add column identity_verified_at          timestamptz,
    add column authority_verification_method text,
    add column authority_verified_by         text,
    add column authority_verified_at         timestamptz,
    add column all_ehi                       boolean not null default false,
    add column records_from                  date,
    add column records_to                    date,
    add column notes                         text,
    add column assignee                      text,
    add column waiting_for                   text,
    add column waiting_since                 timestamptz,
    add column manner_used                   text,
    add column fulfilled_at                  timestamptz,
    add column closed_at                     timestamptz,
    add column extension_notice_sent_on      date,
    add column extension_reason              text,
    -- the earliest open clock: what "sort by due date", "due soon" and "overdue" read
    add column next_due_at                   timestamptz,
    add column next_warn_at                  timestamptz,
    -- lower-cased names, organization and MRN for the free-text filter
    add column search_text                   text not null default '';

create index ehi_request_clinic_due on ehi_request (clinic_id, next_due_at, id);
create index ehi_request_clinic_status_due on ehi_request (clinic_id, status, next_due_at, id);

-- The clinic's patient index: a request may name a known patient of this clinic by id
create table patient (
    id          uuid primary key,
    clinic_id   text        not null,
    mrn         text        not null,
    name        text        not null,
    birth_date  date        not null,
    created_at  timestamptz not null,
    version     integer     not null default 0,
    unique (clinic_id, mrn)
);

-- Each deadline a request runs against (internal target, HIPAA 30/60 days, state law, 171.204(b) notice, ...)
create table request_clock (
    id          uuid primary key,
    clinic_id   text        not null,
    request_id  uuid        not null references ehi_request (id) on delete cascade,
    kind        text        not null,
    label       text        not null,
    cfr         text,
    started_at  timestamptz not null,
    due_on      date        not null,
    due_at      timestamptz not null,
    warn_at     timestamptz not null,
    met_at      timestamptz,
    version     integer     not null default 0,
    unique (request_id, kind)
);
create index request_clock_open_due on request_clock (due_at) where met_at is null;

-- Per-clinic settings: time zone, closures, response policy (clinic-admin edits them)
create table clinic_settings (
    clinic_id        text primary key,
    time_zone        text        not null,
    closures         date[]      not null default '{}',
    response_policy  jsonb       not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    version          integer     not null default 0
);

-- Append-only audit trail for changes to settings and complaints (requests have their timeline)
create table audit_entry (
    id            uuid primary key,
    clinic_id     text        not null,
    subject_type  text        not null,
    subject_id    text        not null,
    occurred_at   timestamptz not null,
    actor         text        not null,
    action        text        not null,
    before_value  text,
    after_value   text
);
create index audit_entry_subject on audit_entry (clinic_id, subject_type, subject_id, occurred_at);

alter table request_event drop constraint request_event_request_id_fkey;
alter table request_event add constraint request_event_request_id_fkey
    foreign key (request_id) references ehi_request (id) on delete cascade;

-- Likely duplicates (same patient, requester and overlapping scope within 90 days): flagged for a
-- person to confirm or dismiss, never merged
create table duplicate_flag (
    id            uuid primary key,
    clinic_id     text        not null,
    request_id    uuid        not null references ehi_request (id) on delete cascade,
    duplicate_of  uuid        not null references ehi_request (id) on delete cascade,
    status        text        not null,
    flagged_at    timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    version       integer     not null default 0,
    unique (request_id, duplicate_of)
);
create index ehi_request_duplicate_probe on ehi_request (clinic_id, patient_birth_date, received_at);

-- Complaints and grievances, linked to the requests they are about
create table complaint (
    id            uuid primary key,
    clinic_id     text        not null,
    received_on   date        not null,
    source        text        not null,
    source_name   text,
    allegation    text        not null,
    status        text        not null,
    resolution    text,
    resolved_on   date,
    created_at    timestamptz not null,
    created_by    text        not null,
    version       integer     not null default 0
);
create index complaint_clinic_received on complaint (clinic_id, received_on desc, id);
create table complaint_request (
    complaint_id  uuid not null references complaint (id) on delete cascade,
    request_id    uuid not null references ehi_request (id) on delete cascade,
    primary key (complaint_id, request_id)
);

-- What the retention job removed, and when (records are kept at least six years: 164.530(j))
create table retention_run (
    id            uuid primary key,
    clinic_id     text        not null,
    ran_at        timestamptz not null,
    cutoff        timestamptz not null,
    requests_removed integer  not null
);
