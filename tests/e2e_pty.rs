//! End to end: the real binary in a pseudo-terminal. It answers items with keys, quits, and
//! the saved file holds the answers.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/worked-example.json"
);

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen shows `needle`, or fails with what it shows.
    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "the screen never showed {needle:?}; it shows:\n{}",
            self.text()
        );
    }
}

fn create(data: &Path) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_supplycheck"))
        .args([
            "new",
            "--name",
            "Pty test",
            "--org",
            "Acme",
            "--questionnaire",
            "worked-example",
            "--questionnaire-file",
            FIXTURE,
        ])
        .env("SUPPLYCHECK_DATA_DIR", data)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn keys_in_a_real_terminal_are_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    create(dir.path());
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_supplycheck"));
    cmd.args(["open", "pty-test"]);
    cmd.env("SUPPLYCHECK_DATA_DIR", dir.path());
    cmd.env("NO_COLOR", "1");
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).expect("spawns");
    drop(pty.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let feed = Arc::clone(&parser);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            feed.lock().expect("parser").process(&buf[..n]);
        }
    });
    let screen = Screen { parser };
    let mut keys = pty.master.take_writer().expect("writer");
    let mut press = |k: &str| {
        keys.write_all(k.as_bytes()).expect("write");
        keys.flush().expect("flush");
    };

    screen.wait_for("Item A?");
    press("4");
    screen.wait_for("(•) 4");
    press("n");
    screen.wait_for("Item B?");
    press("3");
    screen.wait_for("(•) 3");
    press("nnnf");
    screen.wait_for("flagged for follow-up");
    press("q");

    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status:?}");
    // The terminal is back as it was: main screen, no mouse capture.
    std::thread::sleep(Duration::from_millis(200));
    {
        let parser = screen.parser.lock().expect("parser");
        assert!(
            !parser.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert_eq!(
            parser.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture is still on"
        );
    }

    let saved = std::fs::read_to_string(dir.path().join("assessments/pty-test.json"))
        .expect("the assessment file");
    let json: serde_json::Value = serde_json::from_str(&saved).expect("json");
    let answers = &json["answers"];
    assert_eq!(answers["worked-example/a"]["choice"], "fully");
    assert_eq!(answers["worked-example/b"]["choice"], "largely");
    assert_eq!(answers["worked-example/e"]["flag"], true);
}
