-- What each console user chose for the lists (column widths, sort order): one JSON object per user,
-- kept here rather than in the browser so it follows the user to any browser and every replica.
create table user_preferences (
    subject    text primary key,
    prefs      jsonb not null,
    updated_at timestamptz not null
);
