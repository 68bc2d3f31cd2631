//! The listing, form by form. Expected texts are what seccomp-tools 1.7.1
//! prints, read from its sources (`instruction/*.rb`, `bpf.rb`,
//! `disasm/disasm.rb`, `util.rb`).

use seccomp_asm::disasm::{
    disassemble, first_unsupported, listing, statement, write_listing, DisasmOptions, Disassembler,
    Lines, Listing, HEADER,
};
use seccomp_asm::{Arch, Endian, Insn};

const AMD64: Arch = Arch::X86_64;

fn s(code: u16, k: u32) -> Insn {
    Insn::stmt(code, k)
}

fn j(code: u16, jt: u8, jf: u8, k: u32) -> Insn {
    Insn::new(code, jt, jf, k)
}

/// The `--no-bpf` statements of a program, one per line, without `NNNN: `.
fn statements(insns: &[Insn], opts: DisasmOptions) -> Vec<String> {
    let d = Disassembler::new(insns, opts);
    (0..insns.len()).map(|pc| d.statement(pc)).collect()
}

/// The statement of each instruction alone at line 0, with no facts.
fn alone(insn: Insn) -> String {
    statement(insn, 0, Endian::Little)
}

#[test]
fn loads() {
    assert_eq!(alone(s(0x00, 5)), "A = 5");
    assert_eq!(alone(s(0x01, 4294967295)), "X = 4294967295");
    assert_eq!(alone(s(0x80, 7)), "A = 64");
    assert_eq!(alone(s(0x81, 0)), "X = 64");
    assert_eq!(alone(s(0x60, 3)), "A = mem[3]");
    assert_eq!(alone(s(0x61, 15)), "X = mem[15]");
    assert_eq!(alone(s(0x20, 0)), "A = sys_number");
    assert_eq!(alone(s(0x20, 4)), "A = arch");
    assert_eq!(alone(s(0x21, 4)), "X = arch");
    // Size bits are ignored: `ldh [0]` reads as a word load.
    assert_eq!(alone(s(0x28, 0)), "A = sys_number");
}

#[test]
fn data_words_follow_the_arch_byte_order() {
    let le = |k| statement(s(0x20, k), 0, Endian::Little);
    let be = |k| statement(s(0x20, k), 0, Endian::Big);
    assert_eq!(le(8), "A = instruction_pointer");
    assert_eq!(le(12), "A = instruction_pointer >> 32");
    assert_eq!(be(8), "A = instruction_pointer >> 32");
    assert_eq!(be(12), "A = instruction_pointer");
    assert_eq!(le(16), "A = args[0]");
    assert_eq!(le(20), "A = args[0] >> 32");
    assert_eq!(le(56), "A = args[5]");
    assert_eq!(le(60), "A = args[5] >> 32");
    assert_eq!(be(16), "A = args[0] >> 32");
    assert_eq!(be(20), "A = args[0]");
    for k in [1, 2, 3, 5, 17, 62, 64, 0x1000, u32::MAX] {
        assert_eq!(le(k), "A = INVALID", "k = {k}");
    }
}

#[test]
fn stores_and_misc() {
    assert_eq!(alone(s(0x02, 3)), "mem[3] = A");
    assert_eq!(alone(s(0x03, 15)), "mem[15] = X");
    // The reference prints any index.
    assert_eq!(alone(s(0x02, 99)), "mem[99] = A");
    assert_eq!(alone(s(0x07, 0)), "X = A");
    assert_eq!(alone(s(0x87, 0)), "A = X");
}

