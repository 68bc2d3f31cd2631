//! Installing filters and querying the kernel (Linux only).

use crate::error::{InstallError, Operation};
use crate::filter::Filter;
use crate::flags::{FlagConflict, Flags};
use crate::SeccompMode;
use core::ffi::c_void;
use core::fmt::{self, Write};
use core::ptr;
use seccomp_asm::action::ACTION_MASK;
use seccomp_asm::{Action, Arch};
use std::os::fd::{FromRawFd, OwnedFd};

/// The raw system calls, each returning the kernel's value or its errno.
mod sys {
    use core::ffi::{c_int, c_long, c_uint, c_ulong, c_void};

    fn result(ret: c_long) -> Result<c_long, i32> {
        if ret < 0 {
            // Read at once: nothing may run between the call and this.
            Err(std::io::Error::last_os_error()
                .raw_os_error()
                .unwrap_or(libc::EINVAL))
        } else {
            Ok(ret)
        }
    }

    pub fn seccomp(op: c_uint, flags: u32, args: *const c_void) -> Result<c_long, i32> {
        // SAFETY: seccomp(2) reads `args` only as the operation defines it;
        // callers pass a valid pointer of that type or NULL for a probe.
        result(unsafe {
            libc::syscall(
                libc::SYS_seccomp,
                c_ulong::from(op),
                c_ulong::from(flags),
                args,
            )
        })
    }

    pub fn prctl(option: c_int, arg2: c_ulong, arg3: *const c_void) -> Result<c_long, i32> {
        // SAFETY: the options used here read at most `arg3` as the
        // documented type (a `sock_fprog` for PR_SET_SECCOMP).
        result(c_long::from(unsafe {
            libc::prctl(option, arg2, arg3, 0 as c_ulong, 0 as c_ulong)
        }))
    }
}

/// Sets `no_new_privs` on the calling thread (it cannot be cleared again).
fn set_no_new_privs() -> Result<(), InstallError> {
    sys::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, ptr::null())
        .map(drop)
        .map_err(|errno| match errno {
            // Kernels before 3.5 do not know the option.
            libc::EINVAL => InstallError::Unsupported {
                op: Operation::SetNoNewPrivs,
                errno,
            },
            _ => InstallError::Os {
                op: Operation::SetNoNewPrivs,
                errno,
            },
        })
}

/// Prints why installation failed and aborts the process: the fail-closed end
/// of every `*_or_abort` function.
fn abort_with(what: &str, error: &InstallError) -> ! {
    // Not `eprintln!`, which can panic (and a caught panic would let the
    // program carry on unsandboxed) and takes the stderr lock (which a child
    // forked from a multi-threaded process may find held forever). Failures
    // to write are ignored: aborting is what matters.
    let mut stderr = RawStderr::default();
    let _ = writeln!(stderr, "{what}: {error}; aborting");
    stderr.flush();
    std::process::abort()
}

/// Formats into a fixed buffer written to file descriptor 2 with write(2):
/// no allocation, no lock.
struct RawStderr {
    buf: [u8; 256],
    len: usize,
}

impl Default for RawStderr {
    fn default() -> Self {
        RawStderr {
            buf: [0; 256],
            len: 0,
        }
    }
}

impl RawStderr {
    fn flush(&mut self) {
        let mut pending = &self.buf[..self.len];
        while !pending.is_empty() {
            // SAFETY: write(2) from a live buffer.
            let n = unsafe { libc::write(2, pending.as_ptr().cast(), pending.len()) };
            if n > 0 {
                pending = &pending[n.unsigned_abs()..];
            } else if n == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR)
            {
                break;
            }
        }
        self.len = 0;
    }
}

impl fmt::Write for RawStderr {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for chunk in s.as_bytes().chunks(self.buf.len()) {
            if self.len + chunk.len() > self.buf.len() {
                self.flush();
            }
            self.buf[self.len..self.len + chunk.len()].copy_from_slice(chunk);
            self.len += chunk.len();
        }
        Ok(())
    }
}

