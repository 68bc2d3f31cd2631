//! A program sandboxed by a policy recorded from its own run: it lists a
//! directory (names and sizes), under the allow-list `seccomp record` wrote
//! to `examples/filters/recorded.asm`, compiled in by `seccomp!(file = ...)`.
//!
//! Built with `--features record`, it runs without the filter, to be
//! recorded; the README's "Recording a policy" shows the whole workflow:
//!
//! ```text
//! $ cargo build --example recorded --features record
//! $ seccomp record -o examples/filters/recorded.asm -- target/debug/examples/recorded /usr
//! $ cargo run --example recorded -- /usr
//! ```

#[cfg(all(
    target_os = "linux",
    target_arch = "x86_64",
    target_pointer_width = "64",
    not(feature = "record")
))]
static POLICY: seccomp_runtime::Filter =
    seccomp_runtime::seccomp!(file = "examples/filters/recorded.asm");

fn main() {
    #[cfg(all(
        target_os = "linux",
        target_arch = "x86_64",
        target_pointer_width = "64",
        not(feature = "record")
    ))]
    {
        // Every thread, from here on: what the recording saw, and ENOSYS for
        // the rest.
        POLICY.install_or_abort();
        eprintln!(
            "sandboxed by a {}-instruction recorded policy",
            POLICY.len()
        );
    }
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_string());
    let mut entries: Vec<(String, u64)> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| {
                let len = e.metadata().map(|m| m.len()).unwrap_or(0);
                (e.file_name().to_string_lossy().into_owned(), len)
            })
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    entries.sort();
    for (name, len) in entries {
        println!("{len:>10}  {name}");
    }
    // Something the recorded run never did: the default, ENOSYS.
    #[cfg(not(feature = "record"))]
    match std::net::UdpSocket::bind("127.0.0.1:0") {
        Ok(_) => println!("(a socket, never recorded: allowed; not sandboxed)"),
        Err(e) => println!("(a socket, never recorded: {e})"),
    }
}