#[test]
fn alu_constants_are_hex_except_shifts() {
    assert_eq!(alone(s(0x04, 0x1f)), "A += 0x1f");
    assert_eq!(alone(s(0x14, 1)), "A -= 0x1");
    assert_eq!(alone(s(0x24, 10)), "A *= 0xa");
    assert_eq!(alone(s(0x34, 2)), "A /= 0x2");
    assert_eq!(alone(s(0x44, 0)), "A |= 0x0");
    assert_eq!(alone(s(0x54, 0xffff)), "A &= 0xffff");
    assert_eq!(alone(s(0x64, 12)), "A <<= 12");
    assert_eq!(alone(s(0x74, 31)), "A >>= 31");
    assert_eq!(alone(s(0xa4, 0xdead)), "A ^= 0xdead");
    assert_eq!(alone(s(0x0c, 0)), "A += X");
    assert_eq!(alone(s(0x6c, 0)), "A <<= X");
    assert_eq!(alone(s(0xac, 0)), "A ^= X");
    assert_eq!(alone(s(0x84, 0)), "A = -A");
    // NEG ignores the source bit.
    assert_eq!(alone(s(0x8c, 0)), "A = -A");
}

#[test]
fn returns() {
    let cases = [
        (0x7fff_0000, "return ALLOW"),
        (0x7fff_0005, "return ALLOW"),
        (0x0000_0000, "return KILL"),
        (59, "return KILL"),
        (0x8000_0000, "return KILL_PROCESS"),
        (0x8000_0001, "return KILL_PROCESS"),
        (0x0005_0000, "return ERRNO(0)"),
        (0x0005_0001, "return ERRNO(1)"),
        (0x0005_ffff, "return ERRNO(65535)"),
        (0x0003_0000, "return TRAP"),
        (0x0003_0007, "return TRAP(7)"),
        (0x7ff0_0000, "return TRACE"),
        (0x7ff0_0003, "return TRACE(3)"),
        (0x7ffc_0000, "return LOG"),
        (0x7ffc_0001, "return LOG"),
        (0x7fc0_0000, "return USER_NOTIF"),
        (0x7fc0_0002, "return USER_NOTIF"),
        (0x1234_0000, "return 0x12340000"),
        (0x1234_5678, "return 0x12345678"),
    ];
    for (k, text) in cases {
        assert_eq!(alone(s(0x06, k)), text, "{k:#x}");
    }
    assert_eq!(alone(s(0x16, 0x7fff_0000)), "return A");
    // RET X is not seccomp; seccomp-tools reads it as RET K.
    assert_eq!(alone(s(0x0e, 0x7fff_0000)), "return ALLOW");
}

#[test]
fn jumps() {
    // Line 3, so targets are 4 + offset; A holds no data word: decimal.
    let at3 = |insn| statement(insn, 3, Endian::Little);
    assert_eq!(at3(s(0x05, 0)), "goto 0004");
    assert_eq!(at3(s(0x05, 10)), "goto 0014");
    // k is 32 bits: the target may lie far past the end.
    assert_eq!(at3(s(0x05, u32::MAX)), "goto 4294967299");
    assert_eq!(at3(j(0x15, 0, 0, 5)), "/* no-op */");
    assert_eq!(at3(j(0x15, 2, 2, 5)), "goto 0006");
    assert_eq!(at3(j(0x15, 1, 0, 5)), "if (A == 5) goto 0005");
    assert_eq!(
        at3(j(0x15, 1, 2, 5)),
        "if (A == 5) goto 0005 else goto 0006"
    );
    assert_eq!(at3(j(0x15, 0, 2, 5)), "if (A != 5) goto 0006");
    assert_eq!(at3(j(0x25, 1, 0, 5)), "if (A > 5) goto 0005");
    assert_eq!(at3(j(0x25, 0, 1, 5)), "if (A <= 5) goto 0005");
    assert_eq!(at3(j(0x35, 1, 0, 5)), "if (A >= 5) goto 0005");
    assert_eq!(at3(j(0x35, 0, 1, 5)), "if (A < 5) goto 0005");
    assert_eq!(at3(j(0x45, 1, 0, 5)), "if (A & 5) goto 0005");
    assert_eq!(at3(j(0x45, 0, 1, 5)), "if (!(A & 5)) goto 0005");
    assert_eq!(
        at3(j(0x1d, 1, 2, 0)),
        "if (A == X) goto 0005 else goto 0006"
    );
    assert_eq!(at3(j(0x2d, 0, 1, 0)), "if (A <= X) goto 0005");
    assert_eq!(at3(j(0x3d, 0, 1, 0)), "if (A < X) goto 0005");
    assert_eq!(at3(j(0x4d, 0, 1, 0)), "if (!(A & X)) goto 0005");
    // The jump operation is `code & 0x70`: the top bit is ignored.
    assert_eq!(at3(j(0x95, 1, 0, 5)), "if (A == 5) goto 0005");
    assert_eq!(at3(s(0x85, 1)), "goto 0005");
}

