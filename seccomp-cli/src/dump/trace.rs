//! Running a command under ptrace and catching every filter it installs.
//!
//! The child stops itself (`PTRACE_TRACEME`, `SIGSTOP`) and execs
//! `/bin/sh -c COMMAND`; the tracer follows it and everything it forks,
//! vforks or clones, stopping each at syscall entry and exit. The entry stop
//! of a call that installs a filter records the call; at its exit stop, if
//! the call succeeded, the `struct sock_fprog` it pointed at is still in the
//! tracee's memory and is read from there.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use libc::pid_t;

use super::{elf, strict, Filter, Limit};
use crate::error::{describe_io, Failure};
use crate::ptrace::call::Call;
use crate::ptrace::spawn::{spawn_traced, Program, FOLLOW};
use crate::ptrace::status::{syscall_at, Stop};
use crate::ptrace::stop::Stopper;
use crate::ptrace::sys::{self, Waited};
use crate::ptrace::tracees::Tracees;

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

/// What to run and when to stop.
#[derive(Clone, Debug)]
pub struct ExecOptions {
    /// Run as `/bin/sh -c COMMAND`.
    pub command: String,
    pub limit: Limit,
    /// Kill everything after this long; the filters caught so far are kept.
    pub timeout: Option<Duration>,
}

/// The options every tracee gets: [`FOLLOW`], and if this process dies,
/// nothing it traced keeps running unsupervised.
const OPTIONS: i32 = FOLLOW | libc::PTRACE_O_EXITKILL;

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
    let program = Program::Shell(options.command.clone());
    let root = spawn_traced(&program, false, OPTIONS)?;
    if let Err(e) = sys::resume_to_syscall(root.pid, 0) {
        Tracees::new(root.pid).kill_all_and_reap();
        return Err(Failure::io("cannot trace the child", &e));
    }
    let stopper = Stopper::start(options.timeout, false);
    let mut tracer = Tracer {
        traced: Tracees::new(root.pid),
        started: HashSet::from([root.pid]),
        entries: HashMap::new(),
    };
    let result = tracer.run(options.limit, &stopper, &mut on_filter);
    stopper.finish();
    tracer.traced.kill_all_and_reap();
    if let Some(e) = root.exec_error() {
        return Err(Failure::new(format!(
            "cannot execute /bin/sh: {}",
            describe_io(&e)
        )));
    }
    result
}

/// A syscall that installs a filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Install {
    Strict,
    Filter { prog: u64, new_listener: bool },
}

/// Whether this is `prctl(PR_SET_SECCOMP, mode, prog)` or
/// `seccomp(op, flags, prog)` installing strict mode or a filter.
/// Arguments declared `int`/`unsigned int` are truncated as the kernel does.
fn install(call: &Call) -> Option<Install> {
    let abi = call.abi()?;
    let is = |name: &str| abi.syscall_nr(name).map(u64::from) == Some(call.nr);
    if is("seccomp") {
        return match call.args[0] as u32 {
            SET_MODE_STRICT => Some(Install::Strict),
            SET_MODE_FILTER => Some(Install::Filter {
                prog: call.ulong_arg(2),
                new_listener: call.args[1] as u32 & FLAG_NEW_LISTENER != 0,
            }),
            _ => None,
        };
    }
    if is("prctl") && call.args[0] as u32 == PR_SET_SECCOMP {
        return match call.ulong_arg(1) {
            MODE_STRICT => Some(Install::Strict),
            MODE_FILTER => Some(Install::Filter {
                prog: call.ulong_arg(2),
                new_listener: false,
            }),
            _ => None,
        };
    }
    None
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
    /// Every process being traced and not yet reaped.
    traced: Tracees,
    /// Tracees whose initial SIGSTOP has been seen.
    started: HashSet<pid_t>,
    /// The syscall each tracee is inside, from its entry stop.
    entries: HashMap<pid_t, Call>,
}

