//! The calls into the core crate's assembler, disassembler and emulator.
//!
//! Each is one small function taking everything the command line decided;
//! the rest of the tool (reading, decoding, formatting, writing) does not
//! depend on how the core computes its answer.
//!
//! # Instructions seccomp-tools cannot read
//!
//! seccomp-tools stops with `Line 3 is invalid: unknown` (and a Ruby
//! backtrace) on an instruction it cannot decode: a load in IND or MSH mode,
//! MOD and the other ALU operations it does not know, jumps above JSET, MISC
//! operations other than TAX/TXA. None of them is allowed in a seccomp filter.
//! A listing with the BPF columns shows such a line whole (its columns, then
//! `/* unsupported opcode 0x40 */`), so `disasm` and `emu` print it and add a
//! warning; a listing without the columns would lose its operands, so there
//! the reference's message is the error. `emu` stops with that message when
//! the run reaches such an instruction.

use seccomp_asm::assembler::{self, Mode, Options};
use seccomp_asm::diag::{render_bytes, render_each, Diagnostic, Span};
use seccomp_asm::disasm::{self, DisasmOptions, Disassembler, Unsupported};
use seccomp_asm::emu::{self, EmuError, EmuInput, Input, Outcome};
use seccomp_asm::validate::Violation;
use seccomp_asm::{Arch, Insn};
use std::fmt;

use crate::error::Failure;

/// What `asm` asks of the assembler.
#[derive(Clone, Copy, Debug)]
pub struct AsmRequest<'a> {
    /// The source as read: the assembler works on bytes, and quotes bytes
    /// that are not UTF-8 the way seccomp-tools does.
    pub source: &'a [u8],
    /// The name diagnostics call the source by (`<inline>` for stdin).
    pub filename: &'a str,
    pub arch: Arch,
    /// Report what seccomp-tools silently accepts (`--strict`).
    pub strict: bool,
    /// Chain conditional jumps farther than 255 (`--relax-jumps`).
    pub relax_jumps: bool,
}

/// A successfully assembled program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assembled {
    pub insns: Vec<Insn>,
    /// Diagnostics that did not stop assembly, each already formatted.
    pub warnings: Vec<String>,
    /// For each instruction, the span of the statement it came from, for
    /// diagnostics about the program (its lints) to point at.
    pub spans: Vec<Span>,
}

/// Assembles seccomp-tools assembly. Errors carry the rendered diagnostics
/// (`file:row:col message`, the source line, carets) as a verbatim failure.
pub fn assemble(request: &AsmRequest<'_>) -> Result<Assembled, Failure> {
    let mode = if request.strict {
        Mode::Strict
    } else {
        Mode::Compatible
    };
    let options = Options {
        arch: request.arch,
        mode,
        relax_jumps: request.relax_jumps,
    };
    let render = |diags: &[Diagnostic]| {
        String::from_utf8_lossy(&render_bytes(diags, request.source, request.filename, mode))
            .into_owned()
    };
    match assembler::assemble(request.source, &options) {
        Ok(asm) => Ok(Assembled {
            warnings: render_each(&asm.warnings, request.source, request.filename, mode)
                .into_iter()
                .map(|w| String::from_utf8_lossy(&w).into_owned())
                .collect(),
            insns: asm.insns,
            spans: asm.spans,
        }),
        Err(errors) => Err(Failure::verbatim(render(&errors))),
    }
}

/// How `disasm` (and `dump -f disasm`) render a program.
#[derive(Clone, Copy, Debug)]
pub struct DisasmRequest {
    pub arch: Arch,
    /// Show the code, jt, jf, k columns (`--no-bpf` clears it).
    pub display_bpf: bool,
    /// Name syscall arguments (`--no-arg-infer` clears it).
    pub arg_infer: bool,
    /// Colour the output (a terminal, no `NO_COLOR`).
    pub color: bool,
}

impl DisasmRequest {
    /// seccomp-tools' defaults: BPF columns and argument names shown.
    pub fn default_for(arch: Arch, color: bool) -> DisasmRequest {
        DisasmRequest {
            arch,
            display_bpf: true,
            arg_infer: true,
            color,
        }
    }

