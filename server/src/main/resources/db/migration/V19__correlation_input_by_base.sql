-- A temporal correlation's window needs each of its rules present: one probe per rule and stretch of
-- time tells whether a group's stretch can hold a satisfied window before its inputs are read. The same
-- index serves reads of a stretch over all rules (PostgreSQL 18 skips over the few bases), so it
-- replaces the (rule, group, time) index rather than adding a fourth index to every input written.
create index correlation_input_base on correlation_input (rule_id, group_id, base, event_time);
drop index correlation_input_window;
