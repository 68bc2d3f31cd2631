//! Checks that need the whole assembled program, and its listing.

use seccomp_asm::analysis::Analysis;
use seccomp_asm::assembler::Assembly;
use seccomp_asm::diag::{Diagnostic, ErrorClass};
use seccomp_asm::disasm;
use seccomp_asm::{Arch, Insn};

/// A syscall name written without an arch resolves for the ABI being
/// compiled. If the program's own arch check pins the path to that name to
/// another architecture, the number is wrong on that path: a filter meant
/// for x86_64 compiled for aarch64 would silently check aarch64 numbers
/// under an x86_64 arch test. Each such name is an error.
pub fn names_match_arch_checks(asm: &Assembly, arch: Arch) -> Vec<Diagnostic> {
    let unqualified: Vec<_> = asm.names.iter().filter(|n| n.qualified.is_none() && is_syscall(n)).collect();
    if unqualified.is_empty() {
        return Vec::new();
    }
    let analysis = Analysis::new(&asm.insns);
    let mut out = Vec::new();
    for name in unqualified {
        let Some(pinned) = analysis.arch(name.insn) else { continue };
        if pinned == arch.audit() {
            continue;
        }
        let pinned_name = Arch::from_audit(pinned).map(Arch::name);
        let msg = match pinned_name {
            Some(p) => format!(
                "syscall `{n}` is resolved for {arch} (the ABI being compiled), but the arch check \
                 before it only lets {p} through; write `{p}.{n}`, or compile the filter for {p} with \
                 `seccomp!(arch = {p}, ...)`",
                n = name.name
            ),
            None => format!(
                "syscall `{n}` is resolved for {arch} (the ABI being compiled), but the arch check \
                 before it only lets arch {pinned:#x} through; qualify the name (`<arch>.{n}`) or set \
                 `seccomp!(arch = ..., ...)`",
                n = name.name
            ),
        };
        out.push(Diagnostic::error(ErrorClass::ArchMismatch, msg, name.span));
    }
    out
}

/// Whether a name use is a syscall name (not an `ARCH_*` constant, which
/// means the same on every ABI).
fn is_syscall(name: &seccomp_asm::assembler::NameUse) -> bool {
    !name.name.starts_with("ARCH_")
}

/// The disassembly of a program, one line per instruction, for the
/// expansion's doc text.
pub fn listing(insns: &[Insn], arch: Arch) -> Vec<String> {
    disasm::listing(insns, arch).lines().map(str::to_string).collect()
}
