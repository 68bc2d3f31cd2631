//! [`InstallError`]: every way installing or querying seccomp can fail.

use crate::flags::{FlagConflict, Flags};
use core::fmt;
use seccomp_asm::{bpf, Arch};

/// The kernel's `ENOTSUPP` (524), not a user-space errno: libc has no name for it.
pub const ENOTSUPP: i32 = 524;

/// The system call an [`InstallError`] comes from.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum Operation {
    /// `prctl(PR_SET_NO_NEW_PRIVS, 1)`.
    SetNoNewPrivs,
    /// `seccomp(SECCOMP_SET_MODE_FILTER)`, or `prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER)`.
    SetModeFilter,
    /// `seccomp(SECCOMP_SET_MODE_STRICT)`, or `prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT)`.
    SetModeStrict,
    /// `prctl(PR_GET_SECCOMP)`.
    GetMode,
    /// `seccomp(SECCOMP_GET_ACTION_AVAIL)`.
    GetActionAvail,
    /// `seccomp(SECCOMP_SET_MODE_FILTER, flags, NULL)`, the probe for known flags.
    ProbeFlags,
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Operation::SetNoNewPrivs => "prctl(PR_SET_NO_NEW_PRIVS)",
            Operation::SetModeFilter => "seccomp(SECCOMP_SET_MODE_FILTER)",
            Operation::SetModeStrict => "seccomp(SECCOMP_SET_MODE_STRICT)",
            Operation::GetMode => "prctl(PR_GET_SECCOMP)",
            Operation::GetActionAvail => "seccomp(SECCOMP_GET_ACTION_AVAIL)",
            Operation::ProbeFlags => "seccomp(SECCOMP_SET_MODE_FILTER, flags, NULL)",
        })
    }
}

/// Why a filter was not installed, or why the kernel could not be asked.
///
/// Each variant stands for one errno of the kernel's (see
/// [`InstallError::errno`]), except the two the library finds itself:
/// [`FlagConflict`](InstallError::FlagConflict), checked before any system
/// call, and a TSYNC failure, which the kernel reports as a thread id. The
/// `Display` text says what happened and what to do about it.
///
/// When installation fails, no filter was installed. `no_new_privs`, if it
/// was requested, stays set: the kernel offers no way to clear it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum InstallError {
    /// The flags break one of the kernel's rules; no system call was made.
    FlagConflict(FlagConflict),
    /// EACCES: the thread has neither `no_new_privs` nor CAP_SYS_ADMIN.
    PermissionDenied,
    /// EINVAL: the kernel refused the program or the flags.
    Invalid {
        /// The flags of the refused call.
        flags: Flags,
    },
    /// EINVAL from strict mode: a filter is already installed.
    StrictAfterFilter,
    /// ENOMEM: the filters on this thread would exceed 32768 instructions
    /// (each installed filter counting its length + 4).
    InstructionBudgetExhausted {
        /// The length of the filter that did not fit.
        len: usize,
    },
    /// EFAULT: the kernel could not read the filter.
    Fault,
    /// TSYNC could not apply the filter to another thread of the process.
    ThreadNotSynchronized {
        /// The thread's id, as the kernel returns it; `None` with
        /// [`Flags::TSYNC_ESRCH`], which reports ESRCH instead.
        tid: Option<i32>,
    },
    /// EBUSY: a filter already installed on this thread has a listener.
    ListenerBusy,
    /// EMFILE: no file descriptor is free for the listener.
    TooManyOpenFiles,
    /// ENOTSUPP (524): the kernel needed to JIT the filter and could not.
    JitFailed,
    /// The running kernel lacks the operation (ENOSYS, or EINVAL where that
    /// is how the kernel says it does not know the request).
    Unsupported {
        /// The system call.
        op: Operation,
        /// The errno it returned.
        errno: i32,
    },
    /// The filter was assembled for another architecture than the one this
    /// process runs on: its syscall numbers (and argument offsets) mean other
    /// things here. Nothing was installed. A filter that checks the arch
    /// itself and handles each one may be installed with
    /// [`Installer::foreign_arch`](crate::Installer::foreign_arch).
    ForeignArch {
        /// The arch the filter was assembled for.
        filter: Arch,
        /// The arch of this process, if seccomp knows it.
        native: Option<Arch>,
    },
    /// Any other failure.
    Os {
        /// The system call.
        op: Operation,
        /// The errno it returned.
        errno: i32,
    },
    /// A return value the kernel never gives for the request (a tracer or
    /// another filter may have changed it); whether a filter was installed
    /// is unknown.
    UnexpectedReturn {
        /// The system call.
        op: Operation,
        /// What it returned.
        value: i64,
    },
}

impl From<FlagConflict> for InstallError {
    fn from(conflict: FlagConflict) -> InstallError {
        InstallError::FlagConflict(conflict)
    }
}

