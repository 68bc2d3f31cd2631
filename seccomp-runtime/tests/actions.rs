//! Each filter action does in the running kernel what the kernel documents.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod support;

use seccomp_runtime::{Action, Insn, Threads};
use std::os::unix::thread::JoinHandleExt;
use std::sync::atomic::{AtomicI32, AtomicU32, AtomicUsize, Ordering};
use support::{call, filter, on_syscall, on_syscalls, run, Status};

const GETPPID: i64 = libc::SYS_getppid;
const GETUID: i64 = libc::SYS_getuid;

#[test]
fn kill_process_kills_every_thread() {
    static KILL_PROCESS: [Insn; 7] = on_syscall(GETPPID, Action::KILL_PROCESS);
    let child = run(|out| {
        filter(&KILL_PROCESS).install().unwrap();
        out.say("main: starting the worker");
        let worker = std::thread::spawn(|| call(GETPPID));
        let got = worker.join();
        out.say(&format!("main: still alive, worker got {got:?}"));
        0
    });
    assert_eq!(child.status, Status::Signaled(libc::SIGSYS), "{child:?}");
    assert_eq!(child.lines(), ["main: starting the worker"], "{child:?}");
}

#[test]
fn kill_thread_kills_only_the_calling_thread() {
    static KILL_THREAD: [Insn; 7] = on_syscall(GETPPID, Action::KILL_THREAD);
    let child = run(|out| {
        let worker_out = *out;
        let worker = std::thread::spawn(move || {
            filter(&KILL_THREAD)
                .installer()
                .threads(Threads::Calling)
                .install()
                .unwrap();
            worker_out.say("worker: calling getppid");
            let got = call(GETPPID);
            worker_out.say(&format!("worker: returned {got}"));
        });
        // The thread never finishes its closure, so `JoinHandle::join`
        // would have no result to return: wait for its exit directly.
        let thread = worker.as_pthread_t();
        std::mem::forget(worker);
        // SAFETY: joins a thread that nothing else joins or detaches.
        let rc = unsafe { libc::pthread_join(thread, std::ptr::null_mut()) };
        out.say(&format!("main: worker gone (join {rc}), main alive"));
        // The main thread has no filter.
        out.say(&format!("main: getppid {}", call(GETPPID)));
        0
    });
    let ppid = std::process::id();
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            "worker: calling getppid".to_owned(),
            "main: worker gone (join 0), main alive".to_owned(),
            format!("main: getppid ret={ppid}")
        ]
    );
}

#[test]
fn kill_thread_in_the_only_thread_ends_the_process_with_sigsys() {
    static KILL_THREAD: [Insn; 7] = on_syscall(GETPPID, Action::KILL_THREAD);
    let child = run(|out| {
        filter(&KILL_THREAD).install().unwrap();
        out.say("before");
        out.say(&call(GETPPID));
        0
    });
    assert_eq!(child.status, Status::Signaled(libc::SIGSYS), "{child:?}");
    assert_eq!(child.lines(), ["before"]);
}

/// What the SIGSYS handler saw.
static TRAP_SIGNO: AtomicI32 = AtomicI32::new(-1);
static TRAP_CODE: AtomicI32 = AtomicI32::new(-1);
static TRAP_ERRNO: AtomicI32 = AtomicI32::new(-1);
static TRAP_SYSCALL: AtomicI32 = AtomicI32::new(-1);
static TRAP_ARCH: AtomicU32 = AtomicU32::new(0);
static TRAP_CALL_ADDR: AtomicUsize = AtomicUsize::new(0);

/// The start of `siginfo_t` for SIGSYS (`_sigsys` in the kernel's union),
/// which libc does not spell out.
#[repr(C)]
struct SigsysInfo {
    signo: i32,
    errno: i32,
    code: i32,
    // The union is 8-aligned on 64-bit targets.
    _pad: i32,
    call_addr: *const libc::c_void,
    syscall: i32,
    arch: u32,
}

extern "C" fn on_sigsys(_sig: i32, info: *mut libc::siginfo_t, _ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a SIGSYS siginfo, which has this layout.
    let info = unsafe { &*info.cast::<SigsysInfo>() };
    TRAP_SIGNO.store(info.signo, Ordering::SeqCst);
    TRAP_ERRNO.store(info.errno, Ordering::SeqCst);
    TRAP_CODE.store(info.code, Ordering::SeqCst);
    TRAP_SYSCALL.store(info.syscall, Ordering::SeqCst);
    TRAP_ARCH.store(info.arch, Ordering::SeqCst);
    TRAP_CALL_ADDR.store(info.call_addr as usize, Ordering::SeqCst);
}

