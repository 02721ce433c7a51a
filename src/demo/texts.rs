//! What the demo cases are about, written the way casework is written:
//! the facts, what the constituent wants done, what the officer said.
//!
//! Placeholders filled in by the generator: `{loc}` the place of the case,
//! `{subj}` the first name of the person affected, `{month}` a recent month,
//! `{weeks}` a small number, `{amount}` a sum of money, `{date}` a date.

use crate::domain::CaseKind::{self, *};

/// Where a case happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// At the constituent's home street.
    Home,
    /// Somewhere in the ward: a street, a park, a lane.
    Near,
    /// A personal matter: no location, only the postcode.
    Personal,
}

pub struct Topic {
    pub category: &'static str,
    pub kinds: &'static [CaseKind],
    pub place: Place,
    pub title: &'static str,
    pub facts: &'static str,
    pub wants: &'static str,
    /// The directory department (or organisation) it goes to; `None`: the
    /// councillor handles it directly.
    pub office: Option<&'static str>,
    /// The officer's reply when action is taken.
    pub reply: &'static str,
}

pub const TOPICS: &[Topic] = &[
    // housing
    Topic {
        category: "housing",
        kinds: &[Complaint, ServiceRequest, IndirectQuery],
        place: Place::Home,
        title: "Damp and mould in council flat on {loc}",
        facts: "Black mould on the bedroom walls and ceiling since last winter; the youngest child has asthma. Repairs came in {month} and painted over it, and it was back within {weeks} weeks.",
        wants: "A proper survey and a permanent fix to the ventilation, or a move if it cannot be fixed.",
        office: Some("Housing Repairs"),
        reply: "A surveyor has visited: extractor fans will be fitted in the kitchen and bathroom and a mould wash is booked for {date}.",
    },
    Topic {
        category: "housing",
        kinds: &[Complaint, ServiceRequest, IndirectQuery],
        place: Place::Home,
        title: "No heating or hot water at home on {loc}",
        facts: "The boiler broke down {weeks} days ago. The contractor has missed two appointments; {subj} is boiling kettles for hot water and running an electric heater that the household cannot afford.",
        wants: "A working boiler this week and an apology for the missed appointments.",
        office: Some("Housing Repairs"),
        reply: "The contractor attended on {date} and replaced the diverter valve; heating and hot water are working. The missed appointments are logged as a service failure.",
    },
    Topic {
        category: "housing",
        kinds: &[DirectQuery, IndirectQuery],
        place: Place::Personal,
        title: "Housing register banding review",
        facts: "{subj} lives in a two-bedroom flat with three children and has been in band C on the housing register for {weeks} years. Medical evidence about the eldest's disability was sent in {month} but the banding has not changed.",
        wants: "The banding reviewed with the medical evidence, and an honest idea of how long the wait will be.",
        office: Some("Housing Options"),
        reply: "The medical panel reviewed the evidence and raised the banding to band B from {date}. The average wait for a three-bedroom home in the area is 18 to 24 months.",
    },
    Topic {
        category: "housing",
        kinds: &[Complaint, ServiceRequest],
        place: Place::Home,
        title: "Leaking roof in housing association house on {loc}",
        facts: "Water comes through the bathroom ceiling whenever it rains. Reported to the housing association three times since {month}; each time told it is 'with the contractor'.",
        wants: "The roof fixed before the winter and the ceiling made good.",
        office: Some("Tenancy Services"),
        reply: "Roofers have replaced the slipped slates and the ceiling will be re-plastered on {date}.",
    },
    // social services
    Topic {
        category: "social_services",
        kinds: &[IndirectQuery, DirectQuery, Complaint],
        place: Place::Personal,
        title: "Waiting for a care assessment after a fall",
        facts: "{subj} is 84, lives alone and had a fall in {month}. Was referred for a social care assessment on leaving hospital but nobody has been in touch for {weeks} weeks.",
        wants: "A date for the assessment, and help with washing and meals in the meantime.",
        office: Some("Social Services"),
        reply: "The assessment is booked for {date}; interim reablement visits twice a day start on Monday.",
    },
    Topic {
        category: "social_services",
        kinds: &[IndirectQuery, ServiceRequest],
        place: Place::Home,
        title: "Stairlift and grab rails for a disabled resident on {loc}",
        facts: "Since a stroke {subj} cannot manage the stairs and is sleeping downstairs on the sofa. The occupational therapist assessed the house in {month}; nothing has been heard about the works.",
        wants: "The adaptations approved and a date for fitting.",
        office: Some("Social Services"),
        reply: "The disabled facilities grant is approved; the contractor will fit the stairlift and rails within six weeks of {date}.",
    },
    Topic {
        category: "social_services",
        kinds: &[DirectQuery, IndirectQuery],
        place: Place::Personal,
        title: "Support for an unpaid carer",
        facts: "{subj} cares full time for a husband with dementia and has not had a break in over a year. Did not know a carer's assessment existed.",
        wants: "A carer's assessment and information about respite care.",
        office: Some("Social Services"),
        reply: "A carer's assessment is arranged for {date} and a referral made to the carers' centre about respite.",
    },
    // benefits
    Topic {
        category: "benefits",
        kinds: &[DirectQuery, IndirectQuery, Complaint],
        place: Place::Personal,
        title: "Housing benefit payments stopped",
        facts: "Payments stopped after a change of circumstances was reported in {month}. There are now {weeks} weeks of rent arrears and a warning letter from the landlord.",
        wants: "The claim sorted and the back payments made before the landlord starts eviction.",
        office: Some("Council Tax"),
        reply: "The claim has been reassessed and arrears of £{amount} were paid to the landlord on {date}.",
    },
    Topic {
        category: "benefits",
        kinds: &[DirectQuery, IndirectQuery],
        place: Place::Personal,
        title: "Help with a Universal Credit claim and sanction",
        facts: "{subj} has literacy problems and cannot manage the online journal; a sanction letter arrived last week and the money has been cut.",
        wants: "Someone to help fill in the forms and to challenge the sanction.",
        office: Some("Citizens Advice"),
        reply: "Citizens Advice have booked an appointment for {date} and will help with the mandatory reconsideration.",
    },
    Topic {
        category: "benefits",
        kinds: &[DirectQuery, IndirectQuery],
        place: Place::Personal,
        title: "Discretionary housing payment to cover the bedroom tax",
        facts: "{subj} lost a partner in {month} and is now charged for a spare bedroom; the rent shortfall is £{amount} a month.",
        wants: "A discretionary housing payment while a move to a smaller home is arranged.",
        office: Some("Council Tax"),
        reply: "A discretionary housing payment is awarded for 26 weeks from {date}.",
    },
    // council tax
    Topic {
        category: "council_tax",
        kinds: &[IndirectQuery, DirectQuery],
        place: Place::Personal,
        title: "Council tax reduction for an elderly parent",
        facts: "{subj} is 87, lives alone on the state pension and has never claimed council tax reduction or the single person discount.",
        wants: "To know whether {subj} is entitled, and help to claim.",
        office: Some("Council Tax"),
        reply: "The single person discount is applied from {date} and a council tax reduction form has been posted; the bill falls by about £{amount} a month.",
    },
    Topic {
        category: "council_tax",
        kinds: &[DirectQuery, Complaint],
        place: Place::Personal,
        title: "Council tax arrears and a court summons",
        facts: "Fell behind after losing hours at work and received a summons with £70 costs added. Offered £20 a week by phone but was told it had to be the full amount.",
        wants: "An affordable payment plan, and the enforcement agents held off.",
        office: Some("Council Tax"),
        reply: "Recovery is paused; a payment arrangement of £{amount} a month is agreed from {date}.",
    },
    Topic {
        category: "council_tax",
        kinds: &[DirectQuery, Complaint],
        place: Place::Personal,
        title: "Billed for two properties after moving house",
        facts: "Moved in {month} and told the council the same week, but is still billed for the old address as well as the new one, with reminders for both.",
        wants: "The old account closed and the overpayment refunded.",
        office: Some("Council Tax"),
        reply: "The old account is closed from the moving date and a refund of £{amount} was issued on {date}.",
    },
    // highways
    Topic {
        category: "highways",
        kinds: &[Complaint, ServiceRequest, CommunityIssue],
        place: Place::Near,
        title: "Potholes on {loc}",
        facts: "Several deep potholes near the junction; a cyclist came off last week and two cars have burst tyres. Reported on the council website {weeks} weeks ago.",
        wants: "The holes repaired properly, not just filled.",
        office: Some("Highways"),
        reply: "Inspected: the defects meet the intervention level and a permanent repair is scheduled for {date}.",
    },
    Topic {
        category: "highways",
        kinds: &[ServiceRequest, Complaint, CommunityIssue],
        place: Place::Near,
        title: "Street lights out on {loc}",
        facts: "Three street lights have been out for {weeks} weeks; the path is pitch dark by five o'clock and older residents will not go out after dark.",
        wants: "The lights repaired before the clocks change.",
        office: Some("Highways"),
        reply: "A cable fault was found and repaired on {date}; all the lights are working.",
    },
    Topic {
        category: "highways",
        kinds: &[ServiceRequest, Complaint],
        place: Place::Near,
        title: "Broken pavement by the bus stop on {loc}",
        facts: "Lifted paving slabs by the bus stop; a resident with a walking frame tripped there in {month} and was bruised.",
        wants: "The slabs relaid and a dropped kerb for mobility scooters.",
        office: Some("Highways"),
        reply: "Made safe the same week; the slabs are relaid and a dropped kerb added to the works programme for {date}.",
    },
    Topic {
        category: "highways",
        kinds: &[Complaint, CommunityIssue],
        place: Place::Near,
        title: "Blocked gullies flooding {loc}",
        facts: "Whenever it rains heavily the road floods to the kerb and water reaches front doors; residents say the gullies have not been cleared for years.",
        wants: "The gullies cleared and put on a regular cleaning schedule.",
        office: Some("Highways"),
        reply: "The gullies were jetted on {date}; one collapsed connection will be dug out and the street is now on the six-monthly schedule.",
    },
    // parking
    Topic {
        category: "parking",
        kinds: &[Complaint, CommunityIssue],
        place: Place::Home,
        title: "Pavement parking at school times on {loc}",
        facts: "Cars park on both pavements at drop-off and pick-up; parents with buggies and a wheelchair user have to walk in the road.",
        wants: "Enforcement at school times and double yellow lines at the junction.",
        office: Some("Highways — Parking Services"),
        reply: "Enforcement officers will patrol at school times for a month from {date}; junction protection lines are added to the next traffic order.",
    },
    Topic {
        category: "parking",
        kinds: &[DirectQuery, ServiceRequest, CommunityIssue],
        place: Place::Home,
        title: "Residents' parking scheme for {loc}",
        facts: "Commuters fill the street from 7am and residents cannot park within three streets of home. A petition with 40 signatures is attached.",
        wants: "A residents' permit scheme consulted on.",
        office: Some("Highways — Parking Services"),
        reply: "The street is added to the permit scheme review; an informal consultation letter will go out by {date}.",
    },
    Topic {
        category: "parking",
        kinds: &[ServiceRequest, Complaint],
        place: Place::Near,
        title: "Abandoned car on {loc}",
        facts: "A silver hatchback with flat tyres and no tax has not moved for {weeks} weeks; children have been climbing on it.",
        wants: "The car removed.",
        office: Some("Highways — Parking Services"),
        reply: "The vehicle was inspected and a notice attached; it was removed on {date} after the seven days ran out.",
    },
    Topic {
        category: "parking",
        kinds: &[Complaint],
        place: Place::Home,
        title: "Driveway blocked most evenings on {loc}",
        facts: "Visitors to a neighbouring house park across the dropped kerb most evenings; {subj} could not get the car out to go to a hospital appointment.",
        wants: "An H-bar marking across the dropped kerb and enforcement.",
        office: Some("Highways — Parking Services"),
        reply: "An H-bar marking was painted on {date}; enforcement officers can now ticket vehicles across it.",
    },
    // waste
    Topic {
        category: "waste",
        kinds: &[Complaint, ServiceRequest, CommunityIssue],
        place: Place::Home,
        title: "Missed bin collections on {loc}",
        facts: "The black bin has been missed three weeks running; bags are piling up and foxes are getting into them. Reported online each time.",
        wants: "Collections restored and the missed bins picked up this week.",
        office: Some("Waste & Recycling"),
        reply: "The crew have been spoken to: the street dropped off the round after a route change. The bins were collected on {date} and the round is corrected.",
    },
    Topic {
        category: "waste",
        kinds: &[ServiceRequest, IndirectQuery],
        place: Place::Home,
        title: "Assisted bin collection for a disabled resident",
        facts: "{subj} uses a walking frame and cannot pull the bins to the kerb. The online form asks for a GP letter, which has been sent twice.",
        wants: "An assisted collection set up.",
        office: Some("Waste & Recycling"),
        reply: "An assisted collection is approved and starts on {date}.",
    },
    Topic {
        category: "waste",
        kinds: &[Complaint, CommunityIssue, ServiceRequest],
        place: Place::Near,
        title: "Fly-tipping on {loc}",
        facts: "Mattresses, a sofa and bags of builders' rubble were dumped {weeks} weeks ago and more is being added. It is attracting rats.",
        wants: "The rubbish cleared, and signs or a camera to stop it happening again.",
        office: Some("Waste & Recycling"),
        reply: "Cleared on {date}; the enforcement officer found an address in the rubbish and is investigating.",
    },
    Topic {
        category: "waste",
        kinds: &[ServiceRequest, DirectQuery],
        place: Place::Home,
        title: "Recycling boxes and food caddy never delivered",
        facts: "Ordered recycling boxes and a food caddy online in {month} after moving in; nothing has come and nobody answers the phone.",
        wants: "The boxes delivered.",
        office: Some("Waste & Recycling"),
        reply: "The order had failed on the system; the boxes and caddy were delivered on {date}.",
    },
    // planning
    Topic {
        category: "planning",
        kinds: &[Complaint, DirectQuery],
        place: Place::Home,
        title: "Neighbour's extension beyond the approved plans on {loc}",
        facts: "The two-storey extension next door is much deeper than the approved drawings and now takes the light from the kitchen. Building carries on at weekends.",
        wants: "Enforcement to check the building against the permission.",
        office: Some("Planning"),
        reply: "The enforcement officer visited on {date}: the extension is 1.2 m deeper than approved and a retrospective application has been requested.",
    },
    Topic {
        category: "planning",
        kinds: &[CommunityIssue, DirectQuery],
        place: Place::Home,
        title: "Objection to a house in multiple occupation on {loc}",
        facts: "An application to turn a family house into a seven-bedroom HMO; neighbours worry about parking and noise. Comments close in {weeks} weeks.",
        wants: "Help to write an objection, and the councillor to speak at the planning committee.",
        office: Some("Planning"),
        reply: "Objections are registered; the application goes to committee on {date} and the councillor may speak.",
    },
    Topic {
        category: "planning",
        kinds: &[Complaint, CommunityIssue],
        place: Place::Near,
        title: "Mature trees felled at {loc}",
        facts: "A developer began felling oak trees that residents believe are protected by a tree preservation order.",
        wants: "The work stopped and the order checked.",
        office: Some("Planning"),
        reply: "The trees are protected; a stop notice was served on {date} and replacement planting will be required.",
    },
    // anti-social behaviour
    Topic {
        category: "anti_social_behaviour",
        kinds: &[Complaint, CommunityIssue],
        place: Place::Near,
        title: "Groups gathering and noise late at night at {loc}",
        facts: "Groups of teenagers gather most nights until 2am: shouting, motorbikes and broken glass. Residents think drugs are being dealt there.",
        wants: "Police patrols, and the area made less of a hiding place.",
        office: Some("Neighbourhood Policing Team"),
        reply: "The neighbourhood team has increased patrols and will hold a drop-in on {date}; the council will fence off the worst spot.",
    },
    Topic {
        category: "anti_social_behaviour",
        kinds: &[Complaint],
        place: Place::Home,
        title: "Noise and abuse from neighbours on {loc}",
        facts: "Loud music most nights and verbal abuse when asked to turn it down. {subj} has kept diary sheets since {month}.",
        wants: "Action by the landlord and the noise team.",
        office: Some("Environmental Health"),
        reply: "Noise monitoring equipment was installed on {date}; a warning letter has gone to the neighbours and their landlord.",
    },
    Topic {
        category: "anti_social_behaviour",
        kinds: &[CommunityIssue, Complaint],
        place: Place::Near,
        title: "Off-road motorbikes on {loc}",
        facts: "Off-road bikes race along the path every evening; a dog walker was nearly hit in {month}.",
        wants: "The bikes stopped and barriers at the path entrances.",
        office: Some("Neighbourhood Policing Team"),
        reply: "Two bikes were seized under section 59 on {date}; the council will fit kissing gates at the entrances.",
    },
    // environment
    Topic {
        category: "environment",
        kinds: &[Complaint, CommunityIssue],
        place: Place::Near,
        title: "Dog fouling on {loc}",
        facts: "The path is covered in dog mess, and children walk this way to school. The bin there was taken away last year.",
        wants: "A dog bin put back and some enforcement patrols.",
        office: Some("Environmental Health"),
        reply: "A new dog bin was installed on {date} and enforcement officers will patrol at peak times.",
    },
    Topic {
        category: "environment",
        kinds: &[ServiceRequest, Complaint],
        place: Place::Home,
        title: "Rats in back gardens on {loc}",
        facts: "Rats seen in several back gardens and under the decking; {subj} thinks they come from an empty house at the end of the terrace.",
        wants: "Pest control to treat the area and the empty house cleared.",
        office: Some("Environmental Health"),
        reply: "Pest control treated the gardens on {date}; the owner of the empty house has been served a notice to clear it.",
    },
    Topic {
        category: "environment",
        kinds: &[CommunityIssue, Complaint],
        place: Place::Near,
        title: "Sewage smell and dead fish in the brook by {loc}",
        facts: "A strong sewage smell from the brook for {weeks} days and dead fish seen by children on the bank.",
        wants: "The source found and stopped.",
        office: Some("Natural Resources Wales"),
        reply: "Officers traced a misconnected drain from a new development; the developer must fix it by {date}.",
    },
    Topic {
        category: "environment",
        kinds: &[ServiceRequest],
        place: Place::Near,
        title: "Overgrown council land behind {loc}",
        facts: "Brambles and knotweed on the council strip behind the houses are pushing through garden fences.",
        wants: "The land cut back and the knotweed treated.",
        office: Some("Waste & Recycling"),
        reply: "The grounds team cut the strip back on {date}; the knotweed is booked for treatment.",
    },
    // education
    Topic {
        category: "education",
        kinds: &[DirectQuery, IndirectQuery],
        place: Place::Personal,
        title: "Secondary school place refused",
        facts: "{subj}'s son was not offered a place at the catchment school although his sister already goes there.",
        wants: "Help to prepare the appeal.",
        office: Some("Education"),
        reply: "The appeal hearing is on {date}; the sibling link was missed in the first allocation and will be taken into account.",
    },
    Topic {
        category: "education",
        kinds: &[DirectQuery, Complaint],
        place: Place::Personal,
        title: "Free school transport withdrawn",
        facts: "Told the walking route to school is 'available', although it runs along an unlit road with no pavement for half a mile.",
        wants: "The route reassessed and the bus pass restored.",
        office: Some("Education"),
        reply: "The route was reassessed on {date} and found unsafe; the bus pass is restored.",
    },
    Topic {
        category: "education",
        kinds: &[IndirectQuery, DirectQuery],
        place: Place::Personal,
        title: "Support for a child with additional learning needs",
        facts: "{subj}'s daughter is autistic and the school says it cannot meet her needs without an individual development plan, which has taken {weeks} months.",
        wants: "The plan finished and support in place.",
        office: Some("Education"),
        reply: "The individual development plan is agreed and a support assistant starts on {date}.",
    },
    // health
    Topic {
        category: "health",
        kinds: &[Complaint, DirectQuery],
        place: Place::Personal,
        title: "Cannot get a GP appointment",
        facts: "Rings the surgery at 8am every day and by 8.20 all appointments are gone; {subj} has had chest pains for {weeks} weeks.",
        wants: "An appointment, and a better booking system at the practice.",
        office: Some("Concerns Team"),
        reply: "The practice has offered an appointment on {date} and is adding online booking next month.",
    },
    Topic {
        category: "health",
        kinds: &[IndirectQuery, Complaint],
        place: Place::Personal,
        title: "Long wait for a hip operation",
        facts: "{subj} has waited over two years for a hip replacement and is now housebound and in constant pain.",
        wants: "A date for the operation.",
        office: Some("Concerns Team"),
        reply: "The clinical team reviewed the case and moved {subj} up the list; surgery is provisionally booked for {date}.",
    },
    // transport
    Topic {
        category: "transport",
        kinds: &[CommunityIssue, Complaint],
        place: Place::Near,
        title: "Evening bus service cut at {loc}",
        facts: "The last bus now leaves town at 6pm; shift workers and students have no way home and taxis cost £{amount}.",
        wants: "The evening service restored.",
        office: Some("Stakeholder Team"),
        reply: "The operator will run a trial evening service from {date}, funded for six months.",
    },
    Topic {
        category: "transport",
        kinds: &[Complaint, CommunityIssue],
        place: Place::Near,
        title: "No step-free access at the station near {loc}",
        facts: "The footbridge is the only way to the Cardiff platform; wheelchair users and parents with buggies cannot use it.",
        wants: "A lift or ramp, and assistance in the meantime.",
        office: Some("Stakeholder Team"),
        reply: "The station is in the accessibility programme; passenger assistance can be booked from {date}.",
    },
    Topic {
        category: "transport",
        kinds: &[ServiceRequest],
        place: Place::Near,
        title: "Bus shelter smashed on {loc}",
        facts: "The glass panels of the shelter were smashed {weeks} weeks ago and the broken glass is still on the pavement.",
        wants: "The shelter repaired and the glass cleared.",
        office: Some("Highways"),
        reply: "The glass was cleared the same day and the panels replaced on {date}.",
    },
    // licensing
    Topic {
        category: "licensing",
        kinds: &[Complaint, CommunityIssue],
        place: Place::Near,
        title: "Noise from late opening at the pub on {loc}",
        facts: "Since the pub started opening until 2am, customers leave shouting and there is glass in front gardens each morning.",
        wants: "The licence reviewed and the hours cut back.",
        office: Some("Licensing"),
        reply: "The licensing team met the landlord; door staff and a dispersal policy are conditions from {date}, and a review will follow any further complaint.",
    },
    Topic {
        category: "licensing",
        kinds: &[Complaint, DirectQuery],
        place: Place::Near,
        title: "Food van trading late on {loc}",
        facts: "A food van parks by the houses until midnight with a generator running; {subj} cannot sleep.",
        wants: "To know whether it is licensed, and to have it moved.",
        office: Some("Licensing"),
        reply: "The van's street trading consent did not cover this street; it has been told to move and was gone by {date}.",
    },
    // other
    Topic {
        category: "other",
        kinds: &[DirectQuery, IndirectQuery],
        place: Place::Personal,
        title: "Help with energy bills and debt",
        facts: "{subj} is £{amount} behind on the electricity and has been put on a prepayment meter that keeps running out.",
        wants: "Advice on debt and any grants available.",
        office: Some("Citizens Advice"),
        reply: "Citizens Advice helped apply for a hardship grant; the supplier has frozen the debt and an appointment is on {date}.",
    },
    Topic {
        category: "other",
        kinds: &[Complaint, CommunityIssue],
        place: Place::Personal,
        title: "Long queues at the council's main reception",
        facts: "Waited over an hour in the queue at the council's reception to hand in documents, with nowhere to sit.",
        wants: "A booking system or more staff at busy times.",
        office: None,
        reply: "The customer services manager will trial appointment slots from {date} and add seating.",
    },
    Topic {
        category: "other",
        kinds: &[ServiceRequest, CommunityIssue],
        place: Place::Near,
        title: "A bench and noticeboard at {loc}",
        facts: "Older residents walking to the shops have nowhere to rest; the residents' group would also like a noticeboard.",
        wants: "A bench, and a noticeboard the residents' group can use.",
        office: None,
        reply: "Ward budget approved for a bench and a noticeboard, to be installed by {date}.",
    },
];

