//! The emulator's semantics (the kernel's, `kernel-rules.md` §4) and the
//! `seccomp-tools emu` output (`cli/emu.rb`, `emulator.rb`).

use seccomp_asm::disasm::{disassemble, DisasmOptions};
use seccomp_asm::emu::{
    emu_output, emulate, emulate_input, write_emu_output, EmuError, EmuInput, Outcome,
};
use seccomp_asm::validate::Violation;
use seccomp_asm::{Action, Arch, Endian, Insn, SeccompData};

const ALLOW: u32 = 0x7fff_0000;

fn s(code: u16, k: u32) -> Insn {
    Insn::stmt(code, k)
}

fn j(code: u16, jt: u8, jf: u8, k: u32) -> Insn {
    Insn::new(code, jt, jf, k)
}

fn data() -> SeccompData {
    SeccompData {
        nr: 1,
        arch: 0xc000_003e,
        instruction_pointer: 0x1111_2222_3333_4444,
        args: [
            0xaaaa_aaaa_0000_0005,
            2,
            3,
            0xffff_ffff_ffff_ffff,
            0,
            0x5555_6666_7777_8888,
        ],
    }
}

fn run(prog: &[Insn]) -> Outcome {
    emulate(prog, &data(), Endian::Little).expect("the program returns")
}

/// Runs `A = a; X = x; <op>; return A` and gives what it returns.
fn alu(a: u32, x: u32, op: Insn) -> u32 {
    run(&[s(0x00, a), s(0x01, x), op, s(0x16, 0)]).ret
}

#[test]
fn registers_start_at_zero() {
    assert_eq!(run(&[s(0x16, 0)]).ret, 0);
    assert_eq!(run(&[s(0x87, 0), s(0x16, 0)]).ret, 0);
}

#[test]
fn alu_operations_wrap_at_32_bits() {
    assert_eq!(alu(u32::MAX, 0, s(0x04, 2)), 1);
    assert_eq!(alu(1, 0, s(0x14, 2)), u32::MAX);
    assert_eq!(alu(0x8000_0000, 0, s(0x24, 2)), 0);
    assert_eq!(alu(7, 0, s(0x34, 2)), 3);
    assert_eq!(alu(u32::MAX, 0, s(0x34, 0x10)), 0x0fff_ffff); // unsigned
    assert_eq!(alu(0xf0, 0, s(0x44, 0x0f)), 0xff);
    assert_eq!(alu(0xf0, 0, s(0x54, 0x3c)), 0x30);
    assert_eq!(alu(0xf0, 0, s(0xa4, 0xff)), 0x0f);
    assert_eq!(alu(1, 0, s(0x64, 31)), 0x8000_0000);
    assert_eq!(alu(0x8000_0000, 0, s(0x74, 31)), 1); // logical shift
    assert_eq!(alu(5, 0, s(0x84, 0)), 5u32.wrapping_neg());
    assert_eq!(alu(0, 0, s(0x84, 0)), 0);
    // The same with X.
    assert_eq!(alu(u32::MAX, 2, s(0x0c, 0)), 1);
    assert_eq!(alu(1, 2, s(0x1c, 0)), u32::MAX);
    assert_eq!(alu(3, 5, s(0x2c, 0)), 15);
    assert_eq!(alu(100, 7, s(0x3c, 0)), 14);
    assert_eq!(alu(0xf0, 0x0f, s(0x4c, 0)), 0xff);
    assert_eq!(alu(0xf0, 0x3c, s(0x5c, 0)), 0x30);
    assert_eq!(alu(0xf0, 0xff, s(0xac, 0)), 0x0f);
}

#[test]
fn shifts_by_x_use_the_low_five_bits() {
    assert_eq!(alu(1, 4, s(0x6c, 0)), 16);
    assert_eq!(alu(1, 33, s(0x6c, 0)), 2);
    assert_eq!(alu(0x100, 36, s(0x7c, 0)), 0x10);
    assert_eq!(alu(1, 32, s(0x6c, 0)), 1);
}

#[test]
fn division_by_x_zero_returns_kill_thread_from_that_line() {
    let prog = [s(0x00, 10), s(0x01, 0), s(0x3c, 0), s(0x06, ALLOW)];
    let out = run(&prog);
    assert_eq!(out.ret, 0);
    assert_eq!(out.action, Action::KillThread(0));
    assert_eq!(out.pc, 2);
    assert_eq!(out.path, [0, 1, 2]);
}

