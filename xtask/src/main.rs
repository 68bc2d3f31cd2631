//! `cargo run -p xtask -- <task>`: chores that are not part of any crate's build.

mod explain_truth;
mod gen_tables;
mod kernel_diff;

use std::process::ExitCode;

fn usage() -> String {
    format!(
        "usage: cargo run -p xtask -- <task>

tasks:
  gen-tables [DATA_DIR]   regenerate seccomp-asm/src/tables/*.rs from the reference
                          tables in DATA_DIR (default: ../shared/data)
  {}
  {}",
        kernel_diff::USAGE,
        explain_truth::USAGE
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("gen-tables") => gen_tables::run(&args[1..]).map(|()| ExitCode::SUCCESS),
        Some("kernel-diff") => kernel_diff::run(&args[1..]).map(|clean| {
            if clean {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }),
        Some("explain-truth") => explain_truth::run(&args[1..]).map(|clean| {
            if clean {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }),
        _ => {
            eprintln!("{}", usage());
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::from(2)
        }
    }
}
