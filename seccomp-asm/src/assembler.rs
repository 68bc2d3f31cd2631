//! Statements to instructions: label resolution, jump encoding (optionally
//! through `goto` trampolines), and the checks of the two modes.
//!
//! The pipeline is the lexer → the parser → [`assemble`], one token and one
//! statement at a time: no list of a whole source's tokens or syntax trees is
//! held.
//!
//! ```
//! use seccomp_asm::{assemble, render, Arch, Mode, Options};
//!
//! let src = b"A = sys_number\nif (A == write) goto ok\nreturn ERRNO(1)\nok: return ALLOW\n";
//! let asm = assemble(src, &Options::strict(Arch::X86_64)).unwrap();
//! assert_eq!(asm.insns.len(), 4);
//! assert_eq!((asm.insns[1].jt, asm.insns[1].jf, asm.insns[1].k), (1, 0, 1));
//!
//! let bad = b"A = mem[16]\nreturn A\n";
//! let errors = assemble(bad, &Options::compatible(Arch::X86_64)).unwrap_err();
//! assert_eq!(
//!     render(&errors, bad, "<inline>", Mode::Compatible),
//!     "<inline>:1:9 index of mem[] must between 0 and 15, got 16\nA = mem[16]\n        ^^\n"
//! );
//! ```
//!
//! - [`Mode::Compatible`] does what seccomp-tools 1.7.1 does: the same bytes,
//!   or the same first error (all unknown tokens at once). Everything it lets
//!   through silently (a masked value, a filter the kernel refuses) becomes a
//!   warning next to the same bytes.
//! - [`Mode::Strict`] gives the same bytes wherever seccomp-tools' output
//!   masks nothing and breaks no kernel rule, and errors otherwise, as many as
//!   it can find in one run. Constants must fit 32 bits: `0..=0xffffffff`, or
//!   a negative value down to `-2^31`, taken as two's complement. Action
//!   data must fit 16 bits and `ERRNO(n)` needs `n <= 4095` (the kernel caps
//!   errno there); `args_h[i] >> 32` (which seccomp-tools loads as the low
//!   word) is refused, as are numeric jump targets past the end, an empty
//!   program, and everything [`crate::validate`] refuses, each pointing at
//!   the statement responsible. `;` may separate statements, as a newline
//!   does.
//!
//! In both modes, names go beyond seccomp-tools' five architectures:
//! `<arch>.<name>` takes every [`Arch`] name and alias, and `ARCH_*` every
//! [`Arch::constant`]. An `ARCH_*` constant in the wrong case, on which
//! seccomp-tools crashes, is an `UnknownConstant` error. With
//! [`Options::relax_jumps`], a conditional jump farther than 255 instructions
//! goes through a `goto` placed right after it instead of failing.

use crate::arch::Arch;
use crate::bpf::{self, seccomp};
use crate::diag::{ruby_inspect, Diagnostic, ErrorClass, MissingSyscall, Span};
use crate::insn::Insn;
use crate::lexer::{self, word_len};
use crate::parser::{
    self, CmpOp, DataSource, Load, Operand, Reg, ReturnValue, Statement, StmtKind, Target, Value,
};
use crate::validate::{self, Violation};
use std::collections::{HashMap, HashSet};

pub use crate::options::{Mode, Options};

/// Strict mode's report of an unknown token. seccomp-tools takes the whole
/// run of non-blank bytes (`open)`); when the run starts with a word, the
/// word alone is the culprit, and a word that is a syscall of another arch
/// is said to be one.
fn unknown_word(src: &[u8], span: Span, arch: Arch) -> Diagnostic {
    let run = &src[span.start..span.end];
    let mut len = word_len(run);
    // `arch.name`: keep the qualified name whole.
    if len > 0 && run.get(len) == Some(&b'.') {
        let rest = word_len(&run[len + 1..]);
        if rest > 0 {
            len += 1 + rest;
        }
    }
    let span = if len > 0 {
        Span::new(span.start, span.start + len)
    } else {
        span
    };
    let word = &src[span.start..span.end];
    let name = std::str::from_utf8(word).unwrap_or_default();
    let elsewhere = !name.contains('.') && Arch::first_with_syscall(name).is_some();
    if elsewhere {
        let msg = format!("syscall '{name}' doesn't exist on {arch}");
        let mut d = Diagnostic::error(ErrorClass::UnrecognizedTokenError, msg, span);
        d.missing_syscall = Some(MissingSyscall {
            name: name.to_owned(),
            arch,
        });
        d
    } else {
        let msg = format!("unknown token {}", ruby_inspect(word));
        Diagnostic::error(ErrorClass::UnrecognizedTokenError, msg, span)
    }
}

