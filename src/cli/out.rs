//! Everything the commands print goes through here: text made safe for a terminal (no
//! control characters or bidi overrides from files or users), and standard output that
//! may be closed or full.
//!
//! A closed standard output (`supplycheck list | head -1`) ends the command quietly, as
//! other Unix tools do; any other failure to write it is an error for people.

use std::io::Write as _;

/// Standard output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The reader went away (a broken pipe): nothing to say, nobody to say it to.
    #[error("standard output was closed")]
    Closed,
    /// Writing failed for another reason, such as a full disk.
    #[error("cannot write to standard output: {0}")]
    Failed(std::io::Error),
}

/// Prints text to standard output with every control character and bidi override removed
/// (newlines are kept): for tables, lists and messages.
pub fn text(s: &str) -> Result<(), OutputError> {
    bytes(crate::text::sanitize(s).as_bytes())
}

/// Prints JSON text and a newline to standard output, with every control and bidi
/// character inside its strings written as a `\uXXXX` escape.
pub fn json(s: &str) -> Result<(), OutputError> {
    let mut safe = crate::text::json_safe(s);
    safe.push('\n');
    bytes(safe.as_bytes())
}

/// Prints bytes to standard output as they are: for a report, whose format escapes its
/// text itself.
pub fn bytes(b: &[u8]) -> Result<(), OutputError> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(b)
        .and_then(|()| stdout.flush())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                OutputError::Closed
            } else {
                OutputError::Failed(e)
            }
        })
}

/// Prints a `warning: …` line to standard error, made safe for a terminal.
pub fn warning(s: &str) {
    note(&format!("warning: {s}"));
}

/// Prints a line to standard error, made safe for a terminal. A standard error that cannot
/// be written is ignored: there is nowhere left to report it.
pub fn note(s: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", crate::text::sanitize(s));
}

/// After a file was created, what printing about it came to: the file exists, and that is
/// what matters, so a standard output that could not be written is said on standard error
/// and is not a failure (a closed one is not said at all).
pub fn after_creating(printed: Result<(), OutputError>, created: &std::path::Path) {
    if let Err(OutputError::Failed(e)) = printed {
        note(&format!(
            "Created {}, but what was done could not be printed: cannot write to standard \
             output: {e}.",
            created.display()
        ));
    }
}

/// Prints what clap has to say when it does not run a command: help and the version to
/// standard output (a closed one ends quietly, a full one is an error), usage errors to
/// standard error. Returns the exit code.
pub fn clap_message(e: &clap::Error) -> std::process::ExitCode {
    if e.use_stderr() {
        let _ = e.print();
        return std::process::ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    }
    match bytes(e.render().to_string().as_bytes()) {
        Ok(()) | Err(OutputError::Closed) => std::process::ExitCode::SUCCESS,
        Err(failed) => {
            note(&format!("error: {failed}"));
            std::process::ExitCode::FAILURE
        }
    }
}

/// Whether a command's error is a closed standard output, which ends it quietly.
pub fn is_closed(e: &anyhow::Error) -> bool {
    e.chain()
        .any(|c| matches!(c.downcast_ref::<OutputError>(), Some(OutputError::Closed)))
}
