-- Searches kept by name: personal, or shared with everyone who may search.
create table saved_search (
    id          uuid primary key,
    owner       text not null,
    owner_name  text not null,
    name        text not null,
    query       text not null,
    range_from  text not null,
    range_to    text not null,
    columns     text not null,
    shared      boolean not null default false,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (owner, name)
);
create index saved_search_shared on saved_search (shared) where shared;
