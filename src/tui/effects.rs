//! Performs what `update` asks for — saving, reading, writing, deleting — and feeds what
//! came of it back to the app. The only part of the app, with [`super::terminal`], that
//! touches files; every file operation goes through the core's store and workspace.

use std::collections::VecDeque;
use std::time::Instant;

use crate::editing::write_copy;
use crate::report::{self, BoardPack};
use crate::store::{OutputTarget, Session};

use super::app::{App, Effect, ReportOutcome, WriteForm};

/// Performs `effects` in order. What a result asks for next is done before the effects
/// that were already waiting, as if the app had done it at once.
pub fn perform(app: &mut App, effects: Vec<Effect>) {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        perform_one(app, effect);
        for next in app.take_effects().into_iter().rev() {
            queue.push_front(next);
        }
    }
}

/// Creates a new assessment as `supplycheck new` does — its respondent and group and its
/// subject written in — and opens it.
fn create(
    app: &App,
    name: &str,
    organisation: &str,
    respondent: Option<crate::record::Respondent>,
    questionnaires: &[String],
    subject: Option<crate::record::Subject>,
) -> Result<Session, String> {
    let words = |e: &dyn std::fmt::Display| crate::text::one_line(&e.to_string());
    let ids = if questionnaires.is_empty() {
        app.new_questionnaires.clone()
    } else {
        questionnaires.to_vec()
    };
    let (path, _) = app
        .ws
        .create(
            name,
            organisation,
            respondent.as_ref().map(|r| r.name.clone()),
            &ids,
        )
        .map_err(|e| words(&e))?;
    let mut session = Session::open(&path).map_err(|e| words(&e))?;
    if respondent.is_some() || subject.is_some() {
        session.assessment.respondents = respondent.into_iter().collect();
        session.assessment.subject = subject;
        session.save().map_err(|e| words(&e))?;
    }
    Ok(session)
}

fn perform_one(app: &mut App, effect: Effect) {
    match effect {
        Effect::KeepQuestionnaires => {
            if let Some(open) = app.open.as_ref()
                && let Err(e) = app.ws.keep_copies_for(&open.session.assessment)
            {
                app.kept_questionnaires_failed(&e);
            }
        }
        Effect::Save => {
            if let Some(open) = app.open.as_mut() {
                // Saving stamps the time of the change; worked out after it, the pack
                // carries that time too, and is the one a written board pack holds.
                let saved = app.saving.save_change(&mut open.session);
                app.saved(saved);
            }
        }
        Effect::RetrySave { now } => {
            retry(app, now);
            if !now {
                app.idle_retried();
            }
        }
        Effect::Leave(leaving) => {
            // Where the assessment was left is a convenience: not keeping it loses nothing.
            let _ = super::resume::write(app.ws.store.root(), &app.positions);
            retry(app, true);
            app.leave_if_saved(leaving);
        }
        Effect::ListHome(then) => {
            let listed = app.ws.store.list();
            app.home_listed(listed, then);
        }
        Effect::Open(path, then) => app.opened(Session::open(&path), then),
        Effect::Create {
            name,
            organisation,
            respondent,
            questionnaires,
            subject,
        } => {
            let created = create(
                app,
                &name,
                &organisation,
                respondent,
                &questionnaires,
                subject,
            );
            app.created(created);
        }
        Effect::Rename { path, name } => {
            let renamed = Session::open(&path)
                .and_then(|mut session| {
                    session.assessment.name.clone_from(&name);
                    session.save()
                })
                .map(|()| name)
                .map_err(|e| crate::text::one_line(&e.to_string()));
            app.renamed(renamed);
        }
        // Dropping the session releases its lock.
        Effect::Close(open) => drop(open),
        Effect::Delete { path, name } => {
            let deleted = app.ws.store.delete_assessment(&path);
            app.deleted(&name, deleted);
        }
        Effect::LoadComparison(path) => {
            let loaded = app.ws.load(&path.to_string_lossy());
            app.comparison_loaded(loaded);
        }
        Effect::WriteReport { form, path, format } => {
            let outcome = write_report(app, &form, &path, format);
            app.report_written(form, outcome);
        }
        Effect::LoadPortfolio => {
            let loaded = load_portfolio(app);
            app.portfolio_loaded(loaded);
        }
        Effect::WriteCopy { dialog, file, path } => {
            let written = match app.open.as_ref() {
                Some(open) => write_copy(&path, &open.session.assessment),
                None => Ok(()),
            };
            app.copy_written(dialog, file, written);
        }
    }
}

