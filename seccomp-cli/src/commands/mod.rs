//! One module per subcommand; each turns parsed arguments into output and
//! an exit status.

pub mod asm;
pub mod audit;
pub mod check;
pub mod completion;
pub mod disasm;
pub mod dump;
pub mod emu;
pub mod explain;
mod filters;
pub mod record;

use crate::cli::Command;
use crate::error::Failure;

/// Runs a parsed command; `Ok` holds the exit status (0, or 1 for a filter
/// `check` finds rejected; `audit` succeeds whatever it finds, as seccomp-tools does).
pub fn run(command: Command) -> Result<u8, Failure> {
    match command {
        Command::Asm(args) => asm::run(args),
        Command::Disasm(args) => disasm::run(args),
        Command::Emu(args) => emu::run(args),
        Command::Dump(args) => dump::run(args),
        Command::Check(args) => check::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Record(args) => record::run(args),
        Command::Completion(args) => completion::run(args),
    }
}
