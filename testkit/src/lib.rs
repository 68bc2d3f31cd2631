//! Running test code in a forked child, for the workspace's tests and tools.
//!
//! A seccomp filter, once installed, stays on the task for good, and the
//! kernel's answer to a filtered system call may be to kill the process: so
//! every test that installs one does it in a child made by `fork`. This
//! crate is the one place that forks such a child, readies it, waits for it,
//! says how it ended, and kills and reaps it when the parent gives up on it.
//!
//! - [`Process`]: the core. [`Process::fork`] runs a body in a child that
//!   `_exit`s with the body's result; [`Process::wait`] and
//!   [`Process::wait_timeout`] reap it and give its [`Status`]; dropping an
//!   unreaped one kills and reaps it, so a failing test leaves no process
//!   behind. [`no_core_dumps`], [`default_action`] and [`unblock`] ready a
//!   child with async-signal-safe calls only.
//! - [`channel`]: for bodies that may allocate and whose filters allow
//!   `write`: the child reports lines through a pipe, can wait for the
//!   parent, and a panic is reported.
//! - [`slot`]: for bodies under filters that may refuse even `write` and
//!   `exit`: the child stores its results in shared memory and ends by an
//!   illegal instruction, which needs no system call.
//!
//! Unsafe code cannot be forbidden here: forking, waiting and sharing memory
//! are raw system calls, and every `unsafe` block says why it is sound.

pub mod channel;
pub mod slot;

use core::fmt;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::time::{Duration, Instant};

/// Exit status of a child whose body unwound past [`Process::fork`].
pub const EXIT_PANIC: libc::c_int = 127;

/// How a child process ended.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Status {
    /// It called `exit` with this status.
    Exited(i32),
    /// It was killed by this signal.
    Signaled(i32),
}

impl Status {
    /// The status of a raw `waitpid` status word, if it says the child ended.
    pub fn from_wait(status: libc::c_int) -> Option<Status> {
        if libc::WIFEXITED(status) {
            Some(Status::Exited(libc::WEXITSTATUS(status)))
        } else if libc::WIFSIGNALED(status) {
            Some(Status::Signaled(libc::WTERMSIG(status)))
        } else {
            None
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Status::Exited(code) => write!(f, "exited with status {code}"),
            Status::Signaled(sig) => write!(f, "was killed by signal {sig}"),
        }
    }
}

/// Why no [`Status`] could be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// A system call of the parent failed.
    Os { call: &'static str, errno: i32 },
    /// The child did not end in time and was killed.
    Timeout { after: Duration },
    /// `waitpid` returned a status word that is neither an exit nor a death
    /// by a signal.
    Unexplained { status: libc::c_int },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Os { call, errno } => write!(
                f,
                "{call} failed: {}",
                std::io::Error::from_raw_os_error(*errno)
            ),
            Error::Timeout { after } => {
                write!(f, "the child did not end within {after:?} and was killed")
            }
            Error::Unexplained { status } => write!(f, "waitpid returned status {status:#x}"),
        }
    }
}

impl std::error::Error for Error {}

/// The calling thread's errno.
pub fn errno() -> i32 {
    // SAFETY: reads this thread's errno, which libc keeps per thread.
    unsafe { *libc::__errno_location() }
}

fn os_error(call: &'static str) -> Error {
    Error::Os {
        call,
        errno: errno(),
    }
}

/// A step of a child's preparation that failed, with its errno. Made in the
/// child without allocation, so it can be stored in a [`slot::SetupSlot`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetupError {
    /// The call that failed, as `prctl(PR_SET_DUMPABLE)`.
    pub call: &'static str,
    pub errno: i32,
}

impl SetupError {
    /// The failure of `call`, with the current errno.
    pub fn last(call: &'static str) -> SetupError {
        SetupError {
            call,
            errno: errno(),
        }
    }
}

impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the child could not prepare itself: {} failed: {}",
            self.call,
            std::io::Error::from_raw_os_error(self.errno)
        )
    }
}

/// Turns core dumps off in a child: children die of `SIGSYS`, `SIGILL` and
/// `SIGKILL` by design, and `core_pattern` may write a file or start a
/// helper for each. The size limit alone does not stop a piped
/// `core_pattern`; a process that is not dumpable dumps nothing.
///
/// Async-signal-safe: only in a forked child.
pub fn no_core_dumps() -> Result<(), SetupError> {
    // SAFETY: prctl with integer arguments only.
    if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) } != 0 {
        return Err(SetupError::last("prctl(PR_SET_DUMPABLE)"));
    }
    let no_core = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: setrlimit reads the live struct above.
    if unsafe { libc::setrlimit(libc::RLIMIT_CORE, &no_core) } != 0 {
        return Err(SetupError::last("setrlimit(RLIMIT_CORE)"));
    }
    Ok(())
}