    fn options(&self) -> DisasmOptions {
        DisasmOptions {
            arch: self.arch,
            bpf: self.display_bpf,
            arg_infer: self.arg_infer,
            color: self.color,
        }
    }
}

/// Output text, and warnings for stderr (without a `warning: ` prefix).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Disassembles a program into seccomp-tools' text.
pub fn disassemble(insns: &[Insn], request: &DisasmRequest) -> Result<Rendered, Failure> {
    let mut warnings = disasm_warnings(insns, request)?;
    let mut text = String::new();
    let gave_up =
        write_disassembly(&mut text, insns, request).expect("writing to a String cannot fail");
    warnings.extend(gave_up.map(gave_up_warning));
    Ok(Rendered { text, warnings })
}

/// What [`disassemble`] checks before listing a program: an error when the
/// program cannot be listed as asked, else the warnings to print first.
pub fn disasm_warnings(insns: &[Insn], request: &DisasmRequest) -> Result<Vec<String>, Failure> {
    match disasm::first_unsupported(insns) {
        None => Ok(Vec::new()),
        Some(unsupported) if request.display_bpf => Ok(vec![unsupported_warning(&unsupported)]),
        Some(unsupported) => Err(Failure::new(format!(
            "{unsupported} (opcode {:#x}, which no seccomp filter may use); \
             the listing with the BPF columns shows it",
            unsupported.insn.code
        ))),
    }
}

/// The text of [`disassemble`], written to `out` piece by piece, for a
/// program [`disasm_warnings`] accepted; returns the line where the
/// data-flow pass gave up naming, if it did.
pub fn write_disassembly<W: fmt::Write + ?Sized>(
    out: &mut W,
    insns: &[Insn],
    request: &DisasmRequest,
) -> Result<Option<usize>, fmt::Error> {
    disasm::write_listing(out, insns, &request.options())
}

/// The warning for a listing whose data-flow pass gave up at `line`.
pub fn gave_up_warning(line: usize) -> String {
    format!(
        "from line {line:04} on, the paths through this filter are too many to follow one by \
         one; constants are named only where that is certain (seccomp-tools would take \
         exponential time here)"
    )
}

fn unsupported_warning(unsupported: &Unsupported) -> String {
    format!(
        "{unsupported}: seccomp-tools stops here; opcode {:#x} is listed as unsupported \
         (no seccomp filter may use it)",
        unsupported.insn.code
    )
}

/// The statement of each instruction as `--asm-able` prints it, for the
/// comments of `asm -f rust`.
pub fn statements(insns: &[Insn], arch: Arch) -> Vec<String> {
    let disassembler = Disassembler::new(insns, DisasmOptions::asm_able(arch));
    (0..insns.len())
        .map(|pc| disassembler.statement(pc))
        .collect()
}

/// What `emu` asks of the emulator.
#[derive(Clone, Debug)]
pub struct EmuRequest {
    pub arch: Arch,
    /// `seccomp_data.nr`; `None` leaves it undefined (reading it is an error).
    pub sys_nr: Option<u32>,
    /// `seccomp_data.args[..n]`; the others are undefined.
    pub args: Vec<u64>,
    pub instruction_pointer: Option<u64>,
    /// Only the result line (`-q`), not the disassembly before it.
    pub quiet: bool,
    pub color: bool,
}

/// Runs a program on one `seccomp_data` and renders seccomp-tools' `emu` text.
pub fn emulate(insns: &[Insn], request: &EmuRequest) -> Result<Rendered, Failure> {
    let run = run_emulation(insns, request)?;
    let mut text = String::new();
    write_emulation(&mut text, insns, request, &run.outcome)
        .expect("writing to a String cannot fail");
    Ok(Rendered {
        text,
        warnings: run.warnings,
    })
}

/// A run of [`emulate`] that returned, before its text is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Emulation {
    pub outcome: Outcome,
    /// Warnings for stderr, to print before the text.
    pub warnings: Vec<String>,
}

