-- A rule's Sigma name: correlations refer to rules by id or by name. Filled on save; rules stored before
-- are filled by RuleFacts (facts below 2).
alter table detection_rule add column name text;
create index detection_rule_name on detection_rule (name) where name is not null;
