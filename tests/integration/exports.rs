//! Downloads: a V2MOM as Markdown, JSON and CSV from its page and from the API, a period as
//! one CSV for administrators, and CSV cells a spreadsheet will not run as formulas.

use crate::{
    check_ins::{check_in_as, published},
    helpers::{TestApp, client, header, spawn_app},
    people::{accept, invite, organisation},
    rest::{api, api_key},
    v2moms::{current_period, page, save, start, version_of},
};
use reqwest::{Client, Method, StatusCode};
use serde_json::Value;

const FIELDS: &[(&str, &str)] = &[
    ("title", "=HYPERLINK(\"http://evil.example\",\"Grow\")"),
    ("vision", "Every team ships weekly."),
    ("values[0][name]", "Trust"),
    ("values[0][description]", "We keep our word."),
    ("methods[0][title]", "Automate releases"),
    ("methods[0][description]", "One button."),
    ("methods[0][obstacles][0]", "Legacy scripts"),
    (
        "methods[0][measures][0][description]",
        "@SUM(A1:A9) weekly releases",
    ),
    ("methods[0][measures][0][target]", "52"),
    ("methods[0][measures][0][unit]", "releases"),
    ("methods[1][title]", "Hire well"),
];

/// Eve's V2MOM for FY2027, written by her manager: (app's manager, employee, V2MOM id).
async fn written(app: &TestApp) -> (Client, Client, i64) {
    let (_, manager, employee_id, employee) = organisation(app).await;
    let period = current_period(app).await;
    let id = start(app, &manager, employee_id, period).await;
    let res = save(app, &manager, id, 1, FIELDS).await;
    assert_eq!(res.status(), StatusCode::OK, "save");
    (manager, employee, id)
}

/// The first data row of a CSV, by column name.
fn first_row(csv: &str) -> std::collections::HashMap<String, String> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().expect("a row").unwrap();
    header
        .iter()
        .map(str::to_owned)
        .zip(row.iter().map(str::to_owned))
        .collect()
}

async fn download(as_who: &Client, url: String) -> (StatusCode, String, String, String) {
    let res = as_who.get(url).send().await.unwrap();
    let status = res.status();
    // Refusals carry no file: their headers may be missing.
    let get = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (kind, disposition) = (get("content-type"), get("content-disposition"));
    (status, kind, disposition, res.text().await.unwrap())
}

