//! Which seccomp ABI each Rust compile target uses.
//!
//! A proc-macro runs on the host, not on the target, so it cannot know the
//! target. It assembles the program once per ABI below and lets `#[cfg]` keep
//! the variant of the target being compiled.

use proc_macro2::TokenStream;
use quote::quote;
use seccomp_asm::arch::RustTarget;
use seccomp_asm::{Arch, Endian};

/// The ABIs a Rust target can have ([`Arch::RUST_TARGETS`]), with the `cfg`
/// predicate selecting them. ABIs with no Rust target (parisc, s390, sh) are
/// reachable with `arch = ...`.
pub fn target_abis() -> Vec<(Arch, TokenStream)> {
    Arch::RUST_TARGETS
        .iter()
        .map(|(arch, target)| (*arch, predicate(target)))
        .collect()
}

/// `target_arch = "x86"`, or `all(...)` of the target_arch (`any(...)` of
/// several), the byte order and the pointer width that select the target.
fn predicate(target: &RustTarget) -> TokenStream {
    let arches = target.target_arch.iter().map(|a| quote!(target_arch = #a));
    let arch = match target.target_arch {
        [_] => quote!(#(#arches)*),
        _ => quote!(any(#(#arches),*)),
    };
    let endian = target.endian.map(|e| {
        let e = match e {
            Endian::Little => "little",
            Endian::Big => "big",
        };
        quote!(target_endian = #e)
    });
    let width = target.pointer_width.map(|w| {
        let w = w.to_string();
        quote!(target_pointer_width = #w)
    });
    if endian.is_none() && width.is_none() {
        return arch;
    }
    let rest = endian.into_iter().chain(width);
    quote!(all(#arch, #(#rest),*))
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
    fn predicates_read_as_cfg_does() {
        let abis = target_abis();
        let of = |arch: Arch| {
            let (_, p) = abis.iter().find(|(a, _)| *a == arch).expect("listed");
            p.to_string()
        };
        assert_eq!(of(Arch::I386), quote!(target_arch = "x86").to_string());
        assert_eq!(
            of(Arch::X32),
            quote!(all(target_arch = "x86_64", target_pointer_width = "32")).to_string()
        );
        assert_eq!(
            of(Arch::Mipsel64N32),
            quote!(all(
                any(target_arch = "mips64", target_arch = "mips64r6"),
                target_endian = "little",
                target_pointer_width = "32"
            ))
            .to_string()
        );
    }
}
