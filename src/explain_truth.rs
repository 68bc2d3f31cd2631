//! Holding `explain` to the emulator: what a policy claims, checked by
//! running the filter on inputs inside and outside each claim.
//!
//! For a filter and its [`Policy`], [`check`] builds inputs: for every rule
//! and each of its alternatives, inputs made to satisfy the rule (its
//! architecture, its syscall number or range, its condition), and random
//! inputs drawn around the filter's own constants. For each input it finds
//! the rules of the input's section that match it, and requires the
//! emulator's verdict (the emulator equals the kernel, see
//! `tests/kernel_emulator.rs`) to be one of theirs, or the section's default
//! when no rule but the default matches.
//!
//! One outcome is outside the policy's model by design: an `A /= X` with X
//! zero at run time ends the filter with 0 (kill) where seccomp-tools, whose
//! text the policy reproduces, assumes the division happens. Such runs are
//! counted apart ([`Tally::division_by_zero`]), not as agreements.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use seccomp_asm::explain::{Other, Policy, Rule, Section, SectionArch, Subject, Term, Verdict};
use seccomp_asm::insn::Endian;
use seccomp_asm::symbolic::{Expr, Rel};
use seccomp_asm::{bpf, emu, explain, Arch, Insn, SeccompData};

/// What the checks of some filters came to.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Tally {
    /// Filters checked.
    pub filters: u64,
    /// Inputs run.
    pub inputs: u64,
    /// Inputs made to satisfy a rule, which did.
    pub inside: u64,
    /// Alternatives no input could be made for (a condition too convoluted
    /// for the input maker); they are still covered by random inputs.
    pub unsatisfied: u64,
    /// Runs that ended on a division by an X of 0 (see the module docs).
    pub division_by_zero: u64,
    /// Walks stopped at their budget (their policies claim nothing beyond
    /// what they found, and are not checked).
    pub truncated: u64,
    /// Inputs that a rule's text covers (its subject and conditions hold)
    /// though they take another path to another verdict: the text states a
    /// path's facts on the syscall number only through headings, as
    /// seccomp-tools' does (see `Rule::leaves`).
    pub overclaims: u64,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.filters += other.filters;
        self.inputs += other.inputs;
        self.inside += other.inside;
        self.unsatisfied += other.unsatisfied;
        self.division_by_zero += other.division_by_zero;
        self.truncated += other.truncated;
        self.overclaims += other.overclaims;
    }
}

/// A disagreement between a policy and the emulator.
#[derive(Clone, Debug)]
pub struct Disagreement {
    pub data: SeccompData,
    /// The verdict the emulator computed.
    pub emulated: String,
    /// The verdicts of the rules that match the input.
    pub claimed: Vec<String>,
    pub policy: String,
}

/// The 16 words of `seccomp_data`, by offset / 4.
type Words = [u32; 16];

fn to_data(words: &Words, endian: Endian) -> SeccompData {
    let qword = |w: usize| {
        let (lo, hi) = match endian {
            Endian::Little => (words[w], words[w + 1]),
            Endian::Big => (words[w + 1], words[w]),
        };
        (u64::from(hi) << 32) | u64::from(lo)
    };
    SeccompData {
        nr: words[0] as i32,
        arch: words[1],
        instruction_pointer: qword(2),
        args: [
            qword(4),
            qword(6),
            qword(8),
            qword(10),
            qword(12),
            qword(14),
        ],
    }
}

