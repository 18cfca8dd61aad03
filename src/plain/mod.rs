//! Plain mode: line-by-line questions with dialoguer, for screen readers and terminals where
//! a full screen does not work.
//!
//! It walks an assessment's items from the first one without an answer: for each it prints
//! where the item is, the question, why it matters and its sources, then asks with a menu
//! (a choice, ticks or a line of text), and after a scored answer offers the note, the
//! owner and the follow-up flag. Every answer is saved the moment it is given, so leaving
//! at any prompt — by the menu, Esc, `q` or Ctrl-C — loses nothing.
//!
//! [`view`] holds what is said and offered (pure, tested); [`ask`] the thin dialoguer
//! prompts; this module the flow and the saving.

mod ask;
pub mod view;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, bail};
use dialoguer::console::Term;

use crate::assessment::{Answer, Assessment, apply_value};
use crate::editing::{
    SaveTracker, Saved, UNSAVED_CHOICES, copy_name, missing_words, write_copy, written_elsewhere,
};
use crate::store::Session;
use crate::text::{sanitize, sanitize_line};
use crate::workspace::Workspace;
use view::{Edit, LEAVE, Pick, Place, Then};

/// Why plain mode cannot start without a terminal, and what to do instead.
const NO_TERMINAL: &str = "plain mode needs a terminal too: it asks its questions on standard \
     input and output.\n  Run it in a terminal; scripts can answer items with \
     `supplycheck answer ID|PATH ITEM VALUE`.";

/// The last line of plain mode.
const LEFT: &str = "Left plain mode; every answer is saved.";

/// What plain mode says first: which keys work.
const KEYS: &str = "Plain mode. Up and down arrows move, Enter chooses, Space ticks a check; \
     Esc or Ctrl-C leaves. Every answer is saved the moment you give it.";

/// Set when Ctrl-C or a termination signal arrives: every prompt then leaves.
static STOP: AtomicBool = AtomicBool::new(false);

/// Held while an assessment is written, so that a signal never ends the process half-way
/// through a save.
static SAVING: Mutex<()> = Mutex::new(());

/// Whether a signal asked plain mode to stop.
fn stopped() -> bool {
    STOP.load(Ordering::SeqCst)
}

/// Whether the walk ends after the current item: unless it is a `review` of every item,
/// when no item is left without an answer.
fn nothing_left(places: &[Place<'_>], a: &Assessment, review: bool) -> bool {
    !review && view::first_unanswered(places, a).is_none()
}

/// Runs plain mode: on the assessment `id_or_path`, or (when `None`) after picking or
/// creating one.
pub fn run(ws: &Workspace, id_or_path: Option<&str>) -> anyhow::Result<()> {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        bail!(NO_TERMINAL);
    }
    let term = Term::stdout();
    // dialoguer hides the cursor while a menu is up; it comes back on every way out.
    let _cursor = ShowCursor(term.clone());
    watch_signals(term.clone())?;
    let plain = Plain { ws, term };
    if let Some(id) = id_or_path {
        let session = ws.edit(id)?;
        plain.say(KEYS);
        plain.edit(session)?;
    } else {
        plain.say(KEYS);
        plain.home()?;
    }
    plain.say(LEFT);
    Ok(())
}

/// Shows the terminal's cursor when dropped.
struct ShowCursor(Term);

impl Drop for ShowCursor {
    fn drop(&mut self) {
        let _ = self.0.show_cursor();
    }
}

