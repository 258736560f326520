-- The register of issued documents: every output row may carry the identifier printed on it (mã số giấy tờ), who
-- signed it, for which agency, and whether it was revoked; each procedure names the template its result is drawn from.
ALTER TABLE dossier_output
    ADD COLUMN identifier     text,
    ADD COLUMN agency_id      bigint REFERENCES agency (id),
    ADD COLUMN signer_name    text,
    ADD COLUMN revoked_at     timestamptz,
    ADD COLUMN revoked_reason text,
    ADD CONSTRAINT dossier_output_identifier_shape
        CHECK (identifier ~ '^[0-9]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'),
    ADD CONSTRAINT dossier_output_revoked_with_reason
        CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL));
CREATE UNIQUE INDEX dossier_output_identifier_key ON dossier_output (identifier) WHERE identifier IS NOT NULL;

ALTER TABLE procedure
    ADD COLUMN result_template text NOT NULL DEFAULT 'decision'
        CONSTRAINT procedure_result_template_name CHECK (result_template ~ '^[a-z0-9][a-z0-9-]{0,59}$');
