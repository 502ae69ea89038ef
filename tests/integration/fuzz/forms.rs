//! Every server function with the names and kinds of its arguments, and the hostile forms
//! made from them. The table must name every server function Leptos has registered
//! ([`missing_from_table`]): a new one without an entry fails the fuzz test.

use super::values::{EDGE_NUMBERS, Known, bad_bytes, choice, flag, int_text, text, text_for};
use proptest::{prelude::*, sample::select, strategy::Union};

/// What one argument holds, as the server function declares it.
#[derive(Debug, Clone, Copy)]
pub enum Arg {
    /// `String` or `Option<String>`.
    Text,
    /// `i64` or `Option<i64>`, usually an id of this kind.
    Int(Ids),
    /// `u32`.
    Page,
    /// `bool`, or a checkbox (`Option<String>` that counts when present).
    Flag,
    /// An enum, as its snake_case names.
    Choice(&'static [&'static str]),
    /// `Vec<ValueItem>`: `values[0][name]`.
    Values,
    /// `Vec<Method>`: `methods[0][measures][1][target]`.
    Methods,
    /// `V2momQuery`: `query[owner]`.
    Query,
}

#[derive(Debug, Clone, Copy)]
pub enum Ids {
    User,
    V2mom,
    Period,
    Version,
    Key,
    Any,
}

pub struct ServerFn {
    /// As Leptos registers it: `/api/` and the `endpoint`.
    pub path: &'static str,
    pub args: &'static [(&'static str, Arg)],
    /// May sign someone out, change who a browser is signed in as, or change an account the
    /// fuzz test signs in with: the test restores its people after each call.
    pub disrupts: bool,
}

/// Not `delete`: it would take the fuzz's V2MOMs away for the rest of the run (restore()
/// puts accounts back, not V2MOMs); tests/integration/erasure.rs covers it.
const ERASE_CHOICES: &[&str] = &["keep"];
const ROLES: &[&str] = &["admin", "manager", "employee"];
const CHANGES: &[&str] = &["submit", "approve", "return", "publish", "archive"];
const START_FROM: &[&str] = &["blank", "manager", "previous"];
const STATUSES: &[&str] = &["draft", "in_review", "published", "archived"];
const MEASURE_KINDS: &[&str] = &["number", "percent", "done"];
const DIRECTIONS: &[&str] = &["up", "down"];
const CHECK_IN_STATUSES: &[&str] = &["on_track", "at_risk", "off_track"];
const TEAM_SORTS: &[&str] = &["person", "-status", "progress", "-last_check_in"];
const PROVIDER_KINDS: &[&str] = &["google", "github", "oidc"];
const EVENT_KINDS: &[&str] = &["v2mom.submitted", "v2mom.published", "check_in.added"];
const TOPICS: &[&str] = &["review_requested", "up_the_chain", "check_in"];
const WEBHOOK_FORMATS: &[&str] = &["json", "slack"];

use Arg::*;

