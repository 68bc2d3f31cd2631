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

/// 167 instructions the fuzzer made (little-endian), whose policy repeats
/// thousands of conditions in every architecture section: 38 MB of text
/// before [`explain::MAX_POLICY_TEXT`].
const REPEATED_CONDITIONS: [&str; 28] = [
    "2000000003fffffb1500000803000040200000000000000015000f00c100000015000e00420100001592244992244992",
    "04000d004e00000015000c0100000000000000000501000015000b00be00000015000a00a30100000500000008000000",
    "200000000400200015000006f32000c0200000000000000020000000000000001500f9ffce00000015001300ce000000",
    "15001800b5000000150023009800000015002c00b100000015002b00c500000015002a00ea0004000000000000000080",
    "2000000010000000070000000000000020000000200000001d00002400000000200000001c0000001500002200000000",
    "20000000180000003500200042020000200000001000000054000000000008001502001d040000002000000039260000",
    "07000000000000002000000100000000000039110000000020000000100000001500000f000000002000000010000000",
    "070000000000000020000000100047002d00000b000000000000000000008020000000000400000015000100f30000c0",
    "06020000000000802000000000000000150027002200000015002100c901000015002100d700000015002400d600ff00",
    "15002300b901000015002200ce01000015001e006c000000150020002e00000015001f005400000015001e00f1000000",
    "15001d005100000015001c00ac01000035001c007600000015001a00f200000015001900af01000015001600cb010000",
    "150017008400000034001700bb01000015001500b00100001500140013010000150013008700000015001200b0000000",
    "15001100de000000150010004f00000015000f003700000015000e00ca01000015000d00e000000015000c006b000000",
    "15000a00dd00000015000a000d010000150007007100000015000600ec000000060000000000fc7f0600000001000500",
    "06000000010000ea000e00000000000000000000000003a0200000000400000015000008030000402000000000000000",
    "15000f00c100000015000e004201000015000d004e00000015000c000501000015000b00be0000001500000000000000",
    "150007002d00000015001300ce00000015001800b5000000150023009800000011002c00b100000015002b00c5000000",
    "15002a00ea00000006000000000000802000080010000000070000000000000020000000200000001d00002400000000",
    "200000001c00000015000022000000002000000018000000360020004202000020000000100000005400000000010000",
    "4e00000015000c000501000015000b00be0000001500000000000000150007002d00000015001300ce00000015001800",
    "b5000000150023009800000015002c00b100000015002b00c500000015002a00ea000000060000000700000026000000",
    "20000000380000002d0000110000000020000000100000001500000f0000000007000000000000002000000038000000",
    "2d0000110000000020000000100000001500000f000000008c0000001000000007000000000000002000000010000000",
    "2d00000b00000000200000000000000a05eeeeeeeeeeeeeeeeeeeeeeeeeeeeee17111111eeeeeeeeeeeeeeeeeeeeee80",
    "060000000000ff7feeeeeeee15000f00c1000000153c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c",
    "3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c2f",
    "3c3c3c3c3c3c3c3c3c3c3c3c293c3c3c3c3c3cc83c3c3c3ceeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
    "eeeeeeeeeeeeffeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee00000000000000060000000000008006",
];

#[test]
fn a_policy_writes_at_most_its_text_budget_and_says_it_is_truncated() {
    let hex: String = REPEATED_CONDITIONS.concat();
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let insns = seccomp_asm::insn::decode(&bytes, seccomp_asm::Endian::Little).unwrap();
    assert_eq!(insns.len(), 167);
    let policy = explain::explain(&insns, Arch::X86_64, None).expect("walkable");
    assert!(policy.truncated());
    let text = policy.to_string();
    assert!(
        text.starts_with("WARNING: analysis truncated"),
        "{}",
        &text[..200]
    );
    // The budget counts the conditions; headings and syscall names add little.
    assert!(
        text.len() < explain::MAX_POLICY_TEXT + (1 << 20),
        "{} bytes",
        text.len()
    );
    assert!(
        text.len() > explain::MAX_POLICY_TEXT / 2,
        "{} bytes",
        text.len()
    );
}
