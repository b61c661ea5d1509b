-- Browser sessions, kept on the server (ADR 0016): the session cookie holds only a random id, whose
-- SHA-256 is the key here, so signing out ends the session for a copied cookie too, every replica
-- sees it, and Keycloak's back-channel logout can end it by its Keycloak session id (sid).
create table console_session (
    id_hash           text primary key,
    id_token          text not null,
    access_token      text,
    refresh_token     text,
    access_expires_in bigint,
    access_scope      text,
    sid               text,
    subject           text,
    created_at        timestamptz not null,
    last_used_at      timestamptz not null,
    superseded_at     timestamptz
);
create index console_session_sid on console_session (sid);
create index console_session_subject on console_session (subject);
