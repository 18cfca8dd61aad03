//! The `supplycheck` binary: parse the arguments, dispatch, exit.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    supplycheck::cli::run(supplycheck::cli::Cli::parse())
}
