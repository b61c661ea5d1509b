-- Alerts: what needs an analyst now. One per episode of a rule and group, updated in place while it
-- repeats within the rule's suppression window (DESIGN.md §2, issue 21).
create table alert (
    id           uuid        primary key,
    rule_id      text        not null,
    rule_version int         not null,
    rule_title   text        not null,
    rule_level   text,
    -- 'single' for a detection rule, else the correlation type
    rule_kind    text        not null,
    group_id     uuid        not null,
    group_values jsonb       not null,
    first_event  timestamptz not null,
    last_event   timestamptz not null,
    -- how many times the rule fired into this alert (findings or windows)
    fired        int         not null default 1,
    events       int         not null default 0,
    state        text        not null default 'new',
    close_reason text,
    assignee     text,
    sources      text[]      not null,
    created      timestamptz not null,
    updated      timestamptz not null,
    updated_by   text
);
create index alert_open on alert (rule_id, group_id) where state <> 'closed';
create index alert_last on alert (last_event desc);
create index alert_state on alert (state, last_event desc);

-- The events behind an alert (a correlation's windows list up to 100 each).
create table alert_event (
    alert_id   uuid        not null references alert on delete cascade,
    event_id   text        not null,
    event_time timestamptz not null,
    source     text,
    primary key (alert_id, event_id)
);
