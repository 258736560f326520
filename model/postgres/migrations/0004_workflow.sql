-- MotCua migration 0004: the whole road of a dossier — stage deadlines, outcome, reschedule, register numbers,
-- hand-overs in the history, the system role, agencies that let their clerks assign.

ALTER TABLE agency ADD COLUMN clerks_may_assign boolean NOT NULL DEFAULT false;

ALTER TABLE dossier
    ADD COLUMN intake_due_at    timestamptz,
    ADD COLUMN forward_due_at   timestamptz,
    ADD COLUMN clock_started_at timestamptz,
    ADD COLUMN original_due_at  timestamptz,
    ADD COLUMN supplement_requests_after_appraisal integer NOT NULL DEFAULT 0
        CONSTRAINT dossier_supplement_requests_not_negative CHECK (supplement_requests_after_appraisal >= 0),
    ADD COLUMN outcome          smallint NOT NULL DEFAULT 0 CONSTRAINT dossier_outcome_range CHECK (outcome BETWEEN 0 AND 2),
    ADD COLUMN outcome_note     text NOT NULL DEFAULT '',
    ADD COLUMN register_year    integer,
    ADD COLUMN register_number  integer,
    ADD CONSTRAINT dossier_register_both CHECK ((register_year IS NULL) = (register_number IS NULL));
-- One number per entry of a book: the receiving agency's register of one year (form 07).
CREATE UNIQUE INDEX dossier_register_idx ON dossier (receiving_agency_id, register_year, register_number)
    WHERE register_number IS NOT NULL;

-- The last number given in each book; the row is held until the accepting transaction commits (no gap, no twin).
CREATE TABLE register_counter (
    agency_id   bigint NOT NULL REFERENCES agency (id),
    year        integer NOT NULL,
    last_number integer NOT NULL CONSTRAINT register_counter_positive CHECK (last_number > 0),
    PRIMARY KEY (agency_id, year)
);

-- Hand-overs: every event says which agency and person held the dossier before and after it, and the deadline of
-- the stage it closed, so that the control sheet (form 06) is read from the history alone.
ALTER TABLE dossier_event
    ADD COLUMN from_agency_id bigint REFERENCES agency (id),
    ADD COLUMN to_agency_id   bigint REFERENCES agency (id),
    ADD COLUMN to_staff_id    bigint REFERENCES staff (id),
    ADD COLUMN stage_due_at   timestamptz,
    DROP CONSTRAINT dossier_event_role_range,
    ADD CONSTRAINT dossier_event_role_range CHECK (role BETWEEN 1 AND 7);

-- The closing job looks for open pauses older than 15 days.
CREATE INDEX dossier_pause_open_started_idx ON dossier_pause (started_at) WHERE ended_at IS NULL;
