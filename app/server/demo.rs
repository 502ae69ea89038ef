//! `v2mom demo`: a small fictional company for someone trying the product, made through the
//! same use cases a person would go through (setup, a period, invitations, V2MOMs aligned
//! up the reporting line, reviews, check-ins), so it is audited and valid like real data.
//! Only into an empty database: it refuses one that has an organisation.

use crate::{
    error::AppError,
    model::{
        Direction, Measure, MeasureKind, Method, NewCheckIn, Role, StartFrom, StatusChange,
        V2momContent, ValueItem,
    },
    server::{
        accounts::{self, FirstAdmin},
        actor::{Actor, Origin},
        checkins,
        errors::internal,
        invitations::{self, Invitee},
        periods::{self, NewPeriod},
        state::AppState,
        tokens::new_token,
        v2moms,
    },
};
use chrono::{Datelike, Utc};

/// Who the demo company has: name, email (at `example.com`, which never receives mail),
/// role, the index of their manager in this list, function.
const PEOPLE: [(&str, &str, Role, Option<usize>, &str); 16] = [
    ("Casey Chen", "casey", Role::Admin, None, "Leadership"),
    (
        "Morgan Diaz",
        "morgan",
        Role::Manager,
        Some(0),
        "Engineering",
    ),
    ("Riley Okafor", "riley", Role::Manager, Some(0), "Sales"),
    (
        "Jordan Berg",
        "jordan",
        Role::Manager,
        Some(0),
        "Customer success",
    ),
    (
        "Avery Novak",
        "avery",
        Role::Employee,
        Some(1),
        "Engineering",
    ),
    ("Blake Ito", "blake", Role::Employee, Some(1), "Engineering"),
    (
        "Cameron Silva",
        "cameron",
        Role::Employee,
        Some(1),
        "Engineering",
    ),
    (
        "Dana Kowalski",
        "dana",
        Role::Employee,
        Some(1),
        "Engineering",
    ),
    ("Emery Haddad", "emery", Role::Employee, Some(2), "Sales"),
    ("Finley Moreau", "finley", Role::Employee, Some(2), "Sales"),
    ("Harper Lund", "harper", Role::Employee, Some(2), "Sales"),
    ("Indigo Park", "indigo", Role::Employee, Some(2), "Sales"),
    (
        "Jesse Adeyemi",
        "jesse",
        Role::Employee,
        Some(3),
        "Customer success",
    ),
    (
        "Kai Lindqvist",
        "kai",
        Role::Employee,
        Some(3),
        "Customer success",
    ),
    (
        "Logan Rossi",
        "logan",
        Role::Employee,
        Some(3),
        "Customer success",
    ),
    (
        "Marley Tan",
        "marley",
        Role::Employee,
        Some(3),
        "Customer success",
    ),
];

/// Where the demo leaves each V2MOM, by the owner's index: everything else is published
/// and checked in on.
enum Left {
    /// Written and submitted: it waits for the manager's review.
    InReview,
    /// Started by its owner, not finished.
    Draft,
    /// Not started: the owner's home page says to write it.
    NotStarted,
}

fn left(index: usize) -> Option<Left> {
    match index {
        7 | 11 => Some(Left::InReview),
        15 => Some(Left::Draft),
        14 => Some(Left::NotStarted),
        _ => None,
    }
}

/// What the demo made: how to sign in.
#[derive(Debug, Clone)]
pub struct Demo {
    pub organisation: String,
    /// Everyone's email, the administrator (the CEO) first.
    pub emails: Vec<String>,
    /// The one password every demo account has, made for this demo.
    pub password: String,
}

