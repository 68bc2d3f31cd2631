//! `seccomp check`: would the kernel accept this raw filter? Every reason it
//! would not is listed with the instruction at fault. A filter the kernel
//! accepts is then linted, so that a filter from anywhere (libseccomp, a
//! dump, another tool) can be held to the lints `asm --strict` applies.

use std::fmt::Write as _;

use seccomp_asm::validate::{validate, Violation};
use seccomp_asm::Insn;

use crate::cli::CheckArgs;
use crate::error::{Failure, EXIT_FAILURE};
use crate::io::{arch_or_native, decode_filter, input_name, read_input, write_stdout};
use crate::lints;

/// Exits 1 when the kernel refuses the filter or a lint is denied.
pub fn run(args: CheckArgs) -> Result<u8, Failure> {
    let arch = arch_or_native(args.arch)?;
    let levels = lints::levels(&args.lints)?;
    let name = input_name(&args.input);
    let bytes = read_input(&args.input)?;
    let insns = decode_filter(&bytes, arch, name)?;
    let (report, accepted) = report(&insns);
    // The kernel's answer goes out before the lints, which take longer.
    write_stdout(report.as_bytes())?;
    if !accepted {
        return Ok(EXIT_FAILURE);
    }
    let findings = lints::run(&insns, arch, &levels, name)?;
    let (text, passed) = lints::render_lines(&findings, arch);
    write_stdout(text.as_bytes())?;
    Ok(if passed { 0 } else { EXIT_FAILURE })
}

/// The text `check` prints for a program, and whether the kernel accepts it.
///
/// Each violation is one line: `line NNNN:`, the instruction's raw fields
/// in the columns `disasm` uses (code, jt, jf, k), then what is wrong. A
/// violation of the whole program (its length) says `filter:` instead.
pub fn report(insns: &[Insn]) -> (String, bool) {
    let mut out = String::new();
    let mut violations = match validate(insns) {
        Ok(()) => {
            let n = insns.len();
            let plural = if n == 1 { "" } else { "s" };
            writeln!(
                out,
                "ok: {n} instruction{plural}; the kernel accepts this filter"
            )
            .expect("writing to a String cannot fail");
            return (out, true);
        }
        Err(violations) => violations,
    };
    violations.sort_by_key(Violation::pc);
    for violation in &violations {
        match violation.pc().and_then(|pc| Some((pc, insns.get(pc)?))) {
            Some((pc, insn)) => writeln!(
                out,
                "line {pc:04}: 0x{:02x} 0x{:02x} 0x{:02x} 0x{:08x}  {violation}",
                insn.code, insn.jt, insn.jf, insn.k
            ),
            None => writeln!(out, "filter: {violation}"),
        }
        .expect("writing to a String cannot fail");
    }
    let n = violations.len();
    let plural = if n == 1 { "" } else { "s" };
    writeln!(
        out,
        "rejected: the kernel refuses this filter ({n} violation{plural})"
    )
    .expect("writing to a String cannot fail");
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_accepted_filter() {
        let insns = [Insn::new(0x20, 0, 0, 4), Insn::new(0x06, 0, 0, 0x7fff0000)];
        assert_eq!(
            report(&insns),
            (
                "ok: 2 instructions; the kernel accepts this filter\n".to_string(),
                true
            )
        );
    }

    #[test]
    fn every_violation_is_listed_in_instruction_order() {
        // ld [6]; jeq #1 past the end; ldh [0] (not seccomp); ld [0]: no final return.
        let insns = [
            Insn::new(0x20, 0, 0, 6),
            Insn::new(0x15, 5, 0, 1),
            Insn::new(0x28, 0, 0, 0),
            Insn::new(0x20, 0, 0, 0),
        ];
        let (text, accepted) = report(&insns);
        assert!(!accepted);
        assert_eq!(
            text,
            "line 0000: 0x20 0x00 0x00 0x00000006  load from offset 6 of seccomp_data: \
             the offset must be a multiple of 4 and less than 64\n\
             line 0001: 0x15 0x05 0x00 0x00000001  jump to instruction 7, past the end of the filter\n\
             line 0002: 0x28 0x00 0x00 0x00000000  opcode 0x0028 (ldh [k]) is not allowed in a seccomp filter\n\
             line 0003: 0x20 0x00 0x00 0x00000000  the last instruction must be a return \
             (`return K`, an action, or `return A`)\n\
             rejected: the kernel refuses this filter (4 violations)\n"
        );
    }

    #[test]
    fn a_too_long_filter_is_a_whole_program_violation() {
        let insns = vec![Insn::new(0x06, 0, 0, 0x7fff0000); 4097];
        let (text, accepted) = report(&insns);
        assert!(!accepted);
        assert_eq!(
            text,
            "filter: the filter has 4097 instructions; the kernel accepts at most 4096\n\
             rejected: the kernel refuses this filter (1 violation)\n"
        );
    }
}