/// An assembled program.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Assembly {
    /// The architecture whose names and byte order were used.
    pub arch: Arch,
    /// The instructions, in program order.
    pub insns: Vec<Insn>,
    /// Compatible mode: one per problem seccomp-tools lets through silently.
    /// Always empty in strict mode.
    pub warnings: Vec<Diagnostic>,
    /// For each instruction, the span of the statement that produced it
    /// (a trampoline belongs to its jump).
    pub spans: Vec<Span>,
    /// Every syscall name and `ARCH_*` constant used.
    pub names: Vec<NameUse>,
}

/// A syscall name or `ARCH_*` constant in the program.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NameUse {
    /// The instruction it is a constant of.
    pub insn: usize,
    /// Where it is written in the source.
    pub span: Span,
    /// The syscall name (without an arch qualifier) or the constant.
    pub name: &'static str,
    /// The arch written before the dot (`i386.read`).
    pub qualified: Option<Arch>,
    /// The arch whose table gave the value.
    pub resolved_for: Arch,
    /// The number it stands for.
    pub value: u32,
}

/// The farthest a conditional jump reaches (its offsets are 8 bits).
const JUMP_DISTANCE_MAX: u64 = 255;

/// Assembles seccomp-tools assembly.
///
/// `Err` holds every error found (compatible mode: what seccomp-tools
/// reports, that is all unknown tokens or the first other error); render them
/// with [`crate::diag::render`].
pub fn assemble(src: &[u8], opts: &Options) -> Result<Assembly, Vec<Diagnostic>> {
    assemble_with_base(src, opts).0
}

/// [`assemble`], and when it fails only because of the names' arch checks,
/// the instructions it would otherwise have given.
fn assemble_with_base(
    src: &[u8],
    opts: &Options,
) -> (Result<Assembly, Vec<Diagnostic>>, Option<Assembly>) {
    let strict = opts.mode == Mode::Strict;
    // The parser reads tokens as the lexer scans them; unknown tokens are
    // noted on the way. seccomp-tools scans the whole source before it
    // parses and reports every unknown token instead of any other error, so
    // when parsing stops early the rest is scanned for them.
    let lexer = lexer::Lexer::new(src, opts.arch, opts.mode).keeping_unknown();
    let mut statements = parser::Statements::new(src, lexer, opts.arch, !strict);
    let mut lowering = Lowering::new(src, strict);
    let mut errors_seen = 0;
    while let Some(stmt) = statements.next() {
        // The errors found while parsing this statement.
        let new_errors = &statements.errors()[errors_seen..];
        errors_seen += new_errors.len();
        lowering.add(stmt, new_errors);
    }
    let (parsed, mut lexer) = statements.finish();
    lexer.by_ref().for_each(drop);
    let unknown = lexer.take_unknown();
    let mut errors: Vec<Diagnostic> = unknown
        .iter()
        .map(|t| match strict {
            true => unknown_word(src, t.span, opts.arch),
            false => {
                let msg = format!("unknown token {}", ruby_inspect(t.text(src)));
                Diagnostic::error(ErrorClass::UnrecognizedTokenError, msg, t.span).at(t.pos)
            }
        })
        .collect();
    if !strict && !errors.is_empty() {
        return (Err(errors), None);
    }
    // A statement went missing: instruction indices are not reliable.
    let incomplete = !parsed.complete;
    errors.extend(parsed.errors.iter().cloned());
    if !strict && !errors.is_empty() {
        return (Err(errors), None);
    }
    let Lowering {
        program,
        diags: value_diags,
        bad_stmts,
        ..
    } = lowering;
    errors.extend(value_diags);

    let mut asm = Assembler {
        strict,
        opts: *opts,
        program: &program,
        diags: errors,
        bad_stmts,
    };
    let result = asm.run(&parsed.orphan_labels, incomplete);
    let mut diags = asm.diags;
    if let Some(assembly) = &result {
        diags.extend(names_against_arch_checks(assembly, opts.arch, strict));
    }
    // Strict mode lists errors in source order; compatible mode has the one
    // error seccomp-tools reports (or all unknown tokens, in order already).
    diags.sort_by_key(|d| d.span.start);
    match result {
        Some(mut assembly) if diags.iter().all(|d| !d.is_error()) => {
            assembly.warnings = diags;
            (Ok(assembly), None)
        }
        assembly => {
            let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
            // Errors of the names' arch checks only: the instructions are
            // complete and right for another arch's names.
            let base =
                assembly.filter(|_| errors.iter().all(|d| d.class == ErrorClass::ArchMismatch));
            (Err(errors), base)
        }
    }
}

