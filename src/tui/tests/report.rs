//! Writing the board pack from the app: the dialog, the format by the file name, the time
//! it holds, and files it never writes over.

#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;

#[test]
fn w_at_home_writes_the_board_pack() {
    let mut f = at_home();
    let out = tempfile::tempdir().expect("tempdir");
    f.app.report_dir = Some(out.path().to_path_buf());
    press(&mut f.app, "w");
    assert!(matches!(f.app.mode, Mode::WriteReport(_)));
    press(&mut f.app, "<Enter>");
    assert_eq!(f.app.mode, Mode::Normal);
    let file = out.path().join("acme-2026-board-pack.html");
    let html = std::fs::read_to_string(&file).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    assert!(html.contains("Acme 2026"));
    assert_eq!(
        f.app.status,
        Status::Info("Wrote acme-2026-board-pack.html".into())
    );
    // An existing file is replaced only on a second Enter.
    std::fs::write(&file, "old").expect("write");
    press(&mut f.app, "w<Enter>");
    assert!(matches!(f.app.mode, Mode::WriteReport(_)));
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("exists")));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "old");
    press(&mut f.app, "<Enter>");
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn the_format_follows_the_file_name() {
    let mut f = opened();
    let out = tempfile::tempdir().expect("tempdir");
    f.app.report_dir = Some(out.path().to_path_buf());
    press(&mut f.app, "3r");
    press(
        &mut f.app,
        "w<Backspace><Backspace><Backspace><Backspace>txt<Enter>",
    );
    assert!(
        matches!(f.app.mode, Mode::WriteReport(_)),
        "the dialog stays"
    );
    assert!(
        matches!(&f.app.status, Status::Error(m) if m.contains(".html, .md, .csv, .json or .docx"))
    );
    press(&mut f.app, "<Backspace><Backspace><Backspace>md<Enter>");
    assert_eq!(f.app.mode, Mode::Normal);
    let md = std::fs::read_to_string(out.path().join("acme-2026-board-pack.md")).expect("md");
    assert!(md.starts_with("# "), "{md}");
    press(&mut f.app, "b");
    assert!(matches!(f.app.screen, Screen::Board { .. }));
    press(
        &mut f.app,
        "w<Backspace><Backspace><Backspace><Backspace>csv<Enter>",
    );
    let csv = std::fs::read_to_string(out.path().join("acme-2026-board-pack.csv")).expect("csv");
    assert!(csv.contains("worked-example/a"));
    // A Word document: a zip (it starts "PK") holding the paper.
    press(
        &mut f.app,
        "w<Backspace><Backspace><Backspace><Backspace>docx<Enter>",
    );
    assert_eq!(f.app.mode, Mode::Normal, "{:?}", f.app.status);
    let docx = std::fs::read(out.path().join("acme-2026-board-pack.docx")).expect("docx");
    assert!(docx.starts_with(b"PK"), "a zip file");
    // A folder that does not exist: the dialog says why and stays.
    press(&mut f.app, "w");
    press(&mut f.app, &"<Backspace>".repeat(25));
    act(&mut f.app, Action::Paste("no-such-folder/pack.json".into()));
    press(&mut f.app, "<Enter>");
    assert!(matches!(f.app.mode, Mode::WriteReport(_)));
    assert!(
        matches!(&f.app.status, Status::Error(m) if m.starts_with("Not written")),
        "{:?}",
        f.app.status
    );
    press(&mut f.app, "<Esc>");
    assert_eq!(f.app.status, Status::Info("No file was written.".into()));
}

#[test]
fn a_board_pack_written_after_a_change_holds_the_time_it_was_saved() {
    let mut f = at_home();
    add_assessment(&f.app.ws, "Acme 2020", None, "2020-01-01T00:00:00Z", &[]);
    refresh_home(&mut f.app);
    let selected = f
        .app
        .home
        .iter()
        .position(|r| r.name == "Acme 2020")
        .expect("listed");
    f.app.screen = Screen::Home { selected };
    let out = tempfile::tempdir().expect("tempdir");
    f.app.report_dir = Some(out.path().to_path_buf());
    press(&mut f.app, "<Enter>3rw");
    let Mode::WriteReport(form) = &f.app.mode else {
        panic!("the file dialog is open");
    };
    let name = form.file.text().replace(".html", ".json");
    press(
        &mut f.app,
        "<Backspace><Backspace><Backspace><Backspace>json<Enter>",
    );
    let text = std::fs::read_to_string(out.path().join(&name)).expect("written");
    let pack: serde_json::Value = serde_json::from_str(&text).expect("json");
    let updated = crate::stamp::stored(&saved(&f.app).updated);
    assert_ne!(updated, "2020-01-01T00:00:00Z", "the change is saved");
    assert_eq!(pack["assessment"]["updated"], updated.as_str());
}

#[test]
fn w_never_writes_over_an_assessment() {
    let mut f = at_home();
    let path = f.app.ws.store.path_of("acme-2026");
    let before = std::fs::read(&path).expect("read");
    let out = tempfile::tempdir().expect("tempdir");
    let copy = out.path().join("copy.json");
    std::fs::copy(&path, &copy).expect("copy");
    let in_store = f.app.ws.store.assessments_dir().join("pack.html");
    for (target, why) in [
        (&path, "assessments folder"),
        (&in_store, "assessments folder"),
        (&copy, "it is a supplycheck assessment"),
    ] {
        press(&mut f.app, "w");
        press(&mut f.app, &"<Backspace>".repeat(40));
        act(&mut f.app, Action::Paste(target.display().to_string()));
        // Refused at once, and again on a second Enter: never "Enter again replaces it".
        for _ in 0..2 {
            press(&mut f.app, "<Enter>");
            assert!(
                matches!(f.app.mode, Mode::WriteReport(_)),
                "the dialog stays"
            );
            assert!(
                matches!(&f.app.status, Status::Error(m)
                    if m.starts_with("Not written: ") && m.contains(why)),
                "{:?}",
                f.app.status
            );
        }
        press(&mut f.app, "<Esc>");
    }
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(std::fs::read(&copy).expect("read"), before);
    assert!(!in_store.exists());
}