/// Gives `signal` its default action again: a child inherits the parent's
/// handlers, and one of them must not stand between it and its end.
///
/// Async-signal-safe.
pub fn default_action(signal: libc::c_int) -> Result<(), SetupError> {
    // SAFETY: a zeroed sigaction is a valid one; it is then filled in and
    // only read by the kernel.
    unsafe {
        let mut default: libc::sigaction = core::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        libc::sigemptyset(&mut default.sa_mask);
        if libc::sigaction(signal, &default, core::ptr::null_mut()) != 0 {
            return Err(SetupError::last("sigaction"));
        }
    }
    Ok(())
}

/// Unblocks `signals`, which the child may have inherited blocked.
///
/// Async-signal-safe.
pub fn unblock(signals: &[libc::c_int]) -> Result<(), SetupError> {
    // SAFETY: a zeroed sigset_t is emptied, filled and only read.
    unsafe {
        let mut set: libc::sigset_t = core::mem::zeroed();
        libc::sigemptyset(&mut set);
        for &signal in signals {
            libc::sigaddset(&mut set, signal);
        }
        if libc::sigprocmask(libc::SIG_UNBLOCK, &set, core::ptr::null_mut()) != 0 {
            return Err(SetupError::last("sigprocmask"));
        }
    }
    Ok(())
}

/// Ends the child with [`EXIT_PANIC`] if its body unwinds, so a panic never
/// returns into the parent's code running in the child.
struct ExitOnUnwind;

impl Drop for ExitOnUnwind {
    fn drop(&mut self) {
        // SAFETY: ends the child at once, running nothing of the parent's.
        unsafe { libc::_exit(EXIT_PANIC) }
    }
}

/// A forked child not yet reaped. Dropping it kills and reaps it.
#[derive(Debug)]
pub struct Process {
    pid: libc::pid_t,
    reaped: bool,
}

impl Process {
    /// Forks a child that runs `body` and `_exit`s with its result, without
    /// returning into the caller's code nor running its destructors or
    /// `atexit` handlers; if `body` unwinds, the child exits with
    /// [`EXIT_PANIC`].
    ///
    /// # Safety
    /// `fork` copies only the calling thread of a process that may have
    /// others, whose locks are copied in whatever state they were. `body`
    /// must therefore be async-signal-safe (no allocation, no lock), unless
    /// the caller knows what it relies on to be safe after `fork` (glibc's
    /// allocator is).
    pub unsafe fn fork(body: impl FnOnce() -> libc::c_int) -> Result<Process, Error> {
        let pid = libc::fork();
        if pid < 0 {
            return Err(os_error("fork"));
        }
        if pid == 0 {
            let _guard = ExitOnUnwind;
            let code = body();
            libc::_exit(code)
        }
        Ok(Process { pid, reaped: false })
    }

    pub fn pid(&self) -> libc::pid_t {
        self.pid
    }

    /// Waits for the child to end, however long it takes, and reaps it.
    pub fn wait(mut self) -> Result<Status, Error> {
        let status = self.reap()?;
        Status::from_wait(status).ok_or(Error::Unexplained { status })
    }

    /// Waits at most `timeout` for the child to end, and reaps it; a child
    /// that overstays is killed and reaped, and the answer is
    /// [`Error::Timeout`].
    pub fn wait_timeout(self, timeout: Duration) -> Result<Status, Error> {
        // SAFETY: pidfd_open of our own unreaped child, whose pid cannot
        // have been reused.
        let raw = unsafe { libc::syscall(libc::SYS_pidfd_open, self.pid, 0) };
        if raw < 0 {
            return Err(os_error("pidfd_open"));
        }
        // SAFETY: pidfd_open returned a new descriptor that nothing else owns.
        let pidfd = unsafe { OwnedFd::from_raw_fd(raw as libc::c_int) };
        if !wait_readable(&pidfd, timeout)? {
            return Err(Error::Timeout { after: timeout });
        }
        self.wait()
    }

    fn reap(&mut self) -> Result<libc::c_int, Error> {
        let mut status = 0;
        loop {
            // SAFETY: waits for our own child.
            let r = unsafe { libc::waitpid(self.pid, &mut status, 0) };
            if r == self.pid {
                self.reaped = true;
                return Ok(status);
            }
            if r < 0 && errno() != libc::EINTR {
                // ECHILD: someone else reaped it; nothing is left to clean.
                self.reaped = true;
                return Err(os_error("waitpid"));
            }
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        if !self.reaped {
            // SAFETY: the pid is our unreaped child, so it cannot have been
            // reused by another process.
            unsafe { libc::kill(self.pid, libc::SIGKILL) };
            let _ = self.reap();
        }
    }
}

/// Polls `fd` until it is readable (`true`) or `timeout` passes (`false`).
fn wait_readable(fd: &OwnedFd, timeout: Duration) -> Result<bool, Error> {
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        // Round up so a sub-millisecond remainder still waits.
        let ms = left.as_micros().div_ceil(1000).min(i32::MAX as u128) as libc::c_int;
        let mut pfd = libc::pollfd {
            fd: fd.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let r = unsafe { libc::poll(&mut pfd, 1, ms) };
        if r > 0 {
            return Ok(true);
        }
        if r == 0 && Instant::now() >= deadline {
            return Ok(false);
        }
        if r < 0 && errno() != libc::EINTR {
            return Err(os_error("poll"));
        }
    }
}
