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

## Dyddiadau mewn adroddiadau (src/i18n/dates.rs)

date-dmy = { $day } { $month } { $year }
month-year-short = { $month } { $year }
period-range = { $from } – { $to }

## casebook review (src/report/review_doc.rs, src/cli/review.rs)
## Cwestiynau'r gweithlyfr ("Monitro eich perfformiad").
## "achos" ar ôl rhif: dim treiglad (dau achos, tri achos, chwe achos).
## "person": 2 berson, 3 pherson, 6 pherson; o 4 ymlaen "o bobl" neu "person".

review-title = Adolygiad gwaith achos: { $period }
review-subtitle = { $from } hyd at { $to }, o'i gymharu â'r cyfnod blaenorol ({ $previous }).
review-q-people = Faint o bobl a gysylltodd â chi gyda phroblemau yn ystod y flwyddyn ddiwethaf?
review-q-who = Pwy oedd y bobl hyn – rhywedd, ethnigrwydd, oed, dosbarth, statws cyflogaeth?
review-q-how = Sut y cysylltodd pobl â chi?
review-q-resolved = Sawl achos y llwyddoch chi i'w ddatrys yn foddhaol?
review-q-compare = Sut mae hyn yn cymharu â'r blynyddoedd blaenorol?
review-q-profile = Beth oedd natur y problemau, e.e. tai, gwasanaethau cymdeithasol, budd-daliadau ac ati?
review-q-under-30 = Faint o bobl dan 30 oed a gysylltodd â chi?
review-q-how-long = Faint o amser a gymerodd yr achosion?
review-q-satisfaction = Pa mor fodlon oedd y bobl y gwnaethoch chi eu helpu?
review-q-when = Pryd y daeth y gwaith achos i mewn?
review-q-others = Sut mae maint a math eich gwaith achos yn cymharu â rhai aelodau eraill?
review-note-people = Pob un wedi'i gyfrif unwaith: etholwyr yr achosion a agorwyd yn y cyfnod, a phawb (nid swyddog, asiantaeth na chynghorydd) a ffoniodd, a anfonodd e-bost, a ysgrifennodd, a ddaeth i gymhorthfa, a siaradodd ar garreg y drws neu a anfonodd neges ar y cyfryngau cymdeithasol yn ystod y cyfnod.
review-note-who = Yn ôl disgrifiad y person ei hun, ac yn ddewisol. Mae "Anhysbys" yn golygu na chafodd ei gofnodi; nid yw dosbarth yn cael ei gofnodi (statws cyflogaeth yw'r mesur agosaf).
review-note-how = Sianel y cysylltiad cyntaf ar gyfer pob achos a agorwyd yn y cyfnod.
review-note-satisfaction = Dros yr achosion a gaewyd yn y cyfnod sydd â sgôr bodlonrwydd (1 gwael – 5 ardderchog).
review-note-months = Yr achosion a agorwyd ym mhob mis o ddechrau'r cyfnod.
review-others-howto = Cyfnewidiwch grynodebau dienw â'ch cydweithwyr: mae `casebook review --summary-out FFEIL` yn ysgrifennu eich un chi (cyfrifon yn unig, a chyfrifon dan 5 wedi'u cuddio); mae `casebook review --compare FFEIL…` yn dangos eu rhai nhw wrth ochr eich un chi.
review-figure = Ffigur
review-change = Newid
review-people-head = Pobl
review-cases-head = Achosion
review-share-head = Cyfran
review-none-in-period = Dim yn y cyfnod hwn
review-h-people = Pobl a gysylltodd â chi
review-h-opened = Achosion a agorwyd
review-h-closed = Achosion a gaewyd
review-h-resolved = Wedi'u datrys yn foddhaol
review-h-rate = Cyfran a ddatryswyd yn foddhaol
review-h-under-30 = Pobl dan 30 oed
review-h-median = Canolrif y dyddiau i gau
review-h-satisfaction = Bodlonrwydd cyfartalog (1–5)
review-d-gender = Rhywedd
review-d-age = Band oedran
review-d-ethnicity = Ethnigrwydd
review-d-employment = Statws cyflogaeth
review-c-channel = Sianel y cysylltiad cyntaf
review-c-category = Categori
review-c-kind = Math o achos
review-c-outcome = Canlyniad
review-c-month = Achosion a agorwyd bob mis
review-outcome-unknown = Canlyniad heb ei gofnodi
review-unknown = Anhysbys (heb ei gofnodi)
review-no-change = dim newid
review-change-points =
    { $points ->
        [one] { $change } pwynt
       *[other] { $change } pwynt
    }
review-change-days = { $change } diwrnod
review-days =
    { $days ->
        [one] 1 diwrnod
        [two] 2 ddiwrnod
       *[other] { $shown } diwrnod
    }
review-compared-up = { $change } yn fwy nag yn { $period } ({ $before })
review-compared-down = { $change } yn llai nag yn { $period } ({ $before })
review-compared-same = yr un faint ag yn { $period }
review-people =
    { $people ->
        [zero] Ni chysylltodd neb
        [one] Cysylltodd 1 person
        [two] Cysylltodd 2 berson
        [few] Cysylltodd 3 pherson
        [many] Cysylltodd 6 pherson
       *[other] Cysylltodd { $people } o bobl
    } â chi yn { $period }: { $compared }. Agoroch chi { $opened } achos a chau { $closed }.
review-most-often = Y sianel fwyaf cyffredin oedd { $channel }: { $count } o'r { $total } achos.
review-resolved =
    O'r { $closed } achos a gaewyd yn { $period }, { $resolved ->
        [zero] ni chafodd yr un ei ddatrys
        [one] cafodd 1 ei ddatrys
       *[other] cafodd { $resolved } eu datrys
    } yn foddhaol ({ $rate }).