/// Fills an empty database with the demo company. Refused when an organisation exists, and
/// when mail is configured (the demo's addresses are made up).
pub async fn fill(state: &AppState) -> Result<Demo, AppError> {
    if !accounts::setup_needed(state).await? {
        return Err(AppError::Refused {
            reason: "This database already holds an organisation: the demo goes only into an \
                     empty one (a new data directory or database)."
                .into(),
        });
    }
    if state.config.mailer.is_some() {
        return Err(AppError::Refused {
            reason: "Mail is configured, and the demo's people have made-up addresses: run \
                     the demo without V2MOM_SMTP_URL."
                .into(),
        });
    }
    let organisation = "Northwind Outfitters (demo)".to_owned();
    // A fresh random password: a demo left running somewhere is not open to anyone.
    let password = format!("demo-{}", &new_token().0[..16]);
    let origin = Origin::default();
    let email = |local: &str| format!("{local}@northwind.example.com");
    let (ceo_name, ceo_local, ..) = PEOPLE[0];
    let ceo = accounts::set_up(
        state,
        &origin,
        FirstAdmin {
            organisation: &organisation,
            name: ceo_name,
            email: &email(ceo_local),
            password: &password,
        },
    )
    .await?;
    let mut people = vec![Actor::session(ceo, origin.clone())];
    let year = Utc::now().year();
    let period = periods::create(
        state,
        &people[0],
        NewPeriod {
            name: &format!("FY{year}"),
            starts_on: &format!("{year}-01-01"),
            ends_on: &format!("{year}-12-31"),
            current: true,
        },
    )
    .await?;
    let site = invitations::site_origin(state, None);
    for (name, local, role, manager, function) in &PEOPLE[1..] {
        let manager = manager
            .map(|m| people[m].id().to_string())
            .unwrap_or_default();
        let invitee = Invitee {
            email: &email(local),
            name,
            role: *role,
            manager: &manager,
            function,
            job_title: "",
        };
        let sent = invitations::invite(state, &people[0], &site, invitee).await?;
        let link = sent.link.unwrap_or_default();
        let token = link.rsplit('/').next().unwrap_or_default();
        let user = invitations::accept_with_password(state, &origin, token, &password).await?;
        people.push(Actor::session(user, origin.clone()));
    }
    // Top down, so that each V2MOM has its manager's methods to align to.
    let mut methods_of: Vec<Vec<i64>> = vec![Vec::new(); PEOPLE.len()];
    for (index, (.., manager, function)) in PEOPLE.iter().enumerate() {
        if matches!(left(index), Some(Left::NotStarted)) {
            continue;
        }
        let owner = &people[index];
        // Managers write their reports' V2MOMs with them; the owner writes one in review.
        let writer = match (manager, left(index)) {
            (Some(m), None) => &people[*m],
            _ => owner,
        };
        let above = manager.map(|m| methods_of[m].clone()).unwrap_or_default();
        let content = content(index, function, &above);
        let id = v2moms::start(state, writer, owner.id(), period.id, StartFrom::Blank)
            .await?
            .id;
        let version = v2moms::save(state, writer, id, 1, &content).await?.version;
        let change = match left(index) {
            Some(Left::Draft) => continue,
            Some(Left::InReview) => StatusChange::Submit,
            _ => StatusChange::Publish,
        };
        v2moms::change_status(state, writer, id, version, change, "").await?;
        let published = v2moms::get(state, owner, id).await?.v2mom;
        methods_of[index] = published
            .content
            .methods
            .iter()
            .filter_map(|m| m.id)
            .collect();
        if change == StatusChange::Publish {
            check_in(state, owner, index, &published.content, id).await?;
        }
    }
    Ok(Demo {
        organisation,
        emails: PEOPLE.iter().map(|(_, local, ..)| email(local)).collect(),
        password,
    })
}

