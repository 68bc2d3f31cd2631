//! The emulator against the kernel: over generated filters and system calls,
//! what `seccomp_asm::emu::emulate` says the filter returns must be how the
//! call ends when the kernel runs the filter.
//!
//! Each case is a valid filter from [`Generator::behaviour_program`] and a
//! system call ([`Syscall`]: the 64-bit `syscall` convention or `int 0x80`,
//! a number, six arguments). The kernel's side is [`Harness::probe`]; the
//! emulator runs on [`Syscall::seccomp_data`], the input the kernel builds
//! for that call. The emulator's return value is turned into the ending it
//! predicts ([`predicted_ending`]), which is compared with the kernel's.
//!
//! Filters that return ALLOW or LOG let the call run, so the numbers are
//! only ones whose call is harmless and gives the same result in every child:
//! numbers with no system call (the 64-bit gap 380..=423, numbers past the
//! tables, negative ones, and x32 numbers that are unassigned or harmless
//! where x32 is built in), `getuid`, `getgid` and `getppid`. What each of
//! them returns unfiltered is asked of the kernel once per run
//! ([`Baseline`]).
//!
//! A comparison of endings cannot tell apart two return values that end the
//! same way: `ERRNO(38)` and an allowed call without a system call
//! (`-ENOSYS` both), KILL_THREAD and KILL_PROCESS (the only thread dies of
//! `SIGSYS` either way), `ERRNO(4095)` and `ERRNO(5000)`. Return sites
//! return distinct `ERRNO` values other than 38 ([`crate::gen::site_errno`])
//! so that the site that returned is known.

use crate::gen::{Forms, Generator};
use crate::kernel::{Abi, Ending, Harness, HarnessError, Sigsys, Syscall};
use crate::shrink::{rust_literal, shrink};
use rand::Rng;
use seccomp_asm::emu::{emulate, EmuError, Outcome};
use seccomp_asm::validate::validate;
use seccomp_asm::{Action, Arch, Endian, Insn};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;

/// `si_code` of a `SIGSYS` sent by seccomp (`SYS_SECCOMP`).
pub const SYS_SECCOMP: i32 = 1;
/// The largest errno the kernel returns for `SECCOMP_RET_ERRNO`.
pub const MAX_ERRNO: u32 = 4095;

/// System-call numbers of the 64-bit convention that are harmless to run.
pub const X86_64_NUMBERS: [i32; 15] = [
    102, // getuid
    104, // getgid
    110, // getppid
    // Unassigned, in the gap from 335 to 423 (whose first numbers are being
    // taken: 335 is uretprobe, 336 uprobe, and seccomp lets both through
    // without running any filter).
    380,
    400,
    423,
    1000, // past the table
    0xffff,
    -1,
    i32::MIN,
    i32::MAX,
    0x4000_0000 | 102, // x32 getuid
    0x4000_0000 | 400, // unassigned in x32 too
    0x4000_0000 | 600, // past the x32 table
    -0x4000_0000,
];

/// System-call numbers of `int 0x80` that are harmless to run.
pub const I386_NUMBERS: [i32; 12] = [
    24,  // getuid (16-bit)
    47,  // getgid (16-bit)
    64,  // getppid
    199, // getuid32
    222, // unassigned
    223,
    251,
    285,
    1000, // past the table
    -1,
    i32::MIN,
    0x4000_0000 | 20, // getpid with the x32 bit, which compat calls do not have
];

/// One filter and one call.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Case {
    pub seed: u64,
    pub index: u64,
    pub program: Vec<Insn>,
    pub call: Syscall,
}

/// Case `index` of seed `seed`: the same case on every run.
pub fn case(seed: u64, index: u64) -> Case {
    let mut g = Generator::new(seed, index);
    let call = syscall(g.rng());
    let len = if g.rng().random_ratio(1, 8) {
        g.rng().random_range(41..=160)
    } else {
        g.rng().random_range(2..=40)
    };
    let forms = if g.rng().random_bool(0.5) {
        Forms::Exact
    } else {
        Forms::Lossy
    };
    let program = g.behaviour_program(len, forms, &hints(&call));
    Case {
        seed,
        index,
        program,
        call,
    }
}

