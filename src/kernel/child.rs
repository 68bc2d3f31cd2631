//! The child side: what runs between `fork` and the end of the child.
//!
//! Everything here is async-signal-safe, because the parent may have other
//! threads whose locks were copied in whatever state they were: raw system
//! calls through libc's thin wrappers, atomic stores into the shared mapping,
//! no allocation, no formatting, no panic.

use super::MAX_BATCH;
use core::sync::atomic::{AtomicI32, AtomicI64, AtomicU32, Ordering};
use libc::c_int;

/// Exit status of a child that could not prepare itself.
pub(super) const EXIT_SETUP: c_int = 125;
/// Exit status of a child whose code panicked.
const EXIT_PANIC: c_int = 127;

/// Ends the child if its code unwinds, so a panic never returns into the
/// parent's code running in the child.
pub(super) struct ExitOnUnwind;

impl Drop for ExitOnUnwind {
    fn drop(&mut self) {
        // SAFETY: ends the child immediately, without destructors.
        unsafe { libc::_exit(EXIT_PANIC) }
    }
}

/// Ends the child without a system call, by an undefined instruction
/// (`SIGILL`, whose default action [`prepare`] restored). After a filter is
/// installed, no system call may be allowed, not even `exit`.
pub(super) fn trap() -> ! {
    // SAFETY: the instruction only raises SIGILL.
    unsafe {
        #[cfg(any(target_arch = "x86_64", target_arch = "x86"))]
        core::arch::asm!("ud2", options(noreturn, nomem, nostack));
        #[cfg(target_arch = "aarch64")]
        core::arch::asm!("udf #0", options(noreturn, nomem, nostack));
        #[cfg(target_arch = "riscv64")]
        core::arch::asm!("unimp", options(noreturn, nomem, nostack));
    }
}

#[cfg(not(any(
    target_arch = "x86_64",
    target_arch = "x86",
    target_arch = "aarch64",
    target_arch = "riscv64"
)))]
compile_error!("the kernel harness knows how to raise SIGILL on x86, x86_64, aarch64 and riscv64");

fn errno() -> c_int {
    // SAFETY: reads this thread's errno.
    unsafe { *libc::__errno_location() }
}

/// Which preparation step of the child failed, if any.
#[repr(C)]
pub(super) struct SetupFailure {
    /// An index into [`SETUP_CALLS`]; 0 when nothing failed.
    pub call: AtomicU32,
    pub errno: AtomicI32,
}

const SETUP_CALLS: [&str; 6] = [
    "nothing",
    "prctl(PR_SET_DUMPABLE)",
    "setrlimit(RLIMIT_CORE)",
    "sigaction",
    "sigprocmask",
    "prctl(PR_SET_NO_NEW_PRIVS)",
];
const SETUP_DUMPABLE: u32 = 1;
const SETUP_RLIMIT: u32 = 2;
pub(super) const SETUP_SIGACTION: u32 = 3;
const SETUP_SIGPROCMASK: u32 = 4;
const SETUP_NO_NEW_PRIVS: u32 = 5;

pub(super) fn setup_call_name(call: u32) -> &'static str {
    SETUP_CALLS
        .get(call as usize)
        .copied()
        .unwrap_or("an unknown step")
}

impl SetupFailure {
    /// Records that `call` failed with the current errno; returns `false`.
    pub(super) fn record(&self, call: u32) -> bool {
        self.errno.store(errno(), Ordering::Relaxed);
        self.call.store(call, Ordering::Release);
        false
    }
}

/// Readies a fresh child for filters: no core dumps (children die of
/// `SIGILL` and `SIGSYS` by design, and `core_pattern` may write files or
/// start a helper for each), `SIGILL` with its default action and `SIGILL`
/// and `SIGSYS` unblocked (the parent's handlers and mask were inherited),
/// and no_new_privs, which `seccomp(2)` requires without CAP_SYS_ADMIN.
///
/// Returns `false` after recording the failing step in `fail`.
///
/// # Safety
/// Only in a forked child.
pub(super) unsafe fn prepare(fail: &SetupFailure) -> bool {
    if libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) != 0 {
        return fail.record(SETUP_DUMPABLE);
    }
    let no_core = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    if libc::setrlimit(libc::RLIMIT_CORE, &no_core) != 0 {
        return fail.record(SETUP_RLIMIT);
    }
    let mut default: libc::sigaction = core::mem::zeroed();
    default.sa_sigaction = libc::SIG_DFL;
    libc::sigemptyset(&mut default.sa_mask);
    if libc::sigaction(libc::SIGILL, &default, core::ptr::null_mut()) != 0 {
        return fail.record(SETUP_SIGACTION);
    }
    let mut unblock: libc::sigset_t = core::mem::zeroed();
    libc::sigemptyset(&mut unblock);
    libc::sigaddset(&mut unblock, libc::SIGILL);
    libc::sigaddset(&mut unblock, libc::SIGSYS);
    if libc::sigprocmask(libc::SIG_UNBLOCK, &unblock, core::ptr::null_mut()) != 0 {
        return fail.record(SETUP_SIGPROCMASK);
    }
    if libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 {
        return fail.record(SETUP_NO_NEW_PRIVS);
    }
    true
}

/// `seccomp(SECCOMP_SET_MODE_FILTER, flags, prog)`: the raw result, or
/// `-errno`.
///
/// # Safety
/// `prog` must describe readable memory (or deliberately not, to test EFAULT).
pub(super) unsafe fn install(prog: &libc::sock_fprog, flags: u32) -> i64 {
    let r = libc::syscall(
        libc::SYS_seccomp,
        libc::SECCOMP_SET_MODE_FILTER,
        flags as libc::c_uint,
        prog as *const libc::sock_fprog,
    );
    if r < 0 {
        -i64::from(errno())
    } else {
        r
    }
}

/// What a batch child reports: `values[i]` is the result of installing
/// program `i`, for `i < done`.
#[repr(C)]
pub(super) struct BatchResults {
    pub setup: SetupFailure,
    pub done: AtomicU32,
    pub values: [AtomicI64; MAX_BATCH],
}

/// Installs `programs` in turn until one is accepted, recording each result.
/// Ends by [`trap`] after an accepted program (the child is filtered from
/// then on), or returns 0 when every program was refused.
///
/// # Safety
/// Only in a forked child; the programs' memory must be valid.
pub(super) unsafe fn verdicts(
    out: &BatchResults,
    programs: &[libc::sock_fprog],
    flags: u32,
) -> c_int {
    if !prepare(&out.setup) {
        return EXIT_SETUP;
    }
    for (i, (prog, slot)) in programs.iter().zip(out.values.iter()).enumerate() {
        let value = install(prog, flags);
        slot.store(value, Ordering::Relaxed);
        out.done.store(i as u32 + 1, Ordering::Release);
        if value >= 0 {
            trap();
        }
    }
    0
}
