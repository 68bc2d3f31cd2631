//! `explain`: what a filter lets through, per architecture and action.
//!
//! Takes the [`Walk`] of a filter and gives a [`Policy`]: for each
//! architecture the filter dispatches on (or the one assumed when it checks
//! none), which syscalls, syscall-number ranges and argument conditions reach
//! each action, the default action, and what other architectures get. Its
//! `Display` is `seccomp-tools explain`'s output byte for byte.
//!
//! The policy is derived in three steps, each its own type: [`Analysis`]
//! reads each feasible leaf's path once ([`PathFacts`]: the pinned syscall
//! number and architecture, the range of numbers, and the residual facts no
//! heading already says) and splits the leaves into architecture sections;
//! [`Fusion`] puts the two 32-bit halves of 64-bit fields back together;
//! [`Renderer`] writes facts as C-like conditions. [`crate::audit`] reads
//! the same [`Analysis`].

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::action::Action;
use crate::arch::Arch;
use crate::data::offset;
use crate::disasm::color;
use crate::insn::{Endian, Insn};
use crate::symbolic::{self, Constraint, Expr, ExprId, Leaf, PathId, Rel, Walk, WalkError};

/// Byte offsets of the 64-bit fields (the instruction pointer and the six
/// arguments), each two 32-bit words.
const QWORD_BASES: [u32; 7] = [8, 16, 24, 32, 40, 48, 56];
/// Wrapped lists of syscall names are at most this wide.
const WRAP_WIDTH: usize = 72;

/// What a path returns, as the policy labels it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Verdict {
    /// A constant return value.
    Ret(u32),
    /// `return A` with A not a constant on the path.
    Unknown,
}

impl Verdict {
    fn of(walk: &Walk, ret: ExprId) -> Verdict {
        walk.imm(ret).map_or(Verdict::Unknown, Verdict::Ret)
    }

    /// The label of the bucket: `ALLOW`, `ERRNO(5)`, `TRAP`, `UNKNOWN`, and
    /// for an action the kernel does not define (it acts as KILL_PROCESS)
    /// `KILL_PROCESS (unknown action 0x...)`.
    pub fn label(self) -> String {
        match self {
            Verdict::Unknown => "UNKNOWN".to_owned(),
            Verdict::Ret(v) => match Action::from_ret(v) {
                Action::Unknown(_) => format!("KILL_PROCESS (unknown action {v:#x})"),
                _ => crate::disasm::action_label(v),
            },
        }
    }

    /// Whether the kernel lets the syscall run.
    pub fn is_allow(self) -> bool {
        matches!(self, Verdict::Ret(v) if matches!(Action::from_ret(v), Action::Allow(_)))
    }
}

/// Where a label's bucket is listed: by action, then by label text.
fn rank(label: &str) -> (usize, &str) {
    const ORDER: [&str; 9] = [
        "ALLOW",
        "USER_NOTIF",
        "LOG",
        "TRACE",
        "TRAP",
        "ERRNO",
        "KILL",
        "KILL_PROCESS",
        "UNKNOWN",
    ];
    let action = label
        .find('(')
        .map_or(label, |i| &label[..i])
        .trim_end_matches(' ');
    let index = ORDER.iter().position(|&a| a == action);
    (index.unwrap_or(ORDER.len()), label)
}

/// What one leaf's path says, read once.
#[derive(Clone, Debug)]
pub struct PathFacts {
    /// The syscall number the path pins with `==` (the first such fact).
    pub sys_eq: Option<u32>,
    /// The architecture value the path pins with `==`.
    pub arch_eq: Option<u32>,
    /// The range the path bounds the syscall number to, when it has a lower
    /// bound (`hi` is `None` when unbounded above). An upper bound alone is
    /// the other side of a range (`sys_number < 0x40000000`) and reads as
    /// part of the default.
    pub sys_range: Option<(u32, Option<u32>)>,
    /// The facts the headings do not say: everything but the `==`, `!=` and
    /// bounds on the syscall number, the `==` and `!=` on the architecture,
    /// and facts made redundant by a `==` on the same word; each once.
    pub residual: Vec<Constraint>,
    /// Every fact comparing the architecture word with a constant.
    arch_facts: Vec<(Rel, u32)>,
    /// Every fact comparing the syscall number with a constant.
    sys_facts: Vec<(Rel, u32)>,
}

impl PathFacts {
    /// Reads a path from the summaries the walk kept, when they cover it.
    fn of(walk: &Walk, path: PathId) -> PathFacts {
        if walk.path_has_odd_words(path) {
            return PathFacts::new(walk, &walk.path(path));
        }
        let sys = walk.cell(path, offset::NR);
        let clamp = |v: i64| v.clamp(0, 0xffff_ffff) as u32;
        let sys_range = sys
            .has_lo
            .then(|| (clamp(sys.lo), sys.has_hi.then(|| clamp(sys.hi))));
        let sys_facts = if sys.eq.is_some() {
            Vec::new()
        } else {
            walk.word_facts(path, offset::NR).collect()
        };
        let residual = walk.residual(path);
        PathFacts {
            sys_eq: sys.eq,
            arch_eq: walk.cell(path, offset::ARCH).eq,
            sys_range,
            residual,
            arch_facts: walk.word_facts(path, offset::ARCH).collect(),
            sys_facts,
        }
    }

