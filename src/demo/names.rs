//! Invented people: Welsh and English names, and self-described demographics
//! drawn so that the review's charts look like a real ward's.

use rand::Rng;
use rand::seq::IndexedRandom;

use super::draw::pick_weighted;
use crate::domain::{AgeBand, PREFER_NOT_TO_SAY, PreferredContact};

const WELSH_WOMEN: &[&str] = &[
    "Siân",
    "Gwenllïan",
    "Ffion",
    "Catrin",
    "Eleri",
    "Nia",
    "Mared",
    "Angharad",
    "Bethan",
    "Carys",
    "Eirlys",
    "Heledd",
    "Lowri",
    "Manon",
    "Rhiannon",
    "Seren",
    "Elin",
    "Gwen",
    "Mali",
    "Megan",
    "Branwen",
    "Llinos",
    "Dilys",
    "Glenys",
    "Myfanwy",
    "Cerys",
    "Tegwen",
    "Rhian",
    "Non",
    "Sioned",
];
const WELSH_MEN: &[&str] = &[
    "Dafydd", "Rhys", "Llŷr", "Iolo", "Elwyn", "Gareth", "Gethin", "Huw", "Ioan", "Emyr", "Aled",
    "Bryn", "Cai", "Dewi", "Geraint", "Gruffydd", "Hywel", "Idris", "Owain", "Rhodri", "Tomos",
    "Trefor", "Wyn", "Islwyn", "Emrys", "Siôn", "Gwion", "Meirion", "Alun", "Ieuan",
];
const ENGLISH_WOMEN: &[&str] = &[
    "Sarah", "Emma", "Claire", "Karen", "Julie", "Rachel", "Hannah", "Sophie", "Chloe", "Jessica",
    "Margaret", "Patricia", "Susan", "Linda", "Amy", "Lauren", "Zoë", "Olivia", "Grace", "Jade",
    "Kelly", "Donna", "Joan", "Beverley", "Tracey",
];
const ENGLISH_MEN: &[&str] = &[
    "David",
    "John",
    "Mark",
    "Paul",
    "Steven",
    "Andrew",
    "Michael",
    "Christopher",
    "James",
    "Daniel",
    "Matthew",
    "Ryan",
    "Liam",
    "Connor",
    "Kieran",
    "Gary",
    "Kevin",
    "Peter",
    "Brian",
    "Keith",
    "Jason",
    "Lee",
    "Nathan",
    "Graham",
    "Colin",
];
const UNISEX: &[&str] = &[
    "Alex", "Sam", "Jordan", "Robin", "Charlie", "Morgan", "Ellis",
];

const WELSH_SURNAMES: &[&str] = &[
    "Jones",
    "Davies",
    "Williams",
    "Evans",
    "Thomas",
    "Roberts",
    "Hughes",
    "Lewis",
    "Morgan",
    "Griffiths",
    "ap Gwyn",
    "Edwards",
    "Price",
    "Jenkins",
    "Powell",
    "Pritchard",
    "Owen",
    "Rees",
    "Lloyd",
    "Parry",
    "Phillips",
    "Bowen",
    "Vaughan",
    "Prosser",
    "Llywelyn",
    "Meredith",
    "Howells",
    "Jâms",
    "Watkins",
    "Bevan",
];
const ENGLISH_SURNAMES: &[&str] = &[
    "Smith", "Taylor", "Brown", "Wilson", "Walker", "Wright", "Green", "Hall", "Clarke", "Baker",
    "Harris", "Cooper", "O'Brien", "Murphy", "Kelly", "Turner", "Collins", "Ward", "Marsh",
    "Fletcher",
];

/// Names of families whose self-described ethnicity the demo draws
/// differently: (first names, surnames, likely ethnicities).
struct Heritage {
    women: &'static [&'static str],
    men: &'static [&'static str],
    surnames: &'static [&'static str],
    ethnicity: &'static [(&'static str, u32)],
}

