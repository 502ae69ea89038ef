//! Both languages complete, every message used, and the formats each language expects.

use super::*;
use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
};

/// Each message id of a language, with the arguments its text uses.
fn message_ids(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("app/locales")
        .join(lang.code());
    let mut messages = BTreeMap::new();
    let mut current: Option<String> = None;
    for entry in std::fs::read_dir(&dir).expect("the language's directory") {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            let id = line.split_once(" =").map(|(id, _)| id).filter(|id| {
                !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
            if let Some(id) = id {
                let fresh = messages.insert(id.to_owned(), BTreeSet::new()).is_none();
                assert!(fresh, "{id} is defined twice in {}", lang.code());
                current = Some(id.to_owned());
            }
            if let Some(id) = &current {
                let args = messages.get_mut(id).unwrap();
                for piece in line.split("{ $").skip(1) {
                    let name: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    args.insert(name);
                }
            }
        }
    }
    messages
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    let english = message_ids(Lang::En);
    assert!(english.len() > 10, "the English messages were not found");
    for lang in Lang::ALL {
        let other = message_ids(lang);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(
            missing.is_empty(),
            "missing in {}: {missing:?}",
            lang.code()
        );
        assert!(extra.is_empty(), "only in {}: {extra:?}", lang.code());
        for (id, args) in &english {
            assert_eq!(
                &other[id],
                args,
                "{id}: arguments differ in {}",
                lang.code()
            );
            // Every argument given (as a number: a selector on it needs one), so the lookup
            // fails only for a message that does not load.
            let given: FluentArgs = args
                .iter()
                .map(|name| (name.as_str(), FluentValue::from(2)))
                .collect();
            assert!(
                messages::format_in(lang, id, Some(&given)).is_some(),
                "{id} does not load in {}",
                lang.code()
            );
        }
    }
}

/// What the browser fetches for a language is every file of its directory, and nothing else.
#[test]
fn the_browsers_messages_are_all_of_the_languages_files() {
    for lang in Lang::ALL {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("app/locales")
            .join(lang.code());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        let joined: String = files
            .iter()
            .map(|file| std::fs::read_to_string(file).unwrap() + "\n")
            .collect();
        assert!(
            messages_source(lang) == joined,
            "app/i18n/messages.rs does not name every file of {}",
            dir.display()
        );
        let path = messages_path(lang);
        assert!(
            path.starts_with(&format!("/i18n/{}.", lang.code())),
            "{path}"
        );
    }
    assert_ne!(messages_path(Lang::En), messages_path(Lang::De));
}

/// All of the app's Rust code, one file after another.
fn app_code() -> String {
    let mut code = String::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("app")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                code.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    code
}

/// Every message is named somewhere in the code as a literal (`t("id")`, `text(lang,
/// "id")`): ids are never pieced together, so this finds the unused ones.
#[test]
fn every_message_is_used() {
    let code = app_code();
    let unused: Vec<_> = message_ids(Lang::En)
        .into_keys()
        .filter(|id| !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

/// A message shown without one of its arguments is not shown at all (Fluent refuses it), so
/// every call with arguments — `t_with("id", &[("name", …)])`,
/// `text_with(lang, "id", &[…])` — must give all of them.
#[test]
fn every_call_gives_every_argument_its_message_takes() {
    let english = message_ids(Lang::En);
    let code = app_code();
    let mut calls = 0;
    for (id, args) in english.iter().filter(|(_, args)| !args.is_empty()) {
        let quoted = format!("\"{id}\"");
        for (at, _) in code.match_indices(&quoted) {
            let rest = code[at + quoted.len()..].trim_start();
            let Some(rest) = rest.strip_prefix(',') else {
                continue; // the id alone: a match arm, or an argument-less lookup
            };
            let rest = rest.trim_start();
            if !rest.starts_with("&[") {
                continue;
            }
            let given = &rest[..rest.find("])").unwrap_or(rest.len())];
            calls += 1;
            for arg in args {
                assert!(
                    given.contains(&format!("\"{arg}\"")),
                    "a call of {id} does not give ${arg}: {given}"
                );
            }
        }
    }
    assert!(calls > 10, "the calls with arguments were not found");
}

#[test]
fn the_browsers_first_language_of_ours_wins() {
    assert_eq!(
        Lang::from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
        Some(Lang::De)
    );
    assert_eq!(
        Lang::from_accept_language("fr-FR, en-GB;q=0.7, de;q=0.8"),
        Some(Lang::De)
    );
    assert_eq!(Lang::from_accept_language("en-US,en;q=0.9"), Some(Lang::En));
    assert_eq!(Lang::from_accept_language("fr, es;q=0.5"), None);
    assert_eq!(
        Lang::from_accept_language("de;q=0, en;q=0.1"),
        Some(Lang::En)
    );
    assert_eq!(Lang::from_accept_language(""), None);
}

#[test]
fn plurals_follow_the_language() {
    let wait = |lang, count: u64| text_with(lang, "wait-seconds", &[("count", count.into())]);
    assert_eq!(wait(Lang::En, 1), "1 second");
    assert_eq!(wait(Lang::En, 3), "3 seconds");
    assert_eq!(wait(Lang::De, 1), "1 Sekunde");
    assert_eq!(wait(Lang::De, 3), "3 Sekunden");
}

#[test]
fn dates_and_numbers_as_each_language_writes_them() {
    assert_eq!(date(Lang::En, "2026-12-06"), "6 Dec 2026");
    assert_eq!(date(Lang::De, "2026-03-01T10:00:00Z"), "1. März 2026");
    assert_eq!(date(Lang::De, "soon"), "soon");
    assert_eq!(
        date_time(Lang::En, "2026-12-06T09:05:00Z"),
        "6 Dec 2026, 09:05 UTC"
    );
    assert_eq!(
        date_time(Lang::De, "2026-12-06 23:59 UTC"),
        "6. Dez. 2026, 23:59 UTC"
    );
    assert_eq!(date_time(Lang::De, "2026-12-06"), "6. Dez. 2026");
    assert_eq!(number(Lang::En, 1234.5, 1), "1,234.5");
    assert_eq!(number(Lang::De, 1234567.0, 0), "1.234.567");
    assert_eq!(number(Lang::De, -0.25, 2), "-0,25");
    assert_eq!(percent(Lang::En, 74.6), "75%");
    assert_eq!(percent(Lang::De, 74.6), "75\u{a0}%");
}