#[cfg(target_os = "linux")]
impl InstallError {
    /// The errno the kernel returned, or `None` for the failures that have
    /// none (a flag conflict, a TSYNC thread id, an unexpected return).
    pub fn errno(&self) -> Option<i32> {
        Some(match *self {
            InstallError::FlagConflict(_)
            | InstallError::ForeignArch { .. }
            | InstallError::ThreadNotSynchronized { tid: Some(_) }
            | InstallError::UnexpectedReturn { .. } => return None,
            InstallError::PermissionDenied => libc::EACCES,
            InstallError::Invalid { .. } | InstallError::StrictAfterFilter => libc::EINVAL,
            InstallError::InstructionBudgetExhausted { .. } => libc::ENOMEM,
            InstallError::Fault => libc::EFAULT,
            InstallError::ThreadNotSynchronized { tid: None } => libc::ESRCH,
            InstallError::ListenerBusy => libc::EBUSY,
            InstallError::TooManyOpenFiles => libc::EMFILE,
            InstallError::JitFailed => ENOTSUPP,
            InstallError::Unsupported { errno, .. } | InstallError::Os { errno, .. } => errno,
        })
    }

    /// The error `seccomp(SECCOMP_SET_MODE_FILTER)` (or its `prctl` form)
    /// means by `errno`.
    pub(crate) fn from_set_filter(errno: i32, flags: Flags, len: usize) -> InstallError {
        match errno {
            libc::EACCES => InstallError::PermissionDenied,
            libc::EINVAL => InstallError::Invalid { flags },
            libc::ENOMEM => InstallError::InstructionBudgetExhausted { len },
            libc::EFAULT => InstallError::Fault,
            libc::ESRCH if flags.contains(Flags::TSYNC_ESRCH) => {
                InstallError::ThreadNotSynchronized { tid: None }
            }
            libc::EBUSY => InstallError::ListenerBusy,
            libc::EMFILE => InstallError::TooManyOpenFiles,
            ENOTSUPP => InstallError::JitFailed,
            libc::ENOSYS => InstallError::Unsupported {
                op: Operation::SetModeFilter,
                errno,
            },
            _ => InstallError::Os {
                op: Operation::SetModeFilter,
                errno,
            },
        }
    }
}

impl fmt::Display for InstallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            InstallError::FlagConflict(conflict) => {
                write!(f, "the filter was not installed: {conflict}")
            }
            InstallError::ForeignArch { filter, native } => {
                write!(
                    f,
                    "the filter was not installed: it was assembled for {filter}, "
                )?;
                match native {
                    Some(native) => write!(f, "but this process runs on {native}")?,
                    None => f.write_str(
                        "but this process runs on an architecture seccomp does not know",
                    )?,
                }
                f.write_str(
                    ", where its syscall numbers mean other calls; build it for this target (leave \
                     out `arch = ...` in `seccomp!`), or, if it checks the arch itself and handles \
                     each one, install it with `installer().foreign_arch(true)`",
                )
            }
            InstallError::PermissionDenied => f.write_str(
                "the kernel refused the filter (EACCES): the thread has neither no_new_privs nor \
                 CAP_SYS_ADMIN; leave no_new_privs on (the default) or run with CAP_SYS_ADMIN",
            ),
            InstallError::Invalid { flags } => {
                f.write_str(
                    "the kernel refused the filter (EINVAL): the program breaks the kernel's \
                     rules (Filter::new lists every violation)",
                )?;
                if !flags.is_empty() {
                    write!(
                        f,
                        ", or one of the flags {flags:?} is unknown to this kernel \
                         (flags_available tells which)"
                    )?;
                }
                f.write_str(", or the thread is in strict mode")
            }
            InstallError::StrictAfterFilter => f.write_str(
                "the kernel refused strict mode (EINVAL): a seccomp filter is already installed \
                 on this thread, and a thread cannot go from filter mode to strict mode",
            ),
            InstallError::InstructionBudgetExhausted { len } => write!(
                f,
                "the kernel refused the filter (ENOMEM): with its {len} instructions the \
                 filters on this thread would exceed the budget of {} instructions, each \
                 installed filter counting its length + 4 (the kernel may count more after \
                 translating a filter); install fewer or shorter filters, e.g. merge them \
                 into one",
                bpf::MAX_INSNS_PER_PATH
            ),
            InstallError::Fault => f.write_str(
                "the kernel could not read the filter (EFAULT): its sock_fprog or instructions \
                 are not readable memory",
            ),
            InstallError::ThreadNotSynchronized { tid } => {
                f.write_str("TSYNC could not apply the filter to ")?;
                match tid {
                    Some(tid) => write!(f, "thread {tid}")?,
                    None => f.write_str("another thread (ESRCH; TSYNC_ESRCH hides which)")?,
                }
                f.write_str(
                    ": its filters are not a prefix of this thread's (it installed one of its \
                     own) or it is in strict mode; no thread was changed. Install the filter \
                     before starting threads, or have every thread install the same filters",
                )
            }
            InstallError::ListenerBusy => f.write_str(
                "the kernel refused NEW_LISTENER (EBUSY): a filter already installed on this \
                 thread has a listener, and one chain of filters may have only one; install \
                 without NEW_LISTENER or use the existing listener",
            ),
            InstallError::TooManyOpenFiles => f.write_str(
                "no file descriptor is free for the listener (EMFILE); close some or raise \
                 RLIMIT_NOFILE",
            ),
            InstallError::JitFailed => f.write_str(
                "the kernel needs to JIT-compile this filter and could not (ENOTSUPP); make the \
                 filter shorter",
            ),
            InstallError::Unsupported { op, errno } => write!(
                f,
                "this kernel does not support {op} ({}): seccomp(2) and its flags need Linux \
                 3.17 and later (see Flags for each flag), SECCOMP_GET_ACTION_AVAIL 4.14, and \
                 every seccomp call a kernel built with CONFIG_SECCOMP_FILTER",
                std::io::Error::from_raw_os_error(errno)
            ),
            InstallError::Os { op, errno } => write!(
                f,
                "{op} failed: {}",
                std::io::Error::from_raw_os_error(errno)
            ),
            InstallError::UnexpectedReturn { op, value } => write!(
                f,
                "{op} returned {value}, which the kernel never returns for this request (a \
                 tracer or another filter may have changed it); whether a filter is now \
                 installed is unknown, so do not carry on as if it were or were not"
            ),
        }
    }
}