/// When the council says no.
pub const REFUSALS: &[&str] = &[
    "The request has been assessed and does not meet the criteria for action at present; it will be looked at again if things change.",
    "There is no budget for this in the current financial year; it has been added to the list for next year.",
    "This is a private matter between the parties and the council has no powers to step in.",
    "Officers visited and found no evidence of the problem on the day; they will look again if it is reported with dates and times.",
];

/// What came before the councillor was asked.
pub const HISTORY: &[&str] = &[
    "First time {subj} has asked a councillor for help with this.",
    "Reported on the council website in {month}; only an automatic acknowledgement came back.",
    "Rang the contact centre twice in the last month and was told it had been passed on.",
    "It has gone on since {month}; neighbours say they have complained too.",
    "Raised with the previous councillor some years ago; nothing changed.",
    "Wrote to the department in {month} and had no reply.",
    "A council officer came out in {month} and said it would be sorted within a fortnight.",
];

/// Who was with the constituent, or wanted the case to go ahead.
pub const OTHERS: &[&str] = &[
    "Neighbours either side have the same problem.",
    "The residents' association has raised it at its meetings.",
    "A support worker from the housing association helps with letters.",
    "A daughter helps with phone calls and forms.",
    "The local school has complained about it as well.",
    "The MS's office was copied into the constituent's email.",
];

