//! Filters built by `seccomp!`, assembled at run time by the `Assembler`,
//! and loaded from a raw filter libseccomp exported, installed in forked
//! children: the kernel accepts them and does what their source (or their
//! emulation) says.
#![cfg(all(
    target_os = "linux",
    target_arch = "x86_64",
    target_pointer_width = "64"
))]

use seccomp_runtime::{
    seccomp, Action, Arch, Assembler, Filter, LoadError, OwnedFilter, SeccompData, Violation,
};
use seccomp_suite::kernel::{Abi, Ending, Harness, Syscall, DEFAULT_TIMEOUT};

/// The example of the documentation: x86_64 only, no x32, `write` and
/// `close` allowed, everything else fails with EIO.
static README: Filter = seccomp! {
    A = arch
    if (A != ARCH_X86_64) goto dead
    A = sys_number
    if (A >= 0x40000000) goto dead
    if (A == write) goto ok
    if (A == close) goto ok
    return ERRNO(5)
ok:
    return ALLOW
dead:
    return KILL
};

/// Runs `body` in a forked child and returns what it returned: 0 when every
/// check passed, or the number of the failed check. The filters under test
/// may refuse `exit`, so the child reports through shared memory and ends
/// with an illegal instruction, which needs no system call.
fn in_child(body: impl FnOnce() -> i32) -> i32 {
    // SAFETY: the bodies below only make system calls and read errno: no
    // allocation, no lock (`Filter::install` allocates only on failure,
    // and a failure is reported at once).
    unsafe { seccomp_testkit::slot::run(DEFAULT_TIMEOUT, body) }
        .unwrap_or_else(|error| panic!("{error}"))
}

fn errno() -> i32 {
    // SAFETY: the calling thread's errno.
    unsafe { *libc::__errno_location() }
}

/// A raw system call and its errno (0 on success).
fn call(nr: libc::c_long, args: [u64; 3]) -> (i64, i32) {
    // SAFETY: the calls made here do not touch memory the process uses.
    let r = unsafe { libc::syscall(nr, args[0], args[1], args[2]) };
    (r, if r < 0 { errno() } else { 0 })
}

#[test]
fn readme_filter_allows_write_and_close_and_fails_the_rest_with_eio() {
    let exit = in_child(|| {
        if README.install().is_err() {
            return 1;
        }
        // Allowed: the call runs and fails on its own terms.
        if call(libc::SYS_write, [u64::MAX, 0, 0]).1 != libc::EBADF {
            return 2;
        }
        if call(libc::SYS_close, [u64::MAX, 0, 0]).1 != libc::EBADF {
            return 3;
        }
        // Everything else: ERRNO(5).
        if call(libc::SYS_getpid, [0; 3]) != (-1, libc::EIO) {
            return 4;
        }
        if call(libc::SYS_openat, [0, 0, 0]) != (-1, libc::EIO) {
            return 5;
        }
        0
    });
    assert_eq!(exit, 0, "check {exit} failed");
}

#[test]
fn readme_filter_kills_x32_system_calls() {
    // x32's write: the x32 bit is refused before any name is checked. KILL
    // is KILL_THREAD; the child has one thread, so it dies of SIGSYS.
    let ending = probe(
        &README,
        Abi::X86_64,
        0x4000_0000 | libc::SYS_write as i32,
        [1, 0, 0, 0, 0, 0],
    );
    assert_eq!(
        ending,
        Ending::Killed {
            signal: libc::SIGSYS
        }
    );
}

/// Decisions on the low and high words of an argument and on the
/// instruction pointer, with distinct errnos so each path is observable.
// A test of argument words, not a policy: it allows what it does not test.
static ARGS: Filter = seccomp! {
    allow(x32_guard, permissive_default, dangerous_allow),
    A = arch
    if (A != ARCH_X86_64) goto kill
    A = sys_number
    if (A != getppid) goto allow
    A = args[1] >> 32
    if (A != 0x12345678) goto high_differs
    A = args[1]
    if (A & 0x80000000) goto low_has_top_bit
    A = instruction_pointer >> 32
    if (A == 0) goto ip_low_half
    return ERRNO(30)
high_differs:
    return ERRNO(10)
low_has_top_bit:
    return TRAP(20)
ip_low_half:
    return ERRNO(40)
allow:
    return ALLOW
kill:
    return KILL_PROCESS
};

fn probe(filter: &Filter, abi: Abi, nr: i32, args: [u64; 6]) -> Ending {
    Harness::new()
        .probe(&[filter.instructions()], &Syscall::new(abi, nr, args))
        .expect("the probe ran")
}

