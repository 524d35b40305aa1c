-- Issue 5: the Denial Reason Matrix, letter settings and templates, letters, reviews of reviewable denials, and
-- the append-only audit trail of every change to a decision or a setting. Every row carries clinic_id.

-- Raised by the triggers below: some rows may only ever be added, others are locked once complete.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows cannot be changed or deleted (%)', tg_table_name, tg_argv[0]
        using errcode = 'integrity_constraint_violation';
end
$$;

-- Who changed what, when, before and after (ARCHITECTURE.md "Audit"). Never updated, never deleted.
create table audit_entry (
    id           uuid        primary key,
    clinic_id    text        not null,
    entity_type  text        not null,   -- assessment, denial_reasons, letter_settings, letter_template, letter, review
    entity_id    text        not null,
    action       text        not null,
    actor        text        not null,
    occurred_at  timestamptz not null,
    before_value jsonb,
    after_value  jsonb
);
create index audit_entry_by_entity on audit_entry (clinic_id, entity_type, entity_id, occurred_at);
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function refuse_change('append-only');

-- The licensed health care professional who made the individualized determination (171.201(c)(1)), when the
-- worksheet names one: they may not review the denial (164.524(a)(4)).
alter table assessment add column determined_by text;

-- A clinic's own Denial Reason Matrix. No row (or customised = false) means the shipped defaults apply.
create table denial_reason_matrix (
    id          uuid        primary key,
    clinic_id   text        not null unique,
    customised  boolean     not null,
    matrix_rows jsonb,                     -- null while the defaults apply
    row_version bigint      not null,
    updated_by  text        not null,
    updated_at  timestamptz not null
);

-- What every letter needs: the clinic and the contact for complaints (164.524(d)(2)(iii)).
create table letter_settings (
    id                     uuid        primary key,
    clinic_id              text        not null unique,
    clinic_name            text        not null,
    address                text,
    privacy_contact_name   text,
    privacy_contact_title  text,
    privacy_contact_phone  text        not null,
    privacy_contact_email  text,
    row_version            bigint      not null,
    updated_by             text        not null,
    updated_at             timestamptz not null
);

-- A clinic's own wording of a letter kind; no row means the shipped default.
create table letter_template (
    id          uuid        primary key,
    clinic_id   text        not null,
    kind        text        not null,
    customised  boolean     not null,
    subject     text,
    body        text,
    row_version bigint      not null,
    updated_by  text        not null,
    updated_at  timestamptz not null,
    constraint letter_template_per_kind unique (clinic_id, kind)
);

-- A letter as generated from a signed assessment: kept exactly as rendered, with the hashes of both forms.
-- Only the "sent" fields are ever filled in afterwards, once.
create table letter (
    id                  uuid        primary key,
    clinic_id           text        not null,
    request_id          uuid        not null,
    assessment_id       uuid        not null references assessment (id),
    assessment_version  integer     not null,
    kind                text        not null,
    subject             text        not null,
    recipient_name      text        not null,
    recipient_address   text,
    template_customised boolean     not null,
    html                text        not null,
    html_sha256         text        not null,
    pdf                 bytea       not null,
    pdf_sha256          text        not null,
    created_by          text        not null,
    created_at          timestamptz not null,
    sent_on             date,
    sent_channel        text,
    sent_by             text,
    sent_at             timestamptz,
    row_version         bigint      not null default 0,
    constraint letter_sent_complete check ((sent_at is null) = (sent_on is null) and (sent_at is null) = (sent_channel is null))
);
create index letter_by_request on letter (clinic_id, request_id, created_at);

create function letter_locked() returns trigger language plpgsql as $$
begin
    if new.id <> old.id or new.clinic_id <> old.clinic_id or new.request_id <> old.request_id
        or new.assessment_id <> old.assessment_id or new.assessment_version <> old.assessment_version
        or new.kind <> old.kind or new.subject <> old.subject or new.recipient_name <> old.recipient_name
        or new.recipient_address is distinct from old.recipient_address or new.html <> old.html
        or new.html_sha256 <> old.html_sha256 or new.pdf <> old.pdf or new.pdf_sha256 <> old.pdf_sha256
        or new.created_by <> old.created_by or new.created_at <> old.created_at then
        raise exception 'a letter is kept as generated' using errcode = 'integrity_constraint_violation';
    end if;
    if old.sent_at is not null and (new.sent_at is distinct from old.sent_at or new.sent_on is distinct from old.sent_on
        or new.sent_channel is distinct from old.sent_channel or new.sent_by is distinct from old.sent_by) then
        raise exception 'a letter is marked sent once' using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;
create trigger letter_kept_as_generated before update on letter for each row execute function letter_locked();
create trigger letter_never_deleted before delete on letter for each row execute function refuse_change('letters are kept');

-- The review of a reviewable denial (164.524(a)(4), (d)(4); 171.201(e)): asked for once per signed assessment,
-- decided once by a licensed professional who took no part in the decision. Locked once decided.
create table assessment_review (
    id                 uuid        primary key,
    clinic_id          text        not null,
    request_id         uuid        not null,
    assessment_id      uuid        not null unique references assessment (id),
    assessment_version integer     not null,
    requested_on       date        not null,
    request_channel    text,
    requested_by       text        not null,
    requested_at       timestamptz not null,
    outcome            text,
    reasons            text,
    reviewer           text,
    decided_at         timestamptz,
    row_version        bigint      not null default 0,
    constraint review_decision_complete check ((decided_at is null) = (outcome is null)
        and (decided_at is null) = (reviewer is null) and (decided_at is null) = (reasons is null))
);

create function review_locked() returns trigger language plpgsql as $$
begin
    if old.decided_at is not null then
        raise exception 'a decided review is kept as decided' using errcode = 'integrity_constraint_violation';
    end if;
    if new.assessment_id <> old.assessment_id or new.requested_on <> old.requested_on
        or new.requested_by <> old.requested_by or new.requested_at <> old.requested_at then
        raise exception 'the review request is kept as made' using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;
create trigger review_kept_as_decided before update on assessment_review for each row execute function review_locked();
create trigger review_never_deleted before delete on assessment_review for each row execute function refuse_change('reviews are kept');
