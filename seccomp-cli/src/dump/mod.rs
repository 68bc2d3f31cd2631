//! Catching the filters a program installs (Linux only).
//!
//! [`trace`] runs a command under ptrace and reads each filter from the
//! tracee's memory when a `prctl(PR_SET_SECCOMP)` or `seccomp(2)` call that
//! installs one returns successfully; [`attach`] reads the filters of a
//! running process with `PTRACE_SECCOMP_GET_FILTER`. [`elf`] tells which
//! architecture a process runs, [`strict`] builds the filter equivalent to
//! strict mode.

pub mod elf;
pub mod strict;

#[cfg(target_os = "linux")]
pub mod attach;
#[cfg(target_os = "linux")]
pub mod trace;

use seccomp_asm::Arch;

/// One filter a process installed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    /// The instructions as the process holds them in memory: in its
    /// architecture's byte order.
    pub bytes: Vec<u8>,
    /// The architecture of the process, when known.
    pub arch: Option<Arch>,
    /// The process (or thread) that installed it.
    pub pid: i32,
}

/// How many filters to dump before stopping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Count(u64),
    Unlimited,
}

impl Limit {
    /// seccomp-tools' `--limit`: a negative number means no limit.
    pub fn from_arg(n: i64) -> Limit {
        u64::try_from(n).map_or(Limit::Unlimited, Limit::Count)
    }

    /// Whether `done` filters are enough.
    pub fn reached(self, done: u64) -> bool {
        match self {
            Limit::Count(n) => done >= n,
            Limit::Unlimited => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_limits_mean_no_limit() {
        assert_eq!(Limit::from_arg(-1), Limit::Unlimited);
        assert_eq!(Limit::from_arg(2), Limit::Count(2));
        assert!(Limit::Count(0).reached(0));
        assert!(!Limit::Count(2).reached(1));
        assert!(Limit::Count(2).reached(2));
        assert!(!Limit::Unlimited.reached(u64::MAX));
    }
}
