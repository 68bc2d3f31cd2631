//! Round trips between bytes and text.
//!
//! - A valid program in the forms the `--asm-able` listing prints exactly
//!   (`seccomp_suite::gen::Forms::Exact`) disassembles to text that
//!   assembles, in compatible mode, to the same bytes.
//! - Any valid program comes back in its kernel-equivalent form
//!   ([`kernel_form`], the losses seccomp-tools documents), and runs the
//!   same in the emulator as the original.
//! - For random sources, assemble → disassemble → assemble gives the first
//!   assembly again (in its kernel-equivalent form), and disassembling that
//!   gives the same text.
//! - Whatever strict mode assembles, the validator (which the kernel
//!   differential ties to the kernel) accepts.
//!
//! The number of cases of each property is `ROUND_TRIP_CASES` (default 1000).

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use seccomp_asm::bpf::{self, seccomp::*};
use seccomp_asm::disasm::{disassemble, DisasmOptions};
use seccomp_asm::emu::emulate;
use seccomp_asm::validate::validate;
use seccomp_asm::{assemble, Action, Arch, ErrorClass, Insn, Options, SeccompData};
use seccomp_suite::gen::{self, Forms, Generator, Kind};
use seccomp_suite::shrink::rust_literal;

fn config() -> ProptestConfig {
    let cases = std::env::var("ROUND_TRIP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    ProptestConfig::with_cases(cases)
}

fn arch() -> impl Strategy<Value = Arch> {
    prop::sample::select(Arch::ALL.to_vec())
}

/// The kernel-equivalent form the `--asm-able` listing keeps of a valid
/// program, from seccomp-tools' documented losses: `len` loads print as
/// `A = 64` / `X = 64`; returns of KILL_PROCESS, KILL_THREAD, USER_NOTIF,
/// LOG and ALLOW print without their data; a conditional jump with
/// `jt == jf` prints as `goto` (after `/* no-op */`, its form when both are
/// 0, is written `goto next`); and fields an opcode does not use are not
/// printed at all. The kernel ignores or treats alike every one of these.
fn kernel_form(prog: &[Insn]) -> Vec<Insn> {
    prog.iter()
        .map(|&insn| {
            let code = insn.code;
            let src_k = bpf::src(code) == bpf::K;
            match code {
                LD_LEN => Insn::stmt(LD_IMM, 64),
                LDX_LEN => Insn::stmt(LDX_IMM, 64),
                RET_K => Insn::stmt(RET_K, kernel_ret(insn.k)),
                RET_A | MISC_TAX | MISC_TXA | ALU_NEG => Insn::stmt(code, 0),
                JMP_JA => Insn::stmt(JMP_JA, insn.k),
                c if bpf::class(c) == bpf::JMP && insn.jt == insn.jf => {
                    Insn::stmt(JMP_JA, u32::from(insn.jt))
                }
                c if bpf::class(c) == bpf::JMP || bpf::class(c) == bpf::ALU => {
                    let k = if src_k { insn.k } else { 0 };
                    let (jt, jf) = if bpf::class(c) == bpf::JMP {
                        (insn.jt, insn.jf)
                    } else {
                        (0, 0)
                    };
                    Insn::new(code, jt, jf, k)
                }
                _ => Insn::stmt(code, insn.k),
            }
        })
        .collect()
}

/// A return value without the data the kernel ignores (and the listing
/// drops): that of KILL_PROCESS, KILL_THREAD, USER_NOTIF, LOG and ALLOW.
fn kernel_ret(ret: u32) -> u32 {
    match Action::from_ret(ret) {
        Action::KillProcess(_)
        | Action::KillThread(_)
        | Action::UserNotif(_)
        | Action::Log(_)
        | Action::Allow(_) => ret & 0xffff_0000,
        _ => ret,
    }
}

/// A valid program of seed `seed`: one of the generator's valid programs
/// or one made to exercise the emulator, in `forms`.
fn program(seed: u64, forms: Forms) -> Vec<Insn> {
    let mut g = Generator::new(seed, 0);
    let len = if seed.is_multiple_of(10) { 300 } else { 40 };
    let len = 1 + (seed >> 8) as usize % len;
    if seed.is_multiple_of(2) {
        g.valid_program_in(len, forms)
    } else {
        let hints = [0, 1, 2, 59, 231, 0xc000_003e, 0x4000_0003];
        g.behaviour_program(len + 1, forms, &hints)
    }
}

/// Assembles the listing of `prog`, replacing `/* no-op */` lines (which do
/// not assemble: the assembler must say so, at each of them) by
/// `goto next`.
fn listing_round_trip(prog: &[Insn], arch: Arch) -> Result<Vec<Insn>, TestCaseError> {
    let text = disassemble(prog, &DisasmOptions::asm_able(arch));
    let opts = Options::compatible(arch);
    let text = if text.contains("/* no-op */") {
        let errors = assemble(text.as_bytes(), &opts).expect_err("a no-op line assembled");
        let no_ops: Vec<usize> = text.match_indices("no-op").map(|(i, _)| i).collect();
        let at: Vec<usize> = errors.iter().map(|d| d.span.start).collect();
        prop_assert_eq!(at, no_ops);
        for d in &errors {
            prop_assert_eq!(d.class, ErrorClass::UnrecognizedTokenError);
        }
        text.replace("/* no-op */", "goto next")
    } else {
        text
    };
    match assemble(text.as_bytes(), &opts) {
        Ok(asm) => {
            // Valid programs hold nothing compatible mode warns about but
            // ERRNO data above the kernel's cap.
            for w in &asm.warnings {
                prop_assert!(w.message.starts_with("ERRNO("), "{:?}\n{}", w, text);
            }
            Ok(asm.insns)
        }
        Err(e) => Err(TestCaseError::fail(format!(
            "the listing does not assemble: {e:?}\n{text}"
        ))),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn exact_forms_come_back_byte_for_byte(seed in any::<u64>(), arch in arch()) {
        let prog = program(seed, Forms::Exact);
        prop_assert_eq!(validate(&prog), Ok(()));
        let back = listing_round_trip(&prog, arch)?;
        prop_assert!(back == prog, "{}\n{}", rust_literal(&prog), rust_literal(&back));
    }

    #[test]
    fn any_valid_program_comes_back_in_kernel_form(
        seed in any::<u64>(),
        index in any::<u64>(),
        arch in arch(),
        inputs in prop::collection::vec(
            (any::<i32>(), any::<u32>(), any::<u64>(), any::<[u64; 6]>()),
            4,
        ),
    ) {
        // Half from the differential's own valid programs, half as above.
        let prog = if index.is_multiple_of(2) {
            let mut g = Generator::new(seed, index);
            let c = gen::case(seed, index);
            if c.kind == Kind::Valid { c.program } else { g.valid_program(1 + (index >> 4) as usize % 60) }
        } else {
            program(seed, Forms::Lossy)
        };
        prop_assert_eq!(validate(&prog), Ok(()));
        let back = listing_round_trip(&prog, arch)?;
        let expected = kernel_form(&prog);
        prop_assert!(back == expected, "{}\n{}", rust_literal(&prog), rust_literal(&back));
        prop_assert_eq!(validate(&back), Ok(()));
        let mut data: Vec<SeccompData> = inputs
            .into_iter()
            .map(|(nr, arch, instruction_pointer, args)| SeccompData {
                nr,
                arch,
                instruction_pointer,
                args,
            })
            .collect();
        // Also inputs that pass the usual comparisons.
        data.push(SeccompData { nr: 59, arch: 0xc000_003e, ..SeccompData::default() });
        data.push(SeccompData { nr: 1, arch: 0x4000_0003, ..SeccompData::default() });
        for d in &data {
            let a = emulate(&prog, d, arch.endian()).expect("a valid program runs");
            let b = emulate(&back, d, arch.endian()).expect("a valid program runs");
            prop_assert_eq!((kernel_ret(a.ret), a.pc, a.path), (kernel_ret(b.ret), b.pc, b.path));
        }
    }
}

// Sources from a grammar: every line labelled, jumps forward to labels,
// the last line a return, so that compatible mode assembles every source.

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..70).prop_map(|v| v.to_string()),
        any::<u32>().prop_map(|v| format!("{v:#x}")),
        any::<u32>().prop_map(|v| v.to_string()),
        (1u32..0x8000_0000).prop_map(|v| format!("-{v}")),
        prop::sample::select(vec!["read", "write", "execve", "openat", "i386.write"])
            .prop_map(str::to_string),
        prop::sample::select(vec!["ARCH_X86_64", "ARCH_I386", "ARCH_AARCH64"])
            .prop_map(str::to_string),
    ]
}

