//! A realistic allow-list: the program reads text on stdin and reports its
//! line, word and byte counts, under a filter that allows what it needs and
//! answers EPERM to everything else.
//!
//! The filter lives in `examples/filters/allowlist.asm` (seccomp-tools
//! syntax, with comments) and is compiled into the program by
//! `seccomp!(file = ...)`; editing the file rebuilds the example. It checks
//! the architecture and refuses x32 calls, allows reading, writing to stdout
//! and stderr only (an argument check), memory management, signals and exit.
//!
//! ```text
//! $ printf 'one two\nthree\n' | cargo run --example allowlist
//! ```

#[cfg(all(
    target_os = "linux",
    target_arch = "x86_64",
    target_pointer_width = "64"
))]
mod demo {
    use seccomp_runtime::{seccomp, Filter};
    use std::io::{Read, Write};

    static ALLOWLIST: Filter = seccomp!(file = "examples/filters/allowlist.asm");

    pub fn main() {
        eprintln!(
            "Installing a {}-instruction allow-list (see examples/filters/allowlist.asm).",
            ALLOWLIST.len()
        );
        ALLOWLIST.install_or_abort();

        // The job: count what arrives on stdin.
        let mut text = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut text) {
            eprintln!("reading stdin failed: {e}");
            std::process::exit(1);
        }
        let lines = text.iter().filter(|&&b| b == b'\n').count();
        let words = text
            .split(|b| b.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
            .count();
        println!("{lines} lines, {words} words, {} bytes", text.len());

        // What the filter refuses: opening a file, and writing to another
        // descriptor than stdout and stderr.
        match std::fs::File::open("/etc/hostname") {
            Ok(_) => println!("open(/etc/hostname): allowed (unexpected)"),
            Err(e) => println!("open(/etc/hostname): {e}"),
        }
        // SAFETY: write(2) of a live buffer to descriptor 0.
        let r = unsafe { libc::write(0, b"x".as_ptr().cast(), 1) };
        let err = std::io::Error::last_os_error();
        println!(
            "write to stdin's descriptor: {}",
            if r < 0 {
                err.to_string()
            } else {
                "allowed".into()
            }
        );
        std::io::stdout().flush().ok();
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