/// Which threads an installer puts the filter on.
///
/// Every thread of the process, by default: a program that already runs
/// threads (an async runtime, a thread pool, a logger) would otherwise keep
/// them unsandboxed without a word, and a sandbox that covers some threads
/// of a process covers none of its memory. A thread that cannot take the
/// filter makes the installation fail, changing no thread.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Threads {
    /// Every thread of the process (`SECCOMP_FILTER_FLAG_TSYNC`, Linux
    /// 3.17), and the threads and processes they create from then on.
    #[default]
    All,
    /// The calling thread, and the threads and processes it creates from
    /// then on; threads already running are left as they are. For a thread
    /// that sandboxes itself (a worker parsing untrusted input), or for a
    /// process known to run one thread on a kernel without TSYNC.
    Calling,
}

impl Filter {
    /// Installs the filter on every thread of the process.
    ///
    /// Sets `no_new_privs` first (the kernel requires it, or CAP_SYS_ADMIN),
    /// then calls `seccomp(SECCOMP_SET_MODE_FILTER, TSYNC, ...)` with a
    /// pointer to the filter's read-only `sock_fprog`. Threads already
    /// running take the filter too; if one cannot (it installed filters of
    /// its own, or is in strict mode), nothing is installed on any thread and
    /// the error names it ([`InstallError::ThreadNotSynchronized`]). To
    /// sandbox the calling thread alone, install with
    /// [`Threads::Calling`] through [`installer`](Filter::installer).
    ///
    /// A program must not go on as if sandboxed when this fails;
    /// [`install_or_abort`](Filter::install_or_abort) makes sure of it.
    ///
    /// ```no_run
    /// use seccomp_asm::bpf::{seccomp::RET_K};
    /// use seccomp_runtime::{Action, Arch, Filter, Insn};
    ///
    /// // Every system call is allowed, and logged.
    /// static LOG_ALL: [Insn; 1] = [Insn::stmt(RET_K, Action::LOG)];
    ///
    /// let filter = Filter::new(&LOG_ALL, Arch::X86_64).unwrap();
    /// filter.install()?;
    /// # Ok::<(), seccomp_runtime::InstallError>(())
    /// ```
    #[must_use = "a filter that failed to install does not protect anything"]
    pub fn install(&self) -> Result<(), InstallError> {
        self.installer().install().map(|listener| {
            debug_assert!(listener.is_none(), "no NEW_LISTENER, no listener");
        })
    }

    /// Installs the filter as [`install`](Filter::install) does, or, if that
    /// fails, prints the error to stderr and aborts the process, so that it
    /// never runs on unsandboxed.
    ///
    /// ```no_run
    /// use seccomp_asm::bpf::{seccomp::RET_K};
    /// use seccomp_runtime::{Action, Arch, Filter, Insn};
    ///
    /// static ALLOW_ALL: [Insn; 1] = [Insn::stmt(RET_K, Action::ALLOW)];
    ///
    /// Filter::new(&ALLOW_ALL, Arch::X86_64).unwrap().install_or_abort();
    /// // From here on, the filter is installed on every thread.
    /// ```
    pub fn install_or_abort(&self) {
        if let Err(error) = self.install() {
            abort_with("cannot install the seccomp filter", &error);
        }
    }

    /// A builder for installing with flags, on the calling thread only, or
    /// without setting `no_new_privs`.
    ///
    /// ```no_run
    /// use seccomp_runtime::{Filter, Flags, Threads};
    ///
    /// # fn f(filter: &Filter) -> Result<(), seccomp_runtime::InstallError> {
    /// // Every thread of the process, and log what the filter does.
    /// filter.installer().flags(Flags::LOG).install()?;
    /// // This thread only.
    /// filter.installer().threads(Threads::Calling).install()?;
    /// # Ok(()) }
    /// ```
    pub fn installer(&self) -> Installer<'_> {
        Installer {
            filter: self,
            flags: Flags::empty(),
            threads: Threads::All,
            no_new_privs: true,
            foreign_arch: false,
        }
    }
}

