//! Where each statement's instructions go, and the instructions themselves.
//!
//! Takes the lowered [`Program`]; gives the [`Assembly`]'s instructions:
//! labels and jump targets resolved, `goto` trampolines placed where a
//! conditional jump reaches too far (with `relax_jumps`), every instruction
//! emitted, and the kernel's rules ([`crate::validate`]) checked against the
//! statements that produced them.

use super::assembly::{Assembly, NameUse};
use super::lower::{JumpStmt, Program};
use crate::bpf::{self, seccomp};
use crate::diag::{Diagnostic, ErrorClass, Span};
use crate::insn::Insn;
use crate::options::Options;
use crate::parser::{self, CmpOp, Target};
use crate::validate::{self, Violation};
use std::collections::{HashMap, HashSet};

/// The farthest a conditional jump reaches (its offsets are 8 bits).
const JUMP_DISTANCE_MAX: u64 = 255;

/// Where a jump goes.
#[derive(Clone, PartialEq, Eq, Debug)]
enum Dest<'s> {
    /// A statement of the program.
    Stmt(usize),
    /// `distance` instructions past the statement, beyond the last one
    /// (rare: boxed, to keep a resolved jump small).
    Beyond { distance: Box<Distance<'s>> },
    /// An unknown label of a statement that did not parse (already reported).
    Unknown,
}

/// A numeric distance, as written or computed (it may exceed every integer
/// type).
#[derive(Clone, Copy, Eq, Debug)]
struct Distance<'s> {
    /// The number as written, if it was.
    text: Option<&'s str>,
    /// Modulo 2^32, as a `goto` assembles it.
    masked: u32,
    exact: Option<u64>,
}

impl Distance<'_> {
    fn small(n: u64) -> Distance<'static> {
        Distance {
            text: None,
            masked: n as u32,
            exact: Some(n),
        }
    }

    /// The number as it is written back in messages.
    fn text(&self) -> String {
        match (self.text, self.exact) {
            (Some(text), _) => text.to_string(),
            (None, exact) => exact.unwrap_or_default().to_string(),
        }
    }
}

/// Equal when the numbers are: written numbers are canonical decimals, so
/// two that do not fit a `u64` are the same number only if spelled alike.
impl PartialEq for Distance<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.exact, other.exact) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.text == other.text,
            _ => false,
        }
    }
}

/// A jump statement after resolution: where its targets, in the order
/// written, lead.
struct Jump<'s> {
    written: &'s JumpStmt<'s>,
    dests: [Dest<'s>; 2],
}

impl<'s> Jump<'s> {
    fn stmt(&self) -> usize {
        self.written.stmt
    }

    /// Each target as written, with where it leads.
    fn targets(&self) -> [(&Target<'s>, &Dest<'s>); 2] {
        [
            (&self.written.jt, &self.dests[0]),
            (&self.written.jf, &self.dests[1]),
        ]
    }

    /// The instruction's (jt, jf) destinations and opcode, or `None` for JA:
    /// no condition, or both destinations equal.
    fn encoding(&self) -> Option<(u16, &Dest<'_>, &Dest<'_>)> {
        let (cmp, rhs) = self.written.test?;
        let (t, f) = (&self.dests[0], &self.dests[1]);
        if t == f {
            return None;
        }
        let src = match rhs {
            None => bpf::X,
            Some(_) => bpf::K,
        };
        let (op, swap) = match cmp {
            CmpOp::Eq => (bpf::JEQ, false),
            CmpOp::Ne => (bpf::JEQ, true),
            CmpOp::Gt => (bpf::JGT, false),
            CmpOp::Ge => (bpf::JGE, false),
            CmpOp::Lt => (bpf::JGE, true),
            CmpOp::Le => (bpf::JGT, true),
            CmpOp::Set => (bpf::JSET, false),
        };
        let code = bpf::JMP | op | src;
        Some(if swap { (code, f, t) } else { (code, t, f) })
    }
}

/// Where the instructions of each statement go.
struct Layout {
    /// Per statement, whether its true side and its false side go through
    /// a trampoline.
    tramps: Vec<(bool, bool)>,
    /// Where each statement's instructions start, and the total at the end.
    pos: Vec<usize>,
}

/// Resolves, lays out and emits a lowered program, and checks it.
pub(super) struct Linker<'s> {
    pub(super) strict: bool,
    pub(super) opts: Options,
    pub(super) program: &'s Program<'s>,
    pub(super) diags: Vec<Diagnostic>,
    /// Statements whose instruction is already known to be wrong; kernel
    /// checks skip them.
    pub(super) bad_stmts: HashSet<usize>,
}

