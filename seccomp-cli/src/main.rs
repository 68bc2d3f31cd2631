use std::process::ExitCode;

fn main() -> ExitCode {
    // Like other filters in a pipeline (`seccomp disasm f | head`), end
    // quietly when the reader goes away instead of failing on EPIPE.
    // SAFETY: setting a signal disposition before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // A bug must still read as one line, not as a backtrace prompt.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str))
            .unwrap_or("unknown cause");
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "error: internal error{location}: {}",
            message.replace('\n', " ")
        );
    }));
    seccomp_cli::run(std::env::args_os())
}
