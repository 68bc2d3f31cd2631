//! Running a command under ptrace and catching every filter it installs.
//!
//! The child stops itself (`PTRACE_TRACEME`, `SIGSTOP`) and execs
//! `/bin/sh -c COMMAND`; the tracer follows it and everything it forks,
//! vforks or clones, stopping each at syscall entry and exit. The entry stop
//! of a call that installs a filter records the call; at its exit stop, if
//! the call succeeded, the `struct sock_fprog` it pointed at is still in the
//! tracee's memory and is read from there.

use std::collections::{HashMap, HashSet};
use std::ffi::CString;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use libc::pid_t;
use seccomp_asm::Arch;

use super::sys::{self, SyscallInfo, Waited};
use super::{elf, strict, Filter, Limit};
use crate::error::{describe_io, Failure};

/// `PR_SET_SECCOMP` (linux/prctl.h).
const PR_SET_SECCOMP: u32 = 22;
/// `SECCOMP_MODE_STRICT` / `SECCOMP_MODE_FILTER`, the prctl modes.
const MODE_STRICT: u64 = 1;
const MODE_FILTER: u64 = 2;
/// `SECCOMP_SET_MODE_STRICT` / `SECCOMP_SET_MODE_FILTER`, the seccomp(2) operations.
const SET_MODE_STRICT: u32 = 0;
const SET_MODE_FILTER: u32 = 1;
/// `SECCOMP_FILTER_FLAG_NEW_LISTENER`: success returns a listener fd, not 0.
const FLAG_NEW_LISTENER: u32 = 1 << 3;

/// `AUDIT_ARCH_*` bits: 64-bit ABI, little-endian.
const AUDIT_ARCH_64BIT: u32 = 0x8000_0000;
const AUDIT_ARCH_LE: u32 = 0x4000_0000;

/// What to run and when to stop.
#[derive(Clone, Debug)]
pub struct ExecOptions {
    /// Run as `/bin/sh -c COMMAND`.
    pub command: String,
    pub limit: Limit,
    /// Kill everything after this long; the filters caught so far are kept.
    pub timeout: Option<Duration>,
}

/// Runs `options.command` and calls `on_filter` for each filter it (or a
/// process it starts) installs, in order. Once `options.limit` filters have
/// been caught, or the timeout expires, every traced process is killed.
/// Returns how many filters were caught.
pub fn dump_exec(
    options: &ExecOptions,
    mut on_filter: impl FnMut(Filter) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    if options.limit.reached(0) {
        return Ok(0);
    }
    let root = spawn_traced(&options.command)?;
    let traced = Arc::new(Mutex::new(HashSet::from([root])));
    let timed_out = Arc::new(AtomicBool::new(false));
    let watchdog = options
        .timeout
        .map(|timeout| Watchdog::start(timeout, traced.clone(), timed_out.clone()));

    let mut tracer = Tracer {
        traced: traced.clone(),
        started: HashSet::from([root]),
        entries: HashMap::new(),
    };
    let result = tracer.run(options.limit, &timed_out, &mut on_filter);

    if let Some(watchdog) = watchdog {
        watchdog.stop();
    }
    kill_all_and_reap(&traced);
    result
}