const HERITAGES: &[(Heritage, u32)] = &[
    (
        Heritage {
            women: &["Aisha", "Fatima", "Priya", "Nadia", "Samina", "Yasmin"],
            men: &["Mohammed", "Imran", "Tariq", "Amir", "Sanjay", "Zain"],
            surnames: &[
                "Khan", "Begum", "Ahmed", "Patel", "Hussain", "Ali", "Rahman",
            ],
            ethnicity: &[("asian_british", 8), ("asian_other", 2), ("mixed", 1)],
        },
        8,
    ),
    (
        Heritage {
            women: &["Grace", "Abena", "Ngozi", "Amina", "Hodan"],
            men: &["Kwame", "Kofi", "Abdi", "Emeka", "Samuel"],
            surnames: &[
                "Okafor",
                "Mensah",
                "Abdullahi",
                "Mohamud",
                "Adeyemi",
                "Osei",
            ],
            ethnicity: &[("black_british", 6), ("black_african", 4), ("mixed", 1)],
        },
        5,
    ),
    (
        Heritage {
            women: &["Agnieszka", "Katarzyna", "Ioana", "Ewa"],
            men: &["Piotr", "Tomasz", "Andrei", "Marek"],
            surnames: &["Kowalski", "Nowak", "Wiśniewski", "Popescu", "Zieliński"],
            ethnicity: &[("white_other", 9), (PREFER_NOT_TO_SAY, 1)],
        },
        4,
    ),
    (
        Heritage {
            women: &["Mei", "Li Na", "Huong"],
            men: &["Wei", "Jun", "Minh"],
            surnames: &["Chen", "Wong", "Nguyen", "Li"],
            ethnicity: &[("chinese", 7), ("asian_other", 3)],
        },
        2,
    ),
];

const LOCAL_ETHNICITY: &[(&str, u32)] = &[
    ("white_welsh", 46),
    ("white_british", 38),
    ("white_irish", 2),
    ("mixed", 3),
    ("gypsy_or_traveller", 1),
    ("other", 1),
    (PREFER_NOT_TO_SAY, 5),
];

#[derive(Debug, Clone)]
pub struct Person {
    pub first: String,
    pub surname: String,
    pub gender: Option<String>,
    pub age_band: Option<AgeBand>,
    pub ethnicity: Option<String>,
    pub employment: Option<String>,
    pub preferred: PreferredContact,
}

impl Person {
    pub fn name(&self) -> String {
        format!("{} {}", self.first, self.surname)
    }
}

const AGE_BANDS: &[(AgeBand, u32)] = &[
    (AgeBand::Under18, 2),
    (AgeBand::From18To29, 13),
    (AgeBand::From30To44, 24),
    (AgeBand::From45To64, 30),
    (AgeBand::From65To74, 15),
    (AgeBand::Over75, 11),
    (AgeBand::PreferNotToSay, 5),
];

