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

## Ystafell y mewnflwch yn y rhyngwyneb (src/app/screens/inbox.rs)

ui-action-goto-inbox = ffolder mewnflwch
ui-action-goto-conflicts = gwrthdaro cysoni
ui-action-keep-here = cadw'r ddyfais hon
ui-action-keep-other = cadw'r llall
ui-inbox-title = Mewnflwch: { $folder } ({ $count } yn aros)
ui-inbox-title-none = Mewnflwch
ui-inbox-not-set = Does dim ffolder mewnflwch wedi'i osod. Rhowch y ffolder lle mae eich rhaglen e-bost yn cadw negeseuon yn y ffurfweddiad: [mail] inbox = "~/Mail/casework"
ui-inbox-empty =
    { $filed ->
        [0] Does dim negeseuon yn aros yn y ffolder mewnflwch.
        [one] Does dim negeseuon yn aros: mae'r 1 neges yn y ffolder yn y dyddiadur yn barod.
       *[other] Does dim negeseuon yn aros: mae'r { $filed } neges yn y ffolder yn y dyddiadur yn barod.
    }
ui-inbox-date = Dyddiad
ui-inbox-from = Oddi wrth
ui-inbox-subject = Pwnc
ui-inbox-unreadable = does dim modd ei darllen: { $reason }
ui-inbox-mailbox = ffeil blwch post, y neges gyntaf: { $subject }
# The inbox footer's word for Enter: it files the message (nothing opens).
ui-inbox-file-key = ei ffeilio
ui-inbox-which-case = Ar ba achos i'w ffeilio?
ui-inbox-onto-case = { $reference }  { $title }
ui-inbox-new-case = Achos newydd: { $title }
ui-inbox-person-only = Gyda'r person yn unig, heb achos
ui-inbox-filed = Wedi'i ffeilio ar { $reference }.
ui-inbox-filed-new = Wedi'i ffeilio ar achos newydd, { $reference }.
ui-inbox-filed-person = Wedi'i ffeilio gyda'r person, heb achos.
ui-inbox-already = Mae'r neges honno yn y dyddiadur yn barod.
ui-inbox-taken =
    { $already ->
        [0] { $added ->
                [one] Cymerwyd 1 neges i mewn.
               *[other] Cymerwyd { $added } neges i mewn.
            }
       *[other] Cymerwyd { $added } i mewn, { $already } yn y dyddiadur yn barod.
    }

## casebook mail, draft ac attachment (src/mail/words.rs, src/mail_files.rs,
## src/cli/draft.rs, src/cli/attachment.rs, src/letters/compose.rs)
## neges (b): "2 neges", "3 neges" (dim treiglad ar ôl digid).

