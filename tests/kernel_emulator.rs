//! The emulator is the kernel: for a filter and a system call, what
//! `seccomp_asm::emu::emulate` says the filter returns is how the call ends
//! when the kernel runs the filter.
#![cfg(target_arch = "x86_64")]

use seccomp_asm::bpf::seccomp::*;
use seccomp_asm::emu::emulate;
use seccomp_asm::{Action, Endian, Insn};
use seccomp_suite::emu_kernel::{self, predicted_ending, Baseline, Disagreement};
use seccomp_suite::kernel::{Abi, Ending, Harness, Sigsys, Syscall};

const NR_GETPPID: i32 = 110;
const NR_UNASSIGNED: i32 = 400;
const NR_UNASSIGNED_I386: i32 = 223;
/// `uretprobe`, which seccomp lets through without running any filter.
const NR_URETPROBE: i32 = 335;

const ENOSYS: Ending = Ending::Returned(-(libc::ENOSYS as i64));
const SIGSYS: Ending = Ending::Killed {
    signal: libc::SIGSYS,
};

fn ret(k: u32) -> Insn {
    Insn::stmt(RET_K, k)
}

fn errno(n: u32) -> Insn {
    ret(Action::ERRNO | n)
}

fn ld(k: u32) -> Insn {
    Insn::stmt(LD_IMM, k)
}

fn ldx(k: u32) -> Insn {
    Insn::stmt(LDX_IMM, k)
}

fn alu(op: u16, k: u32) -> Insn {
    Insn::stmt(seccomp_asm::bpf::ALU | op, k)
}

fn jeq(k: u32, jt: u8, jf: u8) -> Insn {
    Insn::new(0x15, jt, jf, k)
}

/// `A |= ERRNO; return A`: the low bits of A become the errno.
fn ret_a_as_errno() -> [Insn; 2] {
    [alu(0x40, Action::ERRNO), Insn::stmt(RET_A, 0)]
}

fn call(abi: Abi, nr: i32, args: [u64; 6]) -> Syscall {
    Syscall::new(abi, nr, args)
}