/// Checks every claim of `insns`' policy (assuming `arch` where the filter
/// checks none) on inputs built from `rng`.
pub fn check(
    insns: &[Insn],
    arch: Arch,
    rng: &mut ChaCha8Rng,
    random_inputs: usize,
) -> Result<Tally, Box<Disagreement>> {
    let mut tally = Tally {
        filters: 1,
        ..Tally::default()
    };
    let policy = explain::explain(insns, arch, None).expect("a valid filter is walkable");
    if policy.truncated() {
        tally.truncated += 1;
        return Ok(tally);
    }
    let endian = arch.endian();
    let hints = hints(insns);
    let checked: Vec<u32> = policy
        .sections()
        .iter()
        .filter_map(|s| match s.arch {
            SectionArch::Checked { audit, .. } => Some(audit),
            _ => None,
        })
        .collect();
    // An architecture no section is about, for the "other" claims.
    let other_arch = (0u32..)
        .map(|i| 0x4000_0000 ^ i.wrapping_mul(0x9e37_79b9))
        .find(|a| !checked.contains(a))
        .expect("some value is unchecked");
    let section_arch = |s: &Section| match s.arch {
        SectionArch::Assumed(a) => a.audit(),
        SectionArch::Checked { audit, .. } => audit,
        SectionArch::Other => other_arch,
    };
    let mut inputs: Vec<Words> = Vec::new();
    let mut sections: Vec<&Section> = policy.sections().iter().collect();
    if let Some(Other::Section(s)) = policy.other() {
        sections.push(s);
    }
    for s in &sections {
        for b in &s.buckets {
            for r in &b.rules {
                let alternatives: Vec<&[Term]> = if r.when.is_empty() {
                    vec![&[]]
                } else {
                    r.when.iter().map(Vec::as_slice).collect()
                };
                for terms in alternatives {
                    for _ in 0..3 {
                        let mut words = random_words(rng, &hints);
                        words[1] = section_arch(s);
                        match satisfy(&policy, r, terms, &mut words, rng, &hints) {
                            true => {
                                tally.inside += 1;
                                inputs.push(words);
                            }
                            false => tally.unsatisfied += 1,
                        }
                    }
                }
            }
        }
    }
    let arches: Vec<u32> = sections.iter().map(|s| section_arch(s)).collect();
    for _ in 0..random_inputs {
        let mut words = random_words(rng, &hints);
        words[1] = arches[rng.random_range(0..arches.len())];
        inputs.push(words);
    }
    for words in inputs {
        tally.inputs += 1;
        let data = to_data(&words, endian);
        let outcome = emu::emulate(insns, &data, endian).expect("a valid filter runs");
        if bpf::class(insns[outcome.pc].code) == bpf::ALU {
            tally.division_by_zero += 1;
            continue;
        }
        let emulated = Verdict::Ret(outcome.ret).label();
        let fail = |why: String, claimed: Vec<String>| {
            Err(Box::new(Disagreement {
                data,
                emulated: format!("{emulated} ({why})"),
                claimed,
                policy: policy.to_string(),
            }))
        };
        let word = |off: u32| words.get((off / 4) as usize).copied().unwrap_or(0);
        let analysis = policy.analysis();
        let values = analysis.walk().values(&word);
        // The walk: exactly one path holds, and it returns what the kernel
        // returns.
        let holding: Vec<usize> = (0..analysis.leaves().len())
            .filter(|&l| analysis.path_holds(l, &values))
            .collect();
        let [reached] = holding[..] else {
            return fail(
                format!("{} paths hold: {holding:?}", holding.len()),
                Vec::new(),
            );
        };
        let ret = values[analysis.leaves()[reached].ret as usize];
        if ret != Some(outcome.ret) {
            return fail(
                format!("the path of leaf {reached} returns {ret:?}"),
                Vec::new(),
            );
        }
        // The policy: each rule's conditions say what its paths say, the
        // path taken is under a rule of its verdict, or is the default's.
        let Some((rules, unlisted, default)) = section_of(&policy, words[1]) else {
            return fail("no section".to_owned(), Vec::new());
        };
        let mut listed = false;
        for (label, r) in &rules {
            let subject = subject_matches(r, words[0]);
            let shown = subject && rule_matches(&policy, r, words[0], &values, &word);
            if subject {
                let exact = r
                    .leaves
                    .iter()
                    .any(|&l| analysis.residual_holds(l, &values));
                if shown != exact {
                    return fail(
                        format!(
                            "the conditions of {:?} read {shown}, its paths' {exact}",
                            r.subject
                        ),
                        vec![label.clone()],
                    );
                }
            }
            if r.leaves.contains(&reached) {
                listed = true;
                if !same(label, &emulated) || !shown {
                    return fail(
                        format!("leaf {reached} is under {:?}", r.subject),
                        vec![label.clone()],
                    );
                }
            } else if shown && !same(label, &emulated) {
                tally.overclaims += 1;
            }
        }
        if !listed
            && !default.as_ref().is_some_and(|d| same(d, &emulated))
            && !unlisted.iter().any(|(_, r)| r.leaves.contains(&reached))
        {
            return fail(
                format!("leaf {reached} is in no rule and not the default"),
                default.into_iter().collect(),
            );
        }
    }
    Ok(tally)
}

