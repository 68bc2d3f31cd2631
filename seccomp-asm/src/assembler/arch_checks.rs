//! Syscall names against the program's own arch checks.
//!
//! Takes an assembled program and the arch its unqualified names were
//! resolved for; gives a diagnostic for each name on a path that only
//! another arch can take (see [`names_against_arch_checks`]).

use super::assembly::{Assembly, NameUse};
use crate::arch::Arch;
use crate::dataflow::Pass;
use crate::diag::{Diagnostic, ErrorClass};

/// A syscall name written without an arch is resolved for `arch`. If the
/// program's own arch check pins the path to that name to another
/// architecture, the number is that of the wrong table on that path: a filter
/// written for x86_64 but assembled for aarch64 would silently compare
/// aarch64 numbers under an x86_64 arch test. Each such name is an error in
/// strict mode and a warning in compatible mode.
pub(super) fn names_against_arch_checks(
    asm: &Assembly,
    arch: Arch,
    strict: bool,
) -> Vec<Diagnostic> {
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
    let mut lines = Pass::new(&asm.insns).enumerate();
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
        out.push(Diagnostic::error_if(
            strict,
            ErrorClass::ArchMismatch,
            msg,
            name.span,
        ));
    }
    out
}
