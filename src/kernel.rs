//! The running kernel as a judge: install programs in forked children and
//! report what the kernel said and did.
//!
//! Every question is asked in a fresh child process made by `fork`, because
//! a filter, once installed, stays on the task for good. The children are
//! those of `seccomp_testkit::slot`: the child speaks to the parent through
//! an anonymous shared mapping, not a pipe: after a filter is installed the
//! child may not be allowed any system call, not even `write` or `exit`, so
//! it records its results with plain memory stores and then ends itself with
//! an undefined instruction (`SIGILL`), which needs no system call either.
//! The parent waits on a pidfd with a timeout, kills a child that overstays,
//! and always reaps it: no zombie is left behind, even when the parent
//! panics.
//!
//! Between `fork` and its end the child runs only async-signal-safe code (raw
//! system calls and stores into the shared mapping, no allocation, no lock),
//! so the harness is safe to use from many threads at once, as the test
//! harness does.
//!
//! - [`Harness::verdict`] and [`Harness::verdicts`]: does `seccomp(2)` accept
//!   this program? A refused install changes nothing, so one child tries
//!   programs in turn until one is accepted; every accepted program costs one
//!   child.
//! - [`Harness::probe`] (x86_64): install filters, then make one system call
//!   with chosen number and arguments from a known instruction address, and
//!   report how it ended: returned value, `SIGSYS` from `SECCOMP_RET_TRAP`
//!   with its `siginfo`, or death by a signal.
//! - [`Harness::run_in_child`]: the same fork-and-wait machinery for any
//!   async-signal-safe code.
//!
//! ```
//! use seccomp_asm::bpf::seccomp::RET_K;
//! use seccomp_asm::{Action, Insn};
//! use seccomp_suite::kernel::{Harness, Verdict};
//!
//! let h = Harness::new();
//! let errno_13 = [Insn::stmt(RET_K, Action::ERRNO | 13)];
//! assert_eq!(h.verdict(&errno_13)?, Verdict::Accepted);
//! assert_eq!(h.verdict(&[])?, Verdict::Rejected(libc::EINVAL));
//!
//! # #[cfg(target_arch = "x86_64")] {
//! use seccomp_suite::kernel::{Abi, Ending, Syscall};
//! const GETPID: i32 = 39;
//! let call = Syscall::new(Abi::X86_64, GETPID, [0; 6]);
//! assert_eq!(h.probe(&[&errno_13], &call)?, Ending::Returned(-13));
//! # }
//! # Ok::<(), seccomp_suite::kernel::HarnessError>(())
//! ```

mod child;
#[cfg(target_arch = "x86_64")]
mod probe;

#[cfg(target_arch = "x86_64")]
pub use probe::{Abi, Ending, Sigsys, Syscall};
/// How a child process ended.
pub use seccomp_testkit::Status;

use core::fmt;
use core::sync::atomic::Ordering;
use seccomp_asm::Insn;
use seccomp_testkit::slot::{self, Shared};
use seccomp_testkit::Process;
use std::time::Duration;

/// How long a child may run before it is killed, unless [`Harness::timeout`]
/// says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Most programs one child tries before it is replaced.
pub const MAX_BATCH: usize = 1024;

/// What `seccomp(SECCOMP_SET_MODE_FILTER)` answered.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Verdict {
    /// The filter was installed.
    Accepted,
    /// The call failed with this errno; nothing was installed.
    Rejected(i32),
}

impl Verdict {
    /// `Verdict` from the raw return value of the system call (`-errno` on failure).
    fn from_raw(value: i64) -> Verdict {
        if value >= 0 {
            Verdict::Accepted
        } else {
            Verdict::Rejected(i32::try_from(-value).unwrap_or(i32::MAX))
        }
    }

    pub fn is_accepted(self) -> bool {
        self == Verdict::Accepted
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Verdict::Accepted => f.write_str("accepted"),
            Verdict::Rejected(errno) => write!(f, "rejected with {}", errno_name(errno)),
        }
    }
}

/// The symbolic name of the errnos seccomp(2) can return, else the number.
pub fn errno_name(errno: i32) -> String {
    let name = match errno {
        libc::EINVAL => "EINVAL",
        libc::EFAULT => "EFAULT",
        libc::EACCES => "EACCES",
        libc::ENOMEM => "ENOMEM",
        libc::EPERM => "EPERM",
        libc::ENOSYS => "ENOSYS",
        libc::EBUSY => "EBUSY",
        libc::EMFILE => "EMFILE",
        libc::ESRCH => "ESRCH",
        libc::EOPNOTSUPP => "EOPNOTSUPP",
        524 => "ENOTSUPP",
        _ => return format!("errno {errno}"),
    };
    name.to_owned()
}