#[test]
fn trap_raises_sigsys_carrying_the_data() {
    static TRAP: [Insn; 7] = on_syscall(GETPPID, Action::TRAP | 0x1234);
    let child = run(|out| {
        // SAFETY: installs a SA_SIGINFO handler that only stores atomics.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigsys as *const () as usize;
            action.sa_flags = libc::SA_SIGINFO;
            assert_eq!(
                libc::sigaction(libc::SIGSYS, &action, std::ptr::null_mut()),
                0
            );
        }
        filter(&TRAP).install().unwrap();
        call(GETPPID);
        out.say(&format!(
            "signo={} code={} errno={:#x} syscall={} arch={:#x} call_addr_set={}",
            TRAP_SIGNO.load(Ordering::SeqCst),
            TRAP_CODE.load(Ordering::SeqCst),
            TRAP_ERRNO.load(Ordering::SeqCst),
            TRAP_SYSCALL.load(Ordering::SeqCst),
            TRAP_ARCH.load(Ordering::SeqCst),
            TRAP_CALL_ADDR.load(Ordering::SeqCst) != 0,
        ));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    // si_code SYS_SECCOMP is 1; getppid is 110 on x86_64.
    assert_eq!(
        child.lines(),
        ["signo=31 code=1 errno=0x1234 syscall=110 arch=0xc000003e call_addr_set=true"]
    );
}

#[test]
fn errno_fails_the_call_with_that_errno() {
    static EACCES: [Insn; 7] = on_syscall(GETPPID, Action::ERRNO | libc::EACCES as u32);
    let child = run(|out| {
        filter(&EACCES).install().unwrap();
        out.say(&call(GETPPID));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(child.lines(), ["ret=-1 errno=13"]);
}

#[test]
fn errno_data_is_capped_at_4095() {
    static BIG: [Insn; 7] = on_syscall(GETPPID, Action::ERRNO | 0xffff);
    let child = run(|out| {
        filter(&BIG).install().unwrap();
        out.say(&call(GETPPID));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(child.lines(), ["ret=-1 errno=4095"]);
}

/// Installs a filter returning `action` for getppid and ERRNO(EPERM) for
/// getuid, the latter showing that the filter is in force.
fn getppid_under(action: &'static [Insn; 9]) -> Vec<String> {
    let child = run(|out| {
        filter(action).install().unwrap();
        out.say(&format!("getppid {}", call(GETPPID)));
        out.say(&format!("getuid {}", call(GETUID)));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    child.lines().into_iter().map(str::to_owned).collect()
}

#[test]
fn log_lets_the_call_run() {
    static LOG: [Insn; 9] = on_syscalls(
        GETPPID,
        Action::LOG,
        GETUID,
        Action::ERRNO | libc::EPERM as u32,
    );
    let ppid = std::process::id();
    assert_eq!(
        getppid_under(&LOG),
        [
            format!("getppid ret={ppid}"),
            "getuid ret=-1 errno=1".to_owned()
        ]
    );
}

#[test]
fn allow_lets_the_call_run() {
    static ALLOW: [Insn; 9] = on_syscalls(
        GETPPID,
        Action::ALLOW,
        GETUID,
        Action::ERRNO | libc::EPERM as u32,
    );
    let ppid = std::process::id();
    assert_eq!(
        getppid_under(&ALLOW),
        [
            format!("getppid ret={ppid}"),
            "getuid ret=-1 errno=1".to_owned()
        ]
    );
}

#[test]
fn stacked_filters_take_the_strictest_result() {
    static ALLOW: [Insn; 7] = on_syscall(GETPPID, Action::ALLOW);
    static ERRNO: [Insn; 7] = on_syscall(GETPPID, Action::ERRNO | 7);
    static ERRNO_OTHER: [Insn; 7] = on_syscall(GETPPID, Action::ERRNO | 9);
    let child = run(|out| {
        filter(&ERRNO).install().unwrap();
        filter(&ALLOW).install().unwrap();
        out.say(&call(GETPPID));
        // Two ERRNO results: the newest filter's data wins.
        filter(&ERRNO_OTHER).install().unwrap();
        out.say(&call(GETPPID));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(child.lines(), ["ret=-1 errno=7", "ret=-1 errno=9"]);
}