/// A harmless call with arguments at the edges of the words a filter reads.
fn syscall(rng: &mut impl Rng) -> Syscall {
    let abi = if rng.random_ratio(2, 3) {
        Abi::X86_64
    } else {
        Abi::I386
    };
    let numbers: &[i32] = match abi {
        Abi::X86_64 => &X86_64_NUMBERS,
        Abi::I386 => &I386_NUMBERS,
    };
    let nr = numbers[rng.random_range(0..numbers.len())];
    let mut args = [0u64; 6];
    for arg in &mut args {
        let value: u64 = match rng.random_range(0..12) {
            0 => 0,
            1 => rng.random_range(0..=64),
            2 => u64::from(u32::MAX),
            3 => 1 << 32,
            4 => u64::MAX,
            5 => 0x8000_0000,
            // Return values, for `ret A`.
            6 => {
                let actions = [
                    Action::ALLOW,
                    Action::ERRNO,
                    Action::TRAP,
                    Action::LOG,
                    Action::KILL_PROCESS,
                    Action::TRACE,
                    Action::USER_NOTIF,
                ];
                let data = [0, 1, 38, 4095, 4096, 0xffff][rng.random_range(0..6)];
                u64::from(actions[rng.random_range(0..actions.len())] | data)
            }
            7 => u64::from(rng.random::<u32>()),
            8 => u64::from(rng.random::<u32>()) << 32,
            _ => rng.random(),
        };
        // `int 0x80` passes 32-bit registers.
        *arg = match abi {
            Abi::X86_64 => value,
            Abi::I386 => value & u64::from(u32::MAX),
        };
    }
    Syscall::new(abi, nr, args)
}

/// The words a filter reading `call` may compare with.
fn hints(call: &Syscall) -> Vec<u32> {
    let data = call.seccomp_data();
    let mut hints = vec![
        data.nr as u32,
        data.arch,
        data.instruction_pointer as u32,
        (data.instruction_pointer >> 32) as u32,
        Arch::X86_64.audit(),
        Arch::I386.audit(),
        0x4000_0000,
    ];
    for arg in data.args {
        hints.extend([arg as u32, (arg >> 32) as u32]);
    }
    hints
}

/// How each call of the pools ends with no filter installed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    endings: HashMap<(Abi, i32), Ending>,
}

impl Baseline {
    /// Asks the kernel, once per number of the pools. None of them depends
    /// on its arguments.
    pub fn new(harness: &Harness) -> Result<Baseline, HarnessError> {
        let mut endings = HashMap::new();
        let pools = [
            (Abi::X86_64, &X86_64_NUMBERS[..]),
            (Abi::I386, &I386_NUMBERS[..]),
        ];
        for (abi, numbers) in pools {
            for &nr in numbers {
                let ending = harness.probe(&[], &Syscall::new(abi, nr, [0; 6]))?;
                endings.insert((abi, nr), ending);
            }
        }
        Ok(Baseline { endings })
    }

    /// Asks the kernel how the call `nr` of `abi` ends unfiltered, for calls
    /// beyond the pools. The call runs: it must be harmless.
    pub fn measure(&mut self, harness: &Harness, abi: Abi, nr: i32) -> Result<(), HarnessError> {
        let ending = harness.probe(&[], &Syscall::new(abi, nr, [0; 6]))?;
        self.endings.insert((abi, nr), ending);
        Ok(())
    }

    /// How `call` ends unfiltered; `None` for a number not measured.
    pub fn ending(&self, call: &Syscall) -> Option<Ending> {
        self.endings.get(&(call.abi, call.nr)).copied()
    }
}

