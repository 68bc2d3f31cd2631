//! Installing: no_new_privs, permissions, the instruction budget, flags,
//! the prctl fallback and the fail-closed helper, checked in the kernel.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod support;

use seccomp_asm::bpf::seccomp::{LD_IMM, RET_K};
use seccomp_asm::bpf::{MAXINSNS, MAX_INSNS_PER_PATH};
use seccomp_runtime::{current_mode, Action, Flags, Insn, InstallError, Threads};
use support::{
    call, drop_cap_sys_admin, filter, has_cap_sys_admin, no_new_privs, on_syscall, proc_status,
    run, Status, ALLOW_ALL,
};

const GETPPID: i64 = libc::SYS_getppid;
static DENY_GETPPID: [Insn; 7] = on_syscall(GETPPID, Action::ERRNO | libc::EPERM as u32);

#[test]
fn install_sets_no_new_privs_then_the_filter() {
    let child = run(|out| {
        out.say(&format!(
            "before: nnp={}",
            proc_status("self", "NoNewPrivs")
        ));
        filter(&DENY_GETPPID).install().unwrap();
        out.say(&format!(
            "after: nnp={} prctl={} mode={:?} getppid {}",
            proc_status("self", "NoNewPrivs"),
            no_new_privs(),
            current_mode(),
            call(GETPPID)
        ));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            "before: nnp=0",
            "after: nnp=1 prctl=1 mode=Ok(Filter) getppid ret=-1 errno=1"
        ]
    );
}

#[test]
fn without_no_new_privs_or_cap_sys_admin_the_kernel_refuses_with_eacces() {
    let child = run(|out| {
        drop_cap_sys_admin();
        out.say(&format!("cap_sys_admin={}", has_cap_sys_admin()));
        let result = filter(&DENY_GETPPID)
            .installer()
            .no_new_privs(false)
            .install();
        out.say(&format!(
            "{result:?} errno={:?}",
            result.as_ref().err().and_then(|e| e.errno())
        ));
        out.say(&format!(
            "nnp={} mode={:?} getppid {}",
            no_new_privs(),
            current_mode(),
            call(GETPPID)
        ));
        0
    });
    let ppid = std::process::id();
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            "cap_sys_admin=false".to_owned(),
            "Err(PermissionDenied) errno=Some(13)".to_owned(),
            format!("nnp=0 mode=Ok(Disabled) getppid ret={ppid}"),
        ]
    );
}

#[test]
fn cap_sys_admin_installs_without_no_new_privs() {
    let child = run(|out| {
        out.say(&format!("cap_sys_admin={}", has_cap_sys_admin()));
        let result = filter(&DENY_GETPPID)
            .installer()
            .no_new_privs(false)
            .install();
        out.say(&format!(
            "{result:?} nnp={} getppid {}",
            no_new_privs(),
            call(GETPPID)
        ));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            "cap_sys_admin=true",
            "Ok(None) nnp=0 getppid ret=-1 errno=1"
        ]
    );
}

/// A filter of the greatest length the kernel takes: loads, then ALLOW.
static LONGEST: [Insn; MAXINSNS] = {
    let mut insns = [Insn::stmt(LD_IMM, 0); MAXINSNS];
    insns[MAXINSNS - 1] = Insn::stmt(RET_K, Action::ALLOW);
    insns
};

