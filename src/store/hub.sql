-- The casebook hub: plain PostgreSQL (13 or later), made by `casebook hub init`.
--
-- Records are kept as JSON objects of the diary's columns, one row per record
-- (kind, uuid), with each field's clock stamp and the hub version at which it
-- last changed, so the hub needs no change when the diary's schema grows.
-- `version` is the Replicache-style pull cursor: every push takes the next
-- number from the one `meta` row, whose row lock serialises pushes, so a
-- version is only ever visible after every smaller one (a sequence would not
-- promise that). A deleted record keeps only its kind, uuid and owner.
--
-- Security: every table belongs to the NOLOGIN role casebook_owner, has row
-- level security enabled and FORCED, and devices (members of casebook_device)
-- may only call casebook.hello and casebook.push (SECURITY DEFINER, with a
-- pinned search_path) and read the records their policy lets them see.

DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'casebook_owner') THEN
        CREATE ROLE casebook_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'casebook_device') THEN
        CREATE ROLE casebook_device NOLOGIN;
    END IF;
END $$;

GRANT casebook_owner TO CURRENT_USER;
CREATE SCHEMA casebook AUTHORIZATION casebook_owner;
REVOKE ALL ON SCHEMA casebook FROM PUBLIC;
SET ROLE casebook_owner;

CREATE TABLE casebook.meta (
    row_id integer PRIMARY KEY CHECK (row_id = 1),
    -- the newest diary schema that has synced: older devices must upgrade
    schema integer NOT NULL,
    -- the last version given out
    version bigint NOT NULL DEFAULT 0,
    -- the version up to which `casebook hub scrub` has rewritten the table
    -- files, so that deleted and erased records leave no bytes behind
    scrubbed bigint NOT NULL DEFAULT 0
);

CREATE TABLE casebook.offices (
    name text PRIMARY KEY
);

CREATE TABLE casebook.devices (
    name text PRIMARY KEY,
    role name NOT NULL UNIQUE,
    councillor text NOT NULL,
    office text REFERENCES casebook.offices(name),
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    last_seen timestamptz,
    -- the version the device had pulled up to when it last called
    cursor bigint NOT NULL DEFAULT 0,
    -- the last push applied (a retried push with this id or lower is ignored)
    last_mutation bigint NOT NULL DEFAULT 0,
    -- the hub transaction that applied it: a push is sent in parts, all in
    -- one transaction, and only that transaction may add to it
    push_xact bigint,
    -- the id of the diary on it (the device in its clock stamps), told at
    -- each sync, so that other devices can name it in their conflicts room
    diary uuid
);

CREATE TABLE casebook.records (
    kind text NOT NULL,
    uuid uuid NOT NULL,
    -- the councillor the record belongs to, and their office
    owner text NOT NULL,
    office text,
    -- the case an entry, referral, follow-up or case person is on
    case_uuid uuid,
    -- the contact a record points to (contact_id, to_contact_id)
    contact_uuid uuid,
    -- shared with the owner's office: a shared case, what hangs off it, and
    -- the contacts those point to; surgeries and the directory
    office_visible boolean NOT NULL DEFAULT false,
    data jsonb NOT NULL DEFAULT '{}',
    clocks jsonb NOT NULL DEFAULT '{}',
    versions jsonb NOT NULL DEFAULT '{}',
    deleted boolean NOT NULL DEFAULT false,
    erased boolean NOT NULL DEFAULT false,
    version bigint NOT NULL,
    PRIMARY KEY (kind, uuid)
);
CREATE INDEX records_version ON casebook.records (version);
CREATE INDEX records_case ON casebook.records (case_uuid) WHERE case_uuid IS NOT NULL;
CREATE INDEX records_contact ON casebook.records (contact_uuid) WHERE contact_uuid IS NOT NULL;
-- an attachment's entry, to keep it on its entry's case
CREATE INDEX records_attachment_entry ON casebook.records ((data->>'entry_id'))
    WHERE kind = 'attachment';

-- The bytes of an attachment (its description is a record of kind
-- 'attachment'): one row per file, put by its own call after the push
-- that described it, so a big file never holds a push open; at most 32 MiB
-- (casebook.put_attachment). Deleted with its record, in the same push.
CREATE TABLE casebook.attachment_bytes (
    uuid uuid PRIMARY KEY,
    data bytea NOT NULL
);