impl Tracer {
    fn run(
        &mut self,
        limit: Limit,
        stopper: &Stopper,
        on_filter: &mut impl FnMut(Filter) -> Result<(), Failure>,
    ) -> Result<u64, Failure> {
        let mut caught = 0u64;
        loop {
            if stopper.reason().is_some() {
                return Ok(caught);
            }
            let (pid, status) = match sys::wait_any_interruptible() {
                Ok(Waited::Event(pid, status)) => (pid, status),
                Ok(Waited::Interrupted) => continue,
                Ok(Waited::NoChildren) => return Ok(caught),
                Err(e) => return Err(Failure::io("waiting for the traced processes", &e)),
            };
            let Some(stop) = Stop::of(status) else {
                continue;
            };
            if stop.is_gone() {
                self.traced.remove(pid);
                self.entries.remove(&pid);
                self.started.remove(&pid);
                continue;
            }
            self.traced.insert(pid);
            let inject = match stop {
                Stop::Syscall => {
                    if let Some(filter) = self.syscall_stop(pid)? {
                        on_filter(filter)?;
                        caught += 1;
                        if limit.reached(caught) {
                            // Stop here: the process does not run under its new filter.
                            return Ok(caught);
                        }
                    }
                    0
                }
                Stop::Event(
                    libc::PTRACE_EVENT_FORK | libc::PTRACE_EVENT_VFORK | libc::PTRACE_EVENT_CLONE,
                ) => {
                    if let Ok(child) = sys::event_pid(pid) {
                        self.traced.insert(child);
                    }
                    0
                }
                // The stop every auto-attached child starts with.
                Stop::Signal(libc::SIGSTOP) if self.started.insert(pid) => 0,
                Stop::Signal(signal) if !sys::is_group_stop(pid) => {
                    // A real signal: deliver it, as it would be without a tracer.
                    signal
                }
                _ => 0,
            };
            // The tracee may have been killed meanwhile (ESRCH): its exit shows up in wait.
            let _ = sys::resume_to_syscall(pid, inject);
        }
    }

    /// Handles a syscall entry or exit stop; a filter if one was just installed.
    fn syscall_stop(&mut self, pid: pid_t) -> Result<Option<Filter>, Failure> {
        let Some(info) = syscall_at(pid, "dump")? else {
            return Ok(None);
        };
        match info.op {
            sys::PTRACE_SYSCALL_INFO_ENTRY => {
                self.entries.insert(pid, Call::from_info(&info));
                Ok(None)
            }
            sys::PTRACE_SYSCALL_INFO_EXIT => {
                let Some(entry) = self.entries.remove(&pid) else {
                    return Ok(None);
                };
                match install(&entry) {
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
fn read_installed(pid: pid_t, entry: &Call, install: Install) -> Result<Filter, Failure> {
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
fn read_fprog(pid: pid_t, entry: &Call, prog: u64) -> Result<Vec<u8>, Failure> {
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
    use seccomp_asm::Arch;

    fn entry(arch: Arch, name: &str, args: [u64; 6]) -> Call {
        Call {
            audit: arch.audit(),
            nr: u64::from(arch.syscall_nr(name).unwrap()),
            args,
        }
    }

    #[test]
    fn recognises_the_calls_that_install_filters() {
        let e = entry(Arch::X86_64, "prctl", [22, 2, 0x1000, 0, 0, 0]);
        assert_eq!(
            install(&e),
            Some(Install::Filter {
                prog: 0x1000,
                new_listener: false
            })
        );
        let e = entry(Arch::X86_64, "prctl", [22, 1, 0, 0, 0, 0]);
        assert_eq!(install(&e), Some(Install::Strict));
        // Only the low 32 bits of prctl's `int option` count.
        let e = entry(Arch::X86_64, "prctl", [(1 << 32) | 22, 2, 8, 0, 0, 0]);
        assert!(install(&e).is_some());
        let e = entry(Arch::X86_64, "prctl", [38, 1, 0, 0, 0, 0]);
        assert_eq!(install(&e), None);
        let e = entry(Arch::X86_64, "seccomp", [1, 8, 0x2000, 0, 0, 0]);
        assert_eq!(
            install(&e),
            Some(Install::Filter {
                prog: 0x2000,
                new_listener: true
            })
        );
        let e = entry(Arch::X86_64, "seccomp", [0, 0, 0, 0, 0, 0]);
        assert_eq!(install(&e), Some(Install::Strict));
        // SECCOMP_GET_ACTION_AVAIL installs nothing.
        let e = entry(Arch::X86_64, "seccomp", [2, 0, 0x2000, 0, 0, 0]);
        assert_eq!(install(&e), None);
        let e = entry(Arch::X86_64, "write", [1, 2, 3, 0, 0, 0]);
        assert_eq!(install(&e), None);
    }

    #[test]
    fn filters_are_recognised_on_every_abi() {
        for arch in [Arch::I386, Arch::X32, Arch::S390x] {
            let e = entry(arch, "prctl", [22, 2, 0x1000, 0, 0, 0]);
            assert!(install(&e).is_some(), "{arch}");
        }
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
