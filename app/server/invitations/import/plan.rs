//! Reading a people CSV against who has an account: every row checked, every problem found
//! and placed on its line, and what importing each row would do. Nothing here writes.

use crate::{
    error::AppError,
    i18n::{t, t_with},
    model::{
        IMPORT_COLUMNS, ImportAction, ImportPreview, ImportProblem, ImportRow, MAX_IMPORT_ROWS,
        Role, UserStatus, UserSummary,
        validate::{Checks, MAX_NAME},
    },
    server::db::email_key,
};
use std::collections::HashMap;

/// The optional column.
const JOB_TITLE: &str = "job_title";

/// What importing `csv` would do, given everyone with an account (`existing`).
pub fn plan(csv: &str, existing: &[UserSummary]) -> ImportPreview {
    let mut problems = Vec::new();
    let rows = read(csv, &mut problems);
    if problems.is_empty() && rows.is_empty() {
        problems.push(file_problem(&t("server-import-no-rows")));
    }
    let rows = resolve(rows, existing, &mut problems);
    // By line, the file's own problems first; a line's in the order they were found.
    problems.sort_by_key(|p| p.line);
    ImportPreview { rows, problems }
}

/// A row as read and checked on its own; `action` is settled by [`resolve`].
fn read(csv: &str, problems: &mut Vec<ImportProblem>) -> Vec<ImportRow> {
    // The csv crate counts lines by "\n" alone; a form posts "\r\n" and so do many files.
    let text = csv.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let columns = match reader.headers() {
        Ok(headers) => columns(headers, problems),
        Err(_) => {
            problems.push(file_problem(&t("server-import-not-csv")));
            return Vec::new();
        }
    };
    let Some(columns) = columns else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map(csv::Position::line);
                problems.push(ImportProblem {
                    line,
                    message: t("server-import-column-count"),
                });
                continue;
            }
        };
        if rows.len() == MAX_IMPORT_ROWS {
            problems.push(file_problem(&t_with(
                "server-import-too-many-rows",
                &[("count", MAX_IMPORT_ROWS.into())],
            )));
            break;
        }
        let line = record.position().map_or(0, csv::Position::line);
        rows.push(checked(line, &record, &columns, problems));
    }
    rows
}

/// Each column's index by name, or the header's problems.
fn columns(
    headers: &csv::StringRecord,
    problems: &mut Vec<ImportProblem>,
) -> Option<HashMap<String, usize>> {
    let before = problems.len();
    let mut columns = HashMap::new();
    for (i, header) in headers.iter().enumerate() {
        let name = header.to_lowercase().replace([' ', '-'], "_");
        if !IMPORT_COLUMNS.contains(&name.as_str()) && name != JOB_TITLE {
            problems.push(file_problem(&t_with(
                "server-import-unknown-column",
                &[
                    ("header", header.into()),
                    ("columns", IMPORT_COLUMNS.join(", ").into()),
                    ("optional", JOB_TITLE.into()),
                ],
            )));
        } else if columns.insert(name, i).is_some() {
            problems.push(file_problem(&t_with(
                "server-import-column-twice",
                &[("header", header.into())],
            )));
        }
    }
    for missing in IMPORT_COLUMNS.iter().filter(|c| !columns.contains_key(**c)) {
        problems.push(file_problem(&t_with(
            "server-import-missing-column",
            &[
                ("missing", (*missing).into()),
                ("columns", IMPORT_COLUMNS.join(", ").into()),
            ],
        )));
    }
    (problems.len() == before).then_some(columns)
}