/// The harness could not get an answer from the kernel. None of these is a
/// verdict about the program: each means the question was not asked properly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HarnessError {
    /// A system call the harness itself needs failed.
    Os { call: &'static str, errno: i32 },
    /// The child did not end in time and was killed.
    Timeout { after: Duration },
    /// The child could not prepare itself (`prctl`, `sigaction`, ...).
    ChildSetup { call: &'static str, errno: i32 },
    /// The child ended in a way the protocol does not allow.
    Protocol { exit: Status, detail: String },
    /// A program longer than `struct sock_fprog` can describe (its `len` is
    /// an unsigned short).
    ProgramTooLong { len: usize },
    /// A filter to install before a probe was refused (the filters installed
    /// before it see the `seccomp` call too, and may be the reason).
    FilterRejected { index: usize, errno: i32 },
    /// A system-call argument does not fit the calling convention (i386
    /// registers are 32 bits wide).
    ArgumentTooWide { index: usize, value: u64 },
}

impl fmt::Display for HarnessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HarnessError::Os { call, errno } => {
                write!(
                    f,
                    "{call} failed: {}",
                    std::io::Error::from_raw_os_error(*errno)
                )
            }
            HarnessError::Timeout { after } => {
                write!(f, "the child did not end within {after:?} and was killed")
            }
            HarnessError::ChildSetup { call, errno } => write!(
                f,
                "the child could not prepare itself: {call} failed: {}",
                std::io::Error::from_raw_os_error(*errno)
            ),
            HarnessError::Protocol { exit, detail } => {
                write!(
                    f,
                    "the child {exit}, which the harness cannot explain: {detail}"
                )
            }
            HarnessError::ProgramTooLong { len } => write!(
                f,
                "a program of {len} instructions cannot be passed to the kernel: \
                 struct sock_fprog counts at most {}",
                u16::MAX
            ),
            HarnessError::FilterRejected { index, errno } => {
                write!(f, "filter {index} was {}", Verdict::Rejected(*errno))
            }
            HarnessError::ArgumentTooWide { index, value } => write!(
                f,
                "argument {index} ({value:#x}) does not fit a 32-bit register"
            ),
        }
    }
}

impl std::error::Error for HarnessError {}

impl From<seccomp_testkit::Error> for HarnessError {
    fn from(error: seccomp_testkit::Error) -> HarnessError {
        match error {
            seccomp_testkit::Error::Os { call, errno } => HarnessError::Os { call, errno },
            seccomp_testkit::Error::Timeout { after } => HarnessError::Timeout { after },
            seccomp_testkit::Error::Unexplained { status } => HarnessError::Protocol {
                exit: Status::Exited(-1),
                detail: format!("waitpid returned status {status:#x}"),
            },
        }
    }
}

impl From<seccomp_testkit::SetupError> for HarnessError {
    fn from(error: seccomp_testkit::SetupError) -> HarnessError {
        HarnessError::ChildSetup {
            call: error.call,
            errno: error.errno,
        }
    }
}

/// The failure a child recorded in `setup`, once it exited with
/// [`slot::EXIT_SETUP`].
fn setup_error(setup: &slot::SetupSlot, exit: Status) -> HarnessError {
    match setup.error() {
        Some(error) => error.into(),
        None => HarnessError::Protocol {
            exit,
            detail: "it recorded no failed step".to_owned(),
        },
    }
}

/// Runs programs in the kernel. Cheap to build and to clone; holds settings only.
#[derive(Clone, Debug)]
pub struct Harness {
    timeout: Duration,
    batch: usize,
    flags: u32,
}

impl Default for Harness {
    fn default() -> Harness {
        Harness::new()
    }
}

impl Harness {
    /// Filter flags 0, [`DEFAULT_TIMEOUT`], batches of [`MAX_BATCH`].
    pub fn new() -> Harness {
        Harness {
            timeout: DEFAULT_TIMEOUT,
            batch: MAX_BATCH,
            flags: 0,
        }
    }

    /// How long one child may run.
    pub fn timeout(mut self, timeout: Duration) -> Harness {
        self.timeout = timeout;
        self
    }

