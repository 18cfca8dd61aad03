//! The command line: arguments (clap) and dispatch to the commands. Each command's
//! arguments and body live in the module that runs it.

mod app_cmd;
mod core_cmds;
pub(crate) mod out;

pub use out::clap_message;
mod gap_cmd;
mod plan_cmd;
mod portfolio_cmd;
mod rename_cmd;
mod report_cmd;
mod supplier_cmd;
mod target_cmd;
mod upgrade_cmd;
mod workshop_cmd;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::workspace::Workspace;

/// Ask the questions a board and its staff should ask about cyber security in supplier
/// relationships, and score supply-chain maturity.
///
/// Run without a command for the full-screen app.
#[derive(Debug, Parser)]
#[command(name = "supplycheck", version, about, max_term_width = 100)]
pub struct Cli {
    /// Where assessments and your own questionnaires are kept
    // The variable is read by the store, not by clap, so that an empty one gets an error
    // that names it.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help = "Where assessments and your own questionnaires are kept \
                [default: $SUPPLYCHECK_DATA_DIR, else the user's data directory]"
    )]
    pub data_dir: Option<PathBuf>,

    /// Load a questionnaire of your own (repeatable)
    #[arg(long = "questionnaire-file", global = true, value_name = "FILE")]
    pub questionnaire_files: Vec<PathBuf>,

    /// Line-by-line questions instead of the full screen (for screen readers and simple
    /// terminals)
    #[arg(long, global = true)]
    pub plain: bool,

    /// What to do (the full-screen app when omitted)
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an assessment and print its id
    New(core_cmds::NewArgs),
    /// List the assessments in the data directory (or, with --deleted, the deleted ones)
    List(core_cmds::ListArgs),
    /// Bring a deleted assessment back (never over an existing one)
    Restore(core_cmds::RestoreArgs),
    /// Open an assessment in the full-screen app (or, with --plain, line by line)
    Open(app_cmd::OpenArgs),
    /// Answer one item from a script
    Answer(core_cmds::AnswerArgs),
    /// Show an assessment's maturity level, scores and weakest links
    Score(core_cmds::ScoreArgs),
    /// Set the level the board aims for, in every section or in one (`none` removes it)
    #[command(override_usage = "supplycheck target ID [SECTION] LEVEL")]
    Target(target_cmd::TargetArgs),
    /// Show or change the supplier a supplier assessment covers: its name, tier and services
    /// (answers to items that stop applying are kept)
    Supplier(supplier_cmd::SupplierArgs),
    /// Write the board pack: HTML, Markdown, CSV, JSON or Word
    Report(report_cmd::ReportArgs),
    /// Compare two assessments: what improved and what slipped (B against earlier A)
    Compare(workshop_cmd::CompareArgs),
    /// Merge several respondents' assessments into one, marking disagreements
    Merge(workshop_cmd::MergeArgs),
    /// Give an assessment a new name (its id and file stay)
    Rename(rename_cmd::RenameArgs),
    /// The perception gap of a merged assessment: each respondent group's scores and levels
    /// per area, and where the board's answers are highest above the others'
    Gap(gap_cmd::GapArgs),
    /// Show or set the session plan: the sections each session covers and their time boxes
    Plan(plan_cmd::PlanArgs),
    /// Move an assessment to a newer version of its questionnaires; answers that cannot carry
    /// over are kept as retired
    Upgrade(upgrade_cmd::UpgradeArgs),
    /// Every supplier assessment: levels, areas, open actions, stale reviews, concentration
    Portfolio(portfolio_cmd::PortfolioArgs),
    /// List, show or validate questionnaires
    #[command(subcommand)]
    Questionnaires(core_cmds::QuestionnairesCommand),
    /// Print shell completions (bash, zsh, fish, elvish, powershell)
    Completions(core_cmds::CompletionsArgs),
}

/// What the commands share: the parsed global options.
#[derive(Debug)]
pub struct Globals {
    /// `--data-dir` or the environment.
    pub data_dir: Option<PathBuf>,
    /// `--questionnaire-file`.
    pub questionnaire_files: Vec<PathBuf>,
    /// `--plain`.
    pub plain: bool,
}

impl Globals {
    /// Opens the workspace these options describe, printing questionnaire files that were
    /// left out to stderr.
    pub fn workspace(&self) -> anyhow::Result<Workspace> {
        let ws = Workspace::open(self.data_dir.clone(), &self.questionnaire_files)?;
        let removed = ws.store.remove_stale_temporaries();
        if removed > 0 {
            out::note(&format!(
                "Removed {removed} unfinished temporary {} left by interrupted saves in {}.",
                if removed == 1 { "file" } else { "files" },
                ws.store.assessments_dir().display()
            ));
        }
        for p in &ws.catalog.problems {
            out::warning(&format!("{}: {}", p.file.display(), p.message));
        }
        Ok(ws)
    }
}

/// Reads an assessment by id or path for reading only, printing to stderr what in it no
/// longer fits its questionnaires (those answers are kept, never dropped).
pub(crate) fn load_reporting(
    ws: &Workspace,
    id_or_path: &str,
) -> anyhow::Result<(std::path::PathBuf, crate::assessment::Assessment)> {
    let (path, a) = ws.load(id_or_path)?;
    for problem in ws.check(&a) {
        out::warning(&format!(
            "{}: {}",
            path.display(),
            crate::text::sanitize_line(&problem.to_string())
        ));
    }
    Ok((path, a))
}

/// Whether both standard input and output are terminals.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Runs a parsed command line and returns the process's exit code (0 ok, 1 error).
pub fn run(cli: Cli) -> ExitCode {
    let globals = Globals {
        data_dir: cli.data_dir,
        questionnaire_files: cli.questionnaire_files,
        plain: cli.plain,
    };
    let result = match cli.command {
        None => app_cmd::home(&globals),
        Some(Command::New(args)) => core_cmds::new(&globals, &args),
        Some(Command::List(args)) => core_cmds::list(&globals, &args),
        Some(Command::Restore(args)) => core_cmds::restore(&globals, &args),
        Some(Command::Open(args)) => app_cmd::open(&globals, &args),
        Some(Command::Answer(args)) => core_cmds::answer(&globals, &args),
        Some(Command::Score(args)) => core_cmds::score(&globals, &args),
        Some(Command::Report(args)) => report_cmd::report(&globals, &args),
        Some(Command::Compare(args)) => workshop_cmd::compare(&globals, &args),
        Some(Command::Merge(args)) => workshop_cmd::merge(&globals, &args),
        Some(Command::Rename(args)) => rename_cmd::rename(&globals, &args),
        Some(Command::Gap(args)) => gap_cmd::gap(&globals, &args),
        Some(Command::Plan(args)) => plan_cmd::plan(&globals, &args),
        Some(Command::Upgrade(args)) => upgrade_cmd::upgrade(&globals, &args),
        Some(Command::Target(args)) => target_cmd::target(&globals, &args),
        Some(Command::Supplier(args)) => supplier_cmd::supplier(&globals, &args),
        Some(Command::Portfolio(args)) => portfolio_cmd::portfolio(&globals, &args),
        Some(Command::Questionnaires(cmd)) => core_cmds::questionnaires(&globals, &cmd),
        Some(Command::Completions(args)) => core_cmds::completions(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that went away (`| head -1`) ends the command quietly.
        Err(e) if out::is_closed(&e) => ExitCode::SUCCESS,
        Err(e) => {
            out::note(&format!("error: {e:#}"));
            ExitCode::FAILURE
        }
    }
}
