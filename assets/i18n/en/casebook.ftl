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
