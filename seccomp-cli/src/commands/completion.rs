//! `seccomp completion bash|zsh|fish`: a shell completion script.

use clap::CommandFactory;
use clap_complete::{generate, Shell as Generator};

use crate::cli::{Cli, CompletionArgs, Shell};
use crate::error::Failure;
use crate::io::write_stdout;

pub fn run(args: CompletionArgs) -> Result<u8, Failure> {
    write_stdout(&script(args.shell))?;
    Ok(0)
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let generator = match shell {
        Shell::Bash => Generator::Bash,
        Shell::Zsh => Generator::Zsh,
        Shell::Fish => Generator::Fish,
    };
    let mut out = Vec::new();
    generate(generator, &mut Cli::command(), "seccomp", &mut out);
    out
}
