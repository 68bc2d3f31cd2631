//! `seccomp record`: run a program (or attach to one), record its
//! syscalls, and write them as an allow-list, alone or merged into an
//! earlier policy file.

use std::fs;

use crate::cli::RecordArgs;
use crate::error::Failure;

pub fn run(args: RecordArgs) -> Result<u8, Failure> {
    imp::run(args)
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use super::*;

    pub fn run(_: RecordArgs) -> Result<u8, Failure> {
        Err(Failure::new(
            "record traces programs with ptrace, which only Linux has",
        ))
    }
}

#[cfg(target_os = "linux")]
mod imp {
    use std::collections::BTreeSet;
    use std::io::Write;

    use seccomp_asm::Arch;

    use super::*;
    use crate::commands::dump::parse_timeout;
    use crate::engine::{self, AsmRequest};
    use crate::error::warn;
    use crate::io::{replace_file, write_stdout};
    use crate::ptrace::spawn::Program;
    use crate::ptrace::stop::StopReason;
    use crate::record::block::{self, Document};
    use crate::record::policy::{self, DefaultAction};
    use crate::record::trace::{self, Ending, Method, Target, TraceOptions};
    use crate::record::Recording;

    pub fn run(args: RecordArgs) -> Result<u8, Failure> {
        let target = target(&args)?;
        let earlier = args
            .merge
            .as_ref()
            .map(|path| read_policy(path))
            .transpose()?;
        let mut specs: BTreeSet<_> = args.args.iter().cloned().collect();
        if let Some(doc) = &earlier {
            // Go on recording what the earlier runs recorded, or the merge
            // would have to drop those checks.
            specs.extend(doc.recording.arg_specs());
        }
        let timeout = args.timeout.map(parse_timeout).transpose()?.flatten();
        let run_name = match &target {
            Target::Spawn { program, .. } => program.display(),
            Target::Attach(pid) => attached_name(*pid),
        };
        let traced = trace::record(&TraceOptions {
            target,
            args: specs,
            timeout,
            skip_start_exec: args.self_sandboxed,
        })?;

        if let Some(errno) = traced.filter_refused {
            warn(&format!(
                "the kernel refused the recording filter ({}); every syscall entry and exit \
                 was traced instead, which is slower",
                std::io::Error::from_raw_os_error(errno)
            ));
        }
        if traced.unknown_abi_calls > 0 {
            warn(&format!(
                "{} calls through a calling convention seccomp has no table for were left out",
                traced.unknown_abi_calls
            ));
        }
        if traced.recording.abis.is_empty() {
            warn("no syscall was recorded: the policy allows nothing");
        }
        let mut recording = traced.recording;
        recording.runs.push(run_name.clone());
        let mut summary = summary(&recording, &run_name, traced.ending, traced.method);

        let text = match earlier {
            None => policy::write_file(&recording, args.default.unwrap_or(DefaultAction::ENOSYS)),
            Some(Document {
                before,
                recording: mut merged,
                default,
                after,
            }) => {
                for dropped in merged.merge(recording) {
                    warn(&dropped.to_string());
                }
                let default = args.default.or(default).unwrap_or(DefaultAction::ENOSYS);
                let (syscalls, calls) = merged.totals();
                summary.push_str(&format!(
                    "; merged: {syscalls} syscalls, {calls} calls, from {} runs",
                    merged.runs.len()
                ));
                format!("{before}{}{after}", policy::write_block(&merged, default))
            }
        };
        check_policy(&text, &args)?;
        match &args.output {
            Some(path) => replace_file(path, text.as_bytes())?,
            None => write_stdout(text.as_bytes())?,
        }
        let _ = writeln!(std::io::stderr().lock(), "{summary}");
        Ok(0)
    }