fn load() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("sys_number".to_string()),
        Just("arch".to_string()),
        Just("len".to_string()),
        Just("instruction_pointer".to_string()),
        Just("instruction_pointer >> 32".to_string()),
        (0u32..6).prop_map(|i| format!("args[{i}]")),
        (0u32..6).prop_map(|i| format!("args[{i}] >> 32")),
        (0u32..6).prop_map(|i| format!("args_h[{i}]")),
        value(),
    ]
}

fn statement(line: usize, lines: usize) -> BoxedStrategy<String> {
    let target = move || {
        prop_oneof![
            ((line + 1)..lines).prop_map(|t| format!("L{t}")),
            Just("next".to_string()),
        ]
    };
    let operand = || prop_oneof![Just("X".to_string()), value()];
    let alu = prop::sample::select(vec!["+", "-", "*", "/", "|", "&", "^", "<<", ">>"]);
    let cmp = prop::sample::select(vec!["==", "!=", ">", ">=", "<", "<=", "&"]);
    let action = prop::sample::select(vec![
        "ALLOW",
        "KILL",
        "KILL_PROCESS",
        "KILL_THREAD",
        "TRAP",
        "ERRNO",
        "LOG",
        "TRACE",
        "USER_NOTIF",
    ]);
    let ret = prop_oneof![
        action.clone().prop_map(|a| format!("return {a}")),
        (action, 0u32..0x1_0000).prop_map(|(a, n)| format!("return {a}({n})")),
        Just("return A".to_string()),
        any::<u32>().prop_map(|v| format!("return {v:#x}")),
    ];
    if line + 1 == lines {
        return ret.boxed();
    }
    prop_oneof![
        3 => load().prop_map(|l| format!("A = {l}")),
        1 => value().prop_map(|v| format!("X = {v}")),
        1 => prop::sample::select(vec!["A = X", "X = A", "A = -A"])
            .prop_map(str::to_string),
        1 => (0u32..16).prop_map(|i| format!("mem[{i}] = A")),
        1 => (0u32..16).prop_map(|i| format!("mem[{i}] = X")),
        1 => (0u32..16).prop_map(|i| format!("A = mem[{i}]")),
        1 => (0u32..16).prop_map(|i| format!("X = mem[{i}]")),
        3 => (alu, operand()).prop_map(|(op, v)| format!("A {op}= {v}")),
        2 => (cmp.clone(), operand(), target(), target())
            .prop_map(|(c, v, t, f)| format!("if (A {c} {v}) goto {t} else goto {f}")),
        1 => (cmp.clone(), operand(), target())
            .prop_map(|(c, v, t)| format!("if (!(A {c} {v})) goto {t}")),
        1 => (cmp, operand(), target(), target())
            .prop_map(|(c, v, t, f)| format!("A {c} {v} ? {t} : {f}")),
        1 => target().prop_map(|t| format!("goto {t}")),
        1 => ret,
    ]
    .boxed()
}