    /// Reads a path fact by fact.
    fn new(walk: &Walk, path: &[Constraint]) -> PathFacts {
        let plain = |c: &Constraint| walk.plain_fact(c);
        let first_eq = |word: u32| {
            path.iter().find_map(|c| match plain(c) {
                Some((off, k)) if off == word && c.rel == Rel::Eq => Some(k),
                _ => None,
            })
        };
        let sys_eq = first_eq(offset::NR);
        let arch_eq = first_eq(offset::ARCH);
        let mut lo: Option<i64> = None;
        let mut hi: Option<i64> = None;
        let mut sys_facts = Vec::new();
        let mut arch_facts = Vec::new();
        let mut pinned: Vec<u32> = Vec::new();
        for c in path {
            if let Some((off, k)) = plain(c) {
                if c.rel == Rel::Eq && !pinned.contains(&off) {
                    pinned.push(off);
                }
                let k64 = i64::from(k);
                if off == offset::NR {
                    sys_facts.push((c.rel, k));
                    match c.rel {
                        Rel::Gt => lo = Some(lo.unwrap_or(0).max(k64 + 1)),
                        Rel::Ge => lo = Some(lo.unwrap_or(0).max(k64)),
                        Rel::Lt => hi = Some(hi.unwrap_or(0xffff_ffff).min(k64 - 1)),
                        Rel::Le => hi = Some(hi.unwrap_or(0xffff_ffff).min(k64)),
                        _ => {}
                    }
                } else if off == offset::ARCH {
                    arch_facts.push((c.rel, k));
                }
            }
        }
        // Bounds of a feasible path stay within 32 bits; an infeasible one
        // is never read.
        let clamp = |v: i64| v.clamp(0, 0xffff_ffff) as u32;
        let sys_range = lo.map(|lo| (clamp(lo), hi.map(clamp)));
        let mut residual: Vec<Constraint> = Vec::new();
        for c in path {
            let keep = match plain(c) {
                None => true,
                Some((off, _)) => {
                    let redundant = c.rel != Rel::Eq && pinned.contains(&off);
                    match off {
                        offset::NR => !redundant && matches!(c.rel, Rel::Set | Rel::Unset),
                        offset::ARCH => !redundant && !matches!(c.rel, Rel::Eq | Rel::Ne),
                        _ => !redundant,
                    }
                }
            };
            if keep && !residual.contains(c) {
                residual.push(*c);
            }
        }
        PathFacts {
            sys_eq,
            arch_eq,
            sys_range,
            residual,
            arch_facts,
            sys_facts,
        }
    }

    /// Whether the path can be taken when the architecture is `audit`.
    pub fn arch_consistent(&self, audit: u32) -> bool {
        self.arch_facts
            .iter()
            .all(|&(rel, k)| rel.holds(i64::from(audit), i64::from(k)))
    }

    /// Whether the path can be taken by syscall number `nr` (its facts on
    /// the number all hold; arguments are the caller's to choose).
    pub fn admits_nr(&self, nr: u32) -> bool {
        match self.sys_eq {
            // A feasible path's other facts on the number agree with its pin.
            Some(eq) => eq == nr,
            None => self
                .sys_facts
                .iter()
                .all(|&(rel, k)| rel.holds(i64::from(nr), i64::from(k))),
        }
    }

    /// Whether the path matches no syscall, no range and no argument: the
    /// filter's catch-all.
    pub fn catch_all(&self) -> bool {
        self.sys_eq.is_none() && self.sys_range.is_none() && self.residual.is_empty()
    }
}

/// One architecture section of a walk: the `AUDIT_ARCH` value checked
/// (`None` when the filter checks none), the architecture whose names apply,
/// and the indexes of its leaves.
#[derive(Clone, Debug)]
pub(crate) struct SectionLeaves {
    pub audit: Option<u32>,
    pub arch: Option<Arch>,
    pub leaves: Vec<usize>,
}

/// A walk read for seccomp's meaning: the feasible leaves with their facts,
/// and the architectures the filter tells apart.
pub struct Analysis {
    walk: Walk,
    leaves: Vec<Leaf>,
    facts: Vec<PathFacts>,
    arch_values: Vec<u32>,
    truncated: bool,
}

/// Conditions kept across the leaves of one analysis at most (terms of
/// their residual facts): beyond, the analysis stops reading leaves and says
/// it is truncated. A walk within its step budget can still reach tens of
/// thousands of returns each behind thousands of tests; this keeps what is
/// printed of them (and the memory) in proportion, far above what any filter
/// written to be read needs.
pub const MAX_TERMS: usize = 1 << 18;

/// Facts of paths read at most, over the leaves of one analysis: reading a
/// leaf means going through its whole path, and a walk within its step
/// budget can reach tens of thousands of leaves behind a thousand tests each
/// (tens of millions of facts, most of them shared). Beyond, the analysis
/// stops reading leaves and says it is truncated, as for [`MAX_TERMS`].
pub const MAX_PATH_FACTS: usize = 1 << 22;

/// Bytes of conditions a policy writes at most, over all its rules (8 MiB):
/// a filter of a hundred instructions can reach [`MAX_TERMS`] with
/// conditions every architecture section repeats, tens of megabytes no one
/// reads. Past it, alternatives are left out and the policy says it is
/// truncated.
pub const MAX_POLICY_TEXT: usize = 1 << 23;

impl Analysis {
    /// Walks a filter and reads every feasible leaf.
    pub fn new(insns: &[Insn]) -> Result<Analysis, WalkError> {
        Ok(Analysis::of(symbolic::walk(insns)?))
    }

    /// Reads every feasible leaf of a walk.
    pub fn of(walk: Walk) -> Analysis {
        let mut leaves = Vec::new();
        let mut facts = Vec::new();
        let mut terms = 0usize;
        let mut read = 0usize;
        let mut truncated = walk.truncated();
        for leaf in walk.leaves() {
            read += walk.path_len(leaf.path);
            if read > MAX_PATH_FACTS {
                truncated = true;
                break;
            }
            if walk.path_feasible(leaf.path) {
                let f = PathFacts::of(&walk, leaf.path);
                terms += f.residual.len();
                if terms > MAX_TERMS {
                    truncated = true;
                    break;
                }
                leaves.push(*leaf);
                facts.push(f);
            }
        }
        let mut arch_values = Vec::new();
        for f in &facts {
            if let Some(v) = f.arch_eq {
                if !arch_values.contains(&v) {
                    arch_values.push(v);
                }
            }
        }
        Analysis {
            walk,
            leaves,
            facts,
            arch_values,
            truncated,
        }
    }

    /// The symbolic walk the analysis read.
    pub fn walk(&self) -> &Walk {
        &self.walk
    }

    /// Whether the analysis stopped at a budget: the walk's
    /// ([`symbolic::STEP_CAP`] states) or its own ([`MAX_TERMS`],
    /// [`MAX_PATH_FACTS`]); paths may then be missing.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// The feasible leaves, in the order the walk reached them.
    pub fn leaves(&self) -> &[Leaf] {
        &self.leaves
    }

    /// What the path of leaf `leaf` (an index into [`Analysis::leaves`])
    /// says.
    pub fn facts(&self, leaf: usize) -> &PathFacts {
        &self.facts[leaf]
    }

