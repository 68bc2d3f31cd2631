//! Statements to instructions, one at a time, as the parser gives them.
//!
//! Takes each parsed [`Statement`] with the errors found in it; gives the
//! [`Program`]: the instruction of every statement but a jump, every jump as
//! written (laid out once all labels are known, by `layout`), the labels,
//! the syscall names and `ARCH_*` constants used, and what seccomp-tools
//! masks or misreads without a word.

use crate::action::Action;
use crate::bpf::{self, seccomp};
use crate::diag::{Diagnostic, ErrorClass, Span};
use crate::insn::Insn;
use crate::parser::{
    self, CmpOp, DataSource, Load, Operand, Reg, ReturnValue, Statement, StmtKind, Target, Value,
};
use std::collections::HashSet;

/// A parsed statement reduced to what the rest of assembly needs, so that
/// only one statement's syntax tree is held at a time.
pub(super) struct Lowered {
    /// The instruction of a statement other than a jump.
    pub(super) insn: Insn,
    pub(super) span: Span,
}

/// A conditional jump's test: the comparison and its operand (`None`: X).
pub(super) type Test = (CmpOp, Option<u32>);

/// A jump statement as written.
pub(super) struct JumpStmt<'s> {
    pub(super) stmt: usize,
    pub(super) test: Option<Test>,
    pub(super) jt: Target<'s>,
    pub(super) jf: Target<'s>,
}

/// A syscall name or `ARCH_*` constant of a statement.
pub(super) struct NameAt {
    pub(super) stmt: usize,
    pub(super) span: Span,
    pub(super) name: parser::Name,
    pub(super) value: u32,
}

/// The statements of a program, lowered.
#[derive(Default)]
pub(super) struct Program<'s> {
    pub(super) stmts: Vec<Lowered>,
    /// The jump statements, in order.
    pub(super) jumps: Vec<JumpStmt<'s>>,
    /// Every label with the statement it names, in source order.
    pub(super) labels: Vec<(usize, parser::Label<'s>)>,
    pub(super) names: Vec<NameAt>,
}

/// Lowers statements as the parser produces them, and makes the checks
/// that need a statement's syntax tree.
pub(super) struct Lowering<'s> {
    src: &'s [u8],
    strict: bool,
    pub(super) program: Program<'s>,
    /// What seccomp-tools masks or misreads without a word.
    pub(super) diags: Vec<Diagnostic>,
    /// Statements with an error of seccomp-tools' own inside them.
    pub(super) bad_stmts: HashSet<usize>,
}

