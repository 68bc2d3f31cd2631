//! The assembler through its public API: each statement form, each jump
//! form, each error of strict mode, the warnings of compatible mode, and
//! trampolines.

use seccomp_asm::insn::Insn;
use seccomp_asm::validate::validate;
use seccomp_asm::{assemble, render, Arch, Diagnostic, ErrorClass, Mode, Options, Severity, Span};

fn compat(src: &str) -> Vec<Insn> {
    compat_on(src, Arch::X86_64)
}

fn compat_on(src: &str, arch: Arch) -> Vec<Insn> {
    match assemble(src.as_bytes(), &Options::compatible(arch)) {
        Ok(a) => a.insns,
        Err(d) => panic!(
            "{src:?}: {}",
            render(&d, src.as_bytes(), "t", Mode::Compatible)
        ),
    }
}

fn strict(src: &str) -> Vec<Insn> {
    match assemble(src.as_bytes(), &Options::strict(Arch::X86_64)) {
        Ok(a) => a.insns,
        Err(d) => panic!("{src:?}: {}", render(&d, src.as_bytes(), "t", Mode::Strict)),
    }
}

fn strict_errors(src: &str) -> Vec<Diagnostic> {
    match assemble(src.as_bytes(), &Options::strict(Arch::X86_64)) {
        Ok(a) => panic!("{src:?} assembled to {:?}", a.insns),
        Err(d) => d,
    }
}

fn compat_error(src: &str) -> String {
    match assemble(src.as_bytes(), &Options::compatible(Arch::X86_64)) {
        Ok(a) => panic!("{src:?} assembled to {:?}", a.insns),
        Err(d) => render(&d, src.as_bytes(), "<inline>", Mode::Compatible),
    }
}

fn warnings(src: &str) -> Vec<(ErrorClass, String)> {
    let a = assemble(src.as_bytes(), &Options::compatible(Arch::X86_64)).expect("assembles");
    assert!(a.warnings.iter().all(|w| w.severity == Severity::Warning));
    a.warnings
        .iter()
        .map(|w| (w.class, src[w.span.start..w.span.end].to_string()))
        .collect()
}

fn i(code: u16, jt: u8, jf: u8, k: u32) -> Insn {
    Insn::new(code, jt, jf, k)
}

fn s(code: u16, k: u32) -> Insn {
    Insn::stmt(code, k)
}

const ALLOW: u32 = 0x7fff_0000;

#[test]
fn loads_stores_and_moves() {
    let src = "A = 7\nX = -1\nA = mem[3]\nX = mem[15]\nmem[0] = A\nmem[1] = X\nA = len\n\
               A = X\nX = A\nA = sys_number\nA = arch\nA = data[60]\nA = args[2]\n\
               A = args_h[2]\nA = args[2] >> 32\nA = instruction_pointer\n\
               A = instruction_pointer >> 32\nA = ARCH_I386\nA = write\nA = i386.write\nreturn A";
    assert_eq!(
        compat(src),
        [
            s(0x00, 7),
            s(0x01, u32::MAX),
            s(0x60, 3),
            s(0x61, 15),
            s(0x02, 0),
            s(0x03, 1),
            s(0x80, 0),
            s(0x87, 0),
            s(0x07, 0),
            s(0x20, 0),
            s(0x20, 4),
            s(0x20, 60),
            s(0x20, 32),
            s(0x20, 36),
            s(0x20, 36),
            s(0x20, 8),
            s(0x20, 12),
            s(0x00, 0x4000_0003),
            s(0x00, 1),
            s(0x00, 4),
            s(0x16, 0),
        ]
    );
}

#[test]
fn big_endian_words_are_swapped() {
    let src =
        "A = args[0]\nA = args_h[0]\nA = args[0] >> 32\nA = instruction_pointer >> 32\nreturn A";
    let k: Vec<u32> = compat_on(src, Arch::S390x).iter().map(|i| i.k).collect();
    assert_eq!(k, [20, 16, 16, 8, 0]);
}

