//! The lints `asm --strict` and `check` run ([`seccomp_asm::lint`]): their
//! levels from `--allow`, `--warn` and `--deny`, and their findings in each
//! command's form, pointing at a source statement (`asm`) or at a line of a
//! raw filter (`check`).

use seccomp_asm::diag::Span;
use seccomp_asm::lint::{self, Level, Levels, Lint, LintFinding};
use seccomp_asm::{Arch, Insn};

use crate::cli::LintArgs;
use crate::error::Failure;

/// The levels the command line asks for, over the defaults. A lint given
/// two different levels is a usage error: the flags are collected per
/// level, so which came last is not known, and guessing would let a CI
/// configuration silently weaken a check.
pub fn levels(args: &LintArgs) -> Result<Levels, Failure> {
    let mut levels = Levels::default();
    let mut given: Vec<(Lint, Level)> = Vec::new();
    for (level, lints) in [
        (Level::Allow, &args.allow),
        (Level::Warn, &args.warn),
        (Level::Deny, &args.deny),
    ] {
        for &lint in lints {
            if let Some(&(_, other)) = given.iter().find(|&&(l, lv)| l == lint && lv != level) {
                return Err(Failure::usage(format!(
                    "lint `{lint}` is given two levels, --{} and --{}",
                    other.name(),
                    level.name()
                )));
            }
            given.push((lint, level));
            levels.set(lint, level);
        }
    }
    Ok(levels)
}

/// The findings for a filter built for `arch`, denied ones first, each
/// level in the order of the filter's lines (findings about the whole filter
/// last), as a compiler lists its diagnostics; `name` is what an error calls
/// the filter.
pub fn run(
    insns: &[Insn],
    arch: Arch,
    levels: &Levels,
    name: &str,
) -> Result<Vec<LintFinding>, Failure> {
    let mut findings = lint::lint(insns, arch, levels)
        .map_err(|e| Failure::new(format!("{name}: the lints cannot follow the filter: {e}")))?;
    lint::sort_for_report(&mut findings);
    Ok(findings)
}

/// How many findings are denied.
pub fn denied(findings: &[LintFinding]) -> usize {
    findings.iter().filter(|f| f.level == Level::Deny).count()
}

/// How many findings are warnings.
pub fn warnings(findings: &[LintFinding]) -> usize {
    findings.iter().filter(|f| f.level == Level::Warn).count()
}

/// `N thing` or `N things`.
fn count(n: usize, thing: &str) -> String {
    format!("{n} {thing}{}", if n == 1 { "" } else { "s" })
}

/// How to change the level of a finding, for `asm`'s note.
fn note(f: &LintFinding) -> String {
    let name = f.lint.name();
    match f.level {
        Level::Deny => {
            format!("`--warn {name}` to make it a warning, `--allow {name}` to allow it")
        }
        Level::Warn | Level::Allow => format!("`--allow {name}` to allow it"),
    }
}

/// `asm`'s rendering of the findings on a program assembled from `src`
/// ([`lint::render_findings`]), each with a note on the flag that changes
/// its level. `spans[pc]` is the statement of instruction `pc`.
pub fn render_diagnostics(
    findings: &[LintFinding],
    spans: &[Span],
    src: &[u8],
    filename: &str,
) -> String {
    lint::render_findings(findings, spans, src, filename, &note)
}

/// The last line of `asm`'s report when a lint is denied.
pub fn refusal(findings: &[LintFinding]) -> String {
    let warned = warnings(findings);
    let also = if warned == 0 {
        String::new()
    } else {
        format!(" (and {})", count(warned, "warning"))
    };
    format!(
        "error: the program is refused by {}{also}; nothing was written\n",
        count(denied(findings), "denied lint")
    )
}