#[test]
fn stacking_past_the_instruction_budget_fails_with_enomem() {
    let child = run(|out| {
        let longest = filter(&LONGEST);
        let mut installed = 0;
        let error = loop {
            match longest.install() {
                Ok(()) => installed += 1,
                Err(error) => break error,
            }
        };
        out.say(&format!("installed {installed}, then {error:?}"));
        // What is left of the budget still takes a small filter.
        out.say(&format!("small: {:?}", filter(&ALLOW_ALL).install()));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    let lines = child.lines();
    // Counting the classic instructions, n filters of 4096 fit while
    // 4096 + (n - 1) * (4096 + 4) <= 32768: 7 of them. The kernel counts a
    // filter after translating it, which adds a few instructions for these
    // loads; 7 still fit as long as it adds fewer than 582.
    let most = (MAX_INSNS_PER_PATH - MAXINSNS) / (MAXINSNS + 4) + 1;
    assert_eq!(most, 7);
    assert!(lines[0].starts_with("installed 7, "), "{lines:?}");
    assert!(
        lines[0].ends_with(", then InstructionBudgetExhausted { len: 4096 }"),
        "{lines:?}"
    );
    assert_eq!(lines[1], "small: Ok(())");
}

#[test]
fn flag_conflicts_are_refused_before_any_system_call() {
    // Any seccomp(2) or prctl(2) after this kills the child.
    static GUARD: [Insn; 9] = support::on_syscalls(
        libc::SYS_seccomp,
        Action::KILL_PROCESS,
        libc::SYS_prctl,
        Action::KILL_PROCESS,
    );
    let child = run(|out| {
        filter(&GUARD).install().unwrap();
        for (threads, flags) in [
            (Threads::Calling, Flags::TSYNC),
            (Threads::Calling, Flags::TSYNC | Flags::NEW_LISTENER),
            (Threads::Calling, Flags::WAIT_KILLABLE_RECV),
            (Threads::All, Flags::WAIT_KILLABLE_RECV),
        ] {
            let result = filter(&ALLOW_ALL)
                .installer()
                .threads(threads)
                .flags(flags)
                .install();
            out.say(&format!("{result:?}"));
        }
        out.say("a valid install:");
        let result = filter(&ALLOW_ALL).install();
        out.say(&format!("survived: {result:?}"));
        0
    });
    assert_eq!(child.status, Status::Signaled(libc::SIGSYS), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            "Err(FlagConflict(TsyncForCallingThread))",
            "Err(FlagConflict(TsyncForCallingThread))",
            "Err(FlagConflict(KillableRecvWithoutListener))",
            "Err(FlagConflict(KillableRecvWithoutListener))",
            "a valid install:",
        ]
    );
}

#[test]
fn a_flag_unknown_to_the_kernel_is_invalid() {
    let child = run(|out| {
        let flags = Flags::from_bits_retain(1 << 31);
        let result = filter(&ALLOW_ALL)
            .installer()
            .threads(Threads::Calling)
            .flags(flags)
            .install();
        out.say(&format!(
            "{:?} mode={:?}",
            result.map_err(|e| (e, e.errno())),
            current_mode()
        ));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        ["Err((Invalid { flags: Flags(0x80000000) }, Some(22))) mode=Ok(Disabled)"]
    );
}

#[test]
fn prctl_is_the_fallback_only_where_seccomp_is_missing() {
    // seccomp(2) fails with ENOSYS from here on, as on kernels before 3.17.
    static NO_SECCOMP: [Insn; 7] =
        on_syscall(libc::SYS_seccomp, Action::ERRNO | libc::ENOSYS as u32);
    let child = run(|out| {
        filter(&NO_SECCOMP).install().unwrap();
        // prctl can pass neither flags nor TSYNC: no fallback, and no
        // installation that would leave threads out.
        let with_flags = filter(&DENY_GETPPID)
            .installer()
            .threads(Threads::Calling)
            .flags(Flags::LOG)
            .install();
        out.say(&format!(
            "with flags: {with_flags:?} getppid {}",
            call(GETPPID)
        ));
        let every_thread = filter(&DENY_GETPPID).install();
        out.say(&format!(
            "every thread: {every_thread:?} getppid {}",
            call(GETPPID)
        ));
        let calling = filter(&DENY_GETPPID)
            .installer()
            .threads(Threads::Calling)
            .install();
        out.say(&format!(
            "calling thread: {calling:?} getppid {}",
            call(GETPPID)
        ));
        0
    });
    let ppid = std::process::id();
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            format!(
                "with flags: Err(Unsupported {{ op: SetModeFilter, errno: {} }}) getppid ret={ppid}",
                libc::ENOSYS
            ),
            format!(
                "every thread: Err(Unsupported {{ op: SetModeFilter, errno: {} }}) getppid ret={ppid}",
                libc::ENOSYS
            ),
            "calling thread: Ok(None) getppid ret=-1 errno=1".to_owned(),
        ]
    );
}

#[test]
fn install_or_abort_aborts_with_the_reason() {
    let child = run(|out| {
        drop_cap_sys_admin();
        filter(&DENY_GETPPID)
            .installer()
            .no_new_privs(false)
            .install_or_abort();
        out.say("still running");
        0
    });
    assert_eq!(child.status, Status::Signaled(libc::SIGABRT), "{child:?}");
    let expected = format!(
        "cannot install the seccomp filter: {}; aborting",
        InstallError::PermissionDenied
    );
    assert_eq!(child.lines(), [expected]);
    assert!(child.output.contains("(EACCES)"), "{child:?}");
}

#[test]
fn filter_install_or_abort_returns_when_installed() {
    let child = run(|out| {
        filter(&DENY_GETPPID).install_or_abort();
        out.say(&format!("getppid {}", call(GETPPID)));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(child.lines(), ["getppid ret=-1 errno=1"]);
}

#[test]
fn a_filter_of_another_architecture_is_refused_before_any_system_call() {
    let child = run(|out| {
        let foreign = seccomp_runtime::Filter::new(&DENY_GETPPID, seccomp_runtime::Arch::Aarch64)
            .expect("a valid program");
        let refused = foreign.install();
        out.say(&format!(
            "{refused:?} nnp={} mode={:?} getppid denied={}",
            no_new_privs(),
            current_mode(),
            call(GETPPID).starts_with("ret=-1")
        ));
        // Allowed on request: the kernel takes it like any filter.
        foreign.installer().foreign_arch(true).install().unwrap();
        out.say(&format!(
            "mode={:?} getppid {}",
            current_mode(),
            call(GETPPID)
        ));
        0
    });
    assert_eq!(child.status, Status::Exited(0), "{child:?}");
    assert_eq!(
        child.lines(),
        [
            "Err(ForeignArch { filter: Aarch64, native: Some(X86_64) }) nnp=0 mode=Ok(Disabled) \
             getppid denied=false",
            "mode=Ok(Filter) getppid ret=-1 errno=1"
        ]
    );
}

#[test]
fn an_error_chain_prints_a_flag_conflict_once() {
    use std::error::Error;
    let err = InstallError::from(seccomp_runtime::FlagConflict::TsyncForCallingThread);
    assert!(err.source().is_none());
    let text = err.to_string();
    assert!(
        text.starts_with("the filter was not installed: flag TSYNC"),
        "{text}"
    );
    assert_eq!(text.matches("TSYNC applies").count(), 1, "{text}");
}
