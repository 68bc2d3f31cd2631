//! `seccomp emu`: run a filter on one syscall and show what it returns.

mod ruby_int;

use seccomp_asm::Arch;

use ruby_int::{ParseIntegerError, ParseIntegerErrorKind};

use crate::cli::EmuArgs;
use crate::engine::{self, EmuRequest};
use crate::error::{warn, Failure};
use crate::io::{arch_or_native, decode_filter, input_name, read_input, Output};

pub fn run(args: EmuArgs) -> Result<u8, Failure> {
    let arch = arch_or_native(args.arch)?;
    let sys_nr = args
        .sys_nr
        .as_deref()
        .map(|s| parse_sys_nr(s, arch))
        .transpose()?;
    let call_args = args
        .args
        .iter()
        .enumerate()
        .map(|(i, s)| ruby_int::parse_u64(s).map_err(|e| number_error(&format!("arg{i}"), &e, 64)))
        .collect::<Result<Vec<_>, _>>()?;
    // `-i` is read by Ruby's OptionParser, which is stricter than `Integer()`.
    let instruction_pointer = args
        .ip
        .as_deref()
        .map(|s| ruby_int::parse_option_u64(s).map_err(|e| number_error("--ip", &e, 64)))
        .transpose()?;
    let bytes = read_input(&args.input)?;
    let insns = decode_filter(&bytes, arch, input_name(&args.input))?;
    let mut output = Output::new(None);
    let request = EmuRequest {
        arch,
        sys_nr,
        args: call_args,
        instruction_pointer,
        quiet: args.quiet,
        color: output.color(),
    };
    let run = engine::run_emulation(&insns, &request)?;
    for warning in &run.warnings {
        warn(warning);
    }
    output.write_text(|out| engine::write_emulation(out, &insns, &request, &run.outcome))?;
    Ok(0)
}

/// A syscall given by name (from `arch`'s table) or by number, in the
/// syntax of Ruby's `Integer()`.
pub fn parse_sys_nr(s: &str, arch: Arch) -> Result<u32, Failure> {
    ruby_int::parse_sys_nr(arch, s).map_err(|e| match e.kind {
        ParseIntegerErrorKind::Invalid => Failure::usage(format!(
            "sys_nr: {s:?} is neither a syscall of {arch} nor an integer"
        )),
        ParseIntegerErrorKind::OutOfRange => number_error("sys_nr", &e, 32),
    })
}

/// A usage error for a number on the command line.
fn number_error(what: &str, err: &ParseIntegerError, bits: u32) -> Failure {
    match err.kind {
        ParseIntegerErrorKind::Invalid => Failure::usage(format!("{what}: {err}")),
        ParseIntegerErrorKind::OutOfRange => Failure::usage(format!(
            "{what}: {:?} does not fit in {bits} bits",
            err.input
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syscalls_by_name_or_number() {
        assert_eq!(parse_sys_nr("read", Arch::X86_64), Ok(0));
        assert_eq!(parse_sys_nr("read", Arch::I386), Ok(3));
        assert_eq!(parse_sys_nr("0x3c", Arch::X86_64), Ok(60));
        assert_eq!(parse_sys_nr("-1", Arch::X86_64), Ok(u32::MAX));
        assert_eq!(
            parse_sys_nr("open", Arch::Aarch64).unwrap_err(),
            Failure::usage("sys_nr: \"open\" is neither a syscall of aarch64 nor an integer")
        );
        assert_eq!(
            parse_sys_nr("0x1_0000_0000", Arch::X86_64).unwrap_err(),
            Failure::usage("sys_nr: \"0x1_0000_0000\" does not fit in 32 bits")
        );
    }
}
