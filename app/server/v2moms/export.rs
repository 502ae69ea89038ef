//! V2MOMs as files: one as Markdown, JSON or CSV for whoever may read it, and a whole
//! period as one CSV for administrators. Each is what the reader would see on the page.

use super::{get, read::listed_all};
use crate::{
    error::AppError,
    model::{LatestCheckIn, Measure, MeasureKind, Method, V2mom, V2momPage, V2momQuery},
    server::{
        actor::Actor,
        db::Among,
        download::{self, Download},
        errors::internal,
        policy::Action,
        state::AppState,
    },
};
use std::{collections::HashMap, fmt::Write};

/// The formats a V2MOM can be downloaded in, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Csv,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Json, Format::Csv];

    /// `{base}/export.<extension>`: where a V2MOM's file is, on the pages and the API.
    pub fn path(base: &str, format: Format) -> String {
        format!("{base}/export.{}", format.extension())
    }

    /// The format a path such as `/v2moms/{id}/export.md` asks for.
    pub fn of_path(path: &str) -> Option<Format> {
        let (_, extension) = path.rsplit_once("/export.")?;
        Format::ALL.into_iter().find(|f| f.extension() == extension)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Json => download::JSON,
            Format::Csv => download::CSV,
        }
    }
}

/// V2MOM `id` as a file, when the actor may read it.
pub async fn export(
    state: &AppState,
    actor: &Actor,
    id: i64,
    format: Format,
) -> Result<Download, AppError> {
    let page = get(state, actor, id).await?;
    let v2mom = &page.v2mom;
    let body = match format {
        Format::Markdown => markdown(&page).into_bytes(),
        Format::Json => serde_json::to_vec_pretty(v2mom).map_err(internal)?,
        Format::Csv => download::csv(&ROW_HEADER, &rows(v2mom))?,
    };
    Ok(Download {
        content_type: format.content_type(),
        file_name: download::file_name(
            &["v2mom", &v2mom.owner.name, &v2mom.period.name],
            format.extension(),
        ),
        body,
    })
}

