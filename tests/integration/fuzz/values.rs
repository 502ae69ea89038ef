//! Hostile values: text, numbers, booleans and JSON, each sometimes plausible (a real id, a
//! real email) so that a request gets past the first check, and sometimes anything at all.
//!
//! No generated text contains a word the oracle looks for (`sqlx`, `src/`, `.rs:` …): an
//! answer that echoes the request must not pass for a leak.

use proptest::{prelude::*, sample::select};
use serde_json::Value;

/// What exists on the instance under test, so generated ids and names sometimes hit it.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub user_ids: Vec<i64>,
    pub v2mom_ids: Vec<i64>,
    pub period_ids: Vec<i64>,
    pub versions: Vec<i64>,
    pub key_ids: Vec<i64>,
    pub emails: Vec<String>,
    pub passwords: Vec<String>,
    pub tokens: Vec<String>,
    pub session_handles: Vec<String>,
}

impl Known {
    /// Every real id of any kind: a user id where a V2MOM id is expected is a fair test too.
    pub fn all_ids(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = [
            &self.user_ids,
            &self.v2mom_ids,
            &self.period_ids,
            &self.versions,
            &self.key_ids,
        ]
        .into_iter()
        .flatten()
        .copied()
        .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Integers as text, at and past the edges of every width the server might parse into.
pub const EDGE_NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "+1",
    " 1",
    "1 ",
    "01",
    "2147483647",
    "2147483648",
    "-2147483649",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999999999999999",
    "1e3",
    "1.5",
    "-1.5e308",
    "1e309",
    "NaN",
    "inf",
    "-Infinity",
    "0x1f",
    "0b1",
    "١٢",
    "１",
    "",
];

/// NUL and other control characters, which some databases refuse in text.
const CONTROL: &[&str] = &[
    "\0",
    "a\0b",
    "\0\0\0\0",
    "\0x",
    "\u{1}\u{2}\u{7}\u{8}\u{1b}[31m",
    "\u{7f}\u{80}\u{9f}",
    "\r\n\r\n",
    "\t",
    "\u{85}\u{2028}\u{2029}",
];

/// Unicode that trips up comparison, case mapping, rendering and byte counting.
const ODD_UNICODE: &[&str] = &[
    "\u{202e}gnp.exe",
    "\u{200f}\u{202b}",
    "\u{200b}\u{200c}\u{200d}\u{2060}",
    "\u{feff}",
    "\u{fffd}\u{fffe}\u{ffff}",
    "\u{10ffff}",
    "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
    "Z\u{36f}\u{36e}\u{36d}\u{36c}\u{36b}\u{36a}\u{369}\u{368}",
    "👩‍👩‍👧‍👦🏳️‍🌈",
    "ﷺ",
    "𒐫",
    "ß",
    "İ",
    "Ǆ",
    "\u{130}\u{131}",
    "Ａｄｍｉｎ",
    "ｍａｘ＠ａｃｍｅ．ｅｘａｍｐｌｅ",
];

/// What injection and traversal attempts look like.
const INJECTION: &[&str] = &[
    "' OR '1'='1",
    "'; DROP TABLE users; --",
    "\" OR \"\"=\"",
    "%' --",
    "\\",
    "\\\\'",
    "%",
    "%00",
    "%zz",
    "_%_",
    "../../../etc/passwd",
    "..\\..\\windows",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "{{7*7}}",
    "${7*7}",
    "[]",
    "{}",
    "null",
    "&",
    "=",
    "a=b&c=d",
    "[0]",
    "+",
    "#",
    "?",
    "//evil.example",
    "https://evil.example/",
    "http://127.0.0.1:1/",
    "mailto:x@y",
    "@",
    "a@b",
    "@@@",
    "x@[::1]",
    "\"quoted\"@example.com",
];

/// The words the application itself uses, so that a value is sometimes almost right.
const VOCABULARY: &[&str] = &[
    "admin",
    "manager",
    "employee",
    "draft",
    "published",
    "archived",
    "in_review",
    "on_track",
    "read",
    "write",
    "blank",
    "previous",
    "true",
    "on",
    "add:values",
    "add:methods",
    "add:obstacles:0",
    "add:measures:99999999999999999999",
    "add:obstacles:18446744073709551615",
    "remove:method:0",
    "remove:measure:0:0",
    "up:value:0",
    "down:obstacle:0:99",
    "up:method:18446744073709551615",
    "remove:",
    ":",
    "0000-00-00",
    "9999-12-31",
    "-0001-01-01",
    "2027-02-30",
    "2027-13-01",
    "+275760-09-13",
    "2027-02-01T00:00:00Z",
    "1970-01-01",
    "google",
    "github",
    "oidc",
];

/// One odd piece of text, each kind as likely as the others.
fn odd_piece() -> BoxedStrategy<String> {
    let from = |list: &'static [&'static str]| select(list).prop_map(str::to_owned);
    prop_oneof![
        2 => from(CONTROL),
        1 => from(ODD_UNICODE),
        1 => from(INJECTION),
        1 => from(VOCABULARY),
        1 => from(EDGE_NUMBERS),
        1 => Just(String::new()),
        1 => select(vec![" ", "   \t\n", "\u{a0}"]).prop_map(str::to_owned),
        1 => "\\PC{0,24}",
        1 => any::<char>().prop_map(String::from),
    ]
    .boxed()
}

