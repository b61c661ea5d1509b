-- How long after an alert's events a firing of the same rule and group still extends it, set on a rule,
-- else on its pack, else the server's vigil.alerts.suppression (issue 21). Text as "30m", "2h", "1d".
alter table detection_rule add column alert_suppression text;
alter table rule_pack add column alert_suppression text;
