//! The processes a tracer has and has not yet reaped, and how to be rid of
//! them.

use std::collections::HashSet;

use libc::pid_t;

use super::sys::{self, Waited};

/// Every process (or thread) being traced and not yet reaped. Pids leave
/// the set only once reaped, so none of them can have been reused by an
/// unrelated process.
#[derive(Debug, Default)]
pub struct Tracees {
    pids: HashSet<pid_t>,
}

impl Tracees {
    pub fn new(first: pid_t) -> Tracees {
        Tracees {
            pids: HashSet::from([first]),
        }
    }

    /// Adds a tracee; whether it was new.
    pub fn insert(&mut self, pid: pid_t) -> bool {
        self.pids.insert(pid)
    }

    /// Forgets a tracee that was reaped or detached.
    pub fn remove(&mut self, pid: pid_t) {
        self.pids.remove(&pid);
    }

    pub fn is_empty(&self) -> bool {
        self.pids.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = pid_t> + '_ {
        self.pids.iter().copied()
    }

    /// SIGKILLs every tracee and waits until none is left, so that no
    /// process is left running or stopped behind.
    pub fn kill_all_and_reap(&mut self) {
        for pid in self.iter() {
            sys::kill(pid, libc::SIGKILL);
        }
        while let Ok(Waited::Event(pid, status)) = sys::wait_any() {
            if libc::WIFEXITED(status) || libc::WIFSIGNALED(status) {
                self.remove(pid);
            } else {
                // A tracee not seen before (a fork racing the kill).
                sys::kill(pid, libc::SIGKILL);
            }
        }
        self.pids.clear();
    }
}
