-- Correlation state (ADR 0020), shared by every replica. Times are epoch milliseconds of event time.
-- A group is known by a name-based UUID of its key (a JSON array of its values, which events make long).
create table correlation_group (
    rule_id         text   not null,
    group_id        uuid   not null,
    group_key       text   not null,
    -- windows ending at or before this are decided (waiting rules); the smallest bigint: none yet
    settled_through bigint not null default -9223372036854775808,
    primary key (rule_id, group_id)
);

-- Every input of a correlation: an event a correlated rule matched, or a window a chained one fired.
create table correlation_input (
    rule_id    text   not null,
    group_id   uuid   not null,
    base       int    not null,
    input_id   text   not null,
    event_time bigint not null,
    value      text,
    source     text,
    primary key (rule_id, group_id, base, input_id)
);
create index correlation_input_window on correlation_input (rule_id, group_id, event_time);
create index correlation_input_age on correlation_input (rule_id, event_time);

-- Windows fired, once each: the key turns two replicas' firings of one window into one.
create table correlation_window (
    rule_id      text    not null,
    group_id     uuid    not null,
    window_end   bigint  not null,
    window_start bigint  not null,
    value        numeric,
    size         int     not null,
    fired_at     timestamptz not null default now(),
    primary key (rule_id, group_id, window_end)
);

-- What each correlation rule did, for its health on the rule page and in the API.
create table correlation_health (
    rule_id       text primary key,
    inputs        bigint not null default 0,
    fired         bigint not null default 0,
    late_counted  bigint not null default 0,
    late_dropped  bigint not null default 0,
    ungrouped     bigint not null default 0,
    evicted       bigint not null default 0,
    newest_input  bigint,
    settled       bigint,
    updated       timestamptz not null default now()
);
