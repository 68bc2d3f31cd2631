//! One source assembled for several architectures at the cost of about one
//! assembly per byte order.
//!
//! Takes a source and the architectures; gives what strict
//! [`assemble`](super::pipeline::assemble) gives for each ([`assemble_each`]).

use super::arch_checks::names_against_arch_checks;
use super::assembly::Assembly;
use super::pipeline::assemble_with_base;
use crate::arch::Arch;
use crate::bpf;
use crate::diag::Diagnostic;
use crate::options::{Mode, Options};
use crate::validate;

/// Strict-mode assembly of one source for several architectures: the same
/// results as [`assemble`](super::pipeline::assemble) with [`Mode::Strict`] for each
/// arch in turn, in that order, computed without assembling the source again
/// for each.
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
