-- MotCua migration 0018: the audit trail. Every act on a dossier and every opening of a dossier or a document is a
-- row, append-only and hash-chained, so that `motcua-server audit verify` finds any change, deletion or reordering.
--
-- Who acted comes from transaction-local settings that the server states with the scope (access_scope.h):
-- motcua.actor_kind (1 staff, 2 the citizen app, 3 the public, 4 the server itself), motcua.actor_staff,
-- motcua.actor_delegator (the manager on whose behalf, under a delegation), motcua.actor_role, motcua.actor_agency,
-- motcua.actor_client (the citizen app's client id) and motcua.actor_address (the caller's network address).
-- Bulk loads by IT's tools state no actor and are not audited.

CREATE TABLE audit_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor_kind     smallint NOT NULL CONSTRAINT audit_event_actor_kind_range CHECK (actor_kind BETWEEN 1 AND 4),
    staff_id       bigint,
    delegator_id   bigint,
    role           smallint,
    agency_id      bigint,
    client_id      bigint,
    client_address text NOT NULL DEFAULT '',
    -- 'open.dossier', 'open.document', 'open.attachment', 'act:<Action number>' (a transition, from its history row)
    action         text NOT NULL CONSTRAINT audit_event_action_not_empty CHECK (action <> ''),
    dossier_id     bigint,
    document_id    bigint,
    detail         text NOT NULL DEFAULT '',
    -- Set once by motcua_audit_seal: the row's place in the chain and sha256(previous chain_hash || its text).
    seq            bigint CONSTRAINT audit_event_seq_key UNIQUE,
    chain_hash     bytea,
    CONSTRAINT audit_event_sealed CHECK ((seq IS NULL) = (chain_hash IS NULL))
);
CREATE INDEX audit_event_dossier_idx ON audit_event (dossier_id, id) WHERE dossier_id IS NOT NULL;
CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE seq IS NULL;

-- The end of the chain: deleting the newest rows leaves the head pointing past the last one.
CREATE TABLE audit_head (
    one        boolean PRIMARY KEY DEFAULT true CONSTRAINT audit_head_one_row CHECK (one),
    seq        bigint NOT NULL,
    chain_hash bytea NOT NULL
);
INSERT INTO audit_head (seq, chain_hash) VALUES (0, ''::bytea);

-- The bytes a row's hash covers; model/audit.cpp (AuditChainText) builds the same text to check it independently.
-- Text fields carry their length so that no choice of text can imitate another row.
CREATE FUNCTION motcua_audit_text(e audit_event) RETURNS text
    LANGUAGE sql STABLE
AS $$
    SELECT concat_ws('|', e.id, e.seq, CAST(extract(epoch FROM e.at) * 1000000 AS bigint), e.actor_kind,
                     coalesce(CAST(e.staff_id AS text), ''), coalesce(CAST(e.delegator_id AS text), ''),
                     coalesce(CAST(e.role AS text), ''), coalesce(CAST(e.agency_id AS text), ''),
                     coalesce(CAST(e.client_id AS text), ''),
                     octet_length(e.client_address) || ':' || e.client_address,
                     octet_length(e.action) || ':' || e.action,
                     coalesce(CAST(e.dossier_id AS text), ''), coalesce(CAST(e.document_id AS text), ''),
                     octet_length(e.detail) || ':' || e.detail)
$$;

-- A setting of the transaction's actor as a bigint, or NULL when it is not set.
CREATE FUNCTION motcua_actor_id(p_name text) RETURNS bigint
    LANGUAGE sql STABLE
AS $$ SELECT CAST(nullif(coalesce(current_setting('motcua.actor_' || p_name, true), ''), '') AS bigint) $$;

-- Appends an audit row for the transaction's actor; nothing when the transaction stated none (bulk loads).
CREATE FUNCTION motcua_audit(p_at timestamptz, p_action text, p_dossier_id bigint, p_document_id bigint,
                             p_detail text, p_staff_id bigint DEFAULT NULL, p_role smallint DEFAULT NULL)
    RETURNS void
    LANGUAGE sql
AS $$
    INSERT INTO audit_event (at, actor_kind, staff_id, delegator_id, role, agency_id, client_id, client_address,
                             action, dossier_id, document_id, detail)
    SELECT p_at, CAST(motcua_actor_id('kind') AS smallint), coalesce(p_staff_id, motcua_actor_id('staff')),
           motcua_actor_id('delegator'), coalesce(p_role, CAST(motcua_actor_id('role') AS smallint)),
           motcua_actor_id('agency'), motcua_actor_id('client'),
           coalesce(current_setting('motcua.actor_address', true), ''), p_action, p_dossier_id, p_document_id,
           p_detail
     WHERE motcua_actor_id('kind') IS NOT NULL
$$;

-- Every history row is an act: audited in the same transaction, so an act is never without its record.
CREATE FUNCTION motcua_audit_dossier_event() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM motcua_audit(NEW.at, 'act:' || NEW.action, NEW.dossier_id, NULL,
                         NEW.from_status || '/' || NEW.from_sub_state || '>' || NEW.to_status || '/' ||
                         NEW.to_sub_state || CASE WHEN NEW.note = '' THEN '' ELSE ' ' || NEW.note END,
                         NEW.staff_id, NEW.role);
    RETURN NULL;
END
$$;
CREATE TRIGGER dossier_event_audited AFTER INSERT ON dossier_event
    FOR EACH ROW EXECUTE FUNCTION motcua_audit_dossier_event();

-- Nothing changes a row once written except its sealing, once; nothing deletes one.
CREATE FUNCTION motcua_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
       AND (to_jsonb(NEW) - 'seq' - 'chain_hash') = (to_jsonb(OLD) - 'seq' - 'chain_hash') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION motcua_audit_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION motcua_audit_append_only();

-- Chains the committed rows not chained yet, oldest first, up to p_limit; returns how many. One sealer at a time
-- (the head's row lock). SECURITY DEFINER: the application role may not update the trail itself.
CREATE FUNCTION motcua_audit_seal(p_limit integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
    v_seq  bigint;
    v_hash bytea;
    r      audit_event;
    n      integer := 0;
BEGIN
    SELECT seq, chain_hash INTO v_seq, v_hash FROM audit_head FOR UPDATE;
    FOR r IN SELECT * FROM audit_event WHERE seq IS NULL ORDER BY id LIMIT p_limit LOOP
        v_seq := v_seq + 1;
        r.seq := v_seq;
        v_hash := sha256(v_hash || convert_to(motcua_audit_text(r), 'UTF8'));
        UPDATE audit_event SET seq = v_seq, chain_hash = v_hash WHERE id = r.id;
        n := n + 1;
    END LOOP;
    UPDATE audit_head SET seq = v_seq, chain_hash = v_hash;
    RETURN n;
END
$$;

-- Who may read the trail: the server's jobs and IT (scope all), and whoever sees the dossier a row is about.
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_event_read ON audit_event FOR SELECT
    USING (motcua_scope_all()
           OR (dossier_id IS NOT NULL AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = audit_event.dossier_id)));
CREATE POLICY audit_event_insert ON audit_event FOR INSERT WITH CHECK (motcua_scope_set());