/// One row checked as the invitation form checks its fields.
fn checked(
    line: u64,
    record: &csv::StringRecord,
    columns: &HashMap<String, usize>,
    problems: &mut Vec<ImportProblem>,
) -> ImportRow {
    let field = |name: &str| columns.get(name).and_then(|&i| record.get(i)).unwrap_or("");
    let has_job_title = columns.contains_key(JOB_TITLE);
    let mut checks = Checks::new();
    let name = checks.text("name", field("name"), MAX_NAME);
    let email = checks.email("email", field("email"));
    let manager_email = match field("manager_email") {
        "" => String::new(),
        given => checks.email("manager_email", given),
    };
    let function = checks.optional_text("function", field("function"), MAX_NAME);
    let job_title =
        has_job_title.then(|| checks.optional_text(JOB_TITLE, field(JOB_TITLE), MAX_NAME));
    let role = field("role").to_lowercase().parse::<Role>();
    if let Err(AppError::Invalid { fields }) = checks.into_result() {
        let found = fields.into_iter();
        problems.extend(found.map(|f| at(line, format!("{}: {}", f.field, f.message))));
    }
    if role.is_err() {
        problems.push(at(line, t("server-import-role")));
    }
    // Kept whatever its problems, so that the rows are checked against each other too.
    ImportRow {
        line,
        name,
        email,
        manager_email,
        role: role.unwrap_or(Role::Employee),
        function,
        job_title,
        action: ImportAction::Invite,
    }
}

/// Checks the rows against each other and against who exists, and settles each row's action.
fn resolve(
    mut rows: Vec<ImportRow>,
    existing: &[UserSummary],
    problems: &mut Vec<ImportProblem>,
) -> Vec<ImportRow> {
    let by_key: HashMap<String, &UserSummary> =
        existing.iter().map(|u| (email_key(&u.email), u)).collect();
    let key_of_id: HashMap<i64, String> = existing
        .iter()
        .map(|u| (u.id, email_key(&u.email)))
        .collect();
    // Who reports to whom once the file is in: by address, the file over the database.
    let mut manager_of: HashMap<String, Option<String>> = existing
        .iter()
        .map(|u| {
            let manager = u.manager_id.and_then(|m| key_of_id.get(&m).cloned());
            (email_key(&u.email), manager)
        })
        .collect();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for row in &rows {
        let key = email_key(&row.email);
        if let Some(first) = first_line.get(&key) {
            problems.push(at(
                row.line,
                t_with(
                    "server-import-email-twice",
                    &[
                        ("email", row.email.clone().into()),
                        ("first", (*first).into()),
                    ],
                ),
            ));
            continue;
        }
        first_line.insert(key.clone(), row.line);
        let manager = (!row.manager_email.is_empty()).then(|| email_key(&row.manager_email));
        manager_of.insert(key, manager);
    }
    for row in &mut rows {
        let key = email_key(&row.email);
        let manager = (!row.manager_email.is_empty()).then(|| email_key(&row.manager_email));
        let known = by_key.get(&key).copied();
        if known.is_some_and(|u| u.status == UserStatus::Disabled) {
            let message = t_with(
                "server-import-disabled",
                &[("email", row.email.clone().into())],
            );
            problems.push(at(row.line, message));
        }
        if let Some(manager) = &manager {
            let in_file = first_line.contains_key(manager);
            let usable = by_key
                .get(manager)
                .is_some_and(|u| u.status != UserStatus::Disabled);
            if *manager == key {
                problems.push(at(row.line, t("server-import-manages-self")));
            } else if !in_file && !usable {
                let message = t_with(
                    "server-import-unknown-manager",
                    &[("manager", row.manager_email.clone().into())],
                );
                problems.push(at(row.line, message));
            } else if loops(&key, &manager_of) {
                let message = t_with(
                    "server-import-loop",
                    &[
                        ("email", row.email.clone().into()),
                        ("manager", row.manager_email.clone().into()),
                    ],
                );
                problems.push(at(row.line, message));
            }
        }
        row.action = match known {
            None => ImportAction::Invite,
            Some(user) => {
                let same = user.role == row.role
                    && user.manager_id.and_then(|m| key_of_id.get(&m)) == manager.as_ref()
                    && user.function == row.function
                    && row.job_title.as_ref().is_none_or(|t| *t == user.job_title);
                if same {
                    ImportAction::Unchanged
                } else {
                    ImportAction::Update
                }
            }
        };
    }
    rows
}

/// Whether following managers up from `start` comes back to it.
fn loops(start: &str, manager_of: &HashMap<String, Option<String>>) -> bool {
    let mut at = start;
    // A chain longer than the number of people has looped somewhere above `start`.
    for _ in 0..=manager_of.len() {
        match manager_of.get(at) {
            Some(Some(manager)) if manager == start => return true,
            Some(Some(manager)) => at = manager,
            _ => return false,
        }
    }
    false
}

