//! The validator is exact: on every program, `validate` says `Ok` exactly
//! when the running kernel installs the program.

use seccomp_asm::bpf::seccomp::*;
use seccomp_asm::validate::validate;
use seccomp_asm::{Action, Insn};
use seccomp_suite::differential::{self, kernel_accepts};
use seccomp_suite::gen::Kind;
use seccomp_suite::kernel::Harness;

const ALLOW: Insn = Insn::stmt(RET_K, Action::ALLOW);
const RET_ACC: Insn = Insn::stmt(RET_A, 0);
const JEQ: u16 = 0x15;

fn st(slot: u32) -> Insn {
    Insn::stmt(ST_MEM, slot)
}

fn ld(slot: u32) -> Insn {
    Insn::stmt(LD_MEM, slot)
}

fn jeq(jt: u8, jf: u8) -> Insn {
    Insn::new(JEQ, jt, jf, 1)
}

fn ja(k: u32) -> Insn {
    Insn::stmt(JMP_JA, k)
}

/// Programs at the edges of the kernel's rules, with the verdict the
/// kernel's rules give, worked out by hand.
fn edge_cases() -> Vec<(&'static str, Vec<Insn>, bool)> {
    vec![
        // Scratch memory: the kernel's single forward pass.
        (
            "a write before a return still counts after it",
            vec![st(3), ALLOW, ld(3), RET_ACC],
            true,
        ),
        (
            "through a return, another slot",
            vec![st(3), ALLOW, ld(4), RET_ACC],
            false,
        ),
        (
            "ja 0 makes its target start empty",
            vec![ja(0), ld(5), RET_ACC],
            false,
        ),
        (
            "a ja over the write",
            vec![ja(1), st(5), ld(5), RET_ACC],
            false,
        ),
        (
            "dead code after a ja starts with every slot valid",
            vec![ja(1), ld(7), ALLOW],
            true,
        ),
        (
            "a jump target reached before the write",
            vec![jeq(1, 0), st(2), ld(2), RET_ACC],
            false,
        ),
        (
            "written in both arms",
            vec![jeq(0, 2), st(0), ja(1), st(0), ld(0), RET_ACC],
            true,
        ),
        (
            "the kernel's own example: a return between the arms",
            vec![
                jeq(0, 2),
                st(0),
                ja(1),
                Insn::stmt(RET_K, 0),
                ld(0),
                RET_ACC,
            ],
            false,
        ),
        (
            "written before the jump, read in both arms",
            vec![st(9), jeq(0, 1), ld(9), Insn::stmt(LDX_MEM, 9), RET_ACC],
            true,
        ),
        (
            "written in one arm, read after the join",
            vec![jeq(0, 1), st(0), ld(0), RET_ACC],
            false,
        ),
        (
            "stx counts as a write",
            vec![Insn::stmt(STX_MEM, 15), ld(15), RET_ACC],
            true,
        ),
        ("mem[16]", vec![st(16), ALLOW], false),
        // seccomp_data loads.
        ("ld [60]", vec![Insn::stmt(LD_ABS, 60), ALLOW], true),
        ("ld [62]", vec![Insn::stmt(LD_ABS, 62), ALLOW], false),
        ("ld [64]", vec![Insn::stmt(LD_ABS, 64), ALLOW], false),
        (
            "a known ancillary load",
            vec![Insn::stmt(LD_ABS, 0xffff_f000), ALLOW],
            false,
        ),
        ("ldh [0]", vec![Insn::stmt(0x28, 0), ALLOW], false),
        ("ld len", vec![Insn::stmt(LD_LEN, 0), ALLOW], true),
        ("ldx len", vec![Insn::stmt(LDX_LEN, 0), ALLOW], true),
        // Operands.
        ("lsh #31", vec![Insn::stmt(0x64, 31), ALLOW], true),
        ("rsh #32", vec![Insn::stmt(0x74, 32), ALLOW], false),
        ("rsh x ignores k", vec![Insn::stmt(0x7c, 100), ALLOW], true),
        ("div x ignores k", vec![Insn::stmt(0x3c, 0), ALLOW], true),
        ("div #0", vec![Insn::stmt(0x34, 0), ALLOW], false),
        ("mod #3", vec![Insn::stmt(0x94, 3), ALLOW], false),
        ("neg ignores k", vec![Insn::stmt(ALU_NEG, 5), ALLOW], true),
        ("0x8c is no opcode", vec![Insn::stmt(0x8c, 0), ALLOW], false),
        (
            "unused jump offsets",
            vec![Insn::new(LD_IMM, 5, 9, 1), ALLOW],
            true,
        ),
        (
            "ret a ignores k",
            vec![Insn::new(RET_A, 3, 3, 0xdead)],
            true,
        ),
        ("ret x", vec![Insn::stmt(0x0e, 0)], false),
        (
            "high opcode bits",
            vec![Insn::stmt(0x106, Action::ALLOW)],
            false,
        ),
        // Jumps.
        ("ja to the last instruction", vec![ja(0), ALLOW], true),
        ("ja past the end", vec![ja(1), ALLOW], false),
        ("ja by 2^32 - 1", vec![ja(u32::MAX), ALLOW], false),
        ("jeq to the last instruction", vec![jeq(0, 0), ALLOW], true),
        ("jeq past the end", vec![jeq(0, 1), ALLOW], false),
        ("no final return", vec![ALLOW, Insn::stmt(LD_IMM, 0)], false),
    ]
}