mail-stdin = mewnbwn safonol
mail-no-subject = (dim pwnc)
mail-file-problem = { $file }: { $problem }
mail-file-is-folder = ffolder yw { $file }: rhowch y ffeiliau post sydd ynddo (e.e. { $file }/*.eml)
mail-file-too-large = mae { $file } dros 2 GB: rhannwch y blwch post
mail-error-empty = mae'r ffeil yn wag (0 beit)
mail-error-not-mail = nid e-bost yw hwn: ni chafwyd pennawd From, Date, Subject na Message-ID
mail-error-truncated = mae'r neges wedi'i thorri'n fyr: mae'r rhan MIME sy'n gorffen `--{ $boundary }--` ar goll (a gafodd y ffeil ei chadw'n gyfan?)
mail-error-unknown-charset = mae'r neges yn defnyddio'r set nodau `{ $charset }`, na all casebook ei darllen
mail-error-empty-mbox = does dim negeseuon yn y ffeil mbox
mail-error-in-mbox = neges { $number } yn y ffeil mbox: { $problem }
mail-error-bad-msg = mae'r ffeil Outlook .msg hon wedi'i difrodi, neu nid neges yw hi: { $detail }
mail-attachment-too-big = { $file }: mae'r atodiad { $attachment } yn { $size }, dros y terfyn o { $limit } (codwch [mail] max_attachment_mb yn y ffurfweddiad i'w gymryd); ni chymerwyd dim i mewn
mail-size-mb = { $mb } MB
mail-size-kb = { $count } KB
mail-size-bytes = { $count } beit
mail-contact-created = cyswllt newydd wedi'i greu: { $name }
mail-unknown-reference = mae'r pwnc yn enwi achos { $reference }, nad yw yn y dyddiadur hwn
mail-unfiled-no-cases = heb ei ffeilio ar achos: ychwanegwch --new-case i ddechrau achos o'r pwnc
mail-unfiled-open-cases = heb ei ffeilio: mae gan y person achosion agored { $cases }; ffeiliwch y neges o sgrin yr achos, neu ychwanegwch --new-case
mail-place-new-case = { $reference } (achos newydd)
mail-place-unfiled = heb achos
mail-taken-already = (yn y dyddiadur yn barod)
mail-taken-attachments = ({ $count } atodiad)
mail-taken-line = { $place }  { $kind }  { $who }  { $subject }{ $extra }
mail-summary =
    { $already ->
        [0] cymerwyd { $added } neges i mewn
       *[other] cymerwyd { $added } neges i mewn, { $already } neges yn y dyddiadur yn barod
    }
draft-no-me-email = mae drafft e-bost angen eich cyfeiriad: gosodwch [me] email yn y ffurfweddiad (neu defnyddiwch --format html am lythyr)
draft-no-email = does dim cyfeiriad e-bost gan { $name }: ychwanegwch un at y cyswllt, neu defnyddiwch --format html am lythyr
draft-no-referral = does dim atgyfeiriad ar achos { $reference } ar gyfer `{ $template }`: atgyfeiriwch yr achos yn gyntaf, neu rhowch --to ENW
draft-no-constituent = does dim etholwr ar achos { $reference } i ysgrifennu ato: rhowch --to ENW
draft-template-problem = { $problem }; defnyddiwyd y templed diofyn
draft-recorded = wedi'i gofnodi ar yr achos fel cofnod drafft { $entry }; pan fydd wedi mynd, rhedwch `casebook draft --sent { $entry }`
draft-marked-sent = cofnod { $entry } wedi'i nodi fel un a anfonwyd
draft-not-a-draft = nid yw cofnod { $entry } yn ddrafft sy'n aros i gael ei anfon
draft-give-case = rhowch --case CYFEIRNOD a --template ENW
attachment-line = #{ $id }  { $date }  { $name }  { $type }  { $size }
attachment-checksum = nid yw atodiad #{ $id } yn cyfateb i'w swm gwirio: efallai fod y dyddiadur wedi'i ddifrodi; rhedwch `casebook check`
attachment-away-on = rhy fawr i'w rannu drwy'r hyb (dros 32 MiB): mae'n aros ar { $device }, y ddyfais a'i derbyniodd
attachment-away = rhy fawr i'w rannu drwy'r hyb (dros 32 MiB): mae'n aros ar y ddyfais a'i derbyniodd
attachment-line-away = { $uuid }  { $date }  { $name }  { $type }  { $size }  ({ $why })
attachment-save-away = nid yw { $name } ar y ddyfais hon: { $why }
mail-peek-unreadable = does dim modd ei hagor: { $reason }

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
error-review-not-a-year = nid yw { $year } yn flwyddyn y gall casebook ei hadolygu
error-review-not-a-month = nid yw { $month } yn fis: defnyddiwch 1 i 12
error-review-range = mae --to { $to } cyn --from { $from }: rhowch y dyddiad cynharaf yn gyntaf
error-draft-name-ambiguous = mae { $count } cyswllt o'r enw `{ $name }`: ychwanegwch yr un rydych chi'n ei olygu at yr achos yn gyntaf
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
error-happened-in-future = { $what ->
    [reply] mae'r ateb
   *[entry] mae'r cofnod
} wedi'i ddyddio { $at }, yn y dyfodol: rhowch pryd y digwyddodd
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

## casebook demo (src/cli/demo.rs): geiriau'r gorchymyn; Saesneg yw'r
## gwaith achos dychmygol ei hun (data yw e).

demo-replaced = Disodlwyd yr hen ddyddiadur demo (dim ond data demo oedd ynddo).
demo-invented = Crëwyd gwaith achos dychmygol mewn { $secs } eiliad. Achosion: { $cases }; cysylltiadau: { $contacts } ({ $directory } ohonyn nhw'n swyddogion ac asiantaethau yn y cyfeiriadur):
demo-also = {"  "}cofnodion: { $entries }; atgyfeiriadau: { $referrals }; dilyniannau: { $follow_ups }; cymorthfeydd: { $surgeries }; clystyrau i'w canfod yn y darlun ehangach: { $clusters }.
demo-where = Y dyddiadur demo: { $path }
demo-open = I'w agor: { $command }
demo-invented-note = Mae pawb ynddo yn ddychmygol; does dim gwaith achos go iawn ynddo.
error-demo-no-cases = --cases 0: rhowch o leiaf 1 achos i'w greu
error-demo-not-empty = mae gwaith achos yn { $path } yn barod: ni chaiff data demo byth ei gymysgu â dyddiadur go iawn; rhowch ffeil newydd

## casebook import (src/cli/import.rs): yr hyn mae'n ei ddweud am ffeil.
## Cyfrifon ar ôl colon, fel nad oes treiglad ar ôl rhif.

import-unknown-nearest = `{ $name }` (agosaf: { $nearest })
import-unknown-columns = { $file }: yn anwybyddu { $count ->
        [one] colofn anhysbys
       *[other] colofnau anhysbys
    }: { $list }; i ddarllen un, --map "{ $first }=COLOFN"
import-using-remembered = { $file }: yn defnyddio'r mapio colofnau a gofiwyd o'r ffeil ddiwethaf â'r penawdau hyn
import-closed-on-opened = { $file }: rhesi wedi'u cau heb ddyddiad cau: { $count } (llinell { $lines }): cymerir y dyddiad agor yn ddyddiad cau
import-set-aside = ; rhoddwyd rhesi gwael o'r neilltu ({ $count }), gyda'r rheswm, yn { $file } (cywirwch nhw a mewnforio'r ffeil honno)
import-template-written = ysgrifennwyd y templed mewnforio { $file }: un golofn i bob maes, gyda rhes yn dweud beth sy'n mynd ynddi
import-people = cysylltiadau newydd: { $created }, yn y dyddiadur yn barod: { $matched }
import-done = mewnforiwyd achosion: { $cases } ({ $people })
import-skipped = ; hepgorwyd achosion a fewnforiwyd eisoes: { $count }
import-dry-valid = mae pob rhes yn ddilys;
import-dry-bad = byddai rhesi gwael yn cael eu rhoi o'r neilltu: { $count };
import-dry-skip = {" "}a byddai achosion a fewnforiwyd eisoes yn cael eu hepgor: { $count }
import-dry-run = rhediad prawf: { $valid } byddai achosion yn cael eu mewnforio: { $cases } ({ $people }){ $skipped }; ni ysgrifennwyd dim
import-json-counts = cysylltiadau: { $contacts }, achosion: { $cases }, cofnodion: { $entries }, atgyfeiriadau: { $referrals }, dilyniannau: { $follow_ups }, cymorthfeydd: { $surgeries }
import-json-done = llwythwyd allforyn casebook: { $counts }
import-json-dry = rhediad prawf: mae'r allforyn casebook yn ddilys; byddai'n llwytho { $counts }; ni ysgrifennwyd dim

## Darllen ffeil i'w mewnforio (src/exchange/sheet.rs)

error-import-folder = methu darllen { $file }: ffolder yw e; rhowch y ffeil daenlen sydd ynddo
error-import-binary = nid ffeil CSV yw { $file }: mae data deuaidd ynddi (yn y daenlen, cadwch hi fel "CSV UTF-8" neu .xlsx)
error-import-too-big = mae { $file } yn fwy na { $mb } MB: nid taenlen o achosion yw hynny; rhannwch hi'n ffeiliau llai
error-import-empty = mae { $file } yn wag: mae angen rhes bennawd sy'n enwi'r colofnau (opened a title o leiaf)
error-import-fields = nid yw { $file } yn ffeil CSV gywir: nifer y meysydd ar linell { $line } yw { $len }, ond { $expected } yn y rhes bennawd
error-import-not-utf8 = nid testun UTF-8 yw { $file } (llinell { $line }): yn y daenlen, cadwch hi fel "CSV UTF-8"
error-import-line-too-long = { $file }: mae llinell { $line } yn hirach na { $mb } MB: nid rhes o daenlen o achosion yw honno; ni fewnforiwyd dim

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

## Y rhyngwyneb yn y derfynell (src/app): ids ui-<ystafell>-<beth>

ui-too-small = Gwnewch y ffenestr yn fwy: mae casebook angen o leiaf 80 × 24.
ui-privacy = casebook — pwyswch unrhyw fysell
ui-demo = DYDDIADUR ENGHRAIFFT
ui-tabs-home = Hafan
ui-tabs-cases = Achosion
ui-tabs-contacts = Cysylltiadau
ui-tabs-case = Achos
ui-tabs-contact = Cyswllt
ui-tabs-agenda = Agenda
ui-tabs-directory = Cyfeiriadur
ui-tabs-review = Adolygiad
ui-home-follow-ups = I'w gwneud
ui-home-no-follow-ups = Dim byd i'w wneud heddiw.
ui-home-never-updated = dim diweddariad erioed
ui-home-overdue = yn hwyr
ui-home-today = heddiw
ui-home-open-cases = Achosion ar agor
ui-home-no-open-cases = Dim achosion ar agor.
ui-home-latest = Y diweddaraf yn y dyddiadur
ui-home-bigger-picture = Y darlun ehangach
ui-home-no-alerts = Dim clystyrau o achosion tebyg.
ui-home-unfiled = heb achos
ui-agenda-title = Agenda: dilyniannau
ui-agenda-empty = Dim dilyniannau'n aros.
ui-agenda-overdue = Yn hwyr
ui-agenda-today = Heddiw
ui-agenda-this-week = Yr wythnos hon
ui-agenda-later = Wedyn
ui-agenda-masked = •••• cyfrinachol: wedi'i guddio
ui-agenda-reschedule = Symud y dilyniant
ui-agenda-new-date = Dyddiad newydd
ui-mail-title = Derbyn ffeil e-bost
ui-mail-path = Ffeil (.eml, .msg, mbox)
ui-mail-need-path = teipiwch neu gludwch lwybr ffeil e-bost
ui-draft-title = Drafftio llythyr neu e-bost
ui-draft-template = Templed
ui-draft-format = Fel
ui-draft-email = Drafft e-bost (.eml)
ui-draft-letter = Llythyr i'w argraffu (.html)
ui-draft-to = At (gwag: y person arferol)
ui-refer-title = Atgyfeirio'r achos
ui-refer-to = At bwy
ui-refer-instruction = Cyfarwyddyd
ui-refer-council-ref = Cyfeirnod y cyngor
ui-refer-copied = Copi i'r etholwr
ui-refer-days = Ateb o fewn
ui-refer-note = Beth a ofynnwyd
ui-refer-need-to = teipiwch swyddog neu asiantaeth o'r cyfeiriadur
ui-refer-not-official = nid swyddog nac asiantaeth yn y cyfeiriadur
ui-refer-new-officer = Ddim yn y cyfeiriadur eto: mae Enter yn eu hychwanegu, yna mae'r atgyfeiriad yn mynd ymlaen.
ui-refer-confirm-keys = { $yes } atgyfeirio beth bynnag · { $no } yn ôl i'r ffurflen
ui-reply-the-reply = yr ateb
ui-reply-title = Cofnodi ateb
ui-reply-choose = Pa atgyfeiriad a atebodd?
ui-reply-when = Ateb ar
ui-reply-text = Beth ddywedon nhw
ui-reply-need-text = dywedwch beth oedd yr ateb
ui-reply-nothing-awaited = Does dim atgyfeiriad o'r achos hwn yn aros am ateb.
ui-surgery-start = Dechrau cymhorthfa
ui-surgery-venue = Lleoliad
ui-surgery-need-venue = ble mae hi'n cael ei chynnal?
ui-surgery-end-keys = { $yes } ei gorffen · { $no } ei chadw i fynd
ui-surgery-ended = Cymhorthfa wedi gorffen
ui-directory-title = Gyda phwy ddylwn i siarad am …
ui-directory-prompt = Teipiwch y broblem, e.e. tipio anghyfreithlon, lleithder, goleuadau stryd
ui-directory-nothing = Does neb yn y cyfeiriadur yn delio â hynny.
ui-directory-typing-keys = Teipiwch y broblem · ↑/↓ dewis · Enter agor · Esc stopio teipio · ? bysellau · 1–6 sgriniau
ui-directory-results = Swyddogion ac asiantaethau
ui-directory-handles = yn delio â
ui-directory-form-new = Swyddog neu asiantaeth newydd
ui-directory-form-edit = Swyddog neu asiantaeth
ui-directory-form-name = Enw
ui-directory-form-kind = Math
ui-directory-form-organisation = Sefydliad
ui-directory-form-department = Adran
ui-directory-form-role = Rôl
ui-directory-form-handles = Beth maen nhw'n ei drin
ui-directory-form-phone = Ffôn
ui-directory-form-email = E-bost
ui-directory-form-need-name = teipiwch eu henw
ui-directory-form-not-listed = Ddim yn y cyfeiriadur eto: ychwanegwch nhw yma, ac mae'r atgyfeiriad yn mynd ymlaen.
ui-directory-form-nothing = Dewiswch swyddog neu asiantaeth yn gyntaf.
ui-review-title = Adolygiad blynyddol
ui-review-calendar = blwyddyn galendr
ui-review-custom = dyddiadau a ddewiswyd
ui-review-period = Cyfnod
ui-review-previous = blaenorol
ui-review-header-0 = {""}
ui-review-header-1 = y cyfnod hwn
ui-review-header-2 = blaenorol
ui-review-header-3 = newid
ui-review-people = Pobl a gysylltodd â chi
ui-review-under-30 = {"  "}ohonynt dan 30
ui-review-opened = Achosion a agorwyd
ui-review-closed = Achosion a gaewyd
ui-review-resolved = Wedi'u datrys yn foddhaol
ui-review-rate = {"  "}fel cyfran o'r rhai a gaewyd
ui-review-median = Canolrif y dyddiau i gau
ui-review-satisfaction = Bodlonrwydd cyfartalog (1–5)
ui-review-same = yr un fath
ui-review-none = —
ui-review-by-category = Problemau (achosion a agorwyd fesul categori)
ui-review-by-channel = Sut y cysyllton nhw â chi
ui-review-by-kind = Mathau o achos
ui-review-by-outcome = Canlyniadau'r achosion a gaewyd
ui-review-by-month = Achosion a agorwyd bob mis
ui-review-gender = Rhywedd
ui-review-age = Band oedran
ui-review-ethnicity = Ethnigrwydd
ui-review-employment = Statws cyflogaeth
ui-review-no-cases = {"  "}dim
ui-review-range-title = Adolygu'r dyddiadau o … i …
ui-review-from = O
ui-review-to = I
ui-review-to-before-from = mae'r diwedd cyn y dechrau
ui-cases-title = Achosion
ui-cases-empty = Does dim achosion yn cyfateb.
ui-cases-all-open = pob un ar agor
ui-cases-every = pob un
ui-cases-any = unrhyw un
ui-cases-newest = y mwyaf newydd gyntaf
ui-cases-oldest = yr hynaf gyntaf
ui-cases-status = statws
ui-cases-category = categori
ui-cases-kind = math
ui-cases-area = ardal
ui-cases-sort = trefn
ui-cases-header-0 = Cyf
ui-cases-header-1 = Agorwyd
ui-cases-header-2 = Statws
ui-cases-header-3 = Etholwr
ui-cases-header-4 = Teitl
ui-case-sar-pending = Cais gwrthrych am wybodaeth
ui-case-sar-respond-by = ateb erbyn
ui-case-facts = Ffeithiau
ui-case-wants = Beth maen nhw eisiau ei weld yn cael ei wneud
ui-case-history = Wedi gofyn o'r blaen
ui-case-others = Eraill dan sylw
ui-case-people = Pobl
ui-case-timeline = Llinell amser
ui-case-no-entries = Dim cofnodion yn y dyddiadur eto.
ui-case-referrals = Atgyfeiriadau
ui-case-no-referrals = Dim.
ui-case-follow-ups = Dilyniannau
ui-case-no-follow-ups = Dim.
ui-case-caution = RHYBUDD
ui-case-prefers = { $language ->
        [cy] dewis Cymraeg
        [both] Cymraeg a Saesneg
       *[en] dewis Saesneg
    }
ui-case-masked = •••• cyfrinachol: wedi'i guddio
ui-case-consent-yes = wedi cytuno i rannu manylion
ui-case-consent-no = heb gytuno i rannu manylion
ui-case-consent-unknown = heb ofyn eto am ganiatâd i rannu
ui-case-opened = agorwyd
ui-case-closed = caewyd
ui-case-outcome-note = Sut y daeth i ben
ui-case-reply-due = ateb erbyn
ui-case-replied = atebwyd
ui-case-done = wedi'i wneud
ui-case-choose-status = Newid y statws
ui-case-choose-outcome = Cau'r achos: beth oedd y canlyniad?
ui-case-already-closed = Mae'r achos hwn eisoes ar gau.
ui-contacts-title = Cysylltiadau
ui-contacts-empty = Dim cysylltiadau eto.
ui-contacts-header-0 = Enw
ui-contacts-header-1 = Math
ui-contacts-header-2 = Cod post
ui-contacts-header-3 = Achosion ar agor
ui-contacts-cases = Achosion
ui-contacts-no-cases = Ddim ar unrhyw achos.
ui-contacts-entries = Dyddiadur
ui-contacts-no-entries = Dim cofnodion yn y dyddiadur.
ui-contacts-details = Manylion
ui-form-keys = { $next } maes nesaf · { $prev } yn ôl · { $submit } cadw · { $cancel } canslo
ui-form-keys-multi = { $newline } llinell newydd
ui-form-keys-choice = ←/→ neu Space dewis
ui-form-keys-who = { $up }/{ $down } dewis · { $next } ei gymryd
ui-form-keys-pick = teipiwch gyfeirnod neu deitl · ↑/↓ dewis
ui-form-pick-none-fits = does dim achos ar agor yn cyfateb: daliwch ati i deipio neu dilëwch
ui-form-new-contact = cyswllt newydd i'w ychwanegu
ui-form-new-choice = + cyswllt newydd
ui-form-chosen = ✓ cyswllt hysbys
ui-form-fix-first = Cywirwch y meysydd a farciwyd: ni chadwyd dim, ni chollwyd dim a deipiwyd.
ui-form-optional = dewisol
ui-form-choose-one = dewiswch un o’r opsiynau
ui-quick-log-title = Cofnodi galwad
ui-quick-log-title-entry = Cofnodi cofnod
ui-quick-log-who = Pwy
ui-quick-log-text = Beth a ddywedwyd
ui-quick-log-kind = Math
ui-quick-log-case = Achos
ui-quick-log-follow-up = Dilyniant ar
ui-quick-log-confidential = Cyfrinachol
ui-quick-log-need-who = pwy oedd e? teipiwch enw
ui-quick-log-need-text = dywedwch beth ddigwyddodd
ui-quick-log-no-case = does dim achos gyda'r cyfeirnod hwn
ui-quick-log-unfiled = — heb ei roi ar achos —
ui-quick-log-no-case-fits = does dim un o'u hachosion ar agor yn cyfateb i'r hyn a deipiwyd
ui-entry-title = Cofnod yn y dyddiadur: ei gywiro neu ei roi ar achos
ui-entry-text = Beth ddigwyddodd
ui-entry-kind = Math
ui-entry-when = Pryd
ui-entry-confidential = Cyfrinachol
ui-entry-case = Ar achos
ui-entry-need-text = dywedwch beth ddigwyddodd
ui-entry-the-entry = y cofnod
ui-entry-delete = Dileu'r cofnod hwn o'r dyddiadur? Does dim modd ei ddadwneud.
ui-entry-delete-keys = { $yes } dileu · { $no } ei gadw
ui-entry-deleted = Cofnod wedi'i ddileu o'r dyddiadur.
ui-entry-none-unfiled = Mae pob cofnod gan y person hwn ar achos.
ui-entry-already-filed = Mae'r cofnod hwnnw ar achos { $reference } yn barod: mae { $key } yn ei symud i un arall.
ui-entry-nothing = Dewiswch gofnod yn y panel diweddaraf yn gyntaf (mae Tab yn symud yno).
ui-closing-title = Cau'r achos
ui-closing-outcome = Canlyniad
ui-closing-note = Sut y daeth i ben
ui-closing-satisfaction = Bodlonrwydd
ui-closing-comment = Eu sylw
ui-closing-follow-ups = Cau dilyniannau
ui-closing-not-known = ddim yn hysbys
ui-intake-title = Achos newydd
ui-intake-constituent = Etholwr
ui-intake-kind = Math
ui-intake-on-behalf-of = Ar ran
ui-intake-case-title = Teitl
ui-intake-category = Categori
ui-intake-channel = Sianel
ui-intake-location = Lleoliad
ui-intake-postcode = Cod post
ui-intake-facts = Y ffeithiau
ui-intake-wants = Beth maen nhw eisiau
ui-intake-history = Wedi gofyn o'r blaen
ui-intake-others = Eraill dan sylw
ui-intake-consent = Caniatâd i rannu
ui-intake-consent-options-0 = heb ofyn eto
ui-intake-consent-options-1 = ie
ui-intake-consent-options-2 = na
ui-intake-need-constituent = achos pwy yw e? teipiwch enw
ui-intake-need-on-behalf = mae ymholiad anuniongyrchol angen y person y mae ar ei gyfer
ui-intake-need-title = ychydig eiriau i enwi'r achos
ui-intake-bad-postcode = dydy hwn ddim yn edrych fel cod post yn y DU
ui-follow-up-title = Ychwanegu dilyniant
ui-follow-up-due = Erbyn
ui-follow-up-what = Beth i'w wneud
ui-follow-up-need-what = dywedwch beth i'w ddilyn
ui-search-title = Chwilio cysylltiadau, achosion a'r dyddiadur
ui-search-hint = Teipiwch i chwilio · { $up }/{ $down } dewis · { $submit } agor · { $cancel } cau
ui-search-nothing = Dim byd wedi'i ganfod.
ui-search-contact = cyswllt
ui-search-case = achos
ui-search-entry = cofnod
ui-search-directory = cyfeiriadur
ui-search-masked = •••• cofnod cyfrinachol
ui-help-title = Bysellau
ui-help-close = Mae Esc, Enter neu ? yn cau hwn.
ui-help-editing = Mewn ffurflen: mae { $next } / { $prev } yn symud rhwng meysydd, { $submit } yn cadw, { $newline } yn dechrau llinell newydd mewn nodyn, { $cancel } yn canslo (gan ofyn yn gyntaf os teipioch chi rywbeth). Mae Ctrl-W yn dileu gair, Ctrl-U y llinell.
ui-message-error = Aeth rhywbeth o'i le
ui-message-problems = Hepgorwyd gosodiadau bysellau
ui-message-close = Mae Enter neu Esc yn cau hwn.
ui-message-discard = Taflu'r hyn a deipioch chi?
ui-message-discard-keys = { $yes } taflu · { $no } dal ati i olygu
ui-message-nothing-selected = Dim byd wedi'i ddewis.
ui-message-choose-keys = ↑/↓ dewis · Enter ei gymryd · Esc canslo
ui-status-follow-up-added = Dilyniant wedi'i ychwanegu.
ui-status-follow-up-done = Dilyniant wedi'i wneud.
ui-status-follow-up-undone = Dilyniant i'w wneud eto.
ui-status-nothing-to-undo = Dim byd i'w ddadwneud.
ui-status-refreshed = Newidiodd y dyddiadur yn rhywle arall: sgrin wedi'i hadnewyddu.
ui-status-not-shared =
    { $count ->
        [one] Wedi cysoni: mae 1 atodiad yn rhy fawr i'w rannu drwy'r hyb (dros 32 MiB); mae'n aros ar y ddyfais hon.
       *[other] Wedi cysoni: mae { $count } atodiad yn rhy fawr i'w rhannu drwy'r hyb (dros 32 MiB); maen nhw'n aros ar y ddyfais hon.
    }
ui-record-not-asked = heb ofyn
ui-record-not-set = —
ui-record-yes = ie
ui-record-no = na
ui-record-card-title-edit = Cerdyn cyswllt
ui-record-card-title-new = Cyswllt newydd
ui-record-card-name = Enw
ui-record-card-kind = Math
ui-record-card-organisation = Sefydliad
ui-record-card-department = Adran
ui-record-card-role = Rôl
ui-record-card-address = Cyfeiriad
ui-record-card-postcode = Cod post
ui-record-card-phone = Ffôn
ui-record-card-email = E-bost
ui-record-card-preferred = Rhoi gwybod drwy
ui-record-card-language = Iaith
ui-record-card-caution = Rhybudd (diogelwch)
ui-record-card-gender = Rhywedd
ui-record-card-age-band = Band oedran
ui-record-card-ethnicity = Ethnigrwydd
ui-record-card-employment = Cyflogaeth
ui-record-card-notes = Nodiadau
ui-record-card-need-name = mae angen enw
ui-record-case-title = Golygu'r achos
ui-record-case-case-title = Teitl
ui-record-case-kind = Math
ui-record-case-category = Categori
ui-record-case-channel = Sianel
ui-record-case-contacted-on = Dyddiad cysylltu
ui-record-case-location = Lleoliad
ui-record-case-postcode = Cod post
ui-record-case-facts = Y ffeithiau
ui-record-case-wants = Beth maen nhw eisiau
ui-record-case-history = Wedi gofyn o'r blaen
ui-record-case-others = Eraill (nodiadau)
ui-record-case-promised-by = Addo ateb erbyn
ui-record-case-consent = Caniatâd i rannu
ui-record-case-consent-on = Caniatâd ar
ui-record-case-shared = Rhannu â'r swyddfa
ui-record-case-consent-options-0 = heb ofyn eto
ui-record-case-consent-options-1 = ie
ui-record-case-consent-options-2 = na
ui-record-case-need-title = ychydig eiriau i enwi'r achos
ui-record-case-after-opened = ar ôl y diwrnod yr agorwyd yr achos
ui-record-case-in-future = dydy'r diwrnod hwnnw ddim wedi dod eto
ui-record-case-consent-on-needs-answer = cofnodwch yr ateb (ie neu na) yn gyntaf
ui-record-intake-address = {"  "}Cyfeiriad
ui-record-intake-postcode = {"  "}Eu cod post
ui-record-intake-phone = {"  "}Ffôn
ui-record-intake-email = {"  "}E-bost
ui-record-intake-language = {"  "}Iaith
ui-record-intake-gender = {"  "}Rhywedd
ui-record-intake-age-band = {"  "}Band oedran
ui-record-intake-ethnicity = {"  "}Ethnigrwydd
ui-record-intake-employment = {"  "}Cyflogaeth
ui-record-intake-contacted-on = Dyddiad cysylltu
ui-record-intake-other = Hefyd dan sylw
ui-record-intake-other-role = {"  "}fel
ui-record-intake-shared = Rhannu â'r swyddfa
ui-record-people-title = Pobl ar yr achos
ui-record-people-keys = ↑/↓ dewis · Enter cerdyn cyswllt · a ychwanegu · r rôl · d tynnu · Esc cau
ui-record-people-nobody = Does neb ar yr achos hwn eto: a i ychwanegu rhywun.
ui-record-people-add-title = Ychwanegu person at yr achos
ui-record-people-who = Pwy
ui-record-people-role = Rôl
ui-record-people-need-who = pwy? teipiwch enw
ui-record-people-choose-role = Eu rhan yn yr achos
ui-record-people-remove-keys = { $yes } tynnu · { $no } cadw
ui-action-help = cymorth
ui-action-language = English
ui-action-search = chwilio
ui-action-back = yn ôl
ui-action-quit = gadael
ui-action-log-call = cofnodi galwad
ui-action-new-case = achos newydd
ui-action-privacy = cuddio'r sgrin
ui-action-up = i fyny
ui-action-down = i lawr
ui-action-page-up = tudalen i fyny
ui-action-page-down = tudalen i lawr
ui-action-top = cyntaf
ui-action-bottom = olaf
ui-action-open = agor
ui-action-next-panel = panel nesaf
ui-action-goto-home = hafan
ui-action-goto-cases = achosion
ui-action-goto-contacts = cysylltiadau
ui-action-filter-status = hidlo statws
ui-action-filter-category = hidlo categori
ui-action-filter-kind = hidlo math
ui-action-sort = trefn
ui-action-add-entry = cofnod
ui-action-add-follow-up = dilyniant
ui-action-change-status = statws
ui-action-close-case = cau achos
ui-action-reveal = dangos cyfrinachol
ui-action-done = dilyniant wedi'i wneud
ui-action-goto-agenda = agenda
ui-action-goto-directory = cyfeiriadur
ui-action-goto-review = adolygiad
ui-action-surgery = cymhorthfa dechrau/gorffen
ui-action-snooze-day = +1 diwrnod
ui-action-snooze-week = +1 wythnos
ui-action-reschedule = dyddiad newydd
ui-action-refer = atgyfeirio
ui-action-record-reply = cofnodi ateb
ui-action-take-mail = derbyn e-bost
ui-action-draft = drafftio llythyr
ui-action-prev-period = cyfnod blaenorol
ui-action-next-period = cyfnod nesaf
ui-action-period-kind = calendr/cyngor
ui-action-custom-period = o–i
ui-action-edit-case = golygu achos
ui-action-edit-contact = golygu cerdyn
ui-action-case-people = pobl
ui-action-edit-entry = golygu / rhoi ar achos
ui-action-case-from-entry = achos newydd o gofnod
ui-action-file-entry = rhoi cofnod ar achos
ui-action-add-officer = ychwanegu swyddog
ui-action-undo = dadwneud
ui-action-edit-officer = golygu swyddog
ui-action-delete-entry = dileu cofnod
ui-action-yes = ie
ui-action-no = na
ui-action-close = cau
ui-action-add-person = ychwanegu person
ui-action-change-role = newid rôl
ui-action-remove-person = tynnu oddi ar yr achos
ui-action-next-field = maes nesaf
ui-action-prev-field = maes blaenorol
ui-action-submit = cadw / agor
ui-action-cancel = canslo
ui-action-new-line = llinell newydd mewn nodyn
ui-action-pick-up = dewis i fyny
ui-action-pick-down = dewis i lawr
ui-home-section-follow-ups = Dilyniannau ({ $count })
ui-home-section-late = Atebion yn hwyr ({ $count })
ui-home-section-update = Angen diweddariad ({ $count })
ui-home-reply-was-due = ateb erbyn { $due }
ui-home-no-news-since = dim newyddion ers { $since }
ui-home-no-entries = Mae'r dyddiadur yn wag. Pwyswch { $log_call } i gofnodi galwad, { $new_case } am achos newydd.
ui-home-cluster =
    { $count ->
        [one] 1 achos { $category } yn { $area }
        [two] 2 achos { $category } yn { $area }
       *[other] { $count } achos { $category } yn { $area }
    }
ui-home-unfiled-key = { $key } i'w roi ar achos
ui-agenda-section = { $name } ({ $count })
ui-agenda-more = {"  "}… a { $count } arall
ui-agenda-snoozed = Dilyniant wedi'i symud i { $to }.
ui-mail-taken =
    { $count ->
        [0] Mae'r neges honno eisoes yn y dyddiadur.
       *[other] { $already ->
            [0] { $count ->
                [one] 1 neges wedi'i derbyn ar { $reference }.
                [two] 2 neges wedi'u derbyn ar { $reference }.
               *[other] { $count } neges wedi'u derbyn ar { $reference }.
            }
           *[other] { $count } wedi'u derbyn ar { $reference }; { $already } eisoes yn y dyddiadur.
        }
    }
ui-draft-written = Drafft wedi'i ysgrifennu i { $path }; wedi'i gofnodi ar yr achos fel drafft.
ui-refer-days-due =
    { $count ->
        [one] 1 diwrnod gwaith: ateb erbyn { $due }
        [two] 2 ddiwrnod gwaith: ateb erbyn { $due }
       *[other] { $count } diwrnod gwaith: ateb erbyn { $due }
    }
ui-refer-handles = yn delio â { $what }
ui-refer-referred = { $reference } wedi'i atgyfeirio at { $to }; ateb erbyn { $due }.
ui-reply-option = { $to }: atgyfeiriwyd { $on }, ateb erbyn { $due }
ui-reply-recorded =
    { $late ->
        [0] Ateb wedi'i gofnodi ar { $reference }; mae'r achos yn awr: { $status }.
        [one] Ateb wedi'i gofnodi ar { $reference } (1 diwrnod gwaith yn hwyr); mae'r achos yn awr: { $status }.
        [two] Ateb wedi'i gofnodi ar { $reference } (2 ddiwrnod gwaith yn hwyr); mae'r achos yn awr: { $status }.
       *[other] Ateb wedi'i gofnodi ar { $reference } ({ $late } diwrnod gwaith yn hwyr); mae'r achos yn awr: { $status }.
    }
ui-surgery-started = Cymhorthfa wedi dechrau yn { $venue }: mae galwadau ac achosion yn perthyn iddi nawr.
ui-surgery-running = ● Cymhorthfa yn { $venue } ers { $since }
ui-surgery-running-at = ● Cymhorthfa yn { $venue }
ui-surgery-running-since = ● Cymhorthfa ers { $since }
ui-surgery-end-question = Gorffen y gymhorthfa yn { $venue }?
ui-surgery-summary-when = { $venue }, { $day } { $from }–{ $to }
ui-surgery-summary-seen = Pobl a welwyd: { $count }
ui-surgery-summary-seen-names = Pobl a welwyd: { $count } ({ $names })
ui-surgery-summary-cases = Achosion a agorwyd: { $count }
ui-surgery-summary-entries = Cofnodion yn y dyddiadur: { $count }
ui-surgery-summary-about-one = { $category } { $count }
ui-surgery-summary-about = Am beth: { $list }
ui-directory-empty = Mae'r cyfeiriadur yn wag. Pwyswch Esc, yna { $key }, i ychwanegu swyddog neu asiantaeth.
ui-directory-form-saved = Mae { $name } yn y cyfeiriadur.
ui-review-municipal = blwyddyn o { $month }
ui-review-responses = {"  "}o { $count } ateb
ui-case-attachment = atodiad #{ $id } { $name } ({ $size }) · casebook attachment save { $id }
ui-case-attachment-away-on = atodiad { $name } ({ $size }) · rhy fawr i'w rannu drwy'r hyb: mae'n aros ar { $device }
ui-case-attachment-away = atodiad { $name } ({ $size }) · rhy fawr i'w rannu drwy'r hyb: mae'n aros ar y ddyfais a'i derbyniodd
ui-case-attachments-hidden =
    { $count ->
        [one] 1 atodiad
        [two] 2 atodiad
       *[other] { $count } atodiad
    }
ui-case-choice = { $reference } · { $title }
ui-entry-saved-on = Cofnod wedi'i gadw, ar { $reference }.
ui-entry-saved-unfiled = Cofnod wedi'i gadw (heb ei roi ar achos).
ui-closing-score =
    { $score ->
        [1] 1 · gwael
        [2] 2 · gweddol
        [3] 3 · da
        [4] 4 · da iawn
       *[other] { $score } · ardderchog
    }
ui-closing-closed =
    { $count ->
        [0] { $reference } ar gau: { $outcome }.
        [one] { $reference } ar gau: { $outcome }. Mae ei ddilyniant agored wedi'i wneud.
       *[other] { $reference } ar gau: { $outcome }. Mae ei { $count } dilyniant agored wedi'u gwneud.
    }
ui-message-how-to-quit = I adael, pwyswch { $home } i fynd i'r hafan, yna { $quit }.
ui-status-logged-new-on = Wedi'i gofnodi ar { $reference }. Cyswllt newydd wedi'i ychwanegu: { $name }.
ui-status-logged-new-unfiled = Wedi'i gofnodi (heb achos). Cyswllt newydd wedi'i ychwanegu: { $name }.
ui-status-logged-on = Wedi'i gofnodi gyda { $name } ar { $reference }.
ui-status-logged-unfiled = Wedi'i gofnodi gyda { $name } (heb achos).
ui-status-case-opened = Achos { $reference } wedi'i agor.
ui-status-case-opened-new = Achos { $reference } wedi'i agor. Cyswllt newydd wedi'i ychwanegu: { $names }.
ui-status-status-changed = { $reference }: { $status }.
ui-status-closed = { $reference } ar gau: { $outcome }.
ui-status-follow-up-done-undo = Dilyniant wedi'i wneud. Mae { $key } yn ei ddadwneud.
ui-record-card-saved = { $name }: cerdyn cyswllt wedi'i gadw.
ui-record-case-saved = { $reference }: achos wedi'i gadw.
ui-record-intake-new-contacts = Cyswllt newydd wedi'i ychwanegu: { $names }.
ui-record-intake-same = Eisoes yn y cysylltiadau (yr un e-bost, ffôn neu god post): { $names }.
ui-record-people-remove-question = Tynnu { $name } ({ $role }) oddi ar yr achos hwn? Mae eu cerdyn cyswllt yn aros.
ui-record-people-added = { $name } wedi'i ychwanegu at yr achos fel { $role }.
ui-record-people-removed = { $name } wedi'i dynnu oddi ar yr achos.
ui-record-people-role-changed = Mae { $name } nawr yn { $role } ar yr achos.
ui-record-screen-first-contact = cysylltiad cyntaf { $day }
ui-record-screen-shared = wedi'i rannu â'r swyddfa
ui-record-screen-consent-on = (cofnodwyd { $day })
ui-record-screen-gender = rhywedd: { $answer }
ui-record-screen-age = oedran: { $answer }
ui-record-screen-ethnicity = ethnigrwydd: { $answer }
ui-record-screen-employment = cyflogaeth: { $answer }
ui-status-short-open = ar agor
ui-status-short-waiting-council = aros am gyngor
ui-status-short-waiting-constituent = aros am etholwr
ui-status-short-waiting-other = aros am arall
ui-status-short-closed = ar gau

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
ui-conflicts-other-named = Y ddyfais arall, { $device }
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
ui-conflicts-kind-attachment = ffeil atodedig
ui-conflicts-kind-entry_mail = manylion e-bost

## casebook hub a casebook sync (src/cli/hub.rs, src/cli/sync.rs)

hub-no-url = rhowch URL gweinyddwr yr hyb gyda --url (neu CASEBOOK_HUB_URL), e.e. postgresql://postgres@localhost/casebook
hub-initialised = mae'r hyb yn barod: ychwanegwch bob dyfais gyda `casebook hub add-device ENW --user CYNGHORYDD`
hub-url-shown-once = rhowch hwn yn ffurfweddiad y ddyfais fel [sync] url (dim ond unwaith y caiff ei ddangos):
hub-revoked = tynnwyd { $name } yn ôl: ni all gysoni mwyach
hub-no-devices = dim dyfeisiau eto
hub-device-revoked = wedi'i thynnu'n ôl
hub-device-never = erioed
hub-device-state = cysoni diwethaf { $when }, { $behind } ar ei hôl hi
hub-upgraded = uwchraddiwyd yr hyb o sgema { $from } i { $to }: gall dyfeisiau gyda'r casebook hwn gysoni ag ef
hub-upgrade-nothing = mae'r hyb eisoes ar sgema { $to }: ni newidiwyd dim
sync-no-url = does dim hyb wedi'i osod: ychwanegwch [sync] url = "postgresql://…" at y ffurfweddiad (yr URL a argraffodd `casebook hub add-device`)
sync-no-conflicts = dim gwrthdaro
sync-conflict-here = yma: { $value }
sync-conflict-other = y ddyfais arall: { $value }
sync-conflict-other-named = y ddyfais arall { $device }: { $value }
sync-conflict-kept-here = (yn cael ei gadw am y tro: yma)
sync-conflict-kept-other = (yn cael ei gadw am y tro: y ddyfais arall)
sync-conflict-empty = (gwag)
sync-settled = gwrthdaro { $id } wedi'i ddatrys; bydd yn mynd i'r dyfeisiau eraill yn y cysoni nesaf
sync-done = wedi cysoni: { $sent } wedi'u hanfon, { $received } wedi'u derbyn
sync-done-erased = { $count } wedi'u dileu'n llwyr fel ar ddyfais arall
sync-done-files = atodiadau: { $sent } wedi'u hanfon, { $received } wedi'u derbyn
sync-done-not-shared =
    { $count ->
        [one] 1 atodiad heb ei rannu: rhy fawr i'r hyb (dros 32 MiB), mae'n aros ar y ddyfais hon
       *[other] { $count } atodiad heb eu rhannu: rhy fawr i'r hyb (dros 32 MiB), maen nhw'n aros ar y ddyfais hon
    }
sync-done-conflicts =
    { $count ->
        [one] 1 gwrthdaro i'w ddatrys: casebook sync --conflicts
        [two] 2 wrthdaro i'w datrys: casebook sync --conflicts
       *[other] { $count } gwrthdaro i'w datrys: casebook sync --conflicts
    }

## Y geiriau olaf ar y sgrin (issue 17): problemau bysellau, y sgrin gloi,
## bysellau cwestiynau, enwau meysydd gwrthdaro

# Llythrennau ateb cwestiwn, pan fydd y bysellau'n eu rhwymo i ie / na.
ui-key-yes = i
ui-key-no = n
ui-refer-confirm-refused = Atgyfeirio beth bynnag? Dywedodd yr etholwr ar achos { $reference } na ddylid rhannu ei fanylion â swyddogion na thrydydd partïon.
ui-refer-confirm-not-asked = Atgyfeirio beth bynnag? Nid yw'r etholwr ar achos { $reference } wedi cael ei holi a ellir rhannu ei fanylion â swyddogion neu drydydd partïon.
ui-keys-not-an-action =
    { $from ->
        [built-in] bysellau mewnol
       *[config] ffeil ffurfweddu, [keys]
    }: nid yw `{ $name }` yn weithred; fe'i hepgorwyd
ui-keys-not-a-key =
    { $from ->
        [built-in] bysellau mewnol
       *[config] ffeil ffurfweddu, [keys]
    }: nid yw `{ $key }` (ar gyfer { $action }) yn enw bysell; fe'i hepgorwyd
ui-keys-no-key =
    { $from ->
        [built-in] bysellau mewnol
       *[config] ffeil ffurfweddu, [keys]
    }: ni roddwyd bysell ar gyfer { $action }; fe'i hepgorwyd
ui-keys-broken-defaults = ni ellir darllen y bysellau mewnol: { $detail }
ui-keys-clash = mae'r fysell `{ $key }` ar gyfer { $first } ac ar gyfer { $second }: { $first } sy'n cael blaenoriaeth
ui-lock-title = Mae casebook wedi'i gloi
ui-lock-ask = Teipiwch y cyfrinymadrodd a gwasgwch Enter (Ctrl-Q i adael).
ui-lock-typed = (wedi'i deipio, heb ei ddangos)
ui-lock-wrong = Cyfrinymadrodd anghywir: rhowch gynnig arall arni.
ui-lock-checking = Wrthi'n gwirio…
# Newid mewn canran, mewn pwyntiau canran ("+4.0 pwynt").
ui-review-points = { $change } pwynt

# Enw pob maes y gall gwrthdaro cysoni fod yn ei gylch.
ui-conflicts-field-held_on = Dyddiad y gymhorthfa
ui-conflicts-field-venue = Lleoliad
ui-conflicts-field-started_at = Dechrau
ui-conflicts-field-ended_at = Gorffen
ui-conflicts-field-notes = Nodiadau
ui-conflicts-field-name = Enw
ui-conflicts-field-contact-kind = Math o gyswllt
ui-conflicts-field-organisation = Sefydliad
ui-conflicts-field-department = Adran
ui-conflicts-field-contact-role = Swydd
ui-conflicts-field-address = Cyfeiriad
ui-conflicts-field-postcode = Cod post
ui-conflicts-field-phone = Ffôn
ui-conflicts-field-email = E-bost
ui-conflicts-field-preferred_contact = Rhoi gwybod drwy
ui-conflicts-field-gender = Rhywedd
ui-conflicts-field-age_band = Band oedran
ui-conflicts-field-ethnicity = Ethnigrwydd
ui-conflicts-field-employment_status = Statws cyflogaeth
ui-conflicts-field-caution = Rhybudd diogelwch
ui-conflicts-field-language = Iaith
ui-conflicts-field-contact_id = Person
ui-conflicts-field-handles = Yn delio â
ui-conflicts-field-categories = Categorïau
ui-conflicts-field-reference = Cyfeirnod
ui-conflicts-field-title = Teitl
ui-conflicts-field-opened = Agorwyd
ui-conflicts-field-closed = Caewyd
ui-conflicts-field-case-kind = Math o achos
ui-conflicts-field-category = Categori
ui-conflicts-field-channel = Sianel
ui-conflicts-field-location = Lleoliad
ui-conflicts-field-area = Ardal
ui-conflicts-field-facts = Y ffeithiau
ui-conflicts-field-wants = Beth maen nhw eisiau
ui-conflicts-field-history = Wedi gofyn o'r blaen
ui-conflicts-field-others_involved = Eraill dan sylw
ui-conflicts-field-status = Statws
ui-conflicts-field-outcome = Canlyniad
ui-conflicts-field-satisfaction = Bodlonrwydd
ui-conflicts-field-feedback = Adborth
ui-conflicts-field-promised_by = Addo ateb erbyn
ui-conflicts-field-consent_to_share = Caniatâd i rannu
ui-conflicts-field-surgery_id = Cymhorthfa
ui-conflicts-field-publicise = Caniatâd i'w gyhoeddi
ui-conflicts-field-contacted_on = Dyddiad cysylltu
ui-conflicts-field-consent_on = Caniatâd ar
ui-conflicts-field-outcome_note = Nodyn ar y canlyniad
ui-conflicts-field-shared = Rhannu â'r swyddfa
ui-conflicts-field-case_id = Achos
ui-conflicts-field-case_person-role = Rôl ar yr achos
ui-conflicts-field-entry-kind = Math o gofnod
ui-conflicts-field-at = Pryd
ui-conflicts-field-text = Testun
ui-conflicts-field-confidential = Cyfrinachol
ui-conflicts-field-draft = Drafft
ui-conflicts-field-to_contact_id = Atgyfeiriwyd at
ui-conflicts-field-referred_on = Dyddiad atgyfeirio
ui-conflicts-field-council_ref = Cyfeirnod y cyngor
ui-conflicts-field-instruction = Cyfarwyddyd
ui-conflicts-field-note = Nodyn
ui-conflicts-field-constituent_copied = Copi i'r etholwr
ui-conflicts-field-due_on = Erbyn
ui-conflicts-field-reply_on = Ateb wedi dod
ui-conflicts-field-reply = Ateb
ui-conflicts-field-entry_id = Cofnod
ui-conflicts-field-filename = Enw'r ffeil
ui-conflicts-field-content_type = Math o ffeil
ui-conflicts-field-size = Maint
ui-conflicts-field-sha256 = Swm gwirio
ui-conflicts-field-entry_mail-message_key = Dynodwr y neges
ui-conflicts-field-entry_mail-sender = Oddi wrth
ui-conflicts-field-entry_mail-recipients = At
ui-conflicts-field-entry_mail-cc = Copi at
ui-conflicts-field-entry_mail-subject = Pwnc
ui-conflicts-field-what = Beth
ui-conflicts-field-done_on = Gwnaed ar
ui-conflicts-field-requested_on = Gofynnwyd ar
ui-conflicts-field-respond_by = Ateb erbyn
ui-conflicts-field-answered_on = Atebwyd ar

## Gwallau ac ymholiadau a oedd yn Saesneg (issue 17)

error-not-an-email = nid yw `{ $input }` yn gyfeiriad e-bost
error-not-a-phone = nid yw `{ $input }` yn rhif ffôn: defnyddiwch ddigidau, bylchau a +
error-not-a-postcode = nid yw `{ $input }` yn god post yn y DU
error-satisfaction-range = mae bodlonrwydd `{ $value }` y tu allan i'r ystod: defnyddiwch 1 (gwael) i 5 (ardderchog)
error-case-closed-before-opened = mae'r dyddiad cau { $closed } cyn y dyddiad agor { $opened }
error-case-contacted-after-opened = mae'r dyddiad cysylltu { $contacted } ar ôl y dyddiad agor { $opened }
error-case-consent-undecided = caniatâd wedi'i ddyddio { $date } ond heb ei gofnodi fel un a roddwyd neu a wrthodwyd
error-case-closed-needs-date = mae angen dyddiad cau ar achos sydd ar gau
error-case-open-with-outcome = ni all achos â'r statws `{ $status }` fod â dyddiad cau na chanlyniad
error-field-empty = { $field ->
        [name] mae'r enw'n wag
        [title] mae'r teitl yn wag
        [text] mae'r testun yn wag
       *[what] mae'r hyn i'w ddilyn yn wag
    }: mae ei angen
error-log-no-name = pwy oedd e? mae'r enw'n wag
error-log-namesakes-on-case = mae { $count } o gysylltiadau o'r enw `{ $name }` a does dim un ohonyn nhw ar achos { $reference }: dewiswch nhw yn yr ap
error-log-namesakes = mae { $count } o gysylltiadau o'r enw `{ $name }`: rhowch --case i ddweud pa un, neu dewiswch nhw yn yr ap
error-referral-due-before = mae dyddiad disgwyl yr ateb { $due } cyn dyddiad yr atgyfeiriad { $referred }
error-reply-already = mae ateb i'r atgyfeiriad hwn yn barod, wedi'i gofnodi ar { $date }
error-reply-before-referral = mae dyddiad yr ateb { $date } cyn dyddiad yr atgyfeiriad { $referred }
error-refer-closed = mae achos { $reference } ar gau: ailagorwch ef cyn ei atgyfeirio
error-refer-not-officer = nid yw { $name } yn swyddog nac yn asiantaeth: ychwanegwch nhw at y cyfeiriadur yn gyntaf
error-case-reference-taken = mae achos â'r cyfeirnod { $reference } yn bodoli'n barod
error-close-needs-outcome = mae angen canlyniad i gau achos
error-close-before-opening = ni ellir cau ar { $date }: agorwyd yr achos ar { $opened }
error-case-already-closed = mae achos { $reference } ar gau yn barod
error-surgery-running = mae cymhorthfa'n rhedeg yn barod (Cymhorthfa: { $venue }; dechreuodd { $started }): gorffennwch hi yn gyntaf
error-surgery-none-running = does dim cymhorthfa yn rhedeg: dechreuwch un â `casebook surgery start LLEOLIAD`
error-directory-not-officer = mae'r cyfeiriadur yn dal swyddogion ac asiantaethau: rhowch y math o gyswllt swyddog neu asiantaeth
crypt-ask = Cyfrinymadrodd ar gyfer { $path }:{" "}
crypt-ask-new = Cyfrinymadrodd newydd (o leiaf 8 nod; ni ellir ei adfer):{" "}
crypt-ask-again = Yr un cyfrinymadrodd eto:{" "}
error-passphrases-differ = mae'r ddau gyfrinymadrodd yn wahanol: ni newidiwyd dim
error-passphrase-var-empty = mae { $var } wedi'i osod ond mae'n wag
error-passphrase-var-not-utf8 = nid yw { $var } yn UTF-8 dilys
error-passphrase-no-terminal = mae { $path } wedi'i amgryptio: gosodwch { $var } neu rhedwch casebook mewn terfynell i'w deipio
error-new-passphrase-no-terminal = mae angen cyfrinymadrodd newydd ar { $path }: gosodwch { $var } neu rhedwch casebook mewn terfynell i'w deipio
crypt-cannot-read-passphrase = ni ellir darllen y cyfrinymadrodd o'r derfynell
error-seal-no-passphrase = byddai { $path } yn cael ei ysgrifennu o ddyddiadur wedi'i amgryptio: gosodwch { $var } i'w amgryptio ag age, rhowch --recipient age1…, neu --plain i'w ysgrifennu heb ei amgryptio
seal-sealed = mae { $path } wedi'i amgryptio ag age: agorwch ef ag `age -d` (mae --plain yn ei ysgrifennu heb ei amgryptio)
seal-plain = ysgrifennwyd { $path } heb ei amgryptio (--plain): mae'n dal data personol yn agored, cadwch ef yn ddiogel
seal-ask = Cyfrinymadrodd ar gyfer y ffeil wedi'i hamgryptio (o leiaf 8 nod; mae `age -d` yn gofyn amdano):{" "}
error-seal-not-a-key = --recipient: nid yw { $key } yn allwedd gyhoeddus age (maen nhw'n dechrau ag age1)
error-seal-cannot-encrypt = ni ellir amgryptio { $path }: { $detail }
error-seal-cannot-open = ni ellir agor { $path }: { $detail } (mae ffeil wedi'i hamgryptio ar gyfer allwedd yn agor ag `age -d -i FFEIL-ALLWEDD`)
# The word a date field starts with, typed for the user: the date reader
# takes it (and the other language's) as today's date.
ui-date-today = heddiw
# Beth sydd o'i le y tu mewn i ffeil .msg Outlook (ar ôl mail-error-bad-msg).
mail-msg-container = { $detail }
mail-msg-empty = does dim pwnc, anfonwr na thestun ynddo
mail-msg-too-large = mae un o'r priodweddau'n amhosibl o fawr
mail-msg-too-deep = mae negeseuon wedi'u hatodi y tu mewn i'w gilydd yn ddyfnach na { $depth } lefel
mail-msg-in-attached = y neges atodedig “{ $name }”: { $problem }
# Y rhesi y mae mewnforio yn eu gwrthod, a pham (pob rheswm ar ôl "; ").
error-import-bad-rows =
    { $count ->
        [one] nid yw 1 rhes yn ddilys
        [two] nid yw 2 res yn ddilys
        [few] nid yw 3 rhes yn ddilys
        [many] nid yw 6 rhes yn ddilys
       *[other] nid yw { $count } rhes yn ddilys
    }; ni fewnforiwyd dim (cywirwch nhw, neu rhowch --skip-bad i fewnforio'r rhesi da a rhoi'r rhain o'r neilltu){ $rows }
import-bad-row = llinell { $line }: { $reasons }
import-why-no-title = mae'r teitl yn wag
import-why-no-opened = mae'r dyddiad agor yn wag
import-why-missing = mae'r dyddiad agor neu'r teitl ar goll
import-why-column = { $column }: { $problem }
import-why-nearest = { $problem } (yr agosaf: `{ $nearest }`)
import-why-satisfaction = nid yw bodlonrwydd `{ $value }` yn rhif o 1 (gwael) i 5 (ardderchog)
import-why-no-name = mae manylion yr etholwr wedi'u rhoi ond mae constituent_name yn wag
import-why-email = nid yw constituent_email `{ $input }` yn gyfeiriad e-bost
import-why-reference-twice = mae'r cyfeirnod { $reference } hefyd ar linell { $line }
import-why-other = { $detail }
# Ffeil y dyddiadur ei hun.
error-db-no-folder = ni ellir agor y gronfa ddata { $path }: nid yw'r ffolder { $folder } yn bodoli
error-db-not-a-diary = mae { $path } yn gronfa ddata SQLite ond nid yw'n ddyddiadur casebook; ni newidiwyd hi
error-db-disk-full = mae'r ddisg sy'n dal { $path } yn llawn: ni chadwyd dim; rhyddhewch ychydig o le a rhowch gynnig arall arni
error-db-cannot-open = ni ellir agor y gronfa ddata { $path }: gwiriwch y llwybr a hawliau'r ffeil a'i ffolder
error-db-io = ni ellir darllen nac ysgrifennu'r gronfa ddata { $path }: adroddodd y ddisg wall ({ $detail }); ni chadwyd dim
error-db-read-only = mae'r gronfa ddata { $path } yn un darllen yn unig: ni ellir cadw dim; gwiriwch hawliau'r ffeil a'i ffolder
error-backup-not-a-diary = nid yw { $path } yn ddyddiadur casebook (does dim tablau casebook ynddo)
error-diary-open-elsewhere = mae'r dyddiadur { $path } ar agor mewn rhaglen arall (casebook?): caewch hi, yna rhowch gynnig arall arni
error-no-database-file = does dim ffeil cronfa ddata yn { $path }
error-path-not-utf8 = nid yw { $path } yn llwybr UTF-8: dewiswch enw symlach
error-import-no-file = mae angen FFEIL i'w darllen ar gyfer mewnforio (neu --template LLWYBR i ysgrifennu taenlen wag)
error-import-rejects-full = ni ellir ysgrifennu'r rhesi a wrthodwyd: mae { $folder }/{ $stem }.rejects-*.csv i gyd yn bodoli; tacluswch nhw yn gyntaf
error-import-template-exists = mae { $path } yn bodoli'n barod: rhowch enw ffeil newydd i'r templed
error-sheet-unreadable = nid yw { $file } yn daenlen y gall casebook ei darllen ({ $detail }): cadwch hi fel .xlsx, .ods neu CSV
error-sheet-no-such = does dim dalen o'r enw `{ $wanted }` yn { $file }: ei dalennau yw { $sheets }
error-sheet-cannot-read = { $file }: ni ellir darllen y ddalen `{ $name }`: { $detail }
error-sheet-several = mae { $count } o ddalennau â data yn { $file } ({ $sheets }): dewiswch un â --sheet ENW
error-sheet-not-a-date = nid yw `{ $input }` yn ddyddiad
error-sheet-no-such-day = nid yw `{ $input }` yn ddyddiad: does dim diwrnod o'r fath
# Ffeil allbwn (--out, allforio, adroddiad) a wrthodwyd.
error-output-is-diary = { $path } yw'r dyddiadur (neu un o'i ffeiliau ei hun): ni ysgrifennwyd dim; dewiswch ffeil arall
error-output-in-backups = mae { $path } yn y ffolder copïau wrth gefn: ni ysgrifennwyd dim; dewiswch ffeil arall
error-output-is-device = dyfais yw { $path }, nid ffeil: ni ysgrifennwyd dim; dewiswch ffeil, neu gadewch --out allan i argraffu
error-output-is-folder = ffolder yw { $path }: enwch ffeil ynddo
error-output-too-many-links = mae gormod o ddolenni symbolaidd i'w dilyn yn { $path }
error-output-exists = mae { $path } yn bodoli'n barod: dydy casebook byth yn ysgrifennu dros ffeil; dewiswch --out arall
# Y cofnod y mae atgyfeiriad yn ei ysgrifennu, fesul brawddeg.
entry-referred = Atgyfeiriwyd at { $to }.
entry-referred-instruction = Cyfarwyddyd: { $instruction }.
entry-referred-council-ref = Cyfeirnod y cyngor: { $reference }.
entry-referred-copied = Copi i'r etholwr.
entry-referred-due = Disgwyl ateb erbyn { $due }.
# Y templedi llythyr ac e-bost mewnol, fel y mae'r ffurflen ddrafft yn eu cynnig
# (mae `casebook draft --template ENW` yn cymryd yr enw mewn cromfachau).
ui-template-acknowledge = Cydnabod (acknowledge)
ui-template-chaser = Atgoffa (chaser)
ui-template-letter = Llythyr (letter)
ui-template-outcome = Canlyniad (outcome)
ui-template-referral = Atgyfeiriad (referral)
ui-template-update = Diweddariad (update)
# Ffeil na fyddai'r system yn ei darllen na'i hysgrifennu, a pham.
error-cannot-read = ni ellir darllen { $path }: { $problem }
error-cannot-write = ni ellir ysgrifennu { $path }: { $problem }
io-not-found = nid yw'r ffeil na'r ffolder yn bodoli
io-permission-denied = dim caniatâd
io-already-exists = mae'n bodoli'n barod
io-is-a-folder = ffolder yw hi
io-not-a-folder = nid ffolder yw rhan o'r llwybr
io-disk-full = mae'r ddisg yn llawn
io-read-only = mae'r ddisg yn un darllen yn unig
io-other = { $detail }
error-passphrase-empty = mae'r cyfrinymadrodd yn wag
error-passphrase-short = mae'r cyfrinymadrodd yn rhy fyr: defnyddiwch o leiaf { $min } nod (mae ychydig eiriau'n hawdd eu cofio); ni newidiwyd dim
error-no-config-dir = ni ellir dod o hyd i'r ffolder ffurfweddu: rhowch --config
error-no-data-dir = ni ellir dod o hyd i'r ffolder data: rhowch --db
error-agent-unix = mae angen system Unix ar gyfer asiant yr allweddi
# Rhes bennawd taenlen i'w mewnforio, a --map.
error-map-pair = --map: nid yw `{ $pair }` ar ffurf PENNAWD=COLOFN (er enghraifft "Date logged=opened")
error-map-column = --map: nid yw `{ $column }` yn golofn fewnforio: defnyddiwch un o { $columns } neu ignore
error-map-column-near = --map: nid yw `{ $column }` yn golofn fewnforio (oeddech chi'n golygu `{ $near }`?): defnyddiwch un o { $columns } neu ignore
error-import-columns-clash = { $file }: mae'r colofnau `{ $first }` a `{ $second }` ill dwy'n cael eu darllen fel `{ $column }`: ailenwch un, neu --map "{ $second }=ignore"
error-import-columns-clash-map = { $file }: mae'r colofnau `{ $first }` a `{ $second }` ill dwy'n cael eu darllen fel `{ $column }` gan --map: ailenwch un, neu --map "{ $second }=ignore"
error-import-column-twice = { $file }: mae'r golofn `{ $column }` ddwywaith yn y rhes bennawd
error-import-no-column =
    { $count ->
        [one] does dim colofn `{ $first }` yn { $file }: { $hint }
       *[other] does dim colofn `{ $first }` na `{ $second }` yn { $file }: { $hint }
    }
error-import-hint-semicolons = mae hanner colonau rhwng y celloedd: cadwch hi fel "CSV (comma delimited)"
error-import-hint-map = rhaid i'r rhes bennawd enwi o leiaf opened a title; dywedwch pa rai o'i cholofnau ydyn nhw â --map, e.e. --map "{ $header }={ $column }"
error-import-hint-needed = rhaid i'r rhes bennawd enwi o leiaf opened a title
# Allforiad casebook (JSON) na ellir ei fewnforio.
error-export-not-utf8 = nid yw { $file } yn allforiad casebook: nid testun UTF-8 mohono
error-export-not-json = nid yw { $file } yn allforiad casebook: llinell { $line }: { $detail }
error-export-not-ours = mae { $file } yn JSON ond nid yn allforiad casebook (dim "format": "{ $format }")
error-export-newer-version = ysgrifennwyd { $file } gan casebook mwy newydd (fersiwn allforio { $found }, mae'r rhaglen hon yn darllen hyd at { $known }): gosodwch y casebook mwy newydd
error-export-newer-schema = ysgrifennwyd { $file } gan casebook mwy newydd (sgema { $found }, mae'r rhaglen hon yn gwybod hyd at { $known }): gosodwch y casebook mwy newydd
error-export-invalid = nid yw { $file } yn allforiad casebook dilys: llinell { $line } colofn { $column }: { $detail }

## Errors made where they arose (issue 17: every message from the catalogue).
## `error-io`: what casebook was doing, then the system's reason (io-*).
error-io = { $doing }: { $problem }
doing-terminal = methodd y derfynell
doing-use = ni ellir defnyddio { $path }
doing-create = ni ellir creu { $path }
doing-find-program = ni ellir dod o hyd i raglen casebook i ddechrau ei hasiant
doing-start-agent = ni ellir dechrau asiant casebook
doing-listen = ni ellir gwrando ar { $path }
doing-protect = ni ellir diogelu { $path }
doing-read-stdin = ni ellir darllen y mewnbwn safonol
doing-create-backups = ni ellir creu'r ffolder copïau wrth gefn { $path }
doing-read-backups = ni ellir darllen y ffolder copïau wrth gefn { $path }
doing-remove-backup = ni ellir dileu'r hen gopi wrth gefn { $path }
doing-read-link = ni ellir darllen y ddolen { $path }
doing-replace-demo = ni ellir disodli'r hen ddyddiadur enghreifftiol { $path }
doing-create-data = ni ellir creu'r ffolder data { $path }
doing-move-aside = ni ellir symud { $path } o'r ffordd
doing-restore = ni ellir rhoi'r copi wrth gefn yn ei le yn { $path }
doing-write-stdout = ni ellir ysgrifennu i'r allbwn safonol
doing-read-answer = ni ellir darllen yr ateb o'r derfynell
doing-remember-mapping = ni ellir cofio sut mae'r colofnau'n cyfateb
doing-remember-mapping-in = ni ellir cofio sut mae'r colofnau'n cyfateb yn { $path }
doing-write-rejects = ni ellir ysgrifennu'r rhesi a wrthodwyd
doing-write-manual = ni ellir ysgrifennu'r dudalen llawlyfr
doing-encrypt = ni ellir amgryptio'r ffeil
doing-sync = ni ellir cadw { $path } ar y ddisg
doing-remove = ni ellir dileu { $path }
doing-replace = ni ellir disodli { $path }
doing-read-config = ni ellir darllen y ffeil ffurfweddu { $path }
doing-read-messages = ni ellir darllen y ffolder negeseuon { $path }
doing-read-message-file = ni ellir darllen y ffeil negeseuon { $path }
doing-write-summary = ni ellir ysgrifennu'r crynodeb
doing-read-summary = ni ellir darllen y crynodeb { $path }
doing-write-export = ni ellir ysgrifennu'r allforio
doing-write-csv-export = ni ellir ysgrifennu'r allforio CSV
doing-write-json = ni ellir ysgrifennu JSON
doing-write-patterns = ni ellir ysgrifennu'r patrymau
doing-write-sar = ni ellir ysgrifennu'r allforio mynediad at ddata
doing-write-comparison = ni ellir ysgrifennu'r gymhariaeth
doing-write-review-json = ni ellir ysgrifennu'r adolygiad fel JSON
doing-write-template = ni ellir ysgrifennu'r templed
doing-write-template-file = ni ellir ysgrifennu'r templed { $path }
## A kind of record, named in a refused export or import.
record-kind = { $what ->
    [case] achos
    [contact] cyswllt
    [case-person] person ar achos
    [directory-entry] cofnod yn y cyfeiriadur
    [entry] cofnod
    [follow-up] dilyniant
    [referral] atgyfeiriad
    [surgery] cymhorthfa
    [tombstone] cofnod dileu
    [attachment] atodiad
   *[other] cofnod
}
error-agent-dir-not-private = nid yw { $path } yn ffolder i chi yn unig (rhaid mai chi biau hi, modd 0700): ni chadwyd y sesiwn
error-agent-not-started = ni ddechreuodd asiant casebook
error-agent-no-runtime-dir = does dim ffolder rhedeg ar gyfer yr asiant
error-summary-not-json = ni ellir darllen y crynodeb { $path }: { $detail }
error-import-not-csv = nid yw { $file } yn ffeil CSV gywir: { $detail }
error-export-missing-record = nid yw { $file } yn allforio casebook cyson: mae { $from } { $from_uuid } yn cyfeirio at { $what } { $uuid }, nad yw yn y ffeil
error-export-bad-timestamp = nid yw { $file } yn allforio casebook dilys: mae gan { $what } { $uuid } y stamp amser `{ $stamp }`, nad yw'n RFC 3339
error-export-link-missing = nid yw'r allforio yn gyson: mae { $from } { $from_uuid } yn cyfeirio at { $what } { $uuid }, nad yw yn y ffeil
error-export-record-refused = ni ellir llwytho { $what } { $uuid } o'r allforio: { $detail }
error-export-counter-refused = ni ellir llwytho rhifydd cyfeirnodau { $year } o'r allforio: { $detail }
error-import-not-empty = nid yw'r dyddiadur yn wag: dim ond i gronfa ddata newydd, wag y gellir mewnforio allforio casebook (rhowch --db gydag enw ffeil newydd)
error-import-line = llinell { $line }: { $problem }; ni fewnforiwyd dim
error-runs-before-diary = mae'r gorchymyn hwn yn rhedeg cyn agor y dyddiadur
error-key-malformed = nid yw'r allwedd yn gywir
error-passphrase-too-long = mae'r cyfrinymadrodd yn rhy hir
error-key-not-derived = ni ellir creu'r allwedd (methodd OpenSSL)
error-attachment-id = nid yw `{ $input }` yn rhif nac yn UUID atodiad (gweler `casebook attachment list CYFEIRNOD`)
error-draft-kind = dim ond e-bost neu lythyr allan all fod yn ddrafft
error-entry-refused = cofnod { $uuid }: { $detail }
error-attachment-not-base64 = atodiad { $uuid }: nid yw ei ddata yn base64
error-attachment-altered = atodiad { $uuid }: nid yw ei ddata yn cyfateb i'w sha256 (cafodd y ffeil ei newid neu ei thorri'n fyr)
error-hub-unknown-kind = anfonodd yr hyb fath anhysbys o gofnod `{ $kind }`
error-not-joined = nid yw'r dyddiadur hwn wedi ymuno â hyb
error-hub-attachment-altered = anfonodd yr hyb atodiad { $uuid } nad yw ei beitiau'n cyfateb i'w SHA-256
error-upgrade-failed = ni ellir uwchraddio'r gronfa ddata: { $detail }; ni newidiwyd y ffeil
error-device-name = enw dyfais `{ $name }`: defnyddiwch 1 i 40 o lythrennau bach, digidau, - neu _
error-device-user-empty = --user: rhowch enw'r cynghorydd
error-device-taken = mae dyfais o'r enw { $name } ar yr hyb yn barod; dewiswch enw arall
error-copy-schema = fersiwn sgema'r copi { $path } yw { $found }, nid { $expected }; cafodd ei ddileu
error-erase-wal-busy = mae'r dileu wedi'i gadw, ond mae rhaglen arall wedi agor y dyddiadur, felly gall hen gopïau o'r testun aros yn y log ysgrifennu ymlaen llaw: caewch bob casebook arall a rhedeg y gorchymyn eto
error-bulk-raced = ysgrifennu swmp: cadwyd { $what } fel rhes { $got }, nid { $want }: ysgrifennodd rhaglen arall i'r ffeil ar yr un pryd
error-bulk-index = ni ellir mynegeio { $table }: sbardun annisgwyl
error-rekey-schema = nid yw { $path } yn ddyddiadur casebook y gall y rhaglen hon ei ailysgrifennu (fersiwn sgema { $version }); ni newidiwyd dim
error-rekey-rows-differ = nid yw'r copi newydd yn dal yr un rhesi ({ $copied } yn erbyn { $counts }); ni newidiwyd { $path }
error-publicise-closed = ni ellir cyhoeddi achos { $reference }: cafodd ei gau fel { $outcome }; dim ond achos a ddatryswyd yn foddhaol y gellir ei gyhoeddi
error-publicise-status = ni ellir cyhoeddi achos { $reference }: ei statws yw { $status }; dim ond achos a ddatryswyd yn foddhaol y gellir ei gyhoeddi
error-no-home = ni ellir dod o hyd i ffolder cartref: rhowch --db a --config
error-catalogue-override = { $path } llinell { $line }: { $detail }
error-template-unknown = does dim templed `{ $name }`: y templedi yw { $known }
error-template-broken = templed `{ $name }` ({ $lang }): llinell { $line }: { $detail }
error-draft-bad-address = nid yw `{ $address }` yn gyfeiriad e-bost y gellir anfon drafft ato
error-draft-build = ni ellir creu'r drafft: { $detail }
## The shared hub. `error-hub-said`: what casebook asked, then the hub's
## (or the connection's) own words.
error-hub-said = { $doing }: { $detail }
error-hub-upgrade = mae'r hyb yn dal cofnodion o casebook mwy newydd (sgema { $schema }): gosodwch y casebook newydd ar y ddyfais hon, yna cysonwch
error-hub-not-registered = gwrthododd yr hyb y ddyfais hon: cafodd ei dirymu neu ni chafodd ei ychwanegu erioed (gofynnwch i bwy bynnag sy'n rhedeg yr hyb)
hub-doing-push = gwrthododd yr hyb yr anfon
hub-doing-read = ni ellir darllen yr hyb
hub-doing-create = ni ellir creu'r hyb
hub-doing-upgrade = ni ellir uwchraddio'r hyb
error-hub-none = nid oes hyb casebook yn y gronfa ddata { $database }: gwnewch un gyda `casebook hub init`
error-hub-newer = cafodd yr hyb ei wneud neu ei uwchraddio gan casebook mwy newydd (sgema'r hyb { $found }; mae'r casebook hwn yn gwybod hyd at { $known }): ni newidiwyd dim; uwchraddiwch ef gyda'r casebook hwnnw
error-hub-older = mae'r hyb yn hŷn na'r casebook hwn (sgema'r hyb { $found }, mae angen { $needed } ar y casebook hwn): dylai gweinyddwr yr hyb redeg `casebook hub upgrade`; ni anfonwyd dim
hub-doing-add-device = ni ellir ychwanegu'r ddyfais
hub-doing-revoke = ni ellir dirymu'r ddyfais
hub-doing-end-sessions = ni ellir dod â sesiynau'r ddyfais i ben
hub-doing-scrub = ni ellir glanhau'r hyb
hub-doing-sync = gwrthododd yr hyb y cysoni
hub-doing-pull = ni ellir tynnu o'r hyb
hub-doing-attachment = gwrthododd yr hyb atodiad
hub-doing-reach = ni ellir cyrraedd yr hyb yn { $host }:{ $port }
hub-doing-tls = ni ellir gosod TLS
hub-doing-read-ca = ni ellir darllen { $path }
error-hub-bad-url = nid yw URL yr hyb yn URL PostgreSQL: { $detail }
error-hub-no-host = nid yw URL yr hyb yn enwi gwesteiwr: ysgrifennwch ef fel postgresql://DEFNYDDIWR:CYFRINAIR@GWESTEIWR:PORTH/CRONFA
error-hub-exists = mae'r gronfa ddata { $name } yn dal hyb casebook yn barod; ni newidiwyd dim
io-refused = gwrthodwyd y cysylltiad
io-timed-out = dim ateb mewn pryd
io-unreachable = ni all y rhwydwaith ei gyrraedd
## Why a diary or a backup is damaged (after "the database … is damaged: ").
corrupt-malformed-check = mae SQLite yn dweud bod y ffeil wedi'i difrodi; rhedwch `casebook check`, sy'n enwi'r copi wrth gefn diweddaraf
corrupt-malformed-restore = mae SQLite yn dweud bod y ffeil wedi'i difrodi; adferwch y copi wrth gefn diweddaraf â `casebook restore { $backup }`
corrupt-malformed-no-backup = mae SQLite yn dweud bod y ffeil wedi'i difrodi, a does dim copi wrth gefn ohoni; cadwch gopi o'r ffeil yn rhywle diogel cyn rhoi cynnig ar ddim
corrupt-check-restore = { $count ->
    [one] cafwyd 1 broblem
    [two] cafwyd 2 broblem
   *[other] cafwyd { $count } o broblemau
}; adferwch y copi wrth gefn diweddaraf â `casebook restore { $backup }`
corrupt-check-no-backup = { $count ->
    [one] cafwyd 1 broblem
    [two] cafwyd 2 broblem
   *[other] cafwyd { $count } o broblemau
}, a does dim copi wrth gefn ohoni; cadwch gopi o'r ffeil yn rhywle diogel cyn rhoi cynnig ar ddim
corrupt-backup-integrity = { $count ->
    [one] cafodd integrity_check 1 broblem
    [two] cafodd integrity_check 2 broblem
   *[other] cafodd integrity_check { $count } o broblemau
}, y gyntaf: { $first }; dewiswch gopi wrth gefn arall
corrupt-copy-integrity = methodd y copi ei wiriad cywirdeb ({ $first }); cafodd ei ddileu
corrupt-unreadable = nid oedd modd ei darllen; rhedwch `casebook check` yn gyntaf