#[test]
fn alu_operations() {
    let src = "A += 1\nA -= 2\nA *= 3\nA /= 4\nA |= 5\nA &= 6\nA <<= 7\nA >>= 8\nA ^= 9\nA += X\nA ^= X\n\
               A = -A\nA &=\n 0x10\nreturn A";
    let got = compat(src);
    let codes: Vec<(u16, u32)> = got.iter().map(|i| (i.code, i.k)).collect();
    assert_eq!(
        codes,
        [
            (0x04, 1),
            (0x14, 2),
            (0x24, 3),
            (0x34, 4),
            (0x44, 5),
            (0x54, 6),
            (0x64, 7),
            (0x74, 8),
            (0xa4, 9),
            (0x0c, 0),
            (0xac, 0),
            (0x84, 0),
            (0x54, 16),
            (0x16, 0),
        ]
    );
}

#[test]
fn every_return_form() {
    let src = "return ALLOW\nreturn KILL\nreturn KILL_PROCESS\nreturn KILL_THREAD\nreturn TRAP\n\
               return ERRNO(1)\nreturn USER_NOTIF\nreturn LOG\nreturn TRACE(0x10)\nreturn ALLOW(5)\n\
               return 0x1234\nreturn ((7))\nreturn A";
    let k: Vec<(u16, u32)> = compat(src).iter().map(|i| (i.code, i.k)).collect();
    assert_eq!(
        k,
        [
            (6, ALLOW),
            (6, 0),
            (6, 0x8000_0000),
            (6, 0),
            (6, 0x3_0000),
            (6, 0x5_0001),
            (6, 0x7fc0_0000),
            (6, 0x7ffc_0000),
            (6, 0x7ff0_0010),
            (6, ALLOW | 5),
            (6, 0x1234),
            (6, 7),
            (0x16, 0),
        ]
    );
}

#[test]
fn comparisons_and_their_jump_encodings() {
    // Each comparison jumps to `e` when true, else to the next line.
    let src = "if (A == 1) goto e\nif (A != 1) goto e\nif (A > 1) goto e\nif (A >= 1) goto e\n\
               if (A < 1) goto e\nif (A <= 1) goto e\nif (A & 1) goto e\nif (A == X) goto e\n\
               A > X ? e : e\nif (!(A == 2)) goto e else goto next\nA < 3 ? next : e\nreturn 0\n\
               e: return 1";
    let got = compat(src);
    let expected = [
        i(0x15, 11, 0, 1),
        i(0x15, 0, 10, 1),
        i(0x25, 9, 0, 1),
        i(0x35, 8, 0, 1),
        i(0x35, 0, 7, 1),
        i(0x25, 0, 6, 1),
        i(0x45, 5, 0, 1),
        i(0x1d, 4, 0, 0),
        // Both sides equal: a plain goto.
        s(0x05, 3),
        // Negation swaps the targets.
        i(0x15, 0, 2, 2),
        i(0x35, 1, 0, 3),
        s(0x06, 0),
        s(0x06, 1),
    ];
    assert_eq!(got, expected);
}

#[test]
fn jump_targets() {
    // `next`, a missing else and `goto 0` are the next instruction; a
    // number is a count of instructions to skip unless a label has its name.
    let got = compat("goto next\njmp 0\njump 1\nA = 1\nreturn 0");
    assert_eq!(
        got,
        [s(0x05, 0), s(0x05, 0), s(0x05, 1), s(0x00, 1), s(0x06, 0)]
    );
    let got = compat("if (A == 1) goto 1\nA = 2\n1: return 0\nreturn 1");
    assert_eq!(got, [i(0x15, 1, 0, 1), s(0x00, 2), s(0x06, 0), s(0x06, 1)]);
    // Only canonical numbers count: `01` is a label name.
    assert!(assemble(b"goto 01\nreturn 0", &Options::compatible(Arch::X86_64)).is_err());
    // Labels stack and may share a line with their statement; the same label
    // twice on one statement is one definition.
    let got = compat("goto b\na: b:\n c: c: return 0");
    assert_eq!(got, [s(0x05, 0), s(0x06, 0)]);
}

