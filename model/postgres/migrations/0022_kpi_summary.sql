-- MotCua migration 0022: the KPI summary (issue 9, Scale): the managers' figures read from a few thousand summary
-- rows instead of a GROUP BY over every dossier and its history (docs/performance.md, "KPI summary").
--
-- Three layers, each derived from the one before in the same transaction as the change that moves it:
--   kpi_dossier      one row per dossier: what model/kpi.h's DossierKpis needs of it, already judged (the bucket its
--                    end falls in, its processing minutes, from when it is overdue while open). Kept by triggers on
--                    the dossier and its history, pauses, outputs, attachments and rating, so that every writer (the
--                    server, the seeders, IT's scripts) keeps it current without knowing of it.
--   kpi_day          per (scope agency, procedure, local day): the additive counts of the dossiers of the scope's
--   kpi_month        subtree whose receipt, end, answer or entry into "overdue" fell on that day (or month). A
--                    dossier is counted under its own agency and each of its ancestors (kpi_scope), so that a
--                    subtree's figures are the rows of one scope agency. Kept by a trigger on kpi_dossier that adds
--                    the new row's contributions and takes away the old one's, deferred to commit so that the hot
--                    rows (the province's, today's) stay locked for as short a time as possible.
-- Pending and carried-over dossiers at an instant T are counted as prefix sums: received before T minus ended before
-- T, and entered "overdue" before T minus ended before T (a dossier's overdue state only ever turns on as time
-- passes: see kpi_dossier.overdue_from).
--
-- The processing minutes depend on the working calendar, which the server reads from its calendar file: kpi_calendar
-- holds the one the figures were computed with, and Store::Kpis recomputes everything (kpi_rebuild) when the server's
-- differs.

-- The working calendar the summary was computed with (model/working_calendar.h): one row.
CREATE TABLE kpi_calendar (
    id             boolean PRIMARY KEY DEFAULT true CONSTRAINT kpi_calendar_one_row CHECK (id),
    utc_offset     integer NOT NULL DEFAULT 25200,
    period_starts  integer[] NOT NULL DEFAULT '{420,810}',
    period_ends    integer[] NOT NULL DEFAULT '{690,1020}',
    days_off       date[] NOT NULL DEFAULT '{}',
    extra_workdays date[] NOT NULL DEFAULT '{}'
);
INSERT INTO kpi_calendar DEFAULT VALUES;

-- Every local day the figures may meet, with the working seconds of all days before it: the working time between
-- two instants is then a difference of two look-ups (kpi_working_seconds), whatever their distance.
CREATE TABLE kpi_workday (
    day            date PRIMARY KEY,
    working        boolean NOT NULL,
    seconds_before bigint NOT NULL
);

CREATE FUNCTION kpi_fill_workdays() RETURNS void
    LANGUAGE sql
AS $$
    DELETE FROM kpi_workday;
    INSERT INTO kpi_workday (day, working, seconds_before)
    SELECT day, working,
           coalesce(sum(CASE WHEN working THEN w.seconds ELSE 0 END)
                        OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
    FROM (SELECT CAST(g AS date) AS day,
                 CAST(g AS date) = ANY (c.extra_workdays)
                     OR (NOT CAST(g AS date) = ANY (c.days_off) AND extract(isodow FROM g) < 6) AS working
          FROM kpi_calendar c, generate_series(DATE '1990-01-01', DATE '2100-12-31', interval '1 day') g) d
    CROSS JOIN (SELECT sum(e - s) * 60 AS seconds FROM kpi_calendar, unnest(period_starts, period_ends) p(s, e)) w;
$$;
SELECT kpi_fill_workdays();

-- The working seconds from the first day of kpi_workday to `t` (numeric: timestamps keep their microseconds, as the
-- naive query's sums do). Outside 1990–2100: NULL.
CREATE FUNCTION kpi_working_seconds(t timestamptz) RETURNS numeric
    LANGUAGE sql STABLE
AS $$
    SELECT w.seconds_before
           + CASE WHEN w.working THEN (SELECT coalesce(sum(greatest(0, least(l.s, pe * 60) - ps * 60)), 0)
                                       FROM unnest(c.period_starts, c.period_ends) p(ps, pe))
                  ELSE 0 END
    FROM kpi_calendar c
    CROSS JOIN LATERAL (SELECT extract(epoch FROM t) + c.utc_offset AS e) x
    CROSS JOIN LATERAL (SELECT x.e - floor(x.e / 86400) * 86400 AS s, CAST(floor(x.e / 86400) AS integer) AS n) l
    JOIN kpi_workday w ON w.day = DATE '1970-01-01' + l.n
$$;

-- WorkingCalendar::WorkingTimeBetween in whole minutes (rounded down); zero when `b` is not after `a`.
CREATE FUNCTION kpi_working_minutes(a timestamptz, b timestamptz) RETURNS bigint
    LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN b > a THEN CAST(floor((kpi_working_seconds(b) - kpi_working_seconds(a)) / 60) AS bigint)
                ELSE 0 END
$$;

-- The local day of an instant at the calendar's offset.
CREATE FUNCTION kpi_local_day(t timestamptz) RETURNS date
    LANGUAGE sql STABLE
AS $$
    SELECT CAST(t AT TIME ZONE 'UTC' + make_interval(secs => utc_offset) AS date) FROM kpi_calendar
$$;

-- An agency and each of its ancestors, itself included: the scopes a dossier of `agency_id` counts in.
CREATE TABLE kpi_scope (
    agency_id bigint NOT NULL,
    scope_id  bigint NOT NULL,
    PRIMARY KEY (agency_id, scope_id)
);
CREATE INDEX kpi_scope_scope_idx ON kpi_scope (scope_id, agency_id);

CREATE FUNCTION kpi_fill_scopes() RETURNS void
    LANGUAGE sql
AS $$
    DELETE FROM kpi_scope;
    INSERT INTO kpi_scope (agency_id, scope_id)
    WITH RECURSIVE up (agency_id, scope_id) AS (
        SELECT id, id FROM agency
        UNION
        SELECT up.agency_id, a.parent_id FROM up JOIN agency a ON a.id = up.scope_id WHERE a.parent_id IS NOT NULL)
    SELECT agency_id, scope_id FROM up;
$$;
SELECT kpi_fill_scopes();

-- What model/kpi.h's DossierFacts holds, read as Store::KpisNaive reads it (the same definitions, for every dossier
-- or, filtered by dossier_id, for one: the filter reaches each subquery's index).
CREATE VIEW kpi_facts_source AS
SELECT d.id AS dossier_id, d.procedure_id,
       CASE WHEN e.dossier_id IS NULL THEN d.handling_agency_id
            ELSE coalesce(e.from_agency_id, d.handling_agency_id) END AS agency_id,
       d.receiving_agency_id, d.channel, d.received_at, e.end_at,
       coalesce(e.to_status IN (9, 10), false) AS with_result, d.outcome,
       coalesce(d.original_due_at, d.due_at) AS due_at, s.second_at, d.intake_due_at, a.answered_at,
       EXISTS (SELECT 1 FROM dossier_output o WHERE o.dossier_id = d.id AND o.kind = 7 AND o.revoked_at IS NULL)
           AS electronic,
       EXISTS (SELECT 1 FROM dossier_attachment t WHERE t.dossier_id = d.id) AS digitised,
       r.dossier_id IS NOT NULL AS rated, coalesce(0 = ANY (r.scores), false) AS negative
FROM dossier d
-- The first end of the processing: withdrawal asked (7), stopped (8), result ready (9), returned (10).
LEFT JOIN (SELECT DISTINCT ON (dossier_id) dossier_id, at AS end_at, to_status, from_agency_id FROM dossier_event
           WHERE to_status IN (7, 8, 9, 10) ORDER BY dossier_id, at, id) e ON e.dossier_id = d.id
-- The desk's first answer to an online submission: accept (2), supplement (3) or refuse (4) from New (1), awaiting
-- the intake check (1).
LEFT JOIN (SELECT DISTINCT ON (dossier_id) dossier_id, at AS answered_at FROM dossier_event
           WHERE from_status = 1 AND from_sub_state = 1 AND action IN (2, 3, 4) ORDER BY dossier_id, at, id) a
    ON a.dossier_id = d.id
-- The second supplement request (3) after appraisal (3).
LEFT JOIN (SELECT dossier_id, at AS second_at FROM (SELECT dossier_id, at, row_number() OVER
               (PARTITION BY dossier_id ORDER BY at, id) AS n FROM dossier_event
               WHERE action = 3 AND from_sub_state = 3) q WHERE n = 2) s ON s.dossier_id = d.id
LEFT JOIN dossier_rating r ON r.dossier_id = d.id;

-- One row per dossier, judged as model/kpi.h judges it.
CREATE TABLE kpi_dossier (
    dossier_id          bigint PRIMARY KEY,
    procedure_id        bigint NOT NULL,
    agency_id           bigint NOT NULL,  -- answerable for the processing (DossierFacts::agencyId)
    receiving_agency_id bigint NOT NULL,  -- answerable for the intake answer
    online              boolean NOT NULL,
    received_at         timestamptz,
    end_at              timestamptz,
    -- When ended: 0 early, 1 on time, 2 late (KpiFigures::resolvedEarly …), judged at the end.
    end_bucket          smallint,
    with_result         boolean NOT NULL,
    granted             boolean NOT NULL,  -- with a result, outcome grant
    processing_minutes  bigint NOT NULL,   -- when ended with a result (ProcessingMinutes)
    -- The dossier is late at an instant t (kpi.h: a second supplement request before t, or the judged instant after
    -- the appointment) exactly when t > overdue_from: the judged instant is t except inside a pause, where it is the
    -- pause's start, so the appointment is passed at t unless a pause that started by the appointment still holds;
    -- once late a dossier stays late. NULL: never (no appointment, or a pause started by the appointment still open).
    overdue_from        timestamptz,
    intake_answered_at  timestamptz,       -- an online submission's first answer by the desk (counted when not NULL)
    intake_late         boolean NOT NULL,
    electronic          boolean NOT NULL,
    digitised           boolean NOT NULL,
    rated               boolean NOT NULL,
    negative            boolean NOT NULL
);

-- The row kpi_dossier should hold for one dossier, from its sources, with its pauses.
CREATE FUNCTION kpi_judge(f kpi_facts_source) RETURNS kpi_dossier
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    k kpi_dossier;
    judged timestamptz;
    held_until timestamptz;
    held_open boolean;
BEGIN
    k.dossier_id := f.dossier_id;
    k.procedure_id := f.procedure_id;
    k.agency_id := f.agency_id;
    k.receiving_agency_id := f.receiving_agency_id;
    k.online := f.channel = 2;
    k.received_at := f.received_at;
    k.end_at := f.end_at;
    k.with_result := f.end_at IS NOT NULL AND f.with_result;
    k.granted := k.with_result AND f.outcome = 1;
    k.intake_answered_at := CASE WHEN f.intake_due_at IS NOT NULL THEN f.answered_at END;
    k.intake_late := coalesce(f.answered_at > f.intake_due_at, false);
    k.electronic := f.electronic;
    k.digitised := f.digitised;
    k.rated := f.rated;
    k.negative := f.rated AND f.negative;
    -- The pauses that started by the appointment hold the clock past it until the last of them ends.
    IF f.due_at IS NOT NULL THEN
        SELECT max(q.ended_at), bool_or(q.ended_at IS NULL) INTO held_until, held_open
        FROM dossier_pause q WHERE q.dossier_id = f.dossier_id AND q.started_at <= f.due_at;
        k.overdue_from := CASE WHEN coalesce(held_open, false) THEN NULL ELSE greatest(f.due_at, held_until) END;
    END IF;
    IF f.second_at IS NOT NULL THEN
        k.overdue_from := least(k.overdue_from, f.second_at);  -- least ignores NULL
    END IF;
    k.processing_minutes := 0;
    IF f.end_at IS NOT NULL THEN
        SELECT coalesce(min(q.started_at), f.end_at) INTO judged FROM dossier_pause q
        WHERE q.dossier_id = f.dossier_id AND q.started_at < f.end_at AND (q.ended_at IS NULL OR q.ended_at >= f.end_at);
        k.end_bucket := CASE WHEN f.end_at > k.overdue_from THEN 2
                             WHEN kpi_local_day(judged) < kpi_local_day(f.due_at) THEN 0
                             ELSE 1 END;
        IF k.with_result AND f.received_at IS NOT NULL THEN
            k.processing_minutes := kpi_working_minutes(f.received_at, f.end_at)
                - (SELECT coalesce(sum(kpi_working_minutes(greatest(q.started_at, f.received_at),
                                                           least(coalesce(q.ended_at, f.end_at), f.end_at))), 0)
                   FROM dossier_pause q WHERE q.dossier_id = f.dossier_id);
        END IF;
    END IF;
    RETURN k;
END
$$;

-- A dossier's contributions to the summary: (agency, day, counts) for its receipt, its end, its entry into and
-- exit from "overdue while open", and the desk's intake answer. `p_sign` is +1 to add, -1 to take away.
CREATE FUNCTION kpi_contributions(k kpi_dossier, p_sign integer)
    RETURNS TABLE (agency_id bigint, procedure_id bigint, day date, received_online bigint,
                   received_in_person bigint, closed bigint, overdue_in bigint, overdue_out bigint,
                   resolved_early bigint, resolved_on_time bigint, resolved_late bigint,
                   resolved_with_result bigint, processing_minutes bigint, intake_answered bigint,
                   intake_late bigint, results_granted bigint, electronic_results bigint,
                   digitised_with_electronic bigint, rated bigint, negative_ratings bigint)
    LANGUAGE sql STABLE
AS $$
    WITH d AS (SELECT kpi_local_day(k.received_at) AS received, kpi_local_day(k.end_at) AS ended,
                      kpi_local_day(k.overdue_from) AS overdue, kpi_local_day(k.intake_answered_at) AS answered),
         o AS (SELECT greatest(d.received, d.overdue) AS entered FROM d)
    SELECT k.agency_id, k.procedure_id, d.received, CAST(p_sign * (k.online)::int AS bigint),
           CAST(p_sign * (NOT k.online)::int AS bigint), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM d WHERE k.received_at IS NOT NULL
    UNION ALL
    SELECT k.agency_id, k.procedure_id, d.ended, 0, 0, p_sign, 0, 0, p_sign * (k.end_bucket = 0)::int,
           p_sign * (k.end_bucket = 1)::int, p_sign * (k.end_bucket = 2)::int, p_sign * k.with_result::int,
           p_sign * k.processing_minutes, 0, 0, p_sign * k.granted::int, p_sign * (k.granted AND k.electronic)::int,
           p_sign * (k.granted AND k.electronic AND k.digitised)::int, p_sign * k.rated::int,
           p_sign * (k.rated AND k.negative)::int
    FROM d WHERE k.received_at IS NOT NULL AND k.end_at IS NOT NULL
    UNION ALL
    SELECT k.agency_id, k.procedure_id, o.entered, 0, 0, 0, p_sign, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM o WHERE k.received_at IS NOT NULL AND k.overdue_from IS NOT NULL
    UNION ALL
    SELECT k.agency_id, k.procedure_id, greatest(o.entered, d.ended), 0, 0, 0, 0, p_sign, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           0, 0, 0
    FROM d, o WHERE k.received_at IS NOT NULL AND k.overdue_from IS NOT NULL AND k.end_at IS NOT NULL
    UNION ALL
    SELECT k.receiving_agency_id, k.procedure_id, d.answered, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, p_sign,
           p_sign * k.intake_late::int, 0, 0, 0, 0, 0
    FROM d WHERE k.intake_answered_at IS NOT NULL
$$;

-- The counts per scope agency, procedure and local day, then per month (the first day of the month).
CREATE TABLE kpi_day (
    scope_id                  bigint NOT NULL,
    procedure_id              bigint NOT NULL,
    day                       date NOT NULL,
    received_online           bigint NOT NULL DEFAULT 0,
    received_in_person        bigint NOT NULL DEFAULT 0,
    closed                    bigint NOT NULL DEFAULT 0,  -- received dossiers that ended this day
    overdue_in                bigint NOT NULL DEFAULT 0,  -- received dossiers that became overdue this day
    overdue_out               bigint NOT NULL DEFAULT 0,  -- … and those of them that ended this day
    resolved_early            bigint NOT NULL DEFAULT 0,
    resolved_on_time          bigint NOT NULL DEFAULT 0,
    resolved_late             bigint NOT NULL DEFAULT 0,
    resolved_with_result      bigint NOT NULL DEFAULT 0,
    processing_minutes        bigint NOT NULL DEFAULT 0,
    intake_answered           bigint NOT NULL DEFAULT 0,
    intake_late               bigint NOT NULL DEFAULT 0,
    results_granted           bigint NOT NULL DEFAULT 0,
    electronic_results        bigint NOT NULL DEFAULT 0,
    digitised_with_electronic bigint NOT NULL DEFAULT 0,
    rated                     bigint NOT NULL DEFAULT 0,
    negative_ratings          bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (scope_id, day, procedure_id)
);
CREATE TABLE kpi_month (LIKE kpi_day INCLUDING DEFAULTS);
ALTER TABLE kpi_month RENAME COLUMN day TO month;
ALTER TABLE kpi_month ADD PRIMARY KEY (scope_id, month, procedure_id);

-- Adds `p_sign` times a kpi_dossier row's contributions to every scope of its agencies, in key order (two
-- transactions adding to the same rows then wait for each other rather than deadlock). The two statements differ
-- only in their table and bucket: written out, they are planned once per session, where EXECUTE format(…) would plan
-- them at every change.
CREATE FUNCTION kpi_add(k kpi_dossier, p_sign integer) RETURNS void
    LANGUAGE sql
AS $$
    INSERT INTO kpi_day AS t
    SELECT s.scope_id, c.procedure_id, c.day, sum(c.received_online), sum(c.received_in_person), sum(c.closed),
           sum(c.overdue_in), sum(c.overdue_out), sum(c.resolved_early), sum(c.resolved_on_time),
           sum(c.resolved_late), sum(c.resolved_with_result), sum(c.processing_minutes), sum(c.intake_answered),
           sum(c.intake_late), sum(c.results_granted), sum(c.electronic_results), sum(c.digitised_with_electronic),
           sum(c.rated), sum(c.negative_ratings)
    FROM kpi_contributions(k, p_sign) c JOIN kpi_scope s ON s.agency_id = c.agency_id
    GROUP BY 1, 2, 3 ORDER BY 1, 3, 2
    ON CONFLICT (scope_id, day, procedure_id) DO UPDATE SET
        received_online = t.received_online + excluded.received_online,
        received_in_person = t.received_in_person + excluded.received_in_person,
        closed = t.closed + excluded.closed, overdue_in = t.overdue_in + excluded.overdue_in,
        overdue_out = t.overdue_out + excluded.overdue_out, resolved_early = t.resolved_early + excluded.resolved_early,
        resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
        resolved_late = t.resolved_late + excluded.resolved_late,
        resolved_with_result = t.resolved_with_result + excluded.resolved_with_result,
        processing_minutes = t.processing_minutes + excluded.processing_minutes,
        intake_answered = t.intake_answered + excluded.intake_answered,
        intake_late = t.intake_late + excluded.intake_late,
        results_granted = t.results_granted + excluded.results_granted,
        electronic_results = t.electronic_results + excluded.electronic_results,
        digitised_with_electronic = t.digitised_with_electronic + excluded.digitised_with_electronic,
        rated = t.rated + excluded.rated, negative_ratings = t.negative_ratings + excluded.negative_ratings;
    INSERT INTO kpi_month AS t
    SELECT s.scope_id, c.procedure_id, CAST(date_trunc('month', c.day) AS date), sum(c.received_online),
           sum(c.received_in_person), sum(c.closed), sum(c.overdue_in), sum(c.overdue_out), sum(c.resolved_early),
           sum(c.resolved_on_time), sum(c.resolved_late), sum(c.resolved_with_result), sum(c.processing_minutes),
           sum(c.intake_answered), sum(c.intake_late), sum(c.results_granted), sum(c.electronic_results),
           sum(c.digitised_with_electronic), sum(c.rated), sum(c.negative_ratings)
    FROM kpi_contributions(k, p_sign) c JOIN kpi_scope s ON s.agency_id = c.agency_id
    GROUP BY 1, 2, 3 ORDER BY 1, 3, 2
    ON CONFLICT (scope_id, month, procedure_id) DO UPDATE SET
        received_online = t.received_online + excluded.received_online,
        received_in_person = t.received_in_person + excluded.received_in_person,
        closed = t.closed + excluded.closed, overdue_in = t.overdue_in + excluded.overdue_in,
        overdue_out = t.overdue_out + excluded.overdue_out, resolved_early = t.resolved_early + excluded.resolved_early,
        resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
        resolved_late = t.resolved_late + excluded.resolved_late,
        resolved_with_result = t.resolved_with_result + excluded.resolved_with_result,
        processing_minutes = t.processing_minutes + excluded.processing_minutes,
        intake_answered = t.intake_answered + excluded.intake_answered,
        intake_late = t.intake_late + excluded.intake_late,
        results_granted = t.results_granted + excluded.results_granted,
        electronic_results = t.electronic_results + excluded.electronic_results,
        digitised_with_electronic = t.digitised_with_electronic + excluded.digitised_with_electronic,
        rated = t.rated + excluded.rated, negative_ratings = t.negative_ratings + excluded.negative_ratings;
$$;

CREATE FUNCTION kpi_dossier_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM kpi_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM kpi_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER kpi_dossier_summary AFTER INSERT OR UPDATE OR DELETE ON kpi_dossier
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kpi_dossier_changed();

-- Brings one dossier's kpi_dossier row up to date. The dossier row is locked first (the lock a status change holds
-- anyway), and only then are the sources read: under READ COMMITTED that read sees every change committed by a
-- transaction that refreshed the same dossier before, so that the last refresh always computes from everything (a
-- rating arriving during a transition cannot be lost).
CREATE FUNCTION kpi_refresh(p_dossier_id bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
    k kpi_dossier;
BEGIN
    PERFORM 1 FROM dossier WHERE id = p_dossier_id FOR NO KEY UPDATE;
    SELECT j.* INTO k FROM kpi_facts_source f CROSS JOIN LATERAL kpi_judge(f) j WHERE f.dossier_id = p_dossier_id;
    IF k.dossier_id IS NULL THEN
        DELETE FROM kpi_dossier WHERE dossier_id = p_dossier_id;
        RETURN;
    END IF;
    INSERT INTO kpi_dossier AS t VALUES (k.*)
    ON CONFLICT (dossier_id) DO UPDATE SET
        procedure_id = excluded.procedure_id, agency_id = excluded.agency_id,
        receiving_agency_id = excluded.receiving_agency_id, online = excluded.online,
        received_at = excluded.received_at, end_at = excluded.end_at, end_bucket = excluded.end_bucket,
        with_result = excluded.with_result, granted = excluded.granted,
        processing_minutes = excluded.processing_minutes, overdue_from = excluded.overdue_from,
        intake_answered_at = excluded.intake_answered_at, intake_late = excluded.intake_late,
        electronic = excluded.electronic, digitised = excluded.digitised, rated = excluded.rated,
        negative = excluded.negative
    WHERE (t.*) IS DISTINCT FROM (excluded.*);
END
$$;

CREATE FUNCTION kpi_source_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_TABLE_NAME = 'dossier' THEN
        PERFORM kpi_refresh(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM kpi_refresh(OLD.dossier_id);
    ELSE
        PERFORM kpi_refresh(NEW.dossier_id);
        IF TG_OP = 'UPDATE' AND OLD.dossier_id <> NEW.dossier_id THEN
            PERFORM kpi_refresh(OLD.dossier_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
-- A dossier update touches the figures only through these columns (a claim or a version bump does not).
CREATE TRIGGER kpi_dossier_inserted AFTER INSERT OR DELETE ON dossier FOR EACH ROW EXECUTE FUNCTION kpi_source_changed();
CREATE TRIGGER kpi_dossier_updated AFTER UPDATE ON dossier FOR EACH ROW
    WHEN (OLD.procedure_id IS DISTINCT FROM NEW.procedure_id
          OR OLD.handling_agency_id IS DISTINCT FROM NEW.handling_agency_id
          OR OLD.receiving_agency_id IS DISTINCT FROM NEW.receiving_agency_id
          OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.received_at IS DISTINCT FROM NEW.received_at
          OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.original_due_at IS DISTINCT FROM NEW.original_due_at
          OR OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD.intake_due_at IS DISTINCT FROM NEW.intake_due_at)
    EXECUTE FUNCTION kpi_source_changed();
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['dossier_event', 'dossier_pause', 'dossier_output', 'dossier_attachment', 'dossier_rating']
    LOOP
        EXECUTE format('CREATE TRIGGER kpi_%s_changed AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW'
                       ' EXECUTE FUNCTION kpi_source_changed()', t, t);
    END LOOP;
END
$$;

-- Everything recomputed at once, without the row triggers: the backfill below, a new calendar (kpi_set_calendar), a
-- moved agency.
CREATE FUNCTION kpi_rebuild() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    LOCK TABLE kpi_dossier, kpi_day, kpi_month IN EXCLUSIVE MODE;
    PERFORM kpi_fill_workdays();
    PERFORM kpi_fill_scopes();
    ALTER TABLE kpi_dossier DISABLE TRIGGER kpi_dossier_summary;
    TRUNCATE kpi_dossier, kpi_day, kpi_month;
    INSERT INTO kpi_dossier SELECT j.* FROM kpi_facts_source f CROSS JOIN LATERAL kpi_judge(f) j;
    ALTER TABLE kpi_dossier ENABLE TRIGGER kpi_dossier_summary;
    INSERT INTO kpi_day
    SELECT s.scope_id, c.procedure_id, c.day, sum(c.received_online), sum(c.received_in_person), sum(c.closed),
           sum(c.overdue_in), sum(c.overdue_out), sum(c.resolved_early), sum(c.resolved_on_time),
           sum(c.resolved_late), sum(c.resolved_with_result), sum(c.processing_minutes), sum(c.intake_answered),
           sum(c.intake_late), sum(c.results_granted), sum(c.electronic_results), sum(c.digitised_with_electronic),
           sum(c.rated), sum(c.negative_ratings)
    FROM kpi_dossier k CROSS JOIN LATERAL kpi_contributions(k, 1) c JOIN kpi_scope s ON s.agency_id = c.agency_id
    GROUP BY 1, 2, 3 ORDER BY 1, 3, 2;  -- in key order: a subtree's rows then sit on few pages
    INSERT INTO kpi_month
    SELECT scope_id, procedure_id, CAST(date_trunc('month', day) AS date), sum(received_online),
           sum(received_in_person), sum(closed), sum(overdue_in), sum(overdue_out), sum(resolved_early),
           sum(resolved_on_time), sum(resolved_late), sum(resolved_with_result), sum(processing_minutes),
           sum(intake_answered), sum(intake_late), sum(results_granted), sum(electronic_results),
           sum(digitised_with_electronic), sum(rated), sum(negative_ratings)
    FROM kpi_day GROUP BY 1, 2, 3 ORDER BY 1, 3, 2;
    ANALYZE kpi_dossier;
    ANALYZE kpi_day;
    ANALYZE kpi_month;
END
$$;

-- The server's calendar (Store::Kpis): when it differs from the one the summary was computed with, the summary is
-- recomputed with it. Returns whether it was.
CREATE FUNCTION kpi_set_calendar(p_utc_offset integer, p_starts integer[], p_ends integer[], p_days_off date[],
                                 p_extra date[]) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    UPDATE kpi_calendar SET utc_offset = p_utc_offset, period_starts = p_starts, period_ends = p_ends,
                            days_off = p_days_off, extra_workdays = p_extra
    WHERE (utc_offset, period_starts, period_ends, days_off, extra_workdays)
          IS DISTINCT FROM (p_utc_offset, p_starts, p_ends, p_days_off, p_extra);
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM kpi_rebuild();
    RETURN true;
END
$$;

-- A new agency has no dossier yet: its scopes suffice. A moved one changes the subtrees: everything is recounted.
CREATE FUNCTION kpi_agency_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM kpi_fill_scopes();
    ELSIF OLD.parent_id IS DISTINCT FROM NEW.parent_id THEN
        PERFORM kpi_rebuild();
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER kpi_agency_changed AFTER INSERT OR UPDATE OF parent_id ON agency FOR EACH ROW
    EXECUTE FUNCTION kpi_agency_changed();

-- The second wall: a staff request reads the summary of its own agencies' scopes only; nobody but the triggers
-- (running as the owner) writes it.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['kpi_day', 'kpi_month']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING ((SELECT motcua_scope_all())'
                       ' OR scope_id = ANY (CAST((SELECT motcua_scope_agencies()) AS bigint[])))', t || '_read', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['kpi_dossier', 'kpi_calendar', 'kpi_workday', 'kpi_scope']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING ((SELECT motcua_scope_all()))', t || '_read', t);
    END LOOP;
END
$$;

-- The summary is filled once, by migration 0024.
