-- MotCua migration 0008 (citizen routes): the fields of each procedure's form, shown by the app's catalogue, and
-- the citizen's rating of how a dossier was handled.

-- The members of `formData` the app asks for, in order. Rows, like the required documents.
CREATE TABLE procedure_form_field (
    procedure_id bigint NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    key          text NOT NULL CONSTRAINT procedure_form_field_key_format CHECK (key ~ '^[A-Za-z][A-Za-z0-9_]{0,63}$'),
    label        text NOT NULL CONSTRAINT procedure_form_field_label_not_empty CHECK (label <> ''),
    type         smallint NOT NULL CONSTRAINT procedure_form_field_type_range CHECK (type BETWEEN 1 AND 4),
    required     boolean NOT NULL DEFAULT true,
    PRIMARY KEY (procedure_id, position),
    CONSTRAINT procedure_form_field_key_unique UNIQUE (procedure_id, key)
);

-- One rating per dossier, once its result was returned. The nine scores (0, 1 or 2) follow the order of the
-- indicators in model/citizen_rating.h: total time, time per agency, contacts, agencies contacted, one-stop
-- reception, publication of the procedure, staff attitude, complaint handling, online service.
CREATE TABLE dossier_rating (
    dossier_id bigint PRIMARY KEY REFERENCES dossier (id),
    client_id  bigint REFERENCES api_client (id),
    scores     smallint[] NOT NULL CONSTRAINT dossier_rating_scores_valid
               CHECK (cardinality(scores) = 9 AND array_ndims(scores) = 1 AND 0 <= ALL (scores) AND 2 >= ALL (scores)),
    comment    text NOT NULL DEFAULT '',
    rated_at   timestamptz NOT NULL
);