/// `check`'s rendering of the findings on a raw filter: one line each,
/// `deny  [lint] line NNNN: message` (`filter:` for a finding about the
/// whole filter), then a summary line naming the architecture linted for.
/// The second value is whether nothing is denied.
pub fn render_lines(findings: &[LintFinding], arch: Arch) -> (String, bool) {
    let mut out = String::new();
    for f in findings {
        let at = match f.pc {
            Some(pc) => format!("line {pc:04}"),
            None => "filter".to_owned(),
        };
        // Padded to the longest level name, so that the lint names align.
        out.push_str(&format!(
            "{:<5} [{}] {at}: {}\n",
            f.level.name(),
            f.lint,
            f.message
        ));
    }
    let (denied, warned) = (denied(findings), warnings(findings));
    let summary = match (denied, warned) {
        (0, 0) => format!("lints: nothing found for {arch}"),
        (0, w) => format!("lints: {} for {arch}, none denied", count(w, "warning")),
        (d, w) => format!(
            "lints: {} denied, {} for {arch}; the filter fails the check \
             (`--warn LINT` or `--allow LINT` changes a level)",
            d,
            count(w, "warning")
        ),
    };
    out.push_str(&summary);
    out.push('\n');
    (out, denied == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(lint: Lint, level: Level, pc: Option<usize>) -> LintFinding {
        LintFinding {
            lint,
            level,
            message: format!("{lint} found."),
            pc,
            finding: None,
        }
    }

    #[test]
    fn levels_set_over_the_defaults_and_refuse_two_for_one_lint() {
        let args = LintArgs {
            allow: vec![Lint::X32Guard],
            warn: vec![],
            deny: vec![Lint::DangerousAllow, Lint::DangerousAllow],
        };
        let set = levels(&args).unwrap();
        assert_eq!(set.get(Lint::X32Guard), Level::Allow);
        assert_eq!(set.get(Lint::DangerousAllow), Level::Deny);
        assert_eq!(set.get(Lint::ArchUnchecked), Level::Deny);
        assert_eq!(set.get(Lint::OrwChain), Level::Allow);
        let args = LintArgs {
            allow: vec![Lint::X32Guard],
            warn: vec![],
            deny: vec![Lint::X32Guard],
        };
        let err = levels(&args).unwrap_err();
        assert_eq!(
            (err.message.as_str(), err.code),
            (
                "lint `x32_guard` is given two levels, --allow and --deny",
                2
            )
        );
    }

    #[test]
    fn diagnostics_point_at_the_statement_and_say_how_to_change_the_level() {
        let src = b"A = arch\nA = sys_number\nreturn ALLOW\n";
        let spans = [Span::new(0, 8), Span::new(9, 23), Span::new(24, 36)];
        let findings = [
            finding(Lint::X32Guard, Level::Deny, Some(1)),
            finding(Lint::OrwChain, Level::Warn, None),
        ];
        assert_eq!(
            render_diagnostics(&findings, &spans, src, "f.asm"),
            "f.asm:2:1 error[x32_guard]: x32_guard found.\n\
             A = sys_number\n\
             ^^^^^^^^^^^^^^\n  \
             = note: `--warn x32_guard` to make it a warning, `--allow x32_guard` to allow it\n\
             \n\
             f.asm: warning[orw_chain]: orw_chain found.\n  \
             = note: `--allow orw_chain` to allow it\n"
        );
        assert_eq!(
            refusal(&findings),
            "error: the program is refused by 1 denied lint (and 1 warning); nothing was written\n"
        );
    }

    #[test]
    fn lines_and_summaries() {
        let findings = [
            finding(Lint::X32Guard, Level::Deny, Some(2)),
            finding(Lint::KernelCache, Level::Warn, None),
        ];
        assert_eq!(
            render_lines(&findings, Arch::X86_64),
            (
                "deny  [x32_guard] line 0002: x32_guard found.\n\
                 warn  [kernel_cache] filter: kernel_cache found.\n\
                 lints: 1 denied, 1 warning for amd64; the filter fails the check \
                 (`--warn LINT` or `--allow LINT` changes a level)\n"
                    .to_owned(),
                false
            )
        );
        assert_eq!(
            render_lines(&findings[1..], Arch::X86_64),
            (
                "warn  [kernel_cache] filter: kernel_cache found.\n\
                 lints: 1 warning for amd64, none denied\n"
                    .to_owned(),
                true
            )
        );
        assert_eq!(
            render_lines(&[], Arch::Aarch64),
            ("lints: nothing found for aarch64\n".to_owned(), true)
        );
    }
}
