-- Hub schema 13: an email's own fields travel (diary schema 13's kind
-- `entry_mail`), the hub knows its own schema, and a big push's staging
-- table is checked before the hub's owner reads it.
--
-- Run by `casebook hub init` after hub.sql, and by `casebook hub upgrade`
-- on a hub made before it, in the same transaction as the rest. Never edit
-- a step that has shipped: add the next (src/store/hub.rs, HUB_STEPS).

GRANT casebook_owner TO CURRENT_USER;
SET ROLE casebook_owner;

-- The schema of the hub's own tables and functions: the casebook that made
-- or last upgraded it. A device that needs a newer one asks for
-- `casebook hub upgrade` (hub.sql's hubs have no such column: schema 12).
ALTER TABLE casebook.meta ADD COLUMN layout integer NOT NULL DEFAULT 12;

-- an email's entry, to keep its fields on their entry's case
CREATE INDEX records_mail_entry ON casebook.records ((data->>'entry_id'))
    WHERE kind = 'entry_mail';

-- Who may see what changed in push v (hub.sql's, with the email's fields
-- following their entry as attachments do).
CREATE OR REPLACE FUNCTION casebook.refresh_visibility(v bigint) RETURNS void
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
    -- an email's own fields are on their entry's case, as its files are
    -- (hub schema 13): seen exactly when their entry is
    UPDATE casebook.records a SET case_uuid = e.case_uuid
        FROM casebook.records e
        WHERE a.version = v AND a.kind = 'entry_mail' AND NOT a.deleted
          AND e.kind = 'entry' AND e.uuid = (a.data->>'entry_id')::uuid
          AND a.case_uuid IS DISTINCT FROM e.case_uuid;
    UPDATE casebook.records a SET case_uuid = e.case_uuid, version = v
        FROM casebook.records e
        WHERE e.version = v AND e.kind = 'entry' AND a.kind = 'entry_mail'
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

-- A big push's staging table belongs to the device's session, and
-- push_staged reads it as the hub's owner: hub.sql's version read whatever
-- the device had put there, so a row-security policy or a view calling the
-- device's own function ran that code with the owner's rights (a test
-- emptied the hub through it). Now it reads only a plain table of the
-- expected shape.
CREATE OR REPLACE FUNCTION casebook.push_staged(device_schema integer, mutation bigint) RETURNS bigint
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

RESET ROLE;

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
