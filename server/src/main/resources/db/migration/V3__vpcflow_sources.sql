-- AWS VPC Flow Logs become a source type of their own.
alter table ingest_source drop constraint ingest_source_type_check;
alter table ingest_source add constraint ingest_source_type_check
    check (type in ('cloudtrail', 'syslog', 'json', 'vpcflow'));
