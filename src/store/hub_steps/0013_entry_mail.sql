-- Hub schema 13: an email's own fields travel (diary schema 13's kind
-- `entry_mail`), and the hub knows its own schema.
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

RESET ROLE;