review-none-closed = Ni chaewyd yr un achos yn { $period }.
review-largest = Y gyfran fwyaf oedd { $category }: { $count } o'r { $total } achos.
review-under-30 =
    Roedd { $under } o'r { $people ->
        [one] 1 person
        [two] 2 berson
        [few] 3 pherson
        [many] 6 pherson
       *[other] { $people } person
    } a gysylltodd â chi dan 30 oed ({ $share }): { $compared }.
review-under-30-nobody =
    Roedd { $under } o'r { $people ->
        [one] 1 person
        [two] 2 berson
        [few] 3 pherson
        [many] 6 pherson
       *[other] { $people } person
    } a gysylltodd â chi dan 30 oed: { $compared }.
review-median = Cymerodd hanner yr achosion a gaewyd yn { $period } { $days } neu lai o'u hagor i'w cau.
review-median-before = Cymerodd hanner yr achosion a gaewyd yn { $period } { $days } neu lai o'u hagor i'w cau ({ $previous }: { $before }).
review-satisfaction = Bodlonrwydd cyfartalog { $score } allan o 5, o'r { $responses } achos a gafodd sgôr.
review-satisfaction-before = Bodlonrwydd cyfartalog { $score } allan o 5, o'r { $responses } achos a gafodd sgôr ({ $previous }: { $before }).
review-no-satisfaction = Ni chofnodwyd sgôr bodlonrwydd ar gyfer yr achosion a gaewyd yn { $period }.
error-review-year = mae --year { $year } y tu allan i'r blynyddoedd y mae casebook yn eu derbyn: { $first } i { $last }
error-write-no-folder = methu ysgrifennu { $path }: nid yw'r ffolder { $folder } yn bodoli
review-summary-written = Crynodeb dienw o { $period } wedi'i ysgrifennu i { $path } (cyfrifon dan { $threshold } wedi'u dangos fel { $suppressed }).

## Gwallau (src/error.rs, src/dates.rs): yn dilyn "casebook: ", felly
## llythyren fach ar y dechrau; un llinell yr un.

error-option = { $option }: { $problem }
error-not-found =
    { $what ->
        [attachment] does dim atodiad yn cyfateb i `{ $name }`
        [case-with-reference] does dim achos â'r cyfeirnod `{ $name }`
        [case] does dim achos yn cyfateb i `{ $name }`
        [conflict] does dim gwrthdaro yn cyfateb i `{ $name }`
        [contact] does dim cyswllt yn cyfateb i `{ $name }`
        [device] does dim dyfais yn cyfateb i `{ $name }`
        [diary-entry] does dim cofnod yn y dyddiadur yn cyfateb i `{ $name }`
        [follow-up] does dim dilyniant yn cyfateb i `{ $name }`
        [person-on-the-case] does neb ar yr achos yn cyfateb i `{ $name }`
        [person] does neb o'r enw `{ $name }`
        [referral] does dim atgyfeiriad yn cyfateb i `{ $name }`
        [surgery] does dim cymhorthfa yn cyfateb i `{ $name }`
       *[other] does dim cofnod yn cyfateb i `{ $name }`
    }
