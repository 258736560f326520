-- MotCua migration 0010: a partial index per work queue (model/work_queue.h) and the dictionary of applicants' names
-- that makes name search fast at 10 million dossiers (performance.md).

-- Keyset order of the queues: by due time, received time (missing ones last, hence 'infinity') or code, then id.
-- The predicates repeat model/postgres/queue_query.h word for word, so that the planner proves each index applies.
-- Open = status IN (1, 2, 4, 5, 6, 7, 9) (IsOpen); finished = 3, 8, 10. The queues of few dossiers per agency
-- (intake, waiting, approval, hand-over) have one index by due time; the planner sorts their few rows for the other
-- orders. Due soon and overdue read the open index by due time as a range.
CREATE INDEX dossier_queue_open_due_idx ON dossier (handling_agency_id, COALESCE(due_at, 'infinity'::timestamptz), id)
    WHERE status IN (1, 2, 4, 5, 6, 7, 9);
CREATE INDEX dossier_queue_open_received_idx
    ON dossier (handling_agency_id, COALESCE(received_at, 'infinity'::timestamptz), id)
    WHERE status IN (1, 2, 4, 5, 6, 7, 9);
CREATE INDEX dossier_queue_open_code_idx ON dossier (handling_agency_id, code) WHERE status IN (1, 2, 4, 5, 6, 7, 9);
CREATE INDEX dossier_queue_mine_idx ON dossier (assigned_staff_id, COALESCE(due_at, 'infinity'::timestamptz), id)
    WHERE status IN (1, 2, 4, 5, 6, 7, 9) AND assigned_staff_id IS NOT NULL;
CREATE INDEX dossier_queue_intake_idx ON dossier (handling_agency_id, COALESCE(due_at, 'infinity'::timestamptz), id)
    WHERE status = 1;
CREATE INDEX dossier_queue_intake_received_idx
    ON dossier (receiving_agency_id, COALESCE(due_at, 'infinity'::timestamptz), id) WHERE status = 1;
CREATE INDEX dossier_queue_waiting_citizen_idx
    ON dossier (handling_agency_id, COALESCE(due_at, 'infinity'::timestamptz), id) WHERE status IN (5, 6);
CREATE INDEX dossier_queue_waiting_agency_idx
    ON dossier (handling_agency_id, COALESCE(due_at, 'infinity'::timestamptz), id)
    WHERE status IN (1, 2, 4, 5, 6, 7, 9) AND sub_state = 5;
CREATE INDEX dossier_queue_awaiting_approval_idx
    ON dossier (handling_agency_id, COALESCE(due_at, 'infinity'::timestamptz), id)
    WHERE status IN (1, 2, 4, 5, 6, 7, 9) AND sub_state = 4;
CREATE INDEX dossier_queue_to_hand_over_idx
    ON dossier (handling_agency_id, COALESCE(due_at, 'infinity'::timestamptz), id) WHERE status = 9;
-- The finished queue is most of the table: an index for each order.
CREATE INDEX dossier_queue_finished_due_idx
    ON dossier (handling_agency_id, COALESCE(due_at, 'infinity'::timestamptz), id) WHERE status IN (3, 8, 10);
CREATE INDEX dossier_queue_finished_received_idx
    ON dossier (handling_agency_id, COALESCE(received_at, 'infinity'::timestamptz), id) WHERE status IN (3, 8, 10);
CREATE INDEX dossier_queue_finished_code_idx ON dossier (handling_agency_id, code) WHERE status IN (3, 8, 10);

-- Search, scoped by agency: newest first over one agency's dossiers (filters, and names too common for the
-- dictionary), exact folded names of one agency (the dictionary's matches), phone numbers.
CREATE INDEX dossier_search_agency_idx ON dossier (handling_agency_id, id);
CREATE INDEX dossier_search_agency_name_idx ON dossier (handling_agency_id, applicant_name_search);
CREATE INDEX dossier_search_phone_idx ON dossier (phone) WHERE phone <> '';

-- Every distinct folded name (motcua_fold_name, as dossier.applicant_name_search): about 100 000 at 10 million
-- dossiers. A name search finds the matching names here, then their dossiers by equality. Names are only added
-- (a name no dossier carries any more matches nothing there).
CREATE TABLE dossier_name (
    name text PRIMARY KEY
);
INSERT INTO dossier_name (name) SELECT DISTINCT applicant_name_search FROM dossier ORDER BY 1;

-- Once per inserting statement (a bulk load adds its names in one go), sorted so that concurrent loads take the
-- key locks in the same order.
CREATE FUNCTION motcua_remember_inserted_names() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dossier_name (name) SELECT DISTINCT n.applicant_name_search FROM inserted n ORDER BY 1
        ON CONFLICT (name) DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER dossier_name_on_insert AFTER INSERT ON dossier REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION motcua_remember_inserted_names();

-- A renamed applicant (rare): per row, and only when the name changed, so that workflow updates pay nothing.
CREATE FUNCTION motcua_remember_renamed_name() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dossier_name (name) VALUES (NEW.applicant_name_search) ON CONFLICT (name) DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER dossier_name_on_rename AFTER UPDATE OF applicant_name ON dossier FOR EACH ROW
    WHEN (OLD.applicant_name IS DISTINCT FROM NEW.applicant_name) EXECUTE FUNCTION motcua_remember_renamed_name();

-- Contains-search on the dictionary with pg_trgm where it is installed (migration 0001 makes it optional); without it
-- the dictionary, a small table, is read whole.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE $sql$CREATE INDEX dossier_name_trgm_idx ON dossier_name USING gin ((' ' || name) gin_trgm_ops)$sql$;
    END IF;
END
$$;