#[test]
fn columns_and_header() {
    let prog = [s(0x20, 4), s(0x06, 0x7fff_0000)];
    let out = disassemble(&prog, &DisasmOptions::new(AMD64));
    assert_eq!(
        out,
        " line  CODE  JT   JF      K\n\
         =================================\n \
         0000: 0x20 0x00 0x00 0x00000004  A = arch\n \
         0001: 0x06 0x00 0x00 0x7fff0000  return ALLOW\n"
    );
    assert!(out.starts_with(HEADER));
    assert_eq!(
        disassemble(&prog, &DisasmOptions::no_bpf(AMD64)),
        "0000: A = arch\n0001: return ALLOW\n"
    );
    // Codes wider than a byte are printed whole.
    let wide = disassemble(&[j(0x2000, 1, 2, 0x0400_0000)], &DisasmOptions::new(AMD64));
    assert!(
        wide.ends_with(" 0000: 0x2000 0x01 0x02 0x04000000  A = 67108864\n"),
        "{wide}"
    );
}

/// The usual head of a filter: check the arch, load the syscall number.
fn amd64_write_filter() -> Vec<Insn> {
    vec![
        s(0x20, 4),                 // 0 A = arch
        j(0x15, 1, 0, 0xc000_003e), // 1 if (A == ARCH_X86_64) goto 3
        s(0x06, 0),                 // 2 return KILL
        s(0x20, 0),                 // 3 A = sys_number
        j(0x15, 0, 4, 1),           // 4 if (A != write) goto 9
        s(0x20, 16),                // 5 A = fd
        j(0x25, 2, 0, 2),           // 6 if (A > 0x2) goto 9
        s(0x20, 36),                // 7 A = args[2] >> 32, named count
        s(0x06, 0x7fff_0000),       // 8 return ALLOW
        s(0x06, 0x0005_0001),       // 9 return ERRNO(1)
    ]
}

#[test]
fn names_follow_the_facts() {
    let got = statements(&amd64_write_filter(), DisasmOptions::no_bpf(AMD64));
    assert_eq!(
        got,
        [
            "A = arch",
            "if (A == ARCH_X86_64) goto 0003",
            "return KILL",
            "A = sys_number",
            "if (A != write) goto 0009",
            "A = fd # write(fd, buf, count)",
            "if (A > 0x2) goto 0009",
            "A = count >> 32 # write(fd, buf, count)",
            "return ALLOW",
            "return ERRNO(1)",
        ]
    );
}

#[test]
fn asm_able_drops_argument_names() {
    let got = statements(&amd64_write_filter(), DisasmOptions::asm_able(AMD64));
    assert_eq!(got[5], "A = args[0]");
    assert_eq!(got[7], "A = args[2] >> 32");
    assert_eq!(got[4], "if (A != write) goto 0009");
}

#[test]
fn only_equality_names_a_syscall() {
    let prog = [
        s(0x20, 0),
        j(0x25, 1, 0, 0x33),
        j(0x35, 1, 0, 0x33),
        j(0x45, 1, 0, 0x33),
        j(0x15, 1, 0, 0x33),
        s(0x06, 0),
        s(0x06, 0),
    ];
    let got = statements(&prog, DisasmOptions::no_bpf(AMD64));
    assert_eq!(got[1], "if (A > 0x33) goto 0003");
    assert_eq!(got[2], "if (A >= 0x33) goto 0004");
    assert_eq!(got[3], "if (A & 0x33) goto 0005");
    assert_eq!(got[4], "if (A == getsockname) goto 0006");
}