#[test]
fn empty_and_comment_only_sources_assemble_to_nothing_in_compatible_mode() {
    for src in ["", "\n\n", "# nothing\n  \n# here"] {
        let a = assemble(src.as_bytes(), &Options::compatible(Arch::X86_64)).unwrap();
        assert!(a.insns.is_empty());
        assert_eq!(a.warnings.len(), 1);
        assert_eq!(a.warnings[0].class, ErrorClass::EmptyProgram);
    }
    let d = strict_errors("# nothing");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].class, ErrorClass::EmptyProgram);
}

#[test]
fn reference_errors_in_compatible_mode() {
    assert_eq!(
        compat_error("A = 1\nfoo\nX = %"),
        "<inline>:2:1 unknown token \"foo\"\nfoo\n^^^\n\n<inline>:3:5 unknown token \"%\"\nX = %\n    ^\n"
    );
    assert_eq!(
        compat_error("a: return 0\na: return 1"),
        "<inline>:2:1 duplicate label 'a'\na: return 1\n^\n<inline>:1:1 previously defined here\na: return 0\n^\n"
    );
    assert_eq!(
        compat_error("goto nowhere\nreturn 0"),
        "<inline>:1:6 Cannot find label 'nowhere'\ngoto nowhere\n     ^^^^^^^\n"
    );
    assert_eq!(
        compat_error("a: goto a"),
        "<inline>:1:9 Does not support backward jumping to 'a'\na: goto a\n        ^\n"
    );
    // Trailing blanks before a newline lose a row, as seccomp-tools counts.
    assert_eq!(
        compat_error("A = 1   \nA = 2\nfoo"),
        "<inline>:2:1 unknown token \"foo\"\nA = 2\n^^^\n"
    );
}

fn filler(n: usize) -> String {
    "A = 0\n".repeat(n)
}

#[test]
fn long_jumps_fail_without_relaxation() {
    let src = format!("if (A == 1) goto far\n{}far: return 0", filler(256));
    let compatible = compat_error(&src);
    assert_eq!(
        compatible,
        "<inline>:1:18 Does not support jumping farther than 255, got: 256\nif (A == 1) goto far\n                 ^^^\n"
    );
    let d = strict_errors(&src);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].class, ErrorClass::LongJumpError);
    assert!(d[0]
        .message
        .starts_with("Does not support jumping farther than 255, got: 256"));
    assert!(d[0].message.contains("relax_jumps") && d[0].message.contains("--relax-jumps"));
    // A goto reaches any distance; so does a condition with equal targets.
    let src = format!(
        "goto far\nif (A == 1) goto far else goto far\n{}far: return 0",
        filler(300)
    );
    let got = compat(&src);
    assert_eq!(got[0], s(0x05, 301));
    assert_eq!(got[1], s(0x05, 300));
}

/// Runs a filter on (nr, arg0 low word), enough for these tests.
fn run(prog: &[Insn], nr: u32, arg0: u32) -> u32 {
    let (mut a, mut x, mut pc) = (0u32, 0u32, 0usize);
    loop {
        let insn = prog[pc];
        pc += 1;
        match insn.code {
            0x00 => a = insn.k,
            0x01 => x = insn.k,
            0x20 => {
                a = match insn.k {
                    0 => nr,
                    16 => arg0,
                    _ => 0,
                }
            }
            0x04 => a = a.wrapping_add(insn.k),
            0x07 => x = a,
            0x87 => a = x,
            0x05 => pc += insn.k as usize,
            0x15 | 0x25 | 0x35 | 0x45 | 0x1d | 0x2d | 0x3d | 0x4d => {
                let v = if insn.code & 0x08 != 0 { x } else { insn.k };
                let taken = match insn.code & 0xf0 {
                    0x10 => a == v,
                    0x20 => a > v,
                    0x30 => a >= v,
                    _ => a & v != 0,
                };
                pc += usize::from(if taken { insn.jt } else { insn.jf });
            }
            0x06 => return insn.k,
            0x16 => return a,
            code => panic!("unexpected opcode {code:#x}"),
        }
    }
}

