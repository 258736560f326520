-- MotCua migration 0023: the KPI summary at ten million dossiers (issue 9, Scale).
--
-- kpi_rebuild (0022) judged every dossier through kpi_judge, a PL/pgSQL call per row with a query per working-time
-- look-up, and spread each one's contributions through kpi_contributions, four more calls per row: about 43 k
-- dossiers a minute, four hours for ten million. It is now set-based: one INSERT … SELECT judges every dossier with
-- joins to kpi_workday, one GROUP BY adds the contributions up per agency before they are spread over the agency's
-- scopes (kpi_scope), and the coarser layers are sums of the finer. Only a dossier with pauses still goes through
-- kpi_judge: its pauses decide when it is overdue, how it ended and how long it took, and they are few.
-- kpi_set_calendar (the server's start, Store::SyncKpiCalendar) and a moved agency recount through it.
--
-- kpi_year: the same counts per year. A province-wide year then reads one row per procedure instead of twelve, and
-- what was open at the start of a period (the prefix sums over every earlier day) reads whole years, then months,
-- then days.

CREATE TABLE kpi_year (LIKE kpi_day INCLUDING DEFAULTS);
ALTER TABLE kpi_year RENAME COLUMN day TO year;
ALTER TABLE kpi_year ADD PRIMARY KEY (scope_id, year, procedure_id);
ALTER TABLE kpi_year ENABLE ROW LEVEL SECURITY;
CREATE POLICY kpi_year_read ON kpi_year FOR SELECT USING ((SELECT motcua_scope_all())
    OR scope_id = ANY (CAST((SELECT motcua_scope_agencies()) AS bigint[])));

-- As in 0022, with the year as a third bucket.
CREATE OR REPLACE FUNCTION kpi_add(k kpi_dossier, p_sign integer) RETURNS void
    LANGUAGE sql
AS $$
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
$$;

-- Every dossier judged at once, as kpi_judge judges one (0022): without pauses the appointment is the overdue instant
-- (or the second supplement request, if earlier), the end is the judged instant, and the processing time is the
-- working time from receipt to end, each working time a difference of two kpi_workday rows. Dossiers with pauses
-- take kpi_judge's answer.
CREATE FUNCTION kpi_fill_dossiers() RETURNS void
    LANGUAGE sql
AS $$
    INSERT INTO kpi_dossier
    SELECT f.dossier_id, f.procedure_id, f.agency_id, f.receiving_agency_id, f.channel = 2, f.received_at, f.end_at,
           CASE WHEN f.end_at IS NULL THEN NULL
                WHEN f.paused THEN (f.judged).end_bucket
                WHEN f.end_at > least(f.due_at, f.second_at) THEN 2
                WHEN CAST(f.end_at AT TIME ZONE 'UTC' + f.shift AS date)
                     < CAST(f.due_at AT TIME ZONE 'UTC' + f.shift AS date) THEN 0
                ELSE 1 END,
           f.end_at IS NOT NULL AND f.with_result,
           f.end_at IS NOT NULL AND f.with_result AND f.outcome = 1,
           CASE WHEN f.paused THEN (f.judged).processing_minutes
                WHEN f.end_at IS NOT NULL AND f.with_result AND f.received_at IS NOT NULL THEN
                    CASE WHEN f.end_at > f.received_at THEN
                        CAST(floor((we.seconds_before - wr.seconds_before
                                    + CASE WHEN we.working THEN (SELECT coalesce(sum(greatest(0,
                                          least(f.end_s, p.e * 60) - p.s * 60)), 0)
                                          FROM unnest(f.period_starts, f.period_ends) p(s, e)) ELSE 0 END
                                    - CASE WHEN wr.working THEN (SELECT coalesce(sum(greatest(0,
                                          least(f.received_s, p.e * 60) - p.s * 60)), 0)
                                          FROM unnest(f.period_starts, f.period_ends) p(s, e)) ELSE 0 END) / 60)
                             AS bigint)
                    ELSE 0 END
                ELSE 0 END,
           CASE WHEN f.paused THEN (f.judged).overdue_from ELSE least(f.due_at, f.second_at) END,
           CASE WHEN f.intake_due_at IS NOT NULL THEN f.answered_at END,
           coalesce(f.answered_at > f.intake_due_at, false),
           f.electronic, f.digitised, f.rated, f.rated AND f.negative
    -- OFFSET 0: the subquery stays one, so that kpi_judge runs once per paused dossier, not once per column read.
    FROM (SELECT f.*, c.period_starts, c.period_ends, make_interval(secs => c.utc_offset) AS shift,
                 r.e - floor(r.e / 86400) * 86400 AS received_s, CAST(floor(r.e / 86400) AS integer) AS received_n,
                 n.e - floor(n.e / 86400) * 86400 AS end_s, CAST(floor(n.e / 86400) AS integer) AS end_n,
                 f.dossier_id IN (SELECT dossier_id FROM dossier_pause) AS paused,
                 CASE WHEN f.dossier_id IN (SELECT dossier_id FROM dossier_pause) THEN kpi_judge(f) END AS judged
          FROM kpi_facts_source f
          CROSS JOIN kpi_calendar c
          CROSS JOIN LATERAL (SELECT extract(epoch FROM f.received_at) + c.utc_offset AS e) r
          CROSS JOIN LATERAL (SELECT extract(epoch FROM f.end_at) + c.utc_offset AS e) n
          OFFSET 0) f
    LEFT JOIN kpi_workday wr ON wr.day = DATE '1970-01-01' + f.received_n
    LEFT JOIN kpi_workday we ON we.day = DATE '1970-01-01' + f.end_n;
$$;

-- Every dossier's contributions (kpi_contributions, 0022) at once, added up per agency, procedure and day before
-- they are spread over the agency's scopes: a few rows per agency and day instead of one per dossier and ancestor.
CREATE FUNCTION kpi_fill_days() RETURNS void
    LANGUAGE sql
AS $$
    INSERT INTO kpi_day
    SELECT s.scope_id, a.procedure_id, a.day,
           sum(a.received_online), sum(a.received_in_person), sum(a.closed), sum(a.overdue_in), sum(a.overdue_out),
           sum(a.resolved_early), sum(a.resolved_on_time), sum(a.resolved_late), sum(a.resolved_with_result),
           sum(a.processing_minutes), sum(a.intake_answered), sum(a.intake_late), sum(a.results_granted),
           sum(a.electronic_results), sum(a.digitised_with_electronic), sum(a.rated), sum(a.negative_ratings)
    FROM (SELECT v.agency_id, k.procedure_id, v.day,
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
          GROUP BY 1, 2, 3) a
    JOIN kpi_scope s ON s.agency_id = a.agency_id
    GROUP BY 1, 2, 3;
$$;

-- Everything recomputed at once, without the row triggers: a new calendar (kpi_set_calendar), a moved agency, the
-- fill below.
CREATE OR REPLACE FUNCTION kpi_rebuild() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    LOCK TABLE kpi_dossier, kpi_day, kpi_month, kpi_year IN EXCLUSIVE MODE;
    -- The GROUP BYs and the sorts of the dossiers' events spill less to disk.
    PERFORM set_config('work_mem', '512MB', true);
    PERFORM kpi_fill_workdays();
    PERFORM kpi_fill_scopes();
    ALTER TABLE kpi_dossier DISABLE TRIGGER kpi_dossier_summary;
    TRUNCATE kpi_dossier, kpi_day, kpi_month, kpi_year;
    PERFORM kpi_fill_dossiers();
    ALTER TABLE kpi_dossier ENABLE TRIGGER kpi_dossier_summary;
    PERFORM kpi_fill_days();
    INSERT INTO kpi_month
    SELECT scope_id, procedure_id, CAST(date_trunc('month', day) AS date),
           sum(received_online), sum(received_in_person), sum(closed), sum(overdue_in), sum(overdue_out),
           sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_with_result),
           sum(processing_minutes), sum(intake_answered), sum(intake_late), sum(results_granted),
           sum(electronic_results), sum(digitised_with_electronic), sum(rated), sum(negative_ratings)
    FROM kpi_day GROUP BY 1, 2, 3 ORDER BY 1, 3, 2;
    INSERT INTO kpi_year
    SELECT scope_id, procedure_id, CAST(date_trunc('year', month) AS date),
           sum(received_online), sum(received_in_person), sum(closed), sum(overdue_in), sum(overdue_out),
           sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_with_result),
           sum(processing_minutes), sum(intake_answered), sum(intake_late), sum(results_granted),
           sum(electronic_results), sum(digitised_with_electronic), sum(rated), sum(negative_ratings)
    FROM kpi_month GROUP BY 1, 2, 3 ORDER BY 1, 3, 2;
    ANALYZE kpi_dossier;
    ANALYZE kpi_day;
    ANALYZE kpi_month;
    ANALYZE kpi_year;
END
$$;

-- The summary is filled once, by migration 0024.
