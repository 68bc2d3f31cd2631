//! `explain` on any instructions: the policy renders (plain and coloured),
//! and for a filter the kernel would accept, every claim it makes is held to
//! the emulator on inputs inside and outside it (the check of
//! `xtask explain-truth`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use seccomp_asm::insn::decode_prefix;
use seccomp_asm::validate::validate;
use seccomp_asm::{explain, Arch};
use seccomp_suite::explain_truth;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Some((&seed, program)) = rest.split_first() else {
        return;
    };
    let arch = Arch::ALL[usize::from(selector) % Arch::ALL.len()];
    let insns = decode_prefix(program, arch.endian());
    let Ok(policy) = explain::explain(&insns, arch, Some("fuzz")) else {
        return;
    };
    let plain = policy.render(false);
    assert!(plain.starts_with("Seccomp policy for fuzz\n"));
    assert_eq!(policy.to_string(), plain);
    let coloured = policy.render(true);
    assert!(coloured.len() >= plain.len());
    if validate(&insns).is_ok() {
        let mut rng = ChaCha8Rng::seed_from_u64(u64::from(seed));
        if let Err(d) = explain_truth::check(&insns, arch, &mut rng, 16) {
            panic!(
                "explain disagrees with the emulator on {:?}: emulated {}, claimed {:?}\n{}",
                d.data, d.emulated, d.claimed, d.policy
            );
        }
    }
});
