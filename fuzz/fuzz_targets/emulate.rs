//! The emulator and the `seccomp-tools emu` output on any instructions and
//! input, some input words undefined.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seccomp_asm::emu::{emu_output, emulate, emulate_input, EmuInput};
use seccomp_asm::insn::decode_prefix;
use seccomp_asm::{Arch, SeccompData};

/// Bytes of input taken before the program: selector, flags, then the
/// 64 bytes of seccomp_data.
const HEAD: usize = 2 + 64;

fuzz_target!(|data: &[u8]| {
    if data.len() < HEAD {
        return;
    }
    let (head, program) = data.split_at(HEAD);
    let arch = Arch::ALL[usize::from(head[0]) % Arch::ALL.len()];
    let flags = head[1];
    let word = |i: usize| u64::from_le_bytes(head[2 + 8 * i..10 + 8 * i].try_into().unwrap());
    let seccomp_data = SeccompData {
        nr: word(0) as i32,
        arch: (word(0) >> 32) as u32,
        instruction_pointer: word(1),
        args: [word(2), word(3), word(4), word(5), word(6), word(7)],
    };
    let insns = decode_prefix(program, arch.endian());
    let full = emulate(&insns, &seccomp_data, arch.endian());
    if let Ok(out) = &full {
        assert_eq!(out.path.last(), Some(&out.pc));
        assert!(out.path.windows(2).all(|w| w[0] < w[1]));
    }
    // Leave some words undefined, as `seccomp-tools emu` does.
    let mut input = EmuInput::from(&seccomp_data);
    let given = usize::from(flags & 7).min(6);
    for arg in &mut input.args[given..] {
        *arg = None;
    }
    if flags & 8 != 0 {
        input.sys_nr = None;
    }
    if flags & 16 != 0 {
        input.instruction_pointer = None;
    }
    let partial = emulate_input(&insns, &input, arch.endian());
    if given == 6 && flags & 24 == 0 {
        assert_eq!(partial, full);
    }
    let text = emu_output(&insns, arch, &input, flags & 32 != 0, flags & 64 != 0);
    assert_eq!(text.is_ok(), partial.is_ok());
});