#[test]
fn argument_words_and_instruction_pointer_select_the_paths() {
    let nr = libc::SYS_getppid as i32;
    let high = 0x1234_5678_0000_0000u64;
    assert_eq!(
        probe(&ARGS, Abi::X86_64, nr, [0, 0, 0, 0, 0, 0]).errno(),
        Some(10)
    );
    match probe(&ARGS, Abi::X86_64, nr, [0, high | 0x8000_0000, 0, 0, 0, 0]) {
        Ending::Trapped(sigsys) => assert_eq!(sigsys.errno, 20),
        other => panic!("expected SIGSYS, got {other:?}"),
    }
    // The probe's call site is in this executable, far below 2^32 only if
    // the executable is loaded there; the filter's answer must match.
    let expected = if Abi::X86_64.call_site() >> 32 == 0 {
        40
    } else {
        30
    };
    assert_eq!(
        probe(&ARGS, Abi::X86_64, nr, [0, high | 1, 0, 0, 0, 0]).errno(),
        Some(expected)
    );
    // Any other system call is let through and runs.
    let getpid = probe(&ARGS, Abi::X86_64, libc::SYS_getpid as i32, [0; 6]);
    assert!(
        matches!(getpid, Ending::Returned(pid) if pid > 0),
        "{getpid:?}"
    );
}

#[test]
fn the_arch_check_kills_i386_calls() {
    // `int 0x80` from a 64-bit process reports AUDIT_ARCH_I386.
    let ending = probe(&ARGS, Abi::I386, 64 /* i386 getppid */, [0; 6]);
    assert_eq!(
        ending,
        Ending::Killed {
            signal: libc::SIGSYS
        }
    );
}

/// One filter for both calling conventions of an x86_64 process: names on
/// the i386 path are qualified, which the macro's arch check requires.
// A test of the two calling conventions, not a policy.
static BOTH_ABIS: Filter = seccomp! {
    allow(x32_guard, permissive_default, dangerous_allow),
    A = arch
    if (A == ARCH_I386) goto i386
    if (A != ARCH_X86_64) goto kill
    A = sys_number
    if (A == getppid) goto deny_64
    return ALLOW
i386:
    A = sys_number
    if (A == i386.getppid) goto deny_32
    return ALLOW
deny_64:
    return ERRNO(64)
deny_32:
    return ERRNO(32)
kill:
    return KILL_PROCESS
};

#[test]
fn a_filter_can_serve_both_x86_calling_conventions() {
    assert_eq!(
        probe(&BOTH_ABIS, Abi::X86_64, libc::SYS_getppid as i32, [0; 6]).errno(),
        Some(64)
    );
    assert_eq!(probe(&BOTH_ABIS, Abi::I386, 64, [0; 6]).errno(), Some(32));
    // i386 getpid (20) is allowed and returns the pid.
    assert!(matches!(probe(&BOTH_ABIS, Abi::I386, 20, [0; 6]), Ending::Returned(pid) if pid > 0));
}

/// A conditional jump over 300 instructions, accepted with `relax_jumps`.
static FAR: Filter = seccomp!(
    relax_jumps,
    allow(x32_guard, permissive_default, dangerous_allow),
    file = "tests/filters/far_jump.asm"
);

#[test]
fn relaxed_jumps_reach_their_targets() {
    assert!(FAR.len() > 300);
    assert_eq!(
        probe(&FAR, Abi::X86_64, libc::SYS_getppid as i32, [0; 6]).errno(),
        Some(1)
    );
    assert_eq!(
        probe(&FAR, Abi::X86_64, libc::SYS_getpid as i32, [0; 6]).errno(),
        Some(2)
    );
}

/// A policy as a service might read it from its configuration at start-up.
const RUN_TIME_POLICY: &str = "\
A = arch
if (A != ARCH_X86_64) goto dead
A = sys_number
if (A >= 0x40000000) goto dead
if (A == getppid) goto eperm
if (A == getuid) goto allow
if (A != getpid) goto enosys
A = args[0]
if (A == 7) goto eio
allow: return ALLOW
eio: return ERRNO(5)
eperm: return ERRNO(1)
enosys: return ERRNO(38)
dead: return KILL
";