fn relaxed(src: &str, mode: Mode) -> seccomp_asm::Assembly {
    let opts = Options {
        arch: Arch::X86_64,
        mode,
        relax_jumps: true,
    };
    match assemble(src.as_bytes(), &opts) {
        Ok(a) => a,
        Err(d) => panic!("{}", render(&d, src.as_bytes(), "t", mode)),
    }
}

#[test]
fn trampolines_reach_far_targets() {
    let src = format!(
        "A = sys_number\n\
         if (A == 1) goto far1 else goto near\n\
         near: if (A != 2) goto next else goto far2\n\
         if (A > 3) goto far1\n\
         if (A == 3) goto far2\n\
         A = 9\n{}return A\nfar1: return 100\nfar2: A = args[0]\nreturn A",
        "X = 0\n".repeat(300)
    );
    let a = relaxed(&src, Mode::Strict);
    assert_eq!(validate(&a.insns), Ok(()));
    assert_eq!(a.spans.len(), a.insns.len());
    for (nr, arg, expected) in [
        (1, 0, 100),
        (2, 77, 77),
        (3, 55, 55),
        (4, 0, 100),
        (0, 0, 9),
    ] {
        assert_eq!(run(&a.insns, nr, arg), expected, "nr {nr}");
    }
    // Trampolines carry the span of their jump statement.
    let jump_line = src.find("if (A == 1)").unwrap();
    assert_eq!(a.spans[1].start, jump_line);
    assert_eq!(a.spans[2], a.spans[1]);
    assert_eq!(a.insns[2].code, 0x05);
    // Short jumps are left alone.
    let short = "if (A == 1) goto x\nreturn 0\nx: return 1";
    assert_eq!(relaxed(short, Mode::Strict).insns, strict(short));
}

#[test]
fn trampolines_settle_when_they_push_other_jumps_out_of_reach() {
    // The first jump is 255 away until the second one gets a trampoline
    // between it and its target.
    let src = format!(
        "A = sys_number\nif (A == 1) goto a\nif (A == 2) goto b\n{}a: return 1\nreturn 3\nb: return 2",
        "X = 0\n".repeat(254)
    );
    assert!(assemble(src.as_bytes(), &Options::strict(Arch::X86_64)).is_err());
    let a = relaxed(&src, Mode::Compatible);
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    assert_eq!(validate(&a.insns), Ok(()));
    assert_eq!(a.insns.len(), 260 + 2);
    assert_eq!(a.insns[2].code, 0x05, "the first jump's trampoline");
    assert_eq!(a.insns[4].code, 0x05, "the second jump's trampoline");
    for (nr, expected) in [(1, 1), (2, 2), (5, 1)] {
        assert_eq!(run(&a.insns, nr, 0), expected, "nr {nr}");
    }
}

#[test]
fn strict_errors_for_what_seccomp_tools_masks() {
    let cases: [(&str, ErrorClass, &str); 8] = [
        (
            "A = 4294967296\nreturn A",
            ErrorClass::ValueOutOfRange,
            "4294967296",
        ),
        (
            "A = -2147483649\nreturn A",
            ErrorClass::ValueOutOfRange,
            "-2147483649",
        ),
        (
            "return ERRNO(65536)",
            ErrorClass::ValueOutOfRange,
            "ERRNO(65536)",
        ),
        ("return TRAP(-1)", ErrorClass::ValueOutOfRange, "TRAP(-1)"),
        (
            "return ERRNO(4096)",
            ErrorClass::ValueOutOfRange,
            "ERRNO(4096)",
        ),
        (
            "A = args_h[1] >> 32\nreturn A",
            ErrorClass::HighWordShift,
            "args_h[1] >> 32",
        ),
        ("goto 1\nreturn 0", ErrorClass::TargetOutOfRange, "1"),
        (
            "A = arch_x86_64\nreturn A",
            ErrorClass::UnknownConstant,
            "arch_x86_64",
        ),
    ];
    for (src, class, text) in cases {
        let d = strict_errors(src);
        assert_eq!(d.len(), 1, "{src}: {d:?}");
        assert_eq!(d[0].class, class, "{src}");
        assert_eq!(&src[d[0].span.start..d[0].span.end], text, "{src}");
    }
    // Accepted: negative values down to -2^31, 16-bit data, errno up to 4095.
    assert_eq!(strict("A = -2147483648\nreturn A")[0].k, 0x8000_0000);
    assert_eq!(strict("return TRAP(65535)")[0].k, 0x3_ffff);
    assert_eq!(strict("return ERRNO(4095)")[0].k, 0x5_0fff);
}

