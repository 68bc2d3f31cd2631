//! What a wait status of a tracee says: why it stopped, or that it is gone.
//! The bit layout (`SIGTRAP | 0x80` for a syscall stop, the event in bits
//! 16-23) is read here and nowhere else.

use libc::pid_t;

use super::sys::{self, SyscallInfo};
use crate::error::Failure;

/// `PTRACE_EVENT_STOP`: a seized tracee's interrupt, group-stop or first stop.
const PTRACE_EVENT_STOP: i32 = 128;

/// One wait status of a tracee.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// It exited with this status (and is reaped).
    Exited(i32),
    /// A signal killed it (and it is reaped).
    Killed(i32),
    /// At a syscall entry or exit (`PTRACE_O_TRACESYSGOOD`).
    Syscall,
    /// At a ptrace event (`PTRACE_EVENT_FORK`, `_EXEC`, `_SECCOMP`, ...).
    Event(i32),
    /// A seized tracee's `PTRACE_EVENT_STOP`: a group-stop by this stop
    /// signal, or (`None`) an interrupt or a new child's first stop.
    Seized(Option<i32>),
    /// About to receive this signal.
    Signal(i32),
}

impl Stop {
    /// The status as a stop, or `None` for a status that is neither (a
    /// continued process).
    pub fn of(status: i32) -> Option<Stop> {
        if libc::WIFEXITED(status) {
            return Some(Stop::Exited(libc::WEXITSTATUS(status)));
        }
        if libc::WIFSIGNALED(status) {
            return Some(Stop::Killed(libc::WTERMSIG(status)));
        }
        if !libc::WIFSTOPPED(status) {
            return None;
        }
        let signal = libc::WSTOPSIG(status);
        let event = (status >> 16) & 0xff;
        Some(match (signal, event) {
            (s, _) if s == libc::SIGTRAP | 0x80 => Stop::Syscall,
            (_, PTRACE_EVENT_STOP) => Stop::Seized(
                matches!(
                    signal,
                    libc::SIGSTOP | libc::SIGTSTP | libc::SIGTTIN | libc::SIGTTOU
                )
                .then_some(signal),
            ),
            (libc::SIGTRAP, e) if e != 0 => Stop::Event(e),
            (s, _) => Stop::Signal(s),
        })
    }

    /// Whether the tracee is gone.
    pub fn is_gone(self) -> bool {
        matches!(self, Stop::Exited(_) | Stop::Killed(_))
    }
}

/// The syscall a tracee stopped at (`PTRACE_GET_SYSCALL_INFO`); `None` if it
/// was killed meanwhile. `command` names the command in the error of a
/// kernel that lacks the request.
pub fn syscall_at(pid: pid_t, command: &str) -> Result<Option<SyscallInfo>, Failure> {
    match sys::syscall_info(pid) {
        Ok(info) => Ok(Some(info)),
        Err(e) if e.raw_os_error() == Some(libc::ESRCH) => Ok(None),
        Err(e) if matches!(e.raw_os_error(), Some(libc::EIO | libc::EINVAL)) => Err(Failure::new(format!(
            "{command} needs PTRACE_GET_SYSCALL_INFO, which this kernel lacks (Linux 5.3 or later has it)"
        ))),
        Err(e) => Err(Failure::io("reading a traced syscall", &e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_as_the_kernel_writes_them() {
        assert_eq!(Stop::of(3 << 8), Some(Stop::Exited(3)));
        assert_eq!(Stop::of(libc::SIGKILL), Some(Stop::Killed(libc::SIGKILL)));
        let stopped = |sig: i32, event: i32| (event << 16) | (sig << 8) | 0x7f;
        assert_eq!(
            Stop::of(stopped(libc::SIGTRAP | 0x80, 0)),
            Some(Stop::Syscall)
        );
        assert_eq!(
            Stop::of(stopped(libc::SIGTRAP, libc::PTRACE_EVENT_EXEC)),
            Some(Stop::Event(libc::PTRACE_EVENT_EXEC))
        );
        assert_eq!(
            Stop::of(stopped(libc::SIGTRAP, 128)),
            Some(Stop::Seized(None))
        );
        assert_eq!(
            Stop::of(stopped(libc::SIGTSTP, 128)),
            Some(Stop::Seized(Some(libc::SIGTSTP)))
        );
        assert_eq!(
            Stop::of(stopped(libc::SIGTRAP, 0)),
            Some(Stop::Signal(libc::SIGTRAP))
        );
        assert_eq!(
            Stop::of(stopped(libc::SIGSEGV, 0)),
            Some(Stop::Signal(libc::SIGSEGV))
        );
        assert_eq!(Stop::of(0xffff), None); // WIFCONTINUED
        assert!(Stop::Killed(9).is_gone() && !Stop::Syscall.is_gone());
    }
}
