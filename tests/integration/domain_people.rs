//! The people and periods use cases the pages and `/api/v1` share, called directly: who
//! sees whom in the reporting line, one person without revealing who exists, the periods.

use crate::{
    helpers::{TestApp, spawn_app},
    people::{invite, organisation},
};
use reqwest::StatusCode;
use v2mom::{
    error::AppError,
    server::{actor::Actor, audit::Origin, periods, state::AppState, users},
};

/// The application's state over the test server's database, as a use case gets it.
/// `id` acting with the whole of their role, as on a browser session.
async fn actor(state: &AppState, id: i64) -> Actor {
    let user = state.db.user_by_id(id).await.unwrap().expect("user exists");
    Actor::session(user, Origin::default())
}

/// The admin (1), Max the manager with Eve and Pia under him, and Uma outside his team.
struct Org {
    state: AppState,
    manager: i64,
    employee: i64,
    peer: i64,
    unrelated: i64,
}

async fn org(app: &TestApp) -> Org {
    let (manager, _, employee, _) = organisation(app).await;
    let (peer, _) = invite(
        app,
        "pia@acme.example",
        "Pia Peer",
        "employee",
        Some(manager),
    )
    .await;
    let (unrelated, _) = invite(app, "uma@acme.example", "Uma Unrelated", "employee", None).await;
    Org {
        state: app.state().await,
        manager,
        employee,
        peer,
        unrelated,
    }
}

async fn names_visible_to(org: &Org, id: i64) -> Vec<String> {
    let actor = actor(&org.state, id).await;
    users::visible(&org.state, &actor)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.display_name)
        .collect()
}

#[tokio::test]
async fn everyone_sees_whom_the_reporting_line_allows_by_name() {
    let app = spawn_app().await;
    let org = org(&app).await;
    assert_eq!(
        names_visible_to(&org, 1).await,
        [
            "Ada Admin",
            "Eve Employee",
            "Max Manager",
            "Pia Peer",
            "Uma Unrelated"
        ],
        "an administrator sees everyone"
    );
    assert_eq!(
        names_visible_to(&org, org.manager).await,
        ["Eve Employee", "Max Manager", "Pia Peer"],
        "a manager sees themselves and their team, not people outside it"
    );
    assert_eq!(
        names_visible_to(&org, org.employee).await,
        ["Eve Employee", "Max Manager"],
        "an employee sees themselves and their manager, not their peers"
    );
}

#[tokio::test]
async fn one_person_is_not_found_when_absent_or_not_visible() {
    let app = spawn_app().await;
    let org = org(&app).await;
    let employee = actor(&org.state, org.employee).await;
    let manager = actor(&org.state, org.manager).await;
    let admin = actor(&org.state, 1).await;

    let found = users::person(&org.state, &employee, org.manager)
        .await
        .unwrap();
    assert_eq!(found.display_name, "Max Manager");
    let found = users::person(&org.state, &manager, org.peer).await.unwrap();
    assert_eq!(found.manager_name.as_deref(), Some("Max Manager"));
    let found = users::person(&org.state, &admin, org.unrelated)
        .await
        .unwrap();
    assert_eq!(found.email, "uma@acme.example");

    // Someone there but out of sight answers exactly like someone who is not there.
    for (who, id) in [
        (&employee, org.peer),
        (&employee, org.unrelated),
        (&manager, 1),
        (&manager, org.unrelated),
        (&employee, 9_999),
        (&admin, 9_999),
    ] {
        assert_eq!(
            users::person(&org.state, who, id).await.unwrap_err(),
            AppError::NotFound,
            "{} asking for {id}",
            who.user.display_name
        );
    }
}

#[tokio::test]
async fn a_disabled_account_sees_nobody() {
    let app = spawn_app().await;
    let org = org(&app).await;
    let res = app
        .call(
            "users/status",
            &[("id", &org.employee.to_string()), ("active", "false")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let disabled = actor(&org.state, org.employee).await;
    assert_eq!(
        users::visible(&org.state, &disabled).await.unwrap_err(),
        AppError::Forbidden
    );
    assert_eq!(
        users::person(&org.state, &disabled, org.employee)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    assert_eq!(
        periods::list(&org.state, &disabled).await.unwrap_err(),
        AppError::Forbidden
    );
}

#[tokio::test]
async fn everyone_signed_in_lists_the_periods() {
    let app = spawn_app().await;
    let org = org(&app).await;
    for (name, starts, ends) in [
        ("FY2027", "2027-01-01", "2027-12-31"),
        ("FY2026", "2026-01-01", "2026-12-31"),
    ] {
        let res = app
            .call(
                "periods/create",
                &[("name", name), ("starts_on", starts), ("ends_on", ends)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "create {name}");
    }
    let admin = actor(&org.state, 1).await;
    let everyone = periods::list(&org.state, &admin).await.unwrap();
    for id in [org.manager, org.employee] {
        let actor = actor(&org.state, id).await;
        let seen = periods::list(&org.state, &actor).await.unwrap();
        assert_eq!(seen, everyone);
    }
    let mut names: Vec<_> = everyone.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["FY2026", "FY2027"]);
}
