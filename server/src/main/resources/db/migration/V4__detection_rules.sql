-- Detection rules (Sigma), in packs. A rule's current YAML is in detection_rule; every change,
-- including the first import, is kept in detection_rule_version.
create table rule_pack (
    name        text primary key check (name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    title       text        not null,
    builtin     boolean     not null default false,
    enabled     boolean     not null default true,
    created_at  timestamptz not null default now()
);

create table detection_rule (
    id          text primary key check (length(id) between 1 and 100),
    pack        text        not null references rule_pack (name) on delete cascade,
    kind        text        not null check (kind in ('rule', 'filter', 'correlation')),
    title       text        not null,
    level       text,
    status      text,
    enabled     boolean     not null default true,
    version     integer     not null check (version >= 1),
    yaml        text        not null,
    updated_at  timestamptz not null default now(),
    updated_by  text        not null
);

create index detection_rule_pack on detection_rule (pack);

create table detection_rule_version (
    rule_id     text        not null references detection_rule (id) on delete cascade,
    version     integer     not null,
    yaml        text        not null,
    enabled     boolean     not null,
    change      text        not null,
    changed_at  timestamptz not null default now(),
    changed_by  text        not null,
    primary key (rule_id, version)
);