/// How the kernel ends `call` when the only filter returns `ret`, with
/// `allowed` the ending of the call let through.
pub fn predicted_ending(ret: u32, call: &Syscall, allowed: Ending) -> Ending {
    let enosys = Ending::Returned(-i64::from(libc::ENOSYS));
    match Action::from_ret(ret) {
        Action::KillProcess(_) | Action::KillThread(_) | Action::Unknown(_) => Ending::Killed {
            signal: libc::SIGSYS,
        },
        Action::Trap(data) => Ending::Trapped(Sigsys {
            errno: i32::from(data),
            code: SYS_SECCOMP,
            syscall: call.nr,
            arch: call.abi.arch().audit(),
            call_addr: call.abi.call_site(),
        }),
        Action::Errno(data) => Ending::Returned(-i64::from(u32::from(data).min(MAX_ERRNO))),
        // No listener, no tracer.
        Action::UserNotif(_) | Action::Trace(_) => enosys,
        Action::Log(_) | Action::Allow(_) => allowed,
    }
}

/// What the emulator says about a case, and the ending that means.
fn emulator_side(
    program: &[Insn],
    call: &Syscall,
    baseline: &Baseline,
) -> Result<(Result<Outcome, EmuError>, Option<Ending>), DiffError> {
    let allowed = baseline
        .ending(call)
        .ok_or(DiffError::NoBaseline { call: *call })?;
    let outcome = emulate(program, &call.seccomp_data(), Endian::Little);
    let predicted = outcome
        .as_ref()
        .ok()
        .map(|o| predicted_ending(o.ret, call, allowed));
    Ok((outcome, predicted))
}

/// Why a run could not finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffError {
    Harness(HarnessError),
    /// The generator made a program the validator refuses (a generator bug;
    /// the validator itself is checked against the kernel elsewhere).
    InvalidProgram {
        seed: u64,
        index: u64,
    },
    /// A call whose unfiltered ending was not measured.
    NoBaseline {
        call: Syscall,
    },
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::Harness(e) => e.fmt(f),
            DiffError::InvalidProgram { seed, index } => write!(
                f,
                "seed {seed} case {index}: the generator made a program the validator refuses"
            ),
            DiffError::NoBaseline { call } => {
                write!(f, "no unfiltered ending was measured for {call:?}")
            }
        }
    }
}

impl std::error::Error for DiffError {}

impl From<HarnessError> for DiffError {
    fn from(e: HarnessError) -> DiffError {
        DiffError::Harness(e)
    }
}

/// A case on which the emulator's prediction is not what the kernel did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub case: Case,
    pub emulator: Result<Outcome, EmuError>,
    /// The ending the emulator's return value means; `None` if it failed.
    pub predicted: Option<Ending>,
    pub kernel: Ending,
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "seed {} case {} ({} instructions, {:?}): the kernel: {:?}; the emulator: ",
            self.case.seed,
            self.case.index,
            self.case.program.len(),
            self.case.call,
            self.kernel
        )?;
        match (&self.emulator, &self.predicted) {
            (Ok(o), Some(p)) => write!(f, "returns {:#010x} at line {}, so {p:?}", o.ret, o.pc),
            (Err(e), _) => write!(f, "fails: {e}"),
            (Ok(o), None) => write!(f, "returns {:#010x}", o.ret),
        }
    }
}

/// The outcome of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub cases: u64,
    /// Cases by the action of the emulator's return value (`ERRNO`,
    /// `KILL`, `TRAP`, ..., `unknown` for values of no action).
    pub by_action: BTreeMap<&'static str, u64>,
    /// Cases by calling convention.
    pub by_abi: BTreeMap<&'static str, u64>,
    /// Cases whose executed path holds each kind of instruction
    /// ([`path_features`]).
    pub by_feature: BTreeMap<&'static str, u64>,
    pub disagreements: Vec<Disagreement>,
}

