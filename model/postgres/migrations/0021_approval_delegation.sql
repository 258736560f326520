-- MotCua migration 0021: delegation of approval (ủy quyền phê duyệt). A manager lets a colleague of the same agency
-- approve or return results on their behalf for a range of days; every act done under it names both, in the history
-- (dossier_event.on_behalf_of) and in the audit trail (audit_event.delegator_id, from motcua.actor_delegator).

CREATE TABLE approval_delegation (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_id    bigint NOT NULL REFERENCES agency (id),
    delegator_id bigint NOT NULL REFERENCES staff (id),
    delegate_id  bigint NOT NULL REFERENCES staff (id),
    -- Local (Vietnam) calendar days, both included.
    valid_from   date NOT NULL,
    valid_to     date NOT NULL,
    note         text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    revoked_by   bigint REFERENCES staff (id),
    CONSTRAINT approval_delegation_not_self CHECK (delegator_id <> delegate_id),
    CONSTRAINT approval_delegation_range CHECK (valid_from <= valid_to),
    CONSTRAINT approval_delegation_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
-- "Does this person hold a delegation today?" is asked on every approval and on opening a dossier awaiting one.
CREATE INDEX approval_delegation_delegate_idx ON approval_delegation (delegate_id, valid_to)
    WHERE revoked_at IS NULL;
CREATE INDEX approval_delegation_agency_idx ON approval_delegation (agency_id, valid_to);

-- The second wall: a staff request sees its own agencies' delegations only.
ALTER TABLE approval_delegation ENABLE ROW LEVEL SECURITY;
CREATE POLICY approval_delegation_read ON approval_delegation FOR SELECT
    USING ((SELECT motcua_scope_all()) OR agency_id = ANY (CAST((SELECT motcua_scope_agencies()) AS bigint[])));
CREATE POLICY approval_delegation_insert ON approval_delegation FOR INSERT
    WITH CHECK ((SELECT motcua_scope_all()) OR agency_id = ANY (CAST((SELECT motcua_scope_agencies()) AS bigint[])));
CREATE POLICY approval_delegation_update ON approval_delegation FOR UPDATE
    USING ((SELECT motcua_scope_all()) OR agency_id = ANY (CAST((SELECT motcua_scope_agencies()) AS bigint[])));

ALTER TABLE dossier_event ADD COLUMN on_behalf_of bigint REFERENCES staff (id);

-- Left unused by migration 0020's policies.
DROP FUNCTION motcua_dossier_visible(bigint, bigint, smallint, bigint);
DROP FUNCTION motcua_scope_consulted(bigint);