impl<'s> Lowering<'s> {
    pub(super) fn new(src: &'s [u8], strict: bool) -> Lowering<'s> {
        // The lists of statements and jumps are sized for a statement every
        // 8 bytes, more than sources have, so they are seldom copied as they
        // grow (room reserved and never used costs no memory the program
        // touches); but for no more than 16 times the kernel's limit, beyond
        // which the lists grow as needed.
        let room = (src.len() / 8 + 1).min(16 * bpf::MAXINSNS);
        Lowering {
            src,
            strict,
            program: Program {
                stmts: Vec::with_capacity(room),
                jumps: Vec::with_capacity(room),
                labels: Vec::new(),
                names: Vec::new(),
            },
            diags: Vec::new(),
            bad_stmts: HashSet::new(),
        }
    }

    /// Lowers the next statement; `errors` are the parse errors found while
    /// it was parsed.
    pub(super) fn add(&mut self, stmt: Statement<'s>, errors: &[Diagnostic]) {
        let i = self.program.stmts.len();
        self.check_values(&stmt);
        if errors
            .iter()
            .any(|d| d.is_error() && d.class.is_reference() && within(d.span, stmt.span))
        {
            self.bad_stmts.insert(i);
        }
        if let Some(v) = value(&stmt.kind) {
            if let Some(name) = &v.name {
                self.program.names.push(NameAt {
                    stmt: i,
                    span: v.span,
                    name: name.clone(),
                    value: v.value,
                });
            }
        }
        let insn = match stmt.kind {
            StmtKind::Jump { cond, jt, jf } => {
                let test = cond.map(|c| {
                    let rhs = match c.rhs {
                        Operand::X => None,
                        Operand::K(v) => Some(v.value),
                    };
                    (c.op, rhs)
                });
                self.program.jumps.push(JumpStmt {
                    stmt: i,
                    test,
                    jt,
                    jf,
                });
                // Laid out once every label is known.
                Insn::default()
            }
            ref kind => emit_plain(kind),
        };
        self.program
            .labels
            .extend(stmt.labels.into_iter().map(|label| (i, label)));
        self.program.stmts.push(Lowered {
            insn,
            span: stmt.span,
        });
    }

    fn severity_diag(&self, class: ErrorClass, msg: String, span: Span) -> Diagnostic {
        Diagnostic::error_if(self.strict, class, msg, span)
    }

    /// What seccomp-tools masks or misreads without a word.
    fn check_values(&mut self, stmt: &Statement<'_>) {
        if let Some(v) = value(&stmt.kind) {
            if !v.fits_u32() {
                let msg = if self.strict {
                    format!(
                        "constant {} does not fit in 32 bits (allowed: -2147483648 to 4294967295)",
                        show_raw(v, self.src)
                    )
                } else {
                    format!(
                        "constant {} does not fit in 32 bits; it is assembled as {:#x}",
                        show_raw(v, self.src),
                        v.value
                    )
                };
                let d = self.severity_diag(ErrorClass::ValueOutOfRange, msg, v.span);
                self.diags.push(d);
            }
        }
        match &stmt.kind {
            StmtKind::Return(ReturnValue::Action {
                name,
                data: Some(data),
                span,
                ..
            }) if data.fits_u32() => {
                if data.value > 0xffff {
                    let msg = if self.strict {
                        format!(
                            "{name}({}): action data must fit in 16 bits (0 to 65535)",
                            data.value
                        )
                    } else {
                        format!(
                            "{name}({}): action data does not fit in 16 bits; it is assembled as {name}({})",
                            data.value,
                            data.value & 0xffff
                        )
                    };
                    let d = self.severity_diag(ErrorClass::ValueOutOfRange, msg, *span);
                    self.diags.push(d);
                } else if *name == "ERRNO" && data.value > Action::MAX_ERRNO {
                    let msg = format!(
                        "ERRNO({}): the kernel caps errno at {max}, so the caller sees {max}",
                        data.value,
                        max = Action::MAX_ERRNO
                    );
                    let d = self.severity_diag(ErrorClass::ValueOutOfRange, msg, *span);
                    self.diags.push(d);
                }
            }
            StmtKind::Load {
                src: Load::Data(load),
                ..
            } => {
                if let DataSource::Arg {
                    high: true,
                    shifted: true,
                    index,
                    ..
                } = &load.source
                {
                    let msg = format!(
                        "args_h[{0}] >> 32: args_h[{0}] is already the high word, and seccomp-tools \
                         loads the low word for this; write args_h[{0}] or args[{0}] >> 32 for the \
                         high word, args[{0}] for the low one",
                        index.value
                    );
                    let d = self.severity_diag(ErrorClass::HighWordShift, msg, load.span);
                    self.diags.push(d);
                }
            }
            _ => {}
        }
    }
}

/// Whether `inner` lies within `outer`.
fn within(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// A value as written, for messages about values that do not fit.
fn show_raw(v: &Value, src: &[u8]) -> String {
    match v.exact(src) {
        Some(r) => r.to_string(),
        None => "(more than 128 bits)".to_string(),
    }
}

/// The constant of a statement; a statement has at most one.
fn value<'a>(kind: &'a StmtKind<'_>) -> Option<&'a Value> {
    match kind {
        StmtKind::Load { src, .. } => match src {
            Load::Const(v) | Load::Mem(v) => Some(v),
            Load::Data(d) => match &d.source {
                DataSource::Data(v) => Some(v),
                DataSource::Arg { index, .. } => Some(index),
                _ => None,
            },
            Load::Len | Load::Reg => None,
        },
        StmtKind::Store { index, .. } => Some(index),
        StmtKind::Alu { rhs, .. } => operand_value(rhs),
        StmtKind::Neg => None,
        StmtKind::Jump { cond, .. } => cond.as_ref().and_then(|c| operand_value(&c.rhs)),
        StmtKind::Return(r) => match r {
            ReturnValue::A => None,
            ReturnValue::K(v) => Some(v),
            ReturnValue::Action { data, .. } => data.as_ref(),
        },
    }
}

fn operand_value(o: &Operand) -> Option<&Value> {
    match o {
        Operand::K(v) => Some(v),
        Operand::X => None,
    }
}

/// The instruction of a statement other than a jump.
fn emit_plain(kind: &StmtKind) -> Insn {
    use seccomp::*;
    match kind {
        StmtKind::Load { dst, src } => {
            let x = *dst == Reg::X;
            match src {
                Load::Const(v) => Insn::stmt(if x { LDX_IMM } else { LD_IMM }, v.value),
                Load::Mem(v) => Insn::stmt(if x { LDX_MEM } else { LD_MEM }, v.value),
                Load::Data(d) => Insn::stmt(LD_ABS, d.offset),
                Load::Len => Insn::stmt(LD_LEN, 0),
                Load::Reg => Insn::stmt(if x { MISC_TAX } else { MISC_TXA }, 0),
            }
        }
        StmtKind::Store { index, src } => {
            Insn::stmt(if *src == Reg::X { STX_MEM } else { ST_MEM }, index.value)
        }
        StmtKind::Alu { op, rhs } => {
            let op = op.bits();
            match rhs {
                Operand::X => Insn::stmt(bpf::ALU | op | bpf::X, 0),
                Operand::K(v) => Insn::stmt(bpf::ALU | op | bpf::K, v.value),
            }
        }
        StmtKind::Neg => Insn::stmt(ALU_NEG, 0),
        StmtKind::Return(r) => match r {
            ReturnValue::A => Insn::stmt(RET_A, 0),
            ReturnValue::K(v) => Insn::stmt(RET_K, v.value),
            ReturnValue::Action { base, data, .. } => {
                let data = data
                    .as_ref()
                    .map_or(0, |v| v.value & crate::action::DATA_MASK);
                Insn::stmt(RET_K, base | data)
            }
        },
        StmtKind::Jump { .. } => unreachable!("jumps are emitted by emit_jump"),
    }
}