#[test]
fn edge_cases_agree_with_the_kernel_and_the_validator() {
    let harness = Harness::new();
    let cases = edge_cases();
    let programs: Vec<&[Insn]> = cases.iter().map(|(_, p, _)| p.as_slice()).collect();
    let verdicts = harness.verdicts(&programs).unwrap();
    for ((name, program, expected), verdict) in cases.iter().zip(verdicts) {
        assert_eq!(
            verdict.is_accepted(),
            *expected,
            "kernel, {name}: {verdict}"
        );
        assert_eq!(
            validate(program).is_ok(),
            *expected,
            "validator, {name}: {:?}",
            validate(program)
        );
    }
}

#[test]
fn shrinking_with_the_kernel_keeps_the_property() {
    // No program makes the validator and the kernel disagree (that is what
    // this file tests), so pretend: a validator that refuses every jeq,
    // against the kernel.
    let harness = Harness::new();
    let program = vec![st(1), jeq(0, 1), ld(1), Insn::stmt(LD_ABS, 4), ALLOW];
    let small = seccomp_suite::shrink::shrink(&program, 1000, |p| {
        let has_jeq = p.iter().any(|i| i.code == JEQ);
        kernel_accepts(&harness, p).map(|kernel| kernel && has_jeq)
    })
    .unwrap();
    assert_eq!(small, vec![Insn::new(JEQ, 0, 0, 0), Insn::stmt(RET_K, 0)]);
}

#[test]
fn generated_programs_agree_with_the_kernel() {
    const SEED: u64 = 0x5ecc_0b9f;
    const COUNT: u64 = 4000;
    let harness = Harness::new();
    let summary = differential::validator_vs_kernel(&harness, SEED, 0..COUNT, 1).unwrap();
    let reports: Vec<String> = summary
        .disagreements
        .iter()
        .take(5)
        .map(|d| differential::report(&harness, d, 2000).unwrap())
        .collect();
    assert!(
        summary.disagreements.is_empty(),
        "{summary}\n\n{}",
        reports.join("\n\n")
    );
    assert_eq!(summary.programs, COUNT);

    // The cases test both verdicts where they should.
    let count = |kind| summary.by_kind[&kind];
    assert_eq!(count(Kind::Empty).accepted, 0);
    let valid = count(Kind::Valid);
    assert_eq!(valid.accepted, valid.programs, "generated valid programs");
    for kind in [
        Kind::AnyOpcode,
        Kind::Mutated,
        Kind::ScratchMemory,
        Kind::Long,
    ] {
        let c = count(kind);
        assert!(0 < c.accepted && c.accepted < c.programs, "{kind:?}: {c:?}");
    }
}