/// A method as the demo writes it: title, its measure, start, target, unit.
type DemoMethod = (&'static str, &'static str, f64, f64, &'static str);

/// A V2MOM for the person at `index` in `function`, its methods aligned in turn to `above`.
fn content(index: usize, function: &str, above: &[i64]) -> V2momContent {
    let (vision, methods): (&str, [DemoMethod; 3]) = match function {
        "Leadership" => (
            "Outfit every hiker in the north with gear they trust, profitably.",
            [
                ("Grow revenue", "Revenue", 10.0, 14.0, "M€"),
                ("Ship the new app", "Releases", 0.0, 12.0, "releases"),
                ("Keep every customer", "Net retention", 95.0, 105.0, "%"),
            ],
        ),
        "Engineering" => (
            "Ship weekly without fear.",
            [
                ("Automate releases", "Releases", 0.0, 12.0, "releases"),
                ("Fix what customers hit", "Open bugs", 40.0, 10.0, "bugs"),
                ("Make pages fast", "Slow pages", 20.0, 0.0, "pages"),
            ],
        ),
        "Sales" => (
            "Win the outdoor retailers of the north.",
            [
                ("Open new accounts", "New accounts", 0.0, 30.0, "accounts"),
                ("Grow the big ones", "Revenue", 4.0, 6.0, "M€"),
                ("Shorten the cycle", "Days to close", 60.0, 40.0, "days"),
            ],
        ),
        _ => (
            "Every customer renews and tells a friend.",
            [
                ("Answer within an hour", "Median reply", 5.0, 1.0, "hours"),
                ("Onboard in a week", "Days to onboard", 21.0, 7.0, "days"),
                ("Keep every customer", "Renewals", 90.0, 98.0, "%"),
            ],
        ),
    };
    let year = Utc::now().year();
    V2momContent {
        title: format!("{function} plan"),
        vision: vision.into(),
        values: vec![
            ValueItem {
                name: "Customers first".into(),
                description: "We start from what the customer needs.".into(),
            },
            ValueItem {
                name: "Candour".into(),
                description: "We say what we see, kindly.".into(),
            },
        ],
        methods: methods
            .iter()
            .enumerate()
            .map(|(i, (title, measure, start, target, unit))| Method {
                title: (*title).into(),
                description: format!("What {function} does about it this year."),
                // Each method serves the one above it in the same place, or the first.
                aligned_to: above
                    .get(i)
                    .or(above.first())
                    .copied()
                    .filter(|_| index > 0),
                obstacles: vec!["Time taken by everything else".into()],
                measures: vec![Measure {
                    description: (*measure).into(),
                    kind: MeasureKind::Number,
                    start: Some(*start),
                    target: Some(*target),
                    unit: (*unit).into(),
                    direction: if target >= start {
                        Direction::Up
                    } else {
                        Direction::Down
                    },
                    due_on: format!("{year}-12-31"),
                    ..Measure::default()
                }],
                ..Method::default()
            })
            .collect(),
    }
}

/// Check-ins on each measure, weeks apart, climbing towards the target: most on track, some
/// at risk, and some owners quiet for long enough that their home page asks for one.
async fn check_in(
    state: &AppState,
    owner: &Actor,
    index: usize,
    content: &V2momContent,
    id: i64,
) -> Result<(), AppError> {
    // Days ago, oldest first; every third owner has not checked in for three weeks.
    let rounds: [i64; 3] = if index.is_multiple_of(3) {
        [63, 42, 21]
    } else {
        [56, 28, 3]
    };
    let now = Utc::now();
    for (i, measure) in content.methods.iter().flat_map(|m| &m.measures).enumerate() {
        let (Some(measure_id), Some(start), Some(target)) =
            (measure.id, measure.start, measure.target)
        else {
            continue;
        };
        // In the end from a fifth to four fifths of the way, depending on who and which.
        let share = 0.2 + 0.15 * ((index + i) % 5) as f64;
        let at_risk = (index + i) % 4 == 3;
        for (round, days_ago) in rounds.into_iter().enumerate() {
            // Only the latest check-in says a measure fell behind.
            let behind = at_risk && round + 1 == rounds.len();
            let part = share * (round + 1) as f64 / rounds.len() as f64;
            let new = NewCheckIn {
                value: Some(((start + (target - start) * part) * 10.0).round() / 10.0),
                status: if behind { "at_risk" } else { "on_track" }.into(),
                comment: if behind {
                    "Behind: we need help from another team.".into()
                } else {
                    String::new()
                },
            };
            let made = checkins::check_in(state, owner, id, measure_id, &new).await?;
            let at = now - chrono::Duration::days(days_ago);
            state
                .db
                .date_demo_check_in(made.id, at)
                .await
                .map_err(internal)?;
        }
    }
    Ok(())
}
