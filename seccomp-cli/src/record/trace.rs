//! Recording what a program does: every syscall of it and of everything it
//! starts (forks, threads, execs), by ABI and number, and the arguments
//! asked for.
//!
//! A program started here runs under a one-instruction filter returning
//! `SECCOMP_RET_TRACE`, so each syscall stops once, at entry, and never at
//! exit: half the stops of `PTRACE_SYSCALL`, which stops at both. The
//! tracer watches the child install that filter (its `seccomp(2)` call and
//! result, before the exec); if the kernel refuses it, the trace falls back
//! to `PTRACE_SYSCALL`. A running process (`-p`) is seized without being
//! stopped, traced with `PTRACE_SYSCALL`, and detached at the end, running
//! as before.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::time::Duration;

use libc::pid_t;
use seccomp_asm::Arch;

use super::recording::{ArgSpec, Recording};
use crate::error::{describe_io, Failure};
use crate::ptrace::call::Call;
use crate::ptrace::spawn::{spawn_traced, Program, Spawned, FOLLOW};
use crate::ptrace::status::{syscall_at, Stop};
use crate::ptrace::stop::{StopReason, Stopper};
use crate::ptrace::sys::{self, SyscallInfo, Waited};
use crate::ptrace::tracees::Tracees;

/// `SECCOMP_SET_MODE_FILTER`, the seccomp(2) operation the child installs with.
const SET_MODE_FILTER: u64 = 1;

/// What to record.
#[derive(Clone, Debug)]
pub enum Target {
    /// Start a program; `filter`: with the `SECCOMP_RET_TRACE` filter.
    Spawn { program: Program, filter: bool },
    /// Attach to a running process and all its threads.
    Attach(pid_t),
}

#[derive(Clone, Debug)]
pub struct TraceOptions {
    pub target: Target,
    /// The arguments to record.
    pub args: BTreeSet<ArgSpec>,
    /// End the recording after this long.
    pub timeout: Option<Duration>,
    /// Leave out the exec that starts a spawned program: the program
    /// installs the policy itself, once started.
    pub skip_start_exec: bool,
}

/// How the recording ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The program (the process started or attached to) exited with this status.
    Exited(i32),
    /// It was killed by this signal.
    Signaled(i32),
    /// The recording was ended: a started program is then killed, with
    /// everything it started; an attached one is detached, still running.
    Ended(StopReason),
    /// Every traced process was gone, but the exit of the first was not seen
    /// (an attached process that was already exiting).
    Gone,
}

/// How the syscalls were caught.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// One stop per syscall, from the `SECCOMP_RET_TRACE` filter.
    Filter,
    /// `PTRACE_SYSCALL`, stopping at every entry and exit.
    EveryStop,
}

#[derive(Debug)]
pub struct Traced {
    /// The calls seen (its `runs` are left to the caller).
    pub recording: Recording,
    pub ending: Ending,
    pub method: Method,
    /// Calls through a calling convention no table describes.
    pub unknown_abi_calls: u64,
    /// Why the filter could not be used, if it was asked for and refused.
    pub filter_refused: Option<i32>,
}

/// Options for a started program and everything it starts: the
/// `SECCOMP_RET_TRACE` stops, and if this process dies, nothing it traced
/// keeps running unsupervised.
const SPAWN_OPTIONS: i32 = FOLLOW | libc::PTRACE_O_TRACESECCOMP | libc::PTRACE_O_EXITKILL;
/// Options for an attached process: not EXITKILL, which would take the
/// process down with the recorder.
const ATTACH_OPTIONS: i32 = FOLLOW;

/// Runs the recording to its end.
pub fn record(options: &TraceOptions) -> Result<Traced, Failure> {
    match &options.target {
        Target::Spawn { program, filter } => record_spawned(program, *filter, options),
        Target::Attach(pid) => record_attached(*pid, options),
    }
}

fn record_spawned(
    program: &Program,
    filter: bool,
    options: &TraceOptions,
) -> Result<Traced, Failure> {
    let spawned = spawn_traced(program, filter, SPAWN_OPTIONS)?;
    let root = spawned.pid;
    let mut tracer = Tracer::new(root, options, filter.then_some(Setup::default()));
    if let Err(e) = sys::resume_to_syscall(root, 0) {
        tracer.traced.kill_all_and_reap();
        return Err(Failure::io("cannot trace the child", &e));
    }
    let stopper = Stopper::start(options.timeout, true);
    let result = tracer.run(&stopper);
    stopper.finish();
    tracer.traced.kill_all_and_reap();
    exec_error(&spawned, program)?;
    let ending = result?;
    Ok(tracer.finish(ending))
}