/// Filters at the edges of what the kernel computes, with the ending worked
/// out by hand from the kernel's rules.
fn edge_cases() -> Vec<(&'static str, Vec<Insn>, Syscall, Ending)> {
    let x64 = |nr| call(Abi::X86_64, nr, [0; 6]);
    let shifted = |x: u32, op: u16, a: u32| {
        [
            vec![ld(a), ldx(x), alu(op | 0x08, 0)],
            ret_a_as_errno().to_vec(),
        ]
        .concat()
    };
    let site = Abi::X86_64.call_site();
    let pid = i64::from(std::process::id());
    vec![
        // Shifts by X use X & 31 (the interpreter says so, and the x86
        // JIT's shl/shr by cl mask the count in hardware).
        (
            "lsh by X = 33 shifts by 1",
            shifted(33, 0x60, 1),
            x64(NR_UNASSIGNED),
            Ending::Returned(-2),
        ),
        (
            "rsh by X = 32 shifts by 0",
            shifted(32, 0x70, 0x123),
            x64(NR_UNASSIGNED),
            Ending::Returned(-0x123),
        ),
        (
            "lsh by X = 0xffffffe1 shifts by 1",
            shifted(0xffff_ffe1, 0x60, 1),
            x64(NR_UNASSIGNED),
            Ending::Returned(-2),
        ),
        (
            "rsh by X = 63 shifts by 31",
            shifted(63, 0x70, 0x8000_0000),
            x64(NR_UNASSIGNED),
            Ending::Returned(-1),
        ),
        (
            "division by X = 0 returns 0: KILL_THREAD",
            vec![ld(7), alu(0x38, 0), errno(1)],
            x64(NR_UNASSIGNED),
            SIGSYS,
        ),
        (
            "division by X rounds down",
            [
                vec![ld(100), ldx(7), alu(0x38, 0)],
                ret_a_as_errno().to_vec(),
            ]
            .concat(),
            x64(NR_UNASSIGNED),
            Ending::Returned(-14),
        ),
        (
            "ERRNO above 4095 is capped",
            vec![errno(5000)],
            x64(NR_UNASSIGNED),
            Ending::Returned(-4095),
        ),
        (
            "ERRNO(0) returns 0 without running the call",
            vec![errno(0)],
            x64(NR_GETPPID),
            Ending::Returned(0),
        ),
        (
            "ALLOW with data runs the call",
            vec![ret(Action::ALLOW | 9)],
            x64(NR_GETPPID),
            Ending::Returned(pid),
        ),
        (
            "LOG runs the call",
            vec![ret(Action::LOG)],
            x64(NR_GETPPID),
            Ending::Returned(pid),
        ),
        (
            "USER_NOTIF without a listener",
            vec![ret(Action::USER_NOTIF)],
            x64(NR_GETPPID),
            ENOSYS,
        ),
        (
            "TRACE without a tracer",
            vec![ret(Action::TRACE | 3)],
            x64(NR_GETPPID),
            ENOSYS,
        ),
        (
            "a value of no action kills",
            vec![ret(0x1234_5678)],
            x64(NR_GETPPID),
            SIGSYS,
        ),
        (
            "KILL_PROCESS",
            vec![ret(Action::KILL_PROCESS | 1)],
            x64(NR_GETPPID),
            SIGSYS,
        ),
        (
            "TRAP data goes to si_errno",
            vec![ret(Action::TRAP | 0xffff)],
            x64(NR_UNASSIGNED),
            Ending::Trapped(Sigsys {
                errno: 0xffff,
                code: 1,
                syscall: NR_UNASSIGNED,
                arch: 0xc000_003e,
                call_addr: site,
            }),
        ),
        (
            "the instruction pointer is the address after `syscall`",
            vec![
                Insn::stmt(LD_ABS, 8),
                jeq(site as u32, 0, 3),
                Insn::stmt(LD_ABS, 12),
                jeq((site >> 32) as u32, 0, 1),
                errno(1),
                errno(2),
            ],
            x64(NR_UNASSIGNED),
            Ending::Returned(-1),
        ),
        (
            "int 0x80: the i386 arch, zero high words",
            vec![
                Insn::stmt(LD_ABS, 4),
                jeq(0x4000_0003, 0, 3),
                Insn::stmt(LD_ABS, 20),
                jeq(0, 0, 1),
                errno(1),
                errno(2),
            ],
            call(
                Abi::I386,
                NR_UNASSIGNED_I386,
                [u64::from(u32::MAX), 0, 0, 0, 0, 0],
            ),
            Ending::Returned(-1),
        ),
        (
            "the x32 bit is part of nr",
            vec![
                Insn::stmt(LD_ABS, 0),
                Insn::new(0x45, 0, 1, 0x4000_0000),
                errno(1),
                errno(2),
            ],
            x64(0x4000_0000 | NR_UNASSIGNED),
            Ending::Returned(-1),
        ),
        (
            "nr -1 is 0xffffffff",
            vec![
                Insn::stmt(LD_ABS, 0),
                jeq(u32::MAX, 0, 1),
                errno(1),
                errno(2),
            ],
            x64(-1),
            Ending::Returned(-1),
        ),
        (
            "both words of an argument",
            vec![
                Insn::stmt(LD_ABS, 16 + 8 * 5 + 4),
                Insn::stmt(MISC_TAX, 0),
                Insn::stmt(LD_ABS, 16 + 8 * 5),
                alu(0x18, 0),
                ret_a_as_errno()[0],
                ret_a_as_errno()[1],
            ],
            call(
                Abi::X86_64,
                NR_UNASSIGNED,
                [0, 0, 0, 0, 0, 0x0000_0007_0000_0010],
            ),
            Ending::Returned(-9),
        ),
        (
            "scratch memory",
            [
                vec![
                    ld(40),
                    Insn::stmt(ST_MEM, 15),
                    ld(2),
                    Insn::stmt(LDX_MEM, 15),
                    alu(0x28, 0),
                ],
                ret_a_as_errno().to_vec(),
            ]
            .concat(),
            x64(NR_UNASSIGNED),
            Ending::Returned(-80),
        ),
    ]
}

#[test]
fn edge_cases_end_as_the_emulator_says() {
    let harness = Harness::new();
    let baseline = Baseline::new(&harness).unwrap();
    for (name, program, call, expected) in edge_cases() {
        let kernel = harness.probe(&[&program], &call).unwrap();
        assert_eq!(kernel, expected, "kernel, {name}");
        let outcome = emulate(&program, &call.seccomp_data(), Endian::Little)
            .unwrap_or_else(|e| panic!("emulator, {name}: {e}"));
        let allowed = baseline.ending(&call).unwrap();
        assert_eq!(
            predicted_ending(outcome.ret, &call, allowed),
            expected,
            "emulator, {name}: returned {:#x}",
            outcome.ret
        );
    }
}

