//! The validator against the kernel: over generated programs,
//! `seccomp_asm::validate::validate(program).is_ok()` must be exactly
//! "the kernel installs it".
//!
//! The kernel may only answer 0 or EINVAL here (a fresh child, no_new_privs,
//! no filter installed, flags 0): any other errno means the harness asked
//! the wrong question, and is an error rather than a disagreement.

use crate::gen::{self, Kind};
use crate::kernel::{errno_name, Harness, HarnessError, Verdict};
use crate::shrink::{rust_literal, shrink};
use seccomp_asm::validate::{validate, Violation};
use seccomp_asm::Insn;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

/// How many programs one child batch holds.
const CHUNK: u64 = 256;

/// Why a differential run could not finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffError {
    Harness(HarnessError),
    /// The kernel refused a program with an errno other than EINVAL.
    UnexpectedErrno {
        program: Vec<Insn>,
        errno: i32,
    },
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::Harness(e) => e.fmt(f),
            DiffError::UnexpectedErrno { program, errno } => write!(
                f,
                "the kernel refused a program with {} instead of EINVAL: {}",
                errno_name(*errno),
                rust_literal(program)
            ),
        }
    }
}

impl std::error::Error for DiffError {}

impl From<HarnessError> for DiffError {
    fn from(e: HarnessError) -> DiffError {
        DiffError::Harness(e)
    }
}

/// Whether the kernel installs `program`; an errno other than EINVAL is an
/// error.
pub fn kernel_accepts(harness: &Harness, program: &[Insn]) -> Result<bool, DiffError> {
    check(program, harness.verdict(program)?)
}

fn check(program: &[Insn], verdict: Verdict) -> Result<bool, DiffError> {
    match verdict {
        Verdict::Accepted => Ok(true),
        Verdict::Rejected(libc::EINVAL) => Ok(false),
        Verdict::Rejected(errno) => Err(DiffError::UnexpectedErrno {
            program: program.to_vec(),
            errno,
        }),
    }
}

/// A program on which the validator and the kernel differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub case: gen::Case,
    pub kernel_accepts: bool,
    /// What the validator said.
    pub validator: Result<(), Vec<Violation>>,
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kernel = if self.kernel_accepts {
            "accepts"
        } else {
            "refuses (EINVAL)"
        };
        write!(
            f,
            "seed {} case {} ({}, {} instructions): the kernel {kernel}, the validator ",
            self.case.seed,
            self.case.index,
            self.case.kind.name(),
            self.case.program.len()
        )?;
        match &self.validator {
            Ok(()) => f.write_str("accepts"),
            Err(violations) => {
                f.write_str("refuses: ")?;
                for (i, v) in violations.iter().enumerate() {
                    let sep = if i == 0 { "" } else { "; " };
                    match v.pc() {
                        Some(pc) => write!(f, "{sep}{pc}: {v}")?,
                        None => write!(f, "{sep}{v}")?,
                    }
                }
                Ok(())
            }
        }
    }
}

/// Programs and kernel acceptances of one kind.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct KindCount {
    pub programs: u64,
    pub accepted: u64,
}

/// The outcome of a differential run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub programs: u64,
    pub kernel_accepted: u64,
    pub by_kind: BTreeMap<Kind, KindCount>,
    /// Every disagreement, by case index.
    pub disagreements: Vec<Disagreement>,
}

impl Summary {
    /// Adds the counts and disagreements of another run.
    pub fn merge(&mut self, other: Summary) {
        self.programs += other.programs;
        self.kernel_accepted += other.kernel_accepted;
        for (kind, count) in other.by_kind {
            let entry = self.by_kind.entry(kind).or_default();
            entry.programs += count.programs;
            entry.accepted += count.accepted;
        }
        self.disagreements.extend(other.disagreements);
        self.disagreements.sort_by_key(|d| d.case.index);
    }
}

/// `N programs, D disagreements`.
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} programs, {} disagreements",
            self.programs,
            self.disagreements.len()
        )
    }
}

/// Compares the validator with the kernel on cases `indices` of `seed`,
/// spread over `jobs` threads (each forks its own children).
pub fn validator_vs_kernel(
    harness: &Harness,
    seed: u64,
    indices: Range<u64>,
    jobs: usize,
) -> Result<Summary, DiffError> {
    let jobs = jobs.max(1) as u64;
    let chunks: Vec<Range<u64>> = (indices.start..indices.end)
        .step_by(CHUNK as usize)
        .map(|start| start..(start + CHUNK).min(indices.end))
        .collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|job| {
                let mine: Vec<Range<u64>> = chunks
                    .iter()
                    .skip(job as usize)
                    .step_by(jobs as usize)
                    .cloned()
                    .collect();
                scope.spawn(move || {
                    let mut summary = Summary::default();
                    for chunk in mine {
                        summary.merge(run_chunk(harness, seed, chunk)?);
                    }
                    Ok::<Summary, DiffError>(summary)
                })
            })
            .collect();
        let mut total = Summary::default();
        for worker in workers {
            let part = worker.join().expect("a differential worker panicked")?;
            total.merge(part);
        }
        Ok(total)
    })
}

fn run_chunk(harness: &Harness, seed: u64, indices: Range<u64>) -> Result<Summary, DiffError> {
    let cases: Vec<gen::Case> = indices.map(|i| gen::case(seed, i)).collect();
    let programs: Vec<&[Insn]> = cases.iter().map(|c| c.program.as_slice()).collect();
    let verdicts = harness.verdicts(&programs)?;
    let mut summary = Summary::default();
    for (case, verdict) in cases.into_iter().zip(verdicts) {
        let kernel_accepts = check(&case.program, verdict)?;
        summary.programs += 1;
        let count = summary.by_kind.entry(case.kind).or_default();
        count.programs += 1;
        if kernel_accepts {
            summary.kernel_accepted += 1;
            count.accepted += 1;
        }
        let validator = validate(&case.program);
        if validator.is_ok() != kernel_accepts {
            summary.disagreements.push(Disagreement {
                case,
                kernel_accepts,
                validator,
            });
        }
    }
    Ok(summary)
}

/// The smallest program found on which the validator and the kernel still
/// disagree the way they do in `d` (the same side accepts), trying at most
/// `budget` candidates (each costs a child).
pub fn minimize(
    harness: &Harness,
    d: &Disagreement,
    budget: usize,
) -> Result<Vec<Insn>, DiffError> {
    shrink(&d.case.program, budget, |candidate| {
        Ok(validate(candidate).is_ok() != d.kernel_accepts
            && kernel_accepts(harness, candidate)? == d.kernel_accepts)
    })
}

/// A disagreement and its minimal reproducer, for people: what each side
/// said about the original case, then the reproducer as Rust, with what
/// each side says about it.
pub fn report(harness: &Harness, d: &Disagreement, budget: usize) -> Result<String, DiffError> {
    let small = minimize(harness, d, budget)?;
    let validator = match validate(&small) {
        Ok(()) => "accepts".to_owned(),
        Err(v) => format!("refuses: {v:?}"),
    };
    let kernel = if d.kernel_accepts {
        "accepts"
    } else {
        "refuses"
    };
    let plural = if small.len() == 1 { "" } else { "s" };
    Ok(format!(
        "{d}\nminimal reproducer, {} instruction{plural} (the kernel {kernel}, the validator {validator}):\n{}",
        small.len(),
        rust_literal(&small)
    ))
}
