//! Seccomp strict mode, the classic demonstration.
//!
//! The program enters strict mode, after which only read(2), write(2),
//! _exit(2) and sigreturn(2) are allowed. It reads a line from stdin and
//! echoes it, which strict mode allows, then calls open(2), which it does not:
//! the kernel kills the process with SIGKILL.
//!
//! ```text
//! $ echo hello | cargo run --example strict
//! ```

#[cfg(target_os = "linux")]
fn main() {
    use std::io::Write;

    println!("Entering seccomp strict mode: only read, write, _exit and sigreturn are allowed.");
    println!("Type a line: it is echoed back. Then the program calls open(\"/etc/hostname\"),");
    println!("and the kernel kills it with SIGKILL (the shell reports \"Killed\", status 137).");
    std::io::stdout().flush().expect("flush stdout");

    seccomp_runtime::install_strict_or_abort();

    // From here on: no allocation (it may call mmap or brk), no std I/O
    // machinery, only the raw system calls strict mode allows.
    let mut line = [0u8; 256];
    let n = read_line(&mut line);
    write_all(b"echo: ");
    write_all(&line[..n]);
    if n == 0 || line[n - 1] != b'\n' {
        write_all(b"\n");
    }

    write_all(b"calling open()...\n");
    // SAFETY: open(2) of a constant path; strict mode kills the process here.
    unsafe { libc::open(c"/etc/hostname".as_ptr(), libc::O_RDONLY) };

    write_all(b"still alive: strict mode did not stop open()\n");
    // exit(2), not exit_group(2), which strict mode does not allow either.
    // SAFETY: ends the process's only thread.
    unsafe { libc::syscall(libc::SYS_exit, 1) };
}

/// Reads stdin one byte at a time up to a newline (kept), end of input or a
/// full buffer, so nothing past the line is consumed; returns the length.
#[cfg(target_os = "linux")]
fn read_line(buf: &mut [u8]) -> usize {
    let mut len = 0;
    while len < buf.len() {
        // SAFETY: read(2) of one byte into a live buffer.
        let n = unsafe { libc::read(0, buf[len..].as_mut_ptr().cast(), 1) };
        if n != 1 {
            break;
        }
        len += 1;
        if buf[len - 1] == b'\n' {
            break;
        }
    }
    len
}

/// write(2) of all of `bytes` to stdout, giving up on error.
#[cfg(target_os = "linux")]
fn write_all(mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: write(2) from a live buffer.
        let n = unsafe { libc::write(1, bytes.as_ptr().cast(), bytes.len()) };
        match usize::try_from(n) {
            Ok(n) if n > 0 => bytes = &bytes[n..],
            _ => return,
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("seccomp strict mode exists only on Linux");
    std::process::exit(1);
}