#[test]
fn strict_errors_for_kernel_rules_point_at_the_statement() {
    let cases: [(&str, &str, &str); 5] = [
        ("A /= 0\nreturn A", "A /= 0", "division by constant 0"),
        ("A <<= 32\nreturn A", "A <<= 32", "shift by constant 32"),
        ("A = 1", "A = 1", "the last instruction must be a return"),
        (
            "A = mem[3]\nreturn A",
            "A = mem[3]",
            "mem[3] is read before",
        ),
        (
            "if (A == 1) goto next\nreturn A\nA = 1",
            "A = 1",
            "the last instruction",
        ),
    ];
    for (src, stmt, msg) in cases {
        let d = strict_errors(src);
        assert_eq!(d.len(), 1, "{src}: {d:?}");
        assert_eq!(d[0].class, ErrorClass::KernelRule);
        assert_eq!(&src[d[0].span.start..d[0].span.end], stmt);
        assert!(d[0].message.starts_with(msg), "{}", d[0].message);
    }
    let too_long = format!("{}return 0", filler(4096));
    let d = strict_errors(&too_long);
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message.contains("4097 instructions"),
        "{}",
        d[0].message
    );
    // Blamed on the statement of instruction 4096, the first one too many.
    assert_eq!(&too_long[d[0].span.start..d[0].span.end], "return 0");
}

#[test]
fn compatible_mode_warns_where_strict_mode_fails() {
    assert_eq!(
        warnings("A = 0x100000000\nA /= 0\nA = args_h[0] >> 32\nreturn ERRNO(70000)"),
        [
            (ErrorClass::ValueOutOfRange, "0x100000000".to_string()),
            (ErrorClass::KernelRule, "A /= 0".to_string()),
            (ErrorClass::HighWordShift, "args_h[0] >> 32".to_string()),
            (ErrorClass::ValueOutOfRange, "ERRNO(70000)".to_string()),
        ]
    );
    // The bytes are seccomp-tools': masked.
    let got = compat("A = 0x100000005\nreturn ERRNO(70000)");
    assert_eq!(got, [s(0x00, 5), s(0x06, 0x5_0000 | (70000 & 0xffff))]);
    // A numeric target past the end is one warning, not two.
    assert_eq!(
        warnings("goto 5\nreturn 0"),
        [(ErrorClass::TargetOutOfRange, "5".to_string())]
    );
    assert_eq!(compat("goto 4294967297\nreturn 0")[0], s(0x05, 1));
}

#[test]
fn strict_mode_reports_every_error_at_once() {
    let src = "A = A\nfoo\nA = mem[16]\ngoto nowhere\nX = 4294967296\nA /= 0\nA = 1 +\nreturn A";
    let d = strict_errors(src);
    let got: Vec<(ErrorClass, &str)> = d
        .iter()
        .map(|d| (d.class, &src[d.span.start..d.span.end]))
        .collect();
    assert_eq!(
        got,
        [
            (ErrorClass::ParseError, "A"),
            (ErrorClass::UnrecognizedTokenError, "foo"),
            (ErrorClass::ParseError, "16"),
            (ErrorClass::UndefinedLabelError, "nowhere"),
            (ErrorClass::ValueOutOfRange, "4294967296"),
            (ErrorClass::ParseError, "+"),
        ]
    );
    // Strict rendering uses exact rows.
    let src = "A = 1   \nA = 2\nfoo";
    let d = strict_errors(src);
    assert_eq!(
        render(&d, src.as_bytes(), "f.asm", Mode::Strict),
        "f.asm:3:1 unknown token \"foo\"\nfoo\n^^^\n"
    );
}