    /// What leaf `leaf` (an index into [`Analysis::leaves`]) returns.
    pub fn verdict(&self, leaf: usize) -> Verdict {
        Verdict::of(&self.walk, self.leaves[leaf].ret)
    }

    /// Whether concrete `seccomp_data` take a leaf's path: every fact on it
    /// holds, given the walk's expressions evaluated on them
    /// ([`Walk::values`]).
    pub fn path_holds(&self, leaf: usize, values: &[Option<u32>]) -> bool {
        let path = self.walk.path(self.leaves[leaf].path);
        path.iter().all(|c| fact_holds(c, values))
    }

    /// A leaf's residual facts as condition terms, before any fusion.
    pub fn residual_terms(&self, leaf: usize) -> Vec<Term> {
        self.facts[leaf]
            .residual
            .iter()
            .map(|&c| Term::Fact(c))
            .collect()
    }

    /// Whether concrete `seccomp_data` satisfy a leaf's residual facts (those
    /// the text writes out).
    pub fn residual_holds(&self, leaf: usize, values: &[Option<u32>]) -> bool {
        self.facts[leaf]
            .residual
            .iter()
            .all(|c| fact_holds(c, values))
    }

    /// The architecture values the filter compares with `==`, in the order
    /// first seen.
    pub fn arch_values(&self) -> &[u32] {
        &self.arch_values
    }

    /// The architecture sections (one, for `declared`, when the filter never
    /// checks the architecture).
    pub(crate) fn sections(&self, declared: Arch) -> Vec<SectionLeaves> {
        if self.arch_values.is_empty() {
            return vec![SectionLeaves {
                audit: None,
                arch: Some(declared),
                leaves: (0..self.leaves.len()).collect(),
            }];
        }
        self.arch_values
            .iter()
            .map(|&v| SectionLeaves {
                audit: Some(v),
                arch: known_arch(v),
                leaves: (0..self.leaves.len())
                    .filter(|&l| self.facts[l].arch_consistent(v))
                    .collect(),
            })
            .collect()
    }

    /// The leaves reached when the architecture is none of those checked.
    pub(crate) fn other_leaves(&self) -> Vec<usize> {
        (0..self.leaves.len())
            .filter(|&l| self.facts[l].arch_eq.is_none())
            .collect()
    }

    /// The catch-all action of some leaves: that of the first catch-all
    /// leaf, else of the first leaf.
    pub(crate) fn default_verdict(&self, leaves: &[usize]) -> Option<Verdict> {
        let leaf = leaves
            .iter()
            .find(|&&l| self.facts[l].catch_all())
            .or(leaves.first())?;
        Some(self.verdict(*leaf))
    }
}

/// The architecture seccomp-tools names for an `AUDIT_ARCH` value (one of
/// its five).
fn known_arch(audit: u32) -> Option<Arch> {
    Arch::SECCOMP_TOOLS.into_iter().find(|a| a.audit() == audit)
}

/// A condition term: a fact of a path, or a 64-bit fact put back together
/// from facts on its two words.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Term {
    /// A fact of the path as the walk found it.
    Fact(Constraint),
    /// `field rel value`, the field being the 64-bit word at byte offset
    /// `base` (the instruction pointer or an argument).
    Field {
        /// The byte offset of the field in `seccomp_data`.
        base: u32,
        /// How the field compares with `value`.
        rel: Rel,
        /// The 64-bit value compared with.
        value: u64,
    },
}

/// Terms [`Fusion::merge_or`] reads at most for one set of alternatives.
pub const MAX_FUSION_WORK: usize = 1 << 24;

/// Puts 64-bit comparisons back together from the 32-bit word checks a
/// filter makes, within one condition ([`Fusion::fold`]) and across the
/// sibling alternatives libseccomp compiles a 64-bit range check into
/// ([`Fusion::merge_or`]).
pub struct Fusion<'w> {
    walk: &'w Walk,
    endian: Endian,
}