/// `base` with an odd piece before, inside or after it: almost right, which gets a value
/// past the first checks and into the code behind them.
pub fn twisted(base: BoxedStrategy<String>) -> BoxedStrategy<String> {
    (base, odd_piece(), 0..3u8)
        .prop_map(|(base, piece, at)| match at {
            0 => format!("{piece}{base}"),
            1 => {
                let middle = base.char_indices().nth(base.chars().count() / 2);
                let cut = middle.map_or(base.len(), |(i, _)| i);
                format!("{}{piece}{}", &base[..cut], &base[cut..])
            }
            _ => format!("{base}{piece}"),
        })
        .boxed()
}

/// A right-looking value for a field called `name`, from what the instance knows.
pub fn plausible(name: &str, known: &Known) -> BoxedStrategy<String> {
    let owned = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let name = name.to_lowercase();
    let pool: Vec<String> = if name.contains("email") || name == "actor" {
        known.emails.clone()
    } else if name.contains("password") {
        known.passwords.clone()
    } else if name.contains("token") {
        known.tokens.clone()
    } else if name.contains("handle") {
        known.session_handles.clone()
    } else if name.ends_with("_on") || name == "from" || name == "to" {
        owned(&["2027-02-01", "2028-01-31", "2027-12-31", ""])
    } else if name.contains("url") {
        owned(&["https://accounts.google.com", "https://issuer.example", ""])
    } else if name == "next" {
        owned(&["/", "/v2moms", "/profile"])
    } else if name == "op" {
        owned(&[
            "add:values",
            "add:methods",
            "add:obstacles:0",
            "up:method:1",
        ])
    } else if ["target", "start", "value", "expires_days"].contains(&name.as_str()) {
        owned(&["52", "0", "12.5", "30", ""])
    } else {
        owned(&[
            "Grow the business",
            "Engineering",
            "Ada",
            "FY2029",
            "acme",
            "trust",
        ])
    };
    select(pool).boxed()
}

/// Text for a field called `name`: right-looking, almost right, hostile or huge.
pub fn text_for(name: &str, known: &Known) -> BoxedStrategy<String> {
    prop_oneof![
        3 => plausible(name, known),
        3 => twisted(plausible(name, known)),
        3 => line(known),
        1 => huge(),
    ]
    .boxed()
}

/// Text of every kind: plausible, odd, huge, numeric and random.
pub fn text(known: &Known) -> BoxedStrategy<String> {
    prop_oneof![8 => line(known), 1 => huge()].boxed()
}

/// Like [`text`] but never huge: for URLs, which a server may cut short at any length.
pub fn line(known: &Known) -> BoxedStrategy<String> {
    let mut pool: Vec<String> = known.emails.clone();
    pool.extend(known.passwords.iter().cloned());
    pool.extend(known.tokens.iter().cloned());
    pool.push("Grow the business".into());
    prop_oneof![
        3 => odd_piece(),
        2 => prop::collection::vec(odd_piece(), 2..5).prop_map(|parts| parts.concat()),
        2 => twisted(select(pool.clone()).boxed()),
        1 => select(pool),
    ]
    .boxed()
}

/// Long text: past every length limit, some of it multi-byte.
pub fn huge() -> BoxedStrategy<String> {
    (
        select(vec!["a", "é", "😀", "\0", "%", " ", "<b>", "\u{202e}"]),
        select(vec![256usize, 1_001, 4_097, 65_537, 300_000]),
    )
        .prop_map(|(unit, n)| unit.repeat(n))
        .boxed()
}

