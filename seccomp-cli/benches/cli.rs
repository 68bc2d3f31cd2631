//! In-process time of `seccomp asm`, `disasm` and `emu` on a filter of 4088
//! instructions (`data/allow-list-4088.asm`): everything a command does but
//! start, read its input and write its output. `whole-command.sh` measures
//! the whole processes; BENCHMARKS.md has the figures.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use seccomp_asm::Arch;
use seccomp_cli::cli::AsmFormat;
use seccomp_cli::commands::asm::render;
use seccomp_cli::engine::{self, AsmRequest, DisasmRequest, EmuRequest};
use seccomp_cli::io::decode_filter;

const SOURCE: &[u8] = include_bytes!("data/allow-list-4088.asm");
const ARCH: Arch = Arch::X86_64;
/// `ioctl`: its request is tested at the very end of the filter.
const IOCTL: u32 = 16;
const LAST_IOCTL_REQUEST: u64 = 0x79eb;

fn assemble_raw(source: &[u8]) -> Vec<u8> {
    let assembled = engine::assemble(&AsmRequest {
        source,
        filename: "allow-list-4088.asm",
        arch: ARCH,
        strict: false,
        relax_jumps: false,
    })
    .expect("the benchmark filter assembles");
    render(&assembled.insns, ARCH, AsmFormat::Raw).expect("raw output")
}

fn benches(c: &mut Criterion) {
    let raw = assemble_raw(SOURCE);
    assert_eq!(raw.len(), 4088 * 8);

    c.bench_function("asm -f raw (4088 instructions)", |b| {
        b.iter(|| assemble_raw(black_box(SOURCE)))
    });

    let disasm = DisasmRequest::default_for(ARCH, false);
    c.bench_function("disasm (4088 instructions)", |b| {
        b.iter(|| {
            let insns = decode_filter(black_box(&raw), ARCH, "f").expect("whole instructions");
            engine::disassemble(&insns, &disasm).expect("disassembles")
        })
    });

    for quiet in [false, true] {
        let request = EmuRequest {
            arch: ARCH,
            sys_nr: Some(IOCTL),
            args: vec![0, LAST_IOCTL_REQUEST],
            instruction_pointer: None,
            quiet,
            color: false,
        };
        let name = if quiet {
            "emu -q (4088 instructions)"
        } else {
            "emu (4088 instructions)"
        };
        c.bench_function(name, |b| {
            b.iter(|| {
                let insns = decode_filter(black_box(&raw), ARCH, "f").expect("whole instructions");
                engine::emulate(&insns, &request).expect("returns")
            })
        });
    }
}

criterion_group!(cli, benches);
criterion_main!(cli);