fn at(line: u64, message: String) -> ImportProblem {
    ImportProblem {
        line: Some(line),
        message,
    }
}

fn file_problem(message: &str) -> ImportProblem {
    ImportProblem {
        line: None,
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "name,email,manager_email,role,function\n";

    fn person(id: i64, email: &str, manager_id: Option<i64>, role: Role) -> UserSummary {
        UserSummary {
            id,
            email: email.into(),
            display_name: email.into(),
            job_title: String::new(),
            function: "Engineering".into(),
            role,
            manager_id,
            manager_name: None,
            status: UserStatus::Active,
        }
    }

    fn problems(csv: &str, existing: &[UserSummary]) -> Vec<String> {
        plan(csv, existing)
            .problems
            .iter()
            .map(ImportProblem::describe)
            .collect()
    }

    #[test]
    fn a_good_file_invites_the_new_updates_the_moved_and_leaves_the_rest() {
        let existing = [
            person(1, "ceo@acme.example", None, Role::Admin),
            person(2, "max@acme.example", Some(1), Role::Manager),
        ];
        let csv = format!(
            "{HEADER}Max,MAX@acme.example,ceo@acme.example,manager,Engineering\n\
             Eve,eve@acme.example,max@acme.example,employee,Engineering\n\
             Ceo,ceo@acme.example,,admin,Sales\n"
        );
        let preview = plan(&csv, &existing);
        assert_eq!(preview.problems, []);
        let actions: Vec<_> = preview.rows.iter().map(|r| (r.line, r.action)).collect();
        assert_eq!(
            actions,
            [
                (2, ImportAction::Unchanged),
                (3, ImportAction::Invite),
                (4, ImportAction::Update),
            ]
        );
    }

    #[test]
    fn every_problem_is_found_and_placed_on_its_line() {
        let existing = [person(1, "ceo@acme.example", None, Role::Admin)];
        let csv = format!(
            "{HEADER}Eve,eve@acme,ceo@acme.example,employee,\n\
             Ann,ann@acme.example,nobody@acme.example,boss,\n\
             Ann again,ANN@acme.example,,employee,\n\
             Bob,bob@acme.example,cat@acme.example,employee,\n\
             Cat,cat@acme.example,bob@acme.example,employee,\n\
             ,dan@acme.example,,employee,\n\
             only,three,columns\n"
        );
        assert_eq!(
            problems(&csv, &existing),
            [
                "Line 2: email: Enter an email address such as name@example.com.",
                "Line 3: role: write employee, manager or admin.",
                "Line 3: manager_email: nobody with the address nobody@acme.example is in the file or has an active account.",
                "Line 4: ANN@acme.example appears again (first on line 3).",
                "Line 5: bob@acme.example would end up reporting to themselves through cat@acme.example: the reporting line must not loop.",
                "Line 6: cat@acme.example would end up reporting to themselves through bob@acme.example: the reporting line must not loop.",
                "Line 7: name: Required.",
                "Line 8: This line does not have the header's number of columns.",
            ]
        );
    }

    #[test]
    fn lines_are_counted_whatever_the_line_ends_and_a_byte_order_mark_is_ignored() {
        for newline in ["\n", "\r\n"] {
            let csv = [
                "\u{feff}name,email,manager_email,role,function",
                "Ann,ann@acme.example,,boss,",
            ]
            .join(newline);
            assert_eq!(
                problems(&csv, &[]),
                ["Line 2: role: write employee, manager or admin."],
                "{newline:?}"
            );
        }
    }

    #[test]
    fn a_header_it_does_not_know_is_refused_before_any_row() {
        assert_eq!(
            problems("name,mail,role\nEve,eve@acme.example,employee\n", &[]),
            [
                "Unknown column “mail”: the columns are name, email, manager_email, role, function, and optionally job_title.",
                "The header has no “email” column (line 1 names the columns: name, email, manager_email, role, function).",
                "The header has no “manager_email” column (line 1 names the columns: name, email, manager_email, role, function).",
                "The header has no “function” column (line 1 names the columns: name, email, manager_email, role, function).",
            ]
        );
        assert_eq!(
            problems(HEADER, &[]),
            ["The file has no rows below its header."]
        );
    }
}
