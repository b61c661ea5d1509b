-- A source's events may skip detection (a noisy debug source, a benchmark's baseline): on by default.
alter table ingest_source add column detection boolean not null default true;
