-- Inputs a correlation rule gave up because it held more than vigil.correlation.max-state (issue 21):
-- shown on its health, and an alert to admins when it happens.
alter table correlation_health add column shed bigint not null default 0;