ALTER TABLE casebook.meta ENABLE ROW LEVEL SECURITY;
ALTER TABLE casebook.meta FORCE ROW LEVEL SECURITY;
ALTER TABLE casebook.offices ENABLE ROW LEVEL SECURITY;
ALTER TABLE casebook.offices FORCE ROW LEVEL SECURITY;
ALTER TABLE casebook.devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE casebook.devices FORCE ROW LEVEL SECURITY;
ALTER TABLE casebook.records ENABLE ROW LEVEL SECURITY;
ALTER TABLE casebook.records FORCE ROW LEVEL SECURITY;
ALTER TABLE casebook.attachment_bytes ENABLE ROW LEVEL SECURITY;
ALTER TABLE casebook.attachment_bytes FORCE ROW LEVEL SECURITY;

-- The owner (the functions below run as it) sees everything.
CREATE POLICY owner_all ON casebook.meta TO casebook_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON casebook.offices TO casebook_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON casebook.devices TO casebook_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON casebook.records TO casebook_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON casebook.attachment_bytes TO casebook_owner USING (true) WITH CHECK (true);

-- The calling device, if it is known and not revoked.
CREATE FUNCTION casebook.me() RETURNS casebook.devices
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT d FROM casebook.devices d WHERE d.role = session_user AND d.revoked_at IS NULL
$$;

-- A device reads its councillor's records, and its office's shared ones.
CREATE POLICY device_read ON casebook.meta FOR SELECT TO casebook_device USING (true);
CREATE POLICY device_read ON casebook.records FOR SELECT TO casebook_device USING (
    owner = (casebook.me()).councillor
    OR (office_visible AND office IS NOT NULL AND office = (casebook.me()).office)
);
-- A file's bytes are seen exactly when its description is: the subquery
-- reads casebook.records as the device, under the policy above.
CREATE POLICY device_read ON casebook.attachment_bytes FOR SELECT TO casebook_device USING (
    EXISTS (SELECT 1 FROM casebook.records r
            WHERE r.kind = 'attachment' AND r.uuid = attachment_bytes.uuid AND NOT r.deleted)
);

-- Checks the calling device and its diary's schema; returns the device.
CREATE FUNCTION casebook.check_device(device_schema integer) RETURNS casebook.devices
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d casebook.devices;
    hub_schema integer;
BEGIN
    d := casebook.me();
    IF d.name IS NULL THEN
        RAISE EXCEPTION 'casebook: this device is not registered or was revoked'
            USING ERRCODE = '28000';
    END IF;
    SELECT schema INTO hub_schema FROM casebook.meta;
    IF device_schema < hub_schema THEN
        RAISE EXCEPTION 'casebook: upgrade to schema %', hub_schema
            USING ERRCODE = 'P0001', HINT = 'upgrade';
    END IF;
    IF device_schema > hub_schema THEN
        UPDATE casebook.meta SET schema = device_schema;
    END IF;
    RETURN d;
END $$;

