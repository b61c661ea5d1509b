-- People who have signed in to Vigil: the directory later features pick assignees and owners from.
-- Identity stays in Keycloak; this keeps the subject, the names last seen and when.
create table vigil_user (
    subject      text primary key,
    username     text        not null,
    display_name text        not null,
    email        text,
    roles        text[]      not null default '{}',
    first_seen   timestamptz not null default now(),
    last_seen    timestamptz not null default now()
);

create index vigil_user_username on vigil_user (username);