impl<'s> Linker<'s> {
    fn severity_diag(&self, class: ErrorClass, msg: String, span: Span) -> Diagnostic {
        Diagnostic::error_if(self.strict, class, msg, span)
    }

    /// Compatible mode stops at the first reference error.
    fn fail(&mut self, d: Diagnostic) -> Option<()> {
        self.diags.push(d);
        if self.strict {
            Some(())
        } else {
            None
        }
    }

    pub(super) fn run(
        &mut self,
        orphans: &[parser::Label<'_>],
        incomplete: bool,
    ) -> Option<Assembly> {
        let labels = self.labels()?;
        let jumps = self.resolve(&labels, orphans, incomplete)?;
        if incomplete {
            return None;
        }
        let layout = self.plan(&jumps)?;
        let assembly = self.emit(&jumps, &layout.tramps, &layout.pos);
        self.check_kernel(&assembly, &jumps, &layout.pos);
        Some(assembly)
    }

    // ---- labels and targets

    /// The statement each label names.
    fn labels(&mut self) -> Option<HashMap<&'s str, usize>> {
        let program = self.program;
        let mut defs: HashMap<&'s str, usize> = HashMap::with_capacity(program.labels.len());
        for (n, (i, label)) in program.labels.iter().enumerate() {
            // The same label twice on one statement is one definition.
            let earlier = &program.labels[..n];
            if earlier
                .iter()
                .rev()
                .take_while(|(j, _)| j == i)
                .any(|(_, l)| l.name == label.name)
            {
                continue;
            }
            if let Some(&at) = defs.get(label.name) {
                let (_, prev) = earlier
                    .iter()
                    .find(|(j, l)| *j == at && l.name == label.name)
                    .expect("a label is defined where the map says");
                let d = Diagnostic::error(
                    ErrorClass::DuplicateLabelError,
                    format!("duplicate label '{}'", label.name),
                    label.span,
                )
                .at(label.pos)
                .with_note(prev.span, "previously defined here", Some(prev.pos));
                self.fail(d)?;
                continue;
            }
            defs.insert(label.name, *i);
        }
        Some(defs)
    }

