//! explain and audit stay bounded on filters built to defeat them: paths
//! that double at every test, and expressions that double at every other
//! instruction.

use seccomp_asm::bpf::{self, seccomp::*};
use seccomp_asm::{audit, explain, validate, Arch, Insn};

/// 4096 instructions: 1365 independent bit tests on the arguments, each
/// forking the paths in two that meet again, then one return. 2^1365 paths.
fn path_explosion() -> Vec<Insn> {
    let mut prog = Vec::new();
    for i in 0..1365u32 {
        prog.push(Insn::stmt(LD_ABS, 16 + 4 * (i % 12)));
        prog.push(Insn::new(bpf::JMP | bpf::JSET, 0, 1, 1 << (i % 32)));
        prog.push(Insn::stmt(JMP_JA, 0));
    }
    prog.push(Insn::stmt(RET_K, 0x7fff_0000));
    assert_eq!(prog.len(), 4096);
    validate::validate(&prog).expect("valid");
    prog
}

#[test]
fn exploding_paths_are_cut_at_the_budget_and_said_to_be() {
    let prog = path_explosion();
    let policy = explain::explain(&prog, Arch::X86_64, Some("f")).expect("walkable");
    assert!(policy.truncated());
    let text = policy.to_string();
    assert!(text.starts_with(
        "Seccomp policy for f\nWARNING: analysis truncated (filter too large); results may be incomplete.\n"
    ));
    // What is printed stays in proportion to the budget.
    assert!(text.len() < 256 << 20, "{} bytes", text.len());
    let report = audit::audit(&prog, Arch::X86_64, Some("f")).expect("walkable");
    assert!(report.truncated());
    assert!(report.to_string().contains("WARNING: analysis truncated"));
    assert!(audit::json(&[report]).contains("\"truncated\": true"));
}

#[test]
fn doubling_expressions_are_not_written_out() {
    // A = args[0]; then (X = A; A += X) 2000 times: 2^2000 leaves written out.
    let mut prog = vec![Insn::stmt(LD_ABS, 16)];
    for _ in 0..2000 {
        prog.push(Insn::stmt(MISC_TAX, 0));
        prog.push(Insn::stmt(bpf::ALU | bpf::ADD | bpf::X, 0));
    }
    prog.push(Insn::new(bpf::JMP | bpf::JEQ, 0, 1, 5));
    prog.push(Insn::stmt(RET_K, 0x7fff_0000));
    prog.push(Insn::stmt(RET_K, 0));
    validate::validate(&prog).expect("valid");
    let text = explain::explain(&prog, Arch::X86_64, None)
        .expect("walkable")
        .to_string();
    assert!(
        text.contains("any syscall when <expression too large to print> == 0x5"),
        "{text}"
    );
    assert!(!text.contains("truncated"));
    // A small one is written out in full.
    let small = [
        Insn::stmt(LD_ABS, 16),
        Insn::stmt(MISC_TAX, 0),
        Insn::stmt(bpf::ALU | bpf::ADD | bpf::X, 0),
        Insn::new(bpf::JMP | bpf::JEQ, 0, 1, 5),
        Insn::stmt(RET_K, 0x7fff_0000),
        Insn::stmt(RET_K, 0),
    ];
    let text = explain::explain(&small, Arch::X86_64, None)
        .expect("walkable")
        .to_string();
    assert!(
        text.contains("any syscall when args[0] + args[0] == 0x5"),
        "{text}"
    );
}