/// The error of an exec that failed, which makes the recording worthless.
fn exec_error(spawned: &Spawned, program: &Program) -> Result<(), Failure> {
    match spawned.exec_error() {
        None => Ok(()),
        Some(e) => Err(Failure::new(format!(
            "cannot execute {}: {}",
            match program {
                Program::Shell(_) => "/bin/sh".to_string(),
                Program::Exec(argv) => argv[0].to_string_lossy().into_owned(),
            },
            describe_io(&e)
        ))),
    }
}

fn record_attached(pid: pid_t, options: &TraceOptions) -> Result<Traced, Failure> {
    // SAFETY: a plain getter.
    let me = unsafe { libc::getpid() };
    if pid <= 0 {
        return Err(Failure::usage(format!("invalid pid {pid}")));
    }
    if pid == me {
        return Err(Failure::usage(format!(
            "pid {pid} is this process; it cannot record itself"
        )));
    }
    let mut tracer = Tracer::new(pid, options, None);
    let attached = seize_all(pid, &mut tracer);
    if let Err(e) = attached {
        tracer.detach_all_now();
        return Err(e);
    }
    let stopper = Stopper::start(options.timeout, true);
    let result = tracer.run(&stopper);
    stopper.finish();
    let ending = result?;
    Ok(tracer.finish(ending))
}

/// Seizes every thread of `pid`, listing `/proc/PID/task` again until no
/// new one has appeared (a thread may start while the others are seized;
/// once its creator is seized, its children are traced automatically).
fn seize_all(pid: pid_t, tracer: &mut Tracer) -> Result<(), Failure> {
    let task_dir = format!("/proc/{pid}/task");
    loop {
        let entries = fs::read_dir(&task_dir).map_err(|e| match e.raw_os_error() {
            Some(libc::ENOENT) => Failure::new(format!("no process with pid {pid}")),
            _ => Failure::io(&task_dir, &e),
        })?;
        let mut new = 0;
        for entry in entries.flatten() {
            let Some(tid) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<pid_t>().ok())
            else {
                continue;
            };
            if tracer.started.contains(&tid) || tracer.traced.iter().any(|t| t == tid) {
                continue;
            }
            match sys::seize(tid, ATTACH_OPTIONS) {
                Ok(()) => {}
                // The thread exited meanwhile.
                Err(e) if e.raw_os_error() == Some(libc::ESRCH) && tid != pid => continue,
                Err(e) => return Err(attach_error(pid, &e)),
            }
            tracer.traced.insert(tid);
            new += 1;
            if let Err(e) = sys::interrupt(tid) {
                if e.raw_os_error() != Some(libc::ESRCH) {
                    return Err(Failure::io(&format!("cannot stop thread {tid}"), &e));
                }
            }
        }
        if new == 0 {
            return Ok(());
        }
    }
}

fn attach_error(pid: pid_t, err: &std::io::Error) -> Failure {
    match err.raw_os_error() {
        Some(libc::ESRCH) => Failure::new(format!("no process with pid {pid}")),
        Some(libc::EPERM) => Failure::new(format!(
            "cannot attach to pid {pid}: {}; tracing another process needs the same user and a \
             kernel.yama.ptrace_scope that allows it, or CAP_SYS_PTRACE, and the process must \
             not be traced already",
            describe_io(err)
        )),
        _ => Failure::new(format!("cannot attach to pid {pid}: {}", describe_io(err))),
    }
}

/// The started child's way to its exec, watched before anything is recorded.
#[derive(Debug, Default)]
struct Setup {
    /// The child is inside its `seccomp(SET_MODE_FILTER)` call.
    installing: bool,
}

struct Tracer<'a> {
    options: &'a TraceOptions,
    /// The process started or attached to.
    root: pid_t,
    traced: Tracees,
    /// Tracees whose first stop has been seen.
    started: HashSet<pid_t>,
    /// Attached with PTRACE_SEIZE (so stops are reported as seized ones).
    seized: bool,
    /// While the started child has not exec'd: watching it install the filter.
    setup: Option<Setup>,
    /// Whether the root has exec'd the program (before that, only the
    /// `execve` itself belongs to the program).
    execd: bool,
    method: Method,
    filter_refused: Option<i32>,
    /// Detaching from everything (attached mode, at the end).
    detaching: bool,
    root_exit: Option<Ending>,
    recording: Recording,
    unknown_abi_calls: u64,
    /// The argument indexes to record of each `(ABI, number)`, looked up once.
    arg_indexes: HashMap<(Arch, u32), Vec<u8>>,
}

