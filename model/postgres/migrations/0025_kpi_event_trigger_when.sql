-- MotCua migration 0025: a history row refreshes its dossier's KPI row only when it can change it.
--
-- kpi_facts_source (0022) reads three kinds of history rows: the first end of the processing (to_status 7, 8, 9 or
-- 10), the desk's first answer to an online submission (action 2, 3 or 4 from New awaiting the intake check) and a
-- supplement request after appraisal (action 3 from sub-state 3). Every other history row (the submission itself,
-- assignments, appraisals, proposals, approvals) left kpi_dossier as it was, yet ran kpi_refresh: a judgement of the
-- dossier on every transition, and on a submission inside the agency's daily counter lock. History rows are
-- appended, never changed (0017): an update or a deletion, by the owner only, still refreshes.
-- The condition follows kpi_facts_source: a change to the view's event filters must change it too.

DROP TRIGGER kpi_dossier_event_changed ON dossier_event;
CREATE TRIGGER kpi_dossier_event_inserted AFTER INSERT ON dossier_event FOR EACH ROW
    WHEN (NEW.to_status IN (7, 8, 9, 10)
          OR (NEW.from_status = 1 AND NEW.from_sub_state = 1 AND NEW.action IN (2, 3, 4))
          OR (NEW.action = 3 AND NEW.from_sub_state = 3))
    EXECUTE FUNCTION kpi_source_changed();
CREATE TRIGGER kpi_dossier_event_changed AFTER UPDATE OR DELETE ON dossier_event FOR EACH ROW
    EXECUTE FUNCTION kpi_source_changed();
