//! The disassembler on any instructions, with every option and arch: one
//! line per instruction (plus the header), and the reference's error for
//! unsupported lines.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seccomp_asm::disasm::{disassemble, first_unsupported, DisasmOptions};
use seccomp_asm::insn::decode_prefix;
use seccomp_asm::Arch;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Some((&flags, bytes)) = rest.split_first() else {
        return;
    };
    let arch = Arch::ALL[usize::from(selector) % Arch::ALL.len()];
    let opts = DisasmOptions {
        arch,
        bpf: flags & 1 != 0,
        arg_infer: flags & 2 != 0,
        color: flags & 4 != 0,
    };
    let insns = decode_prefix(bytes, arch.endian());
    let out = disassemble(&insns, &opts);
    let header = if opts.bpf { 2 } else { 0 };
    assert_eq!(out.lines().count(), header + insns.len().max(1));
    assert!(out.ends_with('\n'));
    if let Some(u) = first_unsupported(&insns) {
        assert!(u.pc < insns.len());
        let _ = u.to_string();
    }
});