impl Summary {
    pub fn merge(&mut self, other: Summary) {
        self.cases += other.cases;
        for (k, v) in other.by_action {
            *self.by_action.entry(k).or_default() += v;
        }
        for (k, v) in other.by_abi {
            *self.by_abi.entry(k).or_default() += v;
        }
        for (k, v) in other.by_feature {
            *self.by_feature.entry(k).or_default() += v;
        }
        self.disagreements.extend(other.disagreements);
        self.disagreements.sort_by_key(|d| d.case.index);
    }
}

/// `N cases, D disagreements`.
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} cases, {} disagreements",
            self.cases,
            self.disagreements.len()
        )
    }
}

/// The kinds of instruction on an executed path, named for statistics:
/// loads of each part of `seccomp_data`, scratch memory, division and shifts
/// by X, JSET, and how the filter returned.
pub fn path_features(program: &[Insn], path: &[usize]) -> Vec<&'static str> {
    use seccomp_asm::bpf::{self, seccomp::*};
    let mut features: Vec<&'static str> = path
        .iter()
        .filter_map(|&pc| {
            let insn = program[pc];
            Some(match insn.code {
                LD_ABS => match insn.k {
                    0 => "ld nr",
                    4 => "ld arch",
                    8 | 12 => "ld instruction_pointer",
                    k if k % 8 == 0 => "ld args (low word)",
                    _ => "ld args (high word)",
                },
                LD_MEM | LDX_MEM => "ld mem",
                c if c == bpf::ALU | bpf::DIV | bpf::X => "div X",
                c if c == bpf::ALU | bpf::LSH | bpf::X || c == bpf::ALU | bpf::RSH | bpf::X => {
                    "shift by X"
                }
                c if bpf::class(c) == bpf::JMP && bpf::op(c) == bpf::JSET => "jset",
                RET_A => "ret A",
                _ => return None,
            })
        })
        .collect();
    if let Some(&last) = path.last() {
        if program[last].code == bpf::ALU | bpf::DIV | bpf::X {
            features.push("div X by 0");
        }
    }
    features.sort_unstable();
    features.dedup();
    features
}

/// Runs one case in the kernel and the emulator.
pub fn run_case(
    harness: &Harness,
    baseline: &Baseline,
    case: Case,
    summary: &mut Summary,
) -> Result<(), DiffError> {
    if validate(&case.program).is_err() {
        return Err(DiffError::InvalidProgram {
            seed: case.seed,
            index: case.index,
        });
    }
    let kernel = harness.probe(&[&case.program], &case.call)?;
    let (emulator, predicted) = emulator_side(&case.program, &case.call, baseline)?;
    summary.cases += 1;
    let abi = match case.call.abi {
        Abi::X86_64 => "syscall",
        Abi::I386 => "int 0x80",
    };
    *summary.by_abi.entry(abi).or_default() += 1;
    if let Ok(o) = &emulator {
        let action = o.action.name().unwrap_or("unknown");
        *summary.by_action.entry(action).or_default() += 1;
        for feature in path_features(&case.program, &o.path) {
            *summary.by_feature.entry(feature).or_default() += 1;
        }
    }
    if predicted != Some(kernel) {
        summary.disagreements.push(Disagreement {
            case,
            emulator,
            predicted,
            kernel,
        });
    }
    Ok(())
}

/// Compares the emulator with the kernel on cases `indices` of `seed`,
/// spread over `jobs` threads.
pub fn emulator_vs_kernel(
    harness: &Harness,
    baseline: &Baseline,
    seed: u64,
    indices: Range<u64>,
    jobs: usize,
) -> Result<Summary, DiffError> {
    let jobs = jobs.max(1) as u64;
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|job| {
                let indices = indices.clone();
                scope.spawn(move || {
                    let mut summary = Summary::default();
                    for index in indices.skip(job as usize).step_by(jobs as usize) {
                        run_case(harness, baseline, case(seed, index), &mut summary)?;
                    }
                    Ok::<Summary, DiffError>(summary)
                })
            })
            .collect();
        let mut total = Summary::default();
        for worker in workers {
            total.merge(
                worker
                    .join()
                    .expect("an emulator differential worker panicked")?,
            );
        }
        Ok(total)
    })
}

