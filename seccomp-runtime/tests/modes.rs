//! Strict mode, the mode query and the kernel probes, in the kernel.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod support;

use seccomp_runtime::{
    action_available, current_mode, flags_available, install_strict, install_strict_or_abort,
    Action, Flags, Insn, InstallError, Operation,
};
use support::{filter, on_syscall, proc_status, run, spawn, Status, ALLOW_ALL};

/// Ends the calling thread with exit(2), the one way out strict mode allows.
fn exit_thread(code: i32) -> ! {
    // SAFETY: exit(2) does not return.
    unsafe { libc::syscall(libc::SYS_exit, code) };
    unreachable!("exit(2) returned")
}

#[test]
fn strict_mode_kills_on_open() {
    let child = run(|out| {
        install_strict().unwrap();
        // Only read, write, _exit and sigreturn from here: no allocation.
        out.say_raw(b"strict: write works, calling open\n");
        // SAFETY: open(2) of a constant path.
        unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY) };
        out.say_raw(b"open returned\n");
        exit_thread(0)
    });
    assert_eq!(child.status, Status::Signaled(libc::SIGKILL), "{child:?}");
    assert_eq!(child.lines(), ["strict: write works, calling open"]);
}

#[test]
fn strict_mode_allows_exit() {
    let child = run(|out| {
        install_strict().unwrap();
        out.say_raw(b"strict\n");
        exit_thread(3)
    });
    assert_eq!(child.status, Status::Exited(3), "{child:?}");
    assert_eq!(child.lines(), ["strict"]);
}

#[test]
fn current_mode_reports_disabled_then_filter() {
    let child = run(|out| {
        let report = || format!("{:?} {}", current_mode(), proc_status("self", "Seccomp"));
        out.say(&report());
        filter(&ALLOW_ALL).install().unwrap();
        out.say(&report());
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(child.lines(), ["Ok(Disabled) 0", "Ok(Filter) 2"]);
}

#[test]
fn asking_for_the_mode_in_strict_mode_is_fatal() {
    let mut child = spawn(|out| {
        install_strict().unwrap();
        out.say_raw(b"strict\n");
        out.wait_for_parent();
        let _ = current_mode();
        out.say_raw(b"answered\n");
        exit_thread(0)
    });
    assert_eq!(child.read_line().as_deref(), Some("strict"));
    // Seen from outside, the child is in strict mode (1).
    assert_eq!(proc_status(&child.pid().to_string(), "Seccomp"), "1");
    child.release();
    let child = child.wait();
    assert_eq!(child.status, Status::Signaled(libc::SIGKILL), "{child:?}");
    assert_eq!(child.lines(), ["strict"]);
}

#[test]
fn strict_mode_is_refused_after_a_filter() {
    let child = run(|out| {
        filter(&ALLOW_ALL).install().unwrap();
        let result = install_strict().map_err(|e| (e, e.errno()));
        out.say(&format!("{result:?} mode={:?}", current_mode()));
        install_strict_or_abort();
        out.say("still running");
        0
    });
    assert_eq!(child.status, Status::Signaled(libc::SIGABRT), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            format!(
                "Err((StrictAfterFilter, Some({}))) mode=Ok(Filter)",
                libc::EINVAL
            ),
            format!(
                "cannot enter seccomp strict mode: {}; aborting",
                InstallError::StrictAfterFilter
            ),
        ]
    );
}

/// The running kernel's `major.minor`.
fn kernel_version() -> (u32, u32) {
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap();
    let mut parts = release
        .trim()
        .split(|c: char| !c.is_ascii_digit())
        .map(|p| p.parse::<u32>().unwrap());
    (parts.next().unwrap(), parts.next().unwrap())
}

#[test]
fn action_probes_match_the_kernels_list() {
    // The kernel's own list of the actions it knows, by name.
    let listed = std::fs::read_to_string("/proc/sys/kernel/seccomp/actions_avail").unwrap();
    let listed: Vec<&str> = listed.split_whitespace().collect();
    let actions = [
        ("kill_process", Action::KillProcess(0)),
        ("kill_thread", Action::KillThread(0)),
        ("trap", Action::Trap(0)),
        ("errno", Action::Errno(0)),
        ("user_notif", Action::UserNotif(0)),
        ("trace", Action::Trace(0)),
        ("log", Action::Log(0)),
        ("allow", Action::Allow(0)),
    ];
    for (name, action) in actions {
        assert_eq!(
            action_available(action),
            Ok(listed.contains(&name)),
            "{name}: kernel lists {listed:?}"
        );
    }
    // The data bits are not part of the question.
    assert_eq!(action_available(Action::Errno(4095)), Ok(true));
    assert_eq!(action_available(Action::Unknown(0x1234_0000)), Ok(false));
}

#[test]
fn flag_probes_match_the_kernel_version() {
    let version = kernel_version();
    let introduced = [
        (Flags::TSYNC, (3, 17)),
        (Flags::LOG, (4, 14)),
        (Flags::SPEC_ALLOW, (4, 17)),
        (Flags::NEW_LISTENER, (5, 0)),
        (Flags::TSYNC_ESRCH, (5, 7)),
        (Flags::WAIT_KILLABLE_RECV, (5, 19)),
    ];
    for (flag, since) in introduced {
        assert_eq!(
            flags_available(flag),
            Ok(version >= since),
            "{flag:?} on {version:?}"
        );
    }
    let all_known = version >= (5, 19);
    assert_eq!(flags_available(Flags::all()), Ok(all_known));
    // Flags that conflict are still probed one by one.
    assert_eq!(
        flags_available(Flags::TSYNC | Flags::NEW_LISTENER),
        Ok(version >= (5, 0))
    );
    assert_eq!(flags_available(Flags::empty()), Ok(version >= (3, 17)));
    assert_eq!(flags_available(Flags::from_bits_retain(1 << 31)), Ok(false));
    assert_eq!(
        flags_available(Flags::TSYNC | Flags::from_bits_retain(1 << 31)),
        Ok(false)
    );
}

#[test]
fn probes_report_a_seccomp_call_that_fails() {
    static DENY_SECCOMP: [Insn; 7] =
        on_syscall(libc::SYS_seccomp, Action::ERRNO | libc::EPERM as u32);
    static NO_SECCOMP: [Insn; 7] =
        on_syscall(libc::SYS_seccomp, Action::ERRNO | libc::ENOSYS as u32);
    let child = run(|out| {
        filter(&DENY_SECCOMP).install().unwrap();
        out.say(&format!("{:?}", action_available(Action::Allow(0))));
        out.say(&format!("{:?}", flags_available(Flags::LOG)));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    let eperm = libc::EPERM;
    assert_eq!(
        child.lines(),
        [
            format!("Err(Os {{ op: GetActionAvail, errno: {eperm} }})"),
            format!("Err(Os {{ op: ProbeFlags, errno: {eperm} }})"),
        ]
    );

    let child = run(|out| {
        filter(&NO_SECCOMP).install().unwrap();
        let unsupported = action_available(Action::Allow(0));
        out.say(&format!(
            "{}",
            unsupported
                == Err(InstallError::Unsupported {
                    op: Operation::GetActionAvail,
                    errno: libc::ENOSYS
                })
        ));
        out.say(&format!("{:?}", flags_available(Flags::LOG)));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(child.lines(), ["true", "Ok(false)"]);
}