/// The rules (with their labels), unlisted paths and default of the section
/// an input of architecture `arch` falls in.
#[allow(clippy::type_complexity)]
fn section_of(
    policy: &Policy,
    arch: u32,
) -> Option<(Vec<(String, &Rule)>, Vec<(Verdict, Rule)>, Option<String>)> {
    let section = policy.sections().iter().find(|s| match s.arch {
        SectionArch::Assumed(_) => true,
        SectionArch::Checked { audit, .. } => audit == arch,
        SectionArch::Other => false,
    });
    let section = match (section, policy.other()) {
        (Some(s), _) | (None, Some(Other::Section(s))) => s,
        (None, Some(Other::Verdict { verdict, unlisted })) => {
            return Some((Vec::new(), unlisted.clone(), Some(verdict.label())))
        }
        (None, None) => return None,
    };
    let mut rules = Vec::new();
    let mut default = None;
    for b in &section.buckets {
        for r in &b.rules {
            if matches!(r.subject, Subject::Default { .. }) {
                default = Some(b.label.clone());
            } else {
                rules.push((b.label.clone(), r));
            }
        }
    }
    Some((rules, section.unlisted.clone(), default))
}

/// Whether a verdict label covers what the emulator returned: `UNKNOWN`
/// (`return A` of a computed A) covers any value, whose exactness the check
/// of the path's return value has already established.
fn same(label: &str, emulated: &str) -> bool {
    label == emulated || label == "UNKNOWN"
}

fn subject_matches(r: &Rule, nr: u32) -> bool {
    match r.subject {
        Subject::Syscall { nr: n, .. } => n == nr,
        Subject::Range { lo, hi } => lo <= nr && hi.is_none_or(|hi| nr <= hi),
        Subject::Any | Subject::Default { .. } => true,
    }
}

fn rule_matches(
    policy: &Policy,
    r: &Rule,
    nr: u32,
    values: &[Option<u32>],
    word: &dyn Fn(u32) -> u32,
) -> bool {
    subject_matches(r, nr)
        && (r.when.is_empty()
            || r.when
                .iter()
                .any(|terms| terms.iter().all(|t| policy.term_holds(t, values, word))))
}

/// The constants a filter compares and computes with, and their
/// neighbours: the values random inputs are drawn from, so that both sides
/// of its tests are taken.
fn hints(insns: &[Insn]) -> Vec<u32> {
    let mut hints = vec![0, 1, 0x4000_0000, 0xffff_ffff, 0x8000_0000];
    for i in insns {
        for v in [
            i.k,
            i.k.wrapping_add(1),
            i.k.wrapping_sub(1),
            !i.k,
            i.k | 0x4000_0000,
        ] {
            if !hints.contains(&v) {
                hints.push(v);
            }
        }
    }
    hints
}

fn random_words(rng: &mut ChaCha8Rng, hints: &[u32]) -> Words {
    let mut w = [0u32; 16];
    for x in &mut w {
        *x = if rng.random_ratio(3, 4) {
            hints[rng.random_range(0..hints.len())]
        } else {
            rng.random()
        };
    }
    w
}

/// A value that satisfies `v rel k`, when there is one.
fn pick(rng: &mut ChaCha8Rng, rel: Rel, k: u64, max: u64) -> Option<u64> {
    let span = |lo: u64, hi: u64, rng: &mut ChaCha8Rng| {
        if rng.random_ratio(1, 2) {
            lo
        } else {
            rng.random_range(lo..=hi)
        }
    };
    Some(match rel {
        Rel::Eq => k,
        Rel::Ne => {
            if k == 0 {
                span(1, max, rng)
            } else {
                k - 1
            }
        }
        Rel::Gt => span(k.checked_add(1).filter(|&v| v <= max)?, max, rng),
        Rel::Ge => span(k, max, rng),
        Rel::Lt => k.checked_sub(1).map(|hi| hi - span(0, hi, rng).min(hi))?,
        Rel::Le => k - span(0, k, rng).min(k),
        Rel::Set => {
            if k == 0 {
                return None;
            }
            let bit = k & k.wrapping_neg();
            bit | (rng.random::<u64>() & max)
        }
        Rel::Unset => rng.random::<u64>() & !k & max,
    })
}

