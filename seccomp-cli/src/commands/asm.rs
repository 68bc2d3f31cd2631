//! `seccomp asm`: assemble seccomp-tools assembly and write it in one of the
//! [`formats`].

use seccomp_asm::insn::encode;
use seccomp_asm::{Arch, Insn};

use crate::cli::{AsmArgs, AsmFormat};
use crate::engine::{self, AsmRequest};
use crate::error::Failure;
use crate::formats;
use crate::io::{arch_or_native, read_input, Output};
use crate::lints;

pub fn run(args: AsmArgs) -> Result<u8, Failure> {
    let arch = arch_or_native(args.arch)?;
    // Without --strict no level flag is accepted, and no lint runs.
    let levels = lints::levels(&args.lints)?;
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
    if args.strict {
        let findings = lints::run(&assembled.insns, arch, &levels, filename)?;
        let text = lints::render_diagnostics(&findings, &assembled.spans, &bytes, filename);
        // Refused before anything is rendered or written, so that an
        // existing output file keeps its contents.
        if lints::denied(&findings) > 0 {
            return Err(Failure::verbatim(format!(
                "{text}\n{}",
                lints::refusal(&findings)
            )));
        }
        eprint!("{text}");
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
            formats::rust_source(insns, arch, &engine::statements(insns, arch)).into_bytes()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_comments_are_the_asm_able_statements() {
        let insns = [
            Insn::new(0x20, 0, 0, 4),
            Insn::new(0x15, 1, 0, 0xc000003e),
            Insn::new(0x06, 0, 0, 0),
            Insn::new(0x06, 0, 0, 0x7fff0000),
        ];
        let text =
            String::from_utf8(render(&insns, Arch::X86_64, AsmFormat::Rust).unwrap()).unwrap();
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("SockFilter { code"))
            .collect();
        assert_eq!(
            lines,
            [
                "    SockFilter { code: 0x0020, jt: 0, jf: 0, k: 0x00000004 }, // 0000: A = arch",
                "    SockFilter { code: 0x0015, jt: 1, jf: 0, k: 0xc000003e }, \
                 // 0001: if (A == ARCH_X86_64) goto 0003",
                "    SockFilter { code: 0x0006, jt: 0, jf: 0, k: 0x00000000 }, // 0002: return KILL",
                "    SockFilter { code: 0x0006, jt: 0, jf: 0, k: 0x7fff0000 }, // 0003: return ALLOW",
            ]
        );
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
