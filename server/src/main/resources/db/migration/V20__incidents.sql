-- Incidents: cases that handlers assign, work and close (DESIGN.md §4, issue 22). Every change is a
-- row of incident_change, the timeline; version counts changes to the incident's own fields, so a
-- handler whose page shows an older version is told what changed instead of overwriting it.
create table incident (
    id           bigint      generated always as identity primary key,
    title        text        not null,
    description  text        not null default '',
    severity     text        not null,
    type         text        not null,
    state        text        not null default 'new',
    assignee     text,
    resolution   text,
    summary      text,
    created      timestamptz not null,
    created_by   text        not null,
    updated      timestamptz not null,
    updated_by   text        not null,
    -- first time it left 'new' (time to acknowledge) and the last time it was resolved (time to resolve)
    acknowledged timestamptz,
    resolved     timestamptz,
    -- time to detect, in stages, for incidents opened from alerts: the earliest event behind its alerts,
    -- when that event reached Vigil, and when the first of its alerts was raised
    detected_event   timestamptz,
    detected_arrival timestamptz,
    detected_alert   timestamptz,
    version      int         not null default 1
);
create index incident_open on incident (state, updated desc);
create index incident_assignee on incident (assignee, state);

create table incident_watcher (
    incident_id bigint not null references incident on delete cascade,
    username    text   not null,
    primary key (incident_id, username)
);

-- An escalated alert names its incident.
alter table alert add column incident_id bigint references incident;
create index alert_incident on alert (incident_id) where incident_id is not null;

-- Events pinned to an incident as evidence.
create table incident_event (
    incident_id bigint      not null references incident on delete cascade,
    event_index text        not null,
    event_id    text        not null,
    event_time  timestamptz not null,
    source      text        not null,
    pinned      timestamptz not null,
    pinned_by   text        not null,
    primary key (incident_id, event_id)
);

-- IPs, users, access key ids, ARNs, hosts, domains and hashes of an incident; source is the data
-- source it was taken from (null when added by hand), so a reader outside that source's scope does
-- not see it.
create table incident_observable (
    id          bigint      generated always as identity primary key,
    incident_id bigint      not null references incident on delete cascade,
    kind        text        not null,
    value       text        not null,
    origin      text        not null,
    source      text,
    added       timestamptz not null,
    added_by    text        not null,
    unique (incident_id, kind, value)
);
create index incident_observable_value on incident_observable (kind, value);

create table incident_task (
    id          bigint      generated always as identity primary key,
    incident_id bigint      not null references incident on delete cascade,
    position    int         not null,
    title       text        not null,
    description text        not null default '',
    owner       text,
    state       text        not null default 'open',
    updated     timestamptz not null,
    updated_by  text        not null,
    -- a change names the version it saw, as for the incident itself
    version     int         not null default 1
);
create index incident_task_incident on incident_task (incident_id, position);

-- Comments in Markdown, rendered through a sanitizer when shown.
create table incident_comment (
    id          bigint      generated always as identity primary key,
    incident_id bigint      not null references incident on delete cascade,
    author      text        not null,
    created     timestamptz not null,
    body        text        not null
);
create index incident_comment_incident on incident_comment (incident_id, id);

create table incident_attachment (
    id           bigint      generated always as identity primary key,
    incident_id  bigint      not null references incident on delete cascade,
    name         text        not null,
    content_type text        not null,
    size         int         not null,
    sha256       text        not null,
    content      bytea       not null,
    added        timestamptz not null,
    added_by     text        not null
);
create index incident_attachment_incident on incident_attachment (incident_id);

-- The timeline: who changed what, when, from and to.
create table incident_change (
    id          bigint      generated always as identity primary key,
    incident_id bigint      not null references incident on delete cascade,
    at          timestamptz not null,
    actor       text        not null,
    kind        text        not null,
    from_value  text,
    to_value    text,
    -- the data sources (comma-separated) of the alert, event or observable the entry names: a reader
    -- outside them sees that something was added, not what
    sources     text,
    version     int         not null
);
create index incident_change_incident on incident_change (incident_id, id);

-- A playbook per incident type: the tasks a new incident of that type starts with.
create table playbook (
    type        text        primary key,
    title       text        not null,
    description text        not null default '',
    tasks       jsonb       not null,
    updated     timestamptz not null,
    updated_by  text        not null
);

