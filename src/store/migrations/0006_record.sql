-- casebook schema, version 6: the record a councillor keeps from the screens.
--
-- SPEC section 2 names fields the first schema had no column for. Each is
-- optional, so a diary from version 5 upgrades with every value NULL (not
-- recorded), never a guess.

-- The contact's preferred language for anything written to or about them.
ALTER TABLE contacts ADD COLUMN language TEXT
    CHECK (language IN ('en', 'cy', 'both'));

-- The date the constituent first made contact, when it was before the case
-- was typed in (surgery notes written up that evening). NULL: the opened date.
ALTER TABLE cases ADD COLUMN contacted_on TEXT;

-- When the constituent agreed (or refused) to their details being shared:
-- the workbook's "always ask permission before sharing", with its date.
ALTER TABLE cases ADD COLUMN consent_on TEXT;

-- A sentence on how the case ended, asked for with the outcome on closing.
ALTER TABLE cases ADD COLUMN outcome_note TEXT;

-- Shared with the councillor's office (the ward team) or private (0, the
-- default): what a shared hub may show a colleague.
ALTER TABLE cases ADD COLUMN shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1));
