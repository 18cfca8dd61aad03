//! The real binary in a pseudo-terminal: start it, read its screen, press keys, wait.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long to wait for a screen or an exit before failing.
const PATIENCE: Duration = Duration::from_secs(20);

/// A running `supplycheck` in a pseudo-terminal of the given size.
pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    keys: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// Asks the reading thread to stop (and close its end) once the screen shows this.
    stop_reading: Arc<Mutex<Option<String>>>,
    /// Says the reading thread has closed its end.
    stopped_reading: Receiver<()>,
}

impl Term {
    /// Starts `supplycheck ARGS` with the data directory `data`, no colour, 80×24 or the
    /// given size.
    pub fn start(data: &Path, args: &[&str], rows: u16, cols: u16) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_supplycheck"));
        cmd.args(args);
        cmd.env("SUPPLYCHECK_DATA_DIR", data);
        cmd.env("NO_COLOR", "1");
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).expect("spawns");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let feed = Arc::clone(&parser);
        let stop_reading = Arc::new(Mutex::new(None::<String>));
        let stop = Arc::clone(&stop_reading);
        let (done, stopped_reading) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut parser = feed.lock().expect("parser");
                parser.process(&buf[..n]);
                let needle = stop.lock().expect("needle").clone();
                if needle.is_some_and(|n| parser.screen().contents().contains(&n)) {
                    break;
                }
            }
            drop(reader);
            let _ = done.send(());
        });
        let keys = pty.master.take_writer().expect("writer");
        Self {
            parser,
            keys: Some(keys),
            child,
            master: Some(pty.master),
            stop_reading,
            stopped_reading,
        }
    }

    /// Types `keys`, waits until the screen shows `shown` (the program has read them), and
    /// closes the terminal `after` that, as closing its window does: every handle on the
    /// pseudo-terminal's master side is dropped. No signal is sent from here.
    pub fn type_and_close(&mut self, keys: &str, shown: &str, after: Duration) {
        *self.stop_reading.lock().expect("needle") = Some(shown.to_string());
        self.press(keys);
        // The reading thread closes its end once the screen shows the typing.
        assert!(
            self.stopped_reading.recv_timeout(PATIENCE).is_ok(),
            "the screen never showed {shown:?}; it shows:\n{}",
            self.text()
        );
        std::thread::sleep(after);
        self.keys = None;
        self.master = None;
    }

    /// What the screen shows now.
    pub fn text(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen shows `needle`, or fails with what it shows.
    pub fn wait_for(&self, needle: &str) {
        self.wait_for_all(&[needle]);
    }

    /// Waits until the screen shows every one of `needles` at once, or fails with what it
    /// shows.
    pub fn wait_for_all(&self, needles: &[&str]) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            let text = self.text();
            if needles.iter().all(|n| text.contains(n)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "the screen never showed {needles:?}; it shows:\n{}",
            self.text()
        );
    }

    /// Types `keys` (bytes as a terminal sends them).
    pub fn press(&mut self, keys: &str) {
        let writer = self.keys.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).expect("write");
        writer.flush().expect("flush");
    }

    /// Waits for the process to end and returns its exit status.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the program did not end; the screen shows:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    /// Whether the program left the cursor hidden.
    pub fn cursor_hidden(&self) -> bool {
        self.screen(vt100::Screen::hide_cursor)
    }

    /// Looks at the terminal's screen state (cursor, alternate screen, mouse mode).
    pub fn screen<R>(&self, look: impl FnOnce(&vt100::Screen) -> R) -> R {
        look(self.parser.lock().expect("parser").screen())
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