error-config = ffeil ffurfweddu { $file }: llinell { $line }: { $problem }
error-locked = mae rhaglen arall yn defnyddio'r gronfa ddata { $path } (ydy casebook ar agor yn rhywle arall?); rhowch gynnig arall arni pan fydd hi wedi gorffen
error-not-a-database = nid yw { $path } yn gronfa ddata casebook (nid ffeil SQLite yw hi, neu mae wedi'i hamgryptio)
error-wrong-passphrase = cyfrinymadrodd anghywir ar gyfer { $path } (neu nid dyddiadur casebook yw hwn); ni newidiwyd dim
error-too-new = ysgrifennwyd { $path } gan fersiwn mwy newydd o casebook (fersiwn sgema { $found }, mae'r rhaglen hon yn deall hyd at { $known }); gosodwch y casebook newydd — ni newidiwyd y ffeil
error-corrupt = mae'r gronfa ddata { $path } wedi'i difrodi: { $detail }
error-database = gwall yn y gronfa ddata: { $detail }
date-forms = defnyddiwch BBBB-MM-DD, DD/MM/BBBB, heddiw, yfory, +3d, +2w neu enw diwrnod fel llun
error-date-needed = mae angen dyddiad: { date-forms }
error-time-needed = mae angen amser: { date-forms }, ac amser fel 14:30 ar ei ôl os mynnwch
error-not-a-time = nid yw `{ $input }` yn amser: defnyddiwch ffurf fel 14:30
error-not-a-date = nid yw `{ $input }` yn ddyddiad: { date-forms }
error-date-year = nid yw `{ $input }` yn ddyddiad: ysgrifennwch y flwyddyn yn llawn (pedwar digid)
error-date-not-real = nid yw `{ $input }` yn ddyddiad go iawn (does dim diwrnod { $day } ym mis { $month } { $year })
error-input-date = `{ $input }`: { $problem }
error-date-out-of-window = mae { $date } y tu allan i'r dyddiadau y mae casebook yn eu derbyn: { $first } i { $last }
error-date-in-future = mae { $date } yn y dyfodol: gall yr hyn a ddigwyddodd gael ei ddyddio heddiw ({ $today }) fan bellaf

error-unknown-value =
    nid yw `{ $value }` yn { $list ->
        [case-kind] fath o achos
        [channel] sianel
        [status] statws
        [outcome] ganlyniad
        [entry-kind] fath o gofnod
        [role] rôl
        [contact-kind] fath o gyswllt
        [age-band] fand oedran
        [instruction] gyfarwyddyd
        [preferred-contact] ffordd o gysylltu
        [language] iaith
        [category] gategori
       *[other] werth
    } hysbys: dewiswch un o { $names }
error-log-empty = mae testun y cofnod yn wag: dywedwch beth ddigwyddodd
error-log-who-empty = mae --who yn wag: rhowch enw'r person

## casebook log (src/cli/log.rs)

log-contact-created = cyswllt newydd wedi'i greu: { $name }
log-follow-up-on = dilyniant ar { $date }

## Dilyniannau a ysgrifennodd casebook ei hun (src/domain/followup.rs)

follow-up-with = Dilyniant ({ $name }): { $what }

## casebook patterns (src/cli/patterns.rs)
## clwstwr (m), clystyrau: 2 glwstwr, 3 chlwstwr, 6 chlwstwr.

patterns-none = Dim patrymau: dim { $min } achos neu fwy o'r un categori yn yr un ardal, wedi'u hagor o fewn { $window } diwrnod i'w gilydd.
patterns-found =
    Y darlun ehangach: { $clusters ->
        [one] 1 clwstwr
        [two] 2 glwstwr
        [few] 3 chlwstwr
        [many] 6 chlwstwr
       *[other] { $clusters } clwstwr
    } o { $min } achos neu fwy o'r un categori yn yr un ardal, wedi'u hagor o fewn { $window } diwrnod i'w gilydd.
patterns-cluster = { $category } yn { $place }: { $cases } achos, { $first } hyd at { $last }
patterns-advice = Holwch a oes problem fwy y tu ôl iddyn nhw: gallai un adroddiad i'r cyngor eu datrys i gyd.

## casebook calendar (src/calendar/mod.rs): crynodebau'r digwyddiadau

calendar-follow-up-with = Dilyniant: { $name } ({ $reference })
calendar-follow-up = Dilyniant ({ $reference })
calendar-surgery = Cymhorthfa
calendar-surgery-at = Cymhorthfa: { $venue }
calendar-written = calendr wedi'i ysgrifennu i { $path }

## Llythyrau (src/letters): yr hyn y mae casebook yn ei ychwanegu at lythyr

letter-our-reference = Ein cyfeirnod: { $reference }

## casebook sar (src/cli/sar.rs): ysgrifennir yr allforio yn iaith y
## person ei hun; y llinellau i'r cynghorydd yn ei iaith ef neu hi.
## Cais gwrthrych am wybodaeth = subject access request (term yr ICO).

sar-title = Cais gwrthrych am wybodaeth: { $name }
sar-dates = Gofynnwyd ar { $requested }; rhaid ateb erbyn { $due }. Paratowyd ar { $today }.
sar-intro = Dyma bopeth sydd gan y dyddiadur gwaith achos hwn am { $name }, gan gynnwys cofnodion sydd wedi'u marcio'n gyfrinachol. Pan fo cofnod hefyd yn cynnwys data person arall, mae'r rhan honno wedi'i dal yn ôl ac mae'r cofnod yn dweud hynny.
sar-personal-details = Manylion personol
sar-another-person = person arall
sar-field-name = Enw
sar-field-kind = Math
sar-field-organisation = Sefydliad
sar-field-department = Adran
sar-field-role = Rôl
sar-field-address = Cyfeiriad
sar-field-postcode = Cod post
sar-field-phone = Ffôn
sar-field-email = E-bost
sar-field-preferred-contact = Dull cysylltu dewisol
sar-field-gender = Rhywedd
sar-field-age-band = Band oedran
sar-field-ethnicity = Ethnigrwydd
sar-field-employment = Statws cyflogaeth
sar-field-caution = Rhybudd diogelwch
sar-field-notes = Nodiadau
sar-field-language = Iaith
sar-field-created = Cofnod wedi'i greu
sar-field-identifier = Dynodydd
sar-field-people = Pobl
sar-field-opened = Agorwyd
sar-field-closed = Caewyd
sar-field-category = Categori
sar-field-channel = Cysylltiad cyntaf drwy
sar-field-status = Statws
sar-field-outcome = Canlyniad
sar-field-location = Lleoliad
sar-field-facts = Ffeithiau
sar-field-wanted = Yr hyn a ddymunwyd
sar-field-history = Hanes
sar-field-others = Eraill sy'n rhan o'r achos
sar-field-feedback = Adborth
sar-field-consent = Caniatâd i rannu
sar-field-withheld = Wedi'i ddal yn ôl
sar-consent-yes = ie
sar-consent-no = na
sar-consent-not-asked = heb ofyn
sar-cases = Achosion ({ $count })
sar-none = Dim.
sar-diary = Dyddiadur
sar-referrals = Atgyfeiriadau
sar-follow-ups = Dilyniannau
sar-referral = { $on }: at { $to } ({ $instruction }), disgwyl ateb erbyn { $due }
sar-replied = atebwyd { $on }: { $reply }
sar-third-party = data person arall, wedi'u dal yn ôl fel y mae canllawiau Swyddfa'r Comisiynydd Gwybodaeth yn ei ganiatáu (gwybodaeth trydydd parti, nas datgelir heb eu caniatâd)
sar-withheld-field = (wedi'i ddal yn ôl: gweler isod)
sar-withheld-items = { $items } — { sar-third-party }
sar-withheld-unfiled = Wedi'u dal yn ôl, heb achos: { $items } — { sar-third-party }
sar-withheld-title = teitl
sar-withheld-location = lleoliad
sar-withheld-postcode = cod post
sar-withheld-facts = ffeithiau
sar-withheld-wants = yr hyn a ddymunwyd
sar-withheld-history = hanes
sar-withheld-others = eraill sy'n rhan o'r achos
sar-withheld-feedback = adborth
sar-withheld-consent = caniatâd i rannu
sar-withheld-entries =
    { $count ->
        [one] 1 cofnod yn y dyddiadur
        [two] 2 gofnod yn y dyddiadur
        [few] 3 chofnod yn y dyddiadur
        [many] 6 chofnod yn y dyddiadur
       *[other] { $count } cofnod yn y dyddiadur
    }
sar-withheld-follow-ups =
    { $count ->
        [one] 1 dilyniant
        [two] 2 ddilyniant
       *[other] { $count } dilyniant
    }
sar-withheld-referrals =
    { $count ->
        [one] 1 atgyfeiriad
       *[other] { $count } atgyfeiriad
    }
sar-mentions = Wedi'i enwi mewn achosion eraill ({ $count })
sar-mentions-intro = Mae { $name } wedi'i enwi yn y cofnodion hyn o achosion pobl eraill. Dim ond y darnau sy'n ei enwi a roddir; y gweddill — { sar-third-party }.
sar-mention-case = { $case } (agorwyd { $date })
sar-not-on-a-case = Heb achos
sar-entry = { $at } { $kind }: { $text }
sar-entry-confidential = { $at } { $kind } (cyfrinachol): { $text }
sar-entry-with = { $at } { $kind } gyda { $name }: { $text }
sar-entry-with-confidential = { $at } { $kind } gyda { $name } (cyfrinachol): { $text }
sar-attachment = atodiad: { $name } ({ $type }, { $size }; mae'r ffeil ei hun yn yr allforio JSON)
sar-follow-up-open = erbyn { $due }: { $what } (heb ei wneud)
sar-follow-up-done = erbyn { $due }: { $what } (wedi'i wneud { $done })
sar-deadline =
    cais gwrthrych am wybodaeth dyddiedig { $requested }: rhaid ateb erbyn { $due } ({ $state ->
        [overdue] { $days ->
            [one] 1 diwrnod yn hwyr
            [two] 2 ddiwrnod yn hwyr
           *[other] { $days } diwrnod yn hwyr
        }
        [today] rhaid ateb heddiw
       *[left] { $days ->
            [one] 1 diwrnod ar ôl
            [two] 2 ddiwrnod ar ôl
           *[other] { $days } diwrnod ar ôl
        }
    })
sar-answered = cais gwrthrych am wybodaeth dyddiedig { $requested } wedi'i farcio wedi'i ateb ar { $today } (roedd angen ateb erbyn { $due })
sar-wrote = ysgrifennwyd { $json } a { $markdown }
person-no-postcode = dim cod post
person-similar-left-out = enwau tebyg, heb eu cynnwys (yr un person wedi'i gofnodi ddwywaith?): { $similar }; rhedwch eto gyda --id UUID ar gyfer pob un
error-sar-none-outstanding = does gan y person hwn ddim cais gwrthrych am wybodaeth heb ei ateb
error-sar-requested-future = mae --requested { $date } yn y dyfodol: rhowch y dyddiad y gofynnodd y person
error-no-diary = does dim dyddiadur yn { $path } (gwiriwch --db)
error-person-needed = rhowch enw'r person neu --id UUID
error-person-similar = does neb o'r enw `{ $name }`; enwau tebyg: { $similar }; dewiswch un gyda --id UUID
error-person-several =
    { $count ->
        [two] mae 2 berson o'r enw `{ $name }`: { $people }; dewiswch un gyda --id UUID
        [few] mae 3 pherson o'r enw `{ $name }`: { $people }; dewiswch un gyda --id UUID
        [many] mae 6 pherson o'r enw `{ $name }`: { $people }; dewiswch un gyda --id UUID
       *[other] mae { $count } o bobl o'r enw `{ $name }`: { $people }; dewiswch un gyda --id UUID
    }

## casebook followups (src/cli/followups.rs)

followups-nothing = Does dim dilyniant yn aros.
followups-masked = •••• o gofnod cyfrinachol
followups-done = wedi'i wneud: #{ $number } { $what }
followups-snoozed = symudwyd #{ $number } i { $date }
followups-added = ychwanegwyd dilyniant #{ $number } at { $reference }, erbyn { $date }
error-snooze-past = DATE: mae { $date } yn y gorffennol: gohiriwch i heddiw neu'n hwyrach
error-follow-up-id = nid yw `{ $input }` yn rhif dilyniant: rhowch y rhif a ddangosir gan `casebook followups` (e.e. 12) neu UUID
error-follow-up-done = cafodd dilyniant #{ $number } ei wneud eisoes ar { $date }

## casebook show (src/cli/look.rs)

show-caution = Rhybudd
show-opened = agorwyd
show-closed = caewyd
show-consent-yes = Wedi cytuno i rannu eu manylion
show-consent-no = HEB gytuno i rannu eu manylion
show-consent-unknown = Heb ofyn eto am rannu eu manylion
show-facts = Ffeithiau
show-wants = Beth maen nhw eisiau i'w wneud
show-history = Hanes
show-others = Eraill sy'n rhan o'r achos
show-people = Pobl
show-follow-ups = Dilyniannau
show-referrals = Atgyfeiriadau
show-diary = Dyddiadur
show-none = dim
show-done = wedi'i wneud
show-replied = atebwyd
show-reply-due = disgwyl ateb erbyn
show-masked = •••• cyfrinachol: wedi'i guddio (mae --reveal yn ei ddangos)

## casebook cases, search, contacts, close (src/cli/look.rs)

cases-none = Does dim achos yn cyfateb.
search-none = Does dim byd yn cyfateb.
search-kind-contact = cyswllt
search-kind-case = achos
search-kind-entry = cofnod
search-kind-directory = cyfeiriadur
contacts-none = Does dim cyswllt yn cyfateb.
contacts-open-cases =
    { $count ->
        [one] 1 achos ar agor
       *[other] { $count } achos ar agor
    }
close-done = caewyd { $reference }: { $outcome } ({ $date })
error-close-already = mae { $reference } ar gau yn barod: newidiwch ei ganlyniad yn casebook (sgrin yr achos, `x`)
error-close-before-opened = --on: mae { $date } cyn i'r achos gael ei agor ({ $opened })
error-close-future = --on: mae { $date } yn y dyfodol: mae achos yn cau heddiw neu'n gynharach

## casebook successes, publicise (src/report/successes.rs, src/cli/successes.rs)

month-year = { $month } { $year }
successes-title = Llwyddiannau i'w dathlu
successes-intro = Yn ddienw ar gyfer taflen neu gylchlythyr: dim enwau, cyfeiriadau na manylion cyswllt. Darllenwch bob un cyn cyhoeddi: nid oes modd adnabod a thynnu enwau pobl nad oedden nhw ar yr achos.
successes-none = Does dim achosion wedi'u marcio i'w cyhoeddi. Marciwch achos a ddatryswyd gyda `casebook publicise CYFEIRNOD`.
successes-problem = Y broblem: { $problem }
successes-asked = Yr hyn y gofynnwyd amdano, ac a gyflawnwyd: { $asked }
successes-outcome = Canlyniad: wedi'i ddatrys yn foddhaol.
successes-the-ward = y ward
publicise-on = { $reference }: wedi'i farcio i'w gyhoeddi; mae `casebook successes` yn ei restru, yn ddienw
publicise-off = { $reference }: dim wedi'i farcio i'w gyhoeddi mwyach
error-no-folder = methu ysgrifennu yno: nid yw'r ffolder { $folder } yn bodoli

## Gwiriadau'r ffeil ffurfweddu (src/config.rs): ar ôl "ffeil ffurfweddu FFEIL: llinell N: "

config-out-of-range =
    { $key }: mae { $value } y tu allan i'r ystod: defnyddiwch { $min } i { $max } { $unit ->
        [working-days] diwrnod gwaith
        [days] diwrnod
        [a-month] (mis)
        [years] blwyddyn
        [cases] achos
        [backups] copi wrth gefn
       *[minutes] munud (0: byth)
    }
config-not-a-category = { $key }: nid yw `{ $value }` yn enw categori: defnyddiwch lythrennau bach, digidau a _
config-not-an-answer = { $key }: nid yw `{ $value }` yn ateb: ysgrifennwch ef fel y dylid ei ddangos
config-at-least-one = { $key }: rhaid iddo fod yn 1 o leiaf
config-unlock-too-long = { $key }: mae { $value } yn rhy hir: defnyddiwch { $max } ar y mwyaf (12 awr), neu 0 i ofyn bob tro

## casebook erase, retention, handover (src/cli/erase.rs, retention.rs, handover.rs)
## dileu = erase; gwneud yn ddienw = anonymise; copi wrth gefn = backup.

error-erase-needs-yes =
    ni ddilëwyd dim: byddai hyn yn dileu enw a manylion cyswllt { $name }, { $cases ->
        [0] heb achosion i'w gwneud yn ddienw
       *[other] yn gwneud eu hachosion { $refs } yn ddienw
    }, ac yn dileu testun { $entries } cofnod yn y dyddiadur; ychwanegwch --yes i ddileu
erase-done =
    dilëwyd { $people ->
        [one] 1 person
        [two] 2 berson
        [few] 3 pherson
        [many] 6 pherson
       *[other] { $people } o bobl
    }; gwnaed { $cases } achos yn ddienw; dilëwyd testun { $entries ->
        [one] 1 cofnod
        [two] 2 gofnod
        [few] 3 chofnod
        [many] 6 chofnod
       *[other] { $entries } cofnod
    } yn y dyddiadur
erase-still-mentioned = mae'r enw, yr e-bost neu'r rhif ffôn yn dal i ymddangos yn nhestun: { $refs } — golygwch y rheini â llaw
erase-older-backups = mae copïau wrth gefn hŷn yn dal i gadw'r data hyn nes eu dileu neu nes iddyn nhw gael eu disodli: { $paths }
retention-none = does dim achos a gaewyd wedi mynd heibio'r cyfnod cadw ({ $years } blynedd; wedi'i gau ar { $cutoff } neu cyn hynny, a dim byd ers hynny)
retention-list = mae { $count } achos a gaewyd wedi mynd heibio'r cyfnod cadw ({ $years } blynedd; wedi'u cau ar { $cutoff } neu cyn hynny, a dim byd ers hynny):
retention-closed = caewyd { $date }
retention-kept = mae { $count } arall a gaewyd erbyn hynny yn cael eu cadw: mae rhywbeth wedi digwydd arnyn nhw ers hynny
retention-people =
    { $count ->
        [zero] ni fyddai neb yn cael ei ddileu gyda nhw
        [one] byddai 1 person yn cael ei ddileu gyda nhw
       *[other] byddai { $count } o bobl yn cael eu dileu gyda nhw
    } (mae unrhyw un sydd wedi bod mewn cysylltiad ers hynny yn cael ei gadw); i weld pwy: casebook retention --erase
retention-how = i'w dileu: casebook retention --erase --yes
retention-would-anonymise = byddai'r achosion hyn a gaewyd yn cael eu gwneud yn ddienw:
retention-would-erase = a byddai'r bobl hyn yn cael eu dileu (dim byd ganddyn nhw ers y dyddiad terfyn):
retention-person = { $name }  mewn cysylltiad ddiwethaf { $last }  { $uuid }
retention-never = erioed
error-retention-needs-yes = ni ddilëwyd dim: byddai hyn yn gwneud { $cases } achos a gaewyd yn ddienw (wedi'u cau ar { $cutoff } neu cyn hynny) ac yn dileu'r { $people } o bobl a restrwyd; ychwanegwch --yes
error-retention-too-large = mae retention_years yn rhy fawr
handover-summary = cytunodd { $consenting } o bobl i rannu ar eu holl achosion: mae { $cases } achos yn mynd i'r olynydd yn { $path }, ac yna'n cael eu gwneud yn ddienw yma
handover-rest-anonymise = { $count } o bobl eraill: wedi'u gwneud yn ddienw (ystadegau'n cael eu cadw)
handover-rest-delete = { $count } o bobl eraill: wedi'u dileu yn llwyr (mae eu hachosion yn gadael yr adolygiad)
handover-nothing-changed = ni newidiwyd dim: ychwanegwch --yes i'w wneud

## Cadw'r dyddiadur yn ddiogel: copi wrth gefn, adfer, gwirio (src/cli/safety.rs)

safety-backup-failed = rhybudd: ni wnaed copi wrth gefn awtomatig heddiw: { $problem }
safety-leftover-removed = tynnwyd copi o'r dyddiadur a adawyd gan amgryptio, dadgryptio neu adfer a dorrwyd ar ei hanner: { $path }
safety-leftover-stuck = rhybudd: methu tynnu copi o'r dyddiadur a adawyd gan amgryptio, dadgryptio neu adfer a dorrwyd ar ei hanner; dilëwch ef: { $path }
safety-wipe-pending = rhybudd: mae'r dileu wedi'i gadw, ond nid oedd modd sychu hen gopïau o'r testun a ddilëwyd o'r ffeil eto (mae rhaglen arall wedi agor y dyddiadur, neu mae'r ddisg yn llawn); bydd casebook yn gorffen y sychu y tro nesaf y bydd yn agor y dyddiadur — mae `casebook check` yn dangos a yw'n dal i aros
backup-written = copi wrth gefn wedi'i ysgrifennu a'i wirio (integrity_check yn iawn)
error-backup-exists = mae { $path } yn bodoli'n barod: dewiswch enw arall (nid yw copi wrth gefn byth yn ysgrifennu dros ffeil)
error-restore-itself = { $path } yw'r dyddiadur ei hun: enwch gopi wrth gefn i'w adfer
error-restore-no-folder = methu adfer i { $path }: nid yw'r ffolder { $folder } yn bodoli
restore-encrypted = nid oedd y copi wrth gefn wedi'i amgryptio: mae'r dyddiadur a adferwyd wedi'i amgryptio gyda chyfrinymadrodd y dyddiadur, fel o'r blaen
restore-done = adferwyd { $backup } i { $path } (achosion: { $cases }, cofnodion: { $entries }, cysylltiadau: { $contacts })
restore-kept = cadwyd y dyddiadur a ddisodlwyd fel { $path }
check-checking = yn gwirio { $path }
check-ok = { $name }: iawn
check-problems =
    { $name }: { $count ->
        [one] 1 broblem
        [two] 2 broblem
        [few] 3 phroblem
        [many] 6 phroblem
       *[other] { $count } problem
    }
check-schema = fersiwn sgema { $found } (mae'r casebook hwn yn deall hyd at { $known })
check-wipe-owed = { $path }: mae sychu ar ôl dileu yn aros: gall hen gopïau o'r testun a ddilëwyd aros yn y ffeil nes bydd casebook yn agor y dyddiadur nesaf heb i raglen arall ei ddefnyddio
check-leftover = { $path }: wedi'i adael gan amgryptio, dadgryptio neu adfer a dorrwyd ar ei hanner (caiff ei dynnu y tro nesaf)
check-plain-copy = { $path }: copi plaen (heb ei amgryptio) o'r dyddiadur wedi'i amgryptio; dilëwch ef pan fydd gennych gopi wrth gefn mwy newydd
check-healthy = mae'r dyddiadur yn iach
error-check-attention = mae'r dyddiadur yn iach, ond mae angen sylw ar y ffeiliau a restrir uchod
error-no-diary-give-db = does dim dyddiadur yn { $path } (rhowch --db i enwi un arall)

## Amgryptio a'r sesiwn allwedd (src/cli/crypt.rs)

crypt-encrypted = mae { $path } bellach wedi'i amgryptio: cadwch y cyfrinymadrodd yn ddiogel, hebddo does dim modd darllen y dyddiadur
crypt-decrypted = nid yw { $path } wedi'i amgryptio bellach: gall unrhyw un sy'n gallu darllen y ffeil ddarllen y dyddiadur
crypt-changed = newidiwyd y cyfrinymadrodd
crypt-old-backups = NID yw'r copïau hŷn hyn wedi'u hamgryptio ac maen nhw'n dal i gadw'r dyddiadur yn agored; dilëwch nhw pan fydd copi wrth gefn newydd wedi'i wneud (`casebook backup`):
crypt-keyed-backups = mae copïau wrth gefn a wnaed cyn hyn yn aros wedi'u hamgryptio gyda'r cyfrinymadrodd a oedd ganddyn nhw
crypt-not-overwritten = rhybudd: nid oedd modd ysgrifennu dros yr hen ffeil cyn ei thynnu; gall ei beitiau aros yn lle rhydd y ddisg
crypt-not-encrypted = nid yw { $path } wedi'i amgryptio: does dim i'w ddatgloi
crypt-unlocked =
    mae { $path } wedi'i ddatgloi ar gyfer y sesiwn hon: ni fydd gorchmynion yn gofyn am y cyfrinymadrodd nes iddo fod heb ei ddefnyddio am { $unit ->
        [minutes] { $amount ->
            [one] 1 munud
            [two] 2 funud
           *[other] { $amount } munud
        }
       *[seconds] { $amount ->
            [one] 1 eiliad
            [two] 2 eiliad
           *[other] { $amount } eiliad
        }
    }
crypt-already = mae { $path } wedi'i ddatgloi yn barod
crypt-locked = wedi'i gloi: bydd y gorchymyn nesaf yn gofyn am y cyfrinymadrodd
crypt-not-running = doedd dim sesiwn wedi'i datgloi
crypt-offer = Dyddiadur newydd. Bydd yn cadw data personol etholwyr: diogelwch ef gyda chyfrinymadrodd, fel nad yw gliniadur a gollwyd neu a gafodd ei ddwyn yn datgelu dim.
crypt-offer-ask = Amgryptio'r dyddiadur newydd gyda chyfrinymadrodd? [I/n]{" "}
crypt-plain-note = nodyn: crëwyd y dyddiadur newydd heb ei amgryptio (dim terfynell i ofyn am gyfrinymadrodd); gosodwch CASEBOOK_PASSPHRASE i'w greu wedi'i amgryptio, neu rhedwch `casebook encrypt`: { $path }
crypt-created-plain = nid yw'r dyddiadur newydd wedi'i amgryptio; mae `casebook encrypt` yn ei ddiogelu'n nes ymlaen
error-unlock-off = mae [privacy] unlock_timeout_seconds yn 0 yn y ffurfweddiad: mae pob gorchymyn yn gofyn am y cyfrinymadrodd, does dim sesiwn i'w dechrau
error-no-agent = nid oedd modd cadw'r sesiwn (ni ddechreuodd asiant casebook): bydd pob gorchymyn yn gofyn am y cyfrinymadrodd
error-already-encrypted = mae { $path } wedi'i amgryptio'n barod: mae `casebook passphrase` yn newid y cyfrinymadrodd
error-decrypt-plain = nid yw { $path } wedi'i amgryptio: does dim i'w wneud
error-change-plain = nid yw { $path } wedi'i amgryptio: mae `casebook encrypt` yn gosod cyfrinymadrodd
error-same-passphrase = mae'r cyfrinymadrodd newydd yr un peth â'r hen un: ni newidiwyd dim

## casebook surgery (src/cli/surgery.rs), export (src/cli/export.rs)

surgery-summary =
    { $people ->
        [zero] neb wedi'i weld
        [one] 1 person wedi'i weld
        [two] 2 berson wedi'u gweld
        [few] 3 pherson wedi'u gweld
        [many] 6 pherson wedi'u gweld
       *[other] { $people } o bobl wedi'u gweld
    }, { $cases ->
        [one] 1 achos wedi'i agor
       *[other] { $cases } achos wedi'u hagor
    }, { $entries ->
        [one] 1 cofnod
        [two] 2 gofnod
        [few] 3 chofnod
        [many] 6 chofnod
       *[other] { $entries } cofnod
    }
surgery-started = Cymhorthfa: { $venue }, wedi dechrau { $when }: mae'r hyn rydych chi'n ei gofnodi nes `casebook surgery end` yn perthyn iddi
surgery-ended = Cymhorthfa: { $venue }, wedi dod i ben: { $when }
surgery-running = Cymhorthfa: { $venue }, ar waith ers { $when }
surgery-none-running = Does dim cymhorthfa ar waith.
surgery-none-yet = Dim cymorthfeydd eto.
error-surgery-no-venue = mae'r lleoliad yn wag: ble mae'r gymhorthfa?
error-export-no-diary = does dim dyddiadur yn { $path }: dim i'w allforio (gwiriwch --db)
export-left-out =
    { $entries ->
        [one] Gadawyd 1 cofnod cyfrinachol allan
        [two] Gadawyd 2 gofnod cyfrinachol allan
        [few] Gadawyd 3 chofnod cyfrinachol allan
        [many] Gadawyd 6 chofnod cyfrinachol allan
       *[other] Gadawyd { $entries } cofnod cyfrinachol allan
    }{ $follow_ups ->
        [0] {""}
        [one] , gyda'r dilyniant a wnaed ohono
       *[other] , gyda'r { $follow_ups } dilyniant a wnaed ohonyn nhw
    } (ychwanegwch --include-confidential i'w cynnwys)

## casebook refer, reply (src/cli/refer.rs)

refer-done =
    { $reference } wedi'i atgyfeirio at { $to }: disgwyl ateb erbyn { $due } ({ $days ->
        [one] 1 diwrnod gwaith
        [two] 2 ddiwrnod gwaith
       *[other] { $days } diwrnod gwaith
    })
refer-days-in-config = referral_reply_days = { $days } yn y ffeil ffurfweddu
reply-done =
    { $reference }: cofnodwyd ateb gan { $from }{ $late ->
        [0] {""}
        [one] , 1 diwrnod gwaith yn hwyr
        [two] , 2 ddiwrnod gwaith yn hwyr
       *[other] , { $late } diwrnod gwaith yn hwyr
    }; statws yr achos bellach: { $status }
error-reply-days = { $days } diwrnod gwaith i ateb: rhowch rif o { $min } i { $max }
error-refer-no-officer = does dim swyddog nac asiantaeth o'r enw `{ $name }`: ychwanegwch nhw gyda `casebook directory --add "{ $name }" --handles "beth maen nhw'n ymdrin ag ef"`
error-refer-several-officers = mae { $count } swyddog neu asiantaeth o'r enw `{ $name }`: atgyfeiriwch o'r ap i ddewis un
error-refer-consent-refused = heb ei atgyfeirio: dywedodd yr etholwr ar achos { $reference } na ddylid rhannu ei fanylion â swyddogion na thrydydd partïon. Gofynnwch iddyn nhw yn gyntaf (y gweithlyfr: gofynnwch am ganiatâd bob amser cyn rhannu), neu rhowch --yes i atgyfeirio beth bynnag
error-refer-consent-not-asked = heb ei atgyfeirio: nid yw'r etholwr ar achos { $reference } wedi cael ei holi a ellir rhannu ei fanylion â swyddogion neu drydydd partïon. Gofynnwch iddyn nhw yn gyntaf (y gweithlyfr: gofynnwch am ganiatâd bob amser cyn rhannu), neu rhowch --yes i atgyfeirio beth bynnag
error-reply-empty = mae'r ateb yn wag: dywedwch beth atebon nhw
error-reply-none = does dim atgyfeiriad yn aros am ateb ar achos { $reference }
error-reply-none-from-them = does dim atgyfeiriad yn aros am ateb ganddyn nhw ar achos { $reference }
error-reply-several = mae achos { $reference } yn aros am { $count } ateb: dywedwch gan bwy gyda --from ENW

## casebook directory (src/cli/directory.rs)

directory-empty = Mae'r cyfeiriadur yn wag: ychwanegwch swyddogion gyda `casebook directory --add ENW --handles TESTUN`.
directory-nobody = Does neb yn y cyfeiriadur yn ymdrin â `{ $problem }`.
directory-added = Mae { $name } yn y cyfeiriadur
error-directory-both = rhowch naill ai broblem i chwilio amdani neu --add, nid y ddau
error-directory-no-handles = mae --handles yn wag: dywedwch beth maen nhw'n ymdrin ag ef, fel bod modd dod o hyd iddyn nhw drwy'r broblem

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

## Statws cysoni pennawd y TUI (src/app/draw.rs), pan fo hyb wedi'i osod

ui-sync-never = heb gysoni eto
ui-sync-minutes-ago =
    { $minutes ->
        [0] cysonwyd gynnau
       *[other] cysonwyd { $minutes } mun yn ôl
    }
ui-sync-hours-ago = cysonwyd { $hours } awr yn ôl
ui-sync-days-ago =
    { $days ->
        [one] cysonwyd ddoe
        [two] cysonwyd 2 ddiwrnod yn ôl
       *[other] cysonwyd { $days } diwrnod yn ôl
    }
ui-sync-offline =
    { $waiting ->
        [0] all-lein
       *[other] all-lein — { $waiting } newid yn aros
    }
ui-sync-failed =
    { $waiting ->
        [0] methodd y cysoni
       *[other] methodd y cysoni — { $waiting } newid yn aros
    }
ui-sync-conflicts =
    { $count ->
        [two] 2 wrthdaro
       *[other] { $count } gwrthdaro
    }
ui-sync-offline-short =
    { $waiting ->
        [0] all-lein
       *[other] all-lein — { $waiting } yn aros
    }
ui-sync-failed-short =
    { $waiting ->
        [0] methodd y cysoni
       *[other] methodd — { $waiting } yn aros
    }

## Ystafell gwrthdaro y TUI (src/app/screens/conflicts.rs)

ui-conflicts-title =
    { $count ->
        [0] Gwrthdaro cysoni
       *[other] Gwrthdaro cysoni ({ $count })
    }
ui-conflicts-none = Dim gwrthdaro: mae pob dyfais yn cytuno.
ui-conflicts-record = Achos neu gofnod
ui-conflicts-field = Maes
ui-conflicts-here = Y ddyfais hon
ui-conflicts-other = Y ddyfais arall
ui-conflicts-detail = Y gwrthdaro dan y cyrchwr
ui-conflicts-kept-here = Gwerth y ddyfais hon sy'n cael ei gadw nes i chi ddewis
ui-conflicts-kept-other = Gwerth y ddyfais arall sy'n cael ei gadw nes i chi ddewis
ui-conflicts-found = canfuwyd { $when }
ui-conflicts-empty-value = (gwag)
ui-conflicts-yes = ydy
ui-conflicts-no = nac ydy
ui-conflicts-settled = Gwrthdaro wedi'i ddatrys: bydd eich dewis yn mynd i'r dyfeisiau eraill yn y cysoni nesaf.
ui-conflicts-kind-surgery = cymhorthfa
ui-conflicts-kind-contact = cyswllt
ui-conflicts-kind-directory = cofnod cyfeiriadur
ui-conflicts-kind-case = achos
ui-conflicts-kind-case_person = person ar achos
ui-conflicts-kind-entry = cofnod dyddiadur
ui-conflicts-kind-referral = atgyfeiriad
ui-conflicts-kind-follow_up = dilyniant
ui-conflicts-kind-sar_request = cais gwrthrych am wybodaeth

## casebook hub a casebook sync (src/cli/hub.rs, src/cli/sync.rs)

hub-no-url = rhowch URL gweinyddwr yr hyb gyda --url (neu CASEBOOK_HUB_URL), e.e. postgresql://postgres@localhost/casebook
hub-initialised = mae'r hyb yn barod: ychwanegwch bob dyfais gyda `casebook hub add-device ENW --user CYNGHORYDD`
hub-url-shown-once = rhowch hwn yn ffurfweddiad y ddyfais fel [sync] url (dim ond unwaith y caiff ei ddangos):
hub-revoked = tynnwyd { $name } yn ôl: ni all gysoni mwyach
hub-no-devices = dim dyfeisiau eto
hub-device-revoked = wedi'i thynnu'n ôl
hub-device-never = erioed
hub-device-state = cysoni diwethaf { $when }, { $behind } ar ei hôl hi
sync-no-url = does dim hyb wedi'i osod: ychwanegwch [sync] url = "postgresql://…" at y ffurfweddiad (yr URL a argraffodd `casebook hub add-device`)
sync-no-conflicts = dim gwrthdaro
sync-conflict-here = yma: { $value }
sync-conflict-other = y ddyfais arall: { $value }
sync-conflict-kept-here = (yn cael ei gadw am y tro: yma)
sync-conflict-kept-other = (yn cael ei gadw am y tro: y ddyfais arall)
sync-conflict-empty = (gwag)
sync-settled = gwrthdaro { $id } wedi'i ddatrys; bydd yn mynd i'r dyfeisiau eraill yn y cysoni nesaf
sync-done = wedi cysoni: { $sent } wedi'u hanfon, { $received } wedi'u derbyn
sync-done-erased = { $count } wedi'u dileu'n llwyr fel ar ddyfais arall
sync-done-conflicts =
    { $count ->
        [one] 1 gwrthdaro i'w ddatrys: casebook sync --conflicts
        [two] 2 wrthdaro i'w datrys: casebook sync --conflicts
       *[other] { $count } gwrthdaro i'w datrys: casebook sync --conflicts
    }
