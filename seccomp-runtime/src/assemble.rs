//! [`Assembler`]: seccomp-tools text assembled at run time into an
//! [`OwnedFilter`], with the checks `seccomp!` applies at build time.

use crate::filter::OwnedFilter;
use core::fmt;
use seccomp_asm::assembler::{assemble, Mode, Options};
use seccomp_asm::diag::{render, Diagnostic, ErrorClass, Span};
use seccomp_asm::explain::Analysis;
use seccomp_asm::lint::{
    lint_analysis, render_findings, sort_for_report, Level, Levels, Lint, LintFinding,
};
use seccomp_asm::Arch;

/// Assembles a policy read or built at run time (a configuration file, a
/// service's own settings) the way `seccomp!` compiles one:
///
/// - **strict mode**: every error of seccomp-tools, what seccomp-tools masks
///   silently (constants wider than 32 bits, `ERRNO` above 4095, jumps past
///   the end), and every rule of the kernel, all reported at once, each at
///   its statement;
/// - **lints** for the ABI assembled for, at `seccomp!`'s default levels
///   unless set: a denied finding refuses the program, warnings come with
///   the filter.
///
/// The result is an [`OwnedFilter`] in read-only memory, installed like any
/// other filter.
///
/// ```
/// use seccomp_runtime::{Arch, Assembler, Lint, SeccompData, Action};
///
/// let policy = "\
///     A = arch
///     if (A != ARCH_X86_64) goto dead
///     A = sys_number
///     if (A >= 0x40000000) goto dead
///     if (A == write) goto ok
///     return ERRNO(1)
///     ok: return ALLOW
///     dead: return KILL
/// ";
/// let assembled = Assembler::new(Arch::X86_64).name("policy.asm").assemble(policy)?;
/// assert!(assembled.warnings().is_empty());
/// let filter = assembled.into_filter();
/// let write = SeccompData { nr: 1, arch: 0xc000_003e, ..Default::default() };
/// assert_eq!(filter.emulate(&write), Action::Allow(0));
///
/// // No arch check: refused, as `seccomp!` would refuse it.
/// let err = Assembler::new(Arch::X86_64).assemble("A = sys_number\nreturn ALLOW").unwrap_err();
/// assert!(err.lints().iter().any(|f| f.lint == Lint::ArchUnchecked));
/// # Ok::<(), seccomp_runtime::AssembleError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Assembler {
    arch: Arch,
    levels: Levels,
    relax_jumps: bool,
    name: String,
}

impl Assembler {
    /// An assembler for `arch`: its syscall names, byte order and argument
    /// layout, and the ABI the lints check for.
    pub fn new(arch: Arch) -> Assembler {
        Assembler {
            arch,
            levels: Levels::default(),
            relax_jumps: false,
            name: "<policy>".to_owned(),
        }
    }

    /// What error messages call the source (a file name, say; default
    /// `<policy>`).
    pub fn name(mut self, name: impl Into<String>) -> Assembler {
        self.name = name.into();
        self
    }

    /// Route conditional jumps farther than 255 instructions through `goto`
    /// trampolines instead of refusing them (default: off).
    pub fn relax_jumps(mut self, relax: bool) -> Assembler {
        self.relax_jumps = relax;
        self
    }

    /// The level of a lint.
    pub fn level(mut self, lint: Lint, level: Level) -> Assembler {
        self.levels.set(lint, level);
        self
    }

    /// Does not report `lint`.
    pub fn allow(self, lint: Lint) -> Assembler {
        self.level(lint, Level::Allow)
    }

    /// Reports `lint` as a warning.
    pub fn warn(self, lint: Lint) -> Assembler {
        self.level(lint, Level::Warn)
    }

    /// Refuses a program `lint` finds something in.
    pub fn deny(self, lint: Lint) -> Assembler {
        self.level(lint, Level::Deny)
    }

    /// Assembles `source`: a filter and its warnings, or every error.
    pub fn assemble(&self, source: &str) -> Result<Assembled, AssembleError> {
        let src = source.as_bytes();
        let opts = Options {
            arch: self.arch,
            mode: Mode::Strict,
            relax_jumps: self.relax_jumps,
        };
        let asm = assemble(src, &opts).map_err(|diagnostics| AssembleError {
            text: render(&diagnostics, src, &self.name, Mode::Strict),
            diagnostics,
            lints: Vec::new(),
        })?;
        let analysis = Analysis::new(&asm.insns).map_err(|e| {
            let message = format!("the lints cannot follow the filter: {e}");
            let diagnostics = vec![Diagnostic::error(
                ErrorClass::Lint,
                message,
                Span::new(0, 0),
            )];
            AssembleError {
                text: render(&diagnostics, src, &self.name, Mode::Strict),
                diagnostics,
                lints: Vec::new(),
            }
        })?;
        let mut findings = lint_analysis(&analysis, &asm.insns, self.arch, &self.levels);
        sort_for_report(&mut findings);
        let text = render_findings(&findings, &asm.spans, src, &self.name, &note);
        if findings.iter().any(|f| f.level == Level::Deny) {
            return Err(AssembleError {
                diagnostics: Vec::new(),
                lints: findings,
                text,
            });
        }
        Ok(Assembled {
            filter: OwnedFilter::sealed(&asm.insns, self.arch),
            warnings: findings,
            text,
        })
    }
}

/// How to change the level of a finding.
fn note(f: &LintFinding) -> String {
    let name = f.lint.name();
    match f.level {
        Level::Deny => format!(
            "`{name}` is deny by default; `Assembler::allow` allows it, `Assembler::warn` makes \
             it a warning"
        ),
        Level::Warn | Level::Allow => format!("`Assembler::allow` allows `{name}`"),
    }
}

/// A filter [`Assembler::assemble`] made, and the lints' warnings on it.
#[derive(Debug)]
pub struct Assembled {
    filter: OwnedFilter,
    warnings: Vec<LintFinding>,
    text: String,
}

impl Assembled {
    /// The filter.
    pub fn filter(&self) -> &OwnedFilter {
        &self.filter
    }

    /// The filter, leaving the warnings.
    pub fn into_filter(self) -> OwnedFilter {
        self.filter
    }

    /// The lints' warnings, in the order of the program.
    pub fn warnings(&self) -> &[LintFinding] {
        &self.warnings
    }

    /// The warnings as a compiler prints them, each at its statement; empty
    /// when there are none.
    pub fn warnings_text(&self) -> &str {
        &self.text
    }
}

/// Why [`Assembler::assemble`] made no filter: the assembler's errors, or,
/// for a program that assembles, the lints that refuse it. Displays every
/// one as a compiler prints them, each at its statement with carets.
#[derive(Clone, Debug)]
pub struct AssembleError {
    diagnostics: Vec<Diagnostic>,
    lints: Vec<LintFinding>,
    text: String,
}

impl AssembleError {
    /// The assembler's errors, in the order of the source (empty when the
    /// lints refused the program).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The lints' findings, denied ones first (empty when the program did
    /// not assemble).
    pub fn lints(&self) -> &[LintFinding] {
        &self.lints
    }
}

impl fmt::Display for AssembleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text.trim_end())
    }
}

impl std::error::Error for AssembleError {}
