//! Results through shared memory, and an end by illegal instruction.
//!
//! Once a filter is installed the child may be allowed no system call at
//! all, not even `write` or `exit`. So it reports with plain stores into an
//! anonymous shared mapping ([`Shared`]) and then ends itself with an
//! undefined instruction ([`trap`], `SIGILL`), which needs no system call
//! either. The parent reads the mapping after reaping the child.
//!
//! [`run`] is the whole round for a body that reports one `i32`; callers
//! with more to say build their own on [`Shared`], [`SetupSlot`],
//! [`prepare_for_trap`] and [`Process`].

use crate::{Error, Process, SetupError, Status};
use core::fmt;
use core::ptr::NonNull;
use core::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, AtomicUsize, Ordering};
use std::time::Duration;

/// Exit status of a child that could not prepare itself; what failed is in
/// its [`SetupSlot`].
pub const EXIT_SETUP: libc::c_int = 125;

/// Ends the child without a system call, by an undefined instruction
/// (`SIGILL`, which [`prepare_for_trap`] gave its default action).
pub fn trap() -> ! {
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
compile_error!("the test kit knows how to raise SIGILL on x86, x86_64, aarch64 and riscv64");

/// Readies a fresh child to end by [`trap`]: no core dumps, `SIGILL` with
/// its default action, and `SIGILL` and `SIGSYS` unblocked (the parent's
/// handlers and mask were inherited; `SIGSYS` is how the kernel reports a
/// trapped or killed system call).
///
/// Async-signal-safe: only in a forked child.
pub fn prepare_for_trap() -> Result<(), SetupError> {
    crate::no_core_dumps()?;
    crate::default_action(libc::SIGILL)?;
    crate::unblock(&[libc::SIGILL, libc::SIGSYS])
}

/// Memory shared between the parent and its forked children: an anonymous
/// `MAP_SHARED` mapping holding one `T`, zero-filled at creation.
///
/// `T` must be valid when all its bytes are zero and must be `Sync`: the
/// types used with it are made of atomics only.
pub struct Shared<T> {
    ptr: NonNull<T>,
}

impl<T: Sync> Shared<T> {
    pub fn new() -> Result<Shared<T>, Error> {
        // SAFETY: a fresh anonymous mapping; no existing memory is touched.
        let ptr = unsafe {
            libc::mmap(
                core::ptr::null_mut(),
                core::mem::size_of::<T>(),
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(crate::os_error("mmap"));
        }
        let ptr = NonNull::new(ptr.cast::<T>()).ok_or(Error::Os {
            call: "mmap",
            errno: libc::ENOMEM,
        })?;
        Ok(Shared { ptr })
    }

    pub fn get(&self) -> &T {
        // SAFETY: the mapping is page-aligned, zero-filled (a valid `T` made
        // of atomics), and lives until `self` is dropped.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T> Drop for Shared<T> {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping made in `new`.
        unsafe { libc::munmap(self.ptr.as_ptr().cast(), core::mem::size_of::<T>()) };
    }
}

/// Where a child records the [`SetupError`] that stopped it; empty when
/// zeroed. Part of a [`Shared`] mapping.
#[repr(C)]
pub struct SetupSlot {
    call: AtomicPtr<u8>,
    call_len: AtomicUsize,
    errno: AtomicI32,
}

impl SetupSlot {
    /// Records `error`; in the child, without allocation.
    pub fn record(&self, error: SetupError) {
        self.errno.store(error.errno, Ordering::Relaxed);
        self.call_len.store(error.call.len(), Ordering::Relaxed);
        self.call
            .store(error.call.as_ptr().cast_mut(), Ordering::Release);
    }

    /// Empties the slot for another child.
    pub fn reset(&self) {
        self.call.store(core::ptr::null_mut(), Ordering::Relaxed);
        self.call_len.store(0, Ordering::Relaxed);
        self.errno.store(0, Ordering::Relaxed);
    }

    /// What a child recorded, once it is gone.
    pub fn error(&self) -> Option<SetupError> {
        let ptr = self.call.load(Ordering::Acquire);
        if ptr.is_null() {
            return None;
        }
        let len = self.call_len.load(Ordering::Relaxed);
        // SAFETY: only `record` stores a pointer, that of a `&'static str`
        // of the executable, which a forked child shares with its parent at
        // the same address.
        let call = unsafe {
            core::str::from_utf8_unchecked(core::slice::from_raw_parts(ptr.cast_const(), len))
        };
        Some(SetupError {
            call,
            errno: self.errno.load(Ordering::Relaxed),
        })
    }
}

/// What the child of [`run`] reports.
#[repr(C)]
struct Report {
    setup: SetupSlot,
    reported: AtomicBool,
    value: AtomicI32,
}

/// Why [`run`] has no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunError {
    /// Forking, waiting or mapping failed, or the child overstayed.
    Harness(Error),
    /// The child could not prepare itself.
    Setup(SetupError),
    /// The child ended otherwise than by [`trap`] after its report.
    Unreported { status: Status },
}

impl From<Error> for RunError {
    fn from(error: Error) -> RunError {
        RunError::Harness(error)
    }
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Harness(error) => error.fmt(f),
            RunError::Setup(error) => error.fmt(f),
            RunError::Unreported { status } => write!(f, "the child {status} before reporting"),
        }
    }
}

impl std::error::Error for RunError {}

/// Runs `body` in a child readied by [`prepare_for_trap`], which stores what
/// `body` returns in shared memory and ends by [`trap`]; waits at most
/// `timeout` for it, and gives that value.
///
/// # Safety
/// As [`Process::fork`]: `body` must be async-signal-safe.
pub unsafe fn run(timeout: Duration, body: impl FnOnce() -> i32) -> Result<i32, RunError> {
    let shared = Shared::<Report>::new()?;
    let report = shared.get();
    let child = Process::fork(|| {
        if let Err(error) = prepare_for_trap() {
            report.setup.record(error);
            return EXIT_SETUP;
        }
        report.value.store(body(), Ordering::Relaxed);
        report.reported.store(true, Ordering::Release);
        trap()
    })?;
    let status = child.wait_timeout(timeout)?;
    if let Some(error) = report.setup.error() {
        return Err(RunError::Setup(error));
    }
    match status {
        Status::Signaled(libc::SIGILL) if report.reported.load(Ordering::Acquire) => {
            Ok(report.value.load(Ordering::Relaxed))
        }
        status => Err(RunError::Unreported { status }),
    }
}