/// Strict-mode assembly of one source for several architectures: the same
/// results as [`assemble`] with [`Mode::Strict`] for each arch in turn, in
/// that order, computed without assembling the source again for each.
///
/// Architectures differ only in what their syscall names mean and in byte
/// order. So the source is assembled once per byte order, and for each other
/// arch of that byte order the instructions are taken over with the numbers
/// of its own syscall names; the rules that can depend on those numbers (the
/// kernel's, and the names' arch checks) are checked again. Whenever that
/// shortcut cannot vouch for the result (a name missing on the arch, a name
/// used as return data, any error), the arch is assembled in full.
pub fn assemble_each(
    src: &[u8],
    arches: &[Arch],
    relax_jumps: bool,
) -> Vec<Result<Assembly, Vec<Diagnostic>>> {
    let mut bases: Vec<Assembly> = Vec::new();
    arches
        .iter()
        .map(|&arch| {
            let base = bases.iter().find(|b| same_byte_order(b, arch));
            if let Some(derived) = base.and_then(|b| for_other_arch(b, arch)) {
                return derived;
            }
            let opts = Options {
                arch,
                mode: Mode::Strict,
                relax_jumps,
            };
            let (result, failed_base) = assemble_with_base(src, &opts);
            if base.is_none() {
                match (&result, failed_base) {
                    (Ok(asm), _) => bases.push(asm.clone()),
                    (Err(_), Some(asm)) => bases.push(asm),
                    (Err(_), None) => {}
                }
            }
            result
        })
        .collect()
}

/// The arch an assembly was made for, by its byte order: every assembly
/// kept as a base is known by the arch of its first call.
fn same_byte_order(base: &Assembly, arch: Arch) -> bool {
    base.arch.endian() == arch.endian()
}

/// What strict assembly for `arch` gives, from `base` (assembled in strict
/// mode for an arch of the same byte order) with `arch`'s numbers for its
/// unqualified syscall names, if that can be vouched for.
fn for_other_arch(base: &Assembly, arch: Arch) -> Option<Result<Assembly, Vec<Diagnostic>>> {
    let mut asm = base.clone();
    asm.arch = arch;
    for name in &mut asm.names {
        if name.qualified.is_some() || name.name.starts_with("ARCH_") {
            continue;
        }
        let nr = arch.syscall_nr(name.name)?;
        let insn = &mut asm.insns[name.insn];
        // Return data has range rules of its own (`ERRNO(n)` with n <= 4095).
        if bpf::class(insn.code) == bpf::RET || insn.k != name.value {
            return None;
        }
        insn.k = nr;
        name.value = nr;
        name.resolved_for = arch;
    }
    // A name can be a divisor or a shift: the kernel's rules see its value.
    validate::validate(&asm.insns).ok()?;
    // With every name known and every rule kept, the names' arch checks are
    // all that can fail, and then they are all the errors there are.
    let mut mismatches = names_against_arch_checks(&asm, arch, true);
    if mismatches.is_empty() {
        Some(Ok(asm))
    } else {
        mismatches.sort_by_key(|d| d.span.start);
        Some(Err(mismatches))
    }
}

