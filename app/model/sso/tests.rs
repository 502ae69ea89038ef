//! The providers' rules field by field, presets, domain matching and failure codes.

use super::*;

fn form() -> ProviderForm {
    ProviderForm {
        kind: "oidc".into(),
        name: "Acme SSO".into(),
        slug: "acme".into(),
        issuer_url: "https://id.acme.example".into(),
        client_id: "v2mom".into(),
        client_secret: "s3cret".into(),
        enabled: true,
        link_verified_emails: true,
        allowed_domains: "acme.example, @Sub.Acme.example".into(),
    }
}

fn failed(form: &ProviderForm, new: bool) -> Vec<String> {
    match form.clone().check(new).into_result() {
        Ok(()) => vec![],
        Err(crate::error::AppError::Invalid { fields }) => {
            fields.into_iter().map(|f| f.field).collect()
        }
        Err(other) => panic!("{other:?}"),
    }
}

#[test]
fn a_complete_form_passes() {
    assert!(failed(&form(), true).is_empty());
}

#[test]
fn each_field_is_checked() {
    for (change, field) in [
        (
            &(|f: &mut ProviderForm| f.kind = "saml".into()) as &dyn Fn(&mut ProviderForm),
            "kind",
        ),
        (&|f| f.name = " ".into(), "name"),
        (&|f| f.slug = "Acme".into(), "slug"),
        (&|f| f.slug = "1acme".into(), "slug"),
        (&|f| f.slug = "acme/x".into(), "slug"),
        (
            &|f| f.issuer_url = "http://id.acme.example".into(),
            "issuer_url",
        ),
        (&|f| f.issuer_url = "https://".into(), "issuer_url"),
        (
            &|f| f.issuer_url = "https://id.acme.example?x".into(),
            "issuer_url",
        ),
        (&|f| f.issuer_url = "".into(), "issuer_url"),
        (&|f| f.client_id = "".into(), "client_id"),
        (&|f| f.client_secret = "".into(), "client_secret"),
        (&|f| f.allowed_domains = "acme".into(), "allowed_domains"),
        (
            &|f| f.allowed_domains = "a..example".into(),
            "allowed_domains",
        ),
    ] {
        let mut f = form();
        change(&mut f);
        assert_eq!(failed(&f, true), vec![field.to_owned()], "{f:?}");
    }
}

#[test]
fn presets_need_no_issuer_and_edits_keep_the_secret() {
    for kind in ["google", "github"] {
        let f = ProviderForm {
            kind: kind.into(),
            issuer_url: "".into(),
            ..form()
        };
        assert!(failed(&f, true).is_empty(), "{kind}");
    }
    let f = ProviderForm {
        client_secret: "".into(),
        slug: "".into(),
        ..form()
    };
    assert!(failed(&f, false).is_empty());
    assert_eq!(
        ProviderKind::Google.issuer_url("https://evil.example"),
        GOOGLE_ISSUER
    );
    assert_eq!(ProviderKind::Github.issuer_url(""), GITHUB_URL);
    assert_eq!(
        ProviderKind::Oidc.issuer_url("https://id.example/"),
        "https://id.example"
    );
    let local = ProviderForm {
        issuer_url: "http://127.0.0.1:8080/realms/x".into(),
        ..form()
    };
    assert!(failed(&local, true).is_empty());
}

#[test]
fn domains_are_matched_whole_and_without_case() {
    let allowed = "acme.example, @Sub.Acme.example";
    assert!(domain_allowed("ann@ACME.example", allowed));
    assert!(domain_allowed("bo@sub.acme.example", allowed));
    assert!(!domain_allowed("eve@evilacme.example", allowed));
    assert!(!domain_allowed("eve@acme.example.evil", allowed));
    assert!(!domain_allowed("eve@other.example", allowed));
    assert!(!domain_allowed("eve@acme.example", ""));
    assert!(!domain_allowed("no-at-sign", allowed));
}

#[test]
fn failure_codes_round_trip() {
    for failure in SsoFailure::ALL {
        assert_eq!(SsoFailure::from_code(failure.code()), Some(failure));
    }
    assert_eq!(SsoFailure::from_code("<script>"), None);
}
