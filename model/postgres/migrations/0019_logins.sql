-- MotCua migration 0019: logins and sessions (issue 8). Failed sign-ins counted per username, idle sessions, and an
-- optional second factor (TOTP, RFC 6238) per staff member. The rules (how many failures, how long a lock, how long
-- idle) are the server's; these tables only hold what it decided.

-- Failures in a row per username as typed, whether or not such a staff member exists: probing unknown names gets the
-- same answers as guessing a real one's password. Keyed by the text itself (no foreign key) for that reason; the
-- server's housekeeping deletes rows whose lock and last failure are long past.
CREATE TABLE login_throttle (
    username        text PRIMARY KEY CONSTRAINT login_throttle_username_not_empty CHECK (username <> ''),
    failures        integer NOT NULL CONSTRAINT login_throttle_failures_positive CHECK (failures > 0),
    locked_until    timestamptz,
    last_failure_at timestamptz NOT NULL
);

-- When the session last served a request (the server writes it at most once a minute per session, so the hot path
-- stays a read). No index: updating an indexed column would stop the row's updates from being HOT, and housekeeping
-- reads the few thousand session rows whole anyway. The server always writes it from its own clock; the default only
-- serves rows written by hand (the benchmarks).
ALTER TABLE staff_session ADD COLUMN last_seen_at timestamptz;
UPDATE staff_session SET last_seen_at = created_at;
ALTER TABLE staff_session ALTER COLUMN last_seen_at SET NOT NULL, ALTER COLUMN last_seen_at SET DEFAULT now();

-- The second factor. `secret` is the confirmed one that sign-in asks for, `pending` one being enrolled (sign-in does
-- not ask for it until it is confirmed with a valid code); both are sealed by the server (AES-256-GCM under the
-- client key), never stored in clear. `last_step` is the 30-second step of the last code accepted: a code of that
-- step or an earlier one is refused, so a code seen over a shoulder cannot be used again.
CREATE TABLE staff_totp (
    staff_id  bigint PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
    secret    bytea,
    pending   bytea,
    last_step bigint NOT NULL DEFAULT 0
);
