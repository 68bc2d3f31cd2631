//! `seccomp dump`: run a program (or attach to a process) and write out the
//! seccomp filters it installs.

use std::time::Duration;

use seccomp_asm::Arch;

use crate::cli::{DumpArgs, DumpFormat, TraceArgs};
use crate::dump::{Filter, Limit};
use crate::engine::{self, DisasmRequest};
use crate::error::{warn, Failure};
use crate::formats;
use crate::io::{decode_filter, Output};
use crate::logger;

pub fn run(args: DumpArgs) -> Result<u8, Failure> {
    let (exec, limit, timeout) = resolve(&args.trace, args.exec, args.unused)?;

    let mut output = Output::new(args.output);
    let color = output.color();
    let format = args.format;
    let emit = |filter: Filter| -> Result<(), Failure> {
        let text = render(&filter, format, color)?;
        output.write(&text)
    };

    let count = if let Some(pid) = args.trace.pid {
        dump_pid(pid, limit, emit)?
    } else {
        let command = args.trace.command.or(exec).ok_or_else(|| {
            Failure::usage("dump needs an executable to run, -c COMMAND or -p PID")
        })?;
        dump_exec(command, limit, timeout, emit)?
    };
    if count == 0 {
        logger::warn("No seccomp filter was installed.")?;
    }
    Ok(0)
}

/// seccomp-tools' warning for positional arguments a command does not use.
/// The tracing flags read: the positional argument unless `-c` or `-p`
/// takes precedence over it (then, as in seccomp-tools, it is unused and
/// warned about with the rest), the limit, and the timeout.
pub(crate) fn resolve(
    trace: &TraceArgs,
    positional: Option<String>,
    rest: Vec<String>,
) -> Result<(Option<String>, Limit, Option<Duration>), Failure> {
    let timeout = trace.timeout.map(parse_timeout).transpose()?.flatten();
    let limit = Limit::from_arg(trace.limit);
    let mut unused = Vec::new();
    let positional = if trace.command.is_some() || trace.pid.is_some() {
        unused.extend(positional);
        None
    } else {
        positional
    };
    unused.extend(rest);
    warn_unused(&unused)?;
    Ok((positional, limit, timeout))
}

pub(crate) fn warn_unused(unused: &[String]) -> Result<(), Failure> {
    if unused.is_empty() {
        return Ok(());
    }
    let plural = if unused.len() > 1 { "s" } else { "" };
    logger::warn(&format!(
        "ignoring unused argument{plural}: {}",
        unused.join(" ")
    ))
}

#[cfg(target_os = "linux")]
pub(crate) fn dump_pid(
    pid: i32,
    limit: Limit,
    emit: impl FnMut(Filter) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    crate::dump::attach::dump_pid(pid, limit, emit)
}

#[cfg(target_os = "linux")]
pub(crate) fn dump_exec(
    command: String,
    limit: Limit,
    timeout: Option<Duration>,
    emit: impl FnMut(Filter) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    let options = crate::dump::trace::ExecOptions {
        command,
        limit,
        timeout,
    };
    crate::dump::trace::dump_exec(&options, emit)
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn dump_pid(
    _: i32,
    _: Limit,
    _: impl FnMut(Filter) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    Err(Failure::new(
        "taking the filters of a program or process is only available on Linux",
    ))
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn dump_exec(
    _: String,
    _: Limit,
    _: Option<Duration>,
    _: impl FnMut(Filter) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    Err(Failure::new(
        "taking the filters of a program or process is only available on Linux",
    ))
}

/// `--timeout SEC`: `None` for 0, which (as in seccomp-tools) means no timeout.
pub(crate) fn parse_timeout(seconds: f64) -> Result<Option<Duration>, Failure> {
    if seconds == 0.0 {
        return Ok(None);
    }
    Duration::try_from_secs_f64(seconds).map(Some).map_err(|_| {
        Failure::usage(format!(
            "--timeout {seconds}: expected a non-negative number of seconds"
        ))
    })
}

/// One dumped filter in the requested format.
pub fn render(filter: &Filter, format: DumpFormat, color: bool) -> Result<Vec<u8>, Failure> {
    Ok(match format {
        DumpFormat::Raw => filter.bytes.clone(),
        DumpFormat::Inspect => formats::dump_inspect(&filter.bytes).into_bytes(),
        DumpFormat::Disasm => {
            let arch = filter.arch.or(Arch::native()).ok_or_else(|| {
                Failure::new(format!(
                    "cannot tell the architecture of pid {} to disassemble its filter; \
                     use -f raw and `seccomp disasm -a ARCH`",
                    filter.pid
                ))
            })?;
            let name = format!("the filter of pid {}", filter.pid);
            let insns = decode_filter(&filter.bytes, arch, &name)?;
            let listing = engine::disassemble(&insns, &DisasmRequest::default_for(arch, color))?;
            for warning in &listing.warnings {
                warn(warning);
            }
            listing.text.into_bytes()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts() {
        assert_eq!(parse_timeout(0.0), Ok(None));
        assert_eq!(parse_timeout(1.5), Ok(Some(Duration::from_millis(1500))));
        assert!(parse_timeout(-1.0).is_err());
        assert!(parse_timeout(f64::NAN).is_err());
        assert!(parse_timeout(f64::INFINITY).is_err());
    }

    #[test]
    fn raw_and_inspect_renderings() {
        let filter = Filter {
            bytes: vec![6, 0, 0, 0, 0, 0, 0xff, 0x7f],
            arch: Some(Arch::X86_64),
            pid: 1,
        };
        assert_eq!(
            render(&filter, DumpFormat::Raw, false).unwrap(),
            filter.bytes
        );
        assert_eq!(
            render(&filter, DumpFormat::Inspect, false).unwrap(),
            b"\"\\x06\\x00\\x00\\x00\\x00\\x00\\xFF\\x7F\"\n"
        );
        assert_eq!(
            String::from_utf8(render(&filter, DumpFormat::Disasm, false).unwrap()).unwrap(),
            " line  CODE  JT   JF      K\n\
             =================================\n \
             0000: 0x06 0x00 0x00 0x7fff0000  return ALLOW\n"
        );
    }
}