fn source() -> impl Strategy<Value = String> {
    (1usize..40).prop_flat_map(|lines| {
        let statements: Vec<_> = (0..lines).map(|line| statement(line, lines)).collect();
        let comments = prop::collection::vec(any::<bool>(), lines);
        (statements, comments).prop_map(|(statements, comments)| {
            statements
                .iter()
                .zip(comments)
                .enumerate()
                .map(|(i, (s, comment))| {
                    let comment = if comment { " # note" } else { "" };
                    format!("L{i}: {s}{comment}\n")
                })
                .collect()
        })
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn sources_reassemble_stably(src in source(), arch in arch()) {
        let first = assemble(src.as_bytes(), &Options::compatible(arch))
            .map_err(|e| TestCaseError::fail(format!("{e:?}\n{src}")))?
            .insns;
        let opts = DisasmOptions::asm_able(arch);
        let text = disassemble(&first, &opts);
        let second = assemble(text.as_bytes(), &Options::compatible(arch))
            .map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?
            .insns;
        prop_assert!(
            second == kernel_form(&first),
            "{src}\n{text}\n{}\n{}",
            rust_literal(&first),
            rust_literal(&second)
        );
        // A fixed point: the listing of the second assembly is the listing
        // of the first.
        prop_assert_eq!(disassemble(&second, &opts), text);
    }
}

/// Whatever strict mode assembles from a random source, the validator
/// accepts; and strict mode assembles a fair share of them.
#[test]
fn what_strict_mode_assembles_the_kernel_accepts() {
    let config = config();
    let cases = u64::from(config.cases);
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let assembled = std::cell::Cell::new(0u64);
    runner
        .run(&(source(), arch()), |(src, arch)| {
            if let Ok(asm) = assemble(src.as_bytes(), &Options::strict(arch)) {
                prop_assert_eq!(validate(&asm.insns), Ok(()), "{}", src);
                prop_assert!(asm.warnings.is_empty());
                assembled.set(assembled.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    assert!(
        assembled.get() > cases / 10,
        "strict mode assembled {} of {cases} sources",
        assembled.get()
    );
}

/// Strict mode takes back the listing of most valid programs (it refuses
/// only what it must: ERRNO data above 4095, for one), and gives the same
/// bytes, which the validator accepts.
#[test]
fn strict_mode_takes_back_valid_listings() {
    let mut taken = 0;
    const COUNT: u64 = 2000;
    for seed in 0..COUNT {
        let prog = program(seed, Forms::Exact);
        let arch = Arch::ALL[seed as usize % Arch::ALL.len()];
        let text = disassemble(&prog, &DisasmOptions::asm_able(arch));
        match assemble(text.as_bytes(), &Options::strict(arch)) {
            Ok(asm) => {
                assert_eq!(asm.insns, prog, "{text}");
                assert_eq!(validate(&asm.insns), Ok(()));
                taken += 1;
            }
            Err(e) => {
                let errno_too_big = prog.iter().any(|i| {
                    i.code == RET_K && matches!(Action::from_ret(i.k), Action::Errno(n) if n > 4095)
                });
                assert!(errno_too_big, "{e:?}\n{text}");
            }
        }
    }
    assert!(taken > COUNT / 2, "{taken} of {COUNT}");
}
