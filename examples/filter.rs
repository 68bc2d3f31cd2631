//! Seccomp filter mode, the classic demonstration, written with `seccomp!`.
//!
//! The filter kills the process at its first write(2). The program shows the
//! filter, forks, and the child installs it and tries to print a line: the
//! kernel kills the child with SIGSYS before anything is written. The parent
//! then explains what happened, and checks that the kernel did what the
//! filter's emulation predicted.
//!
//! ```text
//! $ cargo run --example filter
//! ```

#[cfg(all(
    target_os = "linux",
    target_arch = "x86_64",
    target_pointer_width = "64"
))]
mod demo {
    use seccomp_runtime::{seccomp, Action, Filter, SeccompData};

    /// x86_64 only (no x32); `write` kills; everything else is allowed. A
    /// denylist, to show one call being stopped; the lints that say a
    /// denylist is weak (allowing execve, writev, ... by default) are off.
    static NO_WRITE: Filter = seccomp! {
        allow(permissive_default, dangerous_allow, syscall_alt_gap),
        A = arch
        if (A != ARCH_X86_64) goto kill
        A = sys_number
        if (A >= 0x40000000) goto kill
        if (A == write) goto kill
        return ALLOW
    kill:
        return KILL_PROCESS
    };

    pub fn main() {
        println!("The filter, compiled by seccomp! when this example was built:\n");
        println!("{NO_WRITE}");
        let write = SeccompData {
            nr: libc::SYS_write as i32,
            arch: NO_WRITE.arch().audit(),
            ..SeccompData::default()
        };
        let predicted = NO_WRITE.emulate(&write);
        println!("Emulated, a write(2) gets: {predicted}");
        println!("The child installs the filter and writes a line; the parent waits.\n");

        // SAFETY: the process is single-threaded here; the child only
        // installs the filter and makes raw system calls.
        let pid = unsafe { libc::fork() };
        if pid < 0 {
            eprintln!("fork failed: {}", std::io::Error::last_os_error());
            std::process::exit(1);
        }
        if pid == 0 {
            NO_WRITE.install_or_abort();
            let line = b"this line is never written\n";
            // SAFETY: write(2) of a live buffer; the filter kills us here.
            unsafe { libc::write(1, line.as_ptr().cast(), line.len()) };
            // Not reached: exit(2) without flushing anything.
            // SAFETY: ends the child.
            unsafe { libc::_exit(0) };
        }

        let mut status = 0;
        // SAFETY: waits for our own child.
        if unsafe { libc::waitpid(pid, &mut status, 0) } != pid {
            eprintln!("waitpid failed: {}", std::io::Error::last_os_error());
            std::process::exit(1);
        }
        if libc::WIFSIGNALED(status) && libc::WTERMSIG(status) == libc::SIGSYS {
            println!(
                "The child was killed by SIGSYS (\"Bad system call\", signal {}) at its write(2):",
                libc::SIGSYS
            );
            println!("the filter returned KILL_PROCESS, so the kernel ended the whole process");
            println!("instead of running the call, and nothing was written.");
            assert_eq!(
                predicted,
                Action::KillProcess(0),
                "the emulation disagrees with the kernel"
            );
        } else {
            println!("Unexpected: the child ended with wait status {status:#x}.");
            std::process::exit(1);
        }
    }
}

#[cfg(all(
    target_os = "linux",
    target_arch = "x86_64",
    target_pointer_width = "64"
))]
fn main() {
    demo::main();
}

#[cfg(not(all(
    target_os = "linux",
    target_arch = "x86_64",
    target_pointer_width = "64"
)))]
fn main() {
    eprintln!("This example's filter is written for Linux on x86_64.");
}
