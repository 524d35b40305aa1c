-- Deadline alerts (issue 6). Exactly one alert per (request, clock, threshold): decided by the
-- unique key in the database, so several replicas and restarts never alert twice.
alter table request_clock
    add column alerted_threshold integer not null default 0,
    -- when the clock crosses its next warning threshold (percent of the time allowed), or null
    add column next_alert_at     timestamptz;
create index request_clock_next_alert on request_clock (next_alert_at) where met_at is null and next_alert_at is not null;

create table deadline_alert (
    id           uuid primary key,
    clinic_id    text        not null,
    request_id   uuid        not null references ehi_request (id) on delete cascade,
    clock_kind   text        not null,
    clock_label  text        not null,
    threshold    integer     not null,   -- percent of the time allowed; 100 = overdue
    due_at       timestamptz not null,
    due_on       date        not null,
    raised_at    timestamptz not null,
    unique (request_id, clock_kind, threshold)
);
create index deadline_alert_clinic_raised on deadline_alert (clinic_id, raised_at desc, id);

-- Per supervisor: read state of their inbox
create table alert_read (
    alert_id   uuid        not null references deadline_alert (id) on delete cascade,
    clinic_id  text        not null,
    username   text        not null,
    read_at    timestamptz not null,
    primary key (alert_id, username)
);

-- Who gets alert mail in each clinic, and how: each alert, or one daily digest
create table alert_recipient (
    clinic_id  text        not null,
    username   text        not null,
    email      text        not null,
    delivery   text        not null,
    updated_at timestamptz not null,
    version    integer     not null default 0,
    primary key (clinic_id, username)
);

-- Mail waiting to go out: written in the alert's transaction, sent with retries and backoff,
-- so an SMTP outage delays mail and never loses it
create table alert_mail (
    id               uuid primary key,
    clinic_id        text        not null,
    recipient        text        not null,
    email            text        not null,
    subject          text        not null,
    body             text        not null,
    status           text        not null,   -- pending | sent | digest (held for the daily digest)
    alert_id         uuid references deadline_alert (id) on delete cascade,
    created_at       timestamptz not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    sent_at          timestamptz
);
create index alert_mail_due on alert_mail (next_attempt_at) where status = 'pending';
create index alert_mail_digest on alert_mail (clinic_id, recipient) where status = 'digest';
