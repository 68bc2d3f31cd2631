//! The validator on any instructions. A program it accepts must run to a
//! return in the emulator on any input (the kernel's checks guarantee
//! termination and in-range accesses), which the input's tail supplies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seccomp_asm::emu::emulate;
use seccomp_asm::insn::decode_prefix;
use seccomp_asm::validate::validate;
use seccomp_asm::{Endian, SeccompData};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let endian = if selector & 1 == 0 {
        Endian::Little
    } else {
        Endian::Big
    };
    let insns = decode_prefix(rest, endian);
    match validate(&insns) {
        Ok(()) => {
            // The words of the seccomp_data: the bytes past the program,
            // repeated.
            let mut words = rest.chunks(8).map(|c| {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                u64::from_le_bytes(w)
            });
            let mut next = || words.next().unwrap_or(0);
            let input = SeccompData {
                nr: next() as i32,
                arch: next() as u32,
                instruction_pointer: next(),
                args: [next(), next(), next(), next(), next(), next()],
            };
            let out = emulate(&insns, &input, endian);
            assert!(out.is_ok(), "a valid program failed to run: {out:?}");
        }
        Err(violations) => {
            assert!(!violations.is_empty());
            for v in &violations {
                if let Some(pc) = v.pc() {
                    assert!(pc < insns.len().max(1));
                }
                let _ = v.to_string();
            }
        }
    }
});
