//! Invented streets in real Welsh towns, with plausible postcodes. Each street
//! has one postcode sector; houses on it differ in the last two letters.

use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};

/// (town, postcode districts, share of the casework)
const TOWNS: &[(&str, &[&str], u32)] = &[
    (
        "Cardiff",
        &["CF3", "CF5", "CF11", "CF14", "CF23", "CF24"],
        40,
    ),
    ("Swansea", &["SA1", "SA2", "SA5", "SA6"], 22),
    ("Newport", &["NP10", "NP19", "NP20"], 16),
    ("Wrexham", &["LL11", "LL12", "LL13"], 13),
    ("Bangor", &["LL57"], 9),
];

const WELSH_STEMS: &[&str] = &[
    "y Coed",
    "Pen-y-Bryn",
    "y Dre",
    "Glas",
    "Fawr",
    "y Parc",
    "Hendre",
    "Llwyn Onn",
    "Tŷ Gwyn",
    "y Felin",
    "Ddu",
    "Gwaun",
    "yr Eglwys",
    "Cae Mawr",
    "Bryn Teg",
    "Maendy",
    "y Nant",
    "Dyffryn",
    "Tŷ Coch",
    "yr Orsaf",
    "Pentwyn",
    "Cwm",
    "Bryn Hyfryd",
    "Plas Newydd",
    "Llys Ifor",
    "y Castell",
    "Gwynfryn",
    "Derwen",
    "Glan-yr-Afon",
    "Ffynnon",
];
const WELSH_FORMS: &[&str] = &["Heol", "Ffordd", "Stryd", "Lôn", "Rhodfa"];

const ENGLISH_STEMS: &[&str] = &[
    "Oak",
    "Station",
    "Church",
    "Mill",
    "Victoria",
    "Alexandra",
    "Windsor",
    "Clarence",
    "Heath",
    "Meadow",
    "Beech",
    "Willow",
    "Chapel",
    "Brunswick",
    "Albert",
    "Kingsway",
    "Colliery",
    "Harbour",
    "Tudor",
    "Railway",
    "Pembroke",
    "Glamorgan",
    "Severn",
    "Marlborough",
    "Elm",
    "Hawthorn",
    "Rowan",
    "Cedar",
    "Lansdowne",
    "Richmond",
];
const ENGLISH_FORMS: &[&str] = &[
    "Road", "Street", "Close", "Avenue", "Crescent", "Drive", "Way", "Gardens", "Terrace", "Place",
];

/// Estates and closes written without a street word.
const ESTATES: &[&str] = &[
    "Maes-y-Dre",
    "Maes-y-Coed",
    "Maes Glas",
    "The Oaks estate",
    "Bryn Celyn estate",
    "Trem-y-Môr",
    "Parc Ynysowen",
    "Llys Gwenllïan",
    "Cwrt y Rhos",
    "Pen-y-Lan flats",
    "Hillside estate",
    "St Teilo's Court",
];

/// Parks, paths and other places a case can be about.
const LANDMARKS: &[&str] = &[
    "play area",
    "park",
    "community centre car park",
    "shops",
    "bus stop",
    "underpass",
    "lane behind the houses",
    "garages",
    "footpath to the school",
    "recreation ground",
];

/// Inward postcode letters (the Royal Mail never uses C I K M O V there).
const UNIT_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";

#[derive(Debug, Clone)]
pub struct Street {
    pub name: String,
    pub town: &'static str,
    /// Outward code and sector digit: "CF24 4".
    pub sector: String,
}

impl Street {
    /// A postcode on this street: the sector and a random unit.
    pub fn postcode(&self, rng: &mut impl Rng) -> String {
        let a = UNIT_LETTERS.choose(rng).copied().unwrap_or(b'A') as char;
        let b = UNIT_LETTERS.choose(rng).copied().unwrap_or(b'B') as char;
        format!("{}{a}{b}", self.sector)
    }
}

/// The streets of the demo ward, shuffled once per seed.
pub struct Places {
    pub streets: Vec<Street>,
    /// Cumulative weights by town, for drawing a street.
    weights: Vec<u32>,
}

impl Places {
    pub fn new(rng: &mut impl Rng) -> Places {
        let mut names: Vec<String> = Vec::new();
        for form in WELSH_FORMS {
            for stem in WELSH_STEMS {
                names.push(format!("{form} {stem}"));
            }
        }
        for stem in ENGLISH_STEMS {
            for form in ENGLISH_FORMS {
                names.push(format!("{stem} {form}"));
            }
        }
        names.extend(ESTATES.iter().map(|s| s.to_string()));
        names.shuffle(rng);
        // Every street belongs to one town; a town's streets share its districts.
        let total: u32 = TOWNS.iter().map(|t| t.2).sum();
        let mut streets = Vec::with_capacity(names.len());
        for name in names {
            let mut r = rng.random_range(0..total);
            let mut town = &TOWNS[0];
            for t in TOWNS {
                if r < t.2 {
                    town = t;
                    break;
                }
                r -= t.2;
            }
            let district = town.1.choose(rng).copied().unwrap_or("CF24");
            let sector = format!("{district} {}", rng.random_range(1..10));
            streets.push(Street {
                name,
                town: town.0,
                sector,
            });
        }
        let weights = streets.iter().map(|s| town_weight(s.town)).collect();
        Places { streets, weights }
    }

    /// Any street, towns weighted by their share of the casework.
    pub fn street(&self, rng: &mut impl Rng) -> usize {
        let total: u32 = self.weights.iter().sum();
        let mut r = rng.random_range(0..total.max(1));
        for (i, w) in self.weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        0
    }

    /// The street called `name`, if the demo has one; otherwise a new one
    /// in Cardiff with the given sector (for planted clusters).
    pub fn named(&mut self, name: &str, sector: &str) -> usize {
        if let Some(i) = self.streets.iter().position(|s| s.name == name) {
            return i;
        }
        self.streets.push(Street {
            name: name.to_string(),
            town: "Cardiff",
            sector: sector.to_string(),
        });
        self.weights.push(0);
        self.streets.len() - 1
    }
}

fn town_weight(town: &str) -> u32 {
    TOWNS.iter().find(|t| t.0 == town).map(|t| t.2).unwrap_or(1)
}

/// A place near a street that is not a house: "Maes-y-Dre play area".
pub fn landmark(rng: &mut impl Rng, street: &str) -> String {
    let l = LANDMARKS.choose(rng).copied().unwrap_or("park");
    format!("{street} {l}")
}

/// Where surgeries are held (community halls, libraries, a school).
pub const VENUES: &[&str] = &[
    "Maes-y-Dre Community Hall",
    "Central Library, meeting room 2",
    "St Teilo's Church Hall",
    "The Oaks Community Centre",
    "Canolfan Gymunedol Pen-y-Bryn",
    "Llyfrgell Treganna (Canton Library)",
    "Ysgol Heol y Coed, school hall",
    "Hillside Residents' Association hut",
];
