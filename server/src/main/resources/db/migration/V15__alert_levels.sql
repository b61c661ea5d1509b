-- Which findings of a rule raise alerts: a level (findings at or above it alert) or 'never'; on a rule,
-- else on its pack, else the server's vigil.alerts.level (issue 21).
alter table detection_rule add column alert_level text;
alter table rule_pack add column alert_level text;
