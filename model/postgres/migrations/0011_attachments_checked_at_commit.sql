-- MotCua migration 0011: a new dossier's attachments are written first, in their own statement with the bytes as
-- binary parameters, before the dossier and its documents exist: their foreign keys are checked at commit.

ALTER TABLE dossier_attachment ALTER CONSTRAINT dossier_attachment_dossier_id_fkey INITIALLY DEFERRED;
ALTER TABLE dossier_attachment ALTER CONSTRAINT dossier_attachment_document_fkey INITIALLY DEFERRED;