#[test]
fn the_baseline_calls_are_harmless_and_known() {
    let harness = Harness::new();
    let baseline = Baseline::new(&harness).unwrap();
    let uid = i64::from(unsafe { libc::getuid() });
    let gid = i64::from(unsafe { libc::getgid() });
    let pid = i64::from(std::process::id());
    let pools = [
        (Abi::X86_64, &emu_kernel::X86_64_NUMBERS[..]),
        (Abi::I386, &emu_kernel::I386_NUMBERS[..]),
    ];
    for (abi, numbers) in pools {
        for &nr in numbers {
            let ending = baseline.ending(&call(abi, nr, [0; 6])).unwrap();
            let known = match (abi, nr) {
                (Abi::X86_64, 102) | (Abi::I386, 24 | 199) => Ending::Returned(uid),
                (Abi::X86_64, 104) | (Abi::I386, 47) => Ending::Returned(gid),
                (Abi::X86_64, 110) | (Abi::I386, 64) => Ending::Returned(pid),
                // x32 getuid where x32 is built in.
                (Abi::X86_64, 0x4000_0066) if ending != ENOSYS => Ending::Returned(uid),
                _ => ENOSYS,
            };
            assert_eq!(ending, known, "{abi:?} {nr}");
        }
    }
}

#[test]
fn generated_cases_agree_with_the_kernel() {
    const SEED: u64 = 0x0e40_5ecc;
    const COUNT: u64 = 3000;
    let harness = Harness::new();
    let baseline = Baseline::new(&harness).unwrap();
    let summary = emu_kernel::emulator_vs_kernel(&harness, &baseline, SEED, 0..COUNT, 2).unwrap();
    let reports: Vec<String> = summary
        .disagreements
        .iter()
        .take(3)
        .map(|d| emu_kernel::report(&harness, &baseline, d, 500).unwrap())
        .collect();
    assert!(
        summary.disagreements.is_empty(),
        "{summary}\n\n{}",
        reports.join("\n\n")
    );
    assert_eq!(summary.cases, COUNT);
    // The cases reach every action and every kind of instruction.
    for action in [
        "ALLOW",
        "ERRNO",
        "KILL",
        "KILL_PROCESS",
        "LOG",
        "TRACE",
        "TRAP",
        "USER_NOTIF",
        "unknown",
    ] {
        assert!(summary.by_action.get(action) > Some(&10), "{action}");
    }
    for feature in [
        "div X",
        "div X by 0",
        "jset",
        "ld arch",
        "ld args (high word)",
        "ld args (low word)",
        "ld instruction_pointer",
        "ld mem",
        "ld nr",
        "ret A",
        "shift by X",
    ] {
        assert!(summary.by_feature.get(feature) > Some(&30), "{feature}");
    }
    assert!(summary.by_abi["int 0x80"] > COUNT / 5);
}

/// A disagreement the kernel really has: seccomp runs no filter for
/// `uretprobe` (Linux 6.13 and later), which, called from anywhere but a
/// uretprobe trampoline, kills the caller with SIGILL. The filter is not
/// at fault, so the emulator cannot see it; that makes it a real
/// disagreement to test the reproducer with.
#[test]
fn reproducers_shrink_filter_and_arguments() {
    let harness = Harness::new();
    let mut baseline = Baseline::new(&harness).unwrap();
    baseline
        .measure(&harness, Abi::X86_64, NR_URETPROBE)
        .unwrap();
    let sigill = Ending::Killed {
        signal: libc::SIGILL,
    };
    let probe = |program: &[Insn]| {
        harness
            .probe(&[program], &call(Abi::X86_64, NR_URETPROBE, [3; 6]))
            .unwrap()
    };
    assert_eq!(probe(&[ret(Action::KILL_PROCESS)]), sigill);
    assert_eq!(probe(&[errno(1)]), sigill);

    let case = emu_kernel::Case {
        seed: 0,
        index: 0,
        program: vec![
            Insn::stmt(LD_ABS, 0),
            jeq(NR_URETPROBE as u32, 0, 1),
            errno(1),
            Insn::stmt(LD_ABS, 16),
            errno(2),
        ],
        call: call(Abi::X86_64, NR_URETPROBE, [3, 0, 7, 0, 0, u64::MAX]),
    };
    let d = Disagreement {
        emulator: emulate(&case.program, &case.call.seccomp_data(), Endian::Little),
        predicted: Some(Ending::Returned(-1)),
        kernel: sigill,
        case,
    };
    let (program, call) = emu_kernel::minimize(&harness, &baseline, &d, 300).unwrap();
    assert_eq!(program, [ret(0)]);
    assert_eq!(call.args, [0; 6]);
    let report = emu_kernel::report(&harness, &baseline, &d, 300).unwrap();
    assert!(report.contains("Insn::new(0x06, 0, 0, 0x0)"), "{report}");
}