/// Forks the child that stops for the tracer, then execs `/bin/sh -c command`.
fn spawn_traced(command: &str) -> Result<pid_t, Failure> {
    let sh = CString::new("/bin/sh").expect("no NUL");
    let dash_c = CString::new("-c").expect("no NUL");
    let cmd = CString::new(command)
        .map_err(|_| Failure::usage("the command to run contains a NUL byte"))?;
    let argv = [sh.as_ptr(), dash_c.as_ptr(), cmd.as_ptr(), std::ptr::null()];
    let exec_failed = b"error: cannot execute /bin/sh\n";

    // SAFETY: between fork and exec the child calls only async-signal-safe
    // functions (ptrace, signal, kill, getpid, execv, write, _exit) on data
    // prepared before the fork.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(Failure::new(format!(
            "cannot fork: {}",
            describe_io(&std::io::Error::last_os_error())
        )));
    }
    if pid == 0 {
        unsafe {
            // The program must see the signal dispositions a shell would give it.
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            if sys::traceme().is_ok() {
                libc::kill(libc::getpid(), libc::SIGSTOP);
                libc::execv(sh.as_ptr(), argv.as_ptr());
            }
            libc::write(2, exec_failed.as_ptr().cast(), exec_failed.len());
            libc::_exit(127);
        }
    }

    let status = sys::wait_pid(pid).map_err(|e| Failure::io("waiting for the child", &e))?;
    if !libc::WIFSTOPPED(status) {
        return Err(Failure::new("the child exited before it could be traced"));
    }
    let options = libc::PTRACE_O_TRACESYSGOOD
        | libc::PTRACE_O_TRACECLONE
        | libc::PTRACE_O_TRACEFORK
        | libc::PTRACE_O_TRACEVFORK
        // An exec then stops with an event, not with a SIGTRAP that would
        // look like a real one.
        | libc::PTRACE_O_TRACEEXEC
        // If this process dies, nothing it traced keeps running unsupervised.
        | libc::PTRACE_O_EXITKILL;
    let started = sys::set_options(pid, options).and_then(|()| sys::resume_to_syscall(pid, 0));
    if let Err(e) = started {
        sys::kill(pid, libc::SIGKILL);
        let _ = sys::wait_pid(pid);
        return Err(Failure::io("cannot trace the child", &e));
    }
    Ok(pid)
}

/// Kills the traced processes when the timeout expires, which also wakes
/// the tracer blocked in `waitpid`.
struct Watchdog {
    cancel: mpsc::Sender<()>,
    thread: thread::JoinHandle<()>,
}

impl Watchdog {
    fn start(
        timeout: Duration,
        traced: Arc<Mutex<HashSet<pid_t>>>,
        timed_out: Arc<AtomicBool>,
    ) -> Watchdog {
        let (cancel, cancelled) = mpsc::channel::<()>();
        let thread = thread::spawn(move || {
            if let Err(RecvTimeoutError::Timeout) = cancelled.recv_timeout(timeout) {
                timed_out.store(true, Ordering::SeqCst);
                // Pids leave the set only once reaped, so none of these can
                // have been reused by an unrelated process.
                for &pid in lock(&traced).iter() {
                    sys::kill(pid, libc::SIGKILL);
                }
            }
        });
        Watchdog { cancel, thread }
    }

    fn stop(self) {
        drop(self.cancel);
        let _ = self.thread.join();
    }
}

fn lock(set: &Mutex<HashSet<pid_t>>) -> std::sync::MutexGuard<'_, HashSet<pid_t>> {
    // The set stays consistent even if a holder panicked: recover it.
    set.lock().unwrap_or_else(|e| e.into_inner())
}

/// SIGKILLs every traced process and waits until none is left.
fn kill_all_and_reap(traced: &Mutex<HashSet<pid_t>>) {
    for &pid in lock(traced).iter() {
        sys::kill(pid, libc::SIGKILL);
    }
    while let Ok(Waited::Event(pid, status)) = sys::wait_any() {
        if libc::WIFEXITED(status) || libc::WIFSIGNALED(status) {
            lock(traced).remove(&pid);
        } else {
            // A tracee not seen before (a fork racing the kill).
            sys::kill(pid, libc::SIGKILL);
        }
    }
}

/// A syscall seen at its entry stop.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// The `AUDIT_ARCH_*` of the calling convention used.
    audit: u32,
    nr: u64,
    args: [u64; 6],
}

/// A syscall that installs a filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Install {
    Strict,
    Filter { prog: u64, new_listener: bool },
}

impl Entry {
    fn from_info(info: &SyscallInfo) -> Entry {
        Entry {
            audit: info.arch,
            nr: info.nr(),
            args: info.args(),
        }
    }