impl<'w> Fusion<'w> {
    /// Fusion over the expressions of `walk`, with the low word of each
    /// 64-bit field where `endian` puts it.
    pub fn new(walk: &'w Walk, endian: Endian) -> Fusion<'w> {
        Fusion { walk, endian }
    }

    fn lo_off(&self, base: u32) -> u32 {
        match self.endian {
            Endian::Little => base,
            Endian::Big => base + 4,
        }
    }

    fn hi_off(&self, base: u32) -> u32 {
        match self.endian {
            Endian::Little => base + 4,
            Endian::Big => base,
        }
    }

    fn plain(&self, t: &Term) -> Option<(u32, Rel, u32)> {
        match t {
            Term::Fact(c) => self.walk.plain_fact(c).map(|(off, k)| (off, c.rel, k)),
            Term::Field { .. } => None,
        }
    }

    /// Replaces, in one condition, the two `==` facts on both halves of a
    /// field by one, and a zero high half with a `<`/`<=` bound on the low
    /// half by a bound on the field.
    pub fn fold(&self, terms: &[Term]) -> Vec<Term> {
        // What happens to each term: kept (None), dropped, or replaced.
        let mut plan: Vec<Option<Option<Term>>> = vec![None; terms.len()];
        let first_eq = |word: u32| {
            terms
                .iter()
                .position(|t| matches!(self.plain(t), Some((off, Rel::Eq, _)) if off == word))
        };
        for base in QWORD_BASES {
            let Some(hi) = first_eq(self.hi_off(base)) else {
                continue;
            };
            let hi_val = self.plain(&terms[hi]).map_or(0, |(_, _, k)| k);
            if let Some(lo) = first_eq(self.lo_off(base)) {
                let lo_val = self.plain(&terms[lo]).map_or(0, |(_, _, k)| k);
                plan[lo] = Some(Some(Term::Field {
                    base,
                    rel: Rel::Eq,
                    value: (u64::from(hi_val) << 32) | u64::from(lo_val),
                }));
            } else if hi_val == 0 {
                let bound = terms.iter().position(|t| {
                    matches!(self.plain(t), Some((off, Rel::Lt | Rel::Le, _)) if off == self.lo_off(base))
                });
                let Some(lo) = bound else { continue };
                let (_, rel, k) = self.plain(&terms[lo]).expect("a plain fact");
                plan[lo] = Some(Some(Term::Field {
                    base,
                    rel,
                    value: u64::from(k),
                }));
            } else {
                continue;
            }
            plan[hi] = Some(None);
        }
        terms
            .iter()
            .zip(plan)
            .filter_map(|(t, p)| match p {
                None => Some(*t),
                Some(replacement) => replacement,
            })
            .collect()
    }

    /// Fuses pairs of alternatives that together say one 64-bit comparison
    /// (`hi > H` or `hi == H && lo > L` is `field > H:L`), until none fuse,
    /// trying pairs in seccomp-tools' order: by the first list's index,
    /// then the second's.
    ///
    /// A pair fuses only when the first list, less one strict comparison on
    /// a high word, is the second less its `==` on that word and a fact on
    /// the low word; lists are indexed by order-independent hashes of those
    /// remainders, so a round costs the size of the lists rather than its
    /// square. Past [`MAX_FUSION_WORK`] terms read, alternatives are left as
    /// they are (unfused alternatives say the same, in more words).
    pub fn merge_or(&self, mut lists: Vec<Vec<Term>>) -> Vec<Vec<Term>> {
        let hash = |t: &Term| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            t.hash(&mut h);
            h.finish()
        };
        let mut work = 0usize;
        'again: loop {
            work += lists.iter().map(Vec::len).sum::<usize>();
            if work > MAX_FUSION_WORK {
                return lists;
            }
            let sums: Vec<u64> = lists
                .iter()
                .map(|l| l.iter().map(hash).fold(0u64, u64::wrapping_add))
                .collect();
            // Second lists, by the hash of what is left without an `==` on a
            // high word and a fact on the matching low word.
            let mut seconds: HashMap<u64, Vec<usize>> = HashMap::new();
            for (j, list) in lists.iter().enumerate() {
                for eq in list {
                    let Some((off, Rel::Eq, _)) = self.plain(eq) else {
                        continue;
                    };
                    let base = off - off % 8;
                    if !QWORD_BASES.contains(&base) || off != self.hi_off(base) {
                        continue;
                    }
                    for lo in list {
                        if matches!(self.plain(lo), Some((o, _, _)) if o == self.lo_off(base)) {
                            let key = sums[j].wrapping_sub(hash(eq)).wrapping_sub(hash(lo));
                            seconds.entry(key).or_default().push(j);
                        }
                    }
                }
            }
            if seconds.is_empty() {
                return lists;
            }
            for i in 0..lists.len() {
                let mut partners: Vec<usize> = lists[i]
                    .iter()
                    .filter(|t| self.high_strict(t).is_some())
                    .filter_map(|t| seconds.get(&sums[i].wrapping_sub(hash(t))))
                    .flatten()
                    .copied()
                    .filter(|&j| j != i)
                    .collect();
                partners.sort_unstable();
                partners.dedup();
                for j in partners {
                    if let Some(fused) = self.fuse_pair(&lists[i], &lists[j]) {
                        let (lo, hi) = (i.min(j), i.max(j));
                        lists[lo] = fused;
                        lists.remove(hi);
                        continue 'again;
                    }
                }
            }
            return lists;
        }
    }

    /// The field base and strict form of a comparison on a high word.
    fn high_strict(&self, t: &Term) -> Option<(u32, Rel, i64)> {
        let (off, rel, k) = self.plain(t)?;
        let base = off - off % 8;
        if !QWORD_BASES.contains(&base) || off != self.hi_off(base) {
            return None;
        }
        let k = i64::from(k);
        Some(match rel {
            Rel::Ge => (base, Rel::Gt, k - 1),
            Rel::Le => (base, Rel::Lt, k + 1),
            _ => (base, rel, k),
        })
    }

    fn fuse_pair(&self, a: &[Term], b: &[Term]) -> Option<Vec<Term>> {
        // The lists are sets: one term of `a` missing from `b` and two of `b`
        // missing from `a` make `b` one longer.
        if b.len() != a.len() + 1 {
            return None;
        }
        let (in_a, in_b): (HashSet<&Term>, HashSet<&Term>) =
            (a.iter().collect(), b.iter().collect());
        let mut only_a = a.iter().filter(|t| !in_b.contains(t));
        let hi = only_a.next()?;
        if only_a.next().is_some() {
            return None;
        }
        let (base, hi_rel, hi_val) = self.high_strict(hi)?;
        let hi_off = match hi {
            Term::Fact(c) => self.walk.data(c.lhs)?,
            Term::Field { .. } => return None,
        };
        let only_b: Vec<&Term> = b.iter().filter(|t| !in_a.contains(t)).collect();
        if only_b.len() != 2 {
            return None;
        }
        let eq = only_b.iter().find(|t| {
            matches!(self.plain(t), Some((off, Rel::Eq, k)) if off == hi_off && i64::from(k) == hi_val)
        })?;
        let lo = only_b
            .iter()
            .find(|t| matches!(self.plain(t), Some((off, _, _)) if off == self.lo_off(base)))?;
        let (_, lo_rel, lo_val) = self.plain(lo)?;
        let rel = match (hi_rel, lo_rel) {
            (Rel::Gt, Rel::Gt) => Rel::Gt,
            (Rel::Gt, Rel::Ge) => Rel::Ge,
            (Rel::Lt, Rel::Lt) => Rel::Lt,
            (Rel::Lt, Rel::Le) => Rel::Le,
            (Rel::Ne, Rel::Ne) => Rel::Ne,
            _ => return None,
        };
        let value = ((hi_val as u64) << 32) | u64::from(lo_val);
        let (eq, lo) = (**eq, **lo);
        Some(
            b.iter()
                .filter(|&&t| t != lo)
                .map(|&t| {
                    if t == eq {
                        Term::Field { base, rel, value }
                    } else {
                        t
                    }
                })
                .collect(),
        )
    }
}

/// Writes facts as C-like conditions, naming the fields of `seccomp_data`
/// (and the arguments of a known syscall) and parenthesising where the
/// grouping would otherwise be misread.
pub struct Renderer<'w> {
    walk: &'w Walk,
    endian: Endian,
    color: bool,
}

/// Operator precedence, higher binds tighter (C's order).
fn prec(op: &str) -> u8 {
    match op {
        "*" | "/" => 12,
        "+" | "-" => 11,
        "<<" | ">>" => 10,
        "<" | "<=" | ">" | ">=" => 9,
        "==" | "!=" => 8,
        "&" => 7,
        "^" => 6,
        "|" => 5,
        _ => 0,
    }
}