#[test]
fn other_words_are_hex_and_unknown_values_too() {
    let prog = [
        s(0x20, 16),                // 0 A = args[0]
        j(0x15, 5, 0, 7),           // 1 hex
        s(0x20, 4),                 // 2 A = arch
        j(0x15, 3, 0, 0x1234),      // 3 not an arch: hex
        s(0x20, 0),                 // 4 A = sys_number
        j(0x15, 1, 0, 0x7fff_ffff), // 5 not a syscall: hex
        s(0x06, 0),
        s(0x06, 0),
    ];
    let got = statements(&prog, DisasmOptions::no_bpf(AMD64));
    assert_eq!(got[1], "if (A == 0x7) goto 0007");
    assert_eq!(got[3], "if (A == 0x1234) goto 0007");
    assert_eq!(got[5], "if (A == 0x7fffffff) goto 0007");
}

#[test]
fn words_that_differ_between_paths_are_decimal() {
    let prog = [
        s(0x20, 0),        // 0 A = sys_number
        j(0x15, 0, 1, 1),  // 1 taken: 2, else 3
        s(0x20, 16),       // 2 A = args[0]
        j(0x15, 1, 0, 60), // 3 A is sys_number or args[0]: decimal
        s(0x06, 0),
        s(0x06, 0),
    ];
    let got = statements(&prog, DisasmOptions::no_bpf(AMD64));
    assert_eq!(got[3], "if (A == 60) goto 0005");
}

#[test]
fn unreachable_lines_are_decimal() {
    let prog = [
        s(0x20, 0),       // 0
        s(0x05, 1),       // 1 goto 3
        j(0x15, 1, 0, 1), // 2 unreachable
        j(0x15, 0, 0, 1), // 3 reachable: /* no-op */
        j(0x15, 1, 0, 1), // 4 reachable: named
        s(0x06, 0),
        s(0x06, 0),
    ];
    let d = Disassembler::new(&prog, DisasmOptions::no_bpf(AMD64));
    assert!(!d.analysis().reachable(2));
    assert!(d.analysis().reachable(3));
    assert_eq!(d.statement(2), "if (A == 1) goto 0004");
    assert_eq!(d.statement(4), "if (A == write) goto 0006");
}

#[test]
fn another_pinned_arch_qualifies_names() {
    let prog = [
        s(0x20, 4),                 // 0 A = arch
        j(0x15, 0, 4, 0x4000_0003), // 1 if (A != ARCH_I386) goto 6
        s(0x20, 0),                 // 2 A = sys_number
        j(0x15, 0, 3, 4),           // 3 if (A != i386.write) goto 7
        s(0x20, 16),                // 4 A = fd # i386.write(...)
        s(0x06, 0x7fff_0000),       // 5
        s(0x06, 0),                 // 6
        s(0x06, 0),                 // 7
    ];
    let got = statements(&prog, DisasmOptions::no_bpf(AMD64));
    assert_eq!(got[1], "if (A != ARCH_I386) goto 0006");
    assert_eq!(got[3], "if (A != i386.write) goto 0007");
    assert_eq!(got[4], "A = fd # i386.write(fd, buf, count)");
    // Under its own arch the names are plain.
    let got = statements(&prog, DisasmOptions::no_bpf(Arch::I386));
    assert_eq!(got[3], "if (A != write) goto 0007");
    assert_eq!(got[4], "A = fd # write(fd, buf, count)");
}

#[test]
fn first_pin_wins_on_contradictory_paths() {
    // Line 4 is reached only through `sys == 1` then `sys == 2`, which no
    // syscall satisfies; seccomp-tools keeps the first pin and names write.
    let prog = [
        s(0x20, 0),       // 0 A = sys_number
        j(0x15, 0, 1, 1), // 1 sys == 1: 2, else 3
        j(0x15, 1, 0, 2), // 2 sys == 2: 4, else 3
        s(0x06, 0),       // 3
        s(0x20, 16),      // 4
        s(0x06, 0),       // 5
    ];
    let got = statements(&prog, DisasmOptions::no_bpf(AMD64));
    assert_eq!(got[4], "A = fd # write(fd, buf, count)");
}