const fn f(path: &'static str, args: &'static [(&'static str, Arg)], disrupts: bool) -> ServerFn {
    ServerFn {
        path,
        args,
        disrupts,
    }
}

#[rustfmt::skip]
pub const SERVER_FNS: &[ServerFn] = &[
    f("/api/api_keys/mine", &[], false),
    f("/api/api_keys/all", &[], false),
    f("/api/api_keys/create", &[("name", Text), ("scope_read", Flag), ("scope_write", Flag),
        ("scope_admin", Flag), ("expires_days", Text)], false),
    f("/api/api_keys/just_created", &[], false),
    f("/api/api_keys/revoke", &[("id", Int(Ids::Key))], true),
    f("/api/webhooks/list", &[], false),
    f("/api/webhooks/create", &[("url", Text), ("events[0]", Choice(EVENT_KINDS)),
        ("events[1]", Choice(EVENT_KINDS)), ("format", Choice(WEBHOOK_FORMATS))], false),
    f("/api/webhooks/just_created", &[], false),
    f("/api/webhooks/delete", &[("id", Int(Ids::Any))], false),
    f("/api/webhooks/deliveries", &[("id", Int(Ids::Any))], false),
    f("/api/webhooks/retry", &[("id", Int(Ids::Any)), ("delivery", Int(Ids::Any))], false),
    f("/api/notifications/list", &[], false),
    f("/api/notifications/read", &[("id", Int(Ids::Any))], false),
    f("/api/notifications/settings", &[], false),
    f("/api/notifications/save_settings", &[("email[0]", Choice(TOPICS)),
        ("digest[0]", Choice(TOPICS)), ("digest_every", Choice(&["daily", "weekly"]))], false),
    f("/api/mail_link/read", &[("token", Text)], false),
    f("/api/mail_link/stop", &[("token", Text)], false),
    f("/api/audit", &[("actor", Text), ("action", Text), ("from", Text), ("to", Text),
        ("page", Page)], false),
    f("/api/audit/verify", &[], false),
    f("/api/me", &[], false),
    f("/api/login", &[("email", Text), ("password", Text), ("next", Text)], true),
    f("/api/logout", &[], true),
    f("/api/invitation", &[("token", Text)], false),
    f("/api/invitation/accept", &[("token", Text), ("password", Text)], true),
    f("/api/periods", &[], false),
    f("/api/periods/manage", &[], false),
    f("/api/periods/create", &[("name", Text), ("starts_on", Text), ("ends_on", Text),
        ("current", Flag)], false),
    f("/api/periods/current", &[("id", Int(Ids::Period))], false),
    f("/api/periods/close", &[("id", Int(Ids::Period))], false),
    f("/api/profile/sessions", &[], false),
    f("/api/profile/sessions/end", &[("handle", Text)], true),
    f("/api/profile/sign_out_everywhere", &[], true),
    f("/api/profile/password", &[("current_password", Text), ("password", Text)], true),
    f("/api/profile/language", &[], false),
    f("/api/profile/language/set", &[("language", Text)], true),
    f("/api/profile/second_factor", &[], false),
    f("/api/profile/second_factor/start", &[], true),
    f("/api/profile/second_factor/confirm", &[("code", Text)], true),
    f("/api/profile/second_factor/recovery_codes", &[("proof", Text)], true),
    f("/api/profile/second_factor/recovery_codes/shown_once", &[], false),
    f("/api/profile/second_factor/off", &[("proof", Text)], true),
    f("/api/login/second_factor/waiting", &[], false),
    f("/api/login/second_factor", &[("code", Text), ("next", Text)], true),
    f("/api/users/second_factor/reset", &[("id", Int(Ids::User))], true),
    f("/api/profile/passkeys/start", &[("name", Text), ("proof", Text)], true),
    f("/api/profile/passkeys/finish", &[("answer", Text)], true),
    f("/api/profile/passkeys/remove", &[("id", Int(Ids::Any)), ("proof", Text)], true),
    f("/api/login/passkey/start", &[], true),
    f("/api/login/passkey/finish", &[("answer", Text)], true),
    f("/api/password/strength", &[("password", Text), ("name", Text), ("email", Text)], false),
    f("/api/registration_open", &[], false),
    f("/api/register", &[("name", Text), ("email", Text), ("password", Text)], true),
    f("/api/setup_needed", &[], false),
    f("/api/setup", &[("organisation", Text), ("name", Text), ("email", Text),
        ("password", Text)], true),
    f("/api/sign_in/options", &[], false),
    f("/api/admin/sso", &[], false),
    f("/api/admin/sso/add", &[("kind", Choice(PROVIDER_KINDS)), ("name", Text), ("slug", Text),
        ("issuer_url", Text), ("client_id", Text), ("client_secret", Text),
        ("link_verified_emails", Flag), ("allowed_domains", Text)], false),
    f("/api/admin/sso/change", &[("id", Int(Ids::Any)), ("name", Text), ("issuer_url", Text),
        ("client_id", Text), ("client_secret", Text), ("enabled", Flag),
        ("link_verified_emails", Flag), ("allowed_domains", Text)], false),
    f("/api/profile/sign_in_methods", &[], false),
    f("/api/profile/unlink", &[("id", Int(Ids::Any)), ("password", Text)], true),
    f("/api/status", &[], false),
    f("/api/users", &[("query", Text), ("page", Page)], false),
    f("/api/users/get", &[("id", Int(Ids::User))], false),
    f("/api/users/managers", &[], false),
    f("/api/users/invite", &[("email", Text), ("name", Text), ("role", Choice(ROLES)),
        ("manager", Int(Ids::User)), ("function", Text), ("job_title", Text)], false),
    f("/api/users/reinvite", &[("id", Int(Ids::User))], false),
    f("/api/users/update", &[("id", Int(Ids::User)), ("role", Choice(ROLES)),
        ("manager", Int(Ids::User)), ("function", Text), ("job_title", Text)], true),
    f("/api/users/status", &[("id", Int(Ids::User)), ("active", Flag)], true),
    f("/api/users/unlock", &[("id", Int(Ids::User))], false),
    f("/api/users/import/preview", &[("csv", Text)], false),
    f("/api/users/import/draft", &[], false),
    f("/api/users/import", &[("csv", Text)], false),
    f("/api/users/import/done", &[], false),
    f("/api/mail", &[], false),
    f("/api/mail/test", &[], false),
    f("/api/users/erase", &[("id", Int(Ids::User)), ("v2moms", Choice(ERASE_CHOICES)),
        ("confirm", Flag)], true),
    f("/api/team", &[], false),
    f("/api/team/progress", &[("period", Int(Ids::Period)), ("sort", Choice(TEAM_SORTS))], false),
    f("/api/organisation", &[("period", Int(Ids::Period))], false),
    f("/api/v2moms/start", &[("owner", Int(Ids::User)), ("period", Int(Ids::Period)),
        ("from", Choice(START_FROM))], false),
    f("/api/v2moms/get", &[("id", Int(Ids::V2mom))], false),
    f("/api/v2moms/edit", &[("id", Int(Ids::V2mom))], false),
    f("/api/v2moms/save", &[("id", Int(Ids::V2mom)), ("version", Int(Ids::Version)),
        ("title", Text), ("vision", Text), ("values", Values), ("methods", Methods),
        ("op", Text)], false),
    f("/api/v2moms/discard_unsaved", &[("id", Int(Ids::V2mom))], false),
    f("/api/v2moms/discard_amendment", &[("id", Int(Ids::V2mom)), ("version", Int(Ids::Version))], false),
    f("/api/v2moms/status", &[("id", Int(Ids::V2mom)), ("version", Int(Ids::Version)),
        ("change", Choice(CHANGES)), ("comment", Text)], false),
    f("/api/v2moms", &[("query", Query)], false),
    f("/api/v2moms/revisions", &[("id", Int(Ids::V2mom))], false),
    f("/api/v2moms/revision", &[("id", Int(Ids::V2mom)), ("number", Int(Ids::Version))], false),
    f("/api/v2moms/start_choices", &[], false),
    f("/api/v2moms/home", &[], false),
    f("/api/v2moms/alignment", &[("period", Int(Ids::Period))], false),
    f("/api/v2moms/check_in", &[("id", Int(Ids::V2mom)), ("measure", Int(Ids::Any)),
        ("value", Text), ("status", Choice(CHECK_IN_STATUSES)), ("comment", Text)], false),
    f("/api/v2moms/check_ins", &[("id", Int(Ids::V2mom))], false),
    f("/api/v2moms/view", &[("id", Int(Ids::V2mom))], false),
];

/// The registered server functions (`POST` paths) that [`SERVER_FNS`] does not describe.
pub fn missing_from_table() -> Vec<String> {
    let mut missing: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .filter(|path| !SERVER_FNS.iter().any(|f| f.path == *path))
        .map(str::to_owned)
        .collect();
    missing.sort();
    missing
}

/// Paths in [`SERVER_FNS`] that Leptos has not registered (a renamed endpoint).
pub fn stale_in_table() -> Vec<&'static str> {
    let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    SERVER_FNS
        .iter()
        .map(|f| f.path)
        .filter(|path| !registered.contains(path))
        .collect()
}

/// How the request says what it wants back.
#[derive(Debug, Clone, Copy)]
pub enum Accept {
    /// The hydrated page's `fetch`.
    Json,
    /// A browser's own form post, before the WASM has loaded.
    Html,
    Nothing,
    Anything,
}

impl Accept {
    pub fn header(self) -> Option<&'static str> {
        match self {
            Accept::Json => Some("application/json"),
            Accept::Html => Some("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
            Accept::Nothing => None,
            Accept::Anything => Some("*/*"),
        }
    }
}

/// A body for a server function: a form made from its arguments, or bytes that are not one.
#[derive(Debug, Clone)]
pub enum Body {
    Form(Vec<(String, String)>),
    Raw {
        bytes: Vec<u8>,
        content_type: Option<&'static str>,
    },
}

pub const FORM: &str = "application/x-www-form-urlencoded";

/// A call of `f`: mostly a form of its arguments, now and then bytes that are not a form.
pub fn body(f: &ServerFn, known: &Known) -> BoxedStrategy<Body> {
    prop_oneof![
        6 => form(f, known).prop_map(Body::Form),
        1 => raw_body(f, known),
    ]
    .boxed()
}

pub fn accept() -> BoxedStrategy<Accept> {
    prop_oneof![
        5 => Just(Accept::Json),
        3 => Just(Accept::Html),
        1 => Just(Accept::Nothing),
        1 => Just(Accept::Anything),
    ]
    .boxed()
}

/// Each argument present, missing or repeated, plus fields nobody asked for.
fn form(f: &ServerFn, known: &Known) -> BoxedStrategy<Vec<(String, String)>> {
    let args: Vec<BoxedStrategy<Vec<(String, String)>>> = f
        .args
        .iter()
        .map(|&(name, arg)| {
            let fields = fields(name, arg, known);
            prop_oneof![
                16 => fields.clone(),
                1 => Just(Vec::new()),
                1 => (fields.clone(), fields).prop_map(|(a, b)| [a, b].concat()),
            ]
            .boxed()
        })
        .collect();
    let extra = prop::collection::vec((extra_key(), text(known)), 0..3);
    prop_oneof![
        6 => (args.clone(), Just(Vec::new())),
        1 => (args, extra),
    ]
    .prop_map(|(args, extra)| args.into_iter().flatten().chain(extra).collect())
    .boxed()
}

/// The form fields of one argument.
fn fields(name: &'static str, arg: Arg, known: &Known) -> BoxedStrategy<Vec<(String, String)>> {
    let one =
        |value: BoxedStrategy<String>| value.prop_map(move |v| vec![(name.to_owned(), v)]).boxed();
    match arg {
        Text => one(text_for(name, known)),
        Int(ids) => one(int_text(&real(ids, known), known)),
        Page => one(int_text(&[1, 2], known)),
        Flag => one(flag(known)),
        Choice(variants) => one(choice(variants, known)),
        Values => nested(name, &[("[name]", Text), ("[description]", Text)], known),
        #[rustfmt::skip]
        Methods => nested(name, &[("[title]", Text), ("[description]", Text),
            ("[id]", Int(Ids::Any)), ("[aligned_to]", Int(Ids::Any)),
            ("[obstacles][{j}]", Text), ("[measures][{j}][description]", Text),
            ("[measures][{j}][id]", Int(Ids::Any)),
            ("[measures][{j}][kind]", Choice(MEASURE_KINDS)),
            ("[measures][{j}][start]", Text), ("[measures][{j}][target]", Text),
            ("[measures][{j}][unit]", Text), ("[measures][{j}][due_on]", Text),
            ("[measures][{j}][direction]", Choice(DIRECTIONS))], known),
        Query => {
            let fields = [
                ("[owner]", Int(Ids::User)),
                ("[manager]", Int(Ids::User)),
                ("[function]", Text),
                ("[period]", Int(Ids::Period)),
                ("[status]", Choice(STATUSES)),
                ("[text]", Text),
                ("[page]", Page),
            ];
            let each: Vec<_> = fields
                .iter()
                .map(|&(field, arg)| {
                    let key = format!("{name}{field}");
                    prop::option::weighted(0.6, fields_value(field, arg, known))
                        .prop_map(move |v| v.map(|v| (key.clone(), v)))
                })
                .collect();
            each.prop_map(|fields| fields.into_iter().flatten().collect())
                .boxed()
        }
    }
}

/// The value of a field inside a nested argument; `part` ends in its name (`[target]`).
fn fields_value(part: &str, arg: Arg, known: &Known) -> BoxedStrategy<String> {
    match arg {
        Int(ids) => int_text(&real(ids, known), known),
        Page => int_text(&[1, 2], known),
        Flag => flag(known),
        Choice(variants) => choice(variants, known),
        _ => {
            let name = part
                .rsplit('[')
                .next()
                .unwrap_or_default()
                .trim_end_matches(']');
            text_for(name, known)
        }
    }
}

/// Rows of a list argument: `name[i]` plus one of `parts` (whose `{j}` is an inner index).
fn nested(
    name: &'static str,
    parts: &[(&'static str, Arg)],
    known: &Known,
) -> BoxedStrategy<Vec<(String, String)>> {
    let one: Vec<BoxedStrategy<(String, String)>> = parts
        .iter()
        .map(|&(part, arg)| {
            (index(), index(), fields_value(part, arg, known))
                .prop_map(move |(i, j, value)| {
                    (format!("{name}[{i}]{}", part.replace("{j}", &j)), value)
                })
                .boxed()
        })
        .collect();
    prop::collection::vec(Union::new(one), 0..12).boxed()
}

/// A list index: usually small, sometimes one no list should have.
fn index() -> BoxedStrategy<String> {
    prop_oneof![
        8 => (0u32..3).prop_map(|i| i.to_string()),
        1 => select(vec!["99999", "-1", "a", "", "18446744073709551616", "0x1", " 0"])
            .prop_map(str::to_owned),
    ]
    .boxed()
}

fn extra_key() -> BoxedStrategy<String> {
    prop_oneof![
        select(vec![
            "__proto__",
            "constructor[prototype]",
            "id[]",
            "[]",
            "[",
            "]",
            "a[b][c][d][e][f][g][h]",
            "",
            "%",
            "email[0]",
            "values[0][name][x]",
            "query[owner][0]",
        ])
        .prop_map(str::to_owned),
        "\\PC{1,12}",
    ]
    .boxed()
}

/// The real ids of a kind.
fn real(ids: Ids, known: &Known) -> Vec<i64> {
    match ids {
        Ids::User => known.user_ids.clone(),
        Ids::V2mom => known.v2mom_ids.clone(),
        Ids::Period => known.period_ids.clone(),
        Ids::Version => known.versions.clone(),
        Ids::Key => known.key_ids.clone(),
        Ids::Any => known.all_ids(),
    }
}

/// Bodies no browser sends: not UTF-8, too large, too deep, repeated without end, or of
/// another content type.
fn raw_body(f: &ServerFn, known: &Known) -> BoxedStrategy<Body> {
    let first = f.args.first().map_or("x", |(name, _)| *name);
    let bytes = prop_oneof![
        bad_bytes(),
        select(vec![6usize, 64, 10_000])
            .prop_map(move |n| format!("{first}{}=1", "[a]".repeat(n)).into_bytes()),
        select(vec![2usize, 1_000, 60_000])
            .prop_map(move |n| format!("{first}=1&").repeat(n).into_bytes()),
        select(vec![
            "%",
            "%%%",
            "=",
            "&&&",
            "=&=&",
            "%FF%FE=%C0%80",
            "a=%00",
            "+=+",
            "%5B%5D=1",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        // Past the body limit (1 MiB).
        Just(format!("{first}={}", "x".repeat(1_100_000)).into_bytes()),
        form(f, known).prop_map(|fields| {
            let map: serde_json::Map<_, _> = fields
                .into_iter()
                .map(|(k, v)| (k, serde_json::Value::String(v)))
                .collect();
            serde_json::Value::Object(map).to_string().into_bytes()
        }),
        select(EDGE_NUMBERS).prop_map(|s| s.as_bytes().to_vec()),
    ];
    let content_type = select(vec![
        Some(FORM),
        Some(FORM),
        Some("application/x-www-form-urlencoded; charset=utf-16"),
        Some("application/json"),
        Some("multipart/form-data"),
        Some("text/plain"),
        Some("application/cbor"),
        None,
    ]);
    (bytes, content_type)
        .prop_map(|(bytes, content_type)| Body::Raw {
            bytes,
            content_type,
        })
        .boxed()
}