/// Unary minus binds tighter than any binary operator.
const UNARY_PREC: u8 = 13;
/// Expressions larger (in operations) or deeper than these are not written
/// out: a filter that doubles an expression through X at every other
/// instruction would otherwise print exponentially much, and nest deeper
/// than a reader (or a stack) can follow.
const MAX_EXPR_OPS: u32 = 4096;
const MAX_EXPR_DEPTH: u32 = 128;

impl<'w> Renderer<'w> {
    /// A renderer for the expressions of `walk`, reading 64-bit fields in
    /// `endian` order; `color` paints argument names.
    pub fn new(walk: &'w Walk, endian: Endian, color: bool) -> Renderer<'w> {
        Renderer {
            walk,
            endian,
            color,
        }
    }

    /// `term && term && ...`; `sys` names the arguments.
    pub fn conjunction(&self, terms: &[Term], sys: Option<&str>) -> String {
        // The argument names, looked up once for all the terms.
        let args: Vec<&str> = sys
            .and_then(crate::arch::syscall_arg_names)
            .map_or_else(Vec::new, Iterator::collect);
        let sys = &args[..];
        let mut out = String::new();
        for (i, t) in terms.iter().enumerate() {
            if i > 0 {
                out.push_str(" && ");
            }
            match *t {
                Term::Field { base, rel, value } => {
                    out.push_str(&self.data_name(self.lo_off(base), sys));
                    out.push(' ');
                    out.push_str(rel.symbol());
                    out.push_str(&format!(" {value:#x}"));
                }
                Term::Fact(c) => self.constraint(&mut out, &c, sys),
            }
        }
        out
    }

    fn lo_off(&self, base: u32) -> u32 {
        match self.endian {
            Endian::Little => base,
            Endian::Big => base + 4,
        }
    }

    fn constraint(&self, out: &mut String, c: &Constraint, sys: &[&str]) {
        match c.rel {
            Rel::Set | Rel::Unset => {
                out.push('(');
                self.binop(out, "&", c.lhs, c.rhs, sys);
                out.push_str(if c.rel == Rel::Set {
                    ") != 0"
                } else {
                    ") == 0"
                });
            }
            rel => {
                let op = rel.symbol();
                self.operand(out, c.lhs, op, prec(op), sys);
                out.push(' ');
                out.push_str(op);
                out.push(' ');
                self.operand(out, c.rhs, op, prec(op), sys);
            }
        }
    }

    fn expr(&self, out: &mut String, e: ExprId, sys: &[&str]) {
        let (ops, depth) = self.walk.expr_size(e);
        if ops > MAX_EXPR_OPS || depth > MAX_EXPR_DEPTH {
            out.push_str("<expression too large to print>");
            return;
        }
        match self.walk.expr(e) {
            Expr::Opaque => out.push_str("<opaque>"),
            Expr::Imm(v) => out.push_str(&format!("{v:#x}")),
            Expr::Data(off) => out.push_str(&self.data_name(off, sys)),
            Expr::Neg(inner) => {
                out.push('-');
                self.operand(out, inner, "neg", UNARY_PREC, sys);
            }
            Expr::Bin(op, l, r) => self.binop(out, op.symbol(), l, r, sys),
        }
    }

    fn binop(&self, out: &mut String, op: &str, l: ExprId, r: ExprId, sys: &[&str]) {
        let p = prec(op);
        self.operand(out, l, op, p, sys);
        out.push(' ');
        out.push_str(op);
        out.push(' ');
        match self.walk.imm(r) {
            // Shift amounts read better in decimal.
            Some(v) if op == "<<" || op == ">>" => out.push_str(&v.to_string()),
            _ => self.operand(out, r, op, p + 1, sys),
        }
    }

    fn operand(&self, out: &mut String, e: ExprId, parent: &str, min_prec: u8, sys: &[&str]) {
        let Expr::Bin(child, ..) = self.walk.expr(e) else {
            return self.expr(out, e, sys);
        };
        let child = child.symbol();
        let wrap = prec(child) < min_prec || clarity_wrap(parent, child);
        if wrap {
            out.push('(');
        }
        self.expr(out, e, sys);
        if wrap {
            out.push(')');
        }
    }

    /// The name of the word at `off`; `args` names the arguments.
    fn data_name(&self, off: u32, args: &[&str]) -> String {
        match off {
            offset::NR => return "sys_number".to_owned(),
            offset::ARCH => return "arch".to_owned(),
            _ => {}
        }
        let base = off - off % 8;
        if !QWORD_BASES.contains(&base) {
            return format!("data[{off}]");
        }
        let name = if base == offset::INSTRUCTION_POINTER {
            "instruction_pointer".to_owned()
        } else {
            let index = ((base - offset::ARGS) / 8) as usize;
            let name = args
                .get(index)
                .map_or_else(|| format!("args[{index}]"), |&a| a.to_owned());
            self.paint(&name, color::ARGS)
        };
        let hi_off = match self.endian {
            Endian::Little => base + 4,
            Endian::Big => base,
        };
        if off == hi_off {
            format!("{name} >> 32")
        } else {
            name
        }
    }

    fn paint(&self, s: &str, c: &str) -> String {
        if self.color {
            color::paint(s, c)
        } else {
            s.to_owned()
        }
    }
}

/// Whether a `child` operator under `parent` is parenthesised for clarity
/// beyond what precedence needs: when they are of different levels, except
/// under a comparison, and `*`/`/` under `+`/`-`.
fn clarity_wrap(parent: &str, child: &str) -> bool {
    if matches!(parent, "==" | "!=" | "<" | "<=" | ">" | ">=") {
        return false;
    }
    if prec(parent) == prec(child) {
        return false;
    }
    !(prec(child) == 12 && prec(parent) == 11)
}

/// What a rule is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Subject {
    /// One syscall number; `name` when the section's architecture has it.
    Syscall {
        /// The syscall number.
        nr: u32,
        /// Its name in the table of the section's architecture, if there.
        name: Option<&'static str>,
    },
    /// Syscall numbers from `lo` to `hi` (unbounded when `None`).
    Range {
        /// The lowest number, included.
        lo: u32,
        /// The highest number, included; `None` for no upper bound.
        hi: Option<u32>,
    },
    /// Any syscall, under the rule's conditions.
    Any,
    /// What no other rule of the section covers; `other` when some rule
    /// singles out syscalls.
    Default {
        /// Whether to read "any other syscall" rather than "any syscall".
        other: bool,
    },
}

