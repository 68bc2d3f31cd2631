//! Lints: the audit's findings, and two that only a compiler knowing its
//! target can have, as diagnostics with levels.
//!
//! Takes a filter, the ABI it is built for and the [`Levels`] asked for, and
//! gives [`LintFinding`]s: which [`Lint`], at which [`Level`], a message
//! that reads as a lint (the finding, the syscalls, the fix), and the
//! instruction responsible where there is one (the arch check, the dispatch
//! on `sys_number`, the return of the default), for the caller to point at.
//! The `seccomp!` macro, `seccomp asm --strict` and `seccomp check` share
//! it; each says in its own words how to change a level.

use std::fmt;

use crate::action::Action;
use crate::arch::Arch;
use crate::audit::{Check, Finding, Report};
use crate::bpf;
use crate::data::offset;
use crate::diag::{render, Diagnostic, ErrorClass, Span};
use crate::explain::{Analysis, Verdict};
use crate::insn::Insn;
use crate::options::Mode;
use crate::symbolic::{Rel, WalkError};

/// One lint.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Lint {
    /// The audit's [`Check::ArchUnchecked`]: the filter never checks the
    /// architecture, or lets unlisted ones reach ALLOW.
    ArchUnchecked,
    /// The audit's [`Check::X32Guard`]: x32 numbers of syscalls denied natively
    /// reach ALLOW.
    X32Guard,
    /// On the ABI being built for, every path kills or fails with an errno
    /// before looking at the syscall number, so the program cannot make a single
    /// call.
    TargetArchKilled,
    /// The audit's [`Check::SyscallAltGap`]: a syscall is denied while an
    /// equivalent one is allowed.
    SyscallAltGap,
    /// The audit's [`Check::PermissiveDefault`]: the default action is ALLOW.
    PermissiveDefault,
    /// The audit's [`Check::DangerousAllow`]: a dangerous syscall reaches ALLOW.
    DangerousAllow,
    /// Syscalls the filter always allows, but for which the kernel's
    /// constant-action cache (Linux 5.11+) still runs it, because it reads or
    /// computes more than the number and architecture first.
    KernelCache,
    /// The audit's [`Check::OrwChain`]: open, read and write families all
    /// reach ALLOW.
    OrwChain,
}

/// What a finding of a lint does.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Level {
    /// Nothing.
    Allow,
    /// A warning.
    Warn,
    /// An error: the filter is refused.
    Deny,
}