-- Targets per severity: minutes to acknowledge and to resolve.
create table incident_sla (
    severity            text primary key,
    acknowledge_minutes int  not null,
    resolve_minutes     int  not null
);
insert into incident_sla values ('critical', 15, 240), ('high', 60, 1440), ('medium', 240, 4320),
    ('low', 1440, 10080);

-- Built-in playbooks (admins may edit them; a new incident copies its type's tasks).
insert into playbook (type, title, description, tasks, updated, updated_by) values
('compromised_access_key', 'Compromised AWS access key',
 'An access key is used by someone other than its owner.',
 '[{"title":"Identify the key, its owner and every call made with it","description":"Search CloudTrail for the access key id over the last 90 days."},
   {"title":"Deactivate the key","description":"IAM: set the key inactive; do not delete it before the investigation ends."},
   {"title":"List what the key created or changed","description":"Users, keys, roles, policies, instances, security groups."},
   {"title":"Revoke sessions issued with the key","description":"Attach an explicit deny for tokens issued before now."},
   {"title":"Rotate credentials of the owner and notify them","description":""},
   {"title":"Check billing and regions not normally used","description":""}]',
 now(), 'vigil'),
('console_takeover', 'Console account takeover',
 'Someone signed in to the AWS console as a user who was not them.',
 '[{"title":"Confirm with the user whether the sign-ins were theirs","description":""},
   {"title":"Reset the password and require MFA","description":""},
   {"title":"Review what the session did","description":"CloudTrail events of the user since the first suspicious sign-in."},
   {"title":"Remove anything the intruder created","description":"Users, access keys, login profiles, policies."}]',
 now(), 'vigil'),
('ssh_brute_force', 'SSH brute force',
 'Many failed SSH logins from one address, perhaps followed by a success.',
 '[{"title":"Check whether any login from the source succeeded","description":"Search sshd Accepted lines for the source IP."},
   {"title":"Block the source address","description":"Firewall or security group."},
   {"title":"If a login succeeded, isolate the host and review the session","description":"Commands run, sudo use, new keys in authorized_keys."},
   {"title":"Disable password authentication where possible","description":""}]',
 now(), 'vigil'),
('security_group_change', 'Unauthorized security group change',
 'A security group was opened (for example to 0.0.0.0/0) without a change request.',
 '[{"title":"Find who changed the group and from where","description":""},
   {"title":"Revert the rule","description":""},
   {"title":"Check traffic that reached the opened ports","description":"VPC flow logs for the group''s interfaces."},
   {"title":"Confirm with the owner of the identity","description":""}]',
 now(), 'vigil'),
('logging_disabled', 'Logging disabled',
 'CloudTrail or another log source was stopped or deleted.',
 '[{"title":"Turn logging back on","description":""},
   {"title":"Find who stopped it and what they did just before","description":""},
   {"title":"Look for the gap: what happened while logging was off","description":"Other sources: VPC flow logs, S3 access logs."},
   {"title":"Protect the trail","description":"SCP or permissions boundary denying StopLogging and DeleteTrail."}]',
 now(), 'vigil'),
('other', 'Other', 'Any other incident.',
 '[{"title":"Scope the incident","description":"What, who, since when."},
   {"title":"Contain","description":""},
   {"title":"Eradicate and recover","description":""},
   {"title":"Write the summary","description":""}]',
 now(), 'vigil');

-- Notices: what a notification says about something other than an alert (an incident assigned,
-- alerts escalated into one, an SLA target breached). They go through the channels as alerts do,
-- routed by level to channels that are not limited to some packs or rules.
create table notification_notice (
    id             uuid        primary key,
    kind           text        not null,
    level          text,
    title          text        not null,
    detail         text        not null,
    link           text        not null,
    created        timestamptz not null,
    notify_pending boolean     not null default true
);
create index notification_notice_pending on notification_notice (created) where notify_pending;
alter table notification_delivery alter column alert_id drop not null;
alter table notification_delivery add column notice_id uuid references notification_notice on delete cascade;
alter table notification_delivery add constraint notification_delivery_notice unique (channel_id, notice_id);
alter table notification_delivery add constraint notification_delivery_carries_one
    check ((alert_id is null) <> (notice_id is null));

-- An SLA breach is announced once per incident and target, by whichever replica sees it first.
create table incident_breach (
    incident_id bigint      not null references incident on delete cascade,
    target      text        not null,
    noticed     timestamptz not null,
    primary key (incident_id, target)
);
