//! The calls into the core crate's assembler, disassembler and emulator.
//!
//! Each is one small function taking everything the command line decided;
//! the rest of the tool (reading, decoding, formatting, writing) does not
//! depend on how the core computes its answer. This build has no core
//! assembler, disassembler or emulator to call, so each function reports
//! that clearly instead of producing output.

use seccomp_asm::assembler::{self, Mode, Options};
use seccomp_asm::diag::{render_bytes, Diagnostic};
use seccomp_asm::{Arch, Insn};

use crate::error::Failure;

fn not_available(what: &str) -> Failure {
    Failure::new(format!("{what} is not available in this build of seccomp"))
}

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
            warnings: asm
                .warnings
                .iter()
                .map(|w| render(std::slice::from_ref(w)))
                .collect(),
            insns: asm.insns,
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
}

/// Disassembles a program into seccomp-tools' text.
pub fn disassemble(insns: &[Insn], request: &DisasmRequest) -> Result<String, Failure> {
    let _ = (insns, request);
    Err(not_available("the disassembler"))
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
pub fn emulate(insns: &[Insn], request: &EmuRequest) -> Result<String, Failure> {
    let _ = (insns, request);
    Err(not_available("the emulator"))
}
