//! In-process time of `seccomp asm`, `disasm` and `emu` on a filter of 4088
//! instructions (`data/allow-list-4088.asm`), and of `explain` and `audit` on
//! it, on two prefixes of it (`data/allow-list-256.asm`, `allow-list-1024.asm`)
//! and on a short filter of 4096 paths (`paths-00` of
//! `seccomp-conformance/data/conformance/extra/paths.jsonl`): everything a command does but
//! start, read its input and write its output. `whole-command.sh` measures
//! the whole processes; BENCHMARKS.md has the figures.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use seccomp_asm::{audit, explain, Arch};
use seccomp_cli::cli::AsmFormat;
use seccomp_cli::commands::asm::render;
use seccomp_cli::engine::{self, AsmRequest, DisasmRequest, EmuRequest};
use seccomp_cli::io::decode_filter;

const SOURCE: &[u8] = include_bytes!("data/allow-list-4088.asm");
const SOURCE_256: &[u8] = include_bytes!("data/allow-list-256.asm");
const SOURCE_1024: &[u8] = include_bytes!("data/allow-list-1024.asm");
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

/// The 55-instruction filter of 4096 paths of the conformance corpus.
fn paths_raw() -> Vec<u8> {
    let records = seccomp_conformance::records("conformance/extra/paths.jsonl");
    seccomp_conformance::unhex(seccomp_conformance::str_field(&records[0], "hex"))
}

/// `explain`, `audit` and `audit -f json` on filters of three sizes built
/// alike, and on one whose few instructions make 4096 paths.
fn explain_audit(c: &mut Criterion) {
    let filters = [
        ("allow-list-256", assemble_raw(SOURCE_256), 256),
        ("allow-list-1024", assemble_raw(SOURCE_1024), 1024),
        ("allow-list-4088", assemble_raw(SOURCE), 4088),
        ("paths", paths_raw(), 55),
    ];
    for (name, raw, len) in &filters {
        assert_eq!(raw.len(), len * 8, "{name}");
    }

    let mut group = c.benchmark_group("explain");
    for (name, raw, _) in &filters {
        group.bench_function(*name, |b| {
            b.iter(|| {
                let insns = decode_filter(black_box(raw), ARCH, "f").expect("whole instructions");
                explain::explain(&insns, ARCH, Some("filter.bpf"))
                    .expect("readable")
                    .render(false)
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("audit");
    for (name, raw, _) in &filters {
        group.bench_function(*name, |b| {
            b.iter(|| {
                let insns = decode_filter(black_box(raw), ARCH, "f").expect("whole instructions");
                audit::audit(&insns, ARCH, Some("filter.bpf"))
                    .expect("readable")
                    .render(false)
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("audit -f json");
    for (name, raw, _) in &filters {
        group.bench_function(*name, |b| {
            b.iter(|| {
                let insns = decode_filter(black_box(raw), ARCH, "f").expect("whole instructions");
                let report = audit::audit(&insns, ARCH, Some("filter.bpf")).expect("readable");
                audit::json(&[report])
            })
        });
    }
    group.finish();
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

criterion_group!(cli, benches, explain_audit);
criterion_main!(cli);
