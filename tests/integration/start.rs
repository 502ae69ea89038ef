//! Starting a V2MOM from the manager's (vision and values) or as a clone of last period's
//! (methods new, aligned to nothing).

use crate::{
    amend::{amended, published},
    helpers::{TestApp, spawn_app},
    people::organisation,
    v2moms::{COMPLETE, current_period, page, save, start, version_of},
};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use v2mom::model::Measure;

/// Adds the period "FY2026", before the current one, as the signed-in admin; its id.
async fn earlier_period(app: &TestApp) -> i64 {
    let res = app
        .call(
            "periods/create",
            &[
                ("name", "FY2026"),
                ("starts_on", "2026-02-01"),
                ("ends_on", "2027-01-31"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

async fn start_from(app: &TestApp, who: &Client, owner: i64, period: i64, from: &str) -> i64 {
    let res = app
        .call_as(
            who,
            "v2moms/start",
            &[
                ("owner", &owner.to_string()),
                ("period", &period.to_string()),
                ("from", from),
            ],
        )
        .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "start from {from}: {}",
        res.status()
    );
    app.db
        .v2mom_of(owner, period)
        .await
        .unwrap()
        .expect("the V2MOM exists")
        .id
}

#[tokio::test]
async fn a_v2mom_starts_from_the_managers_vision_and_values() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let managers = published(&app, &manager, manager_id, period).await;
    // An amendment in progress is not what the report copies: the publication is.
    let version = version_of(&page(&app, &manager, managers).await);
    save(
        &app,
        &manager,
        managers,
        version,
        &amended("Not yet published"),
    )
    .await;

    let id = start_from(&app, &employee, employee_id, period, "manager").await;
    let copied = page(&app, &employee, id).await["v2mom"]["content"].clone();
    let source = app.db.v2mom(managers).await.unwrap().unwrap().content;
    assert_eq!(copied["vision"], "Every team ships weekly.");
    assert_eq!(
        copied["values"],
        serde_json::to_value(&source.values).unwrap()
    );
    assert_eq!(copied["values"][0]["name"], "Trust");
    assert_eq!(copied["title"], "", "the title is the owner's own");
    assert_eq!(copied["methods"], json!([]), "methods are the owner's own");
}

#[tokio::test]
async fn a_v2mom_clones_last_periods_with_new_methods_aligned_to_nothing() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, _) = organisation(&app).await;
    let earlier = earlier_period(&app).await;
    let period = current_period(&app).await;
    // Last period: the manager's V2MOM, and the report's aligned to it.
    let managers = published(&app, &manager, manager_id, earlier).await;
    let target = app
        .db
        .v2mom(managers)
        .await
        .unwrap()
        .unwrap()
        .content
        .methods[0]
        .id
        .unwrap()
        .to_string();
    let last = start(&app, &manager, employee_id, earlier).await;
    let mut fields = COMPLETE.to_vec();
    fields.push(("methods[0][aligned_to]", &target));
    assert_eq!(
        save(&app, &manager, last, 1, &fields).await.status(),
        StatusCode::OK
    );
    let old = app.db.v2mom(last).await.unwrap().unwrap().content;

    let id = start_from(&app, &manager, employee_id, period, "previous").await;
    assert_ne!(id, last);
    let cloned = app.db.v2mom(id).await.unwrap().unwrap();
    assert_eq!(cloned.period.id, period);
    assert_eq!(cloned.status.as_str(), "draft");
    let new = cloned.content;
    assert_eq!(
        (&new.title, &new.vision, &new.values),
        (&old.title, &old.vision, &old.values)
    );
    assert_eq!(new.methods.len(), old.methods.len());
    // Measures are copied as written; each gets an id of its own (check-ins are not copied).
    let without_ids = |measures: &[Measure]| -> Vec<Measure> {
        measures
            .iter()
            .map(|m| Measure {
                id: None,
                ..m.clone()
            })
            .collect()
    };
    for (new, old) in new.methods.iter().zip(&old.methods) {
        assert_eq!(
            (&new.title, &new.description, &new.obstacles),
            (&old.title, &old.description, &old.obstacles)
        );
        assert_eq!(without_ids(&new.measures), without_ids(&old.measures));
        for (new, old) in new.measures.iter().zip(&old.measures) {
            assert!(new.id.is_some() && new.id != old.id, "a new measure");
        }
        assert!(new.id.is_some() && new.id != old.id, "a new method");
        assert_eq!(new.aligned_to, None, "aligned to nothing yet");
    }
    assert!(
        old.methods[0].aligned_to.is_some(),
        "last period's stays aligned"
    );
}