/// The real ids a field or parameter called `name` (in a request to `path`) most likely
/// wants.
pub fn ids_named(name: &str, path: &str, known: &Known) -> Vec<i64> {
    let name = name.to_lowercase();
    let ids = if name.contains("owner") || name.contains("manager") || path.starts_with("/users") {
        &known.user_ids
    } else if name.contains("period") {
        &known.period_ids
    } else if name.contains("number") || name.contains("version") {
        &known.versions
    } else if name == "id" && path.starts_with("/v2moms") {
        &known.v2mom_ids
    } else {
        return known.all_ids();
    };
    ids.clone()
}

/// An integer as text: a real id sometimes, an edge often, any text now and then.
pub fn int_text(real: &[i64], known: &Known) -> BoxedStrategy<String> {
    let real = if real.is_empty() {
        vec![1]
    } else {
        real.to_vec()
    };
    prop_oneof![
        8 => select(real).prop_map(|n| n.to_string()),
        2 => select(known.all_ids()).prop_map(|n| n.to_string()),
        3 => select(EDGE_NUMBERS).prop_map(str::to_owned),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => text(known),
    ]
    .boxed()
}

/// A checkbox, a boolean or something that is neither.
pub fn flag(known: &Known) -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(vec!["on", "true", "false", "1", "0", "", "yes", "TRUE", "off"])
            .prop_map(str::to_owned),
        1 => text(known),
    ]
    .boxed()
}

/// One of `variants`, in another case, or anything.
pub fn choice(variants: &'static [&'static str], known: &Known) -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(variants).prop_map(str::to_owned),
        1 => select(variants).prop_map(|v| v.to_uppercase()),
        2 => text(known),
    ]
    .boxed()
}

/// A JSON value of the wrong kind for wherever it lands.
pub fn wrong_json(known: &Known) -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        select(vec![f64::MAX, f64::MIN, -0.0, 1e-300, 0.5, -1.0]).prop_map(Value::from),
        select(vec![
            i64::MAX as i128,
            i64::MIN as i128,
            u64::MAX as i128,
            -1,
            0,
            2_147_483_648,
        ])
        .prop_map(|n| serde_json::from_str(&n.to_string()).unwrap()),
        text(known).prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("\\PC{0,8}", inner), 0..4)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
    .boxed()
}

/// JSON that no value can hold: text to send as a body as it is.
pub fn raw_json_text() -> BoxedStrategy<String> {
    prop_oneof![
        select(vec![
            "",
            " ",
            "{",
            "}",
            "[",
            "{\"a\":}",
            "{\"a\" 1}",
            "{'a': 1}",
            "nul",
            "NaN",
            "Infinity",
            "-",
            "1e999999",
            "-1e999999",
            "123456789012345678901234567890",
            "{\"owner_id\": 123456789012345678901234567890, \"period_id\": 1}",
            "{\"owner_id\": 1e400, \"period_id\": -1e400}",
            "{\"vision\": \"\\ud800\"}",
            "{\"vision\": \"\\udfff\\ud800\"}",
            "{\"title\": \"\\u0000\"}",
            "{\"title\": \"a\\u0000b\", \"vision\": \"\\u202e\\u200b\"}",
            "\"\\ud800\"",
            "{\"a\":1,\"a\":2,\"a\":3}",
            "{\"change\":\"publish\",\"change\":\"archive\"}",
            "\u{feff}{}",
            "{} {}",
            "[1,2,3,]",
            "{\"a\":1,}",
            "/* comment */ {}",
            "\0",
        ])
        .prop_map(str::to_owned),
        select(vec![64usize, 200, 1_000, 100_000])
            .prop_map(|depth| { format!("{}{}", "[".repeat(depth), "]".repeat(depth)) }),
        select(vec![64usize, 200, 5_000])
            .prop_map(|depth| { format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)) }),
        select(vec![1_000usize, 50_000]).prop_map(|n| {
            let fields: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{i}")).collect();
            format!("{{{}}}", fields.join(","))
        }),
        select(vec![1_000usize, 100_000]).prop_map(|n| "[\"x\"]".repeat(n)),
    ]
    .boxed()
}

/// Bytes that are not UTF-8 (and not anything else either).
pub fn bad_bytes() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        select(vec![
            b"\xff\xfe\xfd".to_vec(),
            b"email=\xff&password=\xc0\x80".to_vec(),
            b"\xc3\x28".to_vec(),
            b"\xed\xa0\x80".to_vec(),
            b"{\"vision\": \"\xff\"}".to_vec(),
            b"\x00\x00\x00".to_vec(),
        ]),
        prop::collection::vec(any::<u8>(), 1..64),
    ]
    .boxed()
}
