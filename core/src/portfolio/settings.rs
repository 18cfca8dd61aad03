//! How long a supplier's review stays current, by tier: the defaults, the data directory's
//! `portfolio.json`, and changes given on the command line (`--review-months TIER=N`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::questionnaire::Tier;

/// The settings file's name in the data directory.
pub const SETTINGS_FILE: &str = crate::store::ROOT_FILES[0].0;

/// The longest review interval accepted, in months (ten years).
pub const MAX_REVIEW_MONTHS: u32 = 120;

/// How an example of the settings file reads, for messages.
const EXAMPLE: &str = "{\"review_months\": {\"critical\": 6, \"high\": 12}}";

/// The review interval of each tier, in whole months. A supplier without a tier is
/// reviewed as a low-tier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReviewMonths {
    /// Critical suppliers (default 12).
    pub critical: u32,
    /// High-tier suppliers (default 18).
    pub high: u32,
    /// Medium-tier suppliers (default 24).
    pub medium: u32,
    /// Low-tier suppliers and suppliers without a tier (default 24).
    pub low: u32,
}

impl Default for ReviewMonths {
    fn default() -> Self {
        Self {
            critical: 12,
            high: 18,
            medium: 24,
            low: 24,
        }
    }
}

/// Why review settings could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The settings file could not be read.
    #[error(
        "{}: cannot read the portfolio settings: {cause}. Fix the file or remove it to use \
         the default review intervals.",
        path.display()
    )]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        cause: String,
    },
    /// The settings file is not valid.
    #[error(
        "{}: line {line}, column {column}: {message}. Write the review interval of each tier \
         in whole months, e.g. {EXAMPLE}.",
        path.display()
    )]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The line (1-based; 0 when not known).
        line: usize,
        /// The column (1-based; 0 when not known).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A `--review-months` value is not `TIER=N`.
    #[error("--review-months {given}: {message}")]
    Option {
        /// The value given.
        given: String,
        /// What is wrong.
        message: String,
    },
}

/// The settings file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    #[serde(default)]
    review_months: MonthsFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MonthsFile {
    critical: Option<i64>,
    high: Option<i64>,
    medium: Option<i64>,
    low: Option<i64>,
}

/// A number of months, or why it is not one.
fn months(tier: Tier, n: i64) -> Result<u32, String> {
    u32::try_from(n)
        .ok()
        .filter(|m| (1..=MAX_REVIEW_MONTHS).contains(m))
        .ok_or_else(|| {
            format!(
                "the {tier} review interval is {n} months; give a whole number of months from 1 \
                 to {MAX_REVIEW_MONTHS}"
            )
        })
}

impl ReviewMonths {
    /// The review interval of a tier (no tier: the low tier's).
    pub fn of(&self, tier: Option<Tier>) -> u32 {
        match tier {
            Some(Tier::Critical) => self.critical,
            Some(Tier::High) => self.high,
            Some(Tier::Medium) => self.medium,
            Some(Tier::Low) | None => self.low,
        }
    }

    /// Sets the review interval of a tier.
    pub fn set(&mut self, tier: Tier, months: u32) {
        match tier {
            Tier::Critical => self.critical = months,
            Tier::High => self.high = months,
            Tier::Medium => self.medium = months,
            Tier::Low => self.low = months,
        }
    }

    /// Reads the settings file at `path` over these intervals. A file that does not exist
    /// changes nothing (and gives `false`); one that does gives `true`.
    pub fn read_file(&mut self, path: &Path) -> Result<bool, SettingsError> {
        let bytes = match crate::file::read_regular(path) {
            Ok(bytes) => bytes,
            Err(crate::file::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(false);
            }
            Err(e) => {
                return Err(SettingsError::Read {
                    path: path.to_path_buf(),
                    cause: e.to_string(),
                });
            }
        };
        self.read_bytes(&bytes, path)?;
        Ok(true)
    }

