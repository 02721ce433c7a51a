//! The inventing: one ChaCha8 stream draws every case's dates, people,
//! words and lifecycle, and answers with plans ([`super::plan`]). No store:
//! the same seed and clock give the same plans, whoever saves them.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::draw::pick_weighted;
use super::places::{self, Places, Street};
use super::plan::{
    CallPlan, CasePlan, EntryPlan, FollowUpPlan, Listed, PersonNo, ReferralPlan, SurgeryNo,
    plan_entry,
};
use super::texts::{self, Place, TOPICS, Topic};
use super::{Options, YEARS, directory, names};
use crate::domain::text::fold;
use crate::domain::workdays::add_working_days;
use crate::domain::{
    AgeBand, Case, CaseKind, CaseStatus, Channel, Contact, ContactKind, EntryKind, Instruction,
    Outcome, PreferredContact, Role, Surgery,
};

/// A case's opening: what is fixed before the cases are put in date order.
#[derive(Debug, Clone)]
pub(super) struct Opening {
    pub(super) opened: NaiveDate,
    channel: Channel,
    kind: Option<CaseKind>,
    category: Option<&'static str>,
    surgery: Option<usize>,
    cluster: Option<ClusterCase>,
}

#[derive(Debug, Clone)]
struct ClusterCase {
    topic: usize,
    /// The location as this constituent wrote it (`None`: postcode only).
    location: Option<&'static str>,
    /// The place as the councillor writes it in titles.
    place: &'static str,
    /// The street the constituent lives on, and its postcode sector.
    street: &'static str,
    sector: &'static str,
}

/// A planted cluster: one category, one area, cases within a few weeks.
struct ClusterSpec {
    title: &'static str,
    /// Location as each constituent wrote it: case and spacing differ.
    locations: &'static [Option<&'static str>],
    streets: &'static [&'static str],
    sector: &'static str,
    /// Days before today each case was opened.
    days_ago: &'static [i64],
}

const CLUSTERS: &[ClusterSpec] = &[
    // "Four separate cases of wheeled bins not being emptied on one estate."
    ClusterSpec {
        title: "Missed bin collections on {loc}",
        locations: &[
            Some("The Oaks estate"),
            Some("the oaks estate"),
            Some("The Oaks  Estate"),
            Some("THE OAKS ESTATE"),
        ],
        streets: &["The Oaks estate"],
        sector: "CF5 3",
        days_ago: &[38, 31, 24, 19],
    },
    ClusterSpec {
        title: "Pavement parking at school times on {loc}",
        locations: &[
            Some("Heol y Coed"),
            Some("heol y coed"),
            Some("Heol Y  Coed"),
        ],
        streets: &["Heol y Coed"],
        sector: "CF14 6",
        days_ago: &[150, 141, 128],
    },
    // Housing benefit problems in one postcode sector: a new computer system?
    ClusterSpec {
        title: "Housing benefit payments stopped",
        locations: &[None, None, None],
        streets: &["Moorland Road", "Habershon Street", "Carlisle Street"],
        sector: "CF24 2",
        days_ago: &[400, 385, 371],
    },
    ClusterSpec {
        title: "Groups gathering and noise late at night at {loc}",
        locations: &[
            Some("Maes-y-Dre garages"),
            Some("maes-y-dre garages"),
            Some("Maes-y-Dre Garages"),
        ],
        streets: &["Maes-y-Dre"],
        sector: "SA5 4",
        days_ago: &[12, 7, 2],
    },
];

#[derive(Debug, Clone)]
struct Resident {
    id: PersonNo,
    first: String,
    street: usize,
    postcode: String,
    preferred: PreferredContact,
}

struct OfficeRef {
    id: PersonNo,
    name: &'static str,
    department: &'static str,
    organisation: &'static str,
    kind: ContactKind,
    ref_prefix: Option<&'static str>,
}

struct SurgeryRef {
    id: SurgeryNo,
    held_on: NaiveDate,
    start: NaiveDateTime,
}

