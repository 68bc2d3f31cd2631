use std::process::ExitCode;

fn main() -> ExitCode {
    // Like other filters in a pipeline (`seccomp disasm f | head`), end
    // quietly when the reader goes away instead of failing on EPIPE.
    // SAFETY: setting a signal disposition before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    seccomp_cli::run(std::env::args_os())
}
