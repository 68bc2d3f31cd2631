//! Disassembly and emulation of filters near the kernel's size limit.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use seccomp_asm::bpf::{self, seccomp as op};
use seccomp_asm::dataflow::Analysis;
use seccomp_asm::disasm::{disassemble, DisasmOptions};
use seccomp_asm::emu::emulate;
use seccomp_asm::{Arch, Endian, Insn, SeccompData};

const ALLOW: u32 = 0x7fff_0000;
const ERRNO_1: u32 = 0x0005_0001;
const KILL_PROCESS: u32 = 0x8000_0000;

fn jeq(k: u32, jt: u8, jf: u8) -> Insn {
    Insn::new(bpf::JMP | bpf::JEQ, jt, jf, k)
}

/// An allowlist in libseccomp's style: the arch check, then per syscall a
/// test of its number and a check of its first argument's two words.
/// 4 + 6 * 680 = 4084 instructions, plus the final returns.
fn allowlist() -> Vec<Insn> {
    let mut p = vec![
        Insn::stmt(op::LD_ABS, 4),
        jeq(0xc000_003e, 1, 0),
        Insn::stmt(op::RET_K, KILL_PROCESS),
        Insn::stmt(op::LD_ABS, 0),
    ];
    for nr in 0..680 {
        p.extend([
            jeq(nr, 0, 5),
            Insn::stmt(op::LD_ABS, 20),
            jeq(0, 0, 2),
            Insn::stmt(op::LD_ABS, 16),
            jeq(nr, 1, 0),
            Insn::stmt(op::LD_ABS, 0),
        ]);
    }
    p.push(Insn::stmt(op::RET_K, ERRNO_1));
    p.push(Insn::stmt(op::RET_K, ALLOW));
    p.push(Insn::stmt(op::RET_K, ALLOW));
    p.push(Insn::stmt(op::RET_K, ALLOW));
    p
}

/// 1000 syscall tests that all jump to one shared block of argument checks,
/// so 1001 paths, each pinning its own syscall (or none), meet there.
/// 1 + 2 * 1000 + 2 * 1044 + 1 = 4090 instructions.
fn shared_tail() -> Vec<Insn> {
    let tests = 1000u32;
    let tail = 1 + 2 * tests;
    let mut p = vec![Insn::stmt(op::LD_ABS, 0)];
    for nr in 0..tests {
        // Taken: fall into the goto; not taken: skip it to the next test.
        let goto = tail - (p.len() as u32 + 2);
        p.push(jeq(nr, 0, 1));
        p.push(Insn::stmt(op::JMP_JA, goto));
    }
    for i in 0..1044u32 {
        p.push(Insn::stmt(op::LD_ABS, 16 + 8 * (i % 6)));
        p.push(jeq(i, 0, 0));
    }
    p.push(Insn::stmt(op::RET_K, ALLOW));
    p
}

fn bench(c: &mut Criterion) {
    for (name, program) in [("allowlist", allowlist()), ("shared_tail", shared_tail())] {
        assert!(program.len() <= bpf::MAXINSNS, "{name}: {}", program.len());
        let opts = DisasmOptions::new(Arch::X86_64);
        c.bench_function(&format!("analysis/{name}/{}", program.len()), |b| {
            b.iter(|| Analysis::new(black_box(&program)))
        });
        c.bench_function(&format!("disasm/{name}/{}", program.len()), |b| {
            b.iter(|| disassemble(black_box(&program), &opts))
        });
        let data = SeccompData {
            nr: 679,
            arch: 0xc000_003e,
            ..SeccompData::default()
        };
        c.bench_function(&format!("emulate/{name}/{}", program.len()), |b| {
            b.iter(|| emulate(black_box(&program), &data, Endian::Little))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