/// One line of a policy: a subject and the alternatives under which it
/// reaches its bucket's verdict.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Rule {
    /// The syscalls the rule is about.
    pub subject: Subject,
    /// The conditions, or-ed; empty when the rule holds unconditionally.
    pub when: Vec<Vec<Term>>,
    /// Listed in the wrapped list of names (an unconditional syscall).
    pub simple: bool,
    /// The leaves the rule stands for (indexes into the analysis'
    /// [`Analysis::leaves`]): the rule's verdict is reached exactly on their
    /// paths. The text, like seccomp-tools', states a path's facts on the
    /// syscall number and the architecture only through its headings, so
    /// `when` read alone can claim more than these paths (an `any syscall`
    /// rule also covers numbers other rules single out); the paths are
    /// what holds.
    pub leaves: Vec<usize>,
}

/// The rules that reach one verdict.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Bucket {
    /// The verdict the rules reach.
    pub verdict: Verdict,
    /// Its heading, [`Verdict::label`].
    pub label: String,
    /// The rules, in the order printed.
    pub rules: Vec<Rule>,
}

/// Which architecture a section is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SectionArch {
    /// The filter never checks the architecture; this is the one assumed.
    Assumed(Arch),
    /// The filter compares the architecture with this `AUDIT_ARCH` value;
    /// `arch` when it is one seccomp-tools knows.
    Checked {
        /// The `AUDIT_ARCH_*` value compared with.
        audit: u32,
        /// The architecture of that value, if seccomp-tools knows it.
        arch: Option<Arch>,
    },
    /// Every architecture the filter does not check for.
    Other,
}

impl SectionArch {
    /// The section's title.
    pub fn title(self) -> String {
        match self {
            SectionArch::Assumed(arch)
            | SectionArch::Checked {
                arch: Some(arch), ..
            } => arch.name().to_owned(),
            SectionArch::Checked { audit, arch: None } => format!("{audit:#x} (unknown)"),
            SectionArch::Other => "<any other>".to_owned(),
        }
    }

    fn names(self) -> Option<Arch> {
        match self {
            SectionArch::Assumed(arch) => Some(arch),
            SectionArch::Checked { arch, .. } => arch,
            SectionArch::Other => None,
        }
    }
}

/// One architecture's policy.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Section {
    /// The architecture the section is about.
    pub arch: SectionArch,
    /// In the order printed; empty when no path returns.
    pub buckets: Vec<Bucket>,
    /// Paths the text does not list though their verdict is not the
    /// default's: catch-all paths (no syscall number, range or condition of
    /// their own) after the first, which seccomp-tools' layout has no line
    /// for. One rule per path, with its verdict.
    pub unlisted: Vec<(Verdict, Rule)>,
}

/// What a filter lets through: the value behind `seccomp explain`.
pub struct Policy {
    source: Option<String>,
    analysis: Analysis,
    endian: Endian,
    sections: Vec<Section>,
    /// `None` when the filter checks no architecture; else the section for
    /// the others, or just their verdict when it is one for all.
    other: Option<Other>,
    /// Whether alternatives were left out at [`MAX_POLICY_TEXT`].
    cut: bool,
}

/// What other architectures get.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Other {
    /// One verdict for every syscall (but for the paths in `unlisted`, see
    /// [`Section::unlisted`]).
    Verdict {
        /// The verdict they get.
        verdict: Verdict,
        /// Paths with another verdict that the text has no line for.
        unlisted: Vec<(Verdict, Rule)>,
    },
    /// Rules of their own.
    Section(Section),
}

/// Explains a filter; `arch` is the one assumed when the filter does not
/// check, and names the syscalls; `source` labels the output.
pub fn explain(insns: &[Insn], arch: Arch, source: Option<&str>) -> Result<Policy, WalkError> {
    Ok(Policy::new(Analysis::new(insns)?, arch, source))
}

impl Policy {
    /// The policy of an analysed filter.
    pub fn new(analysis: Analysis, arch: Arch, source: Option<&str>) -> Policy {
        let endian = arch.endian();
        let builder = Builder {
            text_left: core::cell::Cell::new(MAX_POLICY_TEXT),
            cut: core::cell::Cell::new(false),
            analysis: &analysis,
            fusion: Fusion::new(analysis.walk(), endian),
        };
        let sections = analysis
            .sections(arch)
            .into_iter()
            .map(|s| {
                let sa = match s.audit {
                    None => SectionArch::Assumed(arch),
                    Some(audit) => SectionArch::Checked {
                        audit,
                        arch: s.arch,
                    },
                };
                let default = analysis.default_verdict(&s.leaves);
                let mut buckets = builder.rule_buckets(sa.names(), &s.leaves, default);
                builder.add_default(&mut buckets, default);
                Section {
                    arch: sa,
                    buckets: sorted(buckets),
                    unlisted: builder.unlisted(&s.leaves, default),
                }
            })
            .collect();
        let other = if analysis.arch_values().is_empty() {
            None
        } else {
            let leaves = analysis.other_leaves();
            analysis.default_verdict(&leaves).map(|default| {
                let mut buckets = builder.rule_buckets(None, &leaves, Some(default));
                let unlisted = builder.unlisted(&leaves, Some(default));
                if buckets.is_empty() {
                    Other::Verdict {
                        verdict: default,
                        unlisted,
                    }
                } else {
                    builder.add_default(&mut buckets, Some(default));
                    Other::Section(Section {
                        arch: SectionArch::Other,
                        buckets: sorted(buckets),
                        unlisted,
                    })
                }
            })
        };
        let cut = builder.cut.get();
        Policy {
            source: source.map(str::to_owned),
            analysis,
            endian,
            sections,
            other,
            cut,
        }
    }

    /// What the filter was read from (a file name), as given to [`explain`];
    /// the text names it in its heading.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// Whether the analysis stopped at a budget ([`Analysis::truncated`]) or
    /// the policy left alternatives out at [`MAX_POLICY_TEXT`]: paths may
    /// then be missing from the policy.
    pub fn truncated(&self) -> bool {
        self.analysis.truncated() || self.cut
    }