/// Every V2MOM of period `period_id` as one CSV (a row per measure, as in a V2MOM's own CSV,
/// after its owner and status): for administrators.
pub async fn export_period(
    state: &AppState,
    actor: &Actor,
    period_id: i64,
) -> Result<Download, AppError> {
    actor.require(Action::ExportPeriod)?;
    let period = state
        .db
        .period(period_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let query = V2momQuery {
        period: Some(period_id),
        ..V2momQuery::default()
    };
    // Each measure's latest check-in, for the whole period at once: the rows carry the same
    // latest values and progress as each V2MOM's own CSV.
    let latest: HashMap<i64, LatestCheckIn> = state
        .db
        .latest_check_ins_among(Among::Period(period_id))
        .await
        .map_err(internal)?
        .into_iter()
        .collect();
    let mut lines = Vec::new();
    for summary in listed_all(state, actor, &query).await? {
        let Some(mut v2mom) = state.db.v2mom(summary.id).await.map_err(internal)? else {
            continue; // Deleted since the list was read.
        };
        v2mom.progress = v2mom
            .content
            .attach_progress(|measure| latest.get(&measure).cloned());
        let manager = summary.manager.map(|m| m.name).unwrap_or_default();
        for row in rows(&v2mom) {
            let mut line = vec![
                v2mom.id.to_string(),
                v2mom.owner.name.clone(),
                manager.clone(),
                summary.function.clone(),
                v2mom.status.as_str().to_owned(),
            ];
            line.extend(row);
            lines.push(line);
        }
    }
    let header = [
        ["v2mom_id", "owner", "manager", "function", "status"].as_slice(),
        &ROW_HEADER,
    ]
    .concat();
    Ok(Download {
        content_type: download::CSV,
        file_name: download::file_name(&["v2moms", &period.name], "csv"),
        body: download::csv(&header, &lines)?,
    })
}

const ROW_HEADER: [&str; 17] = [
    "title",
    "vision",
    "method_rank",
    "method",
    "method_description",
    "obstacles",
    "measure",
    "kind",
    "start",
    "target",
    "unit",
    "direction",
    "due_on",
    "latest_value",
    "latest_status",
    "latest_at",
    "progress",
];

/// A V2MOM as rows: one per measure, with its method and the V2MOM's title and vision on
/// each, so a spreadsheet can filter and sort; a method without measures has one row, and a
/// V2MOM without methods one row too. Values are in the Markdown and JSON forms.
fn rows(v2mom: &V2mom) -> Vec<Vec<String>> {
    let content = &v2mom.content;
    let row = |rank: String, method: Option<&Method>, measure: Option<&Measure>| {
        let of_method = |part: fn(&Method) -> String| method.map(part).unwrap_or_default();
        let of_measure = |part: fn(&Measure) -> String| measure.map(part).unwrap_or_default();
        vec![
            content.title.clone(),
            content.vision.clone(),
            rank,
            of_method(|m| m.title.clone()),
            of_method(|m| m.description.clone()),
            of_method(|m| m.obstacles.join("\n")),
            of_measure(|m| m.description.clone()),
            of_measure(|m| m.kind.as_str().to_owned()),
            of_measure(|m| amount(m.start)),
            of_measure(|m| amount(m.target)),
            of_measure(|m| m.unit.clone()),
            of_measure(|m| m.direction.as_str().to_owned()),
            of_measure(|m| m.due_on.clone()),
            of_measure(|m| amount(m.latest.as_ref().map(|l| l.value))),
            of_measure(|m| {
                m.latest
                    .as_ref()
                    .map(|l| l.status.as_str().to_owned())
                    .unwrap_or_default()
            }),
            of_measure(|m| m.latest.as_ref().map(|l| l.at.clone()).unwrap_or_default()),
            of_measure(|m| amount(m.progress)),
        ]
    };
    let mut rows = Vec::new();
    for (i, method) in content.methods.iter().enumerate() {
        let rank = (i + 1).to_string();
        if method.measures.is_empty() {
            rows.push(row(rank.clone(), Some(method), None));
        }
        for measure in &method.measures {
            rows.push(row(rank.clone(), Some(method), Some(measure)));
        }
    }
    if rows.is_empty() {
        rows.push(row(String::new(), None, None));
    }
    rows
}

/// The V2MOM as a Markdown document, in the page's order.
fn markdown(page: &V2momPage) -> String {
    let v = &page.v2mom;
    let c = &v.content;
    let mut out = String::new();
    let title = if c.title.is_empty() {
        "V2MOM"
    } else {
        &c.title
    };
    let _ = writeln!(out, "# {title}\n");
    let _ = writeln!(
        out,
        "{} · {} · {}\n",
        v.owner.name,
        v.period.name,
        v.status.label()
    );
    if let Some(progress) = v.progress {
        let _ = writeln!(out, "Overall progress: {progress}%\n");
    }
    let _ = writeln!(out, "## Vision\n\n{}\n", c.vision);
    let _ = writeln!(out, "## Values\n");
    for (i, value) in c.values.iter().enumerate() {
        let _ = write!(out, "{}. **{}**", i + 1, value.name);
        if !value.description.is_empty() {
            let _ = write!(out, ": {}", value.description);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\n## Methods");
    for (i, method) in c.methods.iter().enumerate() {
        let _ = writeln!(out, "\n### {}. {}\n", i + 1, method.title);
        if !method.description.is_empty() {
            let _ = writeln!(out, "{}\n", method.description);
        }
        let link = page
            .aligned_to
            .iter()
            .find(|(own, _)| Some(*own) == method.id);
        if let Some((_, link)) = link {
            let _ = writeln!(
                out,
                "Aligned to: {} ({})\n",
                link.method_title, link.owner_name
            );
        }
        if !method.obstacles.is_empty() {
            let _ = writeln!(out, "Obstacles:\n");
            for obstacle in &method.obstacles {
                let _ = writeln!(out, "- {obstacle}");
            }
            out.push('\n');
        }
        if !method.measures.is_empty() {
            let _ = writeln!(out, "Measures:\n");
            for m in &method.measures {
                let _ = writeln!(out, "- {}{}", m.description, measure_facts(m));
            }
        }
    }
    out
}

/// A number as a spreadsheet reads it; empty when there is none.
fn amount(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// What the page says beside a measure, as one line of Markdown: its range, due date and,
/// once checked in, the latest value, status and progress.
fn measure_facts(m: &Measure) -> String {
    let mut out = String::new();
    match (m.kind, m.target) {
        (MeasureKind::Done, _) => out.push_str(": done / not done"),
        (_, Some(target)) => {
            let _ = write!(
                out,
                ": from {} to {} ({})",
                m.value_text(m.start.unwrap_or(0.0)),
                m.value_text(target),
                m.direction.label().to_lowercase()
            );
        }
        (_, None) => {}
    }
    if !m.due_on.is_empty() {
        let _ = write!(out, ", due {}", m.due_on);
    }
    if let Some(latest) = &m.latest {
        let _ = write!(
            out,
            " — latest {}, {} on {}",
            m.value_text(latest.value),
            latest.status.label().to_lowercase(),
            crate::model::display_date(&latest.at)
        );
    }
    if let Some(progress) = m.progress {
        let _ = write!(out, ", progress {progress}%");
    }
    out
}
