//! The `supplycheck` binary: parse the arguments, dispatch, exit.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match supplycheck::cli::Cli::try_parse() {
        Ok(cli) => supplycheck::cli::run(cli),
        Err(e) => supplycheck::cli::clap_message(&e),
    }
}