impl Level {
    /// The lowercase name, as the `--allow`, `--warn` and `--deny` flags
    /// spell it.
    pub const fn name(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

impl Lint {
    /// Every lint; [`Levels`] keeps one level for each, in this order.
    pub const ALL: [Lint; 8] = [
        Lint::ArchUnchecked,
        Lint::X32Guard,
        Lint::TargetArchKilled,
        Lint::SyscallAltGap,
        Lint::PermissiveDefault,
        Lint::DangerousAllow,
        Lint::KernelCache,
        Lint::OrwChain,
    ];

    /// The name levels are set by (`x32_guard`).
    pub const fn name(self) -> &'static str {
        match self {
            Lint::ArchUnchecked => "arch_unchecked",
            Lint::X32Guard => "x32_guard",
            Lint::TargetArchKilled => "target_arch_killed",
            Lint::SyscallAltGap => "syscall_alt_gap",
            Lint::PermissiveDefault => "permissive_default",
            Lint::DangerousAllow => "dangerous_allow",
            Lint::KernelCache => "kernel_cache",
            Lint::OrwChain => "orw_chain",
        }
    }

    /// The level a lint has unless asked otherwise: the classic bypasses
    /// and a filter that kills its own program are errors; what weakens a
    /// filter without opening it warns; the open-read-write chain, which
    /// nearly every real program needs, is off.
    pub const fn default_level(self) -> Level {
        match self {
            Lint::ArchUnchecked | Lint::X32Guard | Lint::TargetArchKilled => Level::Deny,
            Lint::SyscallAltGap
            | Lint::PermissiveDefault
            | Lint::DangerousAllow
            | Lint::KernelCache => Level::Warn,
            Lint::OrwChain => Level::Allow,
        }
    }

    /// The lint of an audit check.
    pub const fn of_check(check: Check) -> Lint {
        match check {
            Check::ArchUnchecked => Lint::ArchUnchecked,
            Check::X32Guard => Lint::X32Guard,
            Check::PermissiveDefault => Lint::PermissiveDefault,
            Check::DangerousAllow => Lint::DangerousAllow,
            Check::OrwChain => Lint::OrwChain,
            Check::SyscallAltGap => Lint::SyscallAltGap,
        }
    }

    /// The lint of a name; an unknown one suggests the closest.
    pub fn from_name(name: &str) -> Result<Lint, UnknownLint> {
        if let Some(l) = Lint::ALL.into_iter().find(|l| l.name() == name) {
            return Ok(l);
        }
        let normal = name.to_ascii_lowercase().replace('-', "_");
        let suggestion = Lint::ALL
            .into_iter()
            .map(|l| (distance(&normal, l.name()), l))
            .min()
            .filter(|&(d, l)| d <= l.name().len() / 2 || normal.contains(l.name()))
            .map(|(_, l)| l);
        Err(UnknownLint {
            name: name.to_owned(),
            suggestion,
        })
    }
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A lint name that is none of [`Lint::ALL`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnknownLint {
    /// The name as given.
    pub name: String,
    /// The closest lint, when one is close.
    pub suggestion: Option<Lint>,
}

impl fmt::Display for UnknownLint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown lint `{}`", self.name)?;
        match self.suggestion {
            Some(l) => write!(f, "; did you mean `{l}`?"),
            None => {
                let names: Vec<&str> = Lint::ALL.iter().map(|l| l.name()).collect();
                write!(f, "; the lints are {}", names.join(", "))
            }
        }
    }
}

impl std::error::Error for UnknownLint {}

/// Edit distance (insertions, deletions, substitutions) between two names.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (prev + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The level of each lint.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Levels([Level; 8]);

impl Default for Levels {
    fn default() -> Levels {
        Levels(Lint::ALL.map(Lint::default_level))
    }
}

impl Levels {
    /// The level of `lint`.
    pub fn get(&self, lint: Lint) -> Level {
        self.0[Self::index(lint)]
    }

    /// Sets the level of `lint`.
    pub fn set(&mut self, lint: Lint, level: Level) {
        self.0[Self::index(lint)] = level;
    }

    fn index(lint: Lint) -> usize {
        Lint::ALL
            .iter()
            .position(|&l| l == lint)
            .expect("ALL lists every lint")
    }
}

/// One finding of a lint.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct LintFinding {
    /// Which lint found it.
    pub lint: Lint,
    /// The level the lint had, and so whether the finding is an error.
    pub level: Level,
    /// What was found, the syscalls, and the fix, in one paragraph.
    pub message: String,
    /// The instruction responsible, when one is.
    pub pc: Option<usize>,
    /// The audit's finding, for the lints that are audit checks.
    pub finding: Option<Finding>,
}

/// Findings on a program assembled from `src`, rendered as a compiler lists
/// them: for each, a header in rustc's form (`error[x32_guard]: ...`) at the
/// position of the statement responsible, that statement with carets (the
/// exact-position layout of [`crate::diag::render`]), then `  = note: ` and
/// what `note` says about changing the finding's level; blocks are
/// separated by a blank line. `spans[pc]` is the statement of instruction
/// `pc`; a finding about the whole filter is `name: header`.
pub fn render_findings(
    findings: &[LintFinding],
    spans: &[Span],
    src: &[u8],
    name: &str,
    note: &dyn Fn(&LintFinding) -> String,
) -> String {
    let blocks: Vec<String> = findings
        .iter()
        .map(|f| {
            let label = match f.level {
                Level::Deny => "error",
                Level::Warn | Level::Allow => "warning",
            };
            let header = format!("{label}[{}]: {}", f.lint, f.message);
            let located = match f.pc.and_then(|pc| spans.get(pc)) {
                // The header carries the level itself, so the diagnostic is
                // an error to `render`, which would put `warning: ` before a
                // warning's message.
                Some(&span) => render(
                    &[Diagnostic::error(ErrorClass::Lint, header, span)],
                    src,
                    name,
                    Mode::Strict,
                ),
                None => format!("{name}: {header}\n"),
            };
            format!("{located}  = note: {}\n", note(f))
        })
        .collect();
    blocks.join("\n")
}