#[tokio::test]
async fn a_v2mom_downloads_as_markdown_json_and_csv_for_those_who_may_read_it() {
    let app = spawn_app().await;
    let (manager, employee, id) = written(&app).await;
    let url = |ext: &str| app.url(&format!("/v2moms/{id}/export.{ext}"));

    let (status, kind, disposition, md) = download(&manager, url("md")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/markdown"), "{kind}");
    assert_eq!(
        disposition,
        "attachment; filename=\"v2mom-eve-employee-fy2027.md\""
    );
    assert!(md.contains("## Vision\n\nEvery team ships weekly."), "{md}");
    assert!(md.contains("1. **Trust**: We keep our word."), "{md}");
    assert!(md.contains("### 2. Hire well"), "{md}");
    assert!(md.contains("- Legacy scripts"), "{md}");
    assert!(
        md.contains("- @SUM(A1:A9) weekly releases: from 0 releases to 52 releases (up is good)"),
        "{md}"
    );

    let (status, kind, _, json) = download(&manager, url("json")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind, "application/json");
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json, page(&app, &manager, id).await["v2mom"]);

    let (status, kind, _, csv) = download(&manager, url("csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/csv"), "{kind}");
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[..4], ["title", "vision", "method_rank", "method"]);
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        2,
        "a row per measure, a method without one gets one"
    );
    // Formulas arrive as text: a leading apostrophe, quoted as CSV needs.
    assert_eq!(&rows[0][0], "'=HYPERLINK(\"http://evil.example\",\"Grow\")");
    assert_eq!(&rows[0][6], "'@SUM(A1:A9) weekly releases");
    assert_eq!(&rows[0][7], "number");
    assert_eq!(&rows[0][9], "52");
    assert_eq!(&rows[0][13], "", "no check-in yet");
    assert_eq!(&rows[1][3], "Hire well");

    // A draft is the owner's and their managers': Eve reads it, nobody else does.
    let (status, ..) = download(&employee, url("md")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, ..) = download(&client(), url("md")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, ..) = download(&manager, app.url(&format!("/v2moms/{id}/export.pdf"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, ..) = download(&manager, app.url("/v2moms/999999/export.md")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_reader_outside_the_circle_gets_no_file() {
    let app = spawn_app().await;
    let (_, _, id) = written(&app).await;
    let (_, token) = invite(&app, "pat@acme.example", "Pat Peer", "employee", None).await;
    let peer = accept(&app, &token).await;
    let (status, _, _, body) = download(&peer, app.url(&format!("/v2moms/{id}/export.csv"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!body.contains("Automate releases"));
}

#[tokio::test]
async fn the_api_serves_the_same_files_to_keys_that_may_read() {
    let app = spawn_app().await;
    let (manager, _, id) = written(&app).await;
    let key = api_key(&app, &manager, "read").await;
    for ext in ["md", "json", "csv"] {
        let res = api(
            &app,
            Method::GET,
            &format!("/v2moms/{id}/export.{ext}"),
            &key,
        )
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{ext}");
        assert!(
            header(res.headers(), "content-disposition").ends_with(&format!(".{ext}\"")),
            "{ext}"
        );
        let from_api = res.text().await.unwrap();
        let (_, _, _, from_page) =
            download(&manager, app.url(&format!("/v2moms/{id}/export.{ext}"))).await;
        assert_eq!(from_api, from_page, "{ext}: one export, two doors");
    }
    let res = api(
        &app,
        Method::GET,
        &format!("/v2moms/{id}/export.md"),
        "v2k_nope",
    )
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_period_downloads_as_one_csv_for_administrators_only() {
    let app = spawn_app().await;
    let (manager, employee, id) = written(&app).await;
    let version = version_of(&page(&app, &manager, id).await);
    assert_eq!(version, 2);
    let period = app.db.v2mom_header(id).await.unwrap().unwrap().period_id;
    let url = app.url(&format!("/admin/periods/{period}/export.csv"));

    let (status, _, disposition, csv) = download(&app.client, url.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(disposition, "attachment; filename=\"v2moms-fy2027.csv\"");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(&reader.headers().unwrap()[1], "owner");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], id.to_string());
    assert_eq!(&rows[0][1], "Eve Employee");
    assert_eq!(&rows[0][2], "Max Manager");
    assert_eq!(&rows[0][4], "draft");

    for who in [&manager, &employee] {
        let (status, _, _, body) = download(who, url.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(!body.contains("Eve"));
    }
    let (status, ..) = download(&app.client, app.url("/admin/periods/424242/export.csv")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_download_carries_each_measures_latest_check_in_and_progress() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let (id, measure) = published(&app, &manager, manager_id, period).await;
    let res = check_in_as(&app, &manager, id, measure, "13", "at_risk").await;
    assert_eq!(res.status(), StatusCode::OK, "check in");

    let url = |ext: &str| app.url(&format!("/v2moms/{id}/export.{ext}"));
    let (_, _, _, md) = download(&manager, url("md")).await;
    assert!(md.contains("Overall progress: 25%"), "{md}");
    assert!(
        md.contains("- Weekly releases: from 0 releases to 52 releases (up is good), due 2028-01-31 — latest 13 releases, at risk on "),
        "{md}"
    );
    assert!(md.contains(", progress 25%"), "{md}");

    let (_, _, _, csv) = download(&manager, url("csv")).await;
    let row = first_row(&csv);
    assert_eq!(row["latest_value"], "13");
    assert_eq!(row["latest_status"], "at_risk");
    assert!(row["latest_at"].starts_with("20"), "{}", row["latest_at"]);
    assert_eq!(row["progress"], "25");
    assert_eq!(row["due_on"], "2028-01-31");

    // The period's CSV carries the same figures.
    let (_, _, _, csv) = download(
        &app.client,
        app.url(&format!("/admin/periods/{period}/export.csv")),
    )
    .await;
    let row = first_row(&csv);
    assert_eq!(row["v2mom_id"], id.to_string());
    assert_eq!(row["latest_value"], "13");
    assert_eq!(row["latest_status"], "at_risk");
    assert_eq!(row["progress"], "25");
}