/// Things the councillor notices when going to see for themselves.
pub const OBSERVATIONS: &[&str] = &[
    "it is as bad as described",
    "the problem is still there and two neighbours came out to say so",
    "it looked better than described on the day, but residents say it comes and goes",
    "took photographs to send with the referral",
];

/// Said in confidence: shown only when revealed, never exported by default.
pub const CONFIDENTIAL: &[&str] = &[
    "{first} said in confidence that they have been treated for depression since this started; not to be passed on.",
    "Disclosed domestic abuse by a former partner, the real reason for wanting to move. Gave the Live Fear Free helpline number. Do not share.",
    "Asked that the neighbours are never told who complained: worried about reprisals.",
    "Mentioned a past conviction that may affect the application; share with the housing officer only with consent.",
    "A son is under the community mental health team; details only for social services.",
    "Money is very tight: has been using the food bank since {month}. Not for sharing.",
];

/// Personal-safety cautions (the safe-surgeries guidance).
pub const CAUTIONS: &[&str] = &[
    "Became aggressive at a surgery: meet only at a staffed venue with a colleague present.",
    "Has made threats to council staff; do not visit at home.",
    "Turned up at my house uninvited: keep contact to email and the office.",
    "Shouted and swore on the phone; end the call if it happens again and log it.",
];

