//! Text from files acts on nothing: whatever a questionnaire or an assessment holds, no
//! command prints a control character or a bidi override (stdout or stderr), Markdown
//! reports keep their structure, and a closed or full standard output ends a command
//! cleanly.

use std::path::Path;
use std::process::Stdio;

use pulldown_cmark::{Event, Parser, Tag};
use serde_json::{Value, json};

mod common;

use common::FIXTURE;

/// OSC 52 (writes the clipboard), OSC 0 (the window title), CSI as ESC [ and as U+009B, a
/// C1 control, bidi overrides, isolates and marks, and BEL.
const PAYLOAD: &str = "\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]0;pwned\u{7}\u{1b}[31m\u{9b}2J\u{202e}\
                       \u{2066}\u{200f}\u{61c}\u{85}\u{0}x";

/// [`PAYLOAD`] as a command-line argument, which cannot hold NUL.
const ARG: &str = "\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]0;pwned\u{7}\u{1b}[31m\u{9b}2J\u{202e}\
                   \u{2066}\u{200f}\u{61c}\u{85}x";

/// Fields of a questionnaire that hold text for people.
const TEXT_KEYS: [&str; 9] = [
    "title",
    "description",
    "source",
    "intro",
    "prompt",
    "guidance",
    "label",
    "text",
    "version",
];

/// Adds `payload` to every text field of a questionnaire (ids stay valid).
fn poison(v: &mut Value, payload: &str) {
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    Value::String(s) if TEXT_KEYS.contains(&key.as_str()) => s.push_str(payload),
                    Value::Array(items) if key == "refs" => {
                        for r in items {
                            if let Value::String(s) = r {
                                s.push_str(payload);
                            }
                        }
                    }
                    other => poison(other, payload),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| poison(i, payload)),
        _ => {}
    }
}

/// The worked-example questionnaire with `payload` in every text field.
fn hostile_questionnaire(payload: &str) -> Value {
    let mut q: Value =
        serde_json::from_str(&std::fs::read_to_string(FIXTURE).expect("fixture")).expect("json");
    poison(&mut q, payload);
    q
}

/// An assessment of the worked example with `payload` in every text field.
fn hostile_assessment(id: &str, payload: &str) -> Value {
    json!({
        "format": "supplycheck.assessment/1",
        "id": id,
        "name": format!("Name {payload}"),
        "organisation": format!("Org {payload}"),
        "respondent": format!("Resp {payload}"),
        "created": "2026-11-22T10:00:00Z",
        "updated": "2026-11-22T10:00:00Z",
        "questionnaires": [ { "id": "worked-example", "version": format!("1.0.0{payload}") } ],
        "answers": {
            "worked-example/a": { "choice": "not", "note": payload, "owner": payload, "flag": true },
            "worked-example/b": { "choice": payload },
            "worked-example/d": { "checked": [payload] },
            "worked-example/strategy": { "text": payload },
            format!("worked-example/{payload}"): { "na": true },
        },
        "responses": {
            "worked-example/c": [
                { "respondent": payload, "answer": { "choice": "fully" } },
                { "respondent": "Bob", "answer": { "choice": "not" } }
            ]
        }
    })
}

/// A data directory with the hostile questionnaire and assessments `x` and `y`, a file
/// with a hostile name that is not an assessment, and an assessment with a hostile id.
fn hostile_env(payload: &str) -> common::Env {
    let env = common::Env::new();
    let root = env.dir.path();
    std::fs::create_dir_all(root.join("questionnaires")).expect("dir");
    std::fs::create_dir_all(root.join("assessments")).expect("dir");
    let write = |path: &Path, v: &Value| {
        std::fs::write(path, serde_json::to_vec_pretty(v).expect("json")).expect("write");
    };
    write(
        &root.join("questionnaires/worked-example.json"),
        &hostile_questionnaire(payload),
    );
    let mut broken = hostile_questionnaire(payload);
    broken["id"] = json!("broken");
    broken["sections"][0]["items"][0]["kind"] = json!(payload);
    write(
        &root.join(format!("questionnaires/b{}.json", sanitize_name(payload))),
        &broken,
    );
    write(
        &root.join("assessments/x.json"),
        &hostile_assessment("x", payload),
    );
    write(
        &root.join("assessments/y.json"),
        &hostile_assessment("y", payload),
    );
    write(
        &root.join("assessments/evil-id.json"),
        &hostile_assessment(&format!("evil{payload}"), payload),
    );
    std::fs::write(
        root.join(format!("assessments/n{}.json", sanitize_name(payload))),
        format!("{{\"format\": \"{}\"", payload.replace('\u{0}', "")),
    )
    .expect("write");
    env
}

