//! What the macro adds to the core's diagnostics, and the listing it
//! documents a filter with.

use seccomp_asm::diag::Diagnostic;
use seccomp_asm::disasm;
use seccomp_asm::{Arch, Insn};

/// A syscall missing on the ABI picked from the compile target: say so, and
/// how to name the syscall of the ABI the user meant.
pub fn explain_target_name(diag: &mut Diagnostic, arch: Arch) {
    let Some(name) = diag
        .missing_syscall
        .as_ref()
        .filter(|missing| missing.arch == arch)
        .map(|missing| missing.name.clone())
    else {
        return;
    };
    let name = name.as_str();
    let elsewhere = Arch::first_with_syscall(name);
    let example = elsewhere.map_or_else(|| format!("<arch>.{name}"), |a| format!("{a}.{name}"));
    diag.message.push_str(&format!(
        " (the target being compiled); unqualified names are resolved for each target's ABI: \
         write `{example}`, or choose the ABI with `seccomp!(arch = ..., ...)`"
    ));
}

/// The disassembly of a program, one line per instruction, for the
/// expansion's doc text.
pub fn listing(insns: &[Insn], arch: Arch) -> Vec<String> {
    disasm::listing(insns, arch)
        .lines()
        .map(str::to_string)
        .collect()
}
