-- The data scopes of a shared search's author when saved (comma-separated; NULL: the author named
-- none). A shared search is listed only to users who may read at least what its author could, so its
-- name and query never reach someone outside the author's scopes (issue 19).
alter table saved_search add column owner_scopes text;