/// Installs a [`Filter`] with chosen flags; made by [`Filter::installer`].
#[derive(Debug)]
#[must_use = "nothing is installed until `install` is called"]
pub struct Installer<'a> {
    filter: &'a Filter,
    flags: Flags,
    threads: Threads,
    no_new_privs: bool,
    foreign_arch: bool,
}

impl Installer<'_> {
    /// The `SECCOMP_FILTER_FLAG_*` flags to install with, besides the TSYNC
    /// that [`Threads::All`] (the default) adds, and the TSYNC_ESRCH it
    /// adds with [`Flags::NEW_LISTENER`] (the kernel takes TSYNC with a
    /// listener only so). The combination is checked before any system call.
    pub fn flags(mut self, flags: Flags) -> Self {
        self.flags = flags;
        self
    }

    /// Which threads take the filter (default: [`Threads::All`]).
    pub fn threads(mut self, threads: Threads) -> Self {
        self.threads = threads;
        self
    }

    /// Whether to set `no_new_privs` before installing (the default: yes).
    ///
    /// Only a thread with CAP_SYS_ADMIN may install a filter without it; the
    /// kernel refuses anyone else with EACCES
    /// ([`InstallError::PermissionDenied`]).
    pub fn no_new_privs(mut self, set: bool) -> Self {
        self.no_new_privs = set;
        self
    }

    /// Whether to install a filter assembled for another architecture than
    /// this process's (the default: no, [`InstallError::ForeignArch`]).
    ///
    /// A filter's syscall numbers are those of the architecture it was
    /// assembled for, so on another one they name other calls. Allow it only
    /// for a filter that checks `arch` and handles each architecture it lets
    /// through with that architecture's numbers.
    pub fn foreign_arch(mut self, allow: bool) -> Self {
        self.foreign_arch = allow;
        self
    }

    /// The flags of the system call: the chosen ones and what the choice of
    /// threads adds.
    fn effective_flags(&self) -> Result<Flags, FlagConflict> {
        let mut flags = self.flags;
        match self.threads {
            Threads::All => {
                flags |= Flags::TSYNC;
                if flags.contains(Flags::NEW_LISTENER) {
                    flags |= Flags::TSYNC_ESRCH;
                }
            }
            Threads::Calling if flags.contains(Flags::TSYNC) => {
                return Err(FlagConflict::TsyncForCallingThread)
            }
            Threads::Calling => {}
        }
        flags.check()?;
        Ok(flags)
    }

    /// Installs the filter.
    ///
    /// Returns the listener (close-on-exec) when the flags include
    /// [`Flags::NEW_LISTENER`], and `None` otherwise. With [`Threads::All`],
    /// a thread that cannot take the filter is named in
    /// [`InstallError::ThreadNotSynchronized`] (with a listener, only
    /// said to exist: TSYNC_ESRCH), and no thread was changed.
    ///
    /// The `prctl` fallback, for kernels without seccomp(2) (before 3.17),
    /// is used only with [`Threads::Calling`] and no flag, since `prctl`
    /// can pass neither; otherwise such a kernel fails the installation
    /// ([`InstallError::Unsupported`]) rather than leave threads out.
    #[must_use = "a filter that failed to install does not protect anything"]
    pub fn install(self) -> Result<Option<OwnedFd>, InstallError> {
        let flags = self.effective_flags()?;
        let Installer {
            filter,
            no_new_privs,
            foreign_arch,
            ..
        } = self;
        let native = Arch::native();
        if !foreign_arch && native != Some(filter.arch()) {
            return Err(InstallError::ForeignArch {
                filter: filter.arch(),
                native,
            });
        }
        if no_new_privs {
            set_no_new_privs()?;
        }
        let prog = filter.as_sock_fprog().cast::<c_void>();
        let ret = match sys::seccomp(libc::SECCOMP_SET_MODE_FILTER, flags.bits(), prog) {
            Err(libc::ENOSYS) if flags.is_empty() => {
                sys::prctl(libc::PR_SET_SECCOMP, libc::SECCOMP_MODE_FILTER.into(), prog)
            }
            other => other,
        }
        .map_err(|errno| InstallError::from_set_filter(errno, flags, filter.len()))?;

        if flags.contains(Flags::NEW_LISTENER) {
            let fd = i32::try_from(ret).map_err(|_| unexpected(Operation::SetModeFilter, ret))?;
            // SAFETY: with NEW_LISTENER the kernel returns a new file
            // descriptor that nothing else owns.
            return Ok(Some(unsafe { OwnedFd::from_raw_fd(fd) }));
        }
        match ret {
            0 => Ok(None),
            tid if flags.contains(Flags::TSYNC) => Err(InstallError::ThreadNotSynchronized {
                tid: Some(
                    i32::try_from(tid).map_err(|_| unexpected(Operation::SetModeFilter, tid))?,
                ),
            }),
            other => Err(unexpected(Operation::SetModeFilter, other)),
        }
    }

    /// Installs the filter as [`install`](Installer::install) does, or, if that
    /// fails, prints the error to stderr and aborts the process.
    pub fn install_or_abort(self) -> Option<OwnedFd> {
        self.install()
            .unwrap_or_else(|error| abort_with("cannot install the seccomp filter", &error))
    }
}