/// Runs a program as [`emulate`] does, without rendering its text.
pub fn run_emulation(insns: &[Insn], request: &EmuRequest) -> Result<Emulation, Failure> {
    let input = EmuInput::new(
        request.arch,
        request.sys_nr,
        &request.args,
        request.instruction_pointer,
    )
    .map_err(|e| Failure::usage(e.to_string()))?;
    let outcome = emu::emulate_input(insns, &input, request.arch.endian())
        .map_err(|e| Failure::new(emu_error_message(&e)))?;
    let warnings = match disasm::first_unsupported(insns) {
        Some(unsupported) if !request.quiet => vec![unsupported_warning(&unsupported)],
        _ => Vec::new(),
    };
    Ok(Emulation { outcome, warnings })
}

/// The text of [`emulate`] for a run that ended with `outcome`, written to
/// `out` piece by piece.
pub fn write_emulation<W: fmt::Write + ?Sized>(
    out: &mut W,
    insns: &[Insn],
    request: &EmuRequest,
    outcome: &Outcome,
) -> fmt::Result {
    emu::write_emu_output(
        out,
        insns,
        request.arch,
        outcome,
        request.quiet,
        request.color,
    )
}

/// One line for an emulation that did not return.
fn emu_error_message(err: &EmuError) -> String {
    match err {
        // seccomp-tools' message, on one line, with what to pass to define it.
        EmuError::Undefined { pc, line, var } => {
            let hint = match *var {
                Input::SysNumber => "give SYS_NR".to_string(),
                Input::InstructionPointer => "set it with --ip".to_string(),
                Input::Arg(i) => {
                    let count = i + 1;
                    let plural = if count == 1 { "" } else { "s" };
                    format!("give SYS_NR and at least {count} argument{plural}")
                }
                other => format!("define {other}"),
            };
            format!("Undefined Variable: {pc:04}: {line} <- `{var}` is undefined ({hint})")
        }
        EmuError::Refused {
            insn,
            why: Violation::UnknownOpcode { pc, .. } | Violation::NotAllowedInSeccomp { pc, .. },
        } => match disasm::first_unsupported(std::slice::from_ref(insn)) {
            // Where seccomp-tools stops, its message.
            Some(unsupported) => format!(
                "{} (opcode {:#x}, which no seccomp filter may use)",
                Unsupported {
                    pc: *pc,
                    ..unsupported
                },
                insn.code
            ),
            None => err.to_string(),
        },
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LD_ARCH: Insn = Insn::stmt(0x20, 4);
    const ALLOW: Insn = Insn::stmt(0x06, 0x7fff_0000);
    /// `ld [x + 0]`: a load mode seccomp-tools cannot read.
    const LD_IND: Insn = Insn::stmt(0x40, 0);

    fn request(display_bpf: bool) -> DisasmRequest {
        DisasmRequest {
            arch: Arch::X86_64,
            display_bpf,
            arg_infer: true,
            color: false,
        }
    }

    fn emu_request(sys_nr: Option<u32>, args: Vec<u64>, quiet: bool) -> EmuRequest {
        EmuRequest {
            arch: Arch::X86_64,
            sys_nr,
            args,
            instruction_pointer: None,
            quiet,
            color: false,
        }
    }

    #[test]
    fn disassembles_with_and_without_columns() {
        let insns = [LD_ARCH, ALLOW];
        assert_eq!(
            disassemble(&insns, &request(true)).unwrap(),
            Rendered {
                text: " line  CODE  JT   JF      K\n\
                       =================================\n \
                       0000: 0x20 0x00 0x00 0x00000004  A = arch\n \
                       0001: 0x06 0x00 0x00 0x7fff0000  return ALLOW\n"
                    .to_string(),
                warnings: vec![],
            }
        );
        assert_eq!(
            disassemble(&insns, &request(false)).unwrap().text,
            "0000: A = arch\n0001: return ALLOW\n"
        );
    }

    #[test]
    fn unreadable_instructions_show_with_columns_and_fail_without() {
        let insns = [LD_ARCH, LD_IND, ALLOW];
        let shown = disassemble(&insns, &request(true)).unwrap();
        assert!(shown
            .text
            .contains(" 0001: 0x40 0x00 0x00 0x00000000  /* unsupported opcode 0x40 */\n"));
        assert_eq!(
            shown.warnings,
            [
                "Line 1 is invalid: unknown: seccomp-tools stops here; opcode 0x40 is listed \
              as unsupported (no seccomp filter may use it)"
            ]
        );
        assert_eq!(
            disassemble(&insns, &request(false)).unwrap_err().message,
            "Line 1 is invalid: unknown (opcode 0x40, which no seccomp filter may use); \
             the listing with the BPF columns shows it"
        );
    }

    #[test]
    fn statements_are_the_asm_able_lines() {
        let insns = [
            Insn::stmt(0x20, 0),
            Insn::new(0x15, 0, 1, 0),
            Insn::stmt(0x20, 0x10),
            ALLOW,
        ];
        assert_eq!(
            statements(&insns, Arch::X86_64),
            [
                "A = sys_number",
                "if (A != read) goto 0003",
                "A = args[0]",
                "return ALLOW"
            ]
        );
    }

    #[test]
    fn emulates_quietly_or_with_the_listing() {
        let insns = [LD_ARCH, ALLOW];
        let quiet = emulate(&insns, &emu_request(Some(0), vec![], true)).unwrap();
        assert_eq!(quiet.text, "return ALLOW at line 0001\n");
        assert!(quiet.warnings.is_empty());
        let full = emulate(&insns, &emu_request(Some(0), vec![], false)).unwrap();
        assert!(full.text.ends_with(
            " 0001: 0x06 0x00 0x00 0x7fff0000  return ALLOW\n\nreturn ALLOW at line 0001\n"
        ));
    }

    #[test]
    fn emulation_errors_are_one_line() {
        let args_2 = [Insn::stmt(0x20, 0x20), ALLOW];
        let err = emulate(&args_2, &emu_request(Some(0), vec![1], true)).unwrap_err();
        assert_eq!(
            err.message,
            "Undefined Variable: 0000: A = args[2] <- `args[2]` is undefined \
             (give SYS_NR and at least 3 arguments)"
        );
        let nr = [Insn::stmt(0x20, 0), ALLOW];
        let err = emulate(&nr, &emu_request(None, vec![], true)).unwrap_err();
        assert_eq!(
            err.message,
            "Undefined Variable: 0000: A = sys_number <- `sys_number` is undefined (give SYS_NR)"
        );
        let ip = [Insn::stmt(0x20, 8), ALLOW];
        let err = emulate(&ip, &emu_request(Some(0), vec![], true)).unwrap_err();
        assert_eq!(
            err.message,
            "Undefined Variable: 0000: A = instruction_pointer <- `instruction_pointer` \
             is undefined (set it with --ip)"
        );
        let past_end = [Insn::stmt(0x05, 7), ALLOW];
        let err = emulate(&past_end, &emu_request(Some(0), vec![], true)).unwrap_err();
        assert_eq!(
            err.message,
            "line 0000 jumps to line 0008, past the end of the filter"
        );
        let too_many = emu_request(Some(0), vec![0; 7], true);
        let err = emulate(&[ALLOW], &too_many).unwrap_err();
        assert_eq!(
            (err.message.as_str(), err.code),
            ("a syscall has at most 6 arguments, 7 were given", 2)
        );
    }

    #[test]
    fn emulation_stops_where_seccomp_tools_cannot_read() {
        let insns = [LD_ARCH, LD_IND, ALLOW];
        let err = emulate(&insns, &emu_request(Some(0), vec![], true)).unwrap_err();
        assert_eq!(
            err.message,
            "Line 1 is invalid: unknown (opcode 0x40, which no seccomp filter may use)"
        );
        // Not reached: the run returns, and the listing shows the line.
        let skipped = [Insn::stmt(0x05, 1), LD_IND, ALLOW];
        let out = emulate(&skipped, &emu_request(Some(0), vec![], false)).unwrap();
        assert!(out.text.ends_with("return ALLOW at line 0002\n"));
        assert_eq!(out.warnings.len(), 1);
        let quiet = emulate(&skipped, &emu_request(Some(0), vec![], true)).unwrap();
        assert!(quiet.warnings.is_empty());
    }
}