/// Reads every assessment of the data directory and builds the portfolio from the supplier
/// assessments among them, with the review intervals of the data directory's settings file.
/// What is wrong with the portfolio settings, said first so that it shows on a narrow
/// status line, then the file.
fn settings_words(e: &crate::portfolio::SettingsError) -> String {
    use crate::portfolio::SettingsError;
    let text = match e {
        SettingsError::Invalid {
            path,
            line,
            column,
            message,
        } => format!(
            "{message} at line {line}, column {column} of {}; write each tier's review \
             interval in whole months, or remove the file",
            path.display()
        ),
        SettingsError::Read { path, cause } => format!(
            "{cause}: {}; fix the file or remove it to use the default review intervals",
            path.display()
        ),
        other @ SettingsError::Option { .. } => other.to_string(),
    };
    crate::text::one_line(&text)
}

fn load_portfolio(app: &App) -> Result<crate::portfolio::Portfolio, String> {
    use crate::portfolio::{Folder, Options, Portfolio, ReviewMonths, SETTINGS_FILE, read_folder};
    let words = |e: &dyn std::fmt::Display| crate::text::one_line(&e.to_string());
    let mut review_months = ReviewMonths::default();
    let settings = app.ws.store.root().join(SETTINGS_FILE);
    let settings_file = review_months
        .read_file(&settings)
        .map_err(|e| settings_words(&e))?
        .then(|| settings.display().to_string());
    let dir = app.ws.store.assessments_dir();
    let folder = if dir.is_dir() {
        read_folder(&dir).map_err(|e| words(&e))?
    } else {
        Folder::default()
    };
    let options = Options {
        review_months,
        settings_file,
        ..Options::default()
    };
    Ok(Portfolio::build(
        &app.ws.catalog,
        &folder,
        &options,
        (app.portfolio.now)(),
    ))
}

/// Tries the unsaved changes again: at once, or when it is time.
fn retry(app: &mut App, now: bool) {
    let Some(open) = app.open.as_mut() else {
        return;
    };
    let saved = if now {
        app.saving.retry(&mut open.session)
    } else {
        app.saving.retry_if_due(&mut open.session, Instant::now())
    };
    if let Some(saved) = saved {
        app.retried(saved);
    }
}

/// Writes the board pack `form` asks for to `path`: never over an assessment, a backup, a
/// lock, the data directory's own files, or a file another supplycheck holds (asked again
/// on every Enter); an existing file only once the dialog has asked.
fn write_report(
    app: &App,
    form: &WriteForm,
    path: &std::path::Path,
    format: crate::tui::app::PackFormat,
) -> ReportOutcome {
    match app.ws.store.output_target(path) {
        Ok(OutputTarget::Folder) => return ReportOutcome::Folder,
        Err(e) => return ReportOutcome::Refused(e),
        Ok(OutputTarget::Exists) if !form.replace => return ReportOutcome::Exists,
        Ok(_) => {}
    }
    let pack = match (&form.source, app.open.as_ref()) {
        (None, Some(open)) => open.pack_to_write(),
        (Some(source), _) => match app.ws.load(&source.to_string_lossy()) {
            Ok((_, a)) => BoardPack::build(&app.ws, &a),
            Err(e) => return ReportOutcome::Unreadable(e),
        },
        (None, None) => return ReportOutcome::NothingOpen,
    };
    let since = pack.comparison.as_ref().map(|c| c.before.name.clone());
    let bytes = match format {
        crate::tui::app::PackFormat::Text(format) => report::render(&pack, format).into_bytes(),
        crate::tui::app::PackFormat::Word => match report::docx::render(&pack, false) {
            Ok(bytes) => bytes,
            Err(cause) => {
                return ReportOutcome::Failed(crate::store::StoreError::Io {
                    path: path.to_path_buf(),
                    action: "cannot make the Word document",
                    cause,
                });
            }
        },
    };
    match crate::store::write_atomic(path, &bytes, false) {
        Ok(()) => ReportOutcome::Written { since },
        Err(e) => ReportOutcome::Failed(e),
    }
}

/// The terminal went away, or a signal asked the app to stop: the text being written is
/// kept and saved, saving is tried once more if it failed, and the app ends. What still
/// could not be saved is named in [`App::lost`].
pub fn hang_up(app: &mut App) {
    app.finish_editing();
    let effects = app.take_effects();
    perform(app, effects);
    if app.saving.unsaved().is_some() {
        retry(app, true);
    }
    app.give_up_unsaved();
    app.should_quit = true;
}
