# casebook's messages in English. Every id here must also be in
# ../cy/casebook.ftl, with the same placeables (tests/i18n.rs checks).
# Write whole sentences with placeables; plurals with selectors.

## Counts used across the interface

follow-up-count =
    { $count ->
        [0] no follow-ups
        [one] 1 follow-up
       *[other] { $count } follow-ups
    }
day-count =
    { $count ->
        [one] 1 day
       *[other] { $count } days
    }

## casebook due (src/cli/due.rs)

due-nothing = Nothing due.
due-follow-ups = Follow-ups due ({ $count }):
due-late-referrals = Late replies to referrals ({ $count }):
due-needs-update =
    Needs an update, no word to them for { $days ->
        [one] 1 day
       *[other] { $days } days
    } or more ({ $count }):
due-today = today
due-unfiled = unfiled
due-overdue =
    { $days ->
        [one] 1 day overdue
       *[other] { $days } days overdue
    }
due-referral =
    { $to }: reply due { $due }, { $days ->
        [one] 1 working day late
       *[other] { $days } working days late
    }
due-last-contact =
    { $name }: last contact { $date }, { $days ->
        [one] 1 day
       *[other] { $days } days
    }
due-no-contact =
    { $name }: no contact yet (opened { $date }), { $days ->
        [one] 1 day
       *[other] { $days } days
    }
due-more = … and { $count } more: open casebook to see them all

## casebook sync --status (src/cli/sync.rs)

sync-status-no-hub = No hub is configured: add [sync] url to the config.
sync-status-never = This diary has not synced with a hub yet.
sync-status-synced = Last synced: { $when }
sync-status-waiting =
    { $count ->
        [0] No changes waiting to go.
        [one] 1 change waiting to go.
       *[other] { $count } changes waiting to go.
    }
sync-status-conflicts =
    { $count ->
        [0] No conflicts.
        [one] 1 conflict to settle: casebook sync --conflicts
       *[other] { $count } conflicts to settle: casebook sync --conflicts
    }
sync-status-failed = The last sync ({ $when }) failed: { $why }
sync-failure-unreachable = the hub could not be reached (offline?)
sync-failure-refused = the hub refused this device (revoked, or never added)
sync-failure-upgrade = the hub needs a newer casebook on this device
sync-failure-bad_url = the hub URL in the config is wrong
sync-failure-hub = the hub reported an error
sync-failure-diary = this diary could not be read or written

## casebook mail with no file: the inbox folder (src/cli/mail.rs)

mail-inbox-missing = The inbox folder { $folder } does not exist: check [mail] inbox in the config.
mail-inbox-not-folder = The inbox { $folder } is not a folder: check [mail] inbox in the config.
mail-inbox-unreadable = The inbox folder { $folder } cannot be read: { $reason }
mail-inbox-empty = No mail files (.eml, .msg, .mbox) in the inbox folder { $folder }.

## The inbox room of the terminal UI (src/app/screens/inbox.rs)

ui-action-goto-inbox = inbox folder
ui-action-goto-conflicts = sync conflicts
ui-action-keep-here = keep this device's
ui-action-keep-other = keep the other's
ui-inbox-title = Inbox: { $folder } ({ $count } waiting)
ui-inbox-title-none = Inbox
ui-inbox-not-set = No inbox folder is set. Put the folder your mail program saves messages to in the config: [mail] inbox = "~/Mail/casework"
ui-inbox-empty =
    { $filed ->
        [0] No messages are waiting in the inbox folder.
        [one] No messages are waiting: the 1 message in the folder is in the diary already.
       *[other] No messages are waiting: the { $filed } messages in the folder are in the diary already.
    }
ui-inbox-date = Date
ui-inbox-from = From
ui-inbox-subject = Subject
ui-inbox-unreadable = cannot be read: { $reason }
ui-inbox-mailbox = mailbox file, first message: { $subject }
# The inbox footer's word for Enter: it files the message (nothing opens).
ui-inbox-file-key = file it
ui-inbox-which-case = File it on which case?
ui-inbox-onto-case = { $reference }  { $title }
ui-inbox-new-case = A new case: { $title }
ui-inbox-person-only = With the person only, on no case
ui-inbox-filed = Filed on { $reference }.
ui-inbox-filed-new = Filed on a new case, { $reference }.
ui-inbox-filed-person = Filed with the person, on no case.
ui-inbox-already = That message is in the diary already.
ui-inbox-taken =
    { $already ->
        [0] { $added ->
                [one] 1 message taken in.
               *[other] { $added } messages taken in.
            }
       *[other] { $added } taken in, { $already } in the diary already.
    }

## casebook mail, draft and attachment (src/mail/words.rs, src/mail_files.rs,
## src/cli/draft.rs, src/cli/attachment.rs, src/letters/compose.rs)

