//! The core commands: new, list, answer, score, questionnaires, completions.

mod answer;
mod list;
mod new;
mod questionnaires;
mod score;

use std::path::PathBuf;

use clap::{Args, CommandFactory, Subcommand};

use super::out;
use crate::roles;
use crate::text::sanitize_line;

pub use answer::answer;
pub use list::{list, restore};
pub use new::new;
pub use questionnaires::questionnaires;
pub use score::score;

// A score with one decimal, as `score`, the workshop commands and plain mode print it.
pub(in crate::cli) use crate::figures::percent;

/// Arguments of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// A name people recognise, e.g. "Acme 2026 Q4 supplier workshop"
    #[arg(long)]
    pub name: Option<String>,
    /// The organisation assessed
    #[arg(long)]
    pub org: Option<String>,
    /// Who gives these answers (for merging several respondents later)
    #[arg(long)]
    pub respondent: Option<String>,
    /// The respondent's group: board, management, staff, supplier, or a word of your own
    /// (the perception gap compares groups after a merge)
    #[arg(long, value_name = "GROUP", requires = "respondent")]
    pub group: Option<String>,
    /// A questionnaire to use (repeatable) [default: the built-ins for the organisation, or
    /// for one supplier with --supplier]
    #[arg(long = "questionnaire", value_name = "ID")]
    pub questionnaires: Vec<String>,
    /// Assess one supplier relationship, by the supplier's name
    #[arg(long, value_name = "NAME")]
    pub supplier: Option<String>,
    /// How critical the supplier is: critical, high, medium or low
    #[arg(long, value_name = "TIER", requires = "supplier", value_parser = parse_tier)]
    pub tier: Option<crate::questionnaire::Tier>,
    /// A service that depends on the supplier (repeatable)
    #[arg(long = "service", value_name = "SERVICE", requires = "supplier")]
    pub services: Vec<String>,
}

/// Reads a tier word, or says which words there are.
pub(in crate::cli) fn parse_tier(word: &str) -> Result<crate::questionnaire::Tier, String> {
    crate::questionnaire::Tier::ALL
        .into_iter()
        .find(|t| t.as_str() == word)
        .ok_or_else(|| {
            format!(
                "\"{}\" is not a tier; use critical, high, medium or low",
                sanitize_line(word)
            )
        })
}

/// Arguments of `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
    /// List the deleted assessments instead (they can be brought back with `restore`)
    #[arg(long)]
    pub deleted: bool,
}

/// Arguments of `restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The deleted assessment's name as `list --deleted` shows it, or the id it had (the
    /// most recently deleted one of that id)
    pub name: String,
}

/// Arguments of `answer`.
#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // each is a switch of the command line
pub struct AnswerArgs {
    /// The assessment's id, or the path of its file
    #[arg(value_name = "ID|PATH")]
    pub assessment: String,
    /// The item: `<questionnaire>/<item>`, or an item id only one questionnaire has
    pub item: String,
    /// An option key, `na`, ticked check ids separated by commas ("" for none), or text;
    /// leave it out to change only the flags below and keep the answer
    #[arg(allow_hyphen_values = true)]
    pub value: Option<String>,
    /// A note on the answer
    #[arg(long)]
    pub note: Option<String>,
    /// The role that owns the follow-up (see `--help` for the roles)
    #[arg(long, long_help = owner_help())]
    pub owner: Option<String>,
    /// Flag the item for follow-up
    #[arg(long, conflicts_with = "unflag")]
    pub flag: bool,
    /// Clear the follow-up flag
    #[arg(long)]
    pub unflag: bool,
    /// For a checklist: the checks that do not apply, separated by commas
    #[arg(long, value_name = "IDS", requires = "value")]
    pub na_checks: Option<String>,
    /// The day the follow-up is due ("" to clear it)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub due: Option<String>,
    /// Where the follow-up stands: open, in-progress or done ("" to clear it)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Evidence behind the answer: a document name, a path or a link (repeat for more;
    /// added to the evidence already recorded)
    #[arg(long, value_name = "REF")]
    pub evidence: Vec<String>,
    /// The wording of a decision the board is asked to take ("" to clear it)
    #[arg(long, value_name = "TEXT")]
    pub decision: Option<String>,
    /// Park the item: leave it for later in a workshop
    #[arg(long, conflicts_with = "unpark")]
    pub park: bool,
    /// Take the item out of the parked ones
    #[arg(long)]
    pub unpark: bool,
    /// Who settles a disputed item with this answer (recorded in `settled`)
    /// [default: facilitator]
    #[arg(long, value_name = "NAME", requires = "value")]
    pub by: Option<String>,
}

fn owner_help() -> String {
    format!(
        "Who owns the follow-up: one of the roles {} (the CFCS appendix on roles and \
         responsibilities), or a name in your own words (\"Head of Procurement\"); \"\" removes it",
        roles::role_ids()
    )
}

/// Arguments of `score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The assessment's id, or the path of its file
    #[arg(value_name = "ID|PATH")]
    pub assessment: String,
    /// Print the score report as JSON (format supplycheck.score/2)
    #[arg(long)]
    pub json: bool,
}

/// `questionnaires` subcommands.
#[derive(Debug, Subcommand)]
pub enum QuestionnairesCommand {
    /// List the questionnaires available
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Show a questionnaire's sections and items
    Show {
        /// The questionnaire's id
        id: String,
        /// Print the questionnaire file (format supplycheck.questionnaire/1 or /2, as written)
        #[arg(long)]
        json: bool,
    },
    /// Check questionnaire files and report every problem
    Validate {
        /// The files to check
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    pub shell: clap_complete::Shell,
}

/// File text made safe for one line and cut to `width` columns.
pub(in crate::cli) fn clip(s: &str, width: usize) -> String {
    crate::figures::fit(&sanitize_line(s), width)
}

/// `supplycheck completions SHELL`.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<()> {
    let mut cmd = super::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "supplycheck", &mut script);
    out::bytes(&script)?;
    Ok(())
}
