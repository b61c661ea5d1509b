-- Notifications (issue 21): channels an alert is sent to when it opens, and the deliveries that carry it
-- there, retried with back-off. Every replica sends: rows are claimed with FOR UPDATE SKIP LOCKED.
create table notification_channel (
    id           uuid        primary key,
    name         text        not null unique,
    -- webhook (a generic JSON body), slack (a Slack-compatible incoming webhook) or email (SMTP)
    kind         text        not null,
    -- webhook and slack: the URL, which is a secret (it carries the token); never shown once written
    url          text,
    -- email: recipients, the sender and the SMTP server; the password is write-only as the URL is
    recipients   text[]      not null default '{}',
    sender       text,
    smtp_host    text,
    smtp_port    int,
    -- none, starttls or tls
    smtp_tls     text,
    smtp_user    text,
    smtp_password text,
    -- which alerts: the lowest level (null: any), packs and rules (empty: any); all that are set must match
    min_level    text,
    packs        text[]      not null default '{}',
    rules        text[]      not null default '{}',
    -- throttle: at most this many messages a minute; alerts beyond it wait and go out together in one message
    per_minute   int         not null default 10,
    enabled      boolean     not null default true,
    window_start timestamptz,
    window_sent  int         not null default 0,
    last_sent    timestamptz,
    last_error   text,
    last_error_at timestamptz,
    created      timestamptz not null,
    updated      timestamptz not null,
    updated_by   text
);

create table notification_delivery (
    id           uuid        primary key,
    channel_id   uuid        not null references notification_channel on delete cascade,
    alert_id     uuid        not null references alert on delete cascade,
    -- pending, sent or failed (gave up after the last attempt; an admin can retry it)
    state        text        not null default 'pending',
    attempts     int         not null default 0,
    next_attempt timestamptz not null,
    last_error   text,
    created      timestamptz not null,
    sent         timestamptz,
    unique (channel_id, alert_id)
);
create index notification_due on notification_delivery (channel_id, next_attempt) where state = 'pending';
create index notification_failed on notification_delivery (channel_id, created desc) where state = 'failed';

-- Alerts opened from now on wait to be routed to channels once; those raised before notifications existed
-- are not sent.
alter table alert add column notify_pending boolean not null default false;
alter table alert alter column notify_pending set default true;
create index alert_notify on alert (created) where notify_pending;
