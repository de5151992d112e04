//! The `wakucareer` binary: parse the command line, load the configuration, call the crates.
//! Errors end the process with one line on stderr and a non-zero exit code.

mod accessibility;
mod acting;
mod admin;
mod batch;
mod cli;
mod config;
mod export;
mod import;
mod progress;
mod serve;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => return fail(&anyhow::anyhow!("cannot start the async runtime: {err}")),
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&err),
    }
}

/// Prints the error and its causes on one line, without a backtrace.
fn fail(err: &anyhow::Error) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "error: {err:#}");
    ExitCode::FAILURE
}