    /// One section per architecture the filter checks, or one for the
    /// assumed architecture when it checks none.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// What architectures the filter does not check get (`None` when it
    /// checks none).
    pub fn other(&self) -> Option<&Other> {
        self.other.as_ref()
    }

    /// The byte order the 64-bit fields are read in.
    pub fn endian(&self) -> Endian {
        self.endian
    }

    /// The analysis the policy was read from.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// Whether a term holds for concrete `seccomp_data` words (`word(off)`
    /// is the word at byte offset `off`), computed as the kernel computes
    /// the filter; an opaque value satisfies nothing.
    pub fn term_holds(
        &self,
        term: &Term,
        values: &[Option<u32>],
        word: &dyn Fn(u32) -> u32,
    ) -> bool {
        term_holds(self.endian, term, values, word)
    }

    /// The text `seccomp-tools explain` prints, with its terminal colours
    /// when `color`.
    pub fn render(&self, color: bool) -> String {
        let renderer = Renderer::new(self.analysis.walk(), self.endian, color);
        let paint = |s: &str, c: &str| {
            if color {
                color::paint(s, c)
            } else {
                s.to_owned()
            }
        };
        let mut out = String::new();
        if let Some(source) = &self.source {
            out.push_str(&format!("Seccomp policy for {source}\n"));
        }
        if self.truncated() {
            out.push_str(TRUNCATED);
        }
        let section = |out: &mut String, s: &Section| {
            out.push_str(&format!(
                "Architecture: {}\n",
                paint(&s.arch.title(), color::ARCH)
            ));
            if s.buckets.is_empty() {
                out.push_str("\n  (no return reached; filter runs off the end)\n");
            }
            for b in &s.buckets {
                out.push_str(&format!("\n  {}:\n", b.label));
                let simple: Vec<String> = b
                    .rules
                    .iter()
                    .filter(|r| r.simple)
                    .map(|r| rule_text(&renderer, r, &paint))
                    .collect();
                for line in wrap(&simple) {
                    out.push_str(&format!("    {line}\n"));
                }
                for r in b.rules.iter().filter(|r| !r.simple) {
                    out.push_str(&format!("    {}\n", rule_text(&renderer, r, &paint)));
                }
            }
        };
        for s in &self.sections {
            out.push('\n');
            section(&mut out, s);
        }
        match &self.other {
            None => {}
            Some(Other::Verdict { verdict, .. }) => {
                out.push_str(&format!("\nOther architectures: {}\n", verdict.label()))
            }
            Some(Other::Section(s)) => {
                out.push('\n');
                section(&mut out, s);
            }
        }
        out
    }
}

impl fmt::Debug for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Policy")
            .field("source", &self.source)
            .field("truncated", &self.truncated())
            .field("sections", &self.sections)
            .field("other", &self.other)
            .finish()
    }
}

/// The line both commands print first when the walk stopped at its budget.
pub(crate) const TRUNCATED: &str =
    "WARNING: analysis truncated (filter too large); results may be incomplete.\n";

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Whether a fact holds, given the walk's values (an opaque value
/// satisfies nothing).
fn fact_holds(c: &Constraint, values: &[Option<u32>]) -> bool {
    match (values[c.lhs as usize], values[c.rhs as usize]) {
        (Some(l), Some(r)) => c.rel.holds(i64::from(l), i64::from(r)),
        _ => false,
    }
}

/// Whether a term holds on concrete words (see [`Policy::term_holds`]).
pub(crate) fn term_holds(
    endian: Endian,
    term: &Term,
    values: &[Option<u32>],
    word: &dyn Fn(u32) -> u32,
) -> bool {
    match *term {
        Term::Fact(c) => fact_holds(&c, values),
        Term::Field { base, rel, value } => {
            let (lo, hi) = match endian {
                Endian::Little => (base, base + 4),
                Endian::Big => (base + 4, base),
            };
            let v = (u64::from(word(hi)) << 32) | u64::from(word(lo));
            match rel {
                Rel::Eq => v == value,
                Rel::Ne => v != value,
                Rel::Gt => v > value,
                Rel::Ge => v >= value,
                Rel::Lt => v < value,
                Rel::Le => v <= value,
                Rel::Set => v & value != 0,
                Rel::Unset => v & value == 0,
            }
        }
    }
}

fn rule_text(renderer: &Renderer<'_>, rule: &Rule, paint: &dyn Fn(&str, &str) -> String) -> String {
    let (mut head, sys) = match rule.subject {
        Subject::Syscall { nr, name } => (
            paint(
                &name.map_or_else(|| format!("{nr:#x}"), str::to_owned),
                color::SYSCALL,
            ),
            name,
        ),
        Subject::Range { lo, hi } => {
            let mut s = format!("sys_number >= {lo:#x}");
            if let Some(hi) = hi {
                s.push_str(&format!(" && sys_number <= {hi:#x}"));
            }
            (s, None)
        }
        Subject::Any => ("any syscall".to_owned(), None),
        Subject::Default { other: false } => return "<default> (any syscall)".to_owned(),
        Subject::Default { other: true } => return "<default> (any other syscall)".to_owned(),
    };
    if !rule.when.is_empty() {
        let alternatives: Vec<String> = rule
            .when
            .iter()
            .map(|terms| renderer.conjunction(terms, sys))
            .collect();
        head.push_str(" when ");
        head.push_str(&alternatives.join(" or "));
    }
    if matches!(
        rule.subject,
        Subject::Range {
            lo: 0x4000_0000,
            hi: None
        }
    ) {
        head.push_str("  (x32 ABI)");
    }
    head
}

/// Lays short items out as comma-separated lines at most [`WRAP_WIDTH`]
/// characters wide (colour codes count, as in the reference).
fn wrap(items: &[String]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for item in items {
        if line.is_empty() {
            line.push_str(item);
        } else if line.chars().count() + 2 + item.chars().count() > WRAP_WIDTH {
            lines.push(std::mem::replace(&mut line, item.clone()));
        } else {
            line.push_str(", ");
            line.push_str(item);
        }
    }
    if !items.is_empty() {
        lines.push(line);
    }
    lines
}

