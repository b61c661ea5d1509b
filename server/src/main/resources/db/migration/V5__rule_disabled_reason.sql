-- Why a rule is disabled when Vigil disabled it (for example: its check took too long on an event).
-- Null when a person disabled it or it is enabled.
alter table detection_rule add column disabled_reason text;