/// Invents a constituent. `age` forces an age band (coverage in small demos).
pub fn person(rng: &mut impl Rng, age: Option<AgeBand>) -> Person {
    // Which name list and which gender.
    let sex = rng.random_range(0..100);
    let (female, unisex) = (sex < 52, sex >= 97);
    let local = rng.random_range(0..100) < 82;
    let (first, surname, ethnicity_weights): (&str, &str, &[(&str, u32)]) = if local {
        let welsh = rng.random_bool(0.55);
        let firsts = match (unisex, female, welsh) {
            (true, _, _) => UNISEX,
            (false, true, true) => WELSH_WOMEN,
            (false, true, false) => ENGLISH_WOMEN,
            (false, false, true) => WELSH_MEN,
            (false, false, false) => ENGLISH_MEN,
        };
        let surnames = if rng.random_bool(0.7) {
            WELSH_SURNAMES
        } else {
            ENGLISH_SURNAMES
        };
        (pick(rng, firsts), pick(rng, surnames), LOCAL_ETHNICITY)
    } else {
        let h = pick_weighted(rng, HERITAGES);
        let firsts = if female { h.women } else { h.men };
        (pick(rng, firsts), pick(rng, h.surnames), h.ethnicity)
    };

    // Demographics are self-described and optional: some people were never
    // asked (None), some prefer not to say.
    let asked = rng.random_bool(0.78);
    let gender = asked.then(|| {
        let g = match rng.random_range(0..100) {
            0..=3 => PREFER_NOT_TO_SAY,
            4..=5 => "non_binary",
            _ if unisex && rng.random_bool(0.5) => "female",
            _ if unisex => "male",
            _ if female => "female",
            _ => "male",
        };
        g.to_string()
    });
    let age_band = age.or_else(|| asked.then(|| *pick_weighted(rng, AGE_BANDS)));
    let ethnicity =
        (asked && rng.random_bool(0.9)).then(|| pick_weighted(rng, ethnicity_weights).to_string());
    let employment = (asked && rng.random_bool(0.85)).then(|| employment(rng, age_band));
    let preferred = match age_band {
        Some(AgeBand::Over75) => *pick_weighted(
            rng,
            &[(PreferredContact::Letter, 5), (PreferredContact::Phone, 5)],
        ),
        Some(AgeBand::Under18 | AgeBand::From18To29) => *pick_weighted(
            rng,
            &[
                (PreferredContact::Text, 5),
                (PreferredContact::Email, 4),
                (PreferredContact::Phone, 1),
            ],
        ),
        _ => *pick_weighted(
            rng,
            &[
                (PreferredContact::Email, 6),
                (PreferredContact::Phone, 5),
                (PreferredContact::Text, 2),
                (PreferredContact::Letter, 1),
                (PreferredContact::InPerson, 1),
            ],
        ),
    };
    Person {
        first: first.to_string(),
        surname: surname.to_string(),
        gender,
        age_band,
        ethnicity,
        employment,
        preferred,
    }
}

fn employment(rng: &mut impl Rng, age: Option<AgeBand>) -> String {
    let weights: &[(&str, u32)] = match age {
        Some(AgeBand::Under18) => &[("student", 9), ("employed", 1)],
        Some(AgeBand::From18To29) => &[
            ("employed", 10),
            ("student", 5),
            ("unemployed", 3),
            ("carer", 1),
            ("self_employed", 1),
        ],
        Some(AgeBand::From65To74) => &[("retired", 8), ("employed", 1), ("carer", 1)],
        Some(AgeBand::Over75) => &[("retired", 1)],
        _ => &[
            ("employed", 12),
            ("self_employed", 3),
            ("unemployed", 2),
            ("carer", 2),
            ("unable_to_work", 2),
            ("retired", 1),
            (PREFER_NOT_TO_SAY, 1),
        ],
    };
    pick_weighted(rng, weights).to_string()
}

/// A first name for someone mentioned in passing (a relative, a neighbour).
pub fn relative(rng: &mut impl Rng, surname: &str) -> (String, bool) {
    let female = rng.random_bool(0.55);
    let firsts = match (female, rng.random_bool(0.5)) {
        (true, true) => WELSH_WOMEN,
        (true, false) => ENGLISH_WOMEN,
        (false, true) => WELSH_MEN,
        (false, false) => ENGLISH_MEN,
    };
    (format!("{} {surname}", pick(rng, firsts)), female)
}

/// Any surname, for people who are not family.
pub fn surname(rng: &mut impl Rng) -> &'static str {
    if rng.random_bool(0.7) {
        pick(rng, WELSH_SURNAMES)
    } else {
        pick(rng, ENGLISH_SURNAMES)
    }
}

fn pick<'a>(rng: &mut impl Rng, list: &'a [&'a str]) -> &'a str {
    list.choose(rng).copied().unwrap_or("Jones")
}
