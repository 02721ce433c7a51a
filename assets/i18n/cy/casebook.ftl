# Negeseuon casebook yn Gymraeg. Rhaid i bob id yma fod yn
# ../en/casebook.ftl hefyd, gyda'r un newidynnau (tests/i18n.rs).
# Cymraeg Clir; termau yn docs/welsh-glossary.md.
# Rhifolion: enw unigol ar ôl rhif. Mae "dau" yn treiglo'n feddal
# (2 ddilyniant, 2 ddiwrnod); "tri" a "chwe" yn treiglo c/p/t yn unig
# (3 dilyniant, 6 diwrnod).

## Cyfrifon

follow-up-count =
    { $count ->
        [zero] dim dilyniant
        [one] 1 dilyniant
        [two] 2 ddilyniant
        [few] { $count } dilyniant
        [many] { $count } dilyniant
       *[other] { $count } dilyniant
    }
day-count =
    { $count ->
        [zero] dim diwrnod
        [one] 1 diwrnod
        [two] 2 ddiwrnod
       *[other] { $count } diwrnod
    }

## casebook due (src/cli/due.rs)

due-nothing = Dim byd i'w wneud.
due-follow-ups =
    { $count ->
        [zero] Dim dilyniant i'w wneud
        [one] 1 dilyniant i'w wneud
        [two] 2 ddilyniant i'w gwneud
       *[other] { $count } dilyniant i'w gwneud
    }:
due-late-referrals = Atebion hwyr i atgyfeiriadau ({ $count }):
due-needs-update =
    Angen diweddariad, dim gair atyn nhw ers { $days ->
        [one] 1 diwrnod
        [two] 2 ddiwrnod
       *[other] { $days } diwrnod
    } neu fwy ({ $count }):
due-today = heddiw
due-unfiled = heb achos
due-overdue =
    { $days ->
        [one] 1 diwrnod yn hwyr
        [two] 2 ddiwrnod yn hwyr
       *[other] { $days } diwrnod yn hwyr
    }
due-referral =
    { $to }: disgwyl ateb erbyn { $due }, { $days ->
        [one] 1 diwrnod gwaith yn hwyr
        [two] 2 ddiwrnod gwaith yn hwyr
       *[other] { $days } diwrnod gwaith yn hwyr
    }
due-last-contact =
    { $name }: cysylltiad diwethaf { $date }, { $days ->
        [one] 1 diwrnod yn ôl
        [two] 2 ddiwrnod yn ôl
       *[other] { $days } diwrnod yn ôl
    }
due-no-contact =
    { $name }: dim cysylltiad eto (agorwyd { $date }), { $days ->
        [one] 1 diwrnod yn ôl
        [two] 2 ddiwrnod yn ôl
       *[other] { $days } diwrnod yn ôl
    }
due-more = … a { $count } arall: agorwch casebook i'w gweld i gyd

## casebook sync --status (src/cli/sync.rs)

sync-status-no-hub = Does dim hyb wedi'i osod: ychwanegwch [sync] url at y ffurfweddiad.
sync-status-never = Nid yw'r dyddiadur hwn wedi cysoni â hyb eto.
sync-status-synced = Cysoni llwyddiannus diwethaf: { $when }
sync-status-waiting =
    { $count ->
        [zero] Dim newid yn aros i fynd.
        [one] 1 newid yn aros i fynd.
       *[other] { $count } newid yn aros i fynd.
    }
sync-status-conflicts =
    { $count ->
        [zero] Dim gwrthdaro.
        [one] 1 gwrthdaro heb ei ddatrys: casebook sync --conflicts
        [two] 2 wrthdaro heb eu datrys: casebook sync --conflicts
       *[other] { $count } gwrthdaro heb eu datrys: casebook sync --conflicts
    }
sync-status-failed = Methodd y cysoni diwethaf ({ $when }): { $why }
sync-failure-unreachable = doedd dim modd cyrraedd yr hyb (all-lein?)
sync-failure-refused = gwrthododd yr hyb y ddyfais hon (wedi'i thynnu'n ôl, neu heb ei hychwanegu)
sync-failure-upgrade = mae'r hyb angen casebook mwy newydd ar y ddyfais hon
sync-failure-bad_url = mae URL yr hyb yn y ffurfweddiad yn anghywir
sync-failure-hub = rhoddodd yr hyb wall
sync-failure-diary = doedd dim modd darllen nac ysgrifennu'r dyddiadur hwn