#[test]
fn x_resolves_through_pins() {
    let prog = [
        s(0x20, 16),      // 0 A = args[0]
        j(0x15, 0, 6, 1), // 1 args[0] == 1 pins it
        s(0x21, 16),      // 2 X = args[0] (pinned to 1)
        s(0x20, 0),       // 3 A = sys_number
        j(0x1d, 0, 3, 0), // 4 A == X: sys_number pinned to 1
        s(0x20, 24),      // 5 A = buf
        s(0x06, 0),       // 6
        s(0x06, 0),       // 7
        s(0x06, 0),       // 8
    ];
    let d = Disassembler::new(&prog, DisasmOptions::no_bpf(AMD64));
    assert_eq!(d.analysis().sys_number(5), Some(1));
    assert_eq!(d.statement(4), "if (A != X) goto 0008");
    assert_eq!(d.statement(5), "A = buf # write(fd, buf, count)");
}

#[test]
fn x32_numbers_and_their_arguments() {
    let prog = [
        s(0x20, 0),
        j(0x15, 0, 1, 0x4000_0000),
        s(0x20, 16),
        s(0x06, 0),
    ];
    let got = statements(&prog, DisasmOptions::no_bpf(AMD64));
    assert_eq!(got[1], "if (A != x32_read) goto 0003");
    assert_eq!(got[2], "A = fd # x32_read(fd, buf, count)");
}

#[test]
fn arches_beyond_the_five_are_named_only_under_their_own() {
    let prog = [
        s(0x20, 4),
        j(0x15, 0, 3, 0x4000_0028), // ARCH_ARM
        s(0x20, 0),
        j(0x15, 0, 1, 4), // arm: write
        s(0x06, 0),
        s(0x06, 0),
    ];
    // Under amd64 the output is the reference's: the value is not named and
    // the names come from amd64's table.
    let got = statements(&prog, DisasmOptions::no_bpf(AMD64));
    assert_eq!(got[1], "if (A != 0x40000028) goto 0005");
    assert_eq!(got[3], "if (A != stat) goto 0005");
    // Under another arch every known value is named.
    let got = statements(&prog, DisasmOptions::no_bpf(Arch::Arm));
    assert_eq!(got[1], "if (A != ARCH_ARM) goto 0005");
    assert_eq!(got[3], "if (A != write) goto 0005");
    let got = statements(&prog, DisasmOptions::no_bpf(Arch::Mipsel));
    assert_eq!(got[3], "if (A != arm.write) goto 0005");
}

#[test]
fn colours() {
    const GREEN: &str = "\x1b[38;5;120m";
    const YELLOW: &str = "\x1b[38;5;230m";
    const GRAY: &str = "\x1b[2m";
    const RESET: &str = "\x1b[0m";
    let opts = DisasmOptions {
        color: true,
        ..DisasmOptions::no_bpf(AMD64)
    };
    let got = statements(&amd64_write_filter(), opts);
    assert_eq!(
        got[1],
        format!("if (A == {YELLOW}ARCH_X86_64{RESET}) goto 0003")
    );
    assert_eq!(got[4], format!("if (A != {GREEN}write{RESET}) goto 0009"));
    assert_eq!(
        got[5],
        format!("A = {YELLOW}fd{RESET} {GRAY}# write(fd, buf, count){RESET}")
    );
    assert_eq!(
        got[7],
        format!("A = {YELLOW}count{RESET} >> 32 {GRAY}# write(fd, buf, count){RESET}")
    );
    // Hex is painted too when A holds sys_number or arch, but not for other
    // words, and decimal never is.
    let prog = [
        s(0x20, 0),            // 0 A = sys_number
        j(0x25, 7, 0, 0x33),   // 1
        s(0x20, 4),            // 2 A = arch
        j(0x15, 5, 0, 0x1234), // 3
        s(0x20, 16),           // 4 A = args[0]
        j(0x15, 3, 0, 7),      // 5
        s(0x00, 1),            // 6 A = 1
        j(0x15, 1, 0, 7),      // 7
        s(0x06, 0),
        s(0x06, 0),
    ];
    let got = statements(&prog, opts);
    assert_eq!(got[1], format!("if (A > {GREEN}0x33{RESET}) goto 0009"));
    assert_eq!(got[3], format!("if (A == {YELLOW}0x1234{RESET}) goto 0009"));
    assert_eq!(got[5], "if (A == 0x7) goto 0009");
    assert_eq!(got[7], "if (A == 7) goto 0009");
}