/// `payload` as part of a file name: without `/` and NUL, which no file name can hold.
fn sanitize_name(payload: &str) -> String {
    payload.replace(['/', '\u{0}'], "")
}

/// Fails when `bytes` hold a control character (other than line feed, carriage return and
/// tab) or a bidi control.
fn assert_clean(what: &str, bytes: &[u8]) {
    assert!(
        !bytes.iter().any(|b| matches!(b, 0x1b | 0x07 | 0x00)),
        "{what}: {}",
        String::from_utf8_lossy(bytes)
    );
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = text.chars().find(|c| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
    }) {
        panic!("{what} printed {c:?}:\n{text}");
    }
}

/// Every command that prints text from files, with its arguments.
const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["list", "--json"],
    &["score", "x"],
    &["score", "x", "--json"],
    &["score", "evil-id"],
    &["compare", "x", "y"],
    &["compare", "x", "y", "--json"],
    &["report", "x", "--format", "md"],
    &["report", "x", "--format", "csv"],
    &["report", "x", "--format", "html"],
    &["report", "x", "--format", "json"],
    &["report", "x", "--format", "md", "--compare", "y"],
    &["questionnaires", "list"],
    &["questionnaires", "list", "--json"],
    &["questionnaires", "show", "worked-example"],
    &["questionnaires", "show", "worked-example", "--json"],
    &["answer", "y", "a", "fully", "--note", ARG],
    &["merge", "x", "y", "-o", "m", "--force"],
    &["merge", "x", "y", "-o", "m2", "--force", "--json"],
    &[
        "new",
        "--name",
        ARG,
        "--org",
        ARG,
        "--questionnaire",
        "worked-example",
    ],
    &["questionnaires", "show", ARG],
    &["score", ARG],
];

/// Runs every command on the hostile data directory and checks both streams.
fn run_every_command(env: &common::Env) {
    let validate_file = env.dir.path().join("questionnaires/worked-example.json");
    for args in COMMANDS {
        let out = env.cmd().args(*args).output().expect("runs");
        assert_clean(&format!("{args:?} stdout"), &out.stdout);
        assert_clean(&format!("{args:?} stderr"), &out.stderr);
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked");
    }
    let out = env
        .cmd()
        .args(["questionnaires", "validate"])
        .arg(&validate_file)
        .arg(
            env.dir
                .path()
                .join(format!("questionnaires/b{}.json", sanitize_name(PAYLOAD))),
        )
        .output()
        .expect("runs");
    assert_clean("validate stdout", &out.stdout);
    assert_clean("validate stderr", &out.stderr);
}

#[test]
fn no_command_prints_a_control_character_from_a_file() {
    let env = hostile_env(PAYLOAD);
    run_every_command(&env);
}