/// Puts findings in the order a compiler lists its diagnostics: denied
/// ones first, then warnings, each level in the order of the filter's lines,
/// findings about the whole filter last.
pub fn sort_for_report(findings: &mut [LintFinding]) {
    findings.sort_by_key(|f| (core::cmp::Reverse(f.level), f.pc.is_none(), f.pc));
}

/// Lints a filter built for `arch` (the ABI being compiled); findings of
/// allowed lints are left out.
pub fn lint(insns: &[Insn], arch: Arch, levels: &Levels) -> Result<Vec<LintFinding>, WalkError> {
    let analysis = Analysis::new(insns)?;
    Ok(lint_analysis(&analysis, insns, arch, levels))
}

/// [`lint`] on a filter already analysed.
pub fn lint_analysis(
    analysis: &Analysis,
    insns: &[Insn],
    arch: Arch,
    levels: &Levels,
) -> Vec<LintFinding> {
    let mut out = Vec::new();
    let wanted = |l: Lint| levels.get(l) != Level::Allow;
    if Lint::ALL[..]
        .iter()
        .any(|&l| l != Lint::TargetArchKilled && l != Lint::KernelCache && wanted(l))
    {
        let report = Report::new(analysis, arch, None);
        for f in report.findings() {
            let lint = Lint::of_check(f.check);
            if !wanted(lint) {
                continue;
            }
            let mut message = f.title.clone();
            if let Some(a) = &f.arch {
                message.push_str(&format!(" ({a})"));
            }
            message.push_str(&format!(": {}", f.detail));
            if let Some(c) = &f.condition {
                message.push_str(&format!(" It is allowed when {c}."));
            }
            message.push_str(&format!(" Fix: {}", f.remediation));
            out.push(LintFinding {
                lint,
                level: levels.get(lint),
                message,
                pc: responsible(analysis, insns, f),
                finding: Some(f.clone()),
            });
        }
    }
    if wanted(Lint::TargetArchKilled) {
        out.extend(
            target_arch_killed(analysis, insns, arch).map(|(message, pc)| LintFinding {
                lint: Lint::TargetArchKilled,
                level: levels.get(Lint::TargetArchKilled),
                message,
                pc,
                finding: None,
            }),
        );
    }
    if wanted(Lint::KernelCache) {
        out.extend(
            kernel_cache(analysis, insns, arch).map(|(message, pc)| LintFinding {
                lint: Lint::KernelCache,
                level: levels.get(Lint::KernelCache),
                message,
                pc,
                finding: None,
            }),
        );
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.level));
    out
}

/// The first instruction loading a word of `seccomp_data`.
fn first_load(insns: &[Insn], off: u32) -> Option<usize> {
    insns
        .iter()
        .position(|i| i.code == bpf::seccomp::LD_ABS && i.k == off)
}

/// The line of the first fact on a word on a leaf's path, optionally with a
/// given value.
fn fact_line(analysis: &Analysis, leaf: usize, off: u32, value: Option<u32>) -> Option<usize> {
    let walk = analysis.walk();
    walk.path_with_lines(analysis.leaves()[leaf].path)
        .into_iter()
        .find(|(c, _)| {
            walk.plain_fact(c)
                .is_some_and(|(o, k)| o == off && value.is_none_or(|v| v == k && c.rel == Rel::Eq))
        })
        .map(|(_, pc)| pc)
}