#[test]
fn unsupported_instructions_are_marked_and_reported() {
    let prog = [
        s(0x40, 0),
        s(0x94, 3),
        j(0x55, 1, 0, 0),
        s(0x0f, 0),
        s(0x06, 0),
    ];
    let got = statements(&prog, DisasmOptions::no_bpf(AMD64));
    assert_eq!(got[0], "/* unsupported opcode 0x40 */");
    assert_eq!(got[1], "/* unsupported opcode 0x94 */");
    assert_eq!(got[2], "/* unsupported opcode 0x55 */");
    assert_eq!(got[3], "/* unsupported opcode 0xf */");
    let first = first_unsupported(&prog).expect("line 0");
    assert_eq!(first.to_string(), "Line 0 is invalid: unknown");
    let messages: Vec<String> = (1..4)
        .map(|n| first_unsupported(&prog[n..]).unwrap().to_string())
        .collect();
    assert_eq!(
        messages,
        [
            "Line 0 is invalid: unknown op",
            "Line 0 is invalid: unknown jmp type",
            "Line 0 is invalid: MISC operation only supports txa/tax",
        ]
    );
    assert_eq!(first_unsupported(&amd64_write_filter()), None);
}

#[test]
fn listing_helpers() {
    let prog = [s(0x20, 4), s(0x06, 0x7fff_0000)];
    let text = "0000: A = arch\n0001: return ALLOW\n";
    assert_eq!(listing(&prog, AMD64), text);
    assert_eq!(
        Listing {
            insns: &prog,
            arch: AMD64
        }
        .to_string(),
        text
    );
    let d = Disassembler::new(&prog, DisasmOptions::new(AMD64));
    assert_eq!(d.line(1), " 0001: 0x06 0x00 0x00 0x7fff0000  return ALLOW");
}

#[test]
fn empty_programs_print_only_the_frame() {
    assert_eq!(
        disassemble(&[], &DisasmOptions::new(AMD64)),
        format!("{HEADER}\n")
    );
    assert_eq!(disassemble(&[], &DisasmOptions::no_bpf(AMD64)), "\n");
}

#[test]
fn line_numbers_past_9999_take_more_digits() {
    let mut prog = vec![s(0x00, 7); 10_001];
    prog.push(s(0x06, 0xffff_ffff));
    let d = Disassembler::new(&prog, DisasmOptions::new(AMD64));
    assert_eq!(d.line(9999), " 9999: 0x00 0x00 0x00 0x00000007  A = 7");
    assert_eq!(d.line(10_000), " 10000: 0x00 0x00 0x00 0x00000007  A = 7");
    assert_eq!(
        d.line(10_001),
        " 10001: 0x06 0x00 0x00 0xffffffff  return 0xffffffff"
    );
    let d = Disassembler::new(&prog, DisasmOptions::no_bpf(AMD64));
    assert_eq!(d.line(10_000), "10000: A = 7");
    let jump = [j(0x05, 0, 0, u32::MAX), s(0x06, 0)];
    assert_eq!(alone(jump[0]), "goto 4294967296");
}

/// Records each piece a listing is written in.
#[derive(Default)]
struct Pieces(Vec<String>);

impl std::fmt::Write for Pieces {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.push(s.to_string());
        Ok(())
    }
}

/// A long program whose lines carry argument names: 4 + 5 * 800 lines.
fn long_filter() -> Vec<Insn> {
    let mut prog = vec![s(0x20, 4), j(0x15, 1, 0, 0xc000_003e), s(0x06, 0)];
    for nr in 0..800 {
        prog.extend([
            s(0x20, 0),
            j(0x15, 0, 3, nr),
            s(0x20, 16),
            j(0x15, 0, 1, 1),
            s(0x06, 0x7fff_0000),
        ]);
    }
    prog.push(s(0x06, 0x0005_0001));
    prog
}

