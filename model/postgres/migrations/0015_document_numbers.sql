-- The number an agency gives each result it issues (số văn bản: "Số: 12/QĐ"), counted per agency and calendar year as
-- its book of outgoing documents does; the issued row keeps the number it printed.
CREATE TABLE document_number_counter (
    agency_id bigint  NOT NULL REFERENCES agency (id),
    year      integer NOT NULL CONSTRAINT document_number_counter_year CHECK (year BETWEEN 2000 AND 9999),
    last      integer NOT NULL CONSTRAINT document_number_counter_last CHECK (last > 0),
    PRIMARY KEY (agency_id, year)
);

ALTER TABLE dossier_output
    ADD COLUMN document_number text
        CONSTRAINT dossier_output_document_number_length CHECK (length(document_number) BETWEEN 1 AND 40);
