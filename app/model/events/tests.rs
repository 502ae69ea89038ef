//! Event kinds by name and in words, and a webhook's rules.

use super::*;

#[test]
fn kinds_read_back_by_their_names() {
    for kind in EventKind::ALL {
        assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.as_str()));
    }
}

#[test]
fn the_news_reads_in_the_reader_s_language() {
    let kind = EventKind::V2momSubmitted;
    assert_eq!(
        kind.sentence_in(Lang::En, "Ada", "Grow"),
        "Ada submitted for review “Grow”"
    );
    assert_eq!(
        kind.sentence_in(Lang::De, "Ada", "Grow"),
        "Ada hat „Grow“ zur Prüfung eingereicht"
    );
    assert_eq!(EventKind::V2momSaved.default_actor_in(Lang::De), "Jemand");
    assert_eq!(EventKind::WriteReminder.default_actor_in(Lang::De), "v2mom");
}

#[test]
fn a_webhook_needs_a_url_and_known_kinds() {
    let err = NewWebhook::default().check().unwrap_err();
    let text = format!("{err:?}");
    assert!(text.contains("url") && text.contains("events"), "{text}");
    let err = NewWebhook {
        url: "https://example.com/hook".into(),
        events: vec!["v2mom.exploded".into()],
        format: "xml".into(),
    }
    .check()
    .unwrap_err();
    let text = format!("{err:?}");
    assert!(
        text.contains("v2mom.exploded") && text.contains("format"),
        "{text}"
    );
    let ok = NewWebhook {
        url: " https://example.com/hook ".into(),
        events: vec![
            "v2mom.published".into(),
            "v2mom.submitted".into(),
            "v2mom.published".into(),
        ],
        format: String::new(),
    }
    .check()
    .unwrap();
    assert_eq!(ok.url, "https://example.com/hook");
    assert_eq!(
        ok.kinds,
        [EventKind::V2momSubmitted, EventKind::V2momPublished]
    );
    assert_eq!(ok.format, WebhookFormat::Json);
}
