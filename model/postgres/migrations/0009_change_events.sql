-- MotCua migration 0009: change events — one row per change of a dossier, for the staff's live updates
-- (GET /staff/v1/events). Every server process reads them after a NOTIFY that the server sends once per short window,
-- never once per transaction (a pg_notify in each transaction serialises commits: performance.md).

-- A change as the desks hear of it: the dossier's state right after it, what happened (the history row's action of
-- the same transaction, NULL when the change wrote none, e.g. a hand-made fix) and every agency whose scope it touches
-- (receiving and handling, before and after: a forwarded dossier leaves the old agency's lists too).
CREATE TABLE change_event (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    -- The writing transaction. Readers page by (xid, id) and move their cursor only past transactions older than
    -- every running one, so a row whose id was taken early but committed late is never skipped.
    xid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    dossier_id bigint NOT NULL,
    code       text NOT NULL,
    version    integer NOT NULL,
    action     smallint,
    status     smallint NOT NULL,
    agency_ids bigint[] NOT NULL,
    at         timestamptz NOT NULL
);
-- The only index, to keep the dossier's writes cheap: every read pages by it, housekeeping deletes by xid too.
CREATE INDEX change_event_xid_idx ON change_event (xid, id);

-- A trigger rather than a call in each repository function: no path that changes a dossier can forget the event.
-- Deferred to the commit, so that the history row of the transaction exists whichever was written first (a new
-- dossier is inserted after its Submit event, a transition updates the dossier before writing its event).
CREATE FUNCTION motcua_change_event() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    last_action smallint;  -- the history row of this transaction
BEGIN
    -- A dossier created and moved on in one transaction (paper intake: submit, then accept) tells both steps.
    IF TG_OP = 'INSERT' THEN
        SELECT e.action INTO last_action FROM dossier_event e
         WHERE e.dossier_id = NEW.id AND e.xmin = pg_current_xact_id()::xid ORDER BY e.id LIMIT 1;
    ELSE
        SELECT e.action INTO last_action FROM dossier_event e
         WHERE e.dossier_id = NEW.id AND e.xmin = pg_current_xact_id()::xid ORDER BY e.id DESC LIMIT 1;
    END IF;
    INSERT INTO change_event (dossier_id, code, version, action, status, agency_ids, at)
    VALUES (NEW.id, NEW.code, NEW.version, last_action, NEW.status,
            CASE WHEN TG_OP = 'INSERT' THEN ARRAY[NEW.receiving_agency_id, NEW.handling_agency_id]
                 ELSE ARRAY[NEW.receiving_agency_id, NEW.handling_agency_id,
                            OLD.receiving_agency_id, OLD.handling_agency_id] END,
            NEW.updated_at);
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER dossier_change_created AFTER INSERT ON dossier
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION motcua_change_event();
CREATE CONSTRAINT TRIGGER dossier_change_changed AFTER UPDATE ON dossier
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN ((OLD.status, OLD.sub_state, OLD.assigned_staff_id, OLD.handling_agency_id, OLD.receiving_agency_id,
           OLD.version)
          IS DISTINCT FROM (NEW.status, NEW.sub_state, NEW.assigned_staff_id, NEW.handling_agency_id,
                            NEW.receiving_agency_id, NEW.version))
    EXECUTE FUNCTION motcua_change_event();