fn sorted(buckets: Vec<Bucket>) -> Vec<Bucket> {
    let mut buckets = buckets;
    buckets.sort_by(|a, b| rank(&a.label).cmp(&rank(&b.label)));
    buckets
}

/// Syscall numbers from the first to the second (unbounded when `None`).
type NrRange = (u32, Option<u32>);

/// Builds the buckets of a section.
struct Builder<'a> {
    /// What is left of [`MAX_POLICY_TEXT`] for the alternatives' text.
    text_left: core::cell::Cell<usize>,
    /// Whether alternatives were left out for want of it.
    cut: core::cell::Cell<bool>,
    analysis: &'a Analysis,
    fusion: Fusion<'a>,
}

impl Builder<'_> {
    fn bucket(buckets: &mut Vec<Bucket>, verdict: Verdict) -> &mut Bucket {
        let label = verdict.label();
        match buckets.iter().position(|b| b.label == label) {
            Some(i) => &mut buckets[i],
            None => {
                buckets.push(Bucket {
                    verdict,
                    label,
                    rules: Vec::new(),
                });
                buckets.last_mut().expect("just pushed")
            }
        }
    }

    /// Groups leaves by verdict label, in the order first seen.
    fn by_label(&self, leaves: &[usize]) -> Vec<(Verdict, Vec<usize>)> {
        let mut groups: Vec<(String, Verdict, Vec<usize>)> = Vec::new();
        for &l in leaves {
            let v = self.analysis.verdict(l);
            let label = v.label();
            match groups.iter_mut().find(|g| g.0 == label) {
                Some(g) => g.2.push(l),
                None => groups.push((label, v, vec![l])),
            }
        }
        groups.into_iter().map(|(_, v, ls)| (v, ls)).collect()
    }

    /// The or-ed conditions of some leaves: 64-bit checks put back together,
    /// each alternative once (by its text). Empty when one is empty.
    fn merged(&self, leaves: &[usize], sys: Option<&str>) -> (Vec<Vec<Term>>, bool) {
        let lists = leaves
            .iter()
            .map(|&l| self.analysis.residual_terms(l))
            .collect();
        let renderer = Renderer::new(self.analysis.walk(), self.fusion.endian, false);
        let mut seen: HashSet<String> = HashSet::new();
        let mut out = Vec::new();
        let mut unconditional = false;
        for list in self.fusion.merge_or(lists) {
            if self.text_left.get() == 0 {
                self.cut.set(true);
                break;
            }
            let folded = self.fusion.fold(&list);
            let text = renderer.conjunction(&folded, sys);
            self.text_left
                .set(self.text_left.get().saturating_sub(text.len()));
            if !seen.insert(text) {
                continue;
            }
            unconditional |= folded.is_empty();
            out.push(folded);
        }
        (out, unconditional)
    }

    fn rule_buckets(
        &self,
        arch: Option<Arch>,
        leaves: &[usize],
        default: Option<Verdict>,
    ) -> Vec<Bucket> {
        let facts = |l: usize| self.analysis.facts(l);
        let default_label = default.map(Verdict::label);
        let mut buckets = Vec::new();
        // Named syscalls, by number.
        let mut named: Vec<(u32, Vec<usize>)> = Vec::new();
        let mut ranged: Vec<(NrRange, Vec<usize>)> = Vec::new();
        let mut conditional = Vec::new();
        for &l in leaves {
            let f = facts(l);
            if let Some(nr) = f.sys_eq {
                match named.iter_mut().find(|g| g.0 == nr) {
                    Some(g) => g.1.push(l),
                    None => named.push((nr, vec![l])),
                }
            } else if let Some(range) = f.sys_range {
                match ranged.iter_mut().find(|g| g.0 == range) {
                    Some(g) => g.1.push(l),
                    None => ranged.push((range, vec![l])),
                }
            } else if !f.residual.is_empty() {
                conditional.push(l);
            }
        }
        named.sort_by_key(|g| g.0);
        for (nr, group) in named {
            let name = arch.and_then(|a| a.syscall_name(nr));
            for (verdict, ls) in self.by_label(&group) {
                if Some(verdict.label()) == default_label {
                    continue;
                }
                let (when, plain) = self.merged(&ls, name);
                let rule = Rule {
                    subject: Subject::Syscall { nr, name },
                    when: if plain { Vec::new() } else { when },
                    simple: plain,
                    leaves: ls,
                };
                Self::bucket(&mut buckets, verdict).rules.push(rule);
            }
        }
        for ((lo, hi), group) in ranged {
            for (verdict, ls) in self.by_label(&group) {
                let (when, plain) = self.merged(&ls, None);
                let rule = Rule {
                    subject: Subject::Range { lo, hi },
                    when: if plain { Vec::new() } else { when },
                    simple: false,
                    leaves: ls,
                };
                Self::bucket(&mut buckets, verdict).rules.push(rule);
            }
        }
        for (verdict, ls) in self.by_label(&conditional) {
            if Some(verdict.label()) == default_label {
                continue;
            }
            let (when, _) = self.merged(&ls, None);
            let rule = Rule {
                subject: Subject::Any,
                when,
                simple: false,
                leaves: ls,
            };
            Self::bucket(&mut buckets, verdict).rules.push(rule);
        }
        buckets
    }

    fn add_default(&self, buckets: &mut Vec<Bucket>, default: Option<Verdict>) {
        let Some(default) = default else { return };
        let other = !buckets.is_empty();
        Self::bucket(buckets, default).rules.push(Rule {
            subject: Subject::Default { other },
            when: Vec::new(),
            simple: false,
            leaves: Vec::new(),
        });
    }

    /// The catch-all paths whose verdict is not the default (see
    /// [`Section::unlisted`]).
    fn unlisted(&self, leaves: &[usize], default: Option<Verdict>) -> Vec<(Verdict, Rule)> {
        let default_label = default.map(Verdict::label);
        leaves
            .iter()
            .filter(|&&l| self.analysis.facts(l).catch_all())
            .filter(|&&l| Some(self.analysis.verdict(l).label()) != default_label)
            .map(|&l| {
                let rule = Rule {
                    subject: Subject::Any,
                    when: Vec::new(),
                    simple: false,
                    leaves: vec![l],
                };
                (self.analysis.verdict(l), rule)
            })
            .collect()
    }
}