// `c_long` is `i64` on 64-bit targets only.
#[allow(clippy::useless_conversion)]
fn unexpected(op: Operation, value: core::ffi::c_long) -> InstallError {
    InstallError::UnexpectedReturn {
        op,
        value: i64::from(value),
    }
}

/// Puts the calling thread in strict mode: from now on only `read`, `write`,
/// `_exit` (not `exit_group`) and `sigreturn` are allowed, and any other
/// system call kills the thread with SIGKILL.
///
/// Uses `seccomp(SECCOMP_SET_MODE_STRICT)`, or `prctl(PR_SET_SECCOMP,
/// SECCOMP_MODE_STRICT)` on kernels without seccomp(2). Strict mode needs
/// neither `no_new_privs` nor a capability.
///
/// In strict mode even the Rust runtime's usual ways out are fatal: returning
/// from `main` or calling [`std::process::exit`] issues `exit_group`, and
/// allocating may issue `mmap` or `brk`. End with
/// `libc::syscall(libc::SYS_exit, code)`.
///
/// ```no_run
/// seccomp_runtime::install_strict()?;
/// let msg = b"in strict mode\n";
/// // SAFETY: write(2) of a live buffer; exit(2) ends the thread.
/// unsafe {
///     libc::write(1, msg.as_ptr().cast(), msg.len());
///     libc::syscall(libc::SYS_exit, 0);
/// }
/// # Ok::<(), seccomp_runtime::InstallError>(())
/// ```
#[must_use = "a strict mode that failed to start does not protect anything"]
pub fn install_strict() -> Result<(), InstallError> {
    match sys::seccomp(libc::SECCOMP_SET_MODE_STRICT, 0, ptr::null()) {
        Err(libc::ENOSYS) => sys::prctl(
            libc::PR_SET_SECCOMP,
            libc::SECCOMP_MODE_STRICT.into(),
            ptr::null(),
        ),
        other => other,
    }
    .map_err(|errno| match errno {
        libc::EINVAL => InstallError::StrictAfterFilter,
        libc::ENOSYS => InstallError::Unsupported {
            op: Operation::SetModeStrict,
            errno,
        },
        _ => InstallError::Os {
            op: Operation::SetModeStrict,
            errno,
        },
    })
    .and_then(|ret| match ret {
        0 => Ok(()),
        other => Err(unexpected(Operation::SetModeStrict, other)),
    })
}

/// Enters strict mode as [`install_strict`] does, or, if that fails, prints
/// the error to stderr and aborts the process.
pub fn install_strict_or_abort() {
    if let Err(error) = install_strict() {
        abort_with("cannot enter seccomp strict mode", &error);
    }
}

