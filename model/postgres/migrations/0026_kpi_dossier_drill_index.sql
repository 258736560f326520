-- MotCua migration 0026: the dossiers behind a KPI figure (GET /staff/v1/kpis/dossiers, issue 9) are read a page at a
-- time from kpi_dossier (Store::KpiDossiers): the newest of the selected agencies' dossiers that the count's rule
-- keeps, below the cursor. For a province the planner reads kpi_dossier's key backwards until a page matches; for a
-- ward or a department, whose dossiers are a small share, it reads theirs by these indexes and sorts them, rather
-- than the whole table. The processing counts belong to the dossier's answerable agency, the intake counts to its
-- receiving desk: one index for each.
CREATE INDEX kpi_dossier_agency_idx ON kpi_dossier (agency_id, dossier_id);
CREATE INDEX kpi_dossier_receiving_idx ON kpi_dossier (receiving_agency_id, dossier_id);