/// Sets `words` so that the input satisfies rule `r` with alternative
/// `terms`; whether it does.
fn satisfy(
    policy: &Policy,
    r: &Rule,
    terms: &[Term],
    words: &mut Words,
    rng: &mut ChaCha8Rng,
    hints: &[u32],
) -> bool {
    let walk = policy.analysis().walk();
    let endian = policy.endian();
    match r.subject {
        Subject::Syscall { nr, .. } => words[0] = nr,
        Subject::Range { lo, hi } => {
            words[0] = match hi {
                Some(hi) => rng.random_range(lo..=hi),
                None if rng.random_ratio(1, 2) => lo,
                None => rng.random_range(lo..=u32::MAX),
            }
        }
        Subject::Any | Subject::Default { .. } => {}
    }
    let fixed_nr = !matches!(r.subject, Subject::Any | Subject::Default { .. });
    let (nr, arch) = (words[0], words[1]);
    for attempt in 0..24 {
        for t in terms {
            match *t {
                Term::Field { base, rel, value } => {
                    let Some(v) = pick(rng, rel, value, u64::MAX) else {
                        continue;
                    };
                    let (lo, hi) = match endian {
                        Endian::Little => (base, base + 4),
                        Endian::Big => (base + 4, base),
                    };
                    words[(lo / 4) as usize] = v as u32;
                    words[(hi / 4) as usize] = (v >> 32) as u32;
                }
                Term::Fact(c) => {
                    if let (Expr::Data(off), Some(k)) = (walk.expr(c.lhs), walk.imm(c.rhs)) {
                        if let Some(v) = pick(rng, c.rel, u64::from(k), u64::from(u32::MAX)) {
                            if let Some(w) = words.get_mut((off / 4) as usize) {
                                *w = v as u32;
                            }
                        }
                    } else if attempt > 0 {
                        // A computed value: try other inputs for the words
                        // it reads.
                        for w in words.iter_mut().skip(2) {
                            if rng.random_ratio(1, 3) {
                                *w = hints[rng.random_range(0..hints.len())];
                            }
                        }
                    }
                }
            }
        }
        if fixed_nr {
            words[0] = nr;
        }
        words[1] = arch;
        let word = |off: u32| words.get((off / 4) as usize).copied().unwrap_or(0);
        let values = policy.analysis().walk().values(&word);
        if rule_matches(policy, r, words[0], &values, &word) {
            return true;
        }
    }
    false
}