/// The statement a finding is about.
fn responsible(analysis: &Analysis, insns: &[Insn], f: &Finding) -> Option<usize> {
    let arch: Option<Arch> = f.arch.as_deref().and_then(|a| a.parse().ok());
    let nr_of = |name: &str| arch.and_then(|a| a.syscall_nr(name));
    let leaves = 0..analysis.leaves().len();
    match f.check {
        Check::ArchUnchecked if analysis.arch_values().is_empty() => first_load(insns, offset::NR),
        Check::ArchUnchecked => leaves
            .clone()
            .find_map(|l| fact_line(analysis, l, offset::ARCH, None))
            .or_else(|| first_load(insns, offset::ARCH)),
        Check::X32Guard => first_load(insns, offset::NR),
        Check::PermissiveDefault => leaves
            .clone()
            .find(|&l| analysis.facts(l).catch_all() && analysis.verdict(l).is_allow())
            .map(|l| analysis.leaves()[l].pc),
        Check::DangerousAllow => {
            let nr = nr_of(f.syscalls.first()?)?;
            let allowing = leaves
                .clone()
                .filter(|&l| analysis.verdict(l).is_allow() && analysis.facts(l).admits_nr(nr));
            let mut first_return = None;
            for l in allowing {
                if let Some(pc) = fact_line(analysis, l, offset::NR, Some(nr)) {
                    return Some(pc);
                }
                first_return.get_or_insert(analysis.leaves()[l].pc);
            }
            first_return
        }
        Check::SyscallAltGap => {
            let nr = nr_of(f.syscalls.first()?)?;
            leaves
                .clone()
                .find_map(|l| fact_line(analysis, l, offset::NR, Some(nr)))
        }
        Check::OrwChain => None,
    }
}

/// Leaves a filter can take on architecture `audit`.
fn leaves_on(analysis: &Analysis, audit: u32) -> impl Iterator<Item = usize> + '_ {
    (0..analysis.leaves().len()).filter(move |&l| {
        let f = analysis.facts(l);
        f.arch_consistent(audit) && f.arch_eq.is_none_or(|a| a == audit)
    })
}

/// `target_arch_killed`: on the ABI being compiled, every path ends in a
/// kill or an errno without a look at the syscall number, so the program
/// dies (or every call fails) from its first system call on.
fn target_arch_killed(
    analysis: &Analysis,
    insns: &[Insn],
    arch: Arch,
) -> Option<(String, Option<usize>)> {
    let audit = arch.audit();
    let walk = analysis.walk();
    let mut any = false;
    let mut verdicts: Vec<String> = Vec::new();
    for l in leaves_on(analysis, audit) {
        any = true;
        let refuses = match analysis.verdict(l) {
            Verdict::Ret(v) => matches!(
                Action::from_ret(v),
                Action::KillThread(_)
                    | Action::KillProcess(_)
                    | Action::Errno(_)
                    | Action::Unknown(_)
            ),
            Verdict::Unknown => false,
        };
        let reads_nr = walk
            .path(analysis.leaves()[l].path)
            .iter()
            .any(|c| walk.plain_fact(c).is_some_and(|(o, _)| o == offset::NR));
        if !refuses || reads_nr {
            return None;
        }
        let label = analysis.verdict(l).label();
        if !verdicts.contains(&label) {
            verdicts.push(label);
        }
    }
    if !any {
        return None;
    }
    let pc = leaves_on(analysis, audit)
        .find_map(|l| fact_line(analysis, l, offset::ARCH, None))
        .or_else(|| first_load(insns, offset::ARCH));
    let checked: Vec<String> = analysis
        .arch_values()
        .iter()
        .map(|&v| {
            Arch::ALL
                .into_iter()
                .find(|a| a.audit() == v)
                .map_or_else(|| format!("{v:#x}"), |a| a.constant().to_owned())
        })
        .collect();
    let what = if checked.is_empty() {
        String::new()
    } else {
        format!(" (it lets through {} only)", checked.join(", "))
    };
    Some((
        format!(
            "The filter refuses every system call on {arch}, the target being compiled{what}: each \
             path returns {} before it reads sys_number, so the program cannot make its first \
             system call. Fix: check for {} too, or build the filter for the architecture it was \
             written for with `arch = ...` and keep it off this target.",
            verdicts.join(" or "),
            arch.constant()
        ),
        pc,
    ))
}