#[test]
fn constants_the_kernel_refuses_are_errors() {
    let refused = |prog: &[Insn]| match emulate(prog, &data(), Endian::Little) {
        Err(EmuError::Refused { why, .. }) => why,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        refused(&[s(0x34, 0), s(0x16, 0)]),
        Violation::DivisionByZero { pc: 0 }
    );
    assert_eq!(
        refused(&[s(0x64, 32), s(0x16, 0)]),
        Violation::ShiftTooFar { pc: 0, k: 32 }
    );
    assert_eq!(
        refused(&[s(0x74, 99), s(0x16, 0)]),
        Violation::ShiftTooFar { pc: 0, k: 99 }
    );
    assert_eq!(
        refused(&[s(0x20, 2), s(0x16, 0)]),
        Violation::BadDataOffset { pc: 0, k: 2 }
    );
    assert_eq!(
        refused(&[s(0x20, 64), s(0x16, 0)]),
        Violation::BadDataOffset { pc: 0, k: 64 }
    );
    assert_eq!(
        refused(&[s(0x02, 16), s(0x16, 0)]),
        Violation::BadMemIndex { pc: 0, k: 16 }
    );
    assert_eq!(
        refused(&[s(0x60, 16), s(0x16, 0)]),
        Violation::BadMemIndex { pc: 0, k: 16 }
    );
    for code in [
        0x28, 0x30, 0x40, 0x94, 0xb1, 0x0e, 0x55, 0x8015, 0x0f, 0xffff,
    ] {
        assert!(
            matches!(
                refused(&[s(code, 0), s(0x16, 0)]),
                Violation::UnknownOpcode { pc: 0, code: c }
                    | Violation::NotAllowedInSeccomp { pc: 0, code: c } if c == code
            ),
            "{code:#x}"
        );
    }
}

#[test]
fn loads_read_seccomp_data_in_the_arch_byte_order() {
    let load = |k: u32, endian| {
        emulate(&[s(0x20, k), s(0x16, 0)], &data(), endian)
            .unwrap()
            .ret
    };
    assert_eq!(load(0, Endian::Little), 1);
    assert_eq!(load(4, Endian::Little), 0xc000_003e);
    assert_eq!(load(8, Endian::Little), 0x3333_4444);
    assert_eq!(load(12, Endian::Little), 0x1111_2222);
    assert_eq!(load(8, Endian::Big), 0x1111_2222);
    assert_eq!(load(16, Endian::Little), 5);
    assert_eq!(load(20, Endian::Little), 0xaaaa_aaaa);
    assert_eq!(load(16, Endian::Big), 0xaaaa_aaaa);
    assert_eq!(load(60, Endian::Little), 0x5555_6666);
    assert_eq!(load(60, Endian::Big), 0x7777_8888);
    // LDX ABS is not a seccomp instruction.
    assert!(emulate(&[s(0x21, 0), s(0x16, 0)], &data(), Endian::Little).is_err());
    // A negative syscall number is its two's complement.
    let minus_one = SeccompData { nr: -1, ..data() };
    let out = emulate(&[s(0x20, 0), s(0x16, 0)], &minus_one, Endian::Little).unwrap();
    assert_eq!(out.ret, u32::MAX);
}

#[test]
fn len_loads_64() {
    assert_eq!(run(&[s(0x80, 0), s(0x16, 0)]).ret, 64);
    assert_eq!(run(&[s(0x81, 0), s(0x87, 0), s(0x16, 0)]).ret, 64);
}

#[test]
fn scratch_memory() {
    let prog = [
        s(0x00, 7),
        s(0x02, 3), // mem[3] = A
        s(0x01, 9),
        s(0x03, 15), // mem[15] = X
        s(0x00, 0),
        s(0x61, 3),  // X = mem[3]
        s(0x60, 15), // A = mem[15]
        s(0x0c, 0),  // A += X
        s(0x16, 0),
    ];
    assert_eq!(run(&prog).ret, 16);
    let unwritten = emulate(&[s(0x60, 4), s(0x16, 0)], &data(), Endian::Little);
    assert_eq!(
        unwritten,
        Err(EmuError::UninitializedMem { pc: 0, slot: 4 })
    );
}

