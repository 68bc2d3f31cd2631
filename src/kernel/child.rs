//! The child side: what runs between `fork` and the end of the child.
//!
//! Everything here is async-signal-safe, because the parent may have other
//! threads whose locks were copied in whatever state they were: raw system
//! calls through libc's thin wrappers, atomic stores into the shared mapping,
//! no allocation, no formatting, no panic.

use super::MAX_BATCH;
use core::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use libc::c_int;
use seccomp_testkit::slot::{self, trap, SetupSlot, EXIT_SETUP};
use seccomp_testkit::SetupError;

/// Readies a fresh child for filters: ready to end by [`trap`] (no core
/// dumps, `SIGILL` with its default action, `SIGILL` and `SIGSYS`
/// unblocked), and no_new_privs, which `seccomp(2)` requires without
/// CAP_SYS_ADMIN.
///
/// Returns `false` after recording the failing step in `fail`.
///
/// # Safety
/// Only in a forked child.
pub(super) unsafe fn prepare(fail: &SetupSlot) -> bool {
    let prepared = slot::prepare_for_trap().and_then(|()| {
        if libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 {
            return Err(SetupError::last("prctl(PR_SET_NO_NEW_PRIVS)"));
        }
        Ok(())
    });
    match prepared {
        Ok(()) => true,
        Err(error) => {
            fail.record(error);
            false
        }
    }
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
        -i64::from(seccomp_testkit::errno())
    } else {
        r
    }
}

/// What a batch child reports: `values[i]` is the result of installing
/// program `i`, for `i < done`.
#[repr(C)]
pub(super) struct BatchResults {
    pub setup: SetupSlot,
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