#[test]
fn a_listing_is_written_in_pieces_that_add_up_to_it() {
    let prog = long_filter();
    for opts in [DisasmOptions::new(AMD64), DisasmOptions::asm_able(AMD64)] {
        let whole = Disassembler::new(&prog, opts).listing();
        let mut pieces = Pieces::default();
        write_listing(&mut pieces, &prog, &opts).unwrap();
        assert!(pieces.0.len() > 2, "{} pieces", pieces.0.len());
        assert!(pieces.0.iter().all(|p| p.len() < whole.len() / 2));
        assert_eq!(pieces.0.concat(), whole);
        assert_eq!(disassemble(&prog, &opts), whole);
    }
    let mut pieces = Pieces::default();
    write_listing(&mut pieces, &[], &DisasmOptions::new(AMD64)).unwrap();
    assert_eq!(pieces.0.concat(), format!("{HEADER}\n"));
}

#[test]
fn lines_come_one_at_a_time() {
    let prog = amd64_write_filter();
    let opts = DisasmOptions::new(AMD64);
    let d = Disassembler::new(&prog, opts);
    let mut lines = Lines::new(&prog, &opts);
    let mut line = String::new();
    for pc in 0..prog.len() {
        line.clear();
        assert_eq!(lines.write_next(&mut line), Some(pc));
        assert_eq!(line, d.line(pc));
    }
    assert_eq!(lines.write_next(&mut line), None);
    assert_eq!(Lines::new(&[], &opts).write_next(&mut line), None);
}

#[test]
fn a_writer_error_stops_the_listing() {
    struct Full;
    impl std::fmt::Write for Full {
        fn write_str(&mut self, _: &str) -> std::fmt::Result {
            Err(std::fmt::Error)
        }
    }
    let prog = long_filter();
    assert!(write_listing(&mut Full, &prog, &DisasmOptions::new(AMD64)).is_err());
}

/// A filter whose paths leave one of three values in each of `slots`
/// scratch slots, then read them all back: 3^slots distinct states, the
/// shape on which tracking every state takes exponential time.
fn slot_combinations(slots: usize) -> Vec<Insn> {
    let mut src =
        String::from("A = sys_number\nif (A == 7) goto seven\ngoto start\nseven:\nstart:\n");
    for i in 0..slots {
        src.push_str(&format!(
            "if (A == {a}) goto a{i}\nif (A == {b}) goto b{i}\nX = 2\ngoto s{i}\n\
             a{i}: X = 0\ngoto s{i}\nb{i}: X = 1\ns{i}: mem[{i}] = X\n",
            a = 3 * i,
            b = 3 * i + 1
        ));
    }
    for i in 0..slots {
        src.push_str(&format!("A = mem[{i}]\n"));
    }
    src.push_str("A = sys_number\nif (A == 9) goto nine\nreturn A\nnine: return ALLOW\n");
    let opts = seccomp_asm::Options::compatible(Arch::X86_64);
    seccomp_asm::assemble(src.as_bytes(), &opts)
        .expect("assembles")
        .insns
}

#[test]
fn the_data_flow_pass_gives_up_on_exponentially_many_states_and_claims_nothing() {
    use seccomp_asm::dataflow::{Analysis, MAX_GROUPS};
    // 3^5 = 243 groups fit the budget: the pass stays exact.
    let small = Analysis::new(&slot_combinations(5));
    assert_eq!(small.gave_up_at(), None);
    // 3^6 = 729 do not.
    let insns = slot_combinations(16);
    let big = Analysis::new(&insns);
    let at = big.gave_up_at().expect("the pass gives up");
    assert!(3usize.pow(6) > MAX_GROUPS);
    // The last `if (A == 9)` pins sys_number on its taken branch, but states
    // before it pinned it already (`A == 7`, and each slot's tests): after
    // giving up, nothing may claim a pin some path does not have.
    let nine = insns.len() - 1;
    assert!(at < nine);
    assert_eq!(big.sys_number(nine), None);
    assert_eq!(big.arch(nine), None);
    // The listing still covers every line.
    let listing = disassemble(&insns, &DisasmOptions::new(Arch::X86_64));
    assert_eq!(listing.lines().count(), insns.len() + 2);
}