/// The system calls the run-time filters are probed with: number and
/// arguments.
const PROBES: [(libc::c_long, [u64; 3]); 7] = [
    (libc::SYS_getppid, [0; 3]),
    (libc::SYS_getuid, [0; 3]),
    (libc::SYS_getpid, [0; 3]),
    (libc::SYS_getpid, [7, 0, 0]),
    (libc::SYS_getpid, [1, 0, 0]),
    (libc::SYS_close, [u64::MAX, 0, 0]),
    (libc::SYS_openat, [0, 0, 0]),
];

/// Installs `filter` with the runtime's `install` in a child and makes each
/// of [`PROBES`]: each must end as [`Filter::emulate`] says, an `ERRNO(n)`
/// as errno `n`, an `ALLOW` as the call running (it fails, if at all, with
/// an errno the filter never returns). Returns how many probes the filter
/// answered with an errno.
fn behaves_as_emulated(filter: &Filter, errnos: &[i32]) -> usize {
    let expected: Vec<Action> = PROBES
        .iter()
        .map(|&(nr, args)| {
            filter.emulate(&SeccompData {
                nr: nr as i32,
                arch: 0xc000_003e,
                instruction_pointer: 0,
                args: [args[0], args[1], args[2], 0, 0, 0],
            })
        })
        .collect();
    let exit = in_child(|| {
        if filter.install().is_err() {
            return 100;
        }
        for (i, (&(nr, args), want)) in PROBES.iter().zip(&expected).enumerate() {
            let (ret, errno) = call(nr, args);
            let ok = match *want {
                Action::Errno(e) => (ret, errno) == (-1, i32::from(e)),
                Action::Allow(_) => !(ret == -1 && errnos.contains(&errno)),
                _ => false,
            };
            if !ok {
                return i as i32 + 1;
            }
        }
        0
    });
    assert_eq!(
        exit, 0,
        "probe {exit} (from 1) did not end as emulated: {expected:?}"
    );
    expected
        .iter()
        .filter(|a| matches!(a, Action::Errno(_)))
        .count()
}

#[test]
fn a_filter_assembled_at_run_time_does_what_its_emulation_says() {
    let assembled = Assembler::new(Arch::X86_64)
        .name("policy.asm")
        .assemble(RUN_TIME_POLICY)
        .expect("the policy assembles");
    assert_eq!(assembled.warnings_text(), "");
    let filter = assembled.into_filter();
    // getppid, getpid(7), close and openat fail with the filter's errnos;
    // getuid, getpid(0) and getpid(1) run.
    assert_eq!(behaves_as_emulated(&filter, &[1, 5, 38]), 4);
}

#[test]
fn a_filter_libseccomp_exported_does_what_its_emulation_says() {
    // An allow-list of read, write, close, exit_group and getpid(0), ENOSYS
    // otherwise (`tests/tools/gen_bpf_fixtures.py`).
    let bytes = include_bytes!("ui/filters/libseccomp-allowlist.amd64.bpf");
    let filter = OwnedFilter::from_bpf(bytes, Arch::X86_64).expect("a valid filter");
    // getppid, getuid, getpid(7), getpid(1) and openat get ENOSYS; getpid(0)
    // and close run.
    assert_eq!(behaves_as_emulated(&filter, &[38]), 5);
}

#[test]
fn bad_run_time_filters_give_every_error() {
    let text = "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_numbr\n\
                if (A == getpidd) goto dead\nreturn ERRNO(5000)\ndead: return KILL\n";
    let err = Assembler::new(Arch::X86_64)
        .name("bad.asm")
        .assemble(text)
        .expect_err("three mistakes");
    assert_eq!(err.diagnostics().len(), 3, "{err}");
    let shown = err.to_string();
    for line in ["bad.asm:3:5 ", "bad.asm:4:10 ", "bad.asm:5:8 "] {
        assert!(shown.contains(line), "no {line:?} in:\n{shown}");
    }

    let broken = include_bytes!("ui/filters/broken.amd64.bpf");
    match OwnedFilter::from_bpf(broken, Arch::X86_64) {
        Err(LoadError::Invalid { violations, .. }) => assert_eq!(
            violations,
            [
                Violation::JumpOutOfRange { pc: 1, target: 11 },
                Violation::DivisionByZero { pc: 2 },
                Violation::NoFinalReturn { pc: 4 },
            ]
        ),
        other => panic!("expected the violations, got {other:?}"),
    }
    let truncated = include_bytes!("ui/filters/truncated.amd64.bpf");
    assert_eq!(
        OwnedFilter::from_bpf(truncated, Arch::X86_64).unwrap_err(),
        LoadError::PartialInstruction { len: 133 }
    );
}