/// Constituent feedback by satisfaction score, 1 to 5.
pub const FEEDBACK: [&[&str]; 5] = [
    &[
        "Still not fixed, and I have given up.",
        "Nobody told me what was happening for weeks.",
    ],
    &[
        "Nobody rang me back when they said they would.",
        "It took far too long and I had to chase.",
    ],
    &[
        "Fine, but it took longer than I was told.",
        "Sorted in the end, though I am not sure it will last.",
    ],
    &[
        "Got there in the end; thanks for chasing.",
        "Thank you for keeping me informed.",
    ],
    &[
        "Thank you so much, I had been trying for months on my own.",
        "Brilliant: sorted within a week. Diolch yn fawr!",
        "Very grateful for your help and your patience.",
    ],
];

/// Quick questions that are logged as calls without a case.
pub const UNFILED: &[&str] = &[
    "asked when the new recycling calendar comes out",
    "wants to know who to ask about the Christmas lights on {loc}",
    "asked whether the library will open on Saturdays again",
    "wants help renewing a bus pass",
    "asked about the date of the next surgery",
    "reported a dead badger on {loc}; will pass it to cleansing",
    "asked how to join the residents' association",
    "wants to know if the community centre can be hired for a party",
];

/// Who the person asking is asking for.
pub const RELATIONS: &[&str] = &[
    "mother",
    "father",
    "neighbour",
    "aunt",
    "grandfather",
    "brother",
    "sister",
    "uncle",
];