    /// The ABI of the call: x32 calls share amd64's audit arch and carry
    /// the x32 bit in their number.
    fn abi(&self) -> Option<Arch> {
        if self.audit == Arch::X86_64.audit() && self.nr & u64::from(Arch::X32_SYSCALL_BIT) != 0 {
            Some(Arch::X32)
        } else {
            Arch::from_audit(self.audit)
        }
    }

    /// Bytes in a pointer (and an `unsigned long`) of the calling ABI.
    fn word_size(&self) -> usize {
        match self.abi() {
            Some(Arch::X32) => 4,
            _ if self.audit & AUDIT_ARCH_64BIT != 0 => 8,
            _ => 4,
        }
    }

    fn little_endian(&self) -> bool {
        self.audit & AUDIT_ARCH_LE != 0
    }

    /// An argument as the kernel sees an `unsigned long` of this ABI.
    fn ulong_arg(&self, i: usize) -> u64 {
        if self.word_size() == 4 {
            self.args[i] & 0xffff_ffff
        } else {
            self.args[i]
        }
    }

    /// Whether this is `prctl(PR_SET_SECCOMP, mode, prog)` or
    /// `seccomp(op, flags, prog)` installing strict mode or a filter.
    /// Arguments declared `int`/`unsigned int` are truncated as the kernel does.
    fn install(&self) -> Option<Install> {
        let abi = self.abi()?;
        let is = |name: &str| abi.syscall_nr(name).map(u64::from) == Some(self.nr);
        if is("seccomp") {
            return match self.args[0] as u32 {
                SET_MODE_STRICT => Some(Install::Strict),
                SET_MODE_FILTER => Some(Install::Filter {
                    prog: self.ulong_arg(2),
                    new_listener: self.args[1] as u32 & FLAG_NEW_LISTENER != 0,
                }),
                _ => None,
            };
        }
        if is("prctl") && self.args[0] as u32 == PR_SET_SECCOMP {
            return match self.ulong_arg(1) {
                MODE_STRICT => Some(Install::Strict),
                MODE_FILTER => Some(Install::Filter {
                    prog: self.ulong_arg(2),
                    new_listener: false,
                }),
                _ => None,
            };
        }
        None
    }
}

impl Install {
    /// Whether the call installed something: it returned 0, or with
    /// NEW_LISTENER a listener fd (seccomp-tools misses those). TSYNC
    /// failures return a positive thread id without that flag.
    fn succeeded(self, rval: i64) -> bool {
        match self {
            Install::Filter {
                new_listener: true, ..
            } => rval >= 0,
            _ => rval == 0,
        }
    }
}

struct Tracer {
    /// Every process being traced and not yet reaped (shared with the watchdog).
    traced: Arc<Mutex<HashSet<pid_t>>>,
    /// Tracees whose initial SIGSTOP has been seen.
    started: HashSet<pid_t>,
    /// The syscall each tracee is inside, from its entry stop.
    entries: HashMap<pid_t, Entry>,
}

