-- MotCua migration 0017: row-level security, the second wall behind the server's own scope checks, and the auditor
-- role.
--
-- Every transaction of the application role states whose rows it may see in the transaction-local setting
-- motcua.scope (model/postgres/access_scope.h): 'all' for the server's own jobs and the citizen door, or an array
-- literal of agency ids ('{3,7}') for a staff request. A transaction that has set nothing sees no dossier, no
-- document, no history and no audit row, and may write none. The table owner (migrations, IT's tools) is not
-- subject to these policies.
--
-- Policy shape (performance.md): a transaction-local setting compared with `= ANY`, which the planner treats as a
-- constant, so that the queues' own agency filter still drives their indexes; the costlier test (consultations)
-- comes last in the OR and runs only for rows the cheap ones did not admit.

ALTER TABLE staff DROP CONSTRAINT staff_role_range;
ALTER TABLE staff ADD CONSTRAINT staff_role_range CHECK (role IN (1, 2, 3, 4, 5, 8));

CREATE FUNCTION motcua_scope_all() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(current_setting('motcua.scope', true), '') = 'all' $$;

-- Whether the transaction stated any scope at all: what a write needs.
CREATE FUNCTION motcua_scope_set() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(current_setting('motcua.scope', true), '') <> '' $$;

CREATE FUNCTION motcua_scope_agencies() RETURNS bigint[]
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN left(coalesce(current_setting('motcua.scope', true), ''), 1) = '{'
                THEN CAST(current_setting('motcua.scope', true) AS bigint[])
                ELSE CAST('{}' AS bigint[]) END
$$;

-- An agency consulted about a dossier (liên thông) reads it for its part. SECURITY DEFINER: it reads the
-- consultations as their owner, so that the dossier's policy and the consultations' policy do not call each other.
CREATE FUNCTION motcua_scope_consulted(p_dossier_id bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
    SELECT EXISTS (SELECT 1 FROM dossier_consultation c
                    WHERE c.dossier_id = p_dossier_id AND c.agency_id = ANY (motcua_scope_agencies()))
$$;

-- Whether the dossier is in the transaction's scope: the server's LoadDossierInScope and queue scope, repeated.
CREATE FUNCTION motcua_dossier_visible(p_handling bigint, p_receiving bigint, p_status smallint, p_id bigint)
    RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT motcua_scope_all()
        OR p_handling = ANY (motcua_scope_agencies())
        OR (p_status = 1 AND p_receiving = ANY (motcua_scope_agencies()))
        OR motcua_scope_consulted(p_id)
$$;

ALTER TABLE dossier ENABLE ROW LEVEL SECURITY;
-- Written out rather than through motcua_dossier_visible so that the planner sees the agency comparison itself.
CREATE POLICY dossier_read ON dossier FOR SELECT
    USING (motcua_scope_all()
           OR handling_agency_id = ANY (motcua_scope_agencies())
           OR (status = 1 AND receiving_agency_id = ANY (motcua_scope_agencies()))
           OR motcua_scope_consulted(id));
CREATE POLICY dossier_insert ON dossier FOR INSERT WITH CHECK (motcua_scope_set());
-- A hand-over moves a dossier to another agency, out of the mover's scope: the new row only needs a scope.
CREATE POLICY dossier_update ON dossier FOR UPDATE
    USING (motcua_scope_all()
           OR handling_agency_id = ANY (motcua_scope_agencies())
           OR (status = 1 AND receiving_agency_id = ANY (motcua_scope_agencies()))
           OR motcua_scope_consulted(id))
    WITH CHECK (motcua_scope_set());

-- The dossier's own tables follow the dossier: a row is visible when its dossier is.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['dossier_form', 'dossier_document', 'dossier_pause', 'dossier_event', 'dossier_output',
                             'dossier_attachment', 'dossier_rating']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (motcua_scope_all()'
                       ' OR EXISTS (SELECT 1 FROM dossier d WHERE d.id = %I.dossier_id))', t || '_read', t, t);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (motcua_scope_set())', t || '_insert', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (motcua_scope_all()'
                       ' OR EXISTS (SELECT 1 FROM dossier d WHERE d.id = %I.dossier_id)) WITH CHECK (motcua_scope_set())',
                       t || '_update', t, t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (motcua_scope_all()'
                       ' OR EXISTS (SELECT 1 FROM dossier d WHERE d.id = %I.dossier_id))', t || '_delete', t, t);
    END LOOP;
END
$$;

-- A consultation is seen by the agency asked, and by whoever sees the dossier.
ALTER TABLE dossier_consultation ENABLE ROW LEVEL SECURITY;
CREATE POLICY dossier_consultation_read ON dossier_consultation FOR SELECT
    USING (motcua_scope_all() OR agency_id = ANY (motcua_scope_agencies())
           OR EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_consultation.dossier_id));
CREATE POLICY dossier_consultation_insert ON dossier_consultation FOR INSERT WITH CHECK (motcua_scope_set());
CREATE POLICY dossier_consultation_update ON dossier_consultation FOR UPDATE
    USING (motcua_scope_all() OR agency_id = ANY (motcua_scope_agencies())
           OR EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_consultation.dossier_id))
    WITH CHECK (motcua_scope_set());

-- What the citizen app is told and answered again: the server's own business, never a staff request's.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['outbox_event', 'idempotent_answer']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (motcua_scope_all())', t || '_read', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (motcua_scope_set())', t || '_insert', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (motcua_scope_all())', t || '_update', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (motcua_scope_all())', t || '_delete', t);
    END LOOP;
END
$$;
