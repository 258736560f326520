-- MotCua migration 0027: a new dossier is numbered by the last statement before its commit. It is inserted under a
-- provisional code ('~' and its id), with everything its insert sets off (its judged KPI row, its search name, its
-- queue entries), and only then takes the agency's daily counter and its code, in the statement that also writes its
-- Submit event. The counter is a row lock held until commit: it now covers that statement and the commit alone, as
-- the audit trail's head does, so one agency's submissions no longer queue behind each other's inserts.

-- The citizen app hears of a new dossier under its code: when it is numbered rather than when it is inserted (a
-- bulk load inserts numbered dossiers and is told at insert as before).
DROP TRIGGER dossier_outbox_created ON dossier;
CREATE TRIGGER dossier_outbox_created AFTER INSERT ON dossier
    FOR EACH ROW WHEN (NEW.client_id IS NOT NULL AND left(NEW.code, 1) <> '~')
    EXECUTE FUNCTION motcua_outbox_dossier_changed();
CREATE TRIGGER dossier_outbox_numbered AFTER UPDATE OF code ON dossier
    FOR EACH ROW WHEN (NEW.client_id IS NOT NULL AND left(OLD.code, 1) = '~' AND left(NEW.code, 1) <> '~')
    EXECUTE FUNCTION motcua_outbox_dossier_changed();

-- The desks hear of it at commit: by then the row has its code, which the inserted row version does not hold.
CREATE OR REPLACE FUNCTION motcua_change_event() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    last_action smallint;  -- the history row of this transaction
    code_now    text := NEW.code;
BEGIN
    -- A dossier created and moved on in one transaction (paper intake: submit, then accept) tells both steps.
    IF TG_OP = 'INSERT' THEN
        SELECT e.action INTO last_action FROM dossier_event e
         WHERE e.dossier_id = NEW.id AND e.xmin = pg_current_xact_id()::xid ORDER BY e.id LIMIT 1;
        IF left(code_now, 1) = '~' THEN
            SELECT d.code INTO code_now FROM dossier d WHERE d.id = NEW.id;
        END IF;
    ELSE
        SELECT e.action INTO last_action FROM dossier_event e
         WHERE e.dossier_id = NEW.id AND e.xmin = pg_current_xact_id()::xid ORDER BY e.id DESC LIMIT 1;
    END IF;
    INSERT INTO change_event (dossier_id, code, version, action, status, agency_ids, at)
    VALUES (NEW.id, coalesce(code_now, NEW.code), NEW.version, last_action, NEW.status,
            CASE WHEN TG_OP = 'INSERT' THEN ARRAY[NEW.receiving_agency_id, NEW.handling_agency_id]
                 ELSE ARRAY[NEW.receiving_agency_id, NEW.handling_agency_id,
                            OLD.receiving_agency_id, OLD.handling_agency_id] END,
            NEW.updated_at);
    RETURN NULL;
END
$$;
