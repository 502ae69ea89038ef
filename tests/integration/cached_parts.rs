//! A V2MOM's parts are kept in memory by version (`server/db/v2mom_parts.rs`). What a
//! reader sees must be what the database holds, whichever of several servers answers:
//! a save through one is seen at once through another that has the old version cached,
//! and an alignment that vanished without the V2MOM changing (its target deleted) is gone.

use crate::{
    helpers::spawn_app,
    people::organisation,
    v2moms::{COMPLETE, current_period, page, save, start, version_of},
};
use reqwest::StatusCode;

#[tokio::test]
async fn every_server_shows_the_v2mom_as_it_is_now() {
    let one = spawn_app().await;
    let other = one.another_server().await;
    let (manager_id, manager, employee_id, employee) = organisation(&one).await;
    let period = current_period(&one).await;

    // The manager's draft with two methods; the report's V2MOM aligned to the first.
    let own = start(&one, &manager, manager_id, period).await;
    let mut fields = COMPLETE.to_vec();
    fields.extend_from_slice(&[
        ("methods[1][title]", "Measure lead time"),
        ("methods[1][description]", "From commit to customer."),
    ]);
    let res = save(&one, &manager, own, 1, &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    let own_page = page(&one, &manager, own).await;
    let methods = &own_page["v2mom"]["content"]["methods"];
    let doomed = methods[0]["id"].as_i64().unwrap();
    let kept = methods[1]["id"].as_i64().unwrap();
    let theirs = start(&one, &manager, employee_id, period).await;
    let doomed_text = doomed.to_string();
    let mut fields = COMPLETE.to_vec();
    fields.push(("methods[0][aligned_to]", &doomed_text));
    let res = save(&one, &manager, theirs, 1, &fields).await;
    assert_eq!(res.status(), StatusCode::OK);

    // Both servers have read (and kept) both V2MOMs at these versions.
    for server in [&one, &other] {
        let seen = page(server, &manager, theirs).await;
        assert_eq!(seen["v2mom"]["content"]["methods"][0]["aligned_to"], doomed);
        assert_eq!(seen["aligned_to"][0][1]["method_id"], doomed);
        let seen = page(server, &manager, own).await;
        assert_eq!(seen["v2mom"]["content"]["values"][0]["name"], "Trust");
    }

    // A save through one server is what the other shows next.
    let kept_text = kept.to_string();
    let res = save(
        &one,
        &manager,
        own,
        version_of(&own_page),
        &[
            ("title", "Grow the platform"),
            ("values[0][name]", "Candour"),
            ("methods[0][id]", &kept_text),
            ("methods[0][title]", "Measure lead time, weekly"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    for server in [&other, &one] {
        let seen = page(server, &manager, own).await;
        let content = &seen["v2mom"]["content"];
        assert_eq!(content["values"][0]["name"], "Candour");
        assert_eq!(content["methods"].as_array().unwrap().len(), 1);
        assert_eq!(content["methods"][0]["id"], kept);
        assert_eq!(content["methods"][0]["title"], "Measure lead time, weekly");
    }

    // The report's V2MOM did not change version, but its method now aligns to nothing: on
    // its page, to its editor and to its owner, through either server.
    for (server, reader) in [(&other, &manager), (&one, &employee)] {
        let seen = page(server, reader, theirs).await;
        assert_eq!(
            version_of(&seen),
            2,
            "the report's V2MOM itself did not change"
        );
        assert_eq!(
            seen["v2mom"]["content"]["methods"][0]["aligned_to"],
            serde_json::Value::Null
        );
        assert_eq!(seen["aligned_to"], serde_json::json!([]));
        assert_eq!(seen["v2mom"]["content"]["values"][0]["name"], "Trust");
    }
}