impl Tracer {
    fn run(
        &mut self,
        limit: Limit,
        timed_out: &AtomicBool,
        on_filter: &mut impl FnMut(Filter) -> Result<(), Failure>,
    ) -> Result<u64, Failure> {
        let mut caught = 0u64;
        loop {
            if timed_out.load(Ordering::SeqCst) {
                return Ok(caught);
            }
            let (pid, status) = match sys::wait_any() {
                Ok(Waited::Event(pid, status)) => (pid, status),
                Ok(Waited::NoChildren) => return Ok(caught),
                Err(e) => return Err(Failure::io("waiting for the traced processes", &e)),
            };
            if libc::WIFEXITED(status) || libc::WIFSIGNALED(status) {
                lock(&self.traced).remove(&pid);
                self.entries.remove(&pid);
                self.started.remove(&pid);
                continue;
            }
            if !libc::WIFSTOPPED(status) {
                continue;
            }
            lock(&self.traced).insert(pid);
            let signal = libc::WSTOPSIG(status);
            let event = (status >> 16) & 0xff;
            let inject = if signal == libc::SIGTRAP | 0x80 {
                if let Some(filter) = self.syscall_stop(pid)? {
                    on_filter(filter)?;
                    caught += 1;
                    if limit.reached(caught) {
                        // Stop here: the process does not run under its new filter.
                        return Ok(caught);
                    }
                }
                0
            } else if signal == libc::SIGTRAP && event != 0 {
                if matches!(
                    event,
                    libc::PTRACE_EVENT_FORK | libc::PTRACE_EVENT_VFORK | libc::PTRACE_EVENT_CLONE
                ) {
                    if let Ok(child) = sys::event_pid(pid) {
                        lock(&self.traced).insert(child);
                    }
                }
                0
            } else if self.started.insert(pid) && signal == libc::SIGSTOP {
                // The stop every auto-attached child starts with.
                0
            } else if sys::is_group_stop(pid) {
                0
            } else {
                // A real signal: deliver it, as it would be without a tracer.
                signal
            };
            // The tracee may have been killed meanwhile (ESRCH): its exit shows up in wait.
            let _ = sys::resume_to_syscall(pid, inject);
        }
    }

