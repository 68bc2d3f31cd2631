//! Results as lines through a pipe, for bodies that may allocate.
//!
//! The child reports lines through a pipe; the parent reads them to EOF and
//! then takes the child's [`Status`], so a test can assert both what the
//! child got to say and how it ended. The child can also wait for the
//! parent ([`Channel::wait_for_parent`], [`Child::release`]).
//!
//! The test harness runs tests on several threads, and `fork` copies only
//! the calling one. The children here still allocate and start threads,
//! which glibc supports after `fork`; they close every inherited descriptor
//! but their own, so another test's pipes never stay open in them.

use crate::{Process, Status};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Once;

/// Exit code of a child whose body panicked.
pub const PANICKED: i32 = 101;

/// How long a child may run before its alarm ends it, in seconds.
pub const ALARM_SECONDS: u32 = 60;

/// A finished child: how it ended and every line it reported.
#[derive(Debug)]
pub struct Finished {
    pub status: Status,
    pub output: String,
}

impl Finished {
    /// The reported lines.
    pub fn lines(&self) -> Vec<&str> {
        self.output.lines().collect()
    }
}

/// The child's end of its pipes; threads of the child may share copies.
#[derive(Clone, Copy)]
pub struct Channel {
    to_parent: RawFd,
    from_parent: RawFd,
}

impl Channel {
    /// Sends one line to the parent with a single write(2), which strict
    /// mode allows and which takes no lock.
    pub fn say(&self, line: &str) {
        let mut bytes = Vec::with_capacity(line.len() + 1);
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
        self.say_raw(&bytes);
    }

    /// Sends bytes with one write(2) and no allocation.
    pub fn say_raw(&self, bytes: &[u8]) {
        // SAFETY: write(2) from a live buffer to our own pipe.
        let n = unsafe { libc::write(self.to_parent, bytes.as_ptr().cast(), bytes.len()) };
        assert_eq!(n, bytes.len() as isize, "short write to the parent");
    }

    /// Blocks until the parent calls [`Child::release`]; uses only read(2).
    pub fn wait_for_parent(&self) {
        let mut byte = 0u8;
        // SAFETY: read(2) of one byte into a live buffer.
        let n = unsafe { libc::read(self.from_parent, (&mut byte as *mut u8).cast(), 1) };
        assert_eq!(n, 1, "the parent went away");
    }
}

/// A running child. Dropping it before [`Child::wait`] kills and reaps it.
pub struct Child {
    process: Process,
    from_child: BufReader<File>,
    to_child: File,
    output: String,
}

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills two descriptors that we then own.
    let rc = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    assert_eq!(rc, 0, "pipe2: {}", std::io::Error::last_os_error());
    // SAFETY: both are fresh descriptors owned by nobody else.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

/// Closes every descriptor from 3 up except those in `keep`.
fn close_all_but(keep: &mut [RawFd]) {
    keep.sort_unstable();
    let mut first: u32 = 3;
    for &fd in keep.iter() {
        let fd = fd as u32;
        if fd > first {
            // SAFETY: closing descriptors this process does not use.
            unsafe { libc::close_range(first, fd - 1, 0) };
        }
        first = first.max(fd + 1);
    }
    // SAFETY: as above.
    unsafe { libc::close_range(first, u32::MAX, 0) };
}

/// Where a forked child reports a panic; -1 in the test process itself.
static CHILD_REPORT_FD: AtomicI32 = AtomicI32::new(-1);

/// Sends a child's panic message to its parent.
///
/// Set once in the test process, before its first fork: setting a hook
/// takes a lock that a child could find held forever, had another thread
/// been setting a hook when it forked. The hook leaves the default hook
/// (and its locks) to the test process.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let fd = CHILD_REPORT_FD.load(Ordering::SeqCst);
            if fd < 0 {
                return previous(info);
            }
            let line = format!("panic: {info}\n");
            // SAFETY: write(2) from a live buffer.
            unsafe { libc::write(fd, line.as_ptr().cast(), line.len()) };
        }));
    });
}

/// Forks a child that runs `body` and exits with its return value.
///
/// In the child: core dumps are off (a test that kills it must not write a
/// core file), an alarm ends it after [`ALARM_SECONDS`] should it ever hang,
/// stderr goes to the parent with the reported lines, and a panic is
/// reported and exits with [`PANICKED`].
pub fn spawn(body: impl FnOnce(&Channel) -> i32) -> Child {
    install_panic_hook();
    let (from_child, to_parent) = pipe();
    let (from_parent, to_child) = pipe();
    let channel = Channel {
        to_parent: to_parent.as_raw_fd(),
        from_parent: from_parent.as_raw_fd(),
    };
    let in_child = || {
        close_all_but(&mut [channel.to_parent, channel.from_parent]);
        let prepared = crate::no_core_dumps();
        // SAFETY: plain system calls on values we own.
        unsafe {
            libc::alarm(ALARM_SECONDS);
            libc::dup2(channel.to_parent, 2);
        }
        CHILD_REPORT_FD.store(channel.to_parent, Ordering::SeqCst);
        let code = std::panic::catch_unwind(AssertUnwindSafe(|| {
            if let Err(error) = prepared {
                panic!("{error}");
            }
            body(&channel)
        }));
        code.unwrap_or(PANICKED)
    };
    // SAFETY: the child allocates, which glibc supports after fork, and
    // takes no lock another thread could hold: the panic hook is set above,
    // in the parent.
    let process = unsafe { Process::fork(in_child) }.unwrap_or_else(|error| panic!("{error}"));
    drop(to_parent);
    drop(from_parent);
    Child {
        process,
        from_child: BufReader::new(File::from(from_child)),
        to_child: File::from(to_child),
        output: String::new(),
    }
}

/// Runs `body` in a child to the end.
pub fn run(body: impl FnOnce(&Channel) -> i32) -> Finished {
    spawn(body).wait()
}

impl Child {
    pub fn pid(&self) -> libc::pid_t {
        self.process.pid()
    }

    /// The next reported line, without its newline; `None` at EOF.
    pub fn read_line(&mut self) -> Option<String> {
        let mut line = String::new();
        let n = self
            .from_child
            .read_line(&mut line)
            .expect("read from child");
        self.output.push_str(&line);
        (n > 0).then(|| line.trim_end_matches('\n').to_owned())
    }

    /// Lets the child past its next [`Channel::wait_for_parent`].
    pub fn release(&mut self) {
        self.to_child.write_all(b"g").expect("write to child");
    }

    /// Reads what is left of the output and reaps the child.
    pub fn wait(mut self) -> Finished {
        let mut rest = String::new();
        self.from_child
            .read_to_string(&mut rest)
            .expect("read from child");
        self.output.push_str(&rest);
        let status = self
            .process
            .wait()
            .unwrap_or_else(|error| panic!("{error}"));
        Finished {
            status,
            output: self.output,
        }
    }
}