/// The seccomp mode of the calling thread (`prctl(PR_GET_SECCOMP)`).
///
/// Never call this in strict mode: `prctl` is not among the system calls
/// strict mode allows, so the kernel kills the thread with SIGKILL instead of
/// answering [`SeccompMode::Strict`]. Another process can read the mode from the
/// `Seccomp:` line of `/proc/<pid>/status`. A filter may also deny `prctl`,
/// and then this returns the filter's errno or the filter's action happens.
pub fn current_mode() -> Result<SeccompMode, InstallError> {
    match sys::prctl(libc::PR_GET_SECCOMP, 0, ptr::null()) {
        Ok(0) => Ok(SeccompMode::Disabled),
        Ok(1) => Ok(SeccompMode::Strict),
        Ok(2) => Ok(SeccompMode::Filter),
        Ok(other) => Err(unexpected(Operation::GetMode, other)),
        // A kernel built without CONFIG_SECCOMP.
        Err(errno @ libc::EINVAL) => Err(InstallError::Unsupported {
            op: Operation::GetMode,
            errno,
        }),
        Err(errno) => Err(InstallError::Os {
            op: Operation::GetMode,
            errno,
        }),
    }
}

/// Whether the running kernel knows `action` (`SECCOMP_GET_ACTION_AVAIL`).
/// Only the action bits are asked about; the data bits are ignored.
///
/// ```no_run
/// use seccomp_runtime::{action_available, Action};
///
/// if !action_available(Action::Log(0))? {
///     eprintln!("this kernel cannot log: using ALLOW instead");
/// }
/// # Ok::<(), seccomp_runtime::InstallError>(())
/// ```
pub fn action_available(action: Action) -> Result<bool, InstallError> {
    let bits: u32 = action.to_ret() & ACTION_MASK;
    let arg = (&bits as *const u32).cast::<c_void>();
    match sys::seccomp(libc::SECCOMP_GET_ACTION_AVAIL, 0, arg) {
        Ok(0) => Ok(true),
        Ok(other) => Err(unexpected(Operation::GetActionAvail, other)),
        Err(libc::EOPNOTSUPP) => Ok(false),
        // No seccomp(2), or a seccomp(2) older than GET_ACTION_AVAIL (4.14).
        Err(errno @ (libc::ENOSYS | libc::EINVAL)) => Err(InstallError::Unsupported {
            op: Operation::GetActionAvail,
            errno,
        }),
        Err(errno) => Err(InstallError::Os {
            op: Operation::GetActionAvail,
            errno,
        }),
    }
}

/// Whether the running kernel knows every flag in `flags`.
///
/// Each flag is probed on its own (with NEW_LISTENER for
/// WAIT_KILLABLE_RECV, which the kernel refuses alone) by
/// `seccomp(SECCOMP_SET_MODE_FILTER, flag, NULL)`: a kernel that knows the
/// flag gets as far as reading the NULL filter and fails with EFAULT; one
/// that does not fails with EINVAL. Nothing is installed. Without seccomp(2)
/// no flag is available. Flags that may not be combined can still be probed
/// together.
///
/// ```no_run
/// use seccomp_runtime::{flags_available, Flags};
///
/// let flags = if flags_available(Flags::TSYNC_ESRCH)? {
///     Flags::TSYNC | Flags::TSYNC_ESRCH
/// } else {
///     Flags::TSYNC
/// };
/// # Ok::<(), seccomp_runtime::InstallError>(())
/// ```
pub fn flags_available(flags: Flags) -> Result<bool, InstallError> {
    // Probing nothing still tells whether seccomp(2) exists.
    let probes = flags
        .iter()
        .chain(flags.is_empty().then_some(Flags::empty()));
    for flag in probes {
        let probe = if flag.contains(Flags::WAIT_KILLABLE_RECV) {
            flag | Flags::NEW_LISTENER
        } else {
            flag
        };
        match sys::seccomp(libc::SECCOMP_SET_MODE_FILTER, probe.bits(), ptr::null()) {
            Err(libc::EFAULT) => {}
            Err(libc::EINVAL | libc::ENOSYS) => return Ok(false),
            Err(errno) => {
                return Err(InstallError::Os {
                    op: Operation::ProbeFlags,
                    errno,
                })
            }
            Ok(value) => return Err(unexpected(Operation::ProbeFlags, value)),
        }
    }
    Ok(true)
}