    /// The policy assembles as `seccomp!` will assemble it; one that
    /// cannot (more instructions than the kernel takes) is not written, so
    /// that a merge never replaces a working policy with a broken one.
    fn check_policy(text: &str, args: &RecordArgs) -> Result<(), Failure> {
        let name = args.output.as_ref().map_or_else(
            || "<policy>".to_string(),
            |p| p.to_string_lossy().into_owned(),
        );
        let request = AsmRequest {
            source: text.as_bytes(),
            filename: &name,
            arch: Arch::native().unwrap_or(Arch::X86_64),
            strict: true,
            relax_jumps: false,
        };
        engine::assemble(&request).map(drop).map_err(|failure| {
            Failure::verbatim(format!(
                "{}error: the recorded policy does not assemble, so it was not written; \
                 record fewer arguments (--args) or fewer runs",
                failure.message
            ))
        })
    }

    fn target(args: &RecordArgs) -> Result<Target, Failure> {
        let filter = !args.no_filter;
        if let Some(pid) = args.pid {
            return Ok(Target::Attach(pid));
        }
        if let Some(command) = &args.command {
            return Ok(Target::Spawn {
                program: Program::Shell(command.clone()),
                filter,
            });
        }
        if args.program.is_empty() {
            return Err(Failure::usage(
                "record needs a program to run (`seccomp record -- CMD ARGS...`), -c COMMAND or -p PID",
            ));
        }
        Ok(Target::Spawn {
            program: Program::Exec(args.program.clone()),
            filter,
        })
    }

    fn read_policy(path: &std::path::Path) -> Result<Document, Failure> {
        let name = path.to_string_lossy();
        let text = fs::read_to_string(path).map_err(|e| Failure::io(&name, &e))?;
        block::parse(&text, &name).map_err(Failure::new)
    }

    /// `pid 1234 (/usr/bin/foo)`.
    fn attached_name(pid: i32) -> String {
        match fs::read_link(format!("/proc/{pid}/exe")) {
            Ok(exe) => format!("pid {pid} ({})", exe.display()),
            Err(_) => format!("pid {pid}"),
        }
    }

    /// The line on stderr that says what was recorded and how the program ended.
    fn summary(rec: &Recording, run: &str, ending: Ending, method: Method) -> String {
        let (syscalls, calls) = rec.totals();
        let abis: Vec<String> = rec
            .abis
            .iter()
            .map(|(abi, s)| format!("{abi} {}", s.len()))
            .collect();
        let how = match ending {
            Ending::Exited(0) => "it exited with status 0".to_string(),
            Ending::Exited(n) => format!("it exited with status {n}"),
            Ending::Signaled(s) => format!("it was killed by {}", signal_name(s)),
            Ending::Ended(StopReason::Timeout) => "the timeout ended the recording".to_string(),
            Ending::Ended(StopReason::Signal(s)) => {
                format!("{} ended the recording", signal_name(s))
            }
            Ending::Gone => "it exited".to_string(),
        };
        let method = match method {
            Method::Filter => "",
            Method::EveryStop => ", tracing every syscall entry and exit",
        };
        format!(
            "seccomp record: {syscalls} syscalls ({}), {calls} calls, from `{run}`{method}; {how}",
            if abis.is_empty() {
                "none".to_string()
            } else {
                abis.join(", ")
            }
        )
    }

    fn signal_name(signal: i32) -> String {
        let name = match signal {
            libc::SIGHUP => "SIGHUP",
            libc::SIGINT => "SIGINT",
            libc::SIGQUIT => "SIGQUIT",
            libc::SIGILL => "SIGILL",
            libc::SIGTRAP => "SIGTRAP",
            libc::SIGABRT => "SIGABRT",
            libc::SIGBUS => "SIGBUS",
            libc::SIGFPE => "SIGFPE",
            libc::SIGKILL => "SIGKILL",
            libc::SIGSEGV => "SIGSEGV",
            libc::SIGPIPE => "SIGPIPE",
            libc::SIGALRM => "SIGALRM",
            libc::SIGTERM => "SIGTERM",
            libc::SIGSYS => "SIGSYS",
            libc::SIGUSR1 => "SIGUSR1",
            libc::SIGUSR2 => "SIGUSR2",
            _ => return format!("signal {signal}"),
        };
        name.to_string()
    }
}
