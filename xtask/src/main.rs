//! `cargo run -p xtask -- <task>`: chores that are not part of any crate's build.

mod gen_tables;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo run -p xtask -- <task>

tasks:
  gen-tables [DATA_DIR]   regenerate seccomp-asm/src/tables/*.rs from the reference
                          tables in DATA_DIR (default: ../shared/data)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("gen-tables") => gen_tables::run(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
