//! Which seccomp ABI each Rust compile target uses.
//!
//! A proc-macro runs on the host, not on the target, so it cannot know the
//! target. It assembles the program once per ABI below and lets `#[cfg]` keep
//! the variant of the target being compiled.

use proc_macro2::TokenStream;
use quote::quote;
use seccomp_asm::Arch;

/// The ABIs a Rust target can have, with the `cfg` predicate selecting them.
/// ABIs with no Rust target (parisc, s390, sh) are reachable with `arch = ...`.
pub fn target_abis() -> Vec<(Arch, TokenStream)> {
    vec![
        (
            Arch::X86_64,
            quote!(all(target_arch = "x86_64", target_pointer_width = "64")),
        ),
        (
            Arch::X32,
            quote!(all(target_arch = "x86_64", target_pointer_width = "32")),
        ),
        (Arch::I386, quote!(target_arch = "x86")),
        (
            Arch::Aarch64,
            quote!(all(target_arch = "aarch64", target_endian = "little")),
        ),
        (Arch::Riscv64, quote!(target_arch = "riscv64")),
        (Arch::S390x, quote!(target_arch = "s390x")),
        (
            Arch::Arm,
            quote!(all(target_arch = "arm", target_endian = "little")),
        ),
        (
            Arch::Armeb,
            quote!(all(target_arch = "arm", target_endian = "big")),
        ),
        (Arch::Loongarch64, quote!(target_arch = "loongarch64")),
        (Arch::M68k, quote!(target_arch = "m68k")),
        (
            Arch::Mips,
            quote!(all(
                any(target_arch = "mips", target_arch = "mips32r6"),
                target_endian = "big"
            )),
        ),
        (
            Arch::Mipsel,
            quote!(all(
                any(target_arch = "mips", target_arch = "mips32r6"),
                target_endian = "little"
            )),
        ),
        (
            Arch::Mips64,
            quote!(all(
                any(target_arch = "mips64", target_arch = "mips64r6"),
                target_endian = "big",
                target_pointer_width = "64"
            )),
        ),
        (
            Arch::Mipsel64,
            quote!(all(
                any(target_arch = "mips64", target_arch = "mips64r6"),
                target_endian = "little",
                target_pointer_width = "64"
            )),
        ),
        (
            Arch::Mips64N32,
            quote!(all(
                any(target_arch = "mips64", target_arch = "mips64r6"),
                target_endian = "big",
                target_pointer_width = "32"
            )),
        ),
        (
            Arch::Mipsel64N32,
            quote!(all(
                any(target_arch = "mips64", target_arch = "mips64r6"),
                target_endian = "little",
                target_pointer_width = "32"
            )),
        ),
        (Arch::Ppc, quote!(target_arch = "powerpc")),
        (
            Arch::Ppc64,
            quote!(all(target_arch = "powerpc64", target_endian = "big")),
        ),
        (
            Arch::Ppc64Le,
            quote!(all(target_arch = "powerpc64", target_endian = "little")),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_target_is_covered_and_agrees_with_arch_native() {
        // Each predicate must select exactly the ABI `Arch::native` reports
        // for the machine running the tests.
        let native = Arch::native().expect("tests run on a seccomp-capable target");
        assert!(target_abis().iter().any(|(arch, _)| *arch == native));
    }

    #[test]
    fn no_abi_is_listed_twice() {
        let abis = target_abis();
        for (i, (a, _)) in abis.iter().enumerate() {
            assert!(abis[i + 1..].iter().all(|(b, _)| a != b), "{a:?}");
        }
    }
}