/// A syscall name written without an arch is resolved for `arch`. If the
/// program's own arch check pins the path to that name to another
/// architecture, the number is that of the wrong table on that path: a filter
/// written for x86_64 but assembled for aarch64 would silently compare
/// aarch64 numbers under an x86_64 arch test. Each such name is an error in
/// strict mode and a warning in compatible mode.
fn names_against_arch_checks(asm: &Assembly, arch: Arch, strict: bool) -> Vec<Diagnostic> {
    let suspects: Vec<&NameUse> = asm
        .names
        .iter()
        .filter(|n| n.qualified.is_none() && !n.name.starts_with("ARCH_"))
        .collect();
    if suspects.is_empty() {
        return Vec::new();
    }
    // The names come in instruction order, one per instruction at most, so
    // one walk of the pass reaches each in turn, keeping no facts behind.
    let mut lines = crate::dataflow::Pass::new(&asm.insns).enumerate();
    let mut out = Vec::new();
    for name in suspects {
        let Some((_, facts)) = lines.find(|&(pc, _)| pc == name.insn) else {
            break;
        };
        let Some(pinned) = facts.arch else {
            continue;
        };
        if pinned == arch.audit() {
            continue;
        }
        let n = &name.name;
        let msg = match Arch::from_audit(pinned) {
            Some(p) => format!(
                "syscall `{n}` is resolved for {arch}, but the arch check before it only lets \
                 {p} through: write `{p}.{n}`, or assemble for {p} (`arch = {p}` in `seccomp!`, \
                 `-a {p}` on the command line)"
            ),
            None => format!(
                "syscall `{n}` is resolved for {arch}, but the arch check before it only lets \
                 arch {pinned:#x} through: qualify the name (`<arch>.{n}`)"
            ),
        };
        let diag = if strict {
            Diagnostic::error(ErrorClass::ArchMismatch, msg, name.span)
        } else {
            Diagnostic::warning(ErrorClass::ArchMismatch, msg, name.span)
        };
        out.push(diag);
    }
    out
}

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

/// A parsed statement reduced to what the rest of assembly needs, so that
/// only one statement's syntax tree is held at a time.
struct Lowered {
    /// The instruction of a statement other than a jump.
    insn: Insn,
    span: Span,
}

/// A conditional jump's test: the comparison and its operand (`None`: X).
type Test = (CmpOp, Option<u32>);

/// A jump statement as written.
struct JumpStmt<'s> {
    stmt: usize,
    test: Option<Test>,
    jt: Target<'s>,
    jf: Target<'s>,
}

/// A syscall name or `ARCH_*` constant of a statement.
struct NameAt {
    stmt: usize,
    span: Span,
    name: parser::Name,
    value: u32,
}

/// The statements of a program, lowered.
#[derive(Default)]
struct Program<'s> {
    stmts: Vec<Lowered>,
    /// The jump statements, in order.
    jumps: Vec<JumpStmt<'s>>,
    /// Every label with the statement it names, in source order.
    labels: Vec<(usize, parser::Label<'s>)>,
    names: Vec<NameAt>,
}

/// Lowers statements as the parser produces them, and makes the checks
/// that need a statement's syntax tree.
struct Lowering<'s> {
    src: &'s [u8],
    strict: bool,
    program: Program<'s>,
    /// What seccomp-tools masks or misreads without a word.
    diags: Vec<Diagnostic>,
    /// Statements with an error of seccomp-tools' own inside them.
    bad_stmts: HashSet<usize>,
}

impl<'s> Lowering<'s> {
    fn new(src: &'s [u8], strict: bool) -> Lowering<'s> {
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
    fn add(&mut self, stmt: Statement<'s>, errors: &[Diagnostic]) {
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
        severity_diag(self.strict, class, msg, span)
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
                } else if *name == "ERRNO" && data.value > 4095 {
                    let msg = format!(
                        "ERRNO({}): the kernel caps errno at 4095, so the caller sees 4095",
                        data.value
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

/// A diagnostic of something seccomp-tools lets through: an error in strict
/// mode, a warning in compatible mode.
fn severity_diag(strict: bool, class: ErrorClass, msg: String, span: Span) -> Diagnostic {
    if strict {
        Diagnostic::error(class, msg, span)
    } else {
        Diagnostic::warning(class, msg, span)
    }
}

struct Assembler<'s> {
    strict: bool,
    opts: Options,
    program: &'s Program<'s>,
    diags: Vec<Diagnostic>,
    /// Statements whose instruction is already known to be wrong; kernel
    /// checks skip them.
    bad_stmts: HashSet<usize>,
}

impl<'s> Assembler<'s> {
    fn severity_diag(&self, class: ErrorClass, msg: String, span: Span) -> Diagnostic {
        severity_diag(self.strict, class, msg, span)
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

    fn run(&mut self, orphans: &[parser::Label<'_>], incomplete: bool) -> Option<Assembly> {
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

/// Whether `inner` lies within `outer`.
fn within(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
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
