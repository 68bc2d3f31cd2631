//! `seccomp emu`: run a filter on one syscall and show what it returns.

use seccomp_asm::Arch;

use crate::cli::EmuArgs;
use crate::engine::{self, EmuRequest};
use crate::error::Failure;
use crate::integer::{parse_u32, parse_u64};
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
        .map(|(i, s)| parse_u64(s).map_err(|e| Failure::usage(format!("arg{i}: {e}"))))
        .collect::<Result<Vec<_>, _>>()?;
    let instruction_pointer = args
        .ip
        .as_deref()
        .map(|s| parse_u64(s).map_err(|e| Failure::usage(format!("--ip: {e}"))))
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
    let text = engine::emulate(&insns, &request)?;
    output.write(text.as_bytes())?;
    Ok(0)
}

/// A syscall given by name (from `arch`'s table) or by number.
pub fn parse_sys_nr(s: &str, arch: Arch) -> Result<u32, Failure> {
    if let Some(nr) = arch.syscall_nr(s) {
        return Ok(nr);
    }
    parse_u32(s).map_err(|_| {
        Failure::usage(format!(
            "sys_nr: {s:?} is neither a syscall of {arch} nor a number"
        ))
    })
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
            parse_sys_nr("open", Arch::Aarch64).unwrap_err().message,
            "sys_nr: \"open\" is neither a syscall of aarch64 nor a number"
        );
    }
}