#[test]
fn comparisons_are_unsigned() {
    // A = 0xffffffff > 1 unsigned (it would be -1 < 1 signed).
    let gt = [s(0x00, u32::MAX), j(0x25, 0, 1, 1), s(0x06, 1), s(0x06, 2)];
    assert_eq!(run(&gt).ret, 1);
    let ge = [s(0x00, 5), j(0x35, 0, 1, 5), s(0x06, 1), s(0x06, 2)];
    assert_eq!(run(&ge).ret, 1);
    let ge_x = [
        s(0x00, 4),
        s(0x01, 5),
        j(0x3d, 0, 1, 0),
        s(0x06, 1),
        s(0x06, 2),
    ];
    assert_eq!(run(&ge_x).ret, 2);
    let eq_x = [
        s(0x00, 5),
        s(0x01, 5),
        j(0x1d, 0, 1, 0),
        s(0x06, 1),
        s(0x06, 2),
    ];
    assert_eq!(run(&eq_x).ret, 1);
}

#[test]
fn jset_tests_any_common_bit() {
    let jset = |a: u32, k: u32| run(&[s(0x00, a), j(0x45, 0, 1, k), s(0x06, 1), s(0x06, 2)]).ret;
    assert_eq!(jset(0b1010, 0b0010), 1);
    assert_eq!(jset(0b1010, 0b0101), 2);
    assert_eq!(jset(0, u32::MAX), 2);
    let jset_x = [
        s(0x00, 6),
        s(0x01, 4),
        j(0x4d, 1, 0, 0),
        s(0x06, 1),
        s(0x06, 2),
    ];
    assert_eq!(run(&jset_x).ret, 2);
}

#[test]
fn jumps_and_the_executed_path() {
    let prog = [
        s(0x20, 0),       // 0
        j(0x15, 2, 0, 1), // 1 nr == 1: 4
        s(0x06, 0),       // 2
        s(0x06, 0),       // 3
        s(0x05, 1),       // 4 goto 6
        s(0x06, 0),       // 5
        s(0x06, ALLOW),   // 6
    ];
    let out = run(&prog);
    assert_eq!(out.ret, ALLOW);
    assert_eq!(out.action, Action::Allow(0));
    assert_eq!(out.pc, 6);
    assert_eq!(out.path, [0, 1, 4, 6]);
}

#[test]
fn ret_a_returns_any_value() {
    let out = run(&[s(0x00, 0x0005_0102), s(0x16, 0)]);
    assert_eq!(out.action, Action::Errno(0x102));
    let out = run(&[s(0x00, 0x1234_5678), s(0x16, 0)]);
    assert_eq!(out.action, Action::Unknown(0x1234_5678));
}

#[test]
fn broken_programs_are_errors_not_panics() {
    let e = |prog: &[Insn]| emulate(prog, &data(), Endian::Little).unwrap_err();
    assert_eq!(e(&[]), EmuError::Empty);
    assert_eq!(e(&[s(0x00, 1)]), EmuError::FellOffEnd { pc: 0 });
    let out_of_range = |insn: Insn, target: u64| EmuError::Refused {
        insn,
        why: Violation::JumpOutOfRange { pc: 0, target },
    };
    assert_eq!(e(&[s(0x05, 1), s(0x06, 0)]), out_of_range(s(0x05, 1), 2));
    assert_eq!(
        e(&[s(0x05, u32::MAX), s(0x06, 0)]),
        out_of_range(s(0x05, u32::MAX), 1 + u64::from(u32::MAX))
    );
    assert_eq!(
        e(&[j(0x15, 0, 5, 1), s(0x06, 0)]),
        out_of_range(j(0x15, 0, 5, 1), 6)
    );
    assert_eq!(
        e(&[s(0x05, 1), s(0x06, 0)]).to_string(),
        "line 0000 jumps to line 0002, past the end of the filter"
    );
}

