//! The `seccomp` command-line tool: a drop-in for seccomp-tools' `asm`,
//! `disasm`, `emu`, `dump`, `explain` and `audit`, plus `check`, `record` and
//! `completion`.
//!
//! The binary is a thin adapter: argument parsing ([`cli`]), reading inputs
//! and writing outputs ([`io`]), the output formats ([`formats`]), and the
//! parts that talk to the kernel, tracing programs ([`ptrace`], Linux only)
//! to catch the filters they install ([`dump`]) or to record the syscalls
//! they make and write them as an allow-list ([`record`]). Assembly, disassembly and emulation are computed by the
//! core crate, `seccomp-asm`, through [`engine`]; `explain` and `audit` call
//! its `explain` and `audit` modules directly, and `asm --strict` and `check`
//! its lints through [`lints`].

pub mod cli;
pub mod commands;
pub mod dump;
pub mod engine;
pub mod error;
pub mod formats;
pub mod io;
pub mod lints;
pub mod logger;
#[cfg(target_os = "linux")]
pub mod ptrace;
pub mod record;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

pub use error::Failure;

/// Runs the tool on a command line (program name first) and returns the
/// process exit status: 0 on success, 1 when the command failed (or `check`
/// found the filter rejected), 2 on a usage error.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let parsed = match cli::Cli::try_parse_from(args) {
        Ok(parsed) => parsed,
        Err(err) => return error::report_clap(err),
    };
    match commands::run(parsed.command) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => failure.report(),
    }
}