## casebook mail heb ffeil: y ffolder mewnflwch (src/cli/mail.rs)

mail-inbox-missing = Nid yw'r ffolder mewnflwch { $folder } yn bod: gwiriwch [mail] inbox yn y ffurfweddiad.
mail-inbox-not-folder = Nid ffolder yw'r mewnflwch { $folder }: gwiriwch [mail] inbox yn y ffurfweddiad.
mail-inbox-unreadable = Does dim modd darllen y ffolder mewnflwch { $folder }: { $reason }
mail-inbox-empty = Dim ffeiliau post (.eml, .msg, .mbox) yn y ffolder mewnflwch { $folder }.

## casebook hub scrub a status (src/cli/hub.rs)

hub-scrub-nothing = Does dim wedi'i ddileu na'i ddileu'n llwyr ers y glanhau diwethaf: mae ffeiliau'r hyb fel yr oedden nhw.
hub-scrubbed =
    { $count ->
        [one] Cafodd ffeiliau'r hyb eu hailysgrifennu: does dim byd ar ôl o 1 cofnod wedi'i ddileu.
       *[other] Cafodd ffeiliau'r hyb eu hailysgrifennu: does dim byd ar ôl o { $count } cofnod wedi'u dileu.
    }
hub-scrub-owed =
    { $count ->
        [one] Gall 1 cofnod a ddilëwyd ers y glanhau diwethaf fod yn ffeiliau'r hyb o hyd: rhedwch casebook hub scrub
       *[other] Gall { $count } cofnod a ddilëwyd ers y glanhau diwethaf fod yn ffeiliau'r hyb o hyd: rhedwch casebook hub scrub
    }

## Days and months (src/i18n/dates.rs)

weekday-1 = dydd Llun
weekday-2 = dydd Mawrth
weekday-3 = dydd Mercher
weekday-4 = dydd Iau
weekday-5 = dydd Gwener
weekday-6 = dydd Sadwrn
weekday-7 = dydd Sul
weekday-short-1 = Llun
weekday-short-2 = Mawrth
weekday-short-3 = Mercher
weekday-short-4 = Iau
weekday-short-5 = Gwener
weekday-short-6 = Sadwrn
weekday-short-7 = Sul
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
month-short-1 = Ion
month-short-2 = Chwef
month-short-3 = Maw
month-short-4 = Ebr
month-short-5 = Mai
month-short-6 = Meh
month-short-7 = Gorff
month-short-8 = Awst
month-short-9 = Medi
month-short-10 = Hyd
month-short-11 = Tach
month-short-12 = Rhag
date-long = { $weekday } { $day } { $month } { $year }
date-short = { $weekday } { $day } { $month } { $year }

## Labels of the closed lists (SPEC sections 2 and 3): <list>-<contract name>.
## Generated ids; the English must match `label()` in src/domain/kinds.rs.

### case kind
case-kind-direct_query = Ymholiad uniongyrchol
case-kind-indirect_query = Ymholiad anuniongyrchol (ar ran rhywun arall)
case-kind-complaint = Cwyn
case-kind-service_request = Cais am wasanaeth
case-kind-community_issue = Mater cymunedol

### channel
channel-phone = Ffôn
channel-email = E-bost
channel-letter = Llythyr
channel-in_person = Wyneb yn wyneb
channel-surgery = Cymhorthfa
channel-doorstep = Ar garreg y drws
channel-social_media = Cyfryngau cymdeithasol
channel-online_form = Ffurflen ar-lein
channel-campaign = Ymgyrch
channel-other = Arall

### status
status-open = Ar agor
status-waiting_council = Yn aros am y cyngor
status-waiting_constituent = Yn aros am yr etholwr
status-waiting_other = Yn aros am rywun arall
status-closed = Ar gau

### outcome
outcome-resolved = Wedi'i ddatrys yn foddhaol
outcome-partly_resolved = Wedi'i ddatrys yn rhannol
outcome-not_resolved = Heb ei ddatrys
outcome-withdrawn = Wedi'i dynnu'n ôl
outcome-referred_elsewhere = Wedi'i atgyfeirio i rywle arall