/// What the kernel's constant-action cache (`seccomp_cache_prepare`,
/// Linux 5.11+) makes of one syscall number: whether the filter returns
/// `SECCOMP_RET_ALLOW` for it reading only the number and the architecture,
/// else the line where it stops following (`Err(pc)`).
pub fn cache_allows(insns: &[Insn], nr: u32, audit: u32) -> Result<bool, usize> {
    use bpf::seccomp::*;
    let mut a: u32 = 0;
    let mut pc = 0usize;
    while pc < insns.len() {
        let i = insns[pc];
        match i.code {
            LD_ABS => match i.k {
                offset::NR => a = nr,
                offset::ARCH => a = audit,
                _ => return Err(pc),
            },
            RET_K => return Ok(i.k == Action::ALLOW),
            JMP_JA => pc += i.k as usize,
            code if code == bpf::JMP | bpf::JEQ
                || code == bpf::JMP | bpf::JGE
                || code == bpf::JMP | bpf::JGT
                || code == bpf::JMP | bpf::JSET =>
            {
                let taken = match bpf::op(code) {
                    bpf::JEQ => a == i.k,
                    bpf::JGE => a >= i.k,
                    bpf::JGT => a > i.k,
                    _ => a & i.k != 0,
                };
                pc += usize::from(if taken { i.jt } else { i.jf });
            }
            code if code == bpf::ALU | bpf::AND => a &= i.k,
            _ => return Err(pc),
        }
        pc += 1;
    }
    Err(insns.len())
}

/// `kernel_cache`: syscalls the filter always allows but the kernel's cache
/// cannot skip it for, because the filter reads something other than the
/// number and the architecture (or computes) before its verdict for them.
fn kernel_cache(
    analysis: &Analysis,
    insns: &[Insn],
    arch: Arch,
) -> Option<(String, Option<usize>)> {
    // The cache covers the native ABI and the compat one; x32 numbers
    // always run the filter.
    if arch == Arch::X32 {
        return None;
    }
    let audit = arch.audit();
    let leaves: Vec<usize> = leaves_on(analysis, audit).collect();
    let mut numbers: Vec<(u32, &str)> = arch
        .syscalls()
        .filter(|&(_, nr)| nr < Arch::X32_SYSCALL_BIT)
        .map(|(n, nr)| (nr, n))
        .collect();
    numbers.sort_unstable();
    numbers.dedup_by_key(|&mut (nr, _)| nr);
    let mut lost: Vec<&str> = Vec::new();
    let mut at: Option<usize> = None;
    for &(nr, _) in &numbers {
        let mut reachable = leaves
            .iter()
            .filter(|&&l| analysis.facts(l).admits_nr(nr))
            .peekable();
        if reachable.peek().is_none() {
            continue;
        }
        let always = reachable.all(|&l| analysis.verdict(l) == Verdict::Ret(Action::ALLOW));
        if !always {
            continue;
        }
        if let Err(pc) = cache_allows(insns, nr, audit) {
            lost.push(arch.syscall_name(nr).unwrap_or("?"));
            at.get_or_insert(pc);
        }
    }
    if lost.is_empty() {
        return None;
    }
    let pc = at?;
    let why = match insns.get(pc) {
        Some(i) if i.code == bpf::seccomp::LD_ABS => {
            let field = crate::data::Field::at(i.k, arch.endian()).map_or_else(
                || format!("data[{}]", i.k),
                |f| match f {
                    crate::data::Field::Arg { index, high } => {
                        format!("args[{index}]{}", if high { " >> 32" } else { "" })
                    }
                    crate::data::Field::InstructionPointer { high } => {
                        format!("instruction_pointer{}", if high { " >> 32" } else { "" })
                    }
                    crate::data::Field::SysNumber => "sys_number".to_owned(),
                    crate::data::Field::Arch => "arch".to_owned(),
                },
            );
            format!("line {pc} reads {field}")
        }
        Some(_) => format!(
            "line {pc} is an instruction the cache does not follow (it follows only loads of \
             sys_number and arch, `&=` with a constant, and jumps on constants)"
        ),
        None => "the filter can run off its end".to_owned(),
    };
    let shown: Vec<&str> = lost.iter().take(8).copied().collect();
    let more = if lost.len() > shown.len() {
        format!(", ... (+{} more)", lost.len() - shown.len())
    } else {
        String::new()
    };
    Some((
        format!(
            "{} syscall{} the filter always allows still run it on every call ({}{more}): {why} \
             before the dispatch on sys_number, so the kernel's constant-action cache (Linux 5.11+) \
             cannot skip the filter for them. Fix: dispatch on sys_number first and read arguments \
             only in the branches of the syscalls that need them.",
            lost.len(),
            if lost.len() == 1 { "" } else { "s" },
            shown.join(", ")
        ),
        Some(pc),
    ))
}
