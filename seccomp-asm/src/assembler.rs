//! seccomp-tools assembly to instructions, and the checks of the two modes.
//!
//! Takes the source's bytes and the [`Options`]; gives an [`Assembly`], or
//! every [`Diagnostic`] that stopped it. The pipeline is the lexer → the
//! parser → [`assemble`], one token and one statement at a time: no list of a
//! whole source's tokens or syntax trees is held. Here the stages meet; each
//! step after parsing is a module of its own:
//!
//! - `lower`: each statement, as it is parsed, to its instruction (a jump to
//!   what it tests and where it goes), with the checks of its values;
//! - `layout`: labels and jump targets resolved, `goto` trampolines placed,
//!   the instructions emitted, and the kernel's rules checked on them;
//! - `arch_checks`: syscall names against the arch the path to them tests;
//! - `multi_abi`: [`assemble_each`], one source for several architectures.
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

mod arch_checks;
mod layout;
mod lower;
mod multi_abi;

use crate::arch::Arch;
use crate::diag::{ruby_inspect, Diagnostic, ErrorClass, MissingSyscall, Span};
use crate::insn::Insn;
use crate::lexer::{self, word_len};
use crate::parser;
use arch_checks::names_against_arch_checks;
use layout::Linker;
use lower::Lowering;

pub use crate::options::{Mode, Options};
pub use multi_abi::assemble_each;

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

    let mut linker = Linker {
        strict,
        opts: *opts,
        program: &program,
        diags: errors,
        bad_stmts,
    };
    let result = linker.run(&parsed.orphan_labels, incomplete);
    let mut diags = linker.diags;
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

/// A diagnostic of something seccomp-tools lets through: an error in strict
/// mode, a warning in compatible mode.
fn severity_diag(strict: bool, class: ErrorClass, msg: String, span: Span) -> Diagnostic {
    if strict {
        Diagnostic::error(class, msg, span)
    } else {
        Diagnostic::warning(class, msg, span)
    }
}
