//! Dates and numbers as each language writes them. Two languages' conventions are a few
//! lines each; a full CLDR library would add its data to the browser's bundle.

use super::Lang;

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_DE: [&str; 12] = [
    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
];

/// A day given as `YYYY-MM-DD` (what the server sends; a time after it is ignored):
/// "6 Dec 2026", "6. Dez. 2026". Text that is not such a day is returned as it is.
pub fn date(lang: Lang, iso: &str) -> String {
    let parsed = (|| {
        let day = iso.get(..10)?;
        let mut parts = day.split('-');
        let year: u32 = parts.next()?.parse().ok()?;
        let month: usize = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        (1..=12).contains(&month).then_some((year, month, day))
    })();
    let Some((year, month, day)) = parsed else {
        return iso.to_owned();
    };
    match lang {
        Lang::En => format!("{day} {} {year}", MONTHS_EN[month - 1]),
        Lang::De => format!("{day}. {} {year}", MONTHS_DE[month - 1]),
    }
}

/// A moment, as the server sends it (RFC 3339 in UTC, `2026-12-06T10:00:00Z`, or
/// `2026-12-06 10:00 UTC`): "6 Dec 2026, 10:00 UTC", "6. Dez. 2026, 10:00 UTC". Other text
/// is returned as it is.
pub fn date_time(lang: Lang, text: &str) -> String {
    let time = match (text.get(10..11), text.get(11..16)) {
        (Some("T" | " "), Some(time)) if time.as_bytes().get(2) == Some(&b':') => time,
        _ => return date(lang, text),
    };
    format!("{}, {time} UTC", date(lang, text))
}

/// `value` with `decimals` places and the language's separators: "1,234.5", "1.234,5".
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    let (group, point) = match lang {
        Lang::En => (',', '.'),
        Lang::De => ('.', ','),
    };
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

/// A share of 0 to 100, rounded to whole percent: "75%", "75 %" (German puts a
/// non-breaking space before the sign).
pub fn percent(lang: Lang, value: f64) -> String {
    let n = number(lang, value.round(), 0);
    match lang {
        Lang::En => format!("{n}%"),
        Lang::De => format!("{n}\u{a0}%"),
    }
}
