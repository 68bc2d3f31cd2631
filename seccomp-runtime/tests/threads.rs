//! TSYNC and NEW_LISTENER in the kernel: filters reach threads already
//! running (by default), or only the calling thread when asked; a thread
//! that cannot take one is named; listeners work.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod support;

use seccomp_runtime::{current_mode, Action, Flags, Insn, Threads};
use std::os::fd::{AsRawFd, OwnedFd};
use std::sync::mpsc;
use support::{call, filter, gettid, on_syscall, proc_status, run, Status, ALLOW_ALL};

const GETPPID: i64 = libc::SYS_getppid;
static DENY_GETPPID: [Insn; 7] = on_syscall(GETPPID, Action::ERRNO | libc::EPERM as u32);

/// Starts a thread before installing `DENY_GETPPID` on `threads` with
/// `flags`, then has it call getppid; returns what the child reported.
fn running_thread_after_install(threads: Threads, flags: Flags) -> support::Finished {
    run(|out| {
        let (go, wait) = mpsc::channel::<()>();
        let out_worker = *out;
        let worker = std::thread::spawn(move || {
            wait.recv().unwrap();
            out_worker.say(&format!(
                "worker: nnp={} getppid {}",
                proc_status("thread-self", "NoNewPrivs"),
                call(GETPPID)
            ));
        });
        let result = filter(&DENY_GETPPID)
            .installer()
            .threads(threads)
            .flags(flags)
            .install();
        out.say(&format!("main: {result:?} getppid {}", call(GETPPID)));
        go.send(()).unwrap();
        worker.join().unwrap();
        0
    })
}

#[test]
fn by_default_the_filter_reaches_threads_already_running() {
    // The default, the same named, and with TSYNC given explicitly.
    for (threads, flags) in [
        (Threads::default(), Flags::empty()),
        (Threads::All, Flags::empty()),
        (Threads::All, Flags::TSYNC),
    ] {
        let child = running_thread_after_install(threads, flags);
        assert_eq!(child.status, Status::Exited(0), "{child:?}");
        assert_eq!(
            child.lines(),
            [
                "main: Ok(None) getppid ret=-1 errno=1",
                "worker: nnp=1 getppid ret=-1 errno=1"
            ]
        );
    }
}

#[test]
fn filter_install_reaches_threads_already_running() {
    let child = run(|out| {
        let (go, wait) = mpsc::channel::<()>();
        let out_worker = *out;
        let worker = std::thread::spawn(move || {
            wait.recv().unwrap();
            out_worker.say(&format!("worker: getppid {}", call(GETPPID)));
        });
        let result = filter(&DENY_GETPPID).install();
        out.say(&format!("main: {result:?} getppid {}", call(GETPPID)));
        go.send(()).unwrap();
        worker.join().unwrap();
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            "main: Ok(()) getppid ret=-1 errno=1",
            "worker: getppid ret=-1 errno=1"
        ]
    );
}

#[test]
fn on_the_calling_thread_only_threads_already_running_escape_the_filter() {
    let child = running_thread_after_install(Threads::Calling, Flags::empty());
    let ppid = std::process::id();
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            "main: Ok(None) getppid ret=-1 errno=1".to_owned(),
            format!("worker: nnp=0 getppid ret={ppid}")
        ]
    );
}

