//! The terminal edge: set the terminal up, run the event loop, and put the terminal back as
//! it was on every exit — a normal quit, an error, a panic, or SIGTERM/SIGHUP.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context as _;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use super::action::Action;
use super::app::App;
use super::theme::Theme;
use super::{effects, keys, ui};
use crate::text::sanitize;
use crate::workspace::Workspace;

/// Where the app starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// At home: the list of assessments.
    Home,
    /// Straight in the questionnaire of this assessment (id or path); `q` there quits.
    Open(String),
}

/// Where the event loop gets events from.
pub trait Events {
    /// The next event, or `None` when none came in a short while.
    fn next(&mut self) -> io::Result<Option<Event>>;
}

/// Events from the real terminal, polled so that the loop can notice a signal.
#[derive(Debug, Default)]
pub struct TerminalEvents;

impl Events for TerminalEvents {
    fn next(&mut self) -> io::Result<Option<Event>> {
        if event::poll(Duration::from_millis(200))? {
            return event::read().map(Some);
        }
        // A terminal that went away can read as nothing at all; asking its size tells.
        #[cfg(unix)]
        ratatui::crossterm::terminal::window_size()?;
        Ok(None)
    }
}

/// Events from a list, for tests: `None` once the list is used up ends the loop.
#[derive(Debug, Default)]
pub struct ScriptedEvents(pub std::collections::VecDeque<Event>);

impl Events for ScriptedEvents {
    fn next(&mut self) -> io::Result<Option<Event>> {
        Ok(self.0.pop_front())
    }
}

/// The action an event asks for, given the app and the screen's size. While the window is
/// too small to show the app, nothing but Ctrl-C does anything (a resize redraws).
pub fn action_for_event(app: &App, area: Rect, event: &Event) -> Option<Action> {
    if ui::too_small_for(area) {
        return match event {
            Event::Key(key) => keys::action_for(app.context(), key).filter(|a| *a == Action::Quit),
            _ => None,
        };
    }
    match event {
        Event::Key(key) => keys::action_for(app.context(), key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => ui::hit(app, area, m.column, m.row),
            MouseEventKind::ScrollUp => Some(Action::Up),
            MouseEventKind::ScrollDown => Some(Action::Down),
            _ => None,
        },
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

/// Runs the app on any backend until it quits, the events run out (`ScriptedEvents`), or
/// `stop` is set (a signal). Every change is saved as it is made, so stopping loses nothing.
/// A terminal that cannot be read or drawn on any more (closed, hung up) ends the loop like
/// a signal does — the text being written is kept and saved — and the error is returned.
pub fn run_loop<B: Backend, E: Events>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut E,
    stop: &AtomicBool,
    scripted: bool,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let gone = |app: &mut App, e: anyhow::Error| {
        effects::hang_up(app);
        Err(e)
    };
    let started = std::time::Instant::now();
    loop {
        // The app keeps time (the session plan) by this, read here rather than in `update`.
        app.now = started.elapsed();
        if let Err(e) = terminal.draw(|frame| ui::view(app, frame)) {
            return gone(
                app,
                anyhow::Error::new(e).context("cannot draw on the terminal"),
            );
        }
        if app.should_quit {
            return Ok(());
        }
        let next = events.next();
        if stop.load(Ordering::Relaxed) {
            effects::hang_up(app);
            return Ok(());
        }
        let next = match next {
            Ok(next) => next,
            Err(e) => {
                return gone(
                    app,
                    anyhow::Error::new(e).context("cannot read from the terminal"),
                );
            }
        };
        let Some(event) = next else {
            if scripted {
                return Ok(());
            }
            app.now = started.elapsed();
            let asked = app.update(Action::Idle);
            effects::perform(app, asked);
            continue;
        };
        let size = match terminal.size() {
            Ok(size) => size,
            Err(e) => {
                return gone(
                    app,
                    anyhow::Error::new(e).context("cannot read the terminal's size"),
                );
            }
        };
        let area = Rect::new(0, 0, size.width, size.height);
        app.now = started.elapsed();
        for event in split_alt(event) {
            if let Some(action) = action_for_event(app, area, &event) {
                let asked = app.update(action);
                effects::perform(app, asked);
            }
        }
    }
}

/// Terminals send Esc followed quickly by a key as that key with Alt. No command uses Alt,
/// so Alt-x is read as Esc then x (leaving a text field and then the command is not lost).
pub fn split_alt(event: Event) -> Vec<Event> {
    match event {
        Event::Key(key)
            if key.modifiers.contains(KeyModifiers::ALT)
                && matches!(key.code, KeyCode::Char(_))
                && key.kind != KeyEventKind::Release =>
        {
            let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
            let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
            vec![Event::Key(esc), Event::Key(plain)]
        }
        other => vec![other],
    }
}

/// Turns mouse capture and bracketed paste off and restores the terminal when dropped, so
/// every way out of [`run`] leaves the terminal as it was.
struct Guard;

fn switch_off() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    // A terminal that went away cannot be restored, nor told so: never panic over it.
    if let Err(e) = ratatui::try_restore() {
        let _ = writeln!(io::stderr(), "cannot restore the terminal: {e}");
    }
    let _ = io::stdout().flush();
}

impl Drop for Guard {
    fn drop(&mut self) {
        switch_off();
    }
}

/// On SIGTERM or SIGHUP, asks the loop to stop; if it has not within a second (a terminal
/// that hung up can keep crossterm busy), restores the terminal and exits from here.
/// Nothing is lost either way: every change was saved as it was made, a note being written
/// is saved whenever typing pauses, and the loop saves it when it stops.
fn watch_signals(stop: Arc<AtomicBool>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])
        .context("cannot listen for termination signals")?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_secs(1));
            switch_off();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Runs the full-screen app in the terminal. Ends with an error naming what was lost when
/// the person chose to leave without changes that could not be saved.
pub fn run(ws: Workspace, start: &Start) -> anyhow::Result<()> {
    let mut app = App::new(ws, Theme::from_env());
    if let Start::Open(id) = start {
        app.open_at_start(id)?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    // ratatui's panic hook restores the screen; ours first switches mouse and paste off.
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        ratatui_hook(info);
    }));
    let guard = Guard;
    let ran = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)
        .context("cannot switch on the mouse")
        .and_then(|()| run_loop(&mut terminal, &mut app, &mut TerminalEvents, &stop, false));
    drop(guard);
    let (lost, farewell) = (
        std::mem::take(&mut app.lost),
        std::mem::take(&mut app.farewell),
    );
    // Closing the assessment releases its lock before anything is said.
    drop(app);
    let mut stderr = io::stderr();
    for words in &farewell {
        let _ = writeln!(stderr, "{}", sanitize(words));
    }
    let signalled = stop.load(Ordering::Relaxed);
    match ran {
        Ok(()) if lost.is_empty() => Ok(()),
        Ok(()) if !signalled => Err(anyhow::anyhow!(lost.join("\n"))),
        ran => {
            // The terminal is gone (or a signal came), and standard error may be gone with
            // it: say what there is to say where it can still be read, and end with an error.
            if let Err(e) = ran {
                let _ = writeln!(stderr, "error: {}", sanitize(&format!("{e:#}")));
            }
            for words in &lost {
                let _ = writeln!(stderr, "error: {}", sanitize(words));
            }
            std::process::exit(1);
        }
    }
}