mail-stdin = standard input
mail-no-subject = (no subject)
mail-file-problem = { $file }: { $problem }
mail-file-is-folder = { $file } is a folder: give the mail files in it (e.g. { $file }/*.eml)
mail-file-too-large = { $file } is over 2 GB: split the mailbox
mail-error-empty = the file is empty (0 bytes)
mail-error-not-mail = this is not an email: no From, Date, Subject or Message-ID header was found
mail-error-truncated = the message is cut short: its MIME part ending `--{ $boundary }--` is missing (was the file saved whole?)
mail-error-unknown-charset = the message uses the character set `{ $charset }`, which casebook cannot read
mail-error-empty-mbox = the mbox file holds no messages
mail-error-in-mbox = message { $number } of the mbox file: { $problem }
mail-error-bad-msg = this Outlook .msg file is damaged or not a message: { $detail }
mail-attachment-too-big = { $file }: the attachment { $attachment } is { $size }, over the limit of { $limit } (raise [mail] max_attachment_mb in the config to take it); nothing was taken in
mail-size-mb = { $mb } MB
mail-size-kb = { $count } KB
mail-size-bytes =
    { $count ->
        [one] 1 byte
       *[other] { $count } bytes
    }
mail-contact-created = new contact created: { $name }
mail-unknown-reference = the subject names case { $reference }, which is not in this diary
mail-unfiled-no-cases = not filed on a case: add --new-case to start one from the subject
mail-unfiled-open-cases = not filed: the person has open cases { $cases }; file it from the case screen, or add --new-case
mail-place-new-case = { $reference } (new case)
mail-place-unfiled = unfiled
mail-taken-already = (already in the diary)
mail-taken-attachments =
    { $count ->
        [one] (1 attachment)
       *[other] ({ $count } attachments)
    }
# The kind is the entry kind's name (email_in, email_out), as scripts read it.
mail-taken-line = { $place }  { $kind }  { $who }  { $subject }{ $extra }
mail-summary =
    { $already ->
        [0] { $added ->
                [one] 1 message taken in
               *[other] { $added } messages taken in
            }
       *[other] { $added ->
                [one] 1 message taken in
               *[other] { $added } messages taken in
            }, { $already ->
                [one] 1 message already in the diary
               *[other] { $already } messages already in the diary
            }
    }
draft-no-me-email = an email draft needs your address: set [me] email in the config (or use --format html for a letter)
draft-no-email = { $name } has no email address: add one to the contact, or use --format html for a letter
draft-no-referral = case { $reference } has no referral for a `{ $template }`: refer it first, or give --to NAME
draft-no-constituent = case { $reference } has no constituent to write to: give --to NAME
draft-template-problem = { $problem }; the default template was used
draft-recorded = recorded on the case as draft entry { $entry }; when it has gone, run `casebook draft --sent { $entry }`
draft-marked-sent = entry { $entry } marked as sent
draft-not-a-draft = entry { $entry } is not a draft waiting to be sent
draft-give-case = give --case REF and --template NAME
attachment-line = #{ $id }  { $date }  { $name }  { $type }  { $size }
attachment-checksum = attachment #{ $id } does not match its checksum: the diary may be damaged; run `casebook check`
# An attachment too big for the hub (over 32 MiB): its description came,
# its bytes never will; $device is the hub's name for the device holding it.
attachment-away-on = too big to share through the hub (over 32 MiB): it stays on { $device }, the device that took it in
attachment-away = too big to share through the hub (over 32 MiB): it stays on the device that took it in
attachment-line-away = { $uuid }  { $date }  { $name }  { $type }  { $size }  ({ $why })
attachment-save-away = { $name } is not on this device: { $why }
mail-peek-unreadable = cannot be opened: { $reason }

## casebook hub scrub and status (src/cli/hub.rs)

hub-scrub-nothing = Nothing was deleted or erased since the last scrub: the hub's files are as they were.
hub-scrubbed =
    { $count ->
        [one] The hub's files were rewritten: 1 deleted or erased record left no bytes behind.
       *[other] The hub's files were rewritten: { $count } deleted or erased records left no bytes behind.
    }
hub-scrub-owed =
    { $count ->
        [one] 1 record deleted or erased since the last scrub may still be in the hub's files: run casebook hub scrub
       *[other] { $count } records deleted or erased since the last scrub may still be in the hub's files: run casebook hub scrub
    }

## Days and months (src/i18n/dates.rs)

weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
weekday-short-1 = Mon
weekday-short-2 = Tue
weekday-short-3 = Wed
weekday-short-4 = Thu
weekday-short-5 = Fri
weekday-short-6 = Sat
weekday-short-7 = Sun
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
date-long = { $weekday } { $day } { $month } { $year }
date-short = { $weekday } { $day } { $month } { $year }

## Dates in reports (src/i18n/dates.rs)

date-dmy = { $day } { $month } { $year }
month-year-short = { $month } { $year }
period-range = { $from } – { $to }

## casebook review (src/report/review_doc.rs, src/cli/review.rs)

review-title = Casework review: { $period }
review-subtitle = { $from } to { $to }, compared with the previous period ({ $previous }).
review-q-people = How many people contacted you with problems in the last year?
review-q-who = Who were these people – gender, ethnicity, age, class, employment status?
review-q-how = How did people contact you?
review-q-resolved = How many cases were you able to resolve satisfactorily?
review-q-compare = How does this compare with previous years?
review-q-profile = What was the profile of the problem, e.g. housing, social services, benefits etc?
review-q-under-30 = How many people under 30 contacted you?
review-q-how-long = How long did cases take?
review-q-satisfaction = How satisfied were the people you helped?
review-q-when = When did the casework come in?
review-q-others = How does your casework load and type compare to that of other members?
review-note-people = Counted once each: the constituents of cases opened in the period, and anyone (not an officer, agency or councillor) who called, emailed, wrote, came to a surgery, spoke on the doorstep or messaged on social media in it.
review-note-who = Self-described and optional. "Unknown" means it was not recorded; class is not recorded (employment status is the nearest measure).
review-note-how = The channel of first contact of each case opened in the period.
review-note-satisfaction = Over the cases closed in the period that have a satisfaction score (1 poor – 5 excellent).
review-note-months = Cases opened in each month from the start of the period.
review-others-howto = Swap anonymised summaries with colleagues: `casebook review --summary-out FILE` writes yours (counts only, counts below 5 suppressed); `casebook review --compare FILE…` shows theirs beside yours.
review-figure = Figure
review-change = Change
review-people-head = People
review-cases-head = Cases
review-share-head = Share
review-none-in-period = None in this period
review-h-people = People who contacted you
review-h-opened = Cases opened
review-h-closed = Cases closed
review-h-resolved = Resolved satisfactorily
review-h-rate = Proportion resolved satisfactorily
review-h-under-30 = People under 30
review-h-median = Median days to close
review-h-satisfaction = Average satisfaction (1–5)
review-d-gender = Gender
review-d-age = Age band
review-d-ethnicity = Ethnicity
review-d-employment = Employment status
review-c-channel = Channel of first contact
review-c-category = Category
review-c-kind = Kind of case
review-c-outcome = Outcome
review-c-month = Cases opened per month
review-outcome-unknown = Outcome not recorded
review-unknown = Unknown (not recorded)
review-no-change = no change
review-change-points =
    { $points ->
        [one] { $change } point
       *[other] { $change } points
    }
review-change-days = { $change } days
review-days =
    { $days ->
        [one] 1 day
       *[other] { $shown } days
    }
review-compared-up = up { $change } on { $period } ({ $before })
review-compared-down = down { $change } on { $period } ({ $before })
review-compared-same = the same as in { $period }
review-people =
    { $people ->
        [one] 1 person
       *[other] { $people } people
    } contacted you in { $period }: { $compared }. You opened { $opened ->
        [one] 1 case
       *[other] { $opened } cases
    } and closed { $closed ->
        [one] 1 case
       *[other] { $closed } cases
    }.
review-most-often =
    Most often by { $channel }: { $count } of { $total ->
        [one] 1 case
       *[other] { $total } cases
    }.
review-resolved =
    Of the { $closed ->
        [one] 1 case
       *[other] { $closed } cases
    } closed in { $period }, { $resolved ->
        [one] 1 was
       *[other] { $resolved } were
    } resolved satisfactorily ({ $rate }).
review-none-closed = No cases were closed in { $period }.
review-largest =
    The largest share was { $category }: { $count } of { $total ->
        [one] 1 case
       *[other] { $total } cases
    }.
review-under-30 =
    { $under } of the { $people ->
        [one] 1 person
       *[other] { $people } people
    } who contacted you { $under ->
        [one] was
       *[other] were
    } under 30 ({ $share }): { $compared }.
review-under-30-nobody =
    { $under } of the { $people ->
        [one] 1 person
       *[other] { $people } people
    } who contacted you { $under ->
        [one] was
       *[other] were
    } under 30: { $compared }.
review-median = Half the cases closed in { $period } took { $days } or less from opening to closing.
review-median-before = Half the cases closed in { $period } took { $days } or less from opening to closing ({ $previous }: { $before }).
review-satisfaction =
    Average satisfaction { $score } out of 5, from { $responses ->
        [one] 1 case
       *[other] { $responses } cases
    } with a score.
review-satisfaction-before =
    Average satisfaction { $score } out of 5, from { $responses ->
        [one] 1 case
       *[other] { $responses } cases
    } with a score ({ $previous }: { $before }).
review-no-satisfaction = No satisfaction scores were recorded for cases closed in { $period }.
error-review-year = --year { $year } is outside the years casebook accepts: { $first } to { $last }
error-review-not-a-year = { $year } is not a year casebook can review
error-review-not-a-month = { $month } is not a month: use 1 to 12
error-review-range = --to { $to } is before --from { $from }: give the earlier date first
error-draft-name-ambiguous = { $count } contacts are called `{ $name }`: add the one you mean to the case first
error-write-no-folder = cannot write { $path }: the folder { $folder } does not exist
review-summary-written = Anonymised summary of { $period } written to { $path } (counts below { $threshold } shown as { $suppressed }).

## Errors (src/error.rs, src/dates.rs): printed after "casebook: ", so
## they start in lower case; one line each.

error-option = { $option }: { $problem }
error-not-found =
    no { $what ->
        [attachment] attachment
        [case-with-reference] case with reference
        [case] case
        [conflict] conflict
        [contact] contact
        [device] device
        [diary-entry] diary entry
        [follow-up] follow-up
        [person-on-the-case] person on the case
        [person] person
        [referral] referral
        [surgery] surgery
       *[other] record
    } matches `{ $name }`
error-config = config file { $file }: line { $line }: { $problem }
error-locked = the database { $path } is locked by another program (is casebook open elsewhere?); try again when it has finished
error-not-a-database = { $path } is not a casebook database (the file is not SQLite, or it is encrypted)
error-wrong-passphrase = wrong passphrase for { $path } (or it is not a casebook diary); nothing was changed
error-too-new = { $path } was written by a newer casebook (schema version { $found }, this program knows up to { $known }); install the newer casebook — the file was not changed
error-corrupt = the database { $path } is damaged: { $detail }
error-database = database error: { $detail }
date-forms = use YYYY-MM-DD, DD/MM/YYYY, today, tomorrow, +3d, +2w or a weekday such as mon
error-date-needed = a date is needed: { date-forms }
error-time-needed = a time is needed: { date-forms }, optionally followed by HH:MM
error-not-a-time = `{ $input }` is not a time: use HH:MM
error-not-a-date = `{ $input }` is not a date: { date-forms }
error-date-year = `{ $input }` is not a date: write the year in full (four digits)
error-date-not-real = `{ $input }` is not a real date (there is no day { $day } in month { $month } of { $year })
error-input-date = `{ $input }`: { $problem }
error-date-out-of-window = { $date } is outside the dates casebook accepts: { $first } to { $last }
error-date-in-future = { $date } is in the future: what happened can be dated today ({ $today }) at the latest

error-unknown-value =
    unknown { $list ->
        [case-kind] case kind
        [channel] channel
        [status] status
        [outcome] outcome
        [entry-kind] entry kind
        [role] role
        [contact-kind] contact kind
        [age-band] age band
        [instruction] instruction
        [preferred-contact] preferred contact
        [language] language
        [category] category
       *[other] value
    } `{ $value }`: expected one of { $names }
error-log-empty = the entry text is empty: say what happened
error-log-who-empty = --who is empty: give the person's name

## casebook log (src/cli/log.rs)

log-contact-created = new contact created: { $name }
log-follow-up-on = follow-up on { $date }

## Follow-ups casebook wrote itself (src/domain/followup.rs)

follow-up-with = Follow up with { $name }: { $what }

## casebook patterns (src/cli/patterns.rs)

patterns-none = No patterns: no { $min } or more cases of one category in one area, opened within { $window } days of each other.
patterns-found =
    The bigger picture: { $clusters ->
        [one] 1 cluster
       *[other] { $clusters } clusters
    } of { $min } or more cases of one category in one area, opened within { $window } days of each other.
patterns-cluster =
    { $category } in { $place }: { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }, { $first } to { $last }
patterns-advice = Ask whether a bigger issue lies behind them: one report to the council may fix them all.

## casebook calendar (src/calendar/mod.rs): event summaries

calendar-follow-up-with = Follow up: { $name } ({ $reference })
calendar-follow-up = Follow up ({ $reference })
calendar-surgery = Surgery
calendar-surgery-at = Surgery at { $venue }
calendar-written = calendar written to { $path }

## Letters (src/letters): what casebook adds to a letter itself

letter-our-reference = Our reference: { $reference }

## casebook sar (src/cli/sar.rs): the export is written in the person's
## own language; the lines to the councillor in theirs.

sar-title = Subject access: { $name }
sar-dates = Requested on { $requested }; respond by { $due }. Prepared on { $today }.
sar-intro = This is everything this casework diary holds about { $name }, including entries marked confidential. Where a record also holds another person's data, that part is withheld and the record says so.
sar-personal-details = Personal details
sar-another-person = another person
sar-field-name = Name
sar-field-kind = Kind
sar-field-organisation = Organisation
sar-field-department = Department
sar-field-role = Role
sar-field-address = Address
sar-field-postcode = Postcode
sar-field-phone = Phone
sar-field-email = Email
sar-field-preferred-contact = Preferred contact
sar-field-gender = Gender
sar-field-age-band = Age band
sar-field-ethnicity = Ethnicity
sar-field-employment = Employment status
sar-field-caution = Caution marker
sar-field-notes = Notes
sar-field-language = Language
sar-field-created = Record created
sar-field-identifier = Identifier
sar-field-people = People
sar-field-opened = Opened
sar-field-closed = Closed
sar-field-category = Category
sar-field-channel = First contact by
sar-field-status = Status
sar-field-outcome = Outcome
sar-field-location = Location
sar-field-facts = Facts
sar-field-wanted = Wanted
sar-field-history = History
sar-field-others = Others involved
sar-field-feedback = Feedback
sar-field-consent = Consent to share
sar-field-withheld = Withheld
sar-consent-yes = yes
sar-consent-no = no
sar-consent-not-asked = not asked
sar-cases = Cases ({ $count })
sar-none = None.
sar-diary = Diary
sar-referrals = Referrals
sar-follow-ups = Follow-ups
sar-referral = { $on }: to { $to } ({ $instruction }), reply due { $due }
sar-replied = replied { $on }: { $reply }
sar-third-party = another person's data, withheld as the ICO's guidance allows (third-party information, not disclosed without their consent)
sar-withheld-field = (withheld: see below)
sar-withheld-items = { $items } — { sar-third-party }
sar-withheld-unfiled = Withheld, not on a case: { $items } — { sar-third-party }
sar-withheld-title = title
sar-withheld-location = location
sar-withheld-postcode = postcode
sar-withheld-facts = facts
sar-withheld-wants = what was wanted
sar-withheld-history = history
sar-withheld-others = others involved
sar-withheld-feedback = feedback
sar-withheld-consent = consent to share
sar-withheld-entries =
    { $count ->
        [one] 1 diary entry
       *[other] { $count } diary entries
    }
sar-withheld-follow-ups =
    { $count ->
        [one] 1 follow-up
       *[other] { $count } follow-ups
    }
sar-withheld-referrals =
    { $count ->
        [one] 1 referral
       *[other] { $count } referrals
    }
sar-mentions = Mentioned in other cases ({ $count })
sar-mentions-intro = { $name } is named in these records of other people's cases. Only the passages that name them are given; the rest — { sar-third-party }.
sar-mention-case = { $case } (opened { $date })
sar-not-on-a-case = Not on a case
sar-entry = { $at } { $kind }: { $text }
sar-entry-confidential = { $at } { $kind } (confidential): { $text }
sar-entry-with = { $at } { $kind } with { $name }: { $text }
sar-entry-with-confidential = { $at } { $kind } with { $name } (confidential): { $text }
sar-attachment = attachment: { $name } ({ $type }, { $size }; the file itself is in the JSON export)
sar-follow-up-open = due { $due }: { $what } (not done)
sar-follow-up-done = due { $due }: { $what } (done { $done })
sar-deadline =
    subject access request of { $requested }: respond by { $due } ({ $state ->
        [overdue] { $days ->
            [one] 1 day overdue
           *[other] { $days } days overdue
        }
        [today] due today
       *[left] { $days ->
            [one] 1 day left
           *[other] { $days } days left
        }
    })
sar-answered = subject access request of { $requested } marked answered on { $today } (due { $due })
sar-wrote = wrote { $json } and { $markdown }
person-no-postcode = no postcode
person-similar-left-out = similar names, not included (the same person entered twice?): { $similar }; run again with --id UUID for each
error-sar-none-outstanding = this person has no outstanding subject access request
error-sar-requested-future = --requested { $date } is in the future: give the date the person asked
error-no-diary = there is no diary at { $path } (check --db)
error-person-needed = give the person's name or --id UUID
error-person-similar = no person is called `{ $name }`; similar names: { $similar }; choose one with --id UUID
error-person-several = { $count } people are called `{ $name }`: { $people }; choose one with --id UUID

## casebook followups (src/cli/followups.rs)

followups-nothing = No follow-ups pending.
followups-masked = •••• from a confidential entry
followups-done = done: #{ $number } { $what }
followups-snoozed = #{ $number } moved to { $date }
followups-added = added follow-up #{ $number } on { $reference }, due { $date }
error-snooze-past = DATE: { $date } is in the past: snooze to today or later
error-follow-up-id = `{ $input }` is not a follow-up ID: give the number shown by `casebook followups` (e.g. 12) or a UUID
error-follow-up-done = follow-up #{ $number } was already done on { $date }

## casebook show (src/cli/look.rs)

show-caution = Caution
show-opened = opened
show-closed = closed
show-consent-yes = Agreed to their details being shared
show-consent-no = Has NOT agreed to their details being shared
show-consent-unknown = Not yet asked about sharing their details
show-facts = Facts
show-wants = What they want done
show-history = History
show-others = Others involved
show-people = People
show-follow-ups = Follow-ups
show-referrals = Referrals
show-diary = Diary
show-none = none
show-done = done
show-replied = replied
show-reply-due = reply due
show-masked = •••• confidential: hidden (--reveal shows it)

## casebook cases, search, contacts, close (src/cli/look.rs)

cases-none = No cases match.
search-none = Nothing matches.
search-kind-contact = contact
search-kind-case = case
search-kind-entry = entry
search-kind-directory = directory
contacts-none = No contacts match.
contacts-open-cases =
    { $count ->
        [one] 1 open case
       *[other] { $count } open cases
    }
close-done = closed { $reference }: { $outcome } ({ $date })
error-close-already = { $reference } is already closed: change its outcome in casebook (the case screen, `x`)
error-close-before-opened = --on: { $date } is before the case was opened ({ $opened })
error-close-future = --on: { $date } is in the future: a case closes today or earlier

## casebook successes, publicise (src/report/successes.rs, src/cli/successes.rs)

month-year = { $month } { $year }
successes-title = Successes to celebrate
successes-intro = Anonymised for a leaflet or newsletter: no names, addresses or contact details. Read each one before publishing: names of people who were not on the case cannot be recognised and removed.
successes-none = No cases are marked to publicise. Mark a resolved case with `casebook publicise REF`.
successes-problem = Problem: { $problem }
successes-asked = Asked for, and achieved: { $asked }
successes-outcome = Outcome: resolved satisfactorily.
successes-the-ward = the ward
publicise-on = { $reference }: marked to publicise; `casebook successes` lists it, anonymised
publicise-off = { $reference }: no longer marked to publicise
error-no-folder = cannot write there: the folder { $folder } does not exist

## The config file's checks (src/config.rs): after "config file FILE: line N: "

config-out-of-range =
    { $key }: { $value } is out of range: use { $min } to { $max } { $unit ->
        [working-days] working days
        [days] days
        [a-month] a month
        [years] years
        [cases] cases
        [backups] backups
       *[minutes] minutes (0: never)
    }
config-not-a-category = { $key }: `{ $value }` is not a category name: use lower case letters, digits and _
config-not-an-answer = { $key }: `{ $value }` is not an answer: write it as it should be shown
config-at-least-one = { $key }: must be at least 1
config-unlock-too-long = { $key }: { $value } is too long: use at most { $max } (12 hours), or 0 to ask every time

## casebook erase, retention, handover (src/cli/erase.rs, retention.rs, handover.rs)

error-erase-needs-yes =
    nothing erased: this would remove { $name }'s name and contact details, { $cases ->
        [0] no cases of theirs
       *[other] anonymise their cases { $refs }
    }, and remove the text of { $entries } diary entries; add --yes to erase
erase-done =
    erased { $people ->
        [one] 1 person
       *[other] { $people } people
    }; anonymised { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }; removed the text of { $entries ->
        [one] 1 diary entry
       *[other] { $entries } diary entries
    }
erase-still-mentioned = the name, email or phone still appears in the text of: { $refs } — edit those by hand
erase-older-backups = older backups still hold this data until they are deleted or rotate out: { $paths }
retention-none = no closed case is past the retention period ({ $years } years; closed on or before { $cutoff }, nothing since)
retention-list = { $count } closed cases are past the retention period ({ $years } years; closed on or before { $cutoff }, nothing since):
retention-closed = closed { $date }
retention-kept = { $count } more closed by then are kept: something happened on them since
retention-people = { $count } people would be erased with them (anyone in touch since is kept); to see who: casebook retention --erase
retention-how = erase them with: casebook retention --erase --yes
retention-would-anonymise = would anonymise these closed cases:
retention-would-erase = and erase these people (nothing of theirs since the cut-off):
retention-person = { $name }  last in touch { $last }  { $uuid }
retention-never = never
error-retention-needs-yes = nothing erased: this would anonymise { $cases } closed cases (closed on or before { $cutoff }) and erase the { $people } people listed; add --yes
error-retention-too-large = retention_years is too large
handover-summary = { $consenting } people consented to sharing on all their cases: { $cases } cases go to the successor in { $path }, then they are anonymised here
handover-rest-anonymise = { $count } other people: anonymised (statistics kept)
handover-rest-delete = { $count } other people: deleted outright (their cases leave the review)
handover-nothing-changed = nothing was changed: add --yes to do it

## Keeping the diary safe: backup, restore, check (src/cli/safety.rs)

safety-backup-failed = warning: today's automatic backup was not made: { $problem }
safety-leftover-removed = removed a copy of the diary left by an interrupted encrypt, decrypt or restore: { $path }
safety-leftover-stuck = warning: could not remove a copy of the diary left by an interrupted encrypt, decrypt or restore; delete it: { $path }
safety-wipe-pending = warning: the erasure is saved, but the old copies of the erased text could not be wiped from the file yet (another program has the diary open, or the disk is full); casebook finishes the wipe the next time it opens the diary — `casebook check` shows whether it is still pending
backup-written = backup written and verified (integrity_check ok)
error-backup-exists = { $path } already exists: choose another name (a backup never overwrites a file)
error-restore-itself = { $path } is the diary itself: name a backup to restore
error-restore-no-folder = cannot restore to { $path }: the folder { $folder } does not exist
restore-encrypted = the backup was not encrypted: the restored diary is encrypted with the diary's passphrase, as before
restore-done = restored { $backup } into { $path } (cases: { $cases }, entries: { $entries }, contacts: { $contacts })
restore-kept = the replaced diary was kept as { $path }
check-checking = checking { $path }
check-ok = { $name }: ok
check-problems = { $name }: { $count } problem(s)
check-schema = schema version { $found } (this casebook knows up to { $known })
check-wipe-owed = { $path }: an erasure's wipe is pending: old copies of the erased text may remain in the file until casebook next opens the diary with no other program using it
check-leftover = { $path }: left by an interrupted encrypt, decrypt or restore (removed at the next open)
check-plain-copy = { $path }: a plain (unencrypted) copy of the encrypted diary; delete it once you have a newer backup
check-healthy = the diary is healthy
error-check-attention = the diary is healthy, but the files listed above need attention
error-no-diary-give-db = there is no diary at { $path } (give --db to name another)

## Encryption and the key session (src/cli/crypt.rs)

crypt-encrypted = { $path } is now encrypted: keep the passphrase safe, without it the diary cannot be read
crypt-decrypted = { $path } is now unencrypted: anyone who can read the file can read the diary
crypt-changed = the passphrase was changed
crypt-old-backups = these older copies are NOT encrypted and still hold the diary in the clear; delete them once a new backup is made (`casebook backup`):
crypt-keyed-backups = backups made before this stay encrypted with the passphrase they were made with
crypt-not-overwritten = warning: the old file could not be overwritten before removal; its bytes may remain in the disk's free space
crypt-not-encrypted = { $path } is not encrypted: there is nothing to unlock
crypt-unlocked =
    { $path } is unlocked for this session: commands will not ask the passphrase until it is unused for { $unit ->
        [minutes] { $amount ->
            [one] 1 minute
           *[other] { $amount } minutes
        }
       *[seconds] { $amount ->
            [one] 1 second
           *[other] { $amount } seconds
        }
    }
crypt-already = { $path } is already unlocked
crypt-locked = locked: the next command asks the passphrase
crypt-not-running = no session was unlocked
crypt-offer = A new diary. It will hold constituents' personal data: protect it with a passphrase, so a lost or stolen laptop gives nothing away.
crypt-offer-ask = Encrypt the new diary with a passphrase? [Y/n]{" "}
crypt-plain-note = note: created the new diary unencrypted (no terminal to ask a passphrase on); set CASEBOOK_PASSPHRASE to create it encrypted, or run `casebook encrypt`: { $path }
crypt-created-plain = the new diary is not encrypted; `casebook encrypt` protects it later
error-unlock-off = [privacy] unlock_timeout_seconds is 0 in the config: every command asks the passphrase, there is no session to start
error-no-agent = the session could not be kept (the casebook agent did not start): every command will ask the passphrase
error-already-encrypted = { $path } is already encrypted: `casebook passphrase` changes the passphrase
error-decrypt-plain = { $path } is not encrypted: nothing to do
error-change-plain = { $path } is not encrypted: `casebook encrypt` sets a passphrase
error-same-passphrase = the new passphrase is the same as the old one: nothing was changed

## casebook surgery (src/cli/surgery.rs), export (src/cli/export.rs)

surgery-summary =
    { $people ->
        [one] 1 person seen
       *[other] { $people } people seen
    }, { $cases ->
        [one] 1 case opened
       *[other] { $cases } cases opened
    }, { $entries ->
        [one] 1 entry
       *[other] { $entries } entries
    }
surgery-started = Surgery at { $venue } started { $when }: what you log until `casebook surgery end` belongs to it
surgery-ended = Surgery at { $venue } ended: { $when }
surgery-running = Surgery at { $venue } running since { $when }
surgery-none-running = No surgery is running.
surgery-none-yet = No surgeries yet.
error-surgery-no-venue = the venue is empty: where is the surgery?
error-export-no-diary = there is no diary at { $path }: nothing to export (check --db)
export-left-out =
    { $entries ->
        [one] 1 confidential entry was
       *[other] { $entries } confidential entries were
    } left out{ $follow_ups ->
        [0] {""}
        [one] , with the follow-up made from it
       *[other] , with the { $follow_ups } follow-ups made from them
    } (add --include-confidential to include them)

## casebook refer, reply (src/cli/refer.rs)

refer-done =
    { $reference } referred to { $to }: reply due { $due } ({ $days ->
        [one] 1 working day
       *[other] { $days } working days
    })
refer-days-in-config = referral_reply_days = { $days } in the config file
reply-done =
    { $reference }: reply from { $from } recorded{ $late ->
        [0] {""}
        [one] , 1 working day late
       *[other] , { $late } working days late
    }; the case is now { $status }
error-happened-in-future = { $what ->
    [reply] the reply
   *[entry] the entry
} is dated { $at }, in the future: give when it happened
error-reply-days = { $days } working days to reply: give a number from { $min } to { $max }
error-refer-no-officer = no officer or agency named `{ $name }`: add them with `casebook directory --add "{ $name }" --handles "what they deal with"`
error-refer-several-officers = { $count } officers or agencies are named `{ $name }`: refer from the app to choose one
error-refer-consent-refused = not referred: the constituent on case { $reference } said their details must not be shared with officers or third parties. Ask them first (the workbook: always ask permission before sharing), or pass --yes to refer anyway
error-refer-consent-not-asked = not referred: the constituent on case { $reference } has not been asked whether their details may be shared with officers or third parties. Ask them first (the workbook: always ask permission before sharing), or pass --yes to refer anyway
error-reply-empty = the reply is empty: say what they replied
error-reply-none = case { $reference } has no referral awaiting a reply
error-reply-none-from-them = case { $reference } has no referral awaiting a reply from them
error-reply-several = case { $reference } awaits { $count } replies: say whose with --from NAME

## casebook directory (src/cli/directory.rs)

directory-empty = The directory is empty: add officers with `casebook directory --add NAME --handles TEXT`.
directory-nobody = Nobody in the directory handles `{ $problem }`.
directory-added = { $name } is in the directory
error-directory-both = give either a problem to search for or --add, not both
error-directory-no-handles = --handles is empty: say what they deal with, so they can be found by the problem

## casebook demo (src/cli/demo.rs): the words it says; the invented
## casework itself is English data.

demo-replaced = Replaced the previous demo diary (it held only demo data).
demo-invented = Invented { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    } for { $contacts ->
        [one] 1 contact
       *[other] { $contacts } contacts
    } ({ $directory } of them officers and agencies in the directory) in { $secs } s:
demo-also = {"  "}{ $entries } diary entries, { $referrals } referrals, { $follow_ups } follow-ups, { $surgeries } surgeries; { $clusters } clusters to find in the bigger picture.
demo-where = Demo diary: { $path }
demo-open = Open it with: { $command }
demo-invented-note = Everyone in it is invented; nothing in it is real casework.
error-demo-no-cases = --cases 0: give at least 1 case to invent
error-demo-not-empty = { $path } already holds casework: demo data is never mixed into a real diary; give a new file

## casebook import (src/cli/import.rs): what it says about a file.

import-unknown-nearest = `{ $name }` (nearest: { $nearest })
import-unknown-columns = { $file }: ignoring { $count ->
        [one] an unknown column
       *[other] unknown columns
    }: { $list }; to read one, --map "{ $first }=COLUMN"
import-using-remembered = { $file }: using the column mapping remembered from the last file with these headers
import-closed-on-opened = { $file }: { $count ->
        [one] 1 closed row has no closed date (line { $lines })
       *[other] { $count } closed rows have no closed date (lines { $lines })
    }: the opened date is taken as the closed date
import-set-aside = ; set aside { $count ->
        [one] 1 bad row
       *[other] { $count } bad rows
    } with the reason in { $file } (fix and import that file)
import-template-written = wrote the import template { $file }: one column each, with a row saying what goes in it
import-people = { $created ->
        [one] 1 new contact
       *[other] { $created } new contacts
    }, { $matched } already in the diary
import-done = imported { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    } ({ $people })
import-skipped = ; skipped { $count ->
        [one] 1 case
       *[other] { $count } cases
    } already imported
import-dry-valid = every row is valid;
import-dry-bad = would set aside { $count ->
        [one] 1 bad row
       *[other] { $count } bad rows
    };
import-dry-skip = {" "}and skip { $count ->
        [one] 1 case
       *[other] { $count } cases
    } already imported
import-dry-run = dry run: { $valid } would import { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    } ({ $people }){ $skipped }; nothing was written
import-json-counts = { $contacts ->
        [one] 1 contact
       *[other] { $contacts } contacts
    }, { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }, { $entries ->
        [one] 1 diary entry
       *[other] { $entries } diary entries
    }, { $referrals ->
        [one] 1 referral
       *[other] { $referrals } referrals
    }, { $follow_ups ->
        [one] 1 follow-up
       *[other] { $follow_ups } follow-ups
    }, { $surgeries ->
        [one] 1 surgery
       *[other] { $surgeries } surgeries
    }
import-json-done = loaded the casebook export: { $counts }
import-json-dry = dry run: the casebook export is valid; would load { $counts }; nothing was written

## Reading a file to import (src/exchange/sheet.rs)

error-import-folder = cannot read { $file }: it is a folder; give the spreadsheet file inside it
error-import-binary = { $file } is not a CSV file: it holds binary data (in the spreadsheet, save as "CSV UTF-8" or .xlsx)
error-import-too-big = { $file } is larger than { $mb } MB: that is not a spreadsheet of cases; split it into smaller files
error-import-empty = { $file } is empty: it needs a header row naming the columns (at least opened and title)
error-import-fields = { $file } is not a well-formed CSV file: line { $line } has { $len } fields but the header row has { $expected }
error-import-not-utf8 = { $file } is not UTF-8 text (line { $line }): in the spreadsheet, save as "CSV UTF-8"
error-import-line-too-long = { $file }: line { $line } is longer than { $mb } MB: that is not a row of a spreadsheet of cases; nothing was imported

## Labels of the closed lists (SPEC sections 2 and 3): <list>-<contract name>.
## Generated ids; the English must match `label()` in src/domain/kinds.rs.

### case kind
case-kind-direct_query = Direct query
case-kind-indirect_query = Indirect query (on behalf of someone)
case-kind-complaint = Complaint
case-kind-service_request = Service request
case-kind-community_issue = Community issue

### channel
channel-phone = Phone
channel-email = Email
channel-letter = Letter
channel-in_person = In person
channel-surgery = Surgery
channel-doorstep = Doorstep
channel-social_media = Social media
channel-online_form = Online form
channel-campaign = Campaign
channel-other = Other

### status
status-open = Open
status-waiting_council = Waiting for the council
status-waiting_constituent = Waiting for the constituent
status-waiting_other = Waiting for someone else
status-closed = Closed

### outcome
outcome-resolved = Resolved satisfactorily
outcome-partly_resolved = Partly resolved
outcome-not_resolved = Not resolved
outcome-withdrawn = Withdrawn
outcome-referred_elsewhere = Referred elsewhere

### entry kind
entry-kind-call_in = Call in
entry-kind-call_out = Call out
entry-kind-email_in = Email in
entry-kind-email_out = Email out
entry-kind-letter_in = Letter in
entry-kind-letter_out = Letter out
entry-kind-meeting = Meeting
entry-kind-surgery_visit = Surgery visit
entry-kind-doorstep = Doorstep
entry-kind-social_media = Social media
entry-kind-note = Note
entry-kind-action = Action
entry-kind-feedback_given = Feedback given

### role
role-constituent = Constituent
role-on_behalf_of = On behalf of
role-officer = Officer
role-agency = Agency
role-other = Other

### contact kind
contact-kind-constituent = Constituent
contact-kind-officer = Council officer
contact-kind-agency = Partner agency
contact-kind-councillor = Councillor
contact-kind-organisation = Organisation
contact-kind-other = Other

### age band
age-band-0-17 = 0–17
age-band-18-29 = 18–29
age-band-30-44 = 30–44
age-band-45-64 = 45–64
age-band-65-74 = 65–74
age-band-75plus = 75+
age-band-prefer_not_to_say = Prefer not to say

### instruction
instruction-reply_copy_me = Reply to the constituent and copy me in
instruction-reply_through_me = Reply through me

### preferred contact
preferred-contact-phone = Phone
preferred-contact-email = Email
preferred-contact-letter = Letter
preferred-contact-in_person = In person
preferred-contact-text = Text message

### language
language-en = English
language-cy = Welsh (Cymraeg)
language-both = English and Welsh

### Default categories (config may add more, named in the user's own words)
category-housing = Housing
category-social_services = Social services
category-benefits = Benefits
category-council_tax = Council tax
category-highways = Highways
category-parking = Parking
category-waste = Waste
category-planning = Planning
category-anti_social_behaviour = Anti-social behaviour
category-environment = Environment
category-education = Education
category-health = Health
category-transport = Transport
category-licensing = Licensing
category-other = Other

### Monitoring answers: gender (src/domain/person.rs)
gender-female = Female
gender-male = Male
gender-non_binary = Non-binary
gender-other = Describes themselves another way
gender-prefer_not_to_say = Prefer not to say

### Monitoring answers: ethnicity (src/domain/person.rs)
ethnicity-white_welsh = White: Welsh
ethnicity-white_british = White: English, Scottish, Northern Irish or British
ethnicity-white_irish = White: Irish
ethnicity-gypsy_or_traveller = White: Gypsy or Irish Traveller
ethnicity-roma = White: Roma
ethnicity-white_other = White: any other background
ethnicity-mixed = Mixed or multiple ethnic groups
ethnicity-indian = Asian: Indian
ethnicity-pakistani = Asian: Pakistani
ethnicity-bangladeshi = Asian: Bangladeshi
ethnicity-chinese = Asian: Chinese
ethnicity-asian_british = Asian British or Asian Welsh
ethnicity-asian_other = Asian: any other background
ethnicity-black_african = Black: African
ethnicity-black_caribbean = Black: Caribbean
ethnicity-black_british = Black British or Black Welsh
ethnicity-black_other = Black: any other background
ethnicity-arab = Arab
ethnicity-other = Any other ethnic group
ethnicity-prefer_not_to_say = Prefer not to say

### Monitoring answers: employment (src/domain/person.rs)
employment-employed = Employed
employment-self_employed = Self-employed
employment-unemployed = Unemployed
employment-retired = Retired
employment-student = Student
employment-carer = Carer
employment-unable_to_work = Unable to work (illness or disability)
employment-prefer_not_to_say = Prefer not to say

## The terminal UI (src/app): ids ui-<room>-<what>

ui-too-small = Make the window larger: casebook needs at least 80 × 24.
ui-privacy = casebook — press any key
ui-demo = DEMO DIARY
ui-tabs-home = Home
ui-tabs-cases = Cases
ui-tabs-contacts = Contacts
ui-tabs-case = Case
ui-tabs-contact = Contact
ui-tabs-agenda = Agenda
ui-tabs-directory = Directory
ui-tabs-review = Review
ui-home-follow-ups = Due
ui-home-no-follow-ups = Nothing due today.
ui-home-never-updated = never updated
ui-home-overdue = overdue
ui-home-today = today
ui-home-open-cases = Open cases
ui-home-no-open-cases = No open cases.
ui-home-latest = Latest in the diary
ui-home-bigger-picture = Bigger picture
ui-home-no-alerts = No clusters of similar cases.
ui-home-unfiled = unfiled
ui-agenda-title = Agenda: follow-ups
ui-agenda-empty = No follow-ups waiting.
ui-agenda-overdue = Overdue
ui-agenda-today = Today
ui-agenda-this-week = This week
ui-agenda-later = Later
ui-agenda-masked = •••• confidential: hidden
ui-agenda-reschedule = Move the follow-up
ui-agenda-new-date = New date
ui-mail-title = Take in a mail file
ui-mail-path = File (.eml, .msg, mbox)
ui-mail-need-path = type or paste the path of a mail file
ui-draft-title = Draft a letter or email
ui-draft-template = Template
ui-draft-format = As
ui-draft-email = Email draft (.eml)
ui-draft-letter = Printable letter (.html)
ui-draft-to = To (blank: the usual person)
ui-refer-title = Refer the case
ui-refer-to = To whom
ui-refer-instruction = Instruction
ui-refer-council-ref = Council reference
ui-refer-copied = Constituent copied
ui-refer-days = Reply within
ui-refer-note = What was asked
ui-refer-need-to = type an officer or agency from the directory
ui-refer-not-official = not an officer or agency in the directory
ui-refer-new-officer = Not in the directory yet: Enter adds them to it, then the referral goes on.
ui-refer-confirm-keys = { $yes } refer anyway · { $no } back to the form
ui-reply-the-reply = the reply
ui-reply-title = Record a reply
ui-reply-choose = Which referral replied?
ui-reply-when = Replied on
ui-reply-text = What they said
ui-reply-need-text = say what they replied
ui-reply-nothing-awaited = No referral of this case is waiting for a reply.
ui-surgery-start = Start a surgery
ui-surgery-venue = Venue
ui-surgery-need-venue = where is it held?
ui-surgery-end-keys = { $yes } end it · { $no } keep it running
ui-surgery-ended = Surgery ended
ui-directory-title = Who do I speak to about …
ui-directory-prompt = Type the problem, e.g. fly-tipping, damp, street lights
ui-directory-nothing = Nobody in the directory handles that.
ui-directory-typing-keys = Type the problem · ↑/↓ choose · Enter open · Esc stop typing · ? keys · 1–6 screens
ui-directory-results = Officers and agencies
ui-directory-handles = handles
ui-directory-form-new = New officer or agency
ui-directory-form-edit = Officer or agency
ui-directory-form-name = Name
ui-directory-form-kind = Kind
ui-directory-form-organisation = Organisation
ui-directory-form-department = Department
ui-directory-form-role = Role
ui-directory-form-handles = What they handle
ui-directory-form-phone = Phone
ui-directory-form-email = Email
ui-directory-form-need-name = type their name
ui-directory-form-not-listed = Not in the directory yet: add them here, and the referral goes on.
ui-directory-form-nothing = Choose an officer or agency first.
ui-review-title = Yearly review
ui-review-calendar = calendar year
ui-review-custom = dates chosen
ui-review-period = Period
ui-review-previous = previous
ui-review-header-0 = {""}
ui-review-header-1 = this period
ui-review-header-2 = previous
ui-review-header-3 = change
ui-review-people = People who contacted you
ui-review-under-30 = {"  "}of them under 30
ui-review-opened = Cases opened
ui-review-closed = Cases closed
ui-review-resolved = Resolved satisfactorily
ui-review-rate = {"  "}as a share of closed
ui-review-median = Median days to close
ui-review-satisfaction = Average satisfaction (1–5)
ui-review-same = same
ui-review-none = —
ui-review-by-category = Problems (cases opened by category)
ui-review-by-channel = How they contacted you
ui-review-by-kind = Kinds of case
ui-review-by-outcome = Outcomes of cases closed
ui-review-by-month = Cases opened each month
ui-review-gender = Gender
ui-review-age = Age band
ui-review-ethnicity = Ethnicity
ui-review-employment = Employment status
ui-review-no-cases = {"  "}none
ui-review-range-title = Review the dates from … to …
ui-review-from = From
ui-review-to = To
ui-review-to-before-from = the end is before the start
ui-cases-title = Cases
ui-cases-empty = No cases match.
ui-cases-all-open = all open
ui-cases-every = all
ui-cases-any = any
ui-cases-newest = newest first
ui-cases-oldest = oldest first
ui-cases-status = status
ui-cases-category = category
ui-cases-kind = kind
ui-cases-area = area
ui-cases-sort = order
ui-cases-header-0 = Ref
ui-cases-header-1 = Opened
ui-cases-header-2 = Status
ui-cases-header-3 = Constituent
ui-cases-header-4 = Title
ui-case-sar-pending = Subject access requested
ui-case-sar-respond-by = respond by
ui-case-facts = Facts
ui-case-wants = What they want done
ui-case-history = Approached before
ui-case-others = Others involved
ui-case-people = People
ui-case-timeline = Timeline
ui-case-no-entries = No diary entries yet.
ui-case-referrals = Referrals
ui-case-no-referrals = None.
ui-case-follow-ups = Follow-ups
ui-case-no-follow-ups = None.
ui-case-caution = CAUTION
ui-case-prefers = { $language ->
        [cy] prefers Welsh
        [both] English and Welsh
       *[en] prefers English
    }
ui-case-masked = •••• confidential: hidden
ui-case-consent-yes = agreed to details being shared
ui-case-consent-no = did NOT agree to details being shared
ui-case-consent-unknown = consent to share not yet asked
ui-case-opened = opened
ui-case-closed = closed
ui-case-outcome-note = How it ended
ui-case-reply-due = reply due
ui-case-replied = replied
ui-case-done = done
ui-case-choose-status = Change status
ui-case-choose-outcome = Close the case: what was the outcome?
ui-case-already-closed = This case is already closed.
ui-contacts-title = Contacts
ui-contacts-empty = No contacts yet.
ui-contacts-header-0 = Name
ui-contacts-header-1 = Kind
ui-contacts-header-2 = Postcode
ui-contacts-header-3 = Open cases
ui-contacts-cases = Cases
ui-contacts-no-cases = Not on any case.
ui-contacts-entries = Diary
ui-contacts-no-entries = No diary entries.
ui-contacts-details = Details
ui-form-keys = { $next } next field · { $prev } back · { $submit } save · { $cancel } cancel
ui-form-keys-multi = { $newline } new line
ui-form-keys-choice = ←/→ or Space choose
ui-form-keys-who = { $up }/{ $down } pick · { $next } take it
ui-form-keys-pick = type a reference or title · ↑/↓ choose
ui-form-pick-none-fits = no open case fits: keep typing or delete
ui-form-new-contact = new: will be added to contacts
ui-form-new-choice = + new contact
ui-form-chosen = ✓ known contact
ui-form-fix-first = Fix the marked fields first: nothing was saved, nothing typed is lost.
ui-form-optional = optional
ui-form-choose-one = choose one of the options
ui-quick-log-title = Log a call
ui-quick-log-title-entry = Log an entry
ui-quick-log-who = Who
ui-quick-log-text = What was said
ui-quick-log-kind = Kind
ui-quick-log-case = Case
ui-quick-log-follow-up = Follow up on
ui-quick-log-confidential = Confidential
ui-quick-log-need-who = who was it? type a name
ui-quick-log-need-text = say what happened
ui-quick-log-no-case = no case has this reference
ui-quick-log-unfiled = — not filed on a case —
ui-quick-log-no-case-fits = none of their open cases fits what is typed
ui-entry-title = Diary entry: correct it or file it
ui-entry-text = What happened
ui-entry-kind = Kind
ui-entry-when = When
ui-entry-confidential = Confidential
ui-entry-case = Filed on case
ui-entry-need-text = say what happened
ui-entry-the-entry = the entry
ui-entry-delete = Delete this diary entry? It cannot be undone.
ui-entry-delete-keys = { $yes } delete · { $no } keep it
ui-entry-deleted = Diary entry deleted.
ui-entry-none-unfiled = Every diary entry of this person is filed on a case.
ui-entry-already-filed = That entry is already on case { $reference }: { $key } moves it to another.
ui-entry-nothing = Choose a diary entry in the latest panel first (Tab moves there).
ui-closing-title = Close the case
ui-closing-outcome = Outcome
ui-closing-note = How it ended
ui-closing-satisfaction = Satisfaction
ui-closing-comment = Their comment
ui-closing-follow-ups = Close follow-ups
ui-closing-not-known = not known
ui-intake-title = New case
ui-intake-constituent = Constituent
ui-intake-kind = Kind
ui-intake-on-behalf-of = On behalf of
ui-intake-case-title = Title
ui-intake-category = Category
ui-intake-channel = Channel
ui-intake-location = Location
ui-intake-postcode = Postcode
ui-intake-facts = The facts
ui-intake-wants = What they want done
ui-intake-history = Approached before
ui-intake-others = Others involved
ui-intake-consent = Consent to share
ui-intake-consent-options-0 = not yet asked
ui-intake-consent-options-1 = yes
ui-intake-consent-options-2 = no
ui-intake-need-constituent = whose case is it? type a name
ui-intake-need-on-behalf = an indirect query needs the person it is for
ui-intake-need-title = a few words to name the case
ui-intake-bad-postcode = does not look like a UK postcode
ui-follow-up-title = Add a follow-up
ui-follow-up-due = Due
ui-follow-up-what = What to do
ui-follow-up-need-what = say what to follow up
ui-search-title = Search contacts, cases and the diary
ui-search-hint = Type to search · { $up }/{ $down } choose · { $submit } open · { $cancel } close
ui-search-nothing = Nothing found.
ui-search-contact = contact
ui-search-case = case
ui-search-entry = entry
ui-search-directory = directory
ui-search-masked = •••• confidential entry
ui-help-title = Keys
ui-help-close = Esc, Enter or ? closes this.
ui-help-editing = In a form: { $next } / { $prev } move between fields, { $submit } saves, { $newline } starts a new line in a note, { $cancel } cancels (asking first if you typed something). Ctrl-W deletes a word, Ctrl-U the line.
ui-message-error = Something went wrong
ui-message-problems = Key settings skipped
ui-message-close = Enter or Esc closes this.
ui-message-discard = Discard what you typed?
ui-message-discard-keys = { $yes } discard · { $no } keep editing
ui-message-nothing-selected = Nothing selected.
ui-message-choose-keys = ↑/↓ choose · Enter take it · Esc cancel
ui-status-follow-up-added = Follow-up added.
ui-status-follow-up-done = Follow-up marked done.
ui-status-follow-up-undone = Follow-up to do again.
ui-status-nothing-to-undo = Nothing to undo.
ui-status-refreshed = The diary changed elsewhere: screen refreshed.
ui-status-not-shared =
    { $count ->
        [one] Synced: 1 attachment is too big to share through the hub (over 32 MiB); it stays on this device.
       *[other] Synced: { $count } attachments are too big to share through the hub (over 32 MiB); they stay on this device.
    }
ui-record-not-asked = not asked
ui-record-not-set = —
ui-record-yes = yes
ui-record-no = no
ui-record-card-title-edit = Contact card
ui-record-card-title-new = New contact
ui-record-card-name = Name
ui-record-card-kind = Kind
ui-record-card-organisation = Organisation
ui-record-card-department = Department
ui-record-card-role = Role
ui-record-card-address = Address
ui-record-card-postcode = Postcode
ui-record-card-phone = Phone
ui-record-card-email = Email
ui-record-card-preferred = Keep informed by
ui-record-card-language = Language
ui-record-card-caution = Caution (safety)
ui-record-card-gender = Gender
ui-record-card-age-band = Age band
ui-record-card-ethnicity = Ethnicity
ui-record-card-employment = Employment
ui-record-card-notes = Notes
ui-record-card-need-name = a name is needed
ui-record-case-title = Edit the case
ui-record-case-case-title = Title
ui-record-case-kind = Kind
ui-record-case-category = Category
ui-record-case-channel = Channel
ui-record-case-contacted-on = Date contacted
ui-record-case-location = Location
ui-record-case-postcode = Postcode
ui-record-case-facts = The facts
ui-record-case-wants = What they want done
ui-record-case-history = Approached before
ui-record-case-others = Others (notes)
ui-record-case-promised-by = Promised a reply by
ui-record-case-consent = Consent to share
ui-record-case-consent-on = Consent given on
ui-record-case-shared = Shared with office
ui-record-case-consent-options-0 = not yet asked
ui-record-case-consent-options-1 = yes
ui-record-case-consent-options-2 = no
ui-record-case-need-title = a few words to name the case
ui-record-case-after-opened = after the day the case was opened
ui-record-case-in-future = that day has not come yet
ui-record-case-consent-on-needs-answer = record the answer (yes or no) first
ui-record-intake-address = {"  "}Address
ui-record-intake-postcode = {"  "}Their postcode
ui-record-intake-phone = {"  "}Phone
ui-record-intake-email = {"  "}Email
ui-record-intake-language = {"  "}Language
ui-record-intake-gender = {"  "}Gender
ui-record-intake-age-band = {"  "}Age band
ui-record-intake-ethnicity = {"  "}Ethnicity
ui-record-intake-employment = {"  "}Employment
ui-record-intake-contacted-on = Date contacted
ui-record-intake-other = Also involved
ui-record-intake-other-role = {"  "}as
ui-record-intake-shared = Shared with office
ui-record-people-title = People on the case
ui-record-people-keys = ↑/↓ choose · Enter contact card · a add · r role · d remove · Esc close
ui-record-people-nobody = Nobody is on this case yet: a to add someone.
ui-record-people-add-title = Add a person to the case
ui-record-people-who = Who
ui-record-people-role = Role
ui-record-people-need-who = who? type a name
ui-record-people-choose-role = Their part in the case
ui-record-people-remove-keys = { $yes } remove · { $no } keep
ui-action-help = help
ui-action-language = Cymraeg
ui-action-search = search
ui-action-back = back
ui-action-quit = quit
ui-action-log-call = log a call
ui-action-new-case = new case
ui-action-privacy = hide screen
ui-action-up = up
ui-action-down = down
ui-action-page-up = page up
ui-action-page-down = page down
ui-action-top = first
ui-action-bottom = last
ui-action-open = open
ui-action-next-panel = next panel
ui-action-goto-home = home
ui-action-goto-cases = cases
ui-action-goto-contacts = contacts
ui-action-filter-status = status filter
ui-action-filter-category = category filter
ui-action-filter-kind = kind filter
ui-action-sort = sort order
ui-action-add-entry = log entry
ui-action-add-follow-up = follow-up
ui-action-change-status = status
ui-action-close-case = close case
ui-action-reveal = show confidential
ui-action-done = follow-up done
ui-action-goto-agenda = agenda
ui-action-goto-directory = directory
ui-action-goto-review = review
ui-action-surgery = surgery start/end
ui-action-snooze-day = +1 day
ui-action-snooze-week = +1 week
ui-action-reschedule = new date
ui-action-refer = refer
ui-action-record-reply = record reply
ui-action-take-mail = take in mail
ui-action-draft = draft letter
ui-action-prev-period = previous period
ui-action-next-period = next period
ui-action-period-kind = calendar/municipal
ui-action-custom-period = from–to
ui-action-edit-case = edit case
ui-action-edit-contact = edit card
ui-action-case-people = people
ui-action-edit-entry = edit / file entry
ui-action-case-from-entry = new case from entry
ui-action-file-entry = file unfiled entry
ui-action-add-officer = add officer
ui-action-undo = undo done
ui-action-edit-officer = edit officer
ui-action-delete-entry = delete entry
ui-action-yes = yes
ui-action-no = no
ui-action-close = close
ui-action-add-person = add person
ui-action-change-role = change role
ui-action-remove-person = take off the case
ui-action-next-field = next field
ui-action-prev-field = field before
ui-action-submit = save / open
ui-action-cancel = cancel
ui-action-new-line = new line in a note
ui-action-pick-up = completion up
ui-action-pick-down = completion down
ui-home-section-follow-ups = Follow-ups ({ $count })
ui-home-section-late = Replies late ({ $count })
ui-home-section-update = To update ({ $count })
ui-home-reply-was-due = reply due { $due }
ui-home-no-news-since = no news since { $since }
ui-home-no-entries = The diary is empty. Press { $log_call } to log a call, { $new_case } for a new case.
ui-home-cluster = { $count } { $category } cases in { $area }
ui-home-unfiled-key = { $key } to file
ui-agenda-section = { $name } ({ $count })
ui-agenda-more = {"  "}… and { $count } more
ui-agenda-snoozed = Follow-up moved to { $to }.
ui-mail-taken =
    { $count ->
        [0] That message is already in the diary.
       *[other] { $already ->
            [0] { $count ->
                [one] 1 message taken in on { $reference }.
               *[other] { $count } messages taken in on { $reference }.
            }
           *[other] { $count } taken in on { $reference }; { $already } already in the diary.
        }
    }
ui-draft-written = Draft written to { $path }; recorded on the case as a draft.
ui-refer-days-due =
    { $count ->
        [one] { $count } working day: reply due { $due }
       *[other] { $count } working days: reply due { $due }
    }
ui-refer-handles = handles { $what }
ui-refer-referred = { $reference } referred to { $to }; reply due { $due }.
ui-reply-option = { $to }: referred { $on }, reply due { $due }
ui-reply-recorded =
    { $late ->
        [0] Reply recorded on { $reference }; the case is { $status }.
       *[other] Reply recorded on { $reference } ({ $late } working days late); the case is { $status }.
    }
ui-surgery-started = Surgery started at { $venue }: calls and cases now belong to it.
ui-surgery-running = ● Surgery running at { $venue } since { $since }
ui-surgery-running-at = ● Surgery running at { $venue }
ui-surgery-running-since = ● Surgery since { $since }
ui-surgery-end-question = End the surgery at { $venue }?
ui-surgery-summary-when = { $venue }, { $day } { $from }–{ $to }
ui-surgery-summary-seen = People seen: { $count }
ui-surgery-summary-seen-names = People seen: { $count } ({ $names })
ui-surgery-summary-cases = Cases opened: { $count }
ui-surgery-summary-entries = Diary entries: { $count }
ui-surgery-summary-about-one = { $category } { $count }
ui-surgery-summary-about = What about: { $list }
ui-directory-empty = The directory is empty. Press Esc, then { $key }, to add an officer or agency.
ui-directory-form-saved = { $name } is in the directory.
ui-review-municipal = year from { $month }
ui-review-responses = {"  "}from { $count } answers
ui-case-attachment = attachment #{ $id } { $name } ({ $size }) · casebook attachment save { $id }
ui-case-attachment-away-on = attachment { $name } ({ $size }) · too big to share through the hub: it stays on { $device }
ui-case-attachment-away = attachment { $name } ({ $size }) · too big to share through the hub: it stays on the device that took it in
ui-case-attachments-hidden =
    { $count ->
        [one] 1 attachment
       *[other] { $count } attachments
    }
ui-case-choice = { $reference } · { $title }
ui-entry-saved-on = Diary entry saved, filed on { $reference }.
ui-entry-saved-unfiled = Diary entry saved (not filed on a case).
ui-closing-score =
    { $score ->
        [1] 1 · poor
        [2] 2 · fair
        [3] 3 · good
        [4] 4 · very good
       *[other] { $score } · excellent
    }
ui-closing-closed =
    { $count ->
        [0] { $reference } closed: { $outcome }.
        [one] { $reference } closed: { $outcome }. Its open follow-up is done.
       *[other] { $reference } closed: { $outcome }. Its { $count } open follow-ups are done.
    }
ui-message-how-to-quit = To quit, press { $home } for home, then { $quit }.
ui-status-logged-new-on = Logged on { $reference }. New contact added: { $name }.
ui-status-logged-new-unfiled = Logged (unfiled). New contact added: { $name }.
ui-status-logged-on = Logged with { $name } on { $reference }.
ui-status-logged-unfiled = Logged with { $name } (unfiled).
ui-status-case-opened = Case { $reference } opened.
ui-status-case-opened-new = Case { $reference } opened. New contact added: { $names }.
ui-status-status-changed = { $reference }: { $status }.
ui-status-closed = { $reference } closed: { $outcome }.
ui-status-follow-up-done-undo = Follow-up marked done. { $key } undoes it.
ui-record-card-saved = { $name }: contact card saved.
ui-record-case-saved = { $reference }: case saved.
ui-record-intake-new-contacts = New contact added: { $names }.
ui-record-intake-same = Already in contacts (same email, phone or postcode): { $names }.
ui-record-people-remove-question = Take { $name } ({ $role }) off this case? Their contact card stays.
ui-record-people-added = { $name } added to the case as { $role }.
ui-record-people-removed = { $name } taken off the case.
ui-record-people-role-changed = { $name } is now { $role } on the case.
ui-record-screen-first-contact = first contact { $day }
ui-record-screen-shared = shared with the office
ui-record-screen-consent-on = (recorded { $day })
ui-record-screen-gender = gender: { $answer }
ui-record-screen-age = age: { $answer }
ui-record-screen-ethnicity = ethnicity: { $answer }
ui-record-screen-employment = employment: { $answer }
ui-status-short-open = open
ui-status-short-waiting-council = waiting council
ui-status-short-waiting-constituent = waiting constituent
ui-status-short-waiting-other = waiting other
ui-status-short-closed = closed

## The TUI header's sync status (src/app/draw.rs), when a hub is configured

ui-sync-never = not synced yet
ui-sync-minutes-ago =
    { $minutes ->
        [0] synced just now
       *[other] synced { $minutes } min ago
    }
ui-sync-hours-ago = synced { $hours } h ago
ui-sync-days-ago =
    { $days ->
        [one] synced yesterday
       *[other] synced { $days } days ago
    }
ui-sync-offline =
    { $waiting ->
        [0] offline
        [one] offline — 1 change waiting
       *[other] offline — { $waiting } changes waiting
    }
ui-sync-failed =
    { $waiting ->
        [0] sync failed
        [one] sync failed — 1 change waiting
       *[other] sync failed — { $waiting } changes waiting
    }
ui-sync-conflicts =
    { $count ->
        [one] 1 conflict
       *[other] { $count } conflicts
    }
ui-sync-offline-short =
    { $waiting ->
        [0] offline
       *[other] offline — { $waiting } waiting
    }
ui-sync-failed-short =
    { $waiting ->
        [0] sync failed
       *[other] sync failed, { $waiting } waiting
    }

## The TUI's conflicts room (src/app/screens/conflicts.rs)

ui-conflicts-title =
    { $count ->
        [0] Sync conflicts
       *[other] Sync conflicts ({ $count })
    }
ui-conflicts-none = No conflicts: every device agrees.
ui-conflicts-record = Case or record
ui-conflicts-field = Field
ui-conflicts-here = This device
ui-conflicts-other = Other device
ui-conflicts-other-named = Other device, { $device }
ui-conflicts-detail = The conflict under the cursor
ui-conflicts-kept-here = This device's value is kept until you choose
ui-conflicts-kept-other = The other device's value is kept until you choose
ui-conflicts-found = found { $when }
ui-conflicts-empty-value = (empty)
ui-conflicts-yes = yes
ui-conflicts-no = no
ui-conflicts-settled = Conflict settled: your choice goes to the other devices at the next sync.
ui-conflicts-kind-surgery = surgery
ui-conflicts-kind-contact = contact
ui-conflicts-kind-directory = directory entry
ui-conflicts-kind-case = case
ui-conflicts-kind-case_person = person on a case
ui-conflicts-kind-entry = diary entry
ui-conflicts-kind-referral = referral
ui-conflicts-kind-follow_up = follow-up
ui-conflicts-kind-sar_request = subject access request
ui-conflicts-kind-attachment = attached file
ui-conflicts-kind-entry_mail = email details

## casebook hub and casebook sync (src/cli/hub.rs, src/cli/sync.rs)

hub-no-url = give the hub's administrator URL with --url (or CASEBOOK_HUB_URL), e.g. postgresql://postgres@localhost/casebook
hub-initialised = hub ready: add each device with `casebook hub add-device NAME --user COUNCILLOR`
hub-url-shown-once = put this in the device's config as [sync] url (it is shown only once):
hub-revoked = revoked { $name }: it can no longer sync
hub-no-devices = no devices yet
hub-device-revoked = revoked
hub-device-never = never
hub-device-state = last sync { $when }, { $behind } behind
hub-upgraded = hub upgraded from schema { $from } to { $to }: devices with this casebook can sync with it
hub-upgrade-nothing = the hub is already at schema { $to }: nothing was changed
sync-no-url = no hub is configured: add [sync] url = "postgresql://…" to the config (the URL `casebook hub add-device` printed)
sync-no-conflicts = no conflicts
sync-conflict-here = here: { $value }
sync-conflict-other = other device: { $value }
sync-conflict-other-named = other device { $device }: { $value }
sync-conflict-kept-here = (kept for now: here)
sync-conflict-kept-other = (kept for now: other device)
sync-conflict-empty = (empty)
sync-settled = conflict { $id } settled; it goes to the other devices at the next sync
sync-done = synced: { $sent } sent, { $received } received
sync-done-erased = { $count } erased as on another device
sync-done-files = attachments: { $sent } sent, { $received } received
sync-done-not-shared =
    { $count ->
        [one] 1 attachment not shared: too big for the hub (over 32 MiB), it stays on this device
       *[other] { $count } attachments not shared: too big for the hub (over 32 MiB), they stay on this device
    }
sync-done-conflicts =
    { $count ->
        [one] 1 conflict to settle: casebook sync --conflicts
       *[other] { $count } conflicts to settle: casebook sync --conflicts
    }

## The last words on screen (issue 17): key problems, the lock screen,
## questions' keys, conflicts' field names

# A question's answer letters, shown when the keymap binds them to yes / no
# (the keymap's "yes" takes y and i; a rebound key is shown instead).
ui-key-yes = y
ui-key-no = n
ui-refer-confirm-refused = Refer anyway? The constituent on case { $reference } said their details must not be shared with officers or third parties.
ui-refer-confirm-not-asked = Refer anyway? The constituent on case { $reference } has not been asked whether their details may be shared with officers or third parties.
ui-keys-not-an-action =
    { $from ->
        [built-in] built-in keys
       *[config] config [keys]
    }: `{ $name }` is not an action; it was skipped
ui-keys-not-a-key =
    { $from ->
        [built-in] built-in keys
       *[config] config [keys]
    }: `{ $key }` for { $action } is not a key name; it was skipped
ui-keys-no-key =
    { $from ->
        [built-in] built-in keys
       *[config] config [keys]
    }: no key given for { $action }; it was skipped
ui-keys-broken-defaults = the built-in keys cannot be read: { $detail }
ui-keys-clash = `{ $key }` is bound to both { $first } and { $second }: { $first } wins
ui-lock-title = casebook is locked
ui-lock-ask = Type the passphrase and press Enter (Ctrl-Q quits).
ui-lock-typed = (typed, not shown)
ui-lock-wrong = Wrong passphrase: try again.
ui-lock-checking = Checking…
# A change in a percentage, in percentage points ("+4.0 pts").
ui-review-points = { $change } pts

# The name of each field a sync conflict can be about.
ui-conflicts-field-held_on = Held on
ui-conflicts-field-venue = Venue
ui-conflicts-field-started_at = Started
ui-conflicts-field-ended_at = Ended
ui-conflicts-field-notes = Notes
ui-conflicts-field-name = Name
ui-conflicts-field-contact-kind = Kind of contact
ui-conflicts-field-organisation = Organisation
ui-conflicts-field-department = Department
ui-conflicts-field-contact-role = Job title
ui-conflicts-field-address = Address
ui-conflicts-field-postcode = Postcode
ui-conflicts-field-phone = Phone
ui-conflicts-field-email = Email
ui-conflicts-field-preferred_contact = Keep informed by
ui-conflicts-field-gender = Gender
ui-conflicts-field-age_band = Age band
ui-conflicts-field-ethnicity = Ethnicity
ui-conflicts-field-employment_status = Employment status
ui-conflicts-field-caution = Caution marker
ui-conflicts-field-language = Language
ui-conflicts-field-contact_id = Person
ui-conflicts-field-handles = Handles
ui-conflicts-field-categories = Categories
ui-conflicts-field-reference = Reference
ui-conflicts-field-title = Title
ui-conflicts-field-opened = Opened
ui-conflicts-field-closed = Closed
ui-conflicts-field-case-kind = Kind of case
ui-conflicts-field-category = Category
ui-conflicts-field-channel = Channel
ui-conflicts-field-location = Location
ui-conflicts-field-area = Area
ui-conflicts-field-facts = The facts
ui-conflicts-field-wants = What they want
ui-conflicts-field-history = Asked before
ui-conflicts-field-others_involved = Others involved
ui-conflicts-field-status = Status
ui-conflicts-field-outcome = Outcome
ui-conflicts-field-satisfaction = Satisfaction
ui-conflicts-field-feedback = Feedback
ui-conflicts-field-promised_by = Promised a reply by
ui-conflicts-field-consent_to_share = Consent to share
ui-conflicts-field-surgery_id = Surgery
ui-conflicts-field-publicise = May be publicised
ui-conflicts-field-contacted_on = Date contacted
ui-conflicts-field-consent_on = Consent given on
ui-conflicts-field-outcome_note = Outcome note
ui-conflicts-field-shared = Shared with the office
ui-conflicts-field-case_id = Case
ui-conflicts-field-case_person-role = Role on the case
ui-conflicts-field-entry-kind = Kind of entry
ui-conflicts-field-at = When
ui-conflicts-field-text = Text
ui-conflicts-field-confidential = Confidential
ui-conflicts-field-draft = Draft
ui-conflicts-field-to_contact_id = Referred to
ui-conflicts-field-referred_on = Referred on
ui-conflicts-field-council_ref = Council reference
ui-conflicts-field-instruction = Instruction
ui-conflicts-field-note = Note
ui-conflicts-field-constituent_copied = Constituent copied in
ui-conflicts-field-due_on = Due
ui-conflicts-field-reply_on = Reply received
ui-conflicts-field-reply = Reply
ui-conflicts-field-entry_id = Diary entry
ui-conflicts-field-filename = File name
ui-conflicts-field-content_type = Type of file
ui-conflicts-field-size = Size
ui-conflicts-field-sha256 = Checksum
ui-conflicts-field-entry_mail-message_key = Message identifier
ui-conflicts-field-entry_mail-sender = From
ui-conflicts-field-entry_mail-recipients = To
ui-conflicts-field-entry_mail-cc = Copied to
ui-conflicts-field-entry_mail-subject = Subject
ui-conflicts-field-what = What
ui-conflicts-field-done_on = Done on
ui-conflicts-field-requested_on = Requested on
ui-conflicts-field-respond_by = Respond by
ui-conflicts-field-answered_on = Answered on

## Errors and prompts that were English (issue 17)

error-not-an-email = `{ $input }` is not an email address
error-not-a-phone = `{ $input }` is not a phone number: use digits, spaces and +
error-not-a-postcode = `{ $input }` is not a UK postcode
error-satisfaction-range = satisfaction `{ $value }` is out of range: use 1 (poor) to 5 (excellent)
error-case-closed-before-opened = closed date { $closed } is before the opened date { $opened }
error-case-contacted-after-opened = date contacted { $contacted } is after the opened date { $opened }
error-case-consent-undecided = consent dated { $date } but not recorded as given or refused
error-case-closed-needs-date = a closed case needs a closed date
error-case-open-with-outcome = a case with status `{ $status }` cannot have a closed date or an outcome
error-field-empty = { $field ->
        [name] the name
        [title] the title
        [text] the text
       *[what] what to follow up
    } is empty: it is needed
error-log-no-name = who was it? the name is empty
error-log-namesakes-on-case = { $count } contacts are named `{ $name }` and none of them is on case { $reference }: choose them in the app
error-log-namesakes = { $count } contacts are named `{ $name }`: give --case to say which, or choose them in the app
error-referral-due-before = the reply due date { $due } is before the referral date { $referred }
error-reply-already = this referral already has a reply, recorded on { $date }
error-reply-before-referral = the reply date { $date } is before the referral date { $referred }
error-refer-closed = case { $reference } is closed: reopen it before referring it
error-refer-not-officer = { $name } is not an officer or agency: add them to the directory first
error-case-reference-taken = a case with reference { $reference } already exists
error-close-needs-outcome = closing a case needs its outcome
error-close-before-opening = cannot close on { $date }: the case was opened on { $opened }
error-case-already-closed = case { $reference } is already closed
error-surgery-running = a surgery at { $venue } is already running (started { $started }): end it first
error-surgery-none-running = no surgery is running: start one with `casebook surgery start VENUE`
error-directory-not-officer = the directory holds officers and agencies: give the contact kind officer or agency
crypt-ask = Passphrase for { $path }:{" "}
crypt-ask-new = New passphrase (at least 8 characters; it cannot be recovered):{" "}
crypt-ask-again = The same passphrase again:{" "}
error-passphrases-differ = the two passphrases differ: nothing was changed
error-passphrase-var-empty = { $var } is set but empty
error-passphrase-var-not-utf8 = { $var } is not valid UTF-8
error-passphrase-no-terminal = { $path } is encrypted: set { $var } or run casebook in a terminal to type it
error-new-passphrase-no-terminal = { $path } needs a new passphrase: set { $var } or run casebook in a terminal to type it
crypt-cannot-read-passphrase = cannot read the passphrase from the terminal
error-seal-no-passphrase = { $path } would be written from an encrypted diary: set { $var } to encrypt it with age, give --recipient age1…, or --plain to write it unencrypted
seal-sealed = { $path } is encrypted with age: open it with `age -d` (--plain writes it unencrypted)
seal-plain = { $path } was written unencrypted (--plain): it holds personal data in the clear, keep it safe
seal-ask = Passphrase for the encrypted file (at least 8 characters; `age -d` asks it):{" "}
error-seal-not-a-key = --recipient { $key } is not an age public key (they start with age1)
error-seal-cannot-encrypt = cannot encrypt { $path }: { $detail }
error-seal-cannot-open = cannot open { $path }: { $detail } (a file encrypted for a key opens with `age -d -i KEYFILE`)
# The word a date field starts with, typed for the user: the date reader
# takes it (and the other language's) as today's date.
ui-date-today = today
# What is wrong inside an Outlook .msg file (after mail-error-bad-msg).
mail-msg-container = { $detail }
mail-msg-empty = it has no subject, sender or text
mail-msg-too-large = a property is impossibly large
mail-msg-too-deep = messages are attached inside each other more than { $depth } deep
mail-msg-in-attached = the attached message “{ $name }”: { $problem }
# The rows an import refuses, and why (each reason of a row after "; ").
error-import-bad-rows =
    { $count ->
        [one] 1 row is not valid
       *[other] { $count } rows are not valid
    }; nothing was imported (fix them, or --skip-bad to import the good rows and set these aside){ $rows }
import-bad-row = line { $line }: { $reasons }
import-why-no-title = the title is empty
import-why-no-opened = the opened date is empty
import-why-missing = the opened date or the title is missing
import-why-column = { $column }: { $problem }
import-why-nearest = { $problem } (nearest: `{ $nearest }`)
import-why-satisfaction = satisfaction `{ $value }` is not a number from 1 (poor) to 5 (excellent)
import-why-no-name = constituent details are given but constituent_name is empty
import-why-email = constituent_email `{ $input }` is not an email address
import-why-reference-twice = the reference { $reference } is also on line { $line }
import-why-other = { $detail }
# The diary file itself.
error-db-no-folder = cannot open the database { $path }: the folder { $folder } does not exist
error-db-not-a-diary = { $path } is an SQLite database but not a casebook diary; it was not changed
error-db-disk-full = the disk holding { $path } is full: nothing was saved; free some space and try again
error-db-cannot-open = cannot open the database { $path }: check the path and the permissions of the file and its folder
error-db-io = cannot read or write the database { $path }: the disk reported an error ({ $detail }); nothing was saved
error-db-read-only = the database { $path } is read-only: nothing can be saved; check the permissions of the file and its folder
error-backup-not-a-diary = { $path } is not a casebook diary (no casebook tables in it)
error-diary-open-elsewhere = the diary { $path } is open in another program (casebook?): close it, then try again
error-no-database-file = there is no database file at { $path }
error-path-not-utf8 = { $path } is not a UTF-8 path: choose a plainer name
error-import-no-file = import needs a FILE to read (or --template PATH to write an empty spreadsheet)
error-import-rejects-full = cannot write the rejected rows: { $folder }/{ $stem }.rejects-*.csv all exist; tidy them away first
error-import-template-exists = { $path } already exists: give a new file name for the template
error-sheet-unreadable = { $file } is not a spreadsheet casebook can read ({ $detail }): save it as .xlsx, .ods or CSV
error-sheet-no-such = { $file } has no sheet named `{ $wanted }`: its sheets are { $sheets }
error-sheet-cannot-read = { $file }: cannot read the sheet `{ $name }`: { $detail }
error-sheet-several = { $file } has { $count } sheets with data ({ $sheets }): choose one with --sheet NAME
error-sheet-not-a-date = `{ $input }` is not a date
error-sheet-no-such-day = `{ $input }` is not a date: there is no such day
# An output file (--out, an export, a report) refused.
error-output-is-diary = { $path } is the diary (or one of its own files): nothing was written; choose another file
error-output-in-backups = { $path } is in the backups folder: nothing was written; choose another file
error-output-is-device = { $path } is a device, not a file: nothing was written; choose a file, or leave out --out to print
error-output-is-folder = { $path } is a folder: name a file in it
error-output-too-many-links = { $path } has too many symbolic links to follow
error-output-exists = { $path } already exists: casebook never writes over a file; choose another --out
# The diary entry a referral writes, sentence by sentence.
entry-referred = Referred to { $to }.
entry-referred-instruction = Instruction: { $instruction }.
entry-referred-council-ref = Council reference { $reference }.
entry-referred-copied = Constituent copied in.
entry-referred-due = Reply due { $due }.
# The built-in letter and email templates, as the draft form offers them
# (`casebook draft --template NAME` takes the name in brackets).
ui-template-acknowledge = Acknowledgement (acknowledge)
ui-template-chaser = Chaser (chaser)
ui-template-letter = Letter (letter)
ui-template-outcome = Outcome (outcome)
ui-template-referral = Referral (referral)
ui-template-update = Update (update)
# A file the system would not read or write, and why.
error-cannot-read = cannot read { $path }: { $problem }
error-cannot-write = cannot write { $path }: { $problem }
io-not-found = the file or folder does not exist
io-permission-denied = permission denied
io-already-exists = it already exists
io-is-a-folder = it is a folder
io-not-a-folder = part of the path is not a folder
io-disk-full = the disk is full
io-read-only = the disk is read-only
io-other = { $detail }
error-passphrase-empty = the passphrase is empty
error-passphrase-short = the passphrase is too short: use at least { $min } characters (a few words are easy to remember); nothing was changed
error-no-config-dir = cannot find the config directory: give --config
error-no-data-dir = cannot find the data directory: give --db
error-agent-unix = the key agent needs a Unix system
# The header row of a spreadsheet to import, and --map.
error-map-pair = --map: `{ $pair }` is not HEADER=COLUMN (for example "Date logged=opened")
error-map-column = --map: `{ $column }` is not an import column: use one of { $columns } or ignore
error-map-column-near = --map: `{ $column }` is not an import column (did you mean `{ $near }`?): use one of { $columns } or ignore
error-import-columns-clash = { $file }: the columns `{ $first }` and `{ $second }` are both read as `{ $column }`: rename one, or --map "{ $second }=ignore"
error-import-columns-clash-map = { $file }: the columns `{ $first }` and `{ $second }` are both read as `{ $column }` by --map: rename one, or --map "{ $second }=ignore"
error-import-column-twice = { $file }: the column `{ $column }` appears twice in the header row
error-import-no-column =
    { $count ->
        [one] { $file } has no `{ $first }` column: { $hint }
       *[other] { $file } has no `{ $first }` or `{ $second }` column: { $hint }
    }
error-import-hint-semicolons = the cells are separated by semicolons: save as "CSV (comma delimited)"
error-import-hint-map = the header row must name at least opened and title; say which of its columns they are with --map, e.g. --map "{ $header }={ $column }"
error-import-hint-needed = the header row must name at least opened and title
# A casebook export (JSON) that cannot be imported.
error-export-not-utf8 = { $file } is not a casebook export: it is not UTF-8 text
error-export-not-json = { $file } is not a casebook export: line { $line }: { $detail }
error-export-not-ours = { $file } is JSON but not a casebook export (no "format": "{ $format }")
error-export-newer-version = { $file } was written by a newer casebook (export version { $found }, this program reads up to { $known }): install the newer casebook
error-export-newer-schema = { $file } was written by a newer casebook (schema { $found }, this program knows up to { $known }): install the newer casebook
error-export-invalid = { $file } is not a valid casebook export: line { $line } column { $column }: { $detail }

## Errors made where they arose (issue 17: every message from the catalogue).
## `error-io`: what casebook was doing, then the system's reason (io-*).
error-io = { $doing }: { $problem }
doing-terminal = the terminal failed
doing-use = cannot use { $path }
doing-create = cannot create { $path }
doing-find-program = cannot find the casebook program to start its agent
doing-start-agent = cannot start the casebook agent
doing-listen = cannot listen on { $path }
doing-protect = cannot protect { $path }
doing-read-stdin = cannot read standard input
doing-create-backups = cannot create the backups folder { $path }
doing-read-backups = cannot read the backups folder { $path }
doing-remove-backup = cannot remove the old backup { $path }
doing-read-link = cannot read the link { $path }
doing-replace-demo = cannot replace the old demo diary { $path }
doing-create-data = cannot create the data folder { $path }
doing-move-aside = cannot move { $path } aside
doing-restore = cannot put the backup in place at { $path }
doing-write-stdout = cannot write to standard output
doing-read-answer = cannot read the answer from the terminal
doing-remember-mapping = cannot remember the column mapping
doing-remember-mapping-in = cannot remember the column mapping in { $path }
doing-write-rejects = cannot write the rejected rows
doing-write-manual = cannot write the manual page
doing-encrypt = cannot encrypt the file
doing-sync = cannot sync { $path }
doing-remove = cannot remove { $path }
doing-replace = cannot replace { $path }
doing-read-config = cannot read the config file { $path }
doing-read-messages = cannot read the message folder { $path }
doing-read-message-file = cannot read the message file { $path }
doing-write-summary = cannot write the summary
doing-read-summary = cannot read the summary { $path }
doing-write-export = cannot write the export
doing-write-csv-export = cannot write the CSV export
doing-write-json = cannot write JSON
doing-write-patterns = cannot write the patterns
doing-write-sar = cannot write the subject access export
doing-write-comparison = cannot write the comparison
doing-write-review-json = cannot write the review as JSON
doing-write-template = cannot write the template
doing-write-template-file = cannot write the template { $path }
## A kind of record, named in a refused export or import.
record-kind = { $what ->
    [case] case
    [contact] contact
    [case-person] case person
    [directory-entry] directory entry
    [entry] entry
    [follow-up] follow-up
    [referral] referral
    [surgery] surgery
    [tombstone] tombstone
    [attachment] attachment
   *[other] record
}
error-agent-dir-not-private = { $path } is not a folder only you can use (it must be yours, mode 0700): the session was not kept
error-agent-not-started = the casebook agent did not start
error-agent-no-runtime-dir = no runtime folder for the agent
error-summary-not-json = cannot read the summary { $path }: { $detail }
error-import-not-csv = { $file } is not a well-formed CSV file: { $detail }
error-export-missing-record = { $file } is not a consistent casebook export: { $from } { $from_uuid } refers to { $what } { $uuid }, which is not in the file
error-export-bad-timestamp = { $file } is not a valid casebook export: { $what } { $uuid } has the timestamp `{ $stamp }`, which is not RFC 3339
error-export-link-missing = the export is not consistent: { $from } { $from_uuid } refers to { $what } { $uuid }, which is not in the file
error-export-record-refused = the export's { $what } { $uuid } cannot be loaded: { $detail }
error-export-counter-refused = the export's reference counter for { $year } cannot be loaded: { $detail }
error-import-not-empty = the diary is not empty: a casebook export can only be imported into a new, empty database (give --db with a new file name)
error-import-line = line { $line }: { $problem }; nothing was imported
error-runs-before-diary = this command runs before the diary is opened
error-key-malformed = the key is malformed
error-passphrase-too-long = the passphrase is too long
error-key-not-derived = the key could not be derived (OpenSSL failed)
error-attachment-id = `{ $input }` is not an attachment number or UUID (see `casebook attachment list REF`)
error-draft-kind = only an email or letter out can be a draft
error-entry-refused = entry { $uuid }: { $detail }
error-attachment-not-base64 = attachment { $uuid }: its data is not base64
error-attachment-altered = attachment { $uuid }: its data does not match its sha256 (the file was altered or cut short)
error-hub-unknown-kind = the hub sent an unknown record kind `{ $kind }`
error-not-joined = this diary has not joined a hub
error-hub-attachment-altered = the hub sent attachment { $uuid } with bytes that do not match its SHA-256
error-upgrade-failed = cannot upgrade the database: { $detail }; the file was not changed
error-device-name = device name `{ $name }`: use 1 to 40 lower-case letters, digits, - or _
error-device-user-empty = --user: give the councillor's name
error-device-taken = a device named { $name } already exists on the hub; choose another name
error-copy-schema = the copy { $path } has schema version { $found }, expected { $expected }; it was removed
error-erase-wal-busy = the erasure is saved, but another program has the diary open, so old copies of the text may stay in the write-ahead log: close every other casebook and run the command again
error-bulk-raced = bulk write: a { $what } was saved as row { $got }, not { $want }: another program wrote to the file at the same time
error-bulk-index = cannot index { $table }: unexpected trigger
error-rekey-schema = { $path } is not a casebook diary this program can rewrite (schema version { $version }); it was not changed
error-rekey-rows-differ = the rewritten copy does not hold the same rows ({ $copied } against { $counts }); { $path } was not changed
error-publicise-closed = case { $reference } cannot be publicised: it was closed as { $outcome }; only a case resolved satisfactorily can
error-publicise-status = case { $reference } cannot be publicised: its status is { $status }; only a case resolved satisfactorily can
error-no-home = cannot find a home directory: give --db and --config explicitly
error-catalogue-override = { $path } line { $line }: { $detail }
error-template-unknown = there is no template `{ $name }`: the templates are { $known }
error-template-broken = template `{ $name }` ({ $lang }): line { $line }: { $detail }
error-draft-bad-address = `{ $address }` is not an email address that a draft can be sent to
error-draft-build = cannot build the draft: { $detail }
## The shared hub. `error-hub-said`: what casebook asked, then the hub's
## (or the connection's) own words.
error-hub-said = { $doing }: { $detail }
error-hub-upgrade = the hub holds records of a newer casebook (schema { $schema }): install the newer casebook on this device, then sync
error-hub-not-registered = the hub refused this device: it was revoked or never added (ask whoever runs the hub)
hub-doing-push = the hub refused the push
hub-doing-read = cannot read the hub
hub-doing-create = cannot create the hub
hub-doing-upgrade = cannot upgrade the hub
error-hub-none = the database { $database } holds no casebook hub: make one with `casebook hub init`
error-hub-newer = the hub was made or upgraded by a newer casebook (hub schema { $found }; this casebook knows { $known }): nothing was changed; upgrade it with that casebook
error-hub-older = the hub is older than this casebook (hub schema { $found }, this casebook needs { $needed }): its administrator should run `casebook hub upgrade`; nothing was sent
hub-doing-add-device = cannot add the device
hub-doing-revoke = cannot revoke the device
hub-doing-end-sessions = cannot end the device's sessions
hub-doing-scrub = cannot scrub the hub
hub-doing-sync = the hub refused the sync
hub-doing-pull = cannot pull from the hub
hub-doing-attachment = the hub refused an attachment
hub-doing-reach = cannot reach the hub at { $host }:{ $port }
hub-doing-tls = cannot set up TLS
hub-doing-read-ca = cannot read { $path }
error-hub-bad-url = the hub URL is not a PostgreSQL URL: { $detail }
error-hub-no-host = the hub URL names no host: write it as postgresql://USER:PASSWORD@HOST:PORT/DB
error-hub-exists = the database { $name } already holds a casebook hub; nothing was changed
io-refused = the connection was refused
io-timed-out = no answer in time
io-unreachable = the network cannot reach it
## Why a diary or a backup is damaged (after "the database … is damaged: ").
corrupt-malformed-check = SQLite reports the file as malformed; run `casebook check`, which names the latest backup
corrupt-malformed-restore = SQLite reports the file as malformed; restore the latest backup with `casebook restore { $backup }`
corrupt-malformed-no-backup = SQLite reports the file as malformed, and no backup of it was found; copy the file somewhere safe before trying anything
corrupt-check-restore = { $count } problem(s) found; restore the latest backup with `casebook restore { $backup }`
corrupt-check-no-backup = { $count } problem(s) found, and no backup of it was found; copy the file somewhere safe before trying anything
corrupt-backup-integrity = integrity_check found { $count } problem(s), the first: { $first }; choose another backup
corrupt-copy-integrity = the copy failed its integrity check ({ $first }); it was removed
corrupt-unreadable = it could not be read; run `casebook check` first