    /// Reads settings-file text (read from `path`, for messages) over these intervals.
    pub fn read_bytes(&mut self, bytes: &[u8], path: &Path) -> Result<(), SettingsError> {
        let invalid = |line, column, message| SettingsError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message,
        };
        let text = crate::text::json_text(bytes).map_err(|e| {
            let (line, column) = crate::text::line_column(bytes, e.offset);
            invalid(line, column, e.message)
        })?;
        let file: SettingsFile = serde_json::from_str(text)
            .map_err(|e| invalid(e.line(), e.column(), crate::text::serde_message(&e)))?;
        let given = [
            (Tier::Critical, file.review_months.critical),
            (Tier::High, file.review_months.high),
            (Tier::Medium, file.review_months.medium),
            (Tier::Low, file.review_months.low),
        ];
        for (tier, n) in given {
            if let Some(n) = n {
                let m = months(tier, n).map_err(|message| invalid(0, 0, message))?;
                self.set(tier, m);
            }
        }
        Ok(())
    }

    /// Applies a command line's `TIER=N` (e.g. `critical=6`).
    pub fn apply_option(&mut self, given: &str) -> Result<(), SettingsError> {
        let fail = |message: String| SettingsError::Option {
            given: crate::text::sanitize_line(given),
            message,
        };
        let (tier, n) = given.split_once('=').ok_or_else(|| {
            fail(
                "write it as TIER=MONTHS, e.g. critical=6 (tiers: critical, high, medium, low)"
                    .into(),
            )
        })?;
        let tier = parse_tier(tier.trim()).map_err(fail)?;
        let n: i64 = n
            .trim()
            .parse()
            .map_err(|_| fail(format!("\"{}\" is not a whole number of months", n.trim())))?;
        self.set(tier, months(tier, n).map_err(fail)?);
        Ok(())
    }
}

/// Reads a tier word, or says which words there are.
pub fn parse_tier(word: &str) -> Result<Tier, String> {
    Tier::ALL
        .into_iter()
        .find(|t| t.as_str().eq_ignore_ascii_case(word))
        .ok_or_else(|| {
            format!(
                "\"{}\" is not a tier; use critical, high, medium or low",
                crate::text::sanitize_line(word)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<ReviewMonths, String> {
        let mut m = ReviewMonths::default();
        m.read_bytes(text.as_bytes(), Path::new("data/portfolio.json"))
            .map_err(|e| e.to_string())?;
        Ok(m)
    }

    #[test]
    fn the_defaults_follow_the_tier_and_a_supplier_without_one_counts_as_low() {
        let m = ReviewMonths::default();
        assert_eq!(
            [Tier::Critical, Tier::High, Tier::Medium, Tier::Low].map(|t| m.of(Some(t))),
            [12, 18, 24, 24]
        );
        assert_eq!(m.of(None), 24);
    }

    #[test]
    fn the_settings_file_changes_only_the_tiers_it_names() {
        let m = read(r#"{"review_months": {"critical": 6}}"#).expect("reads");
        assert_eq!(
            m,
            ReviewMonths {
                critical: 6,
                ..ReviewMonths::default()
            }
        );
        assert_eq!(read("{}").expect("reads"), ReviewMonths::default());
    }

    #[test]
    fn a_bad_settings_file_is_named_with_what_is_wrong_and_how_to_write_it() {
        for (text, says) in [
            (
                r#"{"review_months": {"crtical": 6}}"#,
                "unknown field `crtical`",
            ),
            (
                r#"{"review_months": {"critical": 0}}"#,
                "the critical review interval is 0 months",
            ),
            (r#"{"review_months": {"low": 500}}"#, "from 1 to 120"),
            (r#"{"review_months": {"high": "six"}}"#, "line 1"),
            (r#"{"review": {}}"#, "unknown field `review`"),
            ("{", "line 1"),
        ] {
            let e = read(text).expect_err(text);
            assert!(e.starts_with("data/portfolio.json: "), "{text}: {e}");
            assert!(e.contains(says), "{text}: {e}");
            assert!(e.contains(r#"e.g. {"review_months""#), "{text}: {e}");
        }
    }

    #[test]
    fn a_missing_settings_file_keeps_the_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut m = ReviewMonths::default();
        assert!(
            !m.read_file(&dir.path().join(SETTINGS_FILE))
                .expect("no file")
        );
        assert_eq!(m, ReviewMonths::default());
        std::fs::write(
            dir.path().join(SETTINGS_FILE),
            r#"{"review_months":{"high":9}}"#,
        )
        .expect("writes");
        assert!(m.read_file(&dir.path().join(SETTINGS_FILE)).expect("reads"));
        assert_eq!(m.high, 9);
    }

    #[test]
    fn the_command_line_option_reads_tier_equals_months() {
        let mut m = ReviewMonths::default();
        m.apply_option("critical=6").expect("applies");
        m.apply_option("Low = 36").expect("applies");
        assert_eq!((m.critical, m.low), (6, 36));
        for (bad, says) in [
            ("critical", "TIER=MONTHS"),
            ("huge=6", "\"huge\" is not a tier"),
            ("high=six", "\"six\" is not a whole number"),
            ("high=-1", "is -1 months"),
        ] {
            let e = m.apply_option(bad).expect_err(bad).to_string();
            assert!(e.starts_with(&format!("--review-months {bad}: ")), "{e}");
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}