### entry kind
entry-kind-call_in = Galwad i mewn
entry-kind-call_out = Galwad allan
entry-kind-email_in = E-bost i mewn
entry-kind-email_out = E-bost allan
entry-kind-letter_in = Llythyr i mewn
entry-kind-letter_out = Llythyr allan
entry-kind-meeting = Cyfarfod
entry-kind-surgery_visit = Ymweliad â'r gymhorthfa
entry-kind-doorstep = Ar garreg y drws
entry-kind-social_media = Cyfryngau cymdeithasol
entry-kind-note = Nodyn
entry-kind-action = Cam gweithredu
entry-kind-feedback_given = Adborth wedi'i roi

### role
role-constituent = Etholwr
role-on_behalf_of = Ar ran
role-officer = Swyddog
role-agency = Asiantaeth
role-other = Arall

### contact kind
contact-kind-constituent = Etholwr
contact-kind-officer = Swyddog y cyngor
contact-kind-agency = Asiantaeth bartner
contact-kind-councillor = Cynghorydd
contact-kind-organisation = Sefydliad
contact-kind-other = Arall

### age band
age-band-0-17 = 0–17
age-band-18-29 = 18–29
age-band-30-44 = 30–44
age-band-45-64 = 45–64
age-band-65-74 = 65–74
age-band-75plus = 75+
age-band-prefer_not_to_say = Gwell gennyf beidio â dweud

### instruction
instruction-reply_copy_me = Ateb yr etholwr ac anfon copi ataf i
instruction-reply_through_me = Ateb drwof i

### preferred contact
preferred-contact-phone = Ffôn
preferred-contact-email = E-bost
preferred-contact-letter = Llythyr
preferred-contact-in_person = Wyneb yn wyneb
preferred-contact-text = Neges destun

### language
language-en = Saesneg
language-cy = Cymraeg
language-both = Cymraeg a Saesneg

### Default categories (config may add more, named in the user's own words)
category-housing = Tai
category-social_services = Gwasanaethau cymdeithasol
category-benefits = Budd-daliadau
category-council_tax = Treth gyngor
category-highways = Priffyrdd
category-parking = Parcio
category-waste = Gwastraff
category-planning = Cynllunio
category-anti_social_behaviour = Ymddygiad gwrthgymdeithasol
category-environment = Yr amgylchedd
category-education = Addysg
category-health = Iechyd
category-transport = Trafnidiaeth
category-licensing = Trwyddedu
category-other = Arall

### Monitoring answers: gender (src/domain/person.rs)
gender-female = Benyw
gender-male = Gwryw
gender-non_binary = Anneuaidd
gender-other = Yn disgrifio'u hunain mewn ffordd arall
gender-prefer_not_to_say = Gwell gennyf beidio â dweud

### Monitoring answers: ethnicity (src/domain/person.rs)
ethnicity-white_welsh = Gwyn: Cymreig
ethnicity-white_british = Gwyn: Seisnig, Albanaidd, Gwyddelig Gogledd Iwerddon neu Brydeinig
ethnicity-white_irish = Gwyn: Gwyddelig
ethnicity-gypsy_or_traveller = Gwyn: Sipsi neu Deithiwr Gwyddelig
ethnicity-roma = Gwyn: Roma
ethnicity-white_other = Gwyn: unrhyw gefndir arall
ethnicity-mixed = Grwpiau ethnig cymysg neu luosog
ethnicity-indian = Asiaidd: Indiaidd
ethnicity-pakistani = Asiaidd: Pacistanaidd
ethnicity-bangladeshi = Asiaidd: Bangladeshaidd
ethnicity-chinese = Asiaidd: Tsieineaidd
ethnicity-asian_british = Asiaidd Prydeinig neu Asiaidd Cymreig
ethnicity-asian_other = Asiaidd: unrhyw gefndir arall
ethnicity-black_african = Du: Affricanaidd
ethnicity-black_caribbean = Du: Caribïaidd
ethnicity-black_british = Du Prydeinig neu Du Cymreig
ethnicity-black_other = Du: unrhyw gefndir arall
ethnicity-arab = Arabaidd
ethnicity-other = Unrhyw grŵp ethnig arall
ethnicity-prefer_not_to_say = Gwell gennyf beidio â dweud

### Monitoring answers: employment (src/domain/person.rs)
employment-employed = Cyflogedig
employment-self_employed = Hunangyflogedig
employment-unemployed = Di-waith
employment-retired = Wedi ymddeol
employment-student = Myfyriwr
employment-carer = Gofalwr
employment-unable_to_work = Methu gweithio (salwch neu anabledd)
employment-prefer_not_to_say = Gwell gennyf beidio â dweud
