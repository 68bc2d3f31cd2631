//! The kit's promises: how a child ended, what it said, that it never
//! hangs a test, and that no child outlives its handle.

use seccomp_testkit::channel::{self, PANICKED};
use seccomp_testkit::slot::{self, RunError, EXIT_SETUP};
use seccomp_testkit::{Error, Process, Status, EXIT_PANIC};
use std::time::Duration;

/// The children of the calling thread not yet reaped (`fork` makes
/// children of the thread, so another test's never show here).
fn unreaped_children() -> String {
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::gettid() };
    std::fs::read_to_string(format!("/proc/self/task/{tid}/children")).unwrap()
}

#[test]
fn a_process_ends_by_exit_or_by_a_signal() {
    // SAFETY: the bodies only return or call raise(3), which is
    // async-signal-safe.
    unsafe {
        let exited = Process::fork(|| 42).unwrap().wait();
        assert_eq!(exited, Ok(Status::Exited(42)));
        let killed = Process::fork(|| libc::raise(libc::SIGTERM)).unwrap().wait();
        assert_eq!(killed, Ok(Status::Signaled(libc::SIGTERM)));
    }
    assert_eq!(unreaped_children(), "");
}

#[test]
fn a_body_that_unwinds_exits_with_exit_panic() {
    // SAFETY: the child's panic allocates, which glibc supports after fork;
    // its message takes the stderr lock, which another test's thread may
    // have held at the fork: the timeout keeps that from hanging the test.
    let child = unsafe { Process::fork(|| panic!("in the child")) }.unwrap();
    let status = child.wait_timeout(Duration::from_secs(10));
    assert_eq!(status, Ok(Status::Exited(EXIT_PANIC)));
}

#[test]
fn an_overdue_child_is_killed_and_reaped() {
    // SAFETY: pause(2) is async-signal-safe.
    let child = unsafe { Process::fork(|| libc::pause()) }.unwrap();
    let after = Duration::from_millis(50);
    assert_eq!(child.wait_timeout(after), Err(Error::Timeout { after }));
    assert_eq!(unreaped_children(), "");
}

#[test]
fn a_dropped_process_is_killed_and_reaped() {
    // SAFETY: pause(2) is async-signal-safe.
    let child = unsafe { Process::fork(|| libc::pause()) }.unwrap();
    assert_ne!(unreaped_children(), "");
    drop(child);
    assert_eq!(unreaped_children(), "");
}

#[test]
fn a_channel_carries_lines_both_ways_and_a_panic() {
    let mut child = channel::spawn(|channel| {
        channel.say("ready");
        channel.wait_for_parent();
        channel.say("released");
        7
    });
    assert_eq!(child.read_line().as_deref(), Some("ready"));
    child.release();
    let finished = child.wait();
    assert_eq!(finished.status, Status::Exited(7));
    assert_eq!(finished.lines(), ["ready", "released"]);

    let finished = channel::run(|_| panic!("told"));
    assert_eq!(finished.status, Status::Exited(PANICKED));
    assert!(
        finished.output.starts_with("panic: "),
        "{}",
        finished.output
    );
    assert!(finished.output.contains("told"), "{}", finished.output);
}

#[test]
fn a_slot_gives_the_value_stored_before_the_trap() {
    let timeout = Duration::from_secs(10);
    // SAFETY: the bodies only return or call raise(3).
    unsafe {
        assert_eq!(slot::run(timeout, || -3), Ok(-3));
        assert_eq!(
            slot::run(timeout, || libc::raise(libc::SIGKILL)),
            Err(RunError::Unreported {
                status: Status::Signaled(libc::SIGKILL)
            })
        );
    }
    assert_eq!(unreaped_children(), "");
}

#[test]
fn a_setup_slot_gives_back_the_step_recorded_in_the_child() {
    let shared = slot::Shared::<slot::SetupSlot>::new().unwrap();
    let setup = shared.get();
    assert_eq!(setup.error(), None);
    // SAFETY: the body only stores into the shared mapping.
    let child = unsafe {
        Process::fork(|| {
            setup.record(seccomp_testkit::SetupError {
                call: "sigaction",
                errno: libc::EINVAL,
            });
            EXIT_SETUP
        })
    }
    .unwrap();
    assert_eq!(child.wait(), Ok(Status::Exited(EXIT_SETUP)));
    let error = setup.error().unwrap();
    assert_eq!((error.call, error.errno), ("sigaction", libc::EINVAL));
    setup.reset();
    assert_eq!(setup.error(), None);
}