#[test]
fn undefined_inputs_print_as_the_reference() {
    let le = Endian::Little;
    let some_args = EmuInput::new(Arch::X86_64, Some(1), &[1, 2, 3, 4, 5], None).unwrap();
    let e = emulate_input(&[s(0x20, 0), s(0x20, 56), s(0x16, 0)], &some_args, le).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Undefined Variable\n\t0001: A = args[5] <- `args[5]` is undefined"
    );
    let e = emulate_input(&[s(0x20, 12), s(0x16, 0)], &some_args, le).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Undefined Variable\n\t0000: A = instruction_pointer >> 32 <- `instruction_pointer` is undefined"
    );
    let nothing = EmuInput::new(Arch::X86_64, None, &[], None).unwrap();
    let e = emulate_input(&[s(0x20, 4), s(0x20, 0), s(0x16, 0)], &nothing, le).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Undefined Variable\n\t0001: A = sys_number <- `sys_number` is undefined"
    );
    // The line is quoted in the arch's byte order, with no names.
    let be = EmuInput::new(Arch::S390x, Some(1), &[], None).unwrap();
    let e = emulate_input(&[s(0x20, 20), s(0x16, 0)], &be, Endian::Big).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Undefined Variable\n\t0000: A = args[0] <- `args[0]` is undefined"
    );
    // arch is always defined; words never loaded need no value.
    let out = emulate_input(&[s(0x20, 4), s(0x16, 0)], &nothing, le).unwrap();
    assert_eq!(out.ret, 0xc000_003e);
}

fn amd64_input(nr: u32) -> EmuInput {
    EmuInput::new(Arch::X86_64, Some(nr), &[0; 6], Some(0)).unwrap()
}

#[test]
fn quiet_output_names_the_action() {
    let cases = [
        (0x8000_0000, "return KILL_PROCESS at line 0000\n"),
        (0x8000_0001, "return KILL_PROCESS at line 0000\n"),
        (0x0000_0000, "return KILL at line 0000\n"),
        (0x0003_0005, "return TRAP at line 0000\n"),
        (0x0005_0000, "return ERRNO(0) at line 0000\n"),
        (0x0005_0005, "return ERRNO(5) at line 0000\n"),
        (0x7fc0_0000, "return USER_NOTIF at line 0000\n"),
        (0x7ff0_0001, "return TRACE at line 0000\n"),
        (0x7ffc_0000, "return LOG at line 0000\n"),
        (0x7fff_0003, "return ALLOW at line 0000\n"),
        (0x1234_0000, "return  at line 0000\n"),
    ];
    for (ret, text) in cases {
        let out = emu_output(&[s(0x06, ret)], Arch::X86_64, &amd64_input(0), true, false);
        assert_eq!(out.as_deref(), Ok(text), "{ret:#x}");
    }
}

/// `A = sys_number`, then `n - 2` tests of it, each followed by its own
/// return; the last line allows. `2n - 2` lines.
fn chain(n: u32) -> Vec<Insn> {
    let mut prog = vec![s(0x20, 0)];
    for nr in 0..n - 2 {
        prog.push(j(0x15, 0, 1, nr));
        prog.push(s(0x06, 0x0005_0000 | nr));
    }
    prog.push(s(0x06, ALLOW));
    prog
}

#[test]
fn full_output_cuts_the_listing_after_the_return() {
    let prog = chain(12); // 22 lines
    let listing = disassemble(&prog, &DisasmOptions::new(Arch::X86_64));
    let lines: Vec<&str> = listing.split_inclusive('\n').collect();
    // nr 1 returns from line 4: lines up to 4 + 5 = 9 are shown, then the
    // remaining 22 - 10 = 12 are omitted.
    let out = emu_output(&prog, Arch::X86_64, &amd64_input(1), false, false).unwrap();
    let expected = format!(
        "{}... (omitting 12 lines)\n\nreturn ERRNO(1) at line 0004\n",
        lines[..12].concat()
    );
    assert_eq!(out, expected);
    // Close to the end nothing is cut.
    let out = emu_output(&prog, Arch::X86_64, &amd64_input(99), false, false).unwrap();
    assert_eq!(out, format!("{listing}\nreturn ALLOW at line 0021\n"));
}

#[test]
fn full_output_cuts_only_more_than_three_lines() {
    // Returning at line 0: shown up to line 5; with 9 lines, 3 remain and
    // are shown; with 10, 4 remain and are omitted.
    let ret0 = |n: usize| {
        let mut prog = vec![s(0x06, ALLOW)];
        prog.resize(n, s(0x06, 0));
        emu_output(&prog, Arch::X86_64, &amd64_input(0), false, false).unwrap()
    };
    let nine = ret0(9);
    assert!(!nine.contains("omitting"));
    assert!(nine.contains(" 0008: "));
    let ten = ret0(10);
    assert!(ten.contains(" 0005: 0x06"), "{ten}");
    assert!(!ten.contains(" 0006: "), "{ten}");
    assert!(ten.ends_with("... (omitting 4 lines)\n\nreturn ALLOW at line 0000\n"));
}

