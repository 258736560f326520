-- MotCua migration 0020: the dossier's scope policies reshaped so that queue counts stay index-only.
--
-- Measured at 10 million dossiers (the queue benchmark's database, busiest agency): with 0017's policies a queue
-- page cost the same (1.6-1.9 ms), but counting an agency's open dossiers went from 4 ms to 136-300 ms and its
-- finished ones from 170 ms to 2.4 s: the policy read receiving_agency_id and status, which the queue indexes do not
-- hold, so every counted row was fetched from the heap, and it evaluated current_setting() for every row.
-- Now the policy reads only handling_agency_id and id, which every queue index holds, and each setting once per
-- statement (an InitPlan: `CAST((SELECT f()) AS bigint[])`). The dossiers visible beyond the handling agency's own (new ones at the
-- receiving desk, those the agency was consulted about) are gathered once, and only when a row needs them.

CREATE INDEX dossier_consultation_agency_dossier_idx ON dossier_consultation (agency_id, dossier_id);

-- The dossiers a scope sees besides those its agencies handle. SECURITY DEFINER: it reads the dossier table as its
-- owner, which the dossier's own policy may not do without calling itself.
CREATE FUNCTION motcua_scope_extra_dossiers() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
    SELECT coalesce(array_agg(DISTINCT s.id), CAST('{}' AS bigint[]))
      FROM (SELECT d.id FROM dossier d
             WHERE d.status = 1 AND d.receiving_agency_id = ANY (motcua_scope_agencies())
            UNION ALL
            SELECT c.dossier_id FROM dossier_consultation c WHERE c.agency_id = ANY (motcua_scope_agencies())) s
$$;

DROP POLICY dossier_read ON dossier;
DROP POLICY dossier_update ON dossier;
CREATE POLICY dossier_read ON dossier FOR SELECT
    USING ((SELECT motcua_scope_all())
           OR handling_agency_id = ANY (CAST((SELECT motcua_scope_agencies()) AS bigint[]))
           OR id = ANY (CAST((SELECT motcua_scope_extra_dossiers()) AS bigint[])));
CREATE POLICY dossier_update ON dossier FOR UPDATE
    USING ((SELECT motcua_scope_all())
           OR handling_agency_id = ANY (CAST((SELECT motcua_scope_agencies()) AS bigint[]))
           OR id = ANY (CAST((SELECT motcua_scope_extra_dossiers()) AS bigint[])))
    WITH CHECK (motcua_scope_set());
