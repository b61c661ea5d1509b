-- A rule's logsource and tags as columns, so the rules list filters by them and can say which enabled
-- rules have no events behind them. Rules stored before this are filled in by RuleFacts (facts = 0).
alter table detection_rule
    add column logsource_product  text,
    add column logsource_service  text,
    add column logsource_category text,
    add column tags               text not null default '',
    add column facts              int  not null default 0;

-- The logsources (product, service, category; '' for none) detection has seen events of, and when last:
-- written by every replica, so "has data" is the same on all of them.
create table logsource_seen (
    product   text not null,
    service   text not null,
    category  text not null,
    last_seen timestamptz not null,
    primary key (product, service, category)
);