impl<'a> Tracer<'a> {
    fn new(root: pid_t, options: &'a TraceOptions, setup: Option<Setup>) -> Tracer<'a> {
        let attach = matches!(options.target, Target::Attach(_));
        // A started root is traced from its first stop; an attached
        // process's threads are added as they are seized.
        let (traced, started) = if attach {
            (Tracees::default(), HashSet::new())
        } else {
            (Tracees::new(root), HashSet::from([root]))
        };
        Tracer {
            options,
            root,
            traced,
            started,
            seized: attach,
            setup,
            execd: attach,
            method: Method::EveryStop,
            filter_refused: None,
            detaching: false,
            root_exit: None,
            recording: Recording::default(),
            unknown_abi_calls: 0,
            arg_indexes: HashMap::new(),
        }
    }

    fn finish(self, ending: Ending) -> Traced {
        Traced {
            recording: self.recording,
            ending,
            method: self.method,
            unknown_abi_calls: self.unknown_abi_calls,
            filter_refused: self.filter_refused,
        }
    }

    fn run(&mut self, stopper: &Stopper) -> Result<Ending, Failure> {
        loop {
            if !self.detaching {
                if let Some(reason) = stopper.reason() {
                    if !self.seized {
                        return Ok(Ending::Ended(reason));
                    }
                    self.detaching = true;
                    self.root_exit = Some(Ending::Ended(reason));
                    for pid in self.traced.iter().collect::<Vec<_>>() {
                        let _ = sys::interrupt(pid);
                    }
                }
            }
            let (pid, status) = match sys::wait_any_interruptible() {
                Ok(Waited::Event(pid, status)) => (pid, status),
                Ok(Waited::Interrupted) => continue,
                Ok(Waited::NoChildren) => return Ok(self.root_exit.unwrap_or(Ending::Gone)),
                Err(e) => return Err(Failure::io("waiting for the traced processes", &e)),
            };
            let Some(stop) = Stop::of(status) else {
                continue;
            };
            let ended = match stop {
                Stop::Exited(code) => Some(Ending::Exited(code)),
                Stop::Killed(signal) => Some(Ending::Signaled(signal)),
                _ => None,
            };
            if let Some(ending) = ended {
                self.traced.remove(pid);
                self.started.remove(&pid);
                if pid == self.root && self.root_exit.is_none() {
                    self.root_exit = Some(ending);
                }
                if self.traced.is_empty() {
                    return Ok(self.root_exit.unwrap_or(Ending::Gone));
                }
                continue;
            }
            self.traced.insert(pid);
            self.on_stop(pid, stop)?;
            if self.detaching && self.traced.is_empty() {
                return Ok(self.root_exit.unwrap_or(Ending::Gone));
            }
        }
    }

    /// Resumes a tracee the way the trace runs: to its next stop of the
    /// filter, or to its next syscall entry or exit.
    fn resume(&mut self, pid: pid_t, signal: i32) {
        if self.detaching {
            let _ = sys::detach_with(pid, signal);
            self.traced.remove(pid);
            return;
        }
        // The tracee may have been killed meanwhile (ESRCH): its exit shows up in wait.
        let _ = if self.method == Method::Filter {
            sys::cont(pid, signal)
        } else {
            sys::resume_to_syscall(pid, signal)
        };
    }

    fn on_stop(&mut self, pid: pid_t, stop: Stop) -> Result<(), Failure> {
        let signal = match stop {
            Stop::Syscall => {
                self.syscall_stop(pid)?;
                0
            }
            Stop::Seized(Some(_)) if self.detaching => {
                let _ = sys::detach_with(pid, 0);
                self.traced.remove(pid);
                return Ok(());
            }
            Stop::Seized(Some(_)) => {
                // A group-stop: stay stopped, as without a tracer.
                self.started.insert(pid);
                let _ = sys::listen(pid);
                return Ok(());
            }
            Stop::Seized(None) => {
                self.started.insert(pid);
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
            Stop::Event(libc::PTRACE_EVENT_EXEC) => {
                // A thread other than the leader that execs takes the
                // leader's pid, and its own tid is gone without an exit to
                // report: forget it, so it is never signalled once reused.
                if let Ok(former) = sys::event_pid(pid) {
                    if former != pid {
                        self.traced.remove(former);
                        self.started.remove(&former);
                    }
                }
                self.exec_event(pid);
                0
            }
            Stop::Event(libc::PTRACE_EVENT_SECCOMP) => {
                self.syscall_stop(pid)?;
                0
            }
            Stop::Event(_) => 0,
            // The stop every auto-attached child starts with.
            Stop::Signal(libc::SIGSTOP) if !self.seized && self.started.insert(pid) => 0,
            Stop::Signal(_) if !self.seized && sys::is_group_stop(pid) => 0,
            // A real signal: deliver it, as it would be without a tracer.
            Stop::Signal(signal) => signal,
            Stop::Exited(_) | Stop::Killed(_) => return Ok(()),
        };
        self.resume(pid, signal);
        Ok(())
    }

    /// The root's exec: from here on its calls are the program's, and the
    /// trace method is settled.
    fn exec_event(&mut self, pid: pid_t) {
        if pid != self.root {
            return;
        }
        self.execd = true;
        // Asked for and not installed: refused with the errno seen, or (no
        // result seen) as if the kernel had no seccomp(2).
        if self.setup.take().is_some() && self.method != Method::Filter {
            self.filter_refused.get_or_insert(libc::ENOSYS);
        }
    }

    fn syscall_stop(&mut self, pid: pid_t) -> Result<(), Failure> {
        let Some(info) = syscall_at(pid, "record")? else {
            return Ok(());
        };
        match info.op {
            // Before its exec, the root's one call under the filter is the
            // exec that starts the program.
            sys::PTRACE_SYSCALL_INFO_SECCOMP
                if self.execd || pid != self.root || !self.options.skip_start_exec =>
            {
                self.count(&Call::from_info(&info));
            }
            sys::PTRACE_SYSCALL_INFO_ENTRY => {
                let call = Call::from_info(&info);
                if let Some(setup) = self.setup.as_mut() {
                    if pid == self.root
                        && is_call(&call, "seccomp")
                        && call.args[0] == SET_MODE_FILTER
                    {
                        setup.installing = true;
                    }
                }
                let start_exec = is_call(&call, "execve") || is_call(&call, "execveat");
                if self.execd || pid != self.root || start_exec && !self.options.skip_start_exec {
                    self.count(&call);
                }
            }
            sys::PTRACE_SYSCALL_INFO_EXIT => self.setup_exit(pid, &info),
            _ => {}
        }
        Ok(())
    }

    /// The exit of one of the started child's calls before its exec: the
    /// result of the filter's installation decides how the trace runs.
    fn setup_exit(&mut self, pid: pid_t, info: &SyscallInfo) {
        let Some(setup) = self.setup.as_mut() else {
            return;
        };
        if pid != self.root || !setup.installing {
            return;
        }
        setup.installing = false;
        let rval = info.rval();
        if rval == 0 {
            self.method = Method::Filter;
            self.filter_refused = None;
            self.setup = None;
        } else {
            // An EACCES is retried with no_new_privs, and the retry's result
            // replaces it.
            self.filter_refused = Some(-rval as i32);
        }
    }

    fn count(&mut self, call: &Call) {
        let Some(abi) = call.abi() else {
            self.unknown_abi_calls += 1;
            return;
        };
        let nr = call.nr as u32;
        let indexes = match self.arg_indexes.get(&(abi, nr)) {
            Some(indexes) => indexes,
            None => {
                let name = abi.syscall_name(nr);
                let indexes = self
                    .options
                    .args
                    .iter()
                    .filter(|spec| Some(spec.syscall.as_str()) == name)
                    .map(|spec| spec.index)
                    .collect();
                self.arg_indexes.entry((abi, nr)).or_insert(indexes)
            }
        };
        let seen = self.recording.add(abi, nr);
        for &index in indexes {
            let value = call.filter_arg(usize::from(index));
            *seen
                .args
                .entry(index)
                .or_default()
                .entry(value)
                .or_default() += 1;
        }
    }

    /// Detaches from every tracee at once, during a failed attach: each
    /// is stopped or about to stop for the interrupt sent to it.
    fn detach_all_now(&mut self) {
        for pid in self.traced.iter().collect::<Vec<_>>() {
            let _ = sys::interrupt(pid);
            if sys::wait_pid(pid).is_ok() {
                let _ = sys::detach(pid);
            }
        }
        self.traced = Tracees::default();
    }
}

/// Whether the call is the named syscall of its ABI.
fn is_call(call: &Call, name: &str) -> bool {
    call.abi()
        .and_then(|abi| abi.syscall_nr(name))
        .is_some_and(|nr| u64::from(nr) == call.nr)
}
