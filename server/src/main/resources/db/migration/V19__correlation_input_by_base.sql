-- A temporal correlation's window needs each of its rules present: one probe per rule and interval
-- tells whether a group's stretch of time can hold a satisfied window before its inputs are read.
create index correlation_input_base on correlation_input (rule_id, group_id, base, event_time);