-- Said at the start of every sync: the device's schema and cursor. Returns
-- the last push the hub applied from this device.
CREATE FUNCTION casebook.hello(device_schema integer, device_cursor bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d casebook.devices;
BEGIN
    d := casebook.check_device(device_schema);
    UPDATE casebook.devices SET last_seen = now(), cursor = greatest(cursor, device_cursor)
        WHERE name = d.name;
    RETURN d.last_mutation;
END $$;

-- One push: every change of one device's outbox, in one transaction. A big
-- outbox (a diary's first sync) is sent as several calls with the same
-- mutation id in that one transaction; each part takes its own version, and
-- the row lock on meta, held from the first part to the commit, still keeps
-- versions visible strictly in order.
-- changes: [{kind, uuid, op: upsert|delete|erase, fields: {..}, clocks: {..}}]
-- Its statements are planned afresh on each call (force_custom_plan): a
-- first sync grows the records table from nothing within one session, and
-- a plan cached while it was small (a sequential scan) would make every
-- later part read the whole table.
CREATE FUNCTION casebook.push(device_schema integer, mutation bigint, changes jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    d casebook.devices;
    v bigint;
    c jsonb;
    r casebook.records;
    f text;
    val jsonb;
    stamp text;
    changed boolean;
    k text;
    id uuid;
    fresh jsonb;
BEGIN
    d := casebook.check_device(device_schema);
    IF mutation < d.last_mutation
       OR (mutation = d.last_mutation AND d.push_xact IS DISTINCT FROM txid_current()) THEN
        -- A retry of a push that was applied: nothing to do.
        RETURN (SELECT version FROM casebook.meta);
    END IF;
    -- The row lock on meta serialises pushes until this one commits.
    UPDATE casebook.meta SET version = version + 1 RETURNING version INTO v;
    -- Records the hub has never seen (nearly all of a first sync) go in with
    -- one multi-row insert; the loop below merges the rest field by field.
    SELECT coalesce(jsonb_object_agg(key, true), '{}') INTO fresh
        FROM (SELECT DISTINCT (e->>'kind') || '/' || (e->>'uuid') AS key
              FROM jsonb_array_elements(changes) e
              WHERE e->>'op' = 'upsert'
                AND NOT EXISTS (SELECT 1 FROM casebook.records x
                                WHERE x.kind = e->>'kind' AND x.uuid = (e->>'uuid')::uuid)) n;
    INSERT INTO casebook.records (kind, uuid, owner, office, case_uuid, contact_uuid,
            office_visible, data, clocks, versions, version)
        SELECT e->>'kind', (e->>'uuid')::uuid, d.councillor, d.office,
            -- casebook.case_of and contact_of, written out (a function with
            -- its own search_path is called row by row, never inlined)
            CASE WHEN e->>'kind' IN ('entry', 'referral', 'follow_up', 'case_person')
                 THEN (e->'fields'->>'case_id')::uuid END,
            coalesce(e->'fields'->>'contact_id', e->'fields'->>'to_contact_id')::uuid,
            e->>'kind' IN ('surgery', 'directory'), e->'fields', e->'clocks',
            (SELECT coalesce(jsonb_object_agg(key, v), '{}') FROM jsonb_object_keys(e->'fields') key),
            v
        FROM jsonb_array_elements(changes) e
        WHERE e->>'op' = 'upsert' AND fresh ? ((e->>'kind') || '/' || (e->>'uuid'));
    FOR c IN SELECT value FROM jsonb_array_elements(changes)
             WHERE NOT (value->>'op' = 'upsert' AND fresh ? ((value->>'kind') || '/' || (value->>'uuid')))
    LOOP
        k := c->>'kind';
        id := (c->>'uuid')::uuid;
        SELECT * INTO r FROM casebook.records WHERE kind = k AND uuid = id FOR UPDATE;
        IF FOUND THEN
            IF r.deleted THEN CONTINUE; END IF;
            IF NOT (r.owner = d.councillor
                    OR (r.office_visible AND r.office IS NOT NULL AND r.office = d.office)) THEN
                CONTINUE;
            END IF;
            IF c->>'op' = 'delete' THEN
                UPDATE casebook.records SET deleted = true, erased = false, data = '{}',
                    clocks = '{}', versions = '{}', version = v
                    WHERE kind = k AND uuid = id;
                IF k = 'attachment' THEN
                    DELETE FROM casebook.attachment_bytes WHERE uuid = id;
                ELSIF k = 'entry' THEN
                    -- its files go with it, bytes and all (the device sends
                    -- their deletes too; this makes sure)
                    DELETE FROM casebook.attachment_bytes b USING casebook.records a
                        WHERE a.kind = 'attachment' AND a.data->>'entry_id' = id::text
                          AND b.uuid = a.uuid;
                    UPDATE casebook.records SET deleted = true, erased = false, data = '{}',
                        clocks = '{}', versions = '{}', version = v
                        WHERE kind = 'attachment' AND data->>'entry_id' = id::text AND NOT deleted;
                END IF;
                CONTINUE;
            END IF;
            IF c->>'op' = 'erase' THEN
                UPDATE casebook.records SET erased = true, version = v WHERE kind = k AND uuid = id;
                CONTINUE;
            END IF;
            IF r.erased THEN CONTINUE; END IF;
            changed := false;
            FOR f, val IN SELECT key, value FROM jsonb_each(c->'fields') LOOP
                stamp := c->'clocks'->>f;
                IF stamp IS NOT NULL AND (r.clocks->>f IS NULL OR stamp > r.clocks->>f) THEN
                    r.data := jsonb_set(r.data, ARRAY[f], val);
                    r.clocks := jsonb_set(r.clocks, ARRAY[f], to_jsonb(stamp));
                    r.versions := jsonb_set(r.versions, ARRAY[f], to_jsonb(v));
                    changed := true;
                END IF;
            END LOOP;
            IF changed THEN
                UPDATE casebook.records SET data = r.data, clocks = r.clocks, versions = r.versions,
                    case_uuid = casebook.case_of(k, r.data),
                    contact_uuid = casebook.contact_of(r.data), version = v
                    WHERE kind = k AND uuid = id;
            END IF;
        ELSIF c->>'op' = 'upsert' THEN
            INSERT INTO casebook.records (kind, uuid, owner, office, case_uuid, contact_uuid,
                    office_visible, data, clocks, versions, version)
                VALUES (k, id, d.councillor, d.office, casebook.case_of(k, c->'fields'),
                    casebook.contact_of(c->'fields'), k IN ('surgery', 'directory'),
                    c->'fields', c->'clocks',
                    (SELECT coalesce(jsonb_object_agg(key, v), '{}') FROM jsonb_object_keys(c->'fields') key),
                    v);
        ELSIF c->>'op' = 'delete' THEN
            -- Never pushed before: a tombstone, so no late copy revives it.
            INSERT INTO casebook.records (kind, uuid, owner, office, deleted, version)
                VALUES (k, id, d.councillor, d.office, true, v);
        END IF;
    END LOOP;
    PERFORM casebook.refresh_visibility(v);
    UPDATE casebook.devices SET last_mutation = mutation, push_xact = txid_current(),
        last_seen = now() WHERE name = d.name;
    RETURN v;
END $$;

-- A big push (a diary's first sync) staged by the device with COPY into
-- its session's temporary table casebook_push (n, kind, uuid, op, fields,
-- clocks), in the push's transaction. The records the hub has never seen go
-- in with one set-based insert; everything else (edits, deletions,
-- erasures) goes through casebook.push's field-by-field merge, in the
-- device's order. Same checks, mutation id, versions and serialisation as
-- casebook.push: the meta row lock is taken before anything is written.
CREATE FUNCTION casebook.push_staged(device_schema integer, mutation bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    d casebook.devices;
    v bigint;
    rest jsonb;
    fresh jsonb;
BEGIN
    d := casebook.check_device(device_schema);
    -- The staging table is the device's own: this function reads it as the
    -- hub's owner, so it must be a plain table of the expected columns, with
    -- no row security, rules or children through which the device's own
    -- code (a policy calling its function) would run with the owner's rights.
    IF NOT EXISTS (
        SELECT 1 FROM pg_class c
        WHERE c.oid = to_regclass('pg_temp.casebook_push')
          AND c.relnamespace = pg_my_temp_schema()
          AND c.relkind = 'r' AND NOT c.relrowsecurity AND NOT c.relforcerowsecurity
          AND NOT c.relhasrules AND NOT c.relhassubclass
          AND (SELECT array_agg(a.atttypid ORDER BY a.attnum) FROM pg_attribute a
               WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
              = ARRAY['bigint', 'text', 'uuid', 'text', 'jsonb', 'jsonb']::regtype[]::oid[])
    THEN
        RAISE EXCEPTION 'casebook: the push''s staging table is not as casebook makes it'
            USING ERRCODE = '42501';
    END IF;
    IF mutation < d.last_mutation
       OR (mutation = d.last_mutation AND d.push_xact IS DISTINCT FROM txid_current()) THEN
        RETURN (SELECT version FROM casebook.meta);
    END IF;
    UPDATE casebook.meta SET version = version + 1 RETURNING version INTO v;
    WITH inserted AS (
        INSERT INTO casebook.records (kind, uuid, owner, office, case_uuid, contact_uuid,
                office_visible, data, clocks, versions, version)
            SELECT DISTINCT ON (s.kind, s.uuid) s.kind, s.uuid, d.councillor, d.office,
                CASE WHEN s.kind IN ('entry', 'referral', 'follow_up', 'case_person')
                     THEN (s.fields->>'case_id')::uuid END,
                coalesce(s.fields->>'contact_id', s.fields->>'to_contact_id')::uuid,
                s.kind IN ('surgery', 'directory'), s.fields, s.clocks,
                (SELECT coalesce(jsonb_object_agg(key, v), '{}') FROM jsonb_object_keys(s.fields) key),
                v
            FROM ONLY pg_temp.casebook_push s
            WHERE s.op = 'upsert'
              AND NOT EXISTS (SELECT 1 FROM casebook.records x
                              WHERE x.kind = s.kind AND x.uuid = s.uuid)
            ORDER BY s.kind, s.uuid, s.n
            RETURNING kind || '/' || uuid AS key)
    SELECT coalesce(jsonb_object_agg(key, true), '{}') INTO fresh FROM inserted;
    PERFORM casebook.refresh_visibility(v);
    UPDATE casebook.devices SET last_mutation = mutation, push_xact = txid_current(),
        last_seen = now() WHERE name = d.name;
    -- The rest, in the device's order: every change but the inserts just
    -- made, merged field by field.
    SELECT jsonb_agg(jsonb_build_object('kind', s.kind, 'uuid', s.uuid, 'op', s.op,
                                        'fields', s.fields, 'clocks', s.clocks) ORDER BY s.n)
        INTO rest
        FROM ONLY pg_temp.casebook_push s
        WHERE NOT (s.op = 'upsert' AND fresh ? (s.kind || '/' || s.uuid));
    IF rest IS NOT NULL THEN
        v := casebook.push(device_schema, mutation, rest);
    END IF;
    RETURN v;
END $$;

CREATE FUNCTION casebook.case_of(k text, data jsonb) RETURNS uuid
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN k IN ('entry', 'referral', 'follow_up', 'case_person')
                THEN (data->>'case_id')::uuid END
$$;

CREATE FUNCTION casebook.contact_of(data jsonb) RETURNS uuid
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce(data->>'contact_id', data->>'to_contact_id')::uuid
$$;

-- Who may see what changed in push v: a case is the office's when shared;
-- what hangs off a case follows it; a contact becomes the office's when an
-- office record points to it. A record whose visibility changes gets
-- version v, so the office's devices pull it.
CREATE FUNCTION casebook.refresh_visibility(v bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan AS $$
BEGIN
    -- an attachment is on its entry's case: one described in this push,
    -- and those of entries changed in it (moved to another case)
    UPDATE casebook.records a SET case_uuid = e.case_uuid
        FROM casebook.records e
        WHERE a.version = v AND a.kind = 'attachment' AND NOT a.deleted
          AND e.kind = 'entry' AND e.uuid = (a.data->>'entry_id')::uuid
          AND a.case_uuid IS DISTINCT FROM e.case_uuid;
    UPDATE casebook.records a SET case_uuid = e.case_uuid, version = v
        FROM casebook.records e
        WHERE e.version = v AND e.kind = 'entry' AND a.kind = 'attachment'
          AND a.data->>'entry_id' = e.uuid::text AND NOT a.deleted
          AND a.case_uuid IS DISTINCT FROM e.case_uuid;
    UPDATE casebook.records SET office_visible = (coalesce(data->>'shared', '0') = '1'), version = v
        WHERE version = v AND kind = 'case' AND NOT deleted
          AND office_visible <> (coalesce(data->>'shared', '0') = '1');
    -- children of cases changed in this push
    UPDATE casebook.records ch SET office_visible = p.office_visible, version = v
        FROM casebook.records p
        WHERE p.version = v AND p.kind = 'case' AND ch.case_uuid = p.uuid
          AND NOT ch.deleted AND ch.office_visible <> p.office_visible;
    -- records changed in this push, under an unchanged case
    UPDATE casebook.records ch SET office_visible = p.office_visible
        FROM casebook.records p
        WHERE ch.version = v AND ch.case_uuid IS NOT NULL AND p.kind = 'case'
          AND p.uuid = ch.case_uuid AND NOT ch.deleted AND ch.office_visible <> p.office_visible;
    -- contacts pointed to by office records changed in this push
    UPDATE casebook.records k SET office_visible = true, version = v
        FROM casebook.records r
        WHERE r.version = v AND r.office_visible AND r.contact_uuid = k.uuid
          AND k.kind = 'contact' AND NOT k.office_visible AND NOT k.deleted;
    -- contacts changed in this push, pointed to by office records
    UPDATE casebook.records k SET office_visible = true
        WHERE k.version = v AND k.kind = 'contact' AND NOT k.office_visible AND NOT k.deleted
          AND EXISTS (SELECT 1 FROM casebook.records r WHERE r.contact_uuid = k.uuid AND r.office_visible);
END $$;

-- The bytes of an attachment this device's councillor described in a
-- push: each file in a call (and transaction) of its own, checked against
-- the description's SHA-256; a second call for the same file does nothing,
-- so a cut-off upload simply starts again. Returns false when there is no
-- such live attachment of theirs (deleted meanwhile: nothing is kept).
CREATE FUNCTION casebook.put_attachment(device_schema integer, id uuid, bytes bytea) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d casebook.devices;
    r casebook.records;
BEGIN
    d := casebook.check_device(device_schema);
    -- FOR SHARE waits for a push deleting it, then sees it deleted.
    SELECT * INTO r FROM casebook.records WHERE kind = 'attachment' AND uuid = id FOR SHARE;
    IF NOT FOUND OR r.deleted OR r.owner <> d.councillor THEN
        RETURN false;
    END IF;
    IF octet_length(bytes) > 33554432 THEN
        RAISE EXCEPTION 'casebook: an attachment bigger than 32 MiB stays on its device'
            USING ERRCODE = '54000';
    END IF;
    IF encode(sha256(bytes), 'hex') IS DISTINCT FROM r.data->>'sha256' THEN
        RAISE EXCEPTION 'casebook: the attachment''s bytes do not match its SHA-256'
            USING ERRCODE = '22000';
    END IF;
    INSERT INTO casebook.attachment_bytes (uuid, data) VALUES (id, bytes) ON CONFLICT DO NOTHING;
    RETURN true;
END $$;

-- Notes the calling device's diary id and returns the diary ids and names
-- of the devices it may hear from (its councillor's, and its office's),
-- for the conflicts room.
CREATE FUNCTION casebook.device_names(diary_id uuid) RETURNS TABLE (device_diary uuid, device_name text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d casebook.devices;
BEGIN
    d := casebook.me();
    IF d.name IS NULL THEN
        RAISE EXCEPTION 'casebook: this device is not registered or was revoked'
            USING ERRCODE = '28000';
    END IF;
    UPDATE casebook.devices x SET diary = diary_id
        WHERE x.name = d.name AND x.diary IS DISTINCT FROM diary_id;
    RETURN QUERY SELECT x.diary, x.name FROM casebook.devices x
        WHERE x.diary IS NOT NULL
          AND (x.councillor = d.councillor OR (x.office IS NOT NULL AND x.office = d.office));
END $$;

RESET ROLE;

REVOKE ALL ON ALL TABLES IN SCHEMA casebook FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA casebook FROM PUBLIC;
GRANT USAGE ON SCHEMA casebook TO casebook_device;
GRANT SELECT ON casebook.records, casebook.meta, casebook.attachment_bytes TO casebook_device;
GRANT EXECUTE ON FUNCTION casebook.me(), casebook.hello(integer, bigint),
    casebook.push(integer, bigint, jsonb), casebook.push_staged(integer, bigint),
    casebook.put_attachment(integer, uuid, bytea),
    casebook.device_names(uuid) TO casebook_device;

-- A big push stages its changes in a temporary table of the device's own
-- session (casebook.push_staged), so devices need the database's TEMPORARY
-- privilege, which PUBLIC has unless the database was hardened. It lets a
-- device make tables that only its own session sees and that vanish with
-- it: no access to anything of the hub's. An administrator who may not
-- grant it gets a notice; devices then push big pushes in parts instead.
DO $$
BEGIN
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO casebook_device', current_database());
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'casebook: could not grant TEMPORARY to casebook_device; big pushes go in parts';
END $$;