#[test]
fn coloured_output_dims_every_line() {
    let prog = [s(0x20, 0), j(0x15, 0, 1, 1), s(0x20, 16), s(0x06, ALLOW)];
    let out = emu_output(&prog, Arch::X86_64, &amd64_input(1), false, true).unwrap();
    // `Util.colorize(line, t: :gray)` wraps the line, newline included, and
    // puts the gray back after the first reset inside it only.
    let expected = [
        " line  CODE  JT   JF      K\n",
        "=================================\n",
        "\x1b[2m 0000: 0x20 0x00 0x00 0x00000000  A = sys_number\n\x1b[0m",
        "\x1b[2m 0001: 0x15 0x00 0x01 0x00000001  if (A != \x1b[38;5;120mwrite\x1b[0m\x1b[2m) goto 0003\n\x1b[0m",
        "\x1b[2m 0002: 0x20 0x00 0x00 0x00000010  A = \x1b[38;5;230mfd\x1b[0m\x1b[2m \x1b[2m# write(fd, buf, count)\x1b[0m\n\x1b[0m",
        "\x1b[2m 0003: 0x06 0x00 0x00 0x7fff0000  return ALLOW\n\x1b[0m",
        "\n",
        "return ALLOW at line 0003\n",
    ]
    .concat();
    assert_eq!(out, expected);
    let mut long = vec![s(0x06, ALLOW)];
    long.resize(11, s(0x06, 0));
    let out = emu_output(&long, Arch::X86_64, &amd64_input(0), false, true).unwrap();
    assert!(out.ends_with("\x1b[2m... (omitting 5 lines)\n\x1b[0m\nreturn ALLOW at line 0000\n"));
}

#[test]
fn emu_output_reports_errors() {
    let input = EmuInput::new(Arch::X86_64, Some(0), &[], None).unwrap();
    let e = emu_output(
        &[s(0x20, 16), s(0x16, 0)],
        Arch::X86_64,
        &input,
        false,
        false,
    );
    assert_eq!(
        e.unwrap_err().to_string(),
        "Undefined Variable\n\t0000: A = args[0] <- `args[0]` is undefined"
    );
}

#[test]
fn at_most_six_arguments() {
    let seven = [0u64; 7];
    let err = EmuInput::new(Arch::X86_64, Some(0), &seven, None).unwrap_err();
    assert_eq!(err.given, 7);
    assert_eq!(
        err.to_string(),
        "a syscall has at most 6 arguments, 7 were given"
    );
    let six = EmuInput::new(Arch::X86_64, Some(0), &seven[..6], None).unwrap();
    assert_eq!(six.args, [Some(0); 6]);
    assert_eq!(six.arch, 0xc000_003e);
}

#[test]
fn the_output_is_written_in_pieces_that_add_up_to_it() {
    // 2000 tests of the syscall number, the last one matching.
    let mut prog = vec![s(0x20, 0)];
    for nr in 0..2000 {
        prog.push(j(0x15, 0, 1, 5000 + nr));
        prog.push(s(0x06, 0x0005_0000 | nr));
    }
    prog.push(s(0x06, ALLOW));
    let input = amd64_input(6999);
    let outcome = emulate_input(&prog, &input, Endian::Little).unwrap();
    assert_eq!(outcome.pc, 4000);
    for (quiet, color) in [(false, false), (false, true), (true, false)] {
        let whole = emu_output(&prog, Arch::X86_64, &input, quiet, color).unwrap();
        let mut pieces: Vec<String> = Vec::new();
        let mut sink = Pieces(&mut pieces);
        write_emu_output(&mut sink, &prog, Arch::X86_64, &outcome, quiet, color).unwrap();
        assert_eq!(pieces.concat(), whole);
        assert_eq!(pieces.len() > 2, !quiet, "{} pieces", pieces.len());
        assert!(whole.ends_with("return ERRNO(1999) at line 4000\n"));
    }
}

struct Pieces<'a>(&'a mut Vec<String>);

impl std::fmt::Write for Pieces<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.push(s.to_string());
        Ok(())
    }
}