#[test]
fn an_invalid_assessment_id_is_refused_naming_the_field() {
    let env = hostile_env("");
    let root = env.dir.path();
    for (id, expected) in [
        (
            "Evil`<b>".to_string(),
            "\"id\": id \"Evil`<b>\" is not valid: use lower-case letters, digits and '-' only",
        ),
        (
            "a".repeat(65),
            "\"id\": id \"aaaaaaaaaaaaaaaaaaaa…\" is too long (65 characters): use at most 64",
        ),
    ] {
        std::fs::write(
            root.join("assessments/bad.json"),
            serde_json::to_vec_pretty(&hostile_assessment(&id, "")).expect("json"),
        )
        .expect("write");
        let out = env.cmd().args(["score", "bad"]).output().expect("runs");
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{stderr}");
        assert!(stderr.contains("bad.json: line "), "{stderr}");
    }
    let mut q = hostile_questionnaire("");
    q["id"] = json!("q".repeat(65));
    let file = root.join("long.json");
    std::fs::write(&file, serde_json::to_vec(&q).expect("json")).expect("write");
    let out = env
        .cmd()
        .args(["questionnaires", "validate"])
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("error: id: id \"qqqqqqqqqqqqqqqqqqqq…\" is too long (65 characters)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The structure of a Markdown document: how many of each block and inline element (line
/// breaks aside: a note keeps its lines).
fn structure(markdown: &str) -> Vec<(String, usize)> {
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        let name = match event {
            Event::Start(Tag::Heading { level, .. }) => format!("heading {level}"),
            Event::Start(tag) => format!("{tag:?}")
                .split(['(', ' ', '{'])
                .next()
                .unwrap_or_default()
                .to_string(),
            Event::Html(_) | Event::InlineHtml(_) => "html".into(),
            Event::Code(_) => "code".into(),
            Event::Rule => "rule".into(),
            _ => continue,
        };
        *counts.entry(name).or_default() += 1;
    }
    counts.into_iter().collect()
}

#[test]
fn markdown_reports_keep_their_structure_whatever_the_text() {
    let injection = "x` <b>html</b> <script>alert(1)</script> [link](http://evil) \
                     ![img](http://evil/i.png) <http://evil> *em* __strong__ ~~del~~ &amp; \
                     | cell | \\\n===\n---\n# heading\n> quote\n- item\n1. one\n    code\n```\nfence";
    let render = |payload: &str| {
        let q: supplycheck::questionnaire::Questionnaire =
            serde_json::from_value(hostile_questionnaire(payload)).expect("questionnaire");
        let mut a: supplycheck::assessment::Assessment =
            serde_json::from_value(hostile_assessment("x", payload)).expect("assessment");
        a.id = format!("x{payload}");
        let mut before = a.clone();
        before.id = format!("y{payload}");
        before.answers.insert(
            "worked-example/a".into(),
            supplycheck::assessment::Answer::from(supplycheck::assessment::Value::Choice(
                "fully".into(),
            )),
        );
        let pack = supplycheck::report::BoardPack::from_questionnaires(&[&q], &a);
        let compared = supplycheck::report::BoardPack::compared(&[&q], &a, &[&q], &before);
        (
            supplycheck::report::render(&pack, supplycheck::report::Format::Markdown),
            supplycheck::report::render(&compared, supplycheck::report::Format::Markdown),
        )
    };
    let (plain, plain_compared) = render(" plain words");
    let (hostile, hostile_compared) = render(&format!(" {injection}"));
    assert_eq!(structure(&hostile), structure(&plain));
    assert_eq!(structure(&hostile_compared), structure(&plain_compared));
    for events in [structure(&hostile), structure(&hostile_compared)] {
        assert!(
            events
                .iter()
                .all(|(name, _)| !["html", "Link", "Image", "Strikethrough"]
                    .contains(&name.as_str())),
            "{events:?}"
        );
    }
    let setext = "===\n";
    assert!(!hostile.contains(&format!("\n{setext}")), "{hostile}");
}

/// Runs `args` with `stdout` as standard output.
fn run_with_stdout(env: &common::Env, args: &[&str], stdout: Stdio) -> std::process::Output {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("supplycheck"))
        .env("SUPPLYCHECK_DATA_DIR", env.dir.path())
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("runs")
}

/// Runs `args` with standard output a pipe whose reader is already closed.
fn run_into_closed_pipe(env: &common::Env, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    run_with_stdout(env, args, writer.into())
}

/// Runs `args` with standard output `/dev/full`, where every write fails: the disk is full.
#[cfg(target_os = "linux")]
fn run_into_full_device(env: &common::Env, args: &[&str]) -> std::process::Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    run_with_stdout(env, args, full.into())
}

/// Every command that prints to standard output.
const PRINTING: &[&[&str]] = &[
    &["list"],
    &["list", "--json"],
    &["score", "x"],
    &["score", "x", "--json"],
    &["compare", "x", "y"],
    &["compare", "x", "y", "--json"],
    &["report", "x", "--format", "md"],
    &["report", "x", "--format", "json"],
    &["questionnaires", "list"],
    &["questionnaires", "list", "--json"],
    &["questionnaires", "show", "worked-example"],
    &["questionnaires", "show", "worked-example", "--json"],
    &["completions", "bash"],
];

fn clean_env() -> common::Env {
    let env = common::Env::new();
    for id in ["x", "y"] {
        let id = env.new_example(id);
        env.answer(&id, &["a", "fully"]);
    }
    env
}