#[test]
fn kernel_rules_are_all_reported_when_the_program_parses() {
    let src = "A /= 0\nA <<= 40\nA = mem[2]\nA = 1";
    let d = strict_errors(src);
    let lines: Vec<&str> = d.iter().map(|d| &src[d.span.start..d.span.end]).collect();
    assert_eq!(lines, ["A /= 0", "A <<= 40", "A = mem[2]", "A = 1"]);
}

#[test]
fn names_used_are_listed() {
    let src = "A = arch\nif (A != ARCH_X86_64) goto kill\nA = sys_number\nif (A == i386.read) goto kill\n\
               if (A == write) goto kill\nreturn ALLOW\nkill: return KILL";
    let a = assemble(src.as_bytes(), &Options::strict(Arch::X86_64)).unwrap();
    let names: Vec<(usize, &str, Option<Arch>, Arch, u32)> = a
        .names
        .iter()
        .map(|n| (n.insn, n.name, n.qualified, n.resolved_for, n.value))
        .collect();
    assert_eq!(
        names,
        [
            (1, "ARCH_X86_64", None, Arch::X86_64, 0xc000_003e),
            (3, "read", Some(Arch::I386), Arch::I386, 3),
            (4, "write", None, Arch::X86_64, 1),
        ]
    );
    assert_eq!(
        &src[a.names[1].span.start..a.names[1].span.end],
        "i386.read"
    );
    assert_eq!(
        a.spans[3],
        Span::new(
            src.find("if (A == i386").unwrap(),
            src.find(" kill\nif (A == write").unwrap() + 5
        )
    );
}

#[test]
fn every_arch_name_is_usable() {
    // Qualified names accept every arch this crate knows, and ARCH_ constants
    // every arch's constant.
    let a = compat("A = mips.read\nA = arm64.read\nA = ARCH_AARCH64\nA = ARCH_PPC64LE\nreturn A");
    assert_eq!(a[0].k, 4003);
    assert_eq!(a[1].k, 63);
    assert_eq!(a[2].k, 0xc000_00b7);
    assert_eq!(a[3].k, 0xc000_0015);
    // Unqualified names come from the selected arch.
    assert_eq!(compat_on("A = read\nreturn A", Arch::Mipsel)[0].k, 4003);
}

/// Negations and parentheses are counted, not recursed: a million levels
/// assemble (or fail) like one, without exhausting the stack.
#[test]
fn deep_nesting_does_not_recurse() {
    use seccomp_asm::assembler::{assemble, Options};
    let depth = 1_000_000;
    let cond = format!("{}A == 1{}", "!(".repeat(depth), ")".repeat(depth));
    let src = format!("A = sys_number\nif ({cond}) goto ok\nreturn KILL\nok: return ALLOW\n");
    let shallow = "A = sys_number\nif (A == 1) goto ok\nreturn KILL\nok: return ALLOW\n";
    let opts = Options::compatible(seccomp_asm::Arch::X86_64);
    // An even number of negations is none.
    assert_eq!(
        assemble(src.as_bytes(), &opts).expect("assembles").insns,
        assemble(shallow.as_bytes(), &opts)
            .expect("assembles")
            .insns
    );
    let value = format!(
        "A = {}5{}\nreturn ALLOW\n",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    assert_eq!(
        assemble(value.as_bytes(), &opts).expect("assembles").insns[0].k,
        5
    );
    // One parenthesis short: the error is at the end of the line, as for a
    // single level.
    let short = format!(
        "A = {}5{}\nreturn ALLOW\n",
        "(".repeat(depth),
        ")".repeat(depth - 1)
    );
    let errors = assemble(short.as_bytes(), &opts).expect_err("unbalanced");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("unexpected string"),
        "{}",
        errors[0].message
    );
}
