//! `kernel-diff MODE [--count N] [--seed S] [--jobs J] [--show M] [--budget B] [--batch P]`:
//! compares a part of the toolchain with the running kernel over generated
//! programs, prints `N programs, D disagreements` (`N cases, ...` for the
//! emulator) and the first disagreements as minimal reproducers, and fails
//! if there is any.
//!
//! Modes:
//! - `validator`: `seccomp_asm::validate::validate(program).is_ok()` against
//!   whether `seccomp(2)` installs the program.
//! - `emulator` (x86_64): what `seccomp_asm::emu::emulate` says a filter
//!   returns for a system call, against how the call ends in the kernel
//!   (`seccomp_suite::emu_kernel`).
//!
//! A mode is a function from the options to a [`Outcome`]; the programs,
//! the kernel harness and the shrinker are shared in `seccomp_suite`, whose
//! `kernel::Harness::probe` runs a system call under a filter, for modes
//! that compare what filters do rather than whether they install.

use seccomp_suite::differential;
use seccomp_suite::kernel::{Harness, MAX_BATCH};
use std::str::FromStr;
use std::time::Instant;

pub const USAGE: &str = "kernel-diff validator [--count N] [--seed S] [--jobs J] [--show M]
                        [--budget B] [--batch P]
                          compare the validator with the running kernel on N
                          generated programs (default 10000, seed 1, one job
                          per core); show the first M disagreements (default
                          5), each shrunk with at most B kernel calls
                          (default 2000); try up to P refused programs per
                          child (default and most 1024)
  kernel-diff emulator [--count N] [--seed S] [--jobs J] [--show M]
                       [--budget B]
                          compare the emulator with the running kernel on N
                          generated filters, each with one system call made
                          under it (same defaults)";

/// What can be compared with the kernel.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Validator,
    Emulator,
}

impl FromStr for Mode {
    type Err = String;

    fn from_str(s: &str) -> Result<Mode, String> {
        match s {
            "validator" => Ok(Mode::Validator),
            "emulator" => Ok(Mode::Emulator),
            _ => Err(format!(
                "unknown kernel-diff mode `{s}` (known: validator, emulator)"
            )),
        }
    }
}

struct Options {
    mode: Mode,
    count: u64,
    seed: u64,
    jobs: usize,
    show: usize,
    budget: usize,
    batch: usize,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut args = args.iter();
    let mode = args
        .next()
        .ok_or("kernel-diff needs a mode (validator or emulator)")?
        .parse()?;
    let mut options = Options {
        mode,
        count: 10_000,
        seed: 1,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        show: 5,
        budget: 2000,
        batch: MAX_BATCH,
    };
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = |what: &str| -> Result<u64, String> {
            value
                .parse::<u64>()
                .map_err(|e| format!("{what} `{value}`: {e}"))
        };
        let size = |what: &str| -> Result<usize, String> {
            usize::try_from(number(what)?).map_err(|e| format!("{what} `{value}`: {e}"))
        };
        match flag.as_str() {
            "--count" => options.count = number("--count")?,
            "--seed" => options.seed = number("--seed")?,
            "--jobs" => options.jobs = size("--jobs")?.max(1),
            "--show" => options.show = size("--show")?,
            "--budget" => options.budget = size("--budget")?,
            "--batch" => match size("--batch")? {
                b @ 1..=MAX_BATCH => options.batch = b,
                _ => return Err(format!("--batch must be 1 to {MAX_BATCH}")),
            },
            _ => return Err(format!("unknown option `{flag}`\n{USAGE}")),
        }
    }
    Ok(options)
}

/// What a mode found.
struct Outcome {
    /// What was counted: `programs` or `cases`.
    noun: &'static str,
    count: u64,
    /// Each disagreement, ready to print (with its minimal reproducer).
    shown: Vec<String>,
    disagreements: usize,
    /// Statistics for stderr.
    details: Vec<String>,
}