/// Listens for Ctrl-C, SIGTERM and SIGHUP. A signal that arrives while a prompt waits for a
/// key ends the prompt at once and plain mode leaves. One that arrives just before a prompt
/// is seen by the next key; after a second a line says so. For SIGTERM and SIGHUP the
/// process ends then (answers are saved as they are given, and never half-way).
fn watch_signals(term: Term) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
        .context("cannot listen for Ctrl-C")?;
    std::thread::spawn(move || {
        let Some(signal) = signals.forever().next() else {
            return;
        };
        STOP.store(true, Ordering::SeqCst);
        std::thread::sleep(Duration::from_secs(1));
        if signal == SIGINT {
            let _ = term.write_line("\nPress Enter to leave plain mode; every answer is saved.");
        } else {
            let _saving = SAVING.lock();
            let _ = term.show_cursor();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Plain mode's state: the workspace and the terminal it talks on.
struct Plain<'w> {
    ws: &'w Workspace,
    term: Term,
}

/// An assessment being answered.
struct Editing {
    session: Session,
    /// Whether the answers in memory are on disk (the same keeping as the full-screen app's).
    saving: SaveTracker,
}

/// What to do after an item.
enum Step {
    /// Go on to the next item.
    Next,
    /// Leave plain mode.
    Leave,
    /// Ask about the same item again (a check was marked N/A, the rest are still to tick).
    Again,
}

/// An entry of the list of assessments.
#[derive(Clone)]
enum Home {
    /// Open the assessment in this file.
    Open(PathBuf),
    /// Create a new assessment.
    Create,
    /// Leave plain mode.
    Leave,
}

impl Plain<'_> {
    /// Prints text wrapped to the terminal (a terminal that went away is not an error worth
    /// stopping for).
    fn say(&self, text: &str) {
        for line in view::wrap(text, self.width()) {
            let _ = self.term.write_line(&line);
        }
    }

    fn say_lines(&self, lines: &[String]) {
        for line in lines {
            self.say(line);
        }
    }

    /// The width to wrap text to.
    fn width(&self) -> usize {
        usize::from(self.term.size().1)
            .saturating_sub(1)
            .clamp(20, 100)
    }

    /// A menu of `menu`'s labels; the chosen entry's value, or `None` to leave.
    fn choose<T: Clone>(
        &self,
        prompt: &str,
        menu: &[(T, String)],
        default: usize,
    ) -> anyhow::Result<Option<T>> {
        if stopped() {
            return Ok(None);
        }
        let labels: Vec<String> = menu.iter().map(|(_, label)| label.clone()).collect();
        let chosen = ask::select(&self.term, prompt, &labels, default)?;
        Ok(chosen
            .filter(|_| !stopped())
            .and_then(|i| menu.get(i))
            .map(|(value, _)| value.clone()))
    }

    /// A line of text, or `None` to leave.
    fn line(
        &self,
        prompt: &str,
        initial: &str,
        required: Option<&'static str>,
    ) -> anyhow::Result<Option<String>> {
        if stopped() {
            return Ok(None);
        }
        Ok(ask::line(&self.term, prompt, initial, required)?.filter(|_| !stopped()))
    }

    /// Ticks: which of `labels` are ticked (`ticked` to start with), or `None` to leave.
    fn ticks(&self, labels: &[String], ticked: &[bool]) -> anyhow::Result<Option<Vec<usize>>> {
        if stopped() {
            return Ok(None);
        }
        self.say("Space ticks or unticks the highlighted check; Enter accepts the ticks.");
        Ok(ask::ticks(&self.term, view::TICKS_PROMPT, labels, ticked)?.filter(|_| !stopped()))
    }

    /// `supplycheck --plain`: pick an assessment or create one, then answer it.
    fn home(&self) -> anyhow::Result<()> {
        loop {
            let mut menu = Vec::new();
            for listed in self.ws.store.list()? {
                match listed.assessment {
                    Ok(a) => menu.push((
                        Home::Open(listed.path),
                        view::listing(&a, &self.ws.score(&a)),
                    )),
                    Err(e) => self.say(&format!(
                        "Cannot read {}: {}",
                        sanitize_line(&listed.path.display().to_string()),
                        sanitize_line(e.lines().next().unwrap_or_default())
                    )),
                }
            }
            if menu.is_empty() {
                self.say("There are no assessments yet.");
            }
            menu.push((Home::Create, "Create a new assessment".to_string()));
            menu.push((Home::Leave, LEAVE.to_string()));
            let session = match self.choose("Which assessment", &menu, 0)? {
                Some(Home::Open(path)) => match Session::open(&path) {
                    Ok(session) => session,
                    Err(e) => {
                        self.say(&sanitize(&e.to_string()));
                        continue;
                    }
                },
                Some(Home::Create) => match self.create()? {
                    Some(session) => session,
                    None => return Ok(()),
                },
                Some(Home::Leave) | None => return Ok(()),
            };
            return self.edit(session);
        }
    }

    /// Asks for a name, organisation and respondent and creates an assessment of the
    /// organisation-scope built-in questionnaires; `None` when the person leaves instead.
    fn create(&self) -> anyhow::Result<Option<Session>> {
        let Some(name) = self.line("Name of the assessment", "", Some("give a name"))? else {
            return Ok(None);
        };
        let Some(organisation) = self.line("Organisation", "", None)? else {
            return Ok(None);
        };
        self.say("Who gives these answers? Leave it empty for the whole room.");
        let Some(respondent) = self.line("Respondent", "", None)? else {
            return Ok(None);
        };
        let respondent = Some(respondent.trim().to_string()).filter(|r| !r.is_empty());
        let (path, a) = self
            .ws
            .create(name.trim(), organisation.trim(), respondent, &[])?;
        self.say(&format!(
            "Created {} (id {}).",
            sanitize_line(&a.name),
            a.id
        ));
        Ok(Some(Session::open(&path)?))
    }

    /// Walks the assessment; whatever happens, answers not yet on disk get a last save.
    fn edit(&self, session: Session) -> anyhow::Result<()> {
        let mut e = Editing {
            session,
            saving: SaveTracker::default(),
        };
        let walked = self.walk(&mut e);
        let settled = self.settle_unsaved(&mut e);
        if let Some(u) = e.saving.give_up() {
            bail!(u.lost(&e.session.assessment.id, &e.session.path));
        }
        settled.and(walked)
    }

    /// Before leaving with answers unsaved: tries again, and while that fails asks what to
    /// do with them (the full-screen app's question) until they are saved, written to
    /// another file, or left behind. Ctrl-C or a signal leaves them behind.
    fn settle_unsaved(&self, e: &mut Editing) -> anyhow::Result<()> {
        loop {
            let retried = {
                let _saving = SAVING.lock();
                e.saving.retry(&mut e.session)
            };
            let Some(saved) = retried else {
                return Ok(());
            };
            self.said(&saved);
            let Some(u) = e.saving.unsaved() else {
                return Ok(());
            };
            if stopped() {
                return Ok(());
            }
            self.say(&format!("{}.", u.summary(&e.session.assessment.id)));
            let menu: Vec<(usize, String)> = UNSAVED_CHOICES
                .iter()
                .enumerate()
                .map(|(n, c)| (n, (*c).to_string()))
                .collect();
            match self.choose("What now", &menu, 0)? {
                Some(1) if self.write_elsewhere(e)? => return Ok(()),
                Some(0 | 1) => {}
                Some(_) => return Ok(()),
                None if stopped() => return Ok(()),
                None => {}
            }
        }
    }

    /// Asks for a file name and writes the answers there (a new file only); whether it
    /// worked.
    fn write_elsewhere(&self, e: &mut Editing) -> anyhow::Result<bool> {
        let a = &e.session.assessment;
        let Some(typed) = self.line(
            "Copy to (a new file)",
            &copy_name(&a.id),
            Some("give a file name"),
        )?
        else {
            return Ok(false);
        };
        let typed = typed.trim();
        match write_copy(Path::new(typed), a) {
            Ok(()) => {
                self.say(&written_elsewhere(&a.id, typed, &e.session.path));
                e.saving.give_up();
                Ok(true)
            }
            Err(why) => {
                self.say(&format!(
                    "Not written: {}. Give another name or folder.",
                    sanitize_line(&why.to_string())
                ));
                Ok(false)
            }
        }
    }

    /// Asks item after item from the first without an answer, then shows the score.
    fn walk(&self, e: &mut Editing) -> anyhow::Result<()> {
        let questionnaires = self.ws.questionnaires_of(&e.session.assessment);
        let places = view::places(&questionnaires);
        for problem in self.ws.check(&e.session.assessment) {
            self.say(&format!("Note: {}", sanitize_line(&problem.to_string())));
        }
        let a = &e.session.assessment;
        let not_asked = view::not_asked_count(&places, a);
        self.say(&format!(
            "{}: {} items, {} without an answer{}.",
            sanitize_line(&a.name),
            places.len(),
            view::unanswered(&places, a),
            if not_asked == 0 {
                String::new()
            } else {
                format!(", {not_asked} not asked of this supplier")
            }
        ));
        if let Some(words) = missing_words(self.ws, a) {
            self.say(&words);
        }
        if places.is_empty() {
            self.say("There is nothing to answer here.");
            return Ok(());
        }
        let start = view::first_unanswered(&places, a);
        let review = start.is_none();
        if review {
            // Every item has an answer: show the score, and offer to go through them again.
            self.say_lines(&view::score_lines(a, &self.ws.score(a), 0));
            let menu = [
                (false, LEAVE.to_string()),
                (
                    true,
                    "Go through every item again, from the first".to_string(),
                ),
            ];
            if self.choose("What now", &menu, 0)? != Some(true) {
                return Ok(());
            }
        }
        let mut at = start.unwrap_or(0);
        while at < places.len() {
            match self.item(e, &places, at, review)? {
                Step::Leave => return Ok(()),
                Step::Again => continue,
                Step::Next => {}
            }
            if nothing_left(&places, &e.session.assessment, review) {
                break;
            }
            at += 1;
        }
        let a = &e.session.assessment;
        self.say_lines(&view::score_lines(
            a,
            &self.ws.score(a),
            view::unanswered(&places, a),
        ));
        Ok(())
    }

    /// Shows item `at` and asks for its answer, then (for a scored answer) what next.
    /// `review` is whether the walk goes on when every item has an answer.
    fn item(
        &self,
        e: &mut Editing,
        places: &[Place<'_>],
        at: usize,
        review: bool,
    ) -> anyhow::Result<Step> {
        let Some(p) = places.get(at) else {
            return Ok(Step::Next);
        };
        if let Some(line) = view::not_asked_line(p, &e.session.assessment) {
            self.say(&line);
            return Ok(Step::Next);
        }
        let full = &p.key;
        self.say_lines(&view::item_lines(p, &e.session.assessment, self.width()));
        // An item without an entry reads as an empty entry.
        let before = e
            .session
            .assessment
            .answer(full)
            .cloned()
            .unwrap_or_default();
        let (menu, default) = view::item_menu(p.questionnaire, p.item, Some(&before));
        let Some(pick) = self.choose(view::ANSWER_PROMPT, &menu, default)? else {
            return Ok(Step::Leave);
        };
        let mut after = before.clone();
        let applied = match pick {
            Pick::Option(key) => apply_value(p.questionnaire, p.item, &mut after, &key, None),
            Pick::NotApplicable => apply_value(p.questionnaire, p.item, &mut after, "na", None),
            Pick::Checks => {
                let (labels, ticked) = view::check_entries(p.item, Some(&before));
                let Some(picked) = self.ticks(&labels, &ticked)? else {
                    return Ok(Step::Leave);
                };
                self.say(&view::ticked_words(p.item, &picked));
                let (value, na) = view::checks_value(p.item, &picked, Some(&before));
                apply_value(p.questionnaire, p.item, &mut after, &value, Some(&na))
            }
            Pick::Write => {
                let current = before.text();
                self.say("Type the answer on one line and press Enter; an empty line removes it.");
                let Some(typed) = self.line(view::ANSWER_PROMPT, &view::one_line(current), None)?
                else {
                    self.say(view::ANSWER_NOT_SAVED);
                    return Ok(Step::Leave);
                };
                match view::edited(current, &typed) {
                    Edit::Unchanged => Ok(()),
                    Edit::Removed => {
                        after.clear_value();
                        Ok(())
                    }
                    Edit::Set(text) => {
                        apply_value(p.questionnaire, p.item, &mut after, &text, None)
                    }
                }
            }
            Pick::CheckNa => {
                let menu = view::check_na_menu(p.item, Some(&before));
                let Some(index) = self.choose(view::CHECK_NA_PROMPT, &menu, 0)? else {
                    return Ok(Step::Leave);
                };
                after.toggle_na_check(p.item, index);
                self.say(&view::check_na_words(p.item, index, &after));
                if !before.same_value(&after) {
                    e.session.assessment.responses.remove(full.as_str());
                    e.session.assessment.answers.insert(full.to_string(), after);
                    self.save(e);
                }
                return Ok(Step::Again);
            }
            Pick::Skip => return Ok(Step::Next),
            Pick::Leave => return Ok(Step::Leave),
        };
        if let Err(why) = applied {
            self.say(&format!("Not taken: {}", sanitize_line(&why)));
            return Ok(Step::Next);
        }
        if before.same_value(&after) {
            self.say("The answer is unchanged.");
        } else {
            // A changed answer settles the item's dispute (every respondent's answer is
            // kept); a removed one opens it again.
            e.session.assessment.answers.insert(full.to_string(), after);
            let settled = e
                .session
                .assessment
                .settle_by_answer(full, crate::assessment::FACILITATOR);
            self.save(e);
            if settled {
                self.say(&crate::figures::capitalised(&format!(
                    "{}; every respondent's answer is kept.",
                    crate::figures::settlement(e.session.assessment.settled.get(full.as_str()))
                )));
            }
        }
        let answered = e
            .session
            .assessment
            .answer(full)
            .is_some_and(Answer::is_answered);
        if p.item.is_scored() && answered {
            let last =
                at + 1 == places.len() || nothing_left(places, &e.session.assessment, review);
            self.then(e, full, last)
        } else {
            Ok(Step::Next)
        }
    }

    /// The menu after a scored answer: note, owner, flag, until the person goes on.
    fn then(&self, e: &mut Editing, full: &str, last: bool) -> anyhow::Result<Step> {
        loop {
            let answer = e.session.assessment.answer(full).cloned();
            let menu = view::then_menu(answer.as_ref(), last);
            let Some(then) = self.choose(view::THEN_PROMPT, &menu, 0)? else {
                return Ok(Step::Leave);
            };
            match then {
                Then::Next => return Ok(Step::Next),
                Then::Leave => return Ok(Step::Leave),
                Then::Note => {
                    let current = answer.as_ref().and_then(|a| a.note.as_deref());
                    self.say(
                        "Type the note on one line and press Enter; an empty line removes it.",
                    );
                    let Some(typed) = self.line("Note", &view::one_line(current), None)? else {
                        self.say(view::NOTE_NOT_SAVED);
                        return Ok(Step::Leave);
                    };
                    match view::edited(current, &typed) {
                        Edit::Unchanged => self.say("The note is unchanged."),
                        edit => {
                            let note = edit.apply(current);
                            self.change(e, full, |a| a.note = note);
                        }
                    }
                }
                Then::Owner => {
                    let current = answer.as_ref().and_then(|a| a.owner.as_deref());
                    let (menu, default) = view::owner_menu(current);
                    let Some(owner) = self.choose(view::OWNER_PROMPT, &menu, default)? else {
                        return Ok(Step::Leave);
                    };
                    self.change(e, full, |a| a.owner = owner);
                }
                Then::Flag => {
                    let flag = !answer.is_some_and(|a| a.flag);
                    self.say(view::flag_words(flag));
                    self.change(e, full, |a| a.flag = flag);
                }
            }
        }
    }

    /// Changes an item's note, owner or flag and saves.
    fn change(&self, e: &mut Editing, full: &str, f: impl FnOnce(&mut Answer)) {
        f(e.session
            .assessment
            .answers
            .entry(full.to_string())
            .or_default());
        self.save(e);
    }

    /// Saves the assessment and says so; a failure is said, and the answers stay in memory
    /// to be saved with the next change (or on leaving).
    fn save(&self, e: &mut Editing) {
        let saved = {
            let _saving = SAVING.lock();
            e.saving.save_change(&mut e.session)
        };
        self.said(&saved);
    }

    /// Says what a save came to.
    fn said(&self, saved: &Saved) {
        match saved {
            Saved::Done => self.say("Saved."),
            Saved::Recovered(_) => self.say("Saved: every change is on disk again."),
            Saved::Failed(u) => self.say(&format!(
                "Not saved: {}\nYour answers stay here and are saved with the next change.",
                u.why
            )),
        }
    }
}