    /// How many refused programs one child may try before it is replaced
    /// (1 means one child per program). Only speed depends on it. Values
    /// outside `1..=MAX_BATCH` are brought into that range.
    pub fn batch(mut self, batch: usize) -> Harness {
        self.batch = batch.clamp(1, MAX_BATCH);
        self
    }

    /// The `flags` argument of `seccomp(SECCOMP_SET_MODE_FILTER, flags, prog)`.
    pub fn flags(mut self, flags: u32) -> Harness {
        self.flags = flags;
        self
    }

    /// Whether the kernel installs `program`, asked in a fresh child with
    /// no_new_privs set and no filter yet.
    pub fn verdict(&self, program: &[Insn]) -> Result<Verdict, HarnessError> {
        let verdicts = self.verdicts(&[program])?;
        Ok(verdicts[0])
    }

    /// [`Harness::verdict`] for many programs: the result has one verdict
    /// per program, in order. Each program is asked in a child with no filter
    /// installed yet.
    pub fn verdicts<P: AsRef<[Insn]>>(&self, programs: &[P]) -> Result<Vec<Verdict>, HarnessError> {
        let fprogs = programs
            .iter()
            .map(|p| sock_fprog(p.as_ref()))
            .collect::<Result<Vec<_>, _>>()?;
        let shared = Shared::<child::BatchResults>::new()?;
        let mut out = Vec::with_capacity(programs.len());
        while out.len() < fprogs.len() {
            let start = out.len();
            let chunk = &fprogs[start..fprogs.len().min(start + self.batch)];
            let results = shared.get();
            results.done.store(0, Ordering::Relaxed);
            results.setup.reset();
            let flags = self.flags;
            let exit = self.run_child(|| {
                // SAFETY: runs in the forked child; `child::verdicts` is
                // async-signal-safe.
                unsafe { child::verdicts(results, chunk, flags) }
            })?;
            let done = results.done.load(Ordering::Acquire) as usize;
            if exit == Status::Exited(slot::EXIT_SETUP) {
                return Err(setup_error(&results.setup, exit));
            }
            if done == 0 || done > chunk.len() {
                return Err(HarnessError::Protocol {
                    exit,
                    detail: format!("it reported {done} results for {} programs", chunk.len()),
                });
            }
            let raw: Vec<i64> = results.values[..done]
                .iter()
                .map(|v| v.load(Ordering::Relaxed))
                .collect();
            let accepted_last = raw[done - 1] >= 0;
            let refused_before = raw[..done - 1].iter().all(|&v| v < 0);
            // A child ends by SIGILL right after an accepted install, or
            // exits 0 after every program of its batch was refused.
            let consistent = refused_before
                && match exit {
                    Status::Signaled(libc::SIGILL) => accepted_last,
                    Status::Exited(0) => !accepted_last && done == chunk.len(),
                    _ => false,
                };
            if !consistent {
                return Err(HarnessError::Protocol {
                    exit,
                    detail: format!("results {raw:?} for {} programs", chunk.len()),
                });
            }
            out.extend(raw.into_iter().map(Verdict::from_raw));
        }
        Ok(out)
    }

    /// Forks, runs `body` in the child, `_exit`s with its result, and waits
    /// (at most the harness's timeout) for the child to end. The child is
    /// always reaped; on timeout it is killed first.
    ///
    /// # Safety
    /// `body` runs in the child of a possibly multi-threaded process: it may
    /// only use async-signal-safe calls (no allocation, no lock, no
    /// formatting), and must not panic; if it does panic, the child exits
    /// with status 127 without returning into the caller's code.
    pub unsafe fn run_in_child(
        &self,
        body: impl FnOnce() -> libc::c_int,
    ) -> Result<Status, HarnessError> {
        self.run_child(body)
    }

    /// [`Harness::run_in_child`], for bodies this module vouches for.
    fn run_child(&self, body: impl FnOnce() -> libc::c_int) -> Result<Status, HarnessError> {
        // SAFETY: the bodies this module passes are async-signal-safe.
        let child = unsafe { Process::fork(body) }?;
        Ok(child.wait_timeout(self.timeout)?)
    }
}

/// `struct sock_fprog` for a program; the program must outlive its use.
fn sock_fprog(program: &[Insn]) -> Result<libc::sock_fprog, HarnessError> {
    let len = u16::try_from(program.len())
        .map_err(|_| HarnessError::ProgramTooLong { len: program.len() })?;
    Ok(libc::sock_fprog {
        len,
        // `Insn` is laid out as `struct sock_filter`; the kernel only reads it.
        filter: program.as_ptr() as *mut libc::sock_filter,
    })
}
