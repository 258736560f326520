-- MotCua migration 0024: the summary's triggers at the citizen door's pace, and its recount at ten million dossiers.
--
-- Planned once per session. PostgreSQL 15 plans the statements of a LANGUAGE sql function at every call from a
-- trigger (its plan lives only as long as the calling expression), while PL/pgSQL keeps its plans for the session.
-- kpi_add's three upserts were planned twice per dossier changed, and kpi_local_day (which reads kpi_calendar, so is
-- never inlined) once per contribution and bucket: 2.6 of the 5.7 ms a submission's transaction took. The same for
-- motcua_audit (every history row) and kpi_working_seconds (every ended dossier). Same signatures, same answers.
--
-- The recount in bounded memory. 0023 added every dossier's contributions up per agency, procedure and day and then
-- per scope in one statement: at ten million dossiers its hash tables outgrew memory (more than 8 GB spilled, the
-- statement cancelled after 20 minutes). Now each agency's own counts are sorted and summed into a temporary table
-- first, then every scope sums its subtree's rows alone (its days, then its months from those days, its years from
-- those months), so no statement holds more groups than one scope has.
--
-- The fills of 0022 and 0023 (kpi_rebuild at their end) are left to this one: migrating a large database from before
-- 0022 judged every dossier three times over (four hours at ten million for 0022's row-by-row fill). Their files no
-- longer call it; model/postgres/migrate.cpp accepts their earlier checksums (a database that applied them has the
-- summary already, and this migration recounts it).

CREATE OR REPLACE FUNCTION kpi_local_day(t timestamptz) RETURNS date
    LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN (SELECT CAST(t AT TIME ZONE 'UTC' + make_interval(secs => utc_offset) AS date) FROM kpi_calendar);
END
$$;

CREATE OR REPLACE FUNCTION kpi_working_seconds(t timestamptz) RETURNS numeric
    LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN (SELECT w.seconds_before
                   + CASE WHEN w.working THEN (SELECT coalesce(sum(greatest(0, least(l.s, pe * 60) - ps * 60)), 0)
                                               FROM unnest(c.period_starts, c.period_ends) p(ps, pe))
                          ELSE 0 END
            FROM kpi_calendar c
            CROSS JOIN LATERAL (SELECT extract(epoch FROM t) + c.utc_offset AS e) x
            CROSS JOIN LATERAL (SELECT x.e - floor(x.e / 86400) * 86400 AS s,
                                       CAST(floor(x.e / 86400) AS integer) AS n) l
            JOIN kpi_workday w ON w.day = DATE '1970-01-01' + l.n);
END
$$;

CREATE OR REPLACE FUNCTION motcua_audit(p_at timestamptz, p_action text, p_dossier_id bigint, p_document_id bigint,
                                        p_detail text, p_staff_id bigint DEFAULT NULL, p_role smallint DEFAULT NULL)
    RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO audit_event (at, actor_kind, staff_id, delegator_id, role, agency_id, client_id, client_address,
                             action, dossier_id, document_id, detail)
    SELECT p_at, CAST(motcua_actor_id('kind') AS smallint), coalesce(p_staff_id, motcua_actor_id('staff')),
           motcua_actor_id('delegator'), coalesce(p_role, CAST(motcua_actor_id('role') AS smallint)),
           motcua_actor_id('agency'), motcua_actor_id('client'),
           coalesce(current_setting('motcua.actor_address', true), ''), p_action, p_dossier_id, p_document_id,
           p_detail
     WHERE motcua_actor_id('kind') IS NOT NULL;
END
$$;

-- As in 0023, in PL/pgSQL.
CREATE OR REPLACE FUNCTION kpi_add(k kpi_dossier, p_sign integer) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO kpi_day AS t
    SELECT s.scope_id, c.procedure_id, c.day,
           sum(c.received_online), sum(c.received_in_person), sum(c.closed), sum(c.overdue_in), sum(c.overdue_out),
           sum(c.resolved_early), sum(c.resolved_on_time), sum(c.resolved_late), sum(c.resolved_with_result),
           sum(c.processing_minutes), sum(c.intake_answered), sum(c.intake_late), sum(c.results_granted),
           sum(c.electronic_results), sum(c.digitised_with_electronic), sum(c.rated), sum(c.negative_ratings)
    FROM kpi_contributions(k, p_sign) c JOIN kpi_scope s ON s.agency_id = c.agency_id
    GROUP BY 1, 2, 3 ORDER BY 1, 3, 2
    ON CONFLICT (scope_id, day, procedure_id) DO UPDATE SET
        received_online = t.received_online + excluded.received_online,
        received_in_person = t.received_in_person + excluded.received_in_person,
        closed = t.closed + excluded.closed,
        overdue_in = t.overdue_in + excluded.overdue_in,
        overdue_out = t.overdue_out + excluded.overdue_out,
        resolved_early = t.resolved_early + excluded.resolved_early,
        resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
        resolved_late = t.resolved_late + excluded.resolved_late,
        resolved_with_result = t.resolved_with_result + excluded.resolved_with_result,
        processing_minutes = t.processing_minutes + excluded.processing_minutes,
        intake_answered = t.intake_answered + excluded.intake_answered,
        intake_late = t.intake_late + excluded.intake_late,
        results_granted = t.results_granted + excluded.results_granted,
        electronic_results = t.electronic_results + excluded.electronic_results,
        digitised_with_electronic = t.digitised_with_electronic + excluded.digitised_with_electronic,
        rated = t.rated + excluded.rated,
        negative_ratings = t.negative_ratings + excluded.negative_ratings;
    INSERT INTO kpi_month AS t
    SELECT s.scope_id, c.procedure_id, CAST(date_trunc('month', c.day) AS date),
           sum(c.received_online), sum(c.received_in_person), sum(c.closed), sum(c.overdue_in), sum(c.overdue_out),
           sum(c.resolved_early), sum(c.resolved_on_time), sum(c.resolved_late), sum(c.resolved_with_result),
           sum(c.processing_minutes), sum(c.intake_answered), sum(c.intake_late), sum(c.results_granted),
           sum(c.electronic_results), sum(c.digitised_with_electronic), sum(c.rated), sum(c.negative_ratings)
    FROM kpi_contributions(k, p_sign) c JOIN kpi_scope s ON s.agency_id = c.agency_id
    GROUP BY 1, 2, 3 ORDER BY 1, 3, 2
    ON CONFLICT (scope_id, month, procedure_id) DO UPDATE SET
        received_online = t.received_online + excluded.received_online,
        received_in_person = t.received_in_person + excluded.received_in_person,
        closed = t.closed + excluded.closed,
        overdue_in = t.overdue_in + excluded.overdue_in,
        overdue_out = t.overdue_out + excluded.overdue_out,
        resolved_early = t.resolved_early + excluded.resolved_early,
        resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
        resolved_late = t.resolved_late + excluded.resolved_late,
        resolved_with_result = t.resolved_with_result + excluded.resolved_with_result,
        processing_minutes = t.processing_minutes + excluded.processing_minutes,
        intake_answered = t.intake_answered + excluded.intake_answered,
        intake_late = t.intake_late + excluded.intake_late,
        results_granted = t.results_granted + excluded.results_granted,
        electronic_results = t.electronic_results + excluded.electronic_results,
        digitised_with_electronic = t.digitised_with_electronic + excluded.digitised_with_electronic,
        rated = t.rated + excluded.rated,
        negative_ratings = t.negative_ratings + excluded.negative_ratings;
    INSERT INTO kpi_year AS t
    SELECT s.scope_id, c.procedure_id, CAST(date_trunc('year', c.day) AS date),
           sum(c.received_online), sum(c.received_in_person), sum(c.closed), sum(c.overdue_in), sum(c.overdue_out),
           sum(c.resolved_early), sum(c.resolved_on_time), sum(c.resolved_late), sum(c.resolved_with_result),
           sum(c.processing_minutes), sum(c.intake_answered), sum(c.intake_late), sum(c.results_granted),
           sum(c.electronic_results), sum(c.digitised_with_electronic), sum(c.rated), sum(c.negative_ratings)
    FROM kpi_contributions(k, p_sign) c JOIN kpi_scope s ON s.agency_id = c.agency_id
    GROUP BY 1, 2, 3 ORDER BY 1, 3, 2
    ON CONFLICT (scope_id, year, procedure_id) DO UPDATE SET
        received_online = t.received_online + excluded.received_online,
        received_in_person = t.received_in_person + excluded.received_in_person,
        closed = t.closed + excluded.closed,
        overdue_in = t.overdue_in + excluded.overdue_in,
        overdue_out = t.overdue_out + excluded.overdue_out,
        resolved_early = t.resolved_early + excluded.resolved_early,
        resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
        resolved_late = t.resolved_late + excluded.resolved_late,
        resolved_with_result = t.resolved_with_result + excluded.resolved_with_result,
        processing_minutes = t.processing_minutes + excluded.processing_minutes,
        intake_answered = t.intake_answered + excluded.intake_answered,
        intake_late = t.intake_late + excluded.intake_late,
        results_granted = t.results_granted + excluded.results_granted,
        electronic_results = t.electronic_results + excluded.electronic_results,
        digitised_with_electronic = t.digitised_with_electronic + excluded.digitised_with_electronic,
        rated = t.rated + excluded.rated,
        negative_ratings = t.negative_ratings + excluded.negative_ratings;
END
$$;

-- The contributions of every dossier (kpi_contributions, 0022) summed per agency, procedure and day into the
-- temporary table kpi_own, sorted rather than hashed (a sort spills to disk in order; the hash tables of 0023 did
-- not fit), then spread over the scopes one scope at a time.
CREATE OR REPLACE FUNCTION kpi_fill_days() RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    hashing text := current_setting('enable_hashagg');
    scope bigint;
BEGIN
    PERFORM set_config('enable_hashagg', 'off', true);
    CREATE TEMPORARY TABLE kpi_own ON COMMIT DROP AS
        SELECT v.agency_id, k.procedure_id, v.day,
               sum(v.received_online) AS received_online, sum(v.received_in_person) AS received_in_person,
               sum(v.closed) AS closed, sum(v.overdue_in) AS overdue_in, sum(v.overdue_out) AS overdue_out,
               sum(v.resolved_early) AS resolved_early, sum(v.resolved_on_time) AS resolved_on_time,
               sum(v.resolved_late) AS resolved_late, sum(v.resolved_with_result) AS resolved_with_result,
               sum(v.processing_minutes) AS processing_minutes, sum(v.intake_answered) AS intake_answered,
               sum(v.intake_late) AS intake_late, sum(v.results_granted) AS results_granted,
               sum(v.electronic_results) AS electronic_results,
               sum(v.digitised_with_electronic) AS digitised_with_electronic, sum(v.rated) AS rated,
               sum(v.negative_ratings) AS negative_ratings
        FROM (SELECT k.*, CAST(k.received_at AT TIME ZONE 'UTC' + c.shift AS date) AS received,
                     CAST(k.end_at AT TIME ZONE 'UTC' + c.shift AS date) AS ended,
                     greatest(CAST(k.received_at AT TIME ZONE 'UTC' + c.shift AS date),
                              CAST(k.overdue_from AT TIME ZONE 'UTC' + c.shift AS date)) AS entered,
                     CAST(k.intake_answered_at AT TIME ZONE 'UTC' + c.shift AS date) AS answered
              FROM kpi_dossier k
              CROSS JOIN (SELECT make_interval(secs => utc_offset) AS shift FROM kpi_calendar) c) k
        -- The five kinds of contribution, in kpi_contributions' order: receipt, end, entry into "overdue", exit
        -- from it, the desk's intake answer.
        CROSS JOIN LATERAL (VALUES
            (k.received_at IS NOT NULL, k.agency_id, k.received, k.online::int, (NOT k.online)::int, 0, 0, 0, 0, 0,
             0, 0, CAST(0 AS bigint), 0, 0, 0, 0, 0, 0, 0),
            (k.received_at IS NOT NULL AND k.end_at IS NOT NULL, k.agency_id, k.ended, 0, 0, 1, 0, 0,
             (k.end_bucket = 0)::int, (k.end_bucket = 1)::int, (k.end_bucket = 2)::int, k.with_result::int,
             k.processing_minutes, 0, 0, k.granted::int, (k.granted AND k.electronic)::int,
             (k.granted AND k.electronic AND k.digitised)::int, k.rated::int, (k.rated AND k.negative)::int),
            (k.received_at IS NOT NULL AND k.overdue_from IS NOT NULL, k.agency_id, k.entered, 0, 0, 0, 1, 0, 0, 0,
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            (k.received_at IS NOT NULL AND k.overdue_from IS NOT NULL AND k.end_at IS NOT NULL, k.agency_id,
             greatest(k.entered, k.ended), 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            (k.intake_answered_at IS NOT NULL, k.receiving_agency_id, k.answered, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
             k.intake_late::int, 0, 0, 0, 0, 0))
            v(counted, agency_id, day, received_online, received_in_person, closed, overdue_in, overdue_out,
              resolved_early, resolved_on_time, resolved_late, resolved_with_result, processing_minutes,
              intake_answered, intake_late, results_granted, electronic_results, digitised_with_electronic, rated,
              negative_ratings)
        WHERE v.counted
        GROUP BY 1, 2, 3;
    PERFORM set_config('enable_hashagg', hashing, true);
    CREATE INDEX ON pg_temp.kpi_own (agency_id);
    ANALYZE pg_temp.kpi_own;
    FOR scope IN SELECT DISTINCT scope_id FROM kpi_scope ORDER BY 1 LOOP
        -- The literal scope gives each statement a plan of its own: a province reads most of kpi_own, a ward a
        -- few pages. Rows in key order, so that a scope's rows sit on few pages.
        EXECUTE format('INSERT INTO kpi_day
            SELECT %1$s, procedure_id, day,
                     sum(received_online), sum(received_in_person), sum(closed), sum(overdue_in), sum(overdue_out),
                     sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_with_result),
                     sum(processing_minutes), sum(intake_answered), sum(intake_late), sum(results_granted),
                     sum(electronic_results), sum(digitised_with_electronic), sum(rated), sum(negative_ratings)
            FROM pg_temp.kpi_own WHERE agency_id IN (SELECT agency_id FROM kpi_scope WHERE scope_id = %1$s)
            GROUP BY 2, 3 ORDER BY 3, 2', scope);
        EXECUTE format('INSERT INTO kpi_month
            SELECT %1$s, procedure_id, CAST(date_trunc(''month'', day) AS date),
                     sum(received_online), sum(received_in_person), sum(closed), sum(overdue_in), sum(overdue_out),
                     sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_with_result),
                     sum(processing_minutes), sum(intake_answered), sum(intake_late), sum(results_granted),
                     sum(electronic_results), sum(digitised_with_electronic), sum(rated), sum(negative_ratings)
            FROM kpi_day WHERE scope_id = %1$s GROUP BY 2, 3 ORDER BY 3, 2', scope);
        EXECUTE format('INSERT INTO kpi_year
            SELECT %1$s, procedure_id, CAST(date_trunc(''year'', month) AS date),
                     sum(received_online), sum(received_in_person), sum(closed), sum(overdue_in), sum(overdue_out),
                     sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_with_result),
                     sum(processing_minutes), sum(intake_answered), sum(intake_late), sum(results_granted),
                     sum(electronic_results), sum(digitised_with_electronic), sum(rated), sum(negative_ratings)
            FROM kpi_month WHERE scope_id = %1$s GROUP BY 2, 3 ORDER BY 3, 2', scope);
    END LOOP;
    DROP TABLE pg_temp.kpi_own;
END
$$;

-- Everything recomputed at once, without the row triggers: a new calendar (kpi_set_calendar), a moved agency, the
-- fill below.
CREATE OR REPLACE FUNCTION kpi_rebuild() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    LOCK TABLE kpi_dossier, kpi_day, kpi_month, kpi_year IN EXCLUSIVE MODE;
    -- The sorts spill less to disk.
    PERFORM set_config('work_mem', '512MB', true);
    PERFORM kpi_fill_workdays();
    PERFORM kpi_fill_scopes();
    ALTER TABLE kpi_dossier DISABLE TRIGGER kpi_dossier_summary;
    TRUNCATE kpi_dossier, kpi_day, kpi_month, kpi_year;
    PERFORM kpi_fill_dossiers();
    ALTER TABLE kpi_dossier ENABLE TRIGGER kpi_dossier_summary;
    ANALYZE kpi_dossier;
    PERFORM kpi_fill_days();
    ANALYZE kpi_day;
    ANALYZE kpi_month;
    ANALYZE kpi_year;
END
$$;

SELECT kpi_rebuild();