    /// Handles a syscall entry or exit stop; a filter if one was just installed.
    fn syscall_stop(&mut self, pid: pid_t) -> Result<Option<Filter>, Failure> {
        let info = match sys::syscall_info(pid) {
            Ok(info) => info,
            Err(e) if e.raw_os_error() == Some(libc::ESRCH) => return Ok(None),
            Err(e) if matches!(e.raw_os_error(), Some(libc::EIO | libc::EINVAL)) => {
                return Err(Failure::new(
                    "dump needs PTRACE_GET_SYSCALL_INFO, which this kernel lacks (Linux 5.3 or later has it)",
                ))
            }
            Err(e) => return Err(Failure::io("reading a traced syscall", &e)),
        };
        match info.op {
            sys::PTRACE_SYSCALL_INFO_ENTRY => {
                self.entries.insert(pid, Entry::from_info(&info));
                Ok(None)
            }
            sys::PTRACE_SYSCALL_INFO_EXIT => {
                let Some(entry) = self.entries.remove(&pid) else {
                    return Ok(None);
                };
                match entry.install() {
                    Some(install) if install.succeeded(info.rval()) => {
                        read_installed(pid, &entry, install).map(Some)
                    }
                    _ => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }
}

/// The filter a successful call installed, read at its exit stop.
fn read_installed(pid: pid_t, entry: &Entry, install: Install) -> Result<Filter, Failure> {
    let arch = elf::process_arch(pid).or(entry.abi());
    let bytes = match install {
        Install::Strict => {
            let arch = arch.ok_or_else(|| {
                Failure::new(format!(
                    "pid {pid} entered strict mode, but its architecture (audit arch {:#x}) is unknown",
                    entry.audit
                ))
            })?;
            strict::strict_filter_bytes(arch)
                .ok_or_else(|| Failure::new(format!("no strict-mode syscalls known for {arch}")))?
        }
        Install::Filter { prog, .. } => read_fprog(pid, entry, prog)?,
    };
    Ok(Filter { bytes, arch, pid })
}

/// Reads the `struct sock_fprog { unsigned short len; struct sock_filter *filter; }`
/// at `prog`, laid out for the calling ABI, then the `len` instructions.
fn read_fprog(pid: pid_t, entry: &Entry, prog: u64) -> Result<Vec<u8>, Failure> {
    let word = entry.word_size();
    let read = |addr: u64, len: usize| {
        sys::read_memory(pid, addr, len).map_err(|e| {
            Failure::new(format!(
                "pid {pid} installed a filter, but reading it at {addr:#x} failed: {}",
                describe_io(&e)
            ))
        })
    };
    // The pointer is aligned to its own size after the 2-byte length.
    let header = read(prog, 2 * word)?;
    let little = entry.little_endian();
    let len = if little {
        u16::from_le_bytes([header[0], header[1]])
    } else {
        u16::from_be_bytes([header[0], header[1]])
    };
    let ptr_bytes = &header[word..2 * word];
    let filter = if word == 8 {
        let b: [u8; 8] = ptr_bytes.try_into().expect("8 bytes");
        if little {
            u64::from_le_bytes(b)
        } else {
            u64::from_be_bytes(b)
        }
    } else {
        let b: [u8; 4] = ptr_bytes.try_into().expect("4 bytes");
        u64::from(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    read(filter, usize::from(len) * seccomp_asm::insn::INSN_SIZE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(arch: Arch, name: &str, args: [u64; 6]) -> Entry {
        Entry {
            audit: arch.audit(),
            nr: u64::from(arch.syscall_nr(name).unwrap()),
            args,
        }
    }

    #[test]
    fn recognises_the_calls_that_install_filters() {
        let e = entry(Arch::X86_64, "prctl", [22, 2, 0x1000, 0, 0, 0]);
        assert_eq!(
            e.install(),
            Some(Install::Filter {
                prog: 0x1000,
                new_listener: false
            })
        );
        let e = entry(Arch::X86_64, "prctl", [22, 1, 0, 0, 0, 0]);
        assert_eq!(e.install(), Some(Install::Strict));
        // Only the low 32 bits of prctl's `int option` count.
        let e = entry(Arch::X86_64, "prctl", [(1 << 32) | 22, 2, 8, 0, 0, 0]);
        assert!(e.install().is_some());
        let e = entry(Arch::X86_64, "prctl", [38, 1, 0, 0, 0, 0]);
        assert_eq!(e.install(), None);
        let e = entry(Arch::X86_64, "seccomp", [1, 8, 0x2000, 0, 0, 0]);
        assert_eq!(
            e.install(),
            Some(Install::Filter {
                prog: 0x2000,
                new_listener: true
            })
        );
        let e = entry(Arch::X86_64, "seccomp", [0, 0, 0, 0, 0, 0]);
        assert_eq!(e.install(), Some(Install::Strict));
        // SECCOMP_GET_ACTION_AVAIL installs nothing.
        let e = entry(Arch::X86_64, "seccomp", [2, 0, 0x2000, 0, 0, 0]);
        assert_eq!(e.install(), None);
        let e = entry(Arch::X86_64, "write", [1, 2, 3, 0, 0, 0]);
        assert_eq!(e.install(), None);
    }

    #[test]
    fn abi_and_word_size_follow_the_call() {
        let e = entry(Arch::I386, "prctl", [22, 2, 0x1000, 0, 0, 0]);
        assert_eq!(e.abi(), Some(Arch::I386));
        assert_eq!(e.word_size(), 4);
        assert!(e.install().is_some());
        let e = entry(Arch::X32, "seccomp", [1, 0, 0x1000, 0, 0, 0]);
        assert_eq!(e.audit, Arch::X86_64.audit());
        assert_eq!(e.abi(), Some(Arch::X32));
        assert_eq!(e.word_size(), 4);
        assert!(e.install().is_some());
        let e = entry(Arch::S390x, "prctl", [22, 2, 0x1000, 0, 0, 0]);
        assert!(!e.little_endian());
        assert_eq!(e.word_size(), 8);
        assert!(e.install().is_some());
    }

    #[test]
    fn success_is_zero_or_a_listener_fd() {
        let plain = Install::Filter {
            prog: 0,
            new_listener: false,
        };
        let listener = Install::Filter {
            prog: 0,
            new_listener: true,
        };
        assert!(plain.succeeded(0));
        assert!(!plain.succeeded(1234)); // TSYNC: a thread that could not sync.
        assert!(!plain.succeeded(-22));
        assert!(listener.succeeded(3));
        assert!(!listener.succeeded(-16));
        assert!(Install::Strict.succeeded(0));
    }
}