    fn resolve(
        &mut self,
        labels: &HashMap<&'s str, usize>,
        orphans: &[parser::Label<'_>],
        incomplete: bool,
    ) -> Option<Vec<Jump<'s>>> {
        let orphan_names: HashSet<&str> = orphans.iter().map(|l| l.name).collect();
        let program = self.program;
        let n = program.stmts.len();
        let mut jumps = Vec::with_capacity(program.jumps.len());
        for written in &program.jumps {
            let JumpStmt {
                stmt: i, jt, jf, ..
            } = written;
            let i = *i;
            let mut dests: [Option<Dest<'s>>; 2] = [None, None];
            for (side, target) in [jt, jf].into_iter().enumerate() {
                // A `goto` has one target token for both sides: resolve (and
                // report) it once.
                if side == 1 && matches!(target, Target::Named { .. }) && jt == target {
                    dests[1] = dests[0].clone();
                    continue;
                }
                let dest = match target {
                    Target::Next => beyond_or_stmt(i, 0, n),
                    Target::Named { text, span, pos } => {
                        let text: &'s str = text;
                        if text == "next" {
                            beyond_or_stmt(i, 0, n)
                        } else if let Some(&at) = labels.get(text) {
                            if at <= i && !incomplete {
                                let msg = format!("Does not support backward jumping to '{text}'");
                                let d =
                                    Diagnostic::error(ErrorClass::BackwardJumpError, msg, *span)
                                        .at(*pos);
                                self.fail(d)?;
                                self.bad_stmts.insert(i);
                                Dest::Unknown
                            } else {
                                Dest::Stmt(at)
                            }
                        } else if is_canonical_decimal(text) {
                            let (masked, exact) = parser::parse_number(text, 10);
                            let exact = exact.and_then(|e| u64::try_from(e).ok());
                            match exact {
                                Some(d) if (i as u64) + 1 + d < n as u64 => {
                                    Dest::Stmt(i + 1 + d as usize)
                                }
                                _ => Dest::Beyond {
                                    distance: Box::new(Distance {
                                        text: Some(text),
                                        masked,
                                        exact,
                                    }),
                                },
                            }
                        } else if orphan_names.contains(text) {
                            Dest::Unknown
                        } else {
                            let msg = format!("Cannot find label '{text}'");
                            let d = Diagnostic::error(ErrorClass::UndefinedLabelError, msg, *span)
                                .at(*pos);
                            self.fail(d)?;
                            self.bad_stmts.insert(i);
                            Dest::Unknown
                        }
                    }
                };
                dests[side] = Some(dest);
            }
            let [Some(t), Some(f)] = dests else {
                unreachable!("both sides are resolved")
            };
            jumps.push(Jump {
                written,
                dests: [t, f],
            });
        }
        Some(jumps)
    }

    // ---- layout

    /// Decides which jumps get trampolines, and reports the jumps that are
    /// too long.
    fn plan(&mut self, jumps: &[Jump<'s>]) -> Option<Layout> {
        let n = self.program.stmts.len();
        let mut tramps = vec![(false, false); n];
        let relax = self.opts.relax_jumps;
        if relax {
            // Each trampoline lengthens the jumps over it, so iterate until no
            // jump needs a new one. Trampolines are never removed, so this ends.
            loop {
                let pos = positions(&tramps);
                let mut changed = false;
                for j in jumps {
                    let Some((_, t, f)) = j.encoding() else {
                        continue;
                    };
                    let from = pos[j.stmt()] + 1;
                    for (side, dest) in [(0, t), (1, f)] {
                        if let Dest::Stmt(to) = dest {
                            let slot = if side == 0 {
                                &mut tramps[j.stmt()].0
                            } else {
                                &mut tramps[j.stmt()].1
                            };
                            if !*slot && (pos[*to] - from) as u64 > JUMP_DISTANCE_MAX {
                                *slot = true;
                                changed = true;
                            }
                        }
                    }
                }
                if !changed {
                    break;
                }
            }
        }
        // What is still too long (everything, without relaxation) is an error,
        // checked in the written order of the targets.
        let pos = positions(&tramps);
        for j in jumps {
            if j.encoding().is_none() {
                continue;
            }
            for (target, dest) in j.targets() {
                let distance = match dest {
                    Dest::Stmt(to) if !relax => {
                        Distance::small((pos[*to] - pos[j.stmt()] - 1) as u64)
                    }
                    Dest::Beyond { distance, .. } => **distance,
                    _ => continue,
                };
                if distance.exact.is_some_and(|d| d <= JUMP_DISTANCE_MAX) {
                    continue;
                }
                let Target::Named { span, pos, .. } = target else {
                    continue;
                };
                let mut msg = format!(
                    "Does not support jumping farther than {JUMP_DISTANCE_MAX}, got: {}",
                    distance.text()
                );
                if self.strict && !relax && matches!(dest, Dest::Stmt(_)) {
                    msg.push_str(
                        "; to reach it through a `goto` trampoline, set `relax_jumps` \
                         (`seccomp!` macro) or pass `--relax-jumps` (command line)",
                    );
                }
                let d = Diagnostic::error(ErrorClass::LongJumpError, msg, *span).at(*pos);
                self.fail(d)?;
                self.bad_stmts.insert(j.stmt());
            }
        }
        Some(Layout { tramps, pos })
    }

    // ---- emission

    fn emit(&mut self, jumps: &[Jump<'s>], tramps: &[(bool, bool)], pos: &[usize]) -> Assembly {
        let program = self.program;
        let mut insns = Vec::with_capacity(pos[program.stmts.len()]);
        let mut spans = Vec::with_capacity(insns.capacity());
        let mut jumps = jumps.iter().peekable();
        for (i, stmt) in program.stmts.iter().enumerate() {
            debug_assert_eq!(insns.len(), pos[i]);
            match jumps.next_if(|j| j.stmt() == i) {
                Some(j) => emit_jump(&mut insns, j, pos, tramps[i]),
                None => insns.push(stmt.insn),
            }
            spans.resize(insns.len(), stmt.span);
        }
        let names = (program.names.iter())
            .map(|n| NameUse {
                insn: pos[n.stmt],
                span: n.span,
                name: n.name.name,
                qualified: n.name.qualified,
                resolved_for: n.name.resolved_for,
                value: n.value,
            })
            .collect();
        Assembly {
            arch: self.opts.arch,
            insns,
            warnings: Vec::new(),
            spans,
            names,
        }
    }

    // ---- checks of values and the kernel's rules

    fn check_kernel(&mut self, asm: &Assembly, jumps: &[Jump<'s>], pos: &[usize]) {
        // Numeric targets past the end, reported with the number written.
        let mut past_end = HashSet::new();
        for j in jumps {
            for (target, dest) in j.targets() {
                let (Target::Named { text, span, .. }, Dest::Beyond { .. }) = (target, dest) else {
                    continue;
                };
                let i = j.stmt();
                if *text != "next" && !self.bad_stmts.contains(&i) && past_end.insert(i) {
                    let msg = format!(
                        "jump target {text} skips past the end of the program ({} instruction(s) \
                         follow this one)",
                        self.program.stmts.len() - i - 1
                    );
                    let d = self.severity_diag(ErrorClass::TargetOutOfRange, msg, *span);
                    self.diags.push(d);
                }
            }
        }
        if asm.insns.is_empty() {
            let msg = "the program is empty; the kernel needs 1 to 4096 instructions".to_string();
            let d = self.severity_diag(ErrorClass::EmptyProgram, msg, Span::new(0, 0));
            self.diags.push(d);
            return;
        }
        let Err(violations) = validate::validate(&asm.insns) else {
            return;
        };
        for v in violations {
            let pc = match v {
                Violation::TooLong { .. } => bpf::MAXINSNS,
                _ => v.pc().unwrap_or(0),
            };
            // The statement whose instructions start at or before `pc`.
            let stmt = pos.partition_point(|&start| start <= pc) - 1;
            if self.bad_stmts.contains(&stmt)
                || (matches!(v, Violation::JumpOutOfRange { .. }) && past_end.contains(&stmt))
            {
                continue;
            }
            let d = self.severity_diag(ErrorClass::KernelRule, v.to_string(), asm.spans[pc]);
            self.diags.push(d);
        }
    }
}

/// `distance` statements past statement `i`: a statement, or beyond the end.
fn beyond_or_stmt(i: usize, distance: usize, n: usize) -> Dest<'static> {
    if i + 1 + distance < n {
        Dest::Stmt(i + 1 + distance)
    } else {
        Dest::Beyond {
            distance: Box::new(Distance::small(distance as u64)),
        }
    }
}

/// A number target only counts as a number when written the way Ruby's
/// `Integer#to_s` would write it back: no sign, no leading zeros.
fn is_canonical_decimal(text: &str) -> bool {
    text == "0"
        || (text.starts_with(|c: char| ('1'..='9').contains(&c))
            && text.bytes().all(|b| b.is_ascii_digit()))
}

/// The first instruction of each statement, and the total at the end.
fn positions(tramps: &[(bool, bool)]) -> Vec<usize> {
    let mut pos = Vec::with_capacity(tramps.len() + 1);
    let mut at = 0;
    for &(t, f) in tramps {
        pos.push(at);
        at += 1 + usize::from(t) + usize::from(f);
    }
    pos.push(at);
    pos
}

/// Appends the instruction of a jump, and its trampolines.
fn emit_jump(insns: &mut Vec<Insn>, j: &Jump<'_>, pos: &[usize], tramps: (bool, bool)) {
    let here = pos[j.stmt()];
    // The offset from instruction `from` (exclusive) to a destination.
    let offset = |dest: &Dest<'_>, from: usize| -> u32 {
        match dest {
            Dest::Stmt(to) => Distance::small((pos[*to] - from - 1) as u64).masked,
            Dest::Beyond { distance, .. } => distance.masked,
            Dest::Unknown => 0,
        }
    };
    let Some((code, t, f)) = j.encoding() else {
        insns.push(Insn::stmt(seccomp::JMP_JA, offset(&j.dests[0], here)));
        return;
    };
    // X as the operand leaves `k` 0.
    let k = j.written.test.and_then(|(_, rhs)| rhs).unwrap_or(0);
    let (tramp_t, tramp_f) = tramps;
    let mut jump = Insn::new(code, 0, 0, k);
    // The trampolines that follow it, true side first.
    let mut after = 0;
    // Offsets above 255 were reported; they are truncated to fill the byte.
    let true_tramp = if tramp_t {
        after += 1;
        Some(Insn::stmt(seccomp::JMP_JA, offset(t, here + 1)))
    } else {
        jump.jt = offset(t, here) as u8;
        None
    };
    let false_tramp = if tramp_f {
        jump.jf = u8::from(tramp_t);
        Some(Insn::stmt(seccomp::JMP_JA, offset(f, here + 1 + after)))
    } else {
        jump.jf = offset(f, here) as u8;
        None
    };
    insns.push(jump);
    insns.extend(true_tramp);
    insns.extend(false_tramp);
}