/// Filters shaped like real policies: an optional check of one or two
/// architectures, an optional x32 guard, a dispatch on the syscall number
/// (a chain or a binary search), argument checks on both words of 64-bit
/// arguments with every comparison, and defaults of every action.
pub fn policy_program(rng: &mut ChaCha8Rng) -> Vec<Insn> {
    use bpf::seccomp::*;
    let stmt = Insn::stmt;
    let jump = |op: u16, k: u32, jt: u8, jf: u8| Insn::new(bpf::JMP | op, jt, jf, k);
    let actions = [
        0x7fff_0000u32,
        0x0005_0001,
        0x0005_0026,
        0x8000_0000,
        0,
        0x0003_0007,
        0x7ffc_0000,
        0x7ff0_0005,
    ];
    let action = |rng: &mut ChaCha8Rng| actions[rng.random_range(0..actions.len())];
    // Blocks are built back to front, so that jumps go forward by counts
    // known when they are emitted.
    let mut tail: Vec<Insn> = vec![stmt(RET_K, action(rng))];
    let deny = action(rng);
    let n_sys = rng.random_range(0..12);
    for _ in 0..n_sys {
        let nr: u32 = if rng.random_ratio(1, 4) {
            rng.random_range(0..600) | 0x4000_0000
        } else {
            rng.random_range(0..460)
        };
        // The block for this syscall: optional argument checks, then an action.
        let mut block: Vec<Insn> = Vec::new();
        let n_args = rng.random_range(0..3);
        let allow = action(rng);
        let fail = action(rng);
        // Laid out: checks..., ret allow, ret fail. Each check jumps to the
        // fail return when it fails.
        let mut checks: Vec<(u32, u16, u32, bool)> = Vec::new();
        for _ in 0..n_args {
            let off =
                16 + 8 * rng.random_range(0..6u32) + if rng.random_ratio(1, 3) { 4 } else { 0 };
            let op = [bpf::JEQ, bpf::JGT, bpf::JGE, bpf::JSET][rng.random_range(0..4)];
            let k = if rng.random_ratio(1, 2) {
                rng.random_range(0..16)
            } else {
                rng.random()
            };
            checks.push((off, op, k, rng.random_ratio(1, 2)));
        }
        let total = checks.len() * 2;
        for (i, &(off, op, k, negate)) in checks.iter().enumerate() {
            block.push(stmt(LD_ABS, off));
            // Distance from this jump to the fail return.
            let to_fail = (total - 2 * i - 2 + 1) as u8;
            let j = if negate {
                jump(op, k, to_fail, 0)
            } else {
                jump(op, k, 0, to_fail)
            };
            block.push(j);
        }
        block.push(stmt(RET_K, allow));
        block.push(stmt(RET_K, fail));
        // Dispatch: reload the number, jump over the block when it differs.
        let mut head = vec![stmt(LD_ABS, 0), jump(bpf::JEQ, nr, 0, block.len() as u8)];
        if block.len() > 255 {
            continue;
        }
        head.extend(block);
        head.extend(tail);
        tail = head;
    }
    let mut prog = Vec::new();
    match rng.random_range(0..4) {
        0 => {}
        1 | 2 => {
            let a = [0xc000_003eu32, 0x4000_0003, 0xc000_00b7][rng.random_range(0..3)];
            prog.push(stmt(LD_ABS, 4));
            prog.push(jump(bpf::JEQ, a, 1, 0));
            prog.push(stmt(RET_K, deny));
        }
        _ => {
            // Two arches: the second gets a block of its own.
            prog.push(stmt(LD_ABS, 4));
            prog.push(jump(bpf::JEQ, 0xc000_003e, 3, 0));
            prog.push(jump(bpf::JEQ, 0x4000_0003, 0, 1));
            prog.push(stmt(RET_K, action(rng)));
            prog.push(stmt(RET_K, deny));
        }
    }
    if rng.random_ratio(1, 2) {
        prog.push(stmt(LD_ABS, 0));
        if rng.random_ratio(1, 2) {
            prog.push(jump(bpf::JGE, 0x4000_0000, 0, 1));
        } else {
            prog.push(jump(bpf::JSET, 0x4000_0000, 0, 1));
        }
        prog.push(stmt(RET_K, deny));
    }
    prog.extend(tail);
    prog
}

/// Checks `count` generated filters from `seed`: a third shaped like
/// policies ([`policy_program`]), a third from the generator that exercises
/// what filters compute, a third of any valid program.
pub fn run(
    seed: u64,
    count: u64,
    random_inputs: usize,
) -> Result<Tally, (u64, Vec<Insn>, Arch, Box<Disagreement>)> {
    let mut tally = Tally::default();
    for case in 0..count {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ case.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut gen = crate::gen::Generator::new(seed, case);
        let insns = match case % 3 {
            0 => policy_program(&mut rng),
            1 => {
                let len = rng.random_range(2..60);
                let hints: Vec<u32> = (0..4).map(|_| rng.random_range(0..64)).collect();
                gen.behaviour_program(len, crate::gen::Forms::Lossy, &hints)
            }
            _ => {
                let len = rng.random_range(1..60);
                gen.valid_program(len)
            }
        };
        let arch = [Arch::X86_64, Arch::I386, Arch::Aarch64, Arch::S390x][rng.random_range(0..4)];
        match check(&insns, arch, &mut rng, random_inputs) {
            Ok(t) => tally.add(t),
            Err(d) => return Err((case, insns, arch, d)),
        }
    }
    Ok(tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_programs_are_valid() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..500 {
            let p = policy_program(&mut rng);
            assert!(seccomp_asm::validate::validate(&p).is_ok(), "{p:?}");
        }
    }
}
