//! The stages of assembly, one after the other.
//!
//! Takes the source's bytes and the [`Options`]; gives an [`Assembly`] or the
//! errors that stopped it. The lexer feeds the parser, whose statements are
//! lowered one by one as they come; then the program is laid out, and its
//! names are checked against its arch tests.

use super::arch_checks::names_against_arch_checks;
use super::assembly::Assembly;
use super::layout::Linker;
use super::lower::Lowering;
use crate::arch::Arch;
use crate::diag::{ruby_inspect, Diagnostic, ErrorClass, MissingSyscall, Span};
use crate::lexer::{self, word_len};
use crate::options::{Mode, Options};
use crate::parser;

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
pub(super) fn assemble_with_base(
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