/// Whether the emulator and the kernel disagree on `program` and `call`
/// (a program the validator refuses does not count).
fn disagree(
    harness: &Harness,
    baseline: &Baseline,
    program: &[Insn],
    call: &Syscall,
) -> Result<bool, DiffError> {
    if validate(program).is_err() {
        return Ok(false);
    }
    let (_, predicted) = emulator_side(program, call, baseline)?;
    let kernel = harness.probe(&[program], call)?;
    Ok(predicted != Some(kernel))
}

/// The smallest program and simplest arguments found on which the emulator
/// and the kernel still disagree, trying at most `budget` programs (each
/// costs a child).
pub fn minimize(
    harness: &Harness,
    baseline: &Baseline,
    d: &Disagreement,
    budget: usize,
) -> Result<(Vec<Insn>, Syscall), DiffError> {
    let mut call = d.case.call;
    let program = shrink(&d.case.program, budget, |p| {
        disagree(harness, baseline, p, &call)
    })?;
    for i in 0..call.args.len() {
        for simpler in [0, 1] {
            if call.args[i] == simpler {
                break;
            }
            let mut candidate = call;
            candidate.args[i] = simpler;
            if disagree(harness, baseline, &program, &candidate)? {
                call = candidate;
                break;
            }
        }
    }
    Ok((program, call))
}

/// A disagreement and its minimal reproducer, for people.
pub fn report(
    harness: &Harness,
    baseline: &Baseline,
    d: &Disagreement,
    budget: usize,
) -> Result<String, DiffError> {
    let (program, call) = minimize(harness, baseline, d, budget)?;
    let kernel = harness.probe(&[&program], &call)?;
    let (emulator, predicted) = emulator_side(&program, &call, baseline)?;
    let emulator = match emulator {
        Ok(o) => format!("returns {:#010x} at line {}, so {predicted:?}", o.ret, o.pc),
        Err(e) => format!("fails: {e}"),
    };
    Ok(format!(
        "{d}\nminimal reproducer, {} instructions, {call:?}\n(the kernel: {kernel:?}; the emulator {emulator}):\n{}",
        program.len(),
        rust_literal(&program)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_are_valid_and_reproducible() {
        for index in 0..500 {
            let c = case(11, index);
            assert_eq!(c, case(11, index));
            assert_eq!(validate(&c.program), Ok(()), "case {index}");
            if c.call.abi == Abi::I386 {
                assert!(c.call.args.iter().all(|&a| a <= u64::from(u32::MAX)));
            }
        }
    }

    #[test]
    fn predicted_endings() {
        let call = Syscall::new(Abi::I386, 223, [0; 6]);
        let allowed = Ending::Returned(-38);
        let p = |ret| predicted_ending(ret, &call, allowed);
        assert_eq!(p(0x0005_0000 | 4095), Ending::Returned(-4095));
        assert_eq!(p(0x0005_0000 | 4096), Ending::Returned(-4095));
        assert_eq!(p(0x0005_0000), Ending::Returned(0));
        assert_eq!(p(0x7fff_0001), allowed);
        assert_eq!(p(0x7ffc_0000), allowed);
        assert_eq!(p(0x7ff0_0005), Ending::Returned(-38));
        assert_eq!(p(0x7fc0_0000), Ending::Returned(-38));
        for kill in [0, 5, 0x8000_0000, 0x0001_0000, u32::MAX] {
            assert_eq!(p(kill), Ending::Killed { signal: 31 }, "{kill:#x}");
        }
        let Ending::Trapped(sig) = p(0x0003_ffff) else {
            panic!("not a trap");
        };
        assert_eq!(
            (sig.errno, sig.code, sig.syscall, sig.arch),
            (0xffff, 1, 223, 0x4000_0003)
        );
    }
}
