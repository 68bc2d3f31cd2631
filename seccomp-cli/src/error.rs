//! How a failed command is reported: one line on stderr and an exit status.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::error::ErrorKind;

/// Exit status of a command that failed (bad input, I/O error, assembly error, ...).
pub const EXIT_FAILURE: u8 = 1;
/// Exit status of a command line that could not be parsed.
pub const EXIT_USAGE: u8 = 2;

/// A command that could not do its work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What went wrong. One line, except for assembler diagnostics, which
    /// quote the offending source line.
    pub message: String,
    /// Printed as is, without the `error: ` prefix (assembler diagnostics
    /// carry their own `file:row:col` prefix).
    pub verbatim: bool,
    pub code: u8,
}

impl Failure {
    pub fn new(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            verbatim: false,
            code: EXIT_FAILURE,
        }
    }

    /// A failure whose message is already formatted (possibly on several lines).
    pub fn verbatim(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            verbatim: true,
            code: EXIT_FAILURE,
        }
    }

    /// A usage error detected after parsing (a missing or conflicting argument).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            verbatim: false,
            code: EXIT_USAGE,
        }
    }

    /// An I/O error on a named file (or `<stdin>` / `<stdout>`).
    pub fn io(what: &str, err: &io::Error) -> Failure {
        Failure::new(format!("{what}: {}", describe_io(err)))
    }

    /// Prints the failure on stderr and gives the exit status.
    pub fn report(&self) -> ExitCode {
        let mut stderr = io::stderr().lock();
        // Nothing sensible is left to do if stderr itself is gone.
        let _ = if self.verbatim {
            let sep = if self.message.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            write!(stderr, "{}{sep}", self.message)
        } else {
            writeln!(stderr, "error: {}", self.message)
        };
        ExitCode::from(self.code)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

pub use seccomp_asm::diag::describe_io;

/// Prints `warning: message` on stderr: something the user should know about
/// a command that still succeeds.
pub fn warn(message: &str) {
    // A warning that cannot be written is not worth failing the command for.
    let _ = writeln!(io::stderr().lock(), "warning: {message}");
}

/// Handles a command line clap rejected (or a `--help` / `--version` request).
///
/// Help and version go to stdout with status 0. Usage errors are folded into
/// one line on stderr: clap's multi-line layout (the usage block, tips) is
/// meant for a terminal, while a script reading stderr wants one line.
pub fn report_clap(err: clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            ExitCode::SUCCESS
        }
        // `seccomp` alone: the full help (clap prints it on stderr) is the clearest answer.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            ExitCode::from(EXIT_USAGE)
        }
        _ => {
            let line = one_line(&err.render().to_string());
            let _ = writeln!(io::stderr().lock(), "{line}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Joins the lines of a clap error message up to its usage block.
pub fn one_line(rendered: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for line in rendered.lines() {
        let line = line.trim();
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if !line.is_empty() {
            parts.push(line);
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_errors_become_one_line() {
        let rendered = "error: the following required arguments were not provided:\n  <FILE>\n\n\
                        Usage: seccomp asm <FILE>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "error: the following required arguments were not provided: <FILE>"
        );
    }

    #[test]
    fn io_errors_drop_the_os_error_number() {
        let err = io::Error::from_raw_os_error(libc::ENOENT);
        assert_eq!(describe_io(&err), "No such file or directory");
        assert_eq!(
            Failure::io("a.bpf", &err).message,
            "a.bpf: No such file or directory"
        );
    }
}
