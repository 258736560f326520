-- MotCua migration 0025: the dossiers behind a KPI figure (GET /staff/v1/kpis/dossiers, issue 9) read a page at a
-- time from kpi_dossier (Store::KpiDossiers): per selected agency, its dossiers newest first below the cursor, until a
-- page's worth matches the count's rule. The processing counts belong to the dossier's answerable agency, the intake
-- counts to its receiving desk: one index for each, by agency then id, so that each agency's range is read backwards
-- from the cursor instead of every dossier of the subtree and period being judged for each page.
CREATE INDEX kpi_dossier_agency_idx ON kpi_dossier (agency_id, dossier_id);
CREATE INDEX kpi_dossier_receiving_idx ON kpi_dossier (receiving_agency_id, dossier_id);