/// Runs the command; `Ok(false)` when there were disagreements.
pub fn run(args: &[String]) -> Result<bool, String> {
    let options = parse(args)?;
    let started = Instant::now();
    let outcome = match options.mode {
        Mode::Validator => validator(&options)?,
        Mode::Emulator => emulator(&options)?,
    };
    println!(
        "{} {}, {} disagreements",
        outcome.count, outcome.noun, outcome.disagreements
    );
    for (i, shown) in outcome.shown.iter().enumerate() {
        println!("\ndisagreement {}: {shown}", i + 1);
    }
    for line in &outcome.details {
        eprintln!("{line}");
    }
    eprintln!("{:.1} s", started.elapsed().as_secs_f64());
    Ok(outcome.disagreements == 0)
}

/// Runs cases `0..count` in steps, merging each step's summary, so that a
/// long run shows on stderr that it is alive.
fn in_steps<S: Default, E: std::fmt::Display>(
    options: &Options,
    merge: impl Fn(&mut S, S),
    run: impl Fn(std::ops::Range<u64>) -> Result<S, E>,
) -> Result<S, String> {
    const STEP: u64 = 10_000;
    let mut summary = S::default();
    let mut start = 0;
    while start < options.count {
        let end = (start + STEP).min(options.count);
        merge(&mut summary, run(start..end).map_err(|e| e.to_string())?);
        start = end;
        if options.count > STEP {
            eprintln!("{start}/{}", options.count);
        }
    }
    Ok(summary)
}

fn validator(options: &Options) -> Result<Outcome, String> {
    let harness = Harness::new().batch(options.batch);
    let summary = in_steps(options, differential::Summary::merge, |range| {
        differential::validator_vs_kernel(&harness, options.seed, range, options.jobs)
    })?;
    let shown = summary
        .disagreements
        .iter()
        .take(options.show)
        .map(|d| differential::report(&harness, d, options.budget).map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let mut details = vec![format!(
        "seed {}: the kernel accepted {} of {} programs",
        options.seed, summary.kernel_accepted, summary.programs
    )];
    for (kind, count) in &summary.by_kind {
        details.push(format!(
            "  {:<15}{:>8} programs, {:>8} accepted",
            kind.name(),
            count.programs,
            count.accepted
        ));
    }
    Ok(Outcome {
        noun: "programs",
        count: summary.programs,
        disagreements: summary.disagreements.len(),
        shown,
        details,
    })
}

#[cfg(target_arch = "x86_64")]
fn emulator(options: &Options) -> Result<Outcome, String> {
    use seccomp_suite::emu_kernel::{self, Baseline};
    let harness = Harness::new();
    let baseline = Baseline::new(&harness).map_err(|e| e.to_string())?;
    let summary = in_steps(options, emu_kernel::Summary::merge, |range| {
        emu_kernel::emulator_vs_kernel(&harness, &baseline, options.seed, range, options.jobs)
    })?;
    let shown = summary
        .disagreements
        .iter()
        .take(options.show)
        .map(|d| {
            emu_kernel::report(&harness, &baseline, d, options.budget).map_err(|e| e.to_string())
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut details = vec![format!("seed {}: cases by action", options.seed)];
    for (action, n) in &summary.by_action {
        details.push(format!("  {action:<15}{n:>8}"));
    }
    details.push("cases by calling convention".to_owned());
    for (abi, n) in &summary.by_abi {
        details.push(format!("  {abi:<15}{n:>8}"));
    }
    details.push("cases whose executed path has".to_owned());
    for (feature, n) in &summary.by_feature {
        details.push(format!("  {feature:<24}{n:>8}"));
    }
    Ok(Outcome {
        noun: "cases",
        count: summary.cases,
        disagreements: summary.disagreements.len(),
        shown,
        details,
    })
}

#[cfg(not(target_arch = "x86_64"))]
fn emulator(_: &Options) -> Result<Outcome, String> {
    Err("kernel-diff emulator makes its system calls with x86_64 code".to_owned())
}