#[test]
fn a_tsync_failure_names_the_thread_and_changes_nothing() {
    let child = run(|out| {
        let (tid_tx, tid_rx) = mpsc::channel();
        let (done_tx, done_rx) = mpsc::channel::<()>();
        // The worker's filters diverge from the main thread's.
        let worker = std::thread::spawn(move || {
            filter(&ALLOW_ALL)
                .installer()
                .threads(Threads::Calling)
                .install()
                .unwrap();
            tid_tx.send(gettid()).unwrap();
            done_rx.recv().unwrap();
        });
        let worker_tid = tid_rx.recv().unwrap();
        let named = filter(&DENY_GETPPID)
            .installer()
            .flags(Flags::TSYNC)
            .install();
        let esrch = filter(&DENY_GETPPID)
            .installer()
            .flags(Flags::TSYNC | Flags::TSYNC_ESRCH)
            .install()
            .map_err(|e| (e, e.errno()));
        out.say(&format!("main {} worker {worker_tid}", gettid()));
        out.say(&format!("{named:?}"));
        out.say(&format!("{esrch:?}"));
        out.say(&format!(
            "main: mode={:?} getppid {}",
            current_mode(),
            call(GETPPID)
        ));
        done_tx.send(()).unwrap();
        worker.join().unwrap();
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    let lines = child.lines();
    let tids: Vec<i32> = lines[0]
        .strip_prefix("main ")
        .map(|rest| rest.split(" worker ").map(|t| t.parse().unwrap()).collect())
        .unwrap_or_else(|| panic!("{lines:?}"));
    let (main_tid, tid) = (tids[0], tids[1]);
    assert_ne!(main_tid, tid);
    let ppid = std::process::id();
    assert_eq!(
        lines[1..],
        [
            format!("Err(ThreadNotSynchronized {{ tid: Some({tid}) }})"),
            format!(
                "Err((ThreadNotSynchronized {{ tid: None }}, Some({})))",
                libc::ESRCH
            ),
            format!("main: mode=Ok(Disabled) getppid ret={ppid}"),
        ]
    );
}

const NOTIFY_GETPPID: [Insn; 7] = on_syscall(GETPPID, Action::USER_NOTIF);

/// Receives one notification on `listener` and answers it with `val`;
/// returns the notified system call's number.
fn answer_one(listener: &OwnedFd, val: i64) -> i32 {
    // SAFETY: the kernel wants a zeroed seccomp_notif to fill in, and reads
    // a seccomp_notif_resp.
    unsafe {
        let mut notif: libc::seccomp_notif = std::mem::zeroed();
        let rc = libc::ioctl(
            listener.as_raw_fd(),
            libc::SECCOMP_IOCTL_NOTIF_RECV,
            &mut notif,
        );
        assert_eq!(rc, 0, "NOTIF_RECV: {}", std::io::Error::last_os_error());
        let mut resp: libc::seccomp_notif_resp = std::mem::zeroed();
        resp.id = notif.id;
        resp.val = val;
        let rc = libc::ioctl(
            listener.as_raw_fd(),
            libc::SECCOMP_IOCTL_NOTIF_SEND,
            &mut resp,
        );
        assert_eq!(rc, 0, "NOTIF_SEND: {}", std::io::Error::last_os_error());
        notif.data.nr
    }
}

#[test]
fn new_listener_returns_a_working_listener() {
    static NOTIFY: [Insn; 7] = NOTIFY_GETPPID;
    let child = run(|out| {
        let listener = filter(&NOTIFY)
            .installer()
            .flags(Flags::NEW_LISTENER)
            .install()
            .unwrap()
            .expect("a listener");
        // SAFETY: F_GETFD on a descriptor we own.
        let fd_flags = unsafe { libc::fcntl(listener.as_raw_fd(), libc::F_GETFD) };
        out.say(&format!("cloexec={}", fd_flags & libc::FD_CLOEXEC != 0));
        let out_worker = *out;
        // The filter applies to this thread, created after it.
        let worker = std::thread::spawn(move || {
            out_worker.say(&format!("worker: getppid {}", call(GETPPID)));
        });
        let nr = answer_one(&listener, 4242);
        worker.join().unwrap();
        out.say(&format!("main: answered syscall {nr}"));
        // A second listener in the same chain of filters is refused.
        let second = filter(&NOTIFY)
            .installer()
            .flags(Flags::NEW_LISTENER)
            .install()
            .map_err(|e| (e, e.errno()));
        out.say(&format!("{second:?}"));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            "cloexec=true".to_owned(),
            "worker: getppid ret=4242".to_owned(),
            format!("main: answered syscall {GETPPID}"),
            format!("Err((ListenerBusy, Some({})))", libc::EBUSY),
        ]
    );
}

#[test]
fn a_listener_comes_with_tsync_esrch_and_wait_killable_recv() {
    static NOTIFY: [Insn; 7] = NOTIFY_GETPPID;
    let child = run(|out| {
        let listener = filter(&NOTIFY)
            .installer()
            .flags(
                Flags::NEW_LISTENER | Flags::TSYNC | Flags::TSYNC_ESRCH | Flags::WAIT_KILLABLE_RECV,
            )
            .install()
            .unwrap()
            .expect("a listener");
        let out_worker = *out;
        let worker = std::thread::spawn(move || {
            out_worker.say(&format!("worker: getppid {}", call(GETPPID)));
        });
        answer_one(&listener, 7);
        worker.join().unwrap();
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(child.lines(), ["worker: getppid ret=7"]);
}

#[test]
fn no_free_descriptor_for_the_listener_is_emfile() {
    static NOTIFY: [Insn; 7] = NOTIFY_GETPPID;
    let child = run(|out| {
        // The child holds 0, 1, 2 and its two pipes; with a limit of 3 no
        // new descriptor can be opened.
        let limit = libc::rlimit {
            rlim_cur: 3,
            rlim_max: 3,
        };
        // SAFETY: setrlimit with a live struct.
        assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &limit) }, 0);
        let result = filter(&NOTIFY)
            .installer()
            .flags(Flags::NEW_LISTENER)
            .install()
            .map_err(|e| (e, e.errno()));
        out.say(&format!("{result:?} mode={:?}", current_mode()));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        [format!(
            "Err((TooManyOpenFiles, Some({}))) mode=Ok(Disabled)",
            libc::EMFILE
        )]
    );
}
