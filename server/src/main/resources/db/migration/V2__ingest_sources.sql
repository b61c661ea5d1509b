-- Event sources: where events come from, who may see them (scope), how long they are kept, and
-- the hash of the one ingest token that may write to them. The token itself is never stored.
create table ingest_source (
    name             text primary key check (name ~ '^[a-z0-9][a-z0-9_-]{0,47}$'),
    type             text        not null check (type in ('cloudtrail', 'syslog', 'json')),
    scope            text        not null check (length(scope) between 1 and 100),
    retention_days   integer     not null check (retention_days between 1 and 3650),
    token_hash       text        not null unique,
    token_hint       text        not null,
    created_at       timestamptz not null default now(),
    created_by       text        not null,
    token_rotated_at timestamptz not null default now()
);