/// What a case is about and who brought it: the first step's answers,
/// which the later steps read.
struct About {
    kind: CaseKind,
    topic: &'static Topic,
    me: Resident,
    /// The constituent's street.
    street: Street,
    location: Option<String>,
    postcode: String,
    /// Where it is, in words, for the texts.
    loc_text: String,
    /// On an indirect query: whom it is for, their first name, the relation.
    on_behalf: Option<(PersonNo, String, &'static str)>,
    /// The values of the topic's text placeholders.
    vars: Vec<(&'static str, String)>,
}

/// The case's own words.
struct Story {
    title: String,
    facts: String,
    wants: String,
    history: Option<String>,
    others_involved: Option<String>,
}

/// The course the case takes, decided before any of it is written.
struct Course {
    opened: NaiveDate,
    /// The office the topic goes to (an index into the offices).
    office: usize,
    refer: bool,
    consent: Option<bool>,
    /// Days from opening to today.
    age: i64,
    will_close: bool,
}

/// How the case stands today.
struct Ending {
    status: CaseStatus,
    closed: Option<NaiveDate>,
    outcome: Option<Outcome>,
    satisfaction: Option<u8>,
    feedback: Option<String>,
}

pub(super) struct Generator {
    rng: ChaCha8Rng,
    today: NaiveDate,
    now: NaiveDateTime,
    reply_days: u32,
    places: Places,
    offices: Vec<OfficeRef>,
    councillors: Vec<PersonNo>,
    surgeries: Vec<SurgeryRef>,
    surgery_dates: Vec<(NaiveDate, NaiveDateTime)>,
    residents: Vec<Resident>,
    people_made: u32,
    /// Every contact planned so far, officers included: the next one's number.
    contacts_planned: usize,
    phones_made: u32,
    pub(super) clusters_planted: usize,
}

impl Generator {
    pub(super) fn new(opts: &Options) -> Generator {
        let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
        let places = Places::new(&mut rng);
        Generator {
            rng,
            today: opts.now.date(),
            now: opts.now,
            reply_days: opts.reply_days,
            places,
            offices: Vec::new(),
            councillors: Vec::new(),
            surgeries: Vec::new(),
            surgery_dates: Vec::new(),
            residents: Vec::new(),
            people_made: 0,
            contacts_planned: 0,
            phones_made: 0,
            clusters_planted: 0,
        }
    }

    // ---- planning -------------------------------------------------------

    /// Draws every case's date and channel, plants the clusters, and puts
    /// them in date order. Small demos still show every kind, category and
    /// channel: the first plans take each in turn.
    pub(super) fn openings(&mut self, n: usize) -> Vec<Opening> {
        self.plan_surgeries(n);
        let mut plans = Vec::with_capacity(n);
        let cluster_cases: usize = CLUSTERS.iter().map(|c| c.days_ago.len()).sum();
        if n >= cluster_cases * 3 {
            for spec in CLUSTERS {
                let topic = TOPICS
                    .iter()
                    .position(|t| t.title == spec.title)
                    .unwrap_or(0);
                for (i, days) in spec.days_ago.iter().enumerate() {
                    let channel = *pick_weighted(&mut self.rng, CHANNELS);
                    plans.push(Opening {
                        opened: self.weekday_before(self.today - Duration::days(*days)),
                        channel: if channel == Channel::Surgery {
                            Channel::Phone
                        } else {
                            channel
                        },
                        kind: None,
                        category: None,
                        surgery: None,
                        cluster: Some(ClusterCase {
                            topic,
                            location: spec.locations[i % spec.locations.len()],
                            place: spec.locations[0].unwrap_or(spec.streets[0]),
                            street: spec.streets[i % spec.streets.len()],
                            sector: spec.sector,
                        }),
                    });
                }
                self.clusters_planted += 1;
            }
        }
        let categories = distinct_categories();
        let mut i = 0usize;
        while plans.len() < n {
            let mut opened = self.draw_opened();
            let mut channel = match Channel::ALL.get(i) {
                Some(c) => *c,
                None => *pick_weighted(&mut self.rng, CHANNELS),
            };
            let mut surgery = None;
            if channel == Channel::Surgery {
                match self.surgery_on_or_before(opened) {
                    Some(s) => {
                        opened = self.surgery_dates[s].0;
                        surgery = Some(s);
                    }
                    None => channel = Channel::InPerson,
                }
            }
            plans.push(Opening {
                opened,
                channel,
                kind: CaseKind::ALL.get(i).copied(),
                category: categories.get(i).copied(),
                surgery,
                cluster: None,
            });
            i += 1;
        }
        // Date order; ties keep the order drawn (a stable sort).
        plans.sort_by_key(|p| p.opened);
        plans
    }

    /// A date in the last five years, more of them recent (casework grows as
    /// a councillor becomes known), fewer at weekends.
    fn draw_opened(&mut self) -> NaiveDate {
        let years_ago = *pick_weighted(
            &mut self.rng,
            &[(0i64, 30), (1, 24), (2, 19), (3, 15), (4, 12)],
        );
        let days = years_ago * 365 + self.rng.random_range(0..365);
        let d = self.today - Duration::days(days);
        match d.weekday() {
            Weekday::Sat | Weekday::Sun if self.rng.random_bool(0.7) => self.weekday_before(d),
            _ => d,
        }
    }

    /// The weekday on or before `d`.
    fn weekday_before(&self, mut d: NaiveDate) -> NaiveDate {
        while is_weekend(d) {
            d -= Duration::days(1);
        }
        d
    }

    /// Ward surgeries: the first Saturday of each month for five years and
    /// the next two months, more often for very large demos.
    fn plan_surgeries(&mut self, n: usize) {
        let per_month = (1 + n / 20_000).min(4) as i64;
        let start = self.today - Duration::days(YEARS * 365);
        let (mut y, mut m) = (start.year(), start.month());
        let end = self.today + Duration::days(62);
        while let Some(first) = NaiveDate::from_ymd_opt(y, m, 1) {
            if first > end {
                break;
            }
            let offset = (7 + Weekday::Sat.num_days_from_monday() as i64
                - first.weekday().num_days_from_monday() as i64)
                % 7;
            for k in 0..per_month {
                let d = first + Duration::days(offset + 7 * k);
                if d >= start && d <= end {
                    let start = d.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default());
                    self.surgery_dates.push((d, start));
                }
            }
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
    }

    /// The latest past surgery on or before `d`.
    fn surgery_on_or_before(&self, d: NaiveDate) -> Option<usize> {
        let i = self.surgery_dates.partition_point(|(held, _)| *held <= d);
        i.checked_sub(1)
            .filter(|&i| self.surgery_dates[i].0 <= self.today)
    }

    // ---- the directory and the surgeries ----------------------------------

    /// A new contact, numbered in the order the writer will save it.
    fn contact(&mut self, new_people: &mut Vec<Contact>, c: Contact) -> PersonNo {
        new_people.push(c);
        let n = PersonNo(self.contacts_planned);
        self.contacts_planned += 1;
        n
    }

    /// The officers, agencies and fellow councillors, before any case.
    pub(super) fn directory(&mut self) -> Vec<Listed> {
        let mut out = Vec::new();
        let mut people = Vec::new();
        for o in directory::OFFICES {
            let id = self.contact(
                &mut people,
                Contact {
                    name: o.name.to_string(),
                    kind: Some(o.kind),
                    organisation: Some(o.organisation.to_string()),
                    department: Some(o.department.to_string()),
                    role: Some(o.role.to_string()),
                    phone: Some(o.phone.to_string()),
                    email: Some(o.email.to_string()),
                    preferred_contact: Some(PreferredContact::Email),
                    ..Default::default()
                },
            );
            out.push(Listed {
                contact: people.pop().unwrap_or_default(),
                handles: Some((
                    o.handles.to_string(),
                    o.categories.iter().map(|c| c.to_string()).collect(),
                )),
            });
            self.offices.push(OfficeRef {
                id,
                name: o.name,
                department: o.department,
                organisation: o.organisation,
                kind: o.kind,
                ref_prefix: o.ref_prefix,
            });
        }
        for (name, role) in directory::COUNCILLORS {
            let id = self.contact(
                &mut people,
                Contact {
                    name: name.to_string(),
                    kind: Some(ContactKind::Councillor),
                    organisation: Some(directory::COUNCIL.to_string()),
                    role: Some(role.to_string()),
                    preferred_contact: Some(PreferredContact::Email),
                    ..Default::default()
                },
            );
            out.push(Listed {
                contact: people.pop().unwrap_or_default(),
                handles: None,
            });
            self.councillors.push(id);
        }
        out
    }

    /// The ward surgeries, in date order.
    pub(super) fn surgeries(&mut self) -> Vec<Surgery> {
        let dates = std::mem::take(&mut self.surgery_dates);
        let mut out = Vec::with_capacity(dates.len());
        for (i, (held_on, start)) in dates.iter().enumerate() {
            let venue = places::VENUES[i % places::VENUES.len()];
            let notes = match self.rng.random_range(0..10) {
                0 => Some("PCSO Parry joined for the first hour."),
                1 => Some(
                    "Caretaker on site; sat by the door with a colleague (safe-surgery arrangements).",
                ),
                2 => Some("Quiet morning: the weather kept people away."),
                3 => Some("Advertised on the ward Facebook page and in the library."),
                _ => None,
            };
            out.push(Surgery {
                held_on: *held_on,
                venue: venue.to_string(),
                started_at: Some(*start),
                ended_at: Some(*start + Duration::hours(2)),
                notes: notes.map(String::from),
            });
            self.surgeries.push(SurgeryRef {
                id: SurgeryNo(i),
                held_on: *held_on,
                start: *start,
            });
        }
        self.surgery_dates = dates;
        out
    }

    // ---- people --------------------------------------------------------------

    fn new_resident(&mut self, new_people: &mut Vec<Contact>, street: usize) -> Resident {
        // Small demos still show every age band: the first people take each.
        let forced = AgeBand::ALL.get(self.people_made as usize).copied();
        let p = names::person(&mut self.rng, forced);
        self.people_made += 1;
        let s = &self.places.streets[street];
        let postcode = s.postcode(&mut self.rng);
        let house = if self.rng.random_bool(0.15) {
            format!(
                "Flat {}, {}",
                self.rng.random_range(1..30),
                self.rng.random_range(1..120)
            )
        } else {
            self.rng.random_range(1..160).to_string()
        };
        let address = format!("{house} {}, {}", s.name, s.town);
        let email = self.rng.random_bool(0.6).then(|| {
            let local: String = format!("{}.{}", fold(&p.first), fold(&p.surname))
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect();
            let domain =
                ["example.com", "example.org", "example.net"][self.people_made as usize % 3];
            format!("{local}{}@{domain}", self.people_made)
        });
        let phone = self.rng.random_bool(0.75).then(|| self.phone());
        let caution = (self.people_made % 97 == 13 || self.rng.random_bool(0.003)).then(|| {
            texts::CAUTIONS
                .choose(&mut self.rng)
                .copied()
                .unwrap_or_default()
                .to_string()
        });
        let id = self.contact(
            new_people,
            Contact {
                name: p.name(),
                kind: Some(ContactKind::Constituent),
                address: Some(address),
                postcode: Some(postcode.clone()),
                phone,
                email,
                preferred_contact: Some(p.preferred),
                gender: p.gender,
                age_band: p.age_band,
                ethnicity: p.ethnicity,
                employment_status: p.employment,
                caution,
                ..Default::default()
            },
        );
        Resident {
            id,
            first: p.first,
            street,
            postcode,
            preferred: p.preferred,
        }
    }

    /// Numbers from Ofcom's ranges reserved for drama, so no real line is
    /// ever rung: 3,000 of them, handed out in turn.
    fn phone(&mut self) -> String {
        let n = self.phones_made % 2_900;
        self.phones_made += 1;
        match n / 1_000 {
            0 => format!("07700 900{:03}", n % 1_000),
            1 => format!("01632 960{:03}", n % 1_000),
            _ => format!("029 2018 0{:03}", n % 1_000),
        }
    }

    /// The constituent of a new case: sometimes someone who has been in
    /// touch before (repeat constituents), usually someone new.
    fn constituent(
        &mut self,
        new_people: &mut Vec<Contact>,
        cluster: Option<&ClusterCase>,
    ) -> Resident {
        if let Some(c) = cluster {
            let street = self.places.named(c.street, c.sector);
            return self.new_resident(new_people, street);
        }
        if !self.residents.is_empty() && self.rng.random_bool(0.18) {
            // Recent contacts are likelier to come back.
            let len = self.residents.len();
            let back = (self.rng.random::<f64>().powi(2) * len as f64) as usize;
            return self.residents[len - 1 - back.min(len - 1)].clone();
        }
        let street = self.places.street(&mut self.rng);
        let r = self.new_resident(new_people, street);
        self.residents.push(r.clone());
        r
    }

    // ---- one case ------------------------------------------------------------

    /// One case, start to finish: who and what, its course (referral,
    /// reply, closing), the diary, the follow-ups. Each step draws from the
    /// one stream in a fixed order, so one seed gives one case.
    pub(super) fn case(&mut self, plan: &Opening, reference: String) -> CasePlan {
        let mut new_people = Vec::new();
        let about = self.about(plan, &mut new_people);
        let mut story = self.story(&about);
        let course = self.course(plan, &about);
        let (referral, late) = if course.refer {
            let (r, late) = self.referral(&about, &story, &course);
            (Some(r), late)
        } else {
            (None, false)
        };
        let end = self.ending(referral.as_ref(), &course);
        let fellow = self.fellow(about.kind);
        if fellow.is_some() {
            story.others_involved =
                Some("A fellow ward councillor has been asked about this too.".into());
        }
        let promised_by = self
            .rng
            .random_bool(0.75)
            .then(|| add_working_days(plan.opened, if self.rng.random_bool(0.7) { 10 } else { 5 }));
        let surgery = plan.surgery.map(|s| self.surgeries[s].id);
        let case = self.case_record(reference, plan, &about, &story, &course, &end, promised_by);

        let mut people = vec![(about.me.id, Role::Constituent)];
        if let Some((id, _, _)) = &about.on_behalf {
            people.push((*id, Role::OnBehalfOf));
        }
        if let Some(id) = fellow {
            people.push((id, Role::Other));
        }
        if let Some(r) = &referral {
            people.push((r.to, self.office_role(r.to)));
        }
        let (entries, last_entry) =
            self.diary(plan, &about, &story, referral.as_ref(), late, &end, surgery);
        let follow_ups = self.follow_ups(
            &about,
            referral.as_ref(),
            end.closed,
            plan.opened,
            last_entry,
        );
        CasePlan {
            new_people,
            case,
            surgery,
            people,
            referral,
            entries,
            follow_ups,
        }
    }

    /// Who brought the case and what it is about: the topic, the
    /// constituent, where, and on an indirect query whom it is for.
    fn about(&mut self, plan: &Opening, new_people: &mut Vec<Contact>) -> About {
        let (topic, kind) = self.topic_and_kind(plan);
        let topic: &'static Topic = &TOPICS[topic];
        let me = self.constituent(new_people, plan.cluster.as_ref());
        let street: Street = self.places.streets[me.street].clone();
        let (location, postcode) = self.whereabouts(plan, topic, &me, &street);
        let loc_text = match &plan.cluster {
            Some(c) => c.place.to_string(),
            None => location.clone().unwrap_or_else(|| street.name.clone()),
        };
        let on_behalf = (kind == CaseKind::IndirectQuery).then(|| self.relative(new_people));
        let subj = on_behalf
            .as_ref()
            .map(|o| o.1.clone())
            .unwrap_or_else(|| me.first.clone());
        let vars = self.vars(plan.opened, &loc_text, &subj);
        About {
            kind,
            topic,
            me,
            street,
            location,
            postcode,
            loc_text,
            on_behalf,
            vars,
        }
    }

    /// Where the case is: its location (if it has one) and postcode.
    fn whereabouts(
        &mut self,
        plan: &Opening,
        t: &Topic,
        me: &Resident,
        street: &Street,
    ) -> (Option<String>, String) {
        match (&plan.cluster, t.place) {
            (Some(c), _) => (c.location.map(String::from), me.postcode.clone()),
            (None, Place::Home) => (Some(street.name.clone()), me.postcode.clone()),
            (None, Place::Personal) => (None, me.postcode.clone()),
            (None, Place::Near) => {
                let other = if self.rng.random_bool(0.5) {
                    me.street
                } else {
                    self.places.street(&mut self.rng)
                };
                let s = self.places.streets[other].clone();
                let loc = if self.rng.random_bool(0.5) {
                    places::landmark(&mut self.rng, &s.name)
                } else {
                    s.name.clone()
                };
                (Some(loc), s.postcode(&mut self.rng))
            }
        }
    }

    /// Whom an indirect query is about: a relative, a new contact; with
    /// their first name and how they are related.
    fn relative(&mut self, new_people: &mut Vec<Contact>) -> (PersonNo, String, &'static str) {
        let relation = texts::RELATIONS
            .choose(&mut self.rng)
            .copied()
            .unwrap_or("mother");
        let surname = names::surname(&mut self.rng);
        let (name, _) = names::relative(&mut self.rng, surname);
        let first = name.split(' ').next().unwrap_or("").to_string();
        let s = self.places.street(&mut self.rng);
        let st = self.places.streets[s].clone();
        let age = if matches!(
            relation,
            "mother" | "father" | "aunt" | "uncle" | "grandfather"
        ) {
            Some(*pick_weighted(
                &mut self.rng,
                &[
                    (AgeBand::Over75, 6),
                    (AgeBand::From65To74, 3),
                    (AgeBand::From45To64, 1),
                ],
            ))
        } else {
            None
        };
        let relative = Contact {
            name,
            kind: Some(ContactKind::Constituent),
            address: Some(format!(
                "{} {}, {}",
                self.rng.random_range(1..90),
                st.name,
                st.town
            )),
            postcode: Some(st.postcode(&mut self.rng)),
            age_band: age,
            preferred_contact: Some(PreferredContact::Phone),
            ..Default::default()
        };
        let id = self.contact(new_people, relative);
        (id, first, relation)
    }

    /// The case's words: title, facts, what they want, history, others.
    fn story(&mut self, a: &About) -> Story {
        let t = a.topic;
        let title = render(t.title, &a.vars);
        let mut facts = render(t.facts, &a.vars);
        if let Some((_, other, relation)) = &a.on_behalf {
            facts = format!(
                "{} is asking on behalf of {relation} {other}. {facts}",
                a.me.first
            );
        }
        let wants = render(t.wants, &a.vars);
        let history = self.rng.random_bool(0.7).then(|| {
            render(
                texts::HISTORY
                    .choose(&mut self.rng)
                    .copied()
                    .unwrap_or_default(),
                &a.vars,
            )
        });
        let others_involved = self.rng.random_bool(0.25).then(|| {
            texts::OTHERS
                .choose(&mut self.rng)
                .copied()
                .unwrap_or_default()
                .to_string()
        });
        Story {
            title,
            facts,
            wants,
            history,
            others_involved,
        }
    }

    /// The course the case takes: referred or not, consent to share, and
    /// whether it is closed by now.
    fn course(&mut self, plan: &Opening, a: &About) -> Course {
        let office = a.topic.office.and_then(|d| {
            self.offices
                .iter()
                .position(|o| o.department == d || o.organisation == d)
        });
        let refer = office.is_some() && (plan.cluster.is_some() || self.rng.random_bool(0.72));
        let consent = if refer {
            Some(self.rng.random_bool(0.9))
        } else {
            *pick_weighted(
                &mut self.rng,
                &[(Some(true), 5), (Some(false), 1), (None, 4)],
            )
        };
        let age = (self.today - plan.opened).num_days();
        // A councillor closes or chases old cases: very few stay open past a year.
        let p_closed = match age {
            a if a > 365 => 0.995,
            a if a > 180 => 0.97,
            a if a > 60 => 0.75,
            a if a > 21 => 0.45,
            _ => 0.12,
        };
        Course {
            opened: plan.opened,
            office: office.unwrap_or(0),
            refer,
            consent,
            age,
            will_close: self.rng.random_bool(p_closed),
        }
    }

    /// The referral to the topic's office, its reply if one came; and
    /// whether the reply is late (or still awaited past its due date).
    fn referral(&mut self, a: &About, story: &Story, course: &Course) -> (ReferralPlan, bool) {
        let wait = Duration::days(self.rng.random_range(0..3));
        let referred_on = self.next_workday(course.opened + wait).min(self.today);
        let due_on = add_working_days(referred_on, self.reply_days);
        // Old referrals were chased until answered; late ones are recent.
        let replied = if course.will_close || course.age > 120 {
            true
        } else if due_on < self.today {
            self.rng.random_bool(0.55)
        } else {
            self.rng.random_bool(0.25)
        };
        let reply_on = if replied {
            // One in five replies comes after the due date.
            let extra = if self.rng.random_bool(0.2) {
                self.reply_days + self.rng.random_range(1..8)
            } else {
                self.rng.random_range(1..=self.reply_days)
            };
            Some(add_working_days(referred_on, extra).min(self.today))
        } else {
            None
        };
        let late = reply_on.is_none_or(|r| r > due_on) && due_on < self.today;
        let o = &self.offices[course.office];
        let (to, kind, ref_prefix) = (o.id, o.kind, o.ref_prefix);
        let instruction = if course.consent == Some(true) && self.rng.random_bool(0.6) {
            Instruction::ReplyCopyMe
        } else {
            Instruction::ReplyThroughMe
        };
        let council_ref = ref_prefix.map(|p| {
            let n = self.rng.random_range(100..99_999);
            if kind == ContactKind::Agency {
                format!("{p}-{}-{n:06}", referred_on.year())
            } else {
                format!("{p}/{}/{n:05}", referred_on.year())
            }
        });
        let (loc_text, wants) = (&a.loc_text, &story.wants);
        let ask = match (course.consent, instruction) {
            (Some(false), _) => format!(
                "The resident does not want their details shared: please look into this as a general issue at {loc_text} and reply through me."
            ),
            (_, Instruction::ReplyCopyMe) => {
                format!("{wants} Please reply to the constituent and copy me in.")
            }
            (_, Instruction::ReplyThroughMe) => {
                format!("{wants} Please reply to me and I will pass it on.")
            }
        };
        let reply = reply_on.map(|_| {
            if course.will_close && self.rng.random_bool(0.15) {
                texts::REFUSALS
                    .choose(&mut self.rng)
                    .copied()
                    .unwrap_or_default()
                    .to_string()
            } else {
                render(a.topic.reply, &a.vars)
            }
        });
        let plan = ReferralPlan {
            to,
            referred_on,
            council_ref,
            instruction,
            note: Some(ask),
            constituent_copied: instruction == Instruction::ReplyCopyMe,
            due_on,
            reply_on,
            reply,
        };
        (plan, late)
    }

    /// How the case stands today: closed with an outcome (and perhaps the
    /// constituent's view of it), or its status while open.
    fn ending(&mut self, referral: Option<&ReferralPlan>, course: &Course) -> Ending {
        let (status, closed, outcome) = if course.will_close {
            let (closed, outcome) = self.closing(referral, course);
            (CaseStatus::Closed, Some(closed), Some(outcome))
        } else {
            (self.open_status(referral), None, None)
        };
        let (satisfaction, feedback) = self.satisfaction(outcome);
        Ending {
            status,
            closed,
            outcome,
            satisfaction,
            feedback,
        }
    }

    /// When a closed case closed, and how it ended.
    fn closing(
        &mut self,
        referral: Option<&ReferralPlan>,
        course: &Course,
    ) -> (NaiveDate, Outcome) {
        let opened = course.opened;
        let last_activity = referral
            .and_then(|r| r.reply_on.or(Some(r.referred_on)))
            .unwrap_or(opened);
        let spread = (self.rng.random::<f64>().powi(2) * 90.0) as i64;
        let closed = (last_activity + Duration::days(1 + spread.min(20)))
            .max(opened + Duration::days(spread))
            .min(self.today);
        let refused = referral
            .and_then(|r| r.reply.as_deref())
            .is_some_and(|r| texts::REFUSALS.contains(&r));
        let outcome = if refused {
            *pick_weighted(
                &mut self.rng,
                &[(Outcome::NotResolved, 3), (Outcome::PartlyResolved, 1)],
            )
        } else if course.refer {
            *pick_weighted(
                &mut self.rng,
                &[
                    (Outcome::Resolved, 14),
                    (Outcome::PartlyResolved, 4),
                    (Outcome::NotResolved, 1),
                    (Outcome::Withdrawn, 1),
                ],
            )
        } else {
            *pick_weighted(&mut self.rng, OUTCOMES)
        };
        (closed, outcome)
    }

    /// An open case's status: waiting on the office while a referral is
    /// unanswered, else open or waiting on someone.
    fn open_status(&mut self, referral: Option<&ReferralPlan>) -> CaseStatus {
        match referral {
            Some(r) if r.reply_on.is_none() => match self.office_role(r.to) {
                Role::Agency => CaseStatus::WaitingOther,
                _ => CaseStatus::WaitingCouncil,
            },
            Some(_) => *pick_weighted(
                &mut self.rng,
                &[(CaseStatus::Open, 2), (CaseStatus::WaitingConstituent, 1)],
            ),
            None => *pick_weighted(
                &mut self.rng,
                &[
                    (CaseStatus::Open, 5),
                    (CaseStatus::WaitingConstituent, 2),
                    (CaseStatus::WaitingOther, 1),
                ],
            ),
        }
    }

    /// The constituent's satisfaction with an outcome, sometimes, and
    /// sometimes a comment.
    fn satisfaction(&mut self, outcome: Option<Outcome>) -> (Option<u8>, Option<String>) {
        let satisfaction = outcome.filter(|_| self.rng.random_bool(0.5)).and_then(|o| {
            let s: u8 = match o {
                Outcome::Resolved => *pick_weighted(&mut self.rng, &[(5, 6), (4, 3), (3, 1)]),
                Outcome::PartlyResolved => *pick_weighted(&mut self.rng, &[(4, 2), (3, 3), (2, 1)]),
                Outcome::NotResolved => *pick_weighted(&mut self.rng, &[(1, 2), (2, 2), (3, 1)]),
                Outcome::ReferredElsewhere => *pick_weighted(&mut self.rng, &[(4, 2), (3, 2)]),
                Outcome::Withdrawn => return None,
            };
            Some(s)
        });
        let feedback = satisfaction.filter(|_| self.rng.random_bool(0.6)).map(|s| {
            texts::FEEDBACK[(s as usize).clamp(1, 5) - 1]
                .choose(&mut self.rng)
                .copied()
                .unwrap_or_default()
                .to_string()
        });
        (satisfaction, feedback)
    }

    /// A fellow ward councillor asked too: often on a community issue.
    fn fellow(&mut self, kind: CaseKind) -> Option<PersonNo> {
        let ask = (kind == CaseKind::CommunityIssue && self.rng.random_bool(0.3))
            || self.rng.random_bool(0.03);
        if ask {
            self.councillors.choose(&mut self.rng).copied()
        } else {
            None
        }
    }

    /// The case itself, as it stands today.
    #[allow(clippy::too_many_arguments)]
    fn case_record(
        &mut self,
        reference: String,
        plan: &Opening,
        a: &About,
        story: &Story,
        course: &Course,
        end: &Ending,
        promised_by: Option<NaiveDate>,
    ) -> Case {
        Case {
            reference,
            title: story.title.clone(),
            opened: plan.opened,
            closed: end.closed,
            kind: a.kind,
            category: a.topic.category.to_string(),
            channel: plan.channel,
            location: a.location.clone(),
            postcode: Some(a.postcode.clone()),
            facts: Some(story.facts.clone()),
            wants: Some(story.wants.clone()),
            history: story.history.clone(),
            others_involved: story.others_involved.clone(),
            status: end.status,
            outcome: end.outcome,
            outcome_note: None,
            satisfaction: end.satisfaction,
            feedback: end.feedback.clone(),
            promised_by,
            consent_to_share: course.consent,
            surgery: None,
            publicise: end.outcome == Some(Outcome::Resolved)
                && a.kind == CaseKind::CommunityIssue
                && self.rng.random_bool(0.4),
            contacted_on: None,
            // Asked when the case was taken.
            consent_on: course.consent.map(|_| plan.opened),
            shared: false,
        }
    }

    /// An office's name and department, by its contact.
    fn office_names(&self, to: PersonNo) -> (String, String) {
        self.offices
            .iter()
            .find(|o| o.id == to)
            .map(|o| (o.name.to_string(), o.department.to_string()))
            .unwrap_or_default()
    }

    /// The role of the office a case is referred to.
    fn office_role(&self, to: PersonNo) -> Role {
        if self
            .offices
            .iter()
            .any(|o| o.id == to && o.kind == ContactKind::Agency)
        {
            Role::Agency
        } else {
            Role::Officer
        }
    }

    // ---- one case's diary ------------------------------------------------------

    /// The diary: what happened, in order; and the entry its follow-up
    /// follows (the constituent told what is being done).
    #[allow(clippy::too_many_arguments)]
    fn diary(
        &mut self,
        plan: &Opening,
        a: &About,
        story: &Story,
        referral: Option<&ReferralPlan>,
        late: bool,
        end: &Ending,
        surgery: Option<SurgeryNo>,
    ) -> (Vec<EntryPlan>, usize) {
        let mut entries = Vec::new();
        let opened = plan.opened;
        let until = end.closed.unwrap_or(self.today);
        self.first_entry(&mut entries, plan, a, story, until, surgery);
        let last_entry = match referral {
            Some(r) => self.referral_entries(&mut entries, a, r, late, opened, until),
            None => self.got_back(&mut entries, a, opened, until),
        };
        // Going to see for yourself; meeting on site.
        if a.topic.place == Place::Near && self.rng.random_bool(0.3) {
            self.site_visit(&mut entries, a, referral, opened, until);
        }
        self.confidential_note(&mut entries, a, opened, until);
        // Back at a later surgery for news.
        if end.closed.is_none() && self.rng.random_bool(0.15) {
            self.surgery_return(&mut entries, a, opened);
        }
        if let (Some(closed), Some(outcome)) = (end.closed, end.outcome) {
            self.outcome_told(&mut entries, a, closed, outcome, end.satisfaction, opened);
        }
        (entries, last_entry)
    }

    /// How the case came in: the call, email, letter or visit.
    fn first_entry(
        &mut self,
        entries: &mut Vec<EntryPlan>,
        plan: &Opening,
        a: &About,
        story: &Story,
        until: NaiveDate,
        surgery: Option<SurgeryNo>,
    ) {
        let me = &a.me;
        let first_kind = first_entry_kind(plan.channel);
        let first_at = match plan.surgery {
            Some(s) => self.surgeries[s].start + Duration::minutes(self.rng.random_range(0..110)),
            None => self.moment(plan.opened, first_kind),
        };
        let intro = match first_kind {
            EntryKind::CallIn => format!("{} rang:", me.first),
            EntryKind::EmailIn if plan.channel == Channel::OnlineForm => {
                "Contact form on my website:".to_string()
            }
            EntryKind::EmailIn => format!("Email from {}:", me.first),
            EntryKind::LetterIn => format!("Letter from {}:", me.first),
            EntryKind::SurgeryVisit => format!("{} came to the surgery:", me.first),
            EntryKind::Doorstep if plan.channel == Channel::Campaign => {
                format!("Reply to the ward survey leaflet from {}:", me.first)
            }
            EntryKind::Doorstep => format!("Raised on the doorstep on {}:", a.street.name),
            EntryKind::SocialMedia => {
                format!("Message from {} on the ward Facebook page:", me.first)
            }
            EntryKind::Meeting => format!("{} stopped me outside the shops:", me.first),
            _ => format!("Passed on by a neighbour of {}:", me.first),
        };
        plan_entry(
            entries,
            EntryPlan {
                contact: Some(me.id),
                kind: first_kind,
                at: self.clamp(first_at, plan.opened, until),
                text: format!("{intro} {} Wants: {}", story.facts, story.wants),
                confidential: false,
                surgery,
            },
        );
    }

    /// The referral in the diary: made, the constituent told, chased if
    /// late, the reply. Returns the entry telling the constituent.
    fn referral_entries(
        &mut self,
        entries: &mut Vec<EntryPlan>,
        a: &About,
        r: &ReferralPlan,
        late: bool,
        opened: NaiveDate,
        until: NaiveDate,
    ) -> usize {
        let me = &a.me;
        let (officer, department) = self.office_names(r.to);
        let cref = r
            .council_ref
            .clone()
            .unwrap_or_else(|| "no reference given".into());
        let due = r.due_on.format("%-d %B");
        let at = self.moment(r.referred_on, EntryKind::Action);
        let referred =
            format!("Referred to {officer} ({department}), ref {cref}; reply due {due}.");
        self.entry(
            entries,
            Some(r.to),
            EntryKind::Action,
            self.clamp(at, opened, until),
            referred,
        );
        let ack_kind = outbound(me.preferred);
        let at = self.moment(r.referred_on, ack_kind) + Duration::hours(1);
        let told = format!(
            "Told {} I have taken this up with {department} and asked for a reply by {due}; I will chase if nothing comes.",
            me.first
        );
        let last_entry = self.entry(
            entries,
            Some(me.id),
            ack_kind,
            self.clamp(at, opened, until),
            told,
        );
        if late && r.due_on < until {
            let at = self.moment(add_working_days(r.due_on, 1), EntryKind::EmailOut);
            let chased =
                format!("Chased {officer}: no reply yet to {cref}, which was due on {due}.");
            self.entry(
                entries,
                Some(r.to),
                EntryKind::EmailOut,
                self.clamp(at, opened, until),
                chased,
            );
        }
        if let (Some(on), Some(reply)) = (r.reply_on, &r.reply) {
            let at = self.moment(on, EntryKind::EmailIn);
            let text = format!("Reply from {department} ({cref}): {reply}");
            self.entry(
                entries,
                Some(r.to),
                EntryKind::EmailIn,
                self.clamp(at, opened, until),
                text,
            );
        }
        last_entry
    }

    /// Unreferred: the constituent hears back the next working day.
    fn got_back(
        &mut self,
        entries: &mut Vec<EntryPlan>,
        a: &About,
        opened: NaiveDate,
        until: NaiveDate,
    ) -> usize {
        let ack_kind = outbound(a.me.preferred);
        let at = self.moment(self.next_workday(opened + Duration::days(1)), ack_kind);
        let text = format!(
            "Got back to {}: explained what I can and cannot do, and that I will look into it and report back.",
            a.me.first
        );
        self.entry(
            entries,
            Some(a.me.id),
            ack_kind,
            self.clamp(at, opened, until),
            text,
        )
    }

    /// Seeing the place: alone, or on site with the officer.
    fn site_visit(
        &mut self,
        entries: &mut Vec<EntryPlan>,
        a: &About,
        referral: Option<&ReferralPlan>,
        opened: NaiveDate,
        until: NaiveDate,
    ) {
        let loc_text = &a.loc_text;
        let obs = texts::OBSERVATIONS
            .choose(&mut self.rng)
            .copied()
            .unwrap_or_default();
        let on = opened + Duration::days(self.rng.random_range(1..6));
        let (kind, text, contact) = match referral {
            Some(r) if self.rng.random_bool(0.35) => {
                let (officer, _) = self.office_names(r.to);
                (
                    EntryKind::Meeting,
                    format!(
                        "Met {officer} on site at {loc_text} with {}: {obs}.",
                        a.me.first
                    ),
                    Some(r.to),
                )
            }
            _ => (
                EntryKind::Note,
                format!("Went to see {loc_text} for myself: {obs}."),
                None,
            ),
        };
        let at = self.moment(on, kind);
        self.entry(entries, contact, kind, self.clamp(at, opened, until), text);
    }

    /// Something said in confidence: more often on sensitive topics.
    fn confidential_note(
        &mut self,
        entries: &mut Vec<EntryPlan>,
        a: &About,
        opened: NaiveDate,
        until: NaiveDate,
    ) {
        let sensitive = matches!(
            a.topic.category,
            "social_services" | "health" | "housing" | "benefits" | "anti_social_behaviour"
        );
        if !self.rng.random_bool(if sensitive { 0.15 } else { 0.02 }) {
            return;
        }
        let text = render(
            texts::CONFIDENTIAL
                .choose(&mut self.rng)
                .copied()
                .unwrap_or_default(),
            &[
                ("first", a.me.first.clone()),
                ("month", var(&a.vars, "month")),
            ],
        );
        let at = self.moment(opened, EntryKind::Note) + Duration::minutes(30);
        plan_entry(
            entries,
            EntryPlan {
                contact: Some(a.me.id),
                kind: EntryKind::Note,
                at: self.clamp(at, opened, until),
                text,
                confidential: true,
                surgery: None,
            },
        );
    }

    /// The constituent back at the latest surgery for news.
    fn surgery_return(&mut self, entries: &mut Vec<EntryPlan>, a: &About, opened: NaiveDate) {
        let i = self.surgeries.partition_point(|s| s.held_on <= self.today);
        if let Some(s) = i.checked_sub(1).map(|i| &self.surgeries[i])
            && s.held_on > opened
        {
            let (start, id) = (s.start, s.id);
            plan_entry(
                entries,
                EntryPlan {
                    contact: Some(a.me.id),
                    kind: EntryKind::SurgeryVisit,
                    at: start + Duration::minutes(self.rng.random_range(0..110)),
                    text: format!(
                        "{} came back to the surgery for news; explained where things stand.",
                        a.me.first
                    ),
                    confidential: false,
                    surgery: Some(id),
                },
            );
        }
    }

    /// Closing: the constituent told the outcome; now and then, thanks.
    fn outcome_told(
        &mut self,
        entries: &mut Vec<EntryPlan>,
        a: &About,
        closed: NaiveDate,
        outcome: Outcome,
        satisfaction: Option<u8>,
        opened: NaiveDate,
    ) {
        let me = &a.me;
        let said = match outcome {
            Outcome::Resolved => "it is sorted, and to get in touch if it happens again".to_string(),
            Outcome::PartlyResolved => "part of it is sorted; explained what the council will not do and why".to_string(),
            Outcome::NotResolved => "the council will not act on this; explained the reasons and the complaints procedure".to_string(),
            Outcome::Withdrawn => format!("{} no longer needs help: it sorted itself out", me.first),
            Outcome::ReferredElsewhere => "this is for another organisation; passed the details on with consent".to_string(),
        };
        let at = self.moment(closed, EntryKind::FeedbackGiven);
        let text = format!("Told {} the outcome: {said}.", me.first);
        self.entry(
            entries,
            Some(me.id),
            EntryKind::FeedbackGiven,
            self.clamp(at, opened, closed),
            text,
        );
        if satisfaction == Some(5) && self.rng.random_bool(0.2) {
            let at = self.moment(closed, EntryKind::LetterIn);
            let text = format!("Thank-you card from {}.", me.first);
            self.entry(
                entries,
                Some(me.id),
                EntryKind::LetterIn,
                self.clamp(at, opened, closed),
                text,
            );
        }
    }

    /// An ordinary entry (not confidential, not at a surgery); its place.
    fn entry(
        &self,
        entries: &mut Vec<EntryPlan>,
        contact: Option<PersonNo>,
        kind: EntryKind,
        at: NaiveDateTime,
        text: String,
    ) -> usize {
        plan_entry(
            entries,
            EntryPlan {
                contact,
                kind,
                at,
                text,
                confidential: false,
                surgery: None,
            },
        )
    }

    /// Follow-ups: chasing the officer, keeping the constituent informed.
    fn follow_ups(
        &mut self,
        a: &About,
        referral: Option<&ReferralPlan>,
        closed: Option<NaiveDate>,
        opened: NaiveDate,
        last_entry: usize,
    ) -> Vec<FollowUpPlan> {
        let mut follow_ups = Vec::new();
        match (referral, closed) {
            (Some(r), Some(closed)) if self.rng.random_bool(0.5) => {
                let (officer, _) = self.office_names(r.to);
                follow_ups.push(FollowUpPlan {
                    contact: r.to,
                    entry: last_entry,
                    due_on: r.due_on,
                    what: format!("Chase {officer} if no reply"),
                    done_on: Some(r.reply_on.unwrap_or(r.due_on).min(closed)),
                });
            }
            (_, None) => {
                let (due_on, done) = self.follow_up_date(opened);
                let (contact, what) = match referral {
                    Some(r) if r.reply_on.is_none() => {
                        let (officer, department) = self.office_names(r.to);
                        (r.to, format!("Chase {officer} ({department}) for a reply"))
                    }
                    _ => (a.me.id, format!("Ring {} with an update", a.me.first)),
                };
                follow_ups.push(FollowUpPlan {
                    contact,
                    entry: last_entry,
                    due_on,
                    what,
                    done_on: done,
                });
            }
            _ => {}
        }
        follow_ups
    }

    /// Picks what the case is about, keeping kind and topic consistent.
    fn topic_and_kind(&mut self, plan: &Opening) -> (usize, CaseKind) {
        if let Some(c) = &plan.cluster {
            let kind = *pick_weighted(
                &mut self.rng,
                &[
                    (CaseKind::Complaint, 3),
                    (CaseKind::CommunityIssue, 2),
                    (CaseKind::ServiceRequest, 1),
                ],
            );
            let kind = if TOPICS[c.topic].kinds.contains(&kind) {
                kind
            } else {
                TOPICS[c.topic].kinds[0]
            };
            return (c.topic, kind);
        }
        let category = plan
            .category
            .unwrap_or_else(|| *pick_weighted(&mut self.rng, CATEGORIES));
        let kind = plan
            .kind
            .unwrap_or_else(|| *pick_weighted(&mut self.rng, KINDS));
        let fits: Vec<usize> = (0..TOPICS.len())
            .filter(|&i| TOPICS[i].category == category && TOPICS[i].kinds.contains(&kind))
            .collect();
        if let Some(&i) = fits.choose(&mut self.rng) {
            return (i, kind);
        }
        let any: Vec<usize> = (0..TOPICS.len())
            .filter(|&i| TOPICS[i].category == category)
            .collect();
        let i = any.choose(&mut self.rng).copied().unwrap_or(0);
        // A forced kind (coverage) wins over the category.
        if plan.kind.is_some() {
            let i = (0..TOPICS.len())
                .filter(|&i| TOPICS[i].kinds.contains(&kind))
                .collect::<Vec<_>>()
                .choose(&mut self.rng)
                .copied()
                .unwrap_or(i);
            return (i, kind);
        }
        (i, TOPICS[i].kinds[0])
    }

    /// The values of a case's text placeholders.
    fn vars(&mut self, opened: NaiveDate, loc: &str, subj: &str) -> Vec<(&'static str, String)> {
        let month = (opened - Duration::days(self.rng.random_range(20..120)))
            .format("%B")
            .to_string();
        let date = (opened + Duration::days(self.rng.random_range(7..35)))
            .format("%-d %B")
            .to_string();
        vec![
            ("loc", loc.to_string()),
            ("subj", subj.to_string()),
            ("month", month),
            ("weeks", self.rng.random_range(2..9).to_string()),
            ("amount", self.rng.random_range(40..900).to_string()),
            ("date", date),
        ]
    }

    /// A pending follow-up's date: some overdue, some today, most ahead;
    /// a few already done.
    fn follow_up_date(&mut self, opened: NaiveDate) -> (NaiveDate, Option<NaiveDate>) {
        let today = self.today;
        let due = match self.rng.random_range(0..20) {
            0..=5 => today - Duration::days(self.rng.random_range(1..15)),
            6..=8 => today,
            9..=17 => today + Duration::days(self.rng.random_range(1..22)),
            _ => {
                let d = (today - Duration::days(self.rng.random_range(1..10))).max(opened);
                return (d, Some(d));
            }
        };
        (due.max(opened), None)
    }

    fn next_workday(&self, mut d: NaiveDate) -> NaiveDate {
        while is_weekend(d) {
            d += Duration::days(1);
        }
        d
    }

    /// A plausible time of day for an entry of this kind on `d`.
    fn moment(&mut self, d: NaiveDate, kind: EntryKind) -> NaiveDateTime {
        let (from, to) = match kind {
            EntryKind::Doorstep => (17 * 60, 20 * 60),
            EntryKind::EmailIn | EntryKind::SocialMedia => (7 * 60, 22 * 60),
            _ => (9 * 60, 18 * 60),
        };
        let m = self.rng.random_range(from..to);
        d.and_time(NaiveTime::from_hms_opt(m / 60, m % 60, 0).unwrap_or_default())
    }

    /// Keeps an entry within its case's life and never after now.
    fn clamp(&self, at: NaiveDateTime, opened: NaiveDate, end: NaiveDate) -> NaiveDateTime {
        let latest = end
            .and_time(NaiveTime::from_hms_opt(23, 0, 0).unwrap_or_default())
            .min(self.now - Duration::minutes(5));
        let earliest = opened.and_time(NaiveTime::MIN);
        at.min(latest).max(earliest)
    }

    // ---- calls not yet filed on a case ------------------------------------------

    /// A call, email or visit not yet filed on a case, and perhaps the
    /// follow-up it left.
    pub(super) fn unfiled(&mut self) -> CallPlan {
        let mut new_people = Vec::new();
        let me = self.constituent(&mut new_people, None);
        let street = self.places.streets[me.street].name.clone();
        let kind = *pick_weighted(
            &mut self.rng,
            &[
                (EntryKind::CallIn, 5),
                (EntryKind::EmailIn, 2),
                (EntryKind::SocialMedia, 1),
                (EntryKind::SurgeryVisit, 1),
            ],
        );
        let (at, surgery) = match kind {
            EntryKind::SurgeryVisit => {
                let i = self.surgeries.partition_point(|s| s.held_on <= self.today);
                match i.checked_sub(1).map(|i| &self.surgeries[i]) {
                    Some(s) => (
                        s.start + Duration::minutes(self.rng.random_range(0..110)),
                        Some(s.id),
                    ),
                    None => (self.now - Duration::hours(1), None),
                }
            }
            _ => {
                let d = self.today - Duration::days(self.rng.random_range(0..40));
                (self.moment(d, kind), None)
            }
        };
        let at = at.min(self.now - Duration::minutes(5));
        let what = render(
            texts::UNFILED
                .choose(&mut self.rng)
                .copied()
                .unwrap_or_default(),
            &[("loc", street)],
        );
        let entry = EntryPlan {
            contact: Some(me.id),
            kind,
            at,
            text: format!("{} {what}.", me.first),
            confidential: false,
            surgery,
        };
        let follow_up = self.rng.random_bool(0.7).then(|| {
            let (due_on, done_on) = self.follow_up_date(at.date());
            FollowUpPlan {
                contact: me.id,
                entry: 0,
                due_on,
                what: format!("Get back to {}: {what}", me.first),
                done_on,
            }
        });
        CallPlan {
            new_people,
            entry,
            follow_up,
        }
    }
}

const KINDS: &[(CaseKind, u32)] = &[
    (CaseKind::DirectQuery, 28),
    (CaseKind::IndirectQuery, 12),
    (CaseKind::Complaint, 27),
    (CaseKind::ServiceRequest, 20),
    (CaseKind::CommunityIssue, 13),
];

const CHANNELS: &[(Channel, u32)] = &[
    (Channel::Phone, 24),
    (Channel::Email, 26),
    (Channel::Letter, 5),
    (Channel::InPerson, 6),
    (Channel::Surgery, 10),
    (Channel::Doorstep, 8),
    (Channel::SocialMedia, 9),
    (Channel::OnlineForm, 7),
    (Channel::Campaign, 3),
    (Channel::Other, 2),
];

const CATEGORIES: &[(&str, u32)] = &[
    ("housing", 14),
    ("social_services", 5),
    ("benefits", 6),
    ("council_tax", 7),
    ("highways", 11),
    ("parking", 8),
    ("waste", 10),
    ("planning", 6),
    ("anti_social_behaviour", 8),
    ("environment", 6),
    ("education", 4),
    ("health", 3),
    ("transport", 4),
    ("licensing", 2),
    ("other", 5),
];

const OUTCOMES: &[(Outcome, u32)] = &[
    (Outcome::Resolved, 50),
    (Outcome::PartlyResolved, 16),
    (Outcome::NotResolved, 12),
    (Outcome::Withdrawn, 8),
    (Outcome::ReferredElsewhere, 14),
];

fn distinct_categories() -> Vec<&'static str> {
    CATEGORIES.iter().map(|c| c.0).collect()
}

fn first_entry_kind(channel: Channel) -> EntryKind {
    match channel {
        Channel::Phone => EntryKind::CallIn,
        Channel::Email | Channel::OnlineForm => EntryKind::EmailIn,
        Channel::Letter => EntryKind::LetterIn,
        Channel::InPerson => EntryKind::Meeting,
        Channel::Surgery => EntryKind::SurgeryVisit,
        Channel::Doorstep | Channel::Campaign => EntryKind::Doorstep,
        Channel::SocialMedia => EntryKind::SocialMedia,
        Channel::Other => EntryKind::Note,
    }
}

/// How the councillor gets back to someone, by how they like to be told.
fn outbound(preferred: PreferredContact) -> EntryKind {
    match preferred {
        PreferredContact::Email => EntryKind::EmailOut,
        PreferredContact::Letter => EntryKind::LetterOut,
        PreferredContact::Phone | PreferredContact::Text | PreferredContact::InPerson => {
            EntryKind::CallOut
        }
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Fills `{name}` placeholders; unknown ones are left as they are.
fn render(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match vars.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn var(vars: &[(&str, String)], key: &str) -> String {
    vars.iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        let v = [("loc", "Heol y Coed".to_string())];
        assert_eq!(render("Potholes on {loc}", &v), "Potholes on Heol y Coed");
        assert_eq!(render("{x} and {loc", &v), "{x} and {loc");
    }

    #[test]
    fn working_days_skip_weekends() {
        let fri = NaiveDate::from_ymd_opt(2026, 2, 27).expect("date");
        assert_eq!(
            add_working_days(fri, 1),
            NaiveDate::from_ymd_opt(2026, 3, 2).expect("date")
        );
        assert_eq!(
            add_working_days(fri, 10),
            NaiveDate::from_ymd_opt(2026, 3, 13).expect("date")
        );
    }

    #[test]
    fn every_topic_category_is_a_default_category() {
        for t in TOPICS {
            assert!(
                crate::domain::DEFAULT_CATEGORIES.contains(&t.category),
                "{}",
                t.category
            );
            assert!(!t.kinds.is_empty());
        }
        for (c, _) in CATEGORIES {
            assert!(TOPICS.iter().any(|t| t.category == *c), "no topic for {c}");
        }
        for spec in CLUSTERS {
            assert!(
                TOPICS.iter().any(|t| t.title == spec.title),
                "{}",
                spec.title
            );
        }
    }
}