/// No `source`: the one error with an inner error, a flag conflict, says
/// all of it in its own text, and an error chain would print it twice.
impl std::error::Error for InstallError {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn set_filter_errnos_map_to_their_variants() {
        let flags = Flags::LOG;
        let cases = [
            (libc::EACCES, InstallError::PermissionDenied),
            (libc::EINVAL, InstallError::Invalid { flags }),
            (
                libc::ENOMEM,
                InstallError::InstructionBudgetExhausted { len: 7 },
            ),
            (libc::EFAULT, InstallError::Fault),
            (libc::EBUSY, InstallError::ListenerBusy),
            (libc::EMFILE, InstallError::TooManyOpenFiles),
            (524, InstallError::JitFailed),
            (
                libc::ENOSYS,
                InstallError::Unsupported {
                    op: Operation::SetModeFilter,
                    errno: libc::ENOSYS,
                },
            ),
            (
                libc::EPERM,
                InstallError::Os {
                    op: Operation::SetModeFilter,
                    errno: libc::EPERM,
                },
            ),
        ];
        for (errno, want) in cases {
            let got = InstallError::from_set_filter(errno, flags, 7);
            assert_eq!(got, want, "errno {errno}");
            assert_eq!(got.errno(), Some(errno));
        }
        // ESRCH means a thread only when TSYNC_ESRCH asked for it.
        let esrch =
            InstallError::from_set_filter(libc::ESRCH, Flags::TSYNC | Flags::TSYNC_ESRCH, 1);
        assert_eq!(esrch, InstallError::ThreadNotSynchronized { tid: None });
        assert_eq!(esrch.errno(), Some(libc::ESRCH));
        assert!(matches!(
            InstallError::from_set_filter(libc::ESRCH, Flags::TSYNC, 1),
            InstallError::Os {
                errno: libc::ESRCH,
                ..
            }
        ));
    }

    #[test]
    fn failures_without_errno() {
        assert_eq!(
            InstallError::ThreadNotSynchronized { tid: Some(42) }.errno(),
            None
        );
        assert_eq!(
            InstallError::FlagConflict(FlagConflict::TsyncWithListener).errno(),
            None
        );
    }

    #[test]
    fn messages_say_what_happened_and_what_to_do() {
        let cases: [(InstallError, &[&str]); 8] = [
            (
                InstallError::PermissionDenied,
                &["EACCES", "no_new_privs", "CAP_SYS_ADMIN"],
            ),
            (
                InstallError::Invalid { flags: Flags::LOG },
                &[
                    "EINVAL",
                    "Filter::new",
                    "LOG",
                    "flags_available",
                    "strict mode",
                ],
            ),
            (
                InstallError::InstructionBudgetExhausted { len: 4096 },
                &["ENOMEM", "4096 instructions", "32768", "length + 4"],
            ),
            (
                InstallError::ThreadNotSynchronized { tid: Some(4242) },
                &["thread 4242", "no thread was changed"],
            ),
            (
                InstallError::ThreadNotSynchronized { tid: None },
                &["ESRCH", "TSYNC_ESRCH"],
            ),
            (InstallError::ListenerBusy, &["EBUSY", "listener"]),
            (InstallError::JitFailed, &["ENOTSUPP", "shorter"]),
            (
                InstallError::Unsupported {
                    op: Operation::SetModeFilter,
                    errno: libc::ENOSYS,
                },
                &["SECCOMP_SET_MODE_FILTER", "3.17"],
            ),
        ];
        for (error, parts) in cases {
            let text = error.to_string();
            for part in parts {
                assert!(text.contains(part), "{part:?} not in {text:?}");
            }
        }
        assert_eq!(
            InstallError::Os {
                op: Operation::GetMode,
                errno: libc::EPERM
            }
            .to_string(),
            "prctl(PR_GET_SECCOMP) failed: Operation not permitted (os error 1)"
        );
        let invalid_without_flags = InstallError::Invalid {
            flags: Flags::empty(),
        }
        .to_string();
        assert!(!invalid_without_flags.contains("flags_available"));
    }
}
