//! The image's promises, checked on the Dockerfile itself (these machines have no container
//! engine to build it): a minimal non-root runtime with no build tools, a read-only root file
//! system that works, a health check through the binary, OCI labels.

/// One instruction: its keyword (upper case) and its arguments, continuation lines joined.
struct Instruction {
    keyword: String,
    args: String,
}

fn instructions(text: &str) -> Vec<Instruction> {
    let mut joined = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || (line.is_empty() && current.is_empty()) {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(head) => current.push_str(head),
            None => {
                current.push_str(line);
                joined.push(std::mem::take(&mut current));
            }
        }
    }
    joined
        .into_iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (keyword, args) = line.trim().split_once(char::is_whitespace).unwrap();
            Instruction {
                keyword: keyword.to_uppercase(),
                args: args.split_whitespace().collect::<Vec<_>>().join(" "),
            }
        })
        .collect()
}

/// The instructions of the last stage, from its `FROM` on.
fn runtime_stage(all: &[Instruction]) -> &[Instruction] {
    let from = all.iter().rposition(|i| i.keyword == "FROM").unwrap();
    &all[from..]
}

fn args_of<'a>(stage: &'a [Instruction], keyword: &str) -> Vec<&'a str> {
    stage
        .iter()
        .filter(|i| i.keyword == keyword)
        .map(|i| i.args.as_str())
        .collect()
}

#[test]
fn the_image_is_minimal_non_root_read_only_ready_and_checks_its_own_health() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Dockerfile")).unwrap();
    let all = instructions(&text);
    let runtime = runtime_stage(&all);
    let only = |keyword: &str| {
        let found = args_of(runtime, keyword);
        assert_eq!(
            found.len(),
            1,
            "one {keyword} in the runtime stage: {found:?}"
        );
        found[0]
    };

    // Minimal: distroless, and nothing run inside it (it has no shell, and no build tool
    // arrives by a RUN); everything in it is copied from the builder.
    assert!(
        only("FROM").starts_with("gcr.io/distroless/"),
        "runtime base: {}",
        only("FROM")
    );
    assert!(
        args_of(runtime, "RUN").is_empty(),
        "RUN in the runtime stage"
    );
    assert!(
        args_of(&all, "ADD").is_empty(),
        "ADD fetches or unpacks implicitly: use COPY"
    );
    let copies = args_of(runtime, "COPY");
    assert!(
        copies
            .iter()
            .all(|c| c.starts_with("--from=builder ") || c.starts_with("--from=builder --chown=")),
        "the runtime takes only the builder's results: {copies:?}"
    );
    assert!(copies.iter().any(|c| c.ends_with(" /usr/local/bin/v2mom")));

    // Non-root, by number (Kubernetes' runAsNonRoot can check a number, not a name).
    let user = only("USER");
    let uid: u32 = user
        .split(':')
        .next()
        .unwrap()
        .parse()
        .expect("a numeric user");
    assert_ne!(uid, 0, "runs as root");

    // Read-only root: the one place it writes is the data directory, a volume the user owns.
    let env = args_of(runtime, "ENV").join(" ");
    let data_dir = env
        .split_whitespace()
        .find_map(|kv| kv.strip_prefix("V2MOM_DATA_DIR="))
        .expect("V2MOM_DATA_DIR set");
    assert_eq!(only("VOLUME"), format!("[\"{data_dir}\"]"));
    assert!(
        copies.iter().any(
            |c| c.contains(&format!("--chown={user} ")) && c.ends_with(&format!(" {data_dir}"))
        ),
        "the data directory belongs to {user}: {copies:?}"
    );

    // Its own health check, in exec form (there is no shell to run a string).
    let health = only("HEALTHCHECK");
    assert!(
        health.ends_with(r#"CMD ["/usr/local/bin/v2mom", "healthcheck"]"#),
        "{health}"
    );
    assert_eq!(only("ENTRYPOINT"), r#"["/usr/local/bin/v2mom"]"#);
    assert_eq!(only("CMD"), r#"["serve"]"#);

    // OCI labels.
    let labels = args_of(runtime, "LABEL").join(" ");
    for key in ["title", "description", "licenses", "version", "revision"] {
        assert!(
            labels.contains(&format!("org.opencontainers.image.{key}=")),
            "label {key}: {labels}"
        );
    }
}
