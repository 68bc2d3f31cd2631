//! `seccomp asm`: assemble seccomp-tools assembly and write it in one of the
//! [`formats`](crate::formats).

use seccomp_asm::insn::encode;
use seccomp_asm::{Arch, Insn};

use crate::cli::{AsmArgs, AsmFormat};
use crate::engine::{self, AsmRequest, DisasmRequest};
use crate::error::Failure;
use crate::formats;
use crate::io::{arch_or_native, read_input, Output};

pub fn run(args: AsmArgs) -> Result<u8, Failure> {
    let arch = arch_or_native(args.arch)?;
    let bytes = read_input(&args.input)?;
    // The diagnostics of a program read from stdin name it `<inline>`, as seccomp-tools does.
    let filename = if args.input == "-" {
        "<inline>"
    } else {
        &args.input
    };
    let assembled = engine::assemble(&AsmRequest {
        source: &bytes,
        filename,
        arch,
        strict: args.strict,
        relax_jumps: args.relax_jumps,
    })?;
    for warning in &assembled.warnings {
        eprintln!("{}", warning.trim_end());
    }
    let out = render(&assembled.insns, arch, args.format)?;
    Output::new(args.output).write(&out)?;
    Ok(0)
}

/// The bytes `asm -f FORMAT` writes for a program.
pub fn render(insns: &[Insn], arch: Arch, format: AsmFormat) -> Result<Vec<u8>, Failure> {
    let bytes = encode(insns, arch.endian());
    Ok(match format {
        AsmFormat::Inspect => formats::inspect(&bytes).into_bytes(),
        AsmFormat::Raw => bytes,
        AsmFormat::CArray => formats::c_array(&bytes).into_bytes(),
        AsmFormat::CSource => formats::c_source(&bytes).into_bytes(),
        AsmFormat::Assembly => formats::assembly(&bytes, arch)
            .map_err(|e| Failure::new(e.to_string()))?
            .into_bytes(),
        AsmFormat::Rust => {
            let comments = if insns.is_empty() {
                Vec::new()
            } else {
                let request = DisasmRequest {
                    arch,
                    display_bpf: false,
                    arg_infer: false,
                    color: false,
                };
                comments_from_disasm(&engine::disassemble(insns, &request)?, insns.len())
            };
            formats::rust_source(insns, arch, &comments).into_bytes()
        }
    })
}

/// The text of each `NNNN: text` line of a `--no-bpf` disassembly, by line
/// number; instructions without such a line get an empty comment.
pub fn comments_from_disasm(disasm: &str, len: usize) -> Vec<String> {
    let mut comments = vec![String::new(); len];
    for line in disasm.lines() {
        let Some((number, text)) = line.split_once(": ") else {
            continue;
        };
        let number = number.trim();
        if number.len() < 4 || !number.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if let Some(slot) = number
            .parse::<usize>()
            .ok()
            .and_then(|i| comments.get_mut(i))
        {
            *slot = text.trim_end().to_string();
        }
    }
    comments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_come_from_numbered_lines() {
        let disasm = "0000: A = arch\n0001: if (A != ARCH_X86_64) goto 0003\n\
                      0002: return ALLOW\nnot a line\n0003: return KILL\n";
        assert_eq!(
            comments_from_disasm(disasm, 4),
            [
                "A = arch",
                "if (A != ARCH_X86_64) goto 0003",
                "return ALLOW",
                "return KILL"
            ]
        );
        assert_eq!(comments_from_disasm("0001: x\n", 3), ["", "x", ""]);
    }

    #[test]
    fn formats_encode_in_the_arch_byte_order() {
        let insns = [Insn::new(0x06, 0, 0, 0x7fff0000)];
        assert_eq!(
            render(&insns, Arch::X86_64, AsmFormat::Raw).unwrap(),
            [6, 0, 0, 0, 0, 0, 0xff, 0x7f]
        );
        assert_eq!(
            render(&insns, Arch::S390x, AsmFormat::Raw).unwrap(),
            [0, 6, 0, 0, 0x7f, 0xff, 0, 0]
        );
        assert_eq!(
            render(&insns, Arch::S390x, AsmFormat::CArray).unwrap(),
            b"unsigned char bpf[] = {0,6,0,0,127,255,0,0};\n"
        );
        assert_eq!(
            render(&insns, Arch::Mips, AsmFormat::Assembly)
                .unwrap_err()
                .message,
            "no assembly template for mips; -f assembly supports amd64, i386, s390x, aarch64, riscv64"
        );
    }
}