#[test]
fn a_closed_standard_output_ends_every_command_quietly() {
    let env = clean_env();
    for args in PRINTING {
        let out = run_into_closed_pipe(&env, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_full_standard_output_is_an_error_for_people() {
    let env = clean_env();
    for args in PRINTING {
        let out = run_into_full_device(&env, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "error: cannot write to standard output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

#[test]
fn new_fails_only_when_nothing_was_created() {
    let env = clean_env();
    let out = run_into_closed_pipe(
        &env,
        &[
            "--questionnaire-file",
            FIXTURE,
            "new",
            "--name",
            "Closed",
            "--questionnaire",
            "worked-example",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("(id closed), but the id could not be printed: standard output was closed."),
        "{stderr}"
    );
    assert!(env.path("closed").is_file());
    #[cfg(target_os = "linux")]
    {
        let out = run_into_full_device(
            &env,
            &["new", "--name", "Full", "--questionnaire", "worked-example"],
        );
        assert_eq!(out.status.code(), Some(0));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(
                "(id full), but the id could not be printed: cannot write to standard output: \
                 No space left on device"
            ),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(env.path("full").is_file());
    }
}

#[cfg(target_os = "linux")]
#[test]
fn merge_and_restore_succeed_when_only_their_summary_cannot_be_printed() {
    let env = clean_env();
    let one = env.new_example("One");
    let two = env.new_example("Two");
    let out = run_into_full_device(&env, &["merge", &one, &two, "-o", "both"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("but what was done could not be printed"),
        "{stderr}"
    );
    assert!(env.path("both").is_file());

    let mut store_path = env.path("one");
    store_path.set_extension("json");
    let ws = supplycheck::store::Store::at(env.dir.path().to_path_buf());
    ws.delete_assessment(&store_path).expect("deleted");
    let out = run_into_full_device(&env, &["restore", "one"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(env.path("one").is_file());

    for args in [&["--help"][..], &["--version"], &["report", "--help"]] {
        let out = run_into_full_device(&env, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains("error: cannot write to standard output: No space left on device"),
            "{args:?}"
        );
    }
}

/// The elements of a Word document's body and how many of each, as a shape to compare.
fn docx_structure(bytes: &[u8]) -> (Vec<(String, usize)>, String) {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("the document")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    let mut foot = String::new();
    zip.by_name("word/footer1.xml")
        .expect("the page foot")
        .read_to_string(&mut foot)
        .expect("UTF-8");
    roxmltree::Document::parse(&foot).expect("a well-formed page foot");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for n in doc.descendants().filter(roxmltree::Node::is_element) {
        *counts.entry(n.tag_name().name().to_string()).or_default() += 1;
    }
    (counts.into_iter().collect(), xml + &foot)
}

#[test]
fn word_documents_stay_well_formed_whatever_the_text() {
    let injection = "</w:t></w:r></w:p><w:p><w:r><w:t>injected]]><!-- & &amp; \"'\u{fffe}\u{ffff}\
                     \u{1b}[31m\u{7}\u{0}\u{b}\u{c}\u{85}\u{202e}";
    let render = |payload: &str| {
        let q: supplycheck::questionnaire::Questionnaire =
            serde_json::from_value(hostile_questionnaire(payload)).expect("questionnaire");
        let mut a: supplycheck::assessment::Assessment =
            serde_json::from_value(hostile_assessment("x", payload)).expect("assessment");
        let answer = a.answers.entry("worked-example/a".into()).or_default();
        answer.decision = Some(format!("Decide {payload}"));
        answer.evidence = vec![supplycheck::record::Evidence::new(format!("Doc {payload}"))];
        let pack = supplycheck::report::BoardPack::from_questionnaires(&[&q], &a);
        supplycheck::report::docx::render(&pack, true).expect("a document")
    };
    let (plain, _) = docx_structure(&render(" plain words"));
    let (hostile, xml) = docx_structure(&render(&format!(" {injection}")));
    assert_eq!(hostile, plain, "the text made no elements of its own");
    if let Some(c) = xml.chars().find(|c| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || matches!(c, '\u{fffe}' | '\u{ffff}' | '\u{202e}')
    }) {
        panic!("document.xml holds {c:?}");
    }
    assert!(
        xml.contains("&lt;/w:t&gt;&lt;/w:r&gt;&lt;/w:p&gt;"),
        "escaped markup"
    );
}
