//! The emulator: what a filter returns for one syscall.
//!
//! [`emulate`] runs a program as the kernel does: A and X start at 0, every
//! comparison is unsigned, `A /= X` with X == 0 ends the filter with 0
//! (KILL_THREAD), shifts by X use `X & 31`, `len` loads 64 and `ld [k]` reads
//! the word [`SeccompData::word`] gives in the arch's byte order. Only the
//! instructions on the executed path are checked, each against the kernel's
//! rules as [`crate::validate`] states them ([`validate::check_insn`], and
//! [`validate::jump_target`] for the jump taken), so a program the kernel
//! would refuse may still run here up to the instruction it would refuse;
//! every such instruction, or falling off the end, is an [`EmuError`], never
//! a panic.
//!
//! [`emulate_input`] is the `seccomp-tools emu` mode, in which some inputs may
//! be missing (fewer than six arguments, no instruction pointer): loading one
//! is an error that prints as the reference prints it. [`emu_output`] is the
//! whole stdout of `seccomp-tools emu` (the command line reads its numeric
//! arguments itself).
//!
//! Takes a program and its input; gives the [`Outcome`] of the run, or the
//! [`EmuError`] that stopped it, and the text `seccomp-tools emu` prints.

use crate::action::{Action, DATA_MASK};
use crate::arch::Arch;
use crate::bpf::{self, seccomp as op};
use crate::data::{Field, SeccompData, SECCOMP_DATA_SIZE};
use crate::disasm::{self, color, DisasmOptions};
use crate::insn::{Endian, Insn};
use crate::validate::{self, Violation};
use core::fmt;

/// How a run ended.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Outcome {
    /// The value the filter returned.
    pub ret: u32,
    /// `ret` split into its action and data.
    pub action: Action,
    /// The line that returned: a `return`, or an `A /= X` with X == 0.
    pub pc: usize,
    /// Every line executed, in order, ending with `pc`.
    pub path: Vec<usize>,
}

/// The filter's input in the `seccomp-tools emu` mode: any word but `arch`
/// may be undefined.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct EmuInput {
    /// The syscall number, `None` if not given.
    pub sys_nr: Option<u32>,
    /// The `AUDIT_ARCH_*` value, always defined.
    pub arch: u32,
    /// The address of the syscall instruction (`-i`), `None` if not given.
    pub instruction_pointer: Option<u64>,
    /// The six arguments; those not given are `None`.
    pub args: [Option<u64>; 6],
}

impl From<&SeccompData> for EmuInput {
    fn from(data: &SeccompData) -> EmuInput {
        EmuInput {
            sys_nr: Some(data.nr as u32),
            arch: data.arch,
            instruction_pointer: Some(data.instruction_pointer),
            args: data.args.map(Some),
        }
    }
}

impl EmuInput {
    /// The input `seccomp-tools emu -a ARCH FILE [sys_nr [args...]] [-i ip]`
    /// builds: the arch's audit value, then what was given. More than six
    /// arguments is an error (seccomp-tools ignores the extra ones).
    pub fn new(
        arch: Arch,
        sys_nr: Option<u32>,
        args: &[u64],
        ip: Option<u64>,
    ) -> Result<EmuInput, TooManyArgs> {
        let mut input = EmuInput {
            sys_nr,
            arch: arch.audit(),
            instruction_pointer: ip,
            args: [None; 6],
        };
        if args.len() > input.args.len() {
            return Err(TooManyArgs { given: args.len() });
        }
        for (slot, &arg) in input.args.iter_mut().zip(args) {
            *slot = Some(arg);
        }
        Ok(input)
    }

    /// The word `ld [offset]` loads, `Err(name)` if it is undefined, or
    /// `Ok(None)` if the offset is not a valid load at all.
    fn word(&self, offset: u32, endian: Endian) -> Result<Option<u32>, Input> {
        let Some(field) = Field::at(offset, endian) else {
            return Ok(None);
        };
        let word = |value: u64, high: bool| {
            if high {
                (value >> 32) as u32
            } else {
                value as u32
            }
        };
        Ok(Some(match field {
            Field::SysNumber => self.sys_nr.ok_or(Input::SysNumber)?,
            Field::Arch => self.arch,
            Field::InstructionPointer { high } => word(
                self.instruction_pointer.ok_or(Input::InstructionPointer)?,
                high,
            ),
            Field::Arg { index, high } => {
                let index = usize::from(index);
                word(self.args[index].ok_or(Input::Arg(index))?, high)
            }
        }))
    }
}

/// An input of `seccomp_data` the caller of [`emulate_input`] may leave
/// undefined.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum Input {
    /// The syscall number.
    SysNumber,
    /// The instruction pointer.
    InstructionPointer,
    /// Argument 0 to 5.
    Arg(usize),
}

impl Input {
    /// The name seccomp-tools gives the input (`sys_number`,
    /// `instruction_pointer`, `args[2]`).
    pub fn name(self) -> &'static str {
        const ARGS: [&str; 6] = [
            "args[0]", "args[1]", "args[2]", "args[3]", "args[4]", "args[5]",
        ];
        match self {
            Input::SysNumber => "sys_number",
            Input::InstructionPointer => "instruction_pointer",
            Input::Arg(i) => ARGS[i],
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// More syscall arguments than the six `seccomp_data` holds.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TooManyArgs {
    /// The number of arguments passed.
    pub given: usize,
}

impl fmt::Display for TooManyArgs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a syscall has at most 6 arguments, {} were given",
            self.given
        )
    }
}

impl std::error::Error for TooManyArgs {}

/// Why a run did not return a value.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum EmuError {
    /// A program with no instructions.
    Empty,
    /// The kernel refuses an instruction the run reached: the validator's
    /// [`Violation`] of it, which names its line ([`Violation::pc`]). A jump
    /// is refused for the target it takes ([`Violation::JumpOutOfRange`]).
    Refused {
        /// The instruction as encoded.
        insn: Insn,
        /// Which rule it breaks.
        why: Violation,
    },
    /// `mem[slot]` read before anything was stored there (the kernel's
    /// checker refuses every program that could do this).
    UninitializedMem {
        /// The reading line.
        pc: usize,
        /// The scratch slot read, 0 to 15.
        slot: u32,
    },
    /// The last line is not a `return` and execution went past it.
    FellOffEnd {
        /// The last line, the one executed before falling off.
        pc: usize,
    },
    /// A load of an input the caller left undefined (`seccomp-tools emu`
    /// mode). `line` is the loading line as seccomp-tools quotes it.
    Undefined {
        /// The loading line.
        pc: usize,
        /// Its statement as seccomp-tools prints it (`A = args[0]`).
        line: String,
        /// The undefined input (displayed as seccomp-tools names it:
        /// `sys_number`, `instruction_pointer`, `args[2]`).
        var: Input,
    },
}

impl fmt::Display for EmuError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmuError::Empty => f.write_str("the filter has no instructions"),
            EmuError::Refused { insn, why } => {
                let (pc, what) = match *why {
                    Violation::JumpOutOfRange { pc, target } => {
                        return write!(
                            f,
                            "line {pc:04} jumps to line {target:04}, past the end of the filter"
                        )
                    }
                    Violation::UnknownOpcode { pc, .. }
                    | Violation::NotAllowedInSeccomp { pc, .. } => {
                        (pc, "is not an instruction a seccomp filter may use")
                    }
                    Violation::BadDataOffset { pc, .. } => (
                        pc,
                        "loads from an offset that is not a 4-aligned word of seccomp_data",
                    ),
                    Violation::BadMemIndex { pc, .. } => (pc, "uses a scratch slot past mem[15]"),
                    Violation::DivisionByZero { pc } => (pc, "divides by constant 0"),
                    Violation::ShiftTooFar { pc, .. } => (pc, "shifts by a constant of 32 or more"),
                    // The rules of a whole program; no run stops on them.
                    Violation::Empty
                    | Violation::TooLong { .. }
                    | Violation::NoFinalReturn { .. }
                    | Violation::MemReadBeforeWrite { .. } => return write!(f, "{why}"),
                };
                write!(f, "line {pc:04} ({insn:?}) {what}; the kernel refuses it")
            }
            EmuError::UninitializedMem { pc, slot } => {
                write!(
                    f,
                    "line {pc:04} reads mem[{slot}] before anything was stored there"
                )
            }
            EmuError::FellOffEnd { pc } => {
                write!(f, "line {pc:04} is the last and does not return")
            }
            // The reference's message, byte for byte.
            EmuError::Undefined { pc, line, var } => {
                write!(
                    f,
                    "Undefined Variable\n\t{pc:04}: {line} <- `{var}` is undefined"
                )
            }
        }
    }
}

impl std::error::Error for EmuError {}

/// Runs a filter on one syscall, as the kernel does.
///
/// ```
/// use seccomp_asm::emu::emulate;
/// use seccomp_asm::{Action, Endian, Insn, SeccompData};
///
/// let allow_read = [
///     Insn::stmt(0x20, 0),
///     Insn::new(0x15, 0, 1, 0),
///     Insn::stmt(0x06, 0x7fff_0000),
///     Insn::stmt(0x06, 0x0005_0001),
/// ];
/// let write = SeccompData { nr: 1, ..SeccompData::default() };
/// let outcome = emulate(&allow_read, &write, Endian::Little).unwrap();
/// assert_eq!(outcome.action, Action::Errno(1));
/// assert_eq!(outcome.path, [0, 1, 3]);
/// ```
pub fn emulate(insns: &[Insn], data: &SeccompData, endian: Endian) -> Result<Outcome, EmuError> {
    emulate_input(insns, &EmuInput::from(data), endian)
}

/// Runs a filter on an input that may leave words undefined.
pub fn emulate_input(
    insns: &[Insn],
    input: &EmuInput,
    endian: Endian,
) -> Result<Outcome, EmuError> {
    if insns.is_empty() {
        return Err(EmuError::Empty);
    }
    let mut a: u32 = 0;
    let mut x: u32 = 0;
    let mut mem: [Option<u32>; bpf::MEMWORDS as usize] = [None; bpf::MEMWORDS as usize];
    let mut path = Vec::new();
    let mut pc = 0usize;
    let finish = |ret: u32, pc: usize, path: Vec<usize>| Outcome {
        ret,
        action: Action::from_ret(ret),
        pc,
        path,
    };
    loop {
        let Some(&insn) = insns.get(pc) else {
            return Err(EmuError::FellOffEnd { pc: pc - 1 });
        };
        path.push(pc);
        validate::check_insn(pc, &insn).map_err(|why| EmuError::Refused { insn, why })?;
        let k = insn.k;
        // A scratch slot: below 16, or `check_insn` refused the instruction.
        let slot = k as usize;
        let load_mem = |mem: &[Option<u32>; 16]| -> Result<u32, EmuError> {
            mem[slot].ok_or(EmuError::UninitializedMem { pc, slot: k })
        };
        // The offset of the jump taken; `None` for every other instruction.
        let mut jump: Option<u32> = None;
        match insn.code {
            op::LD_IMM => a = k,
            op::LDX_IMM => x = k,
            op::LD_LEN => a = SECCOMP_DATA_SIZE,
            op::LDX_LEN => x = SECCOMP_DATA_SIZE,
            op::LD_ABS => {
                a = match input.word(k, endian) {
                    Ok(Some(word)) => word,
                    Ok(None) => unreachable!("check_insn refuses loads outside seccomp_data"),
                    Err(var) => {
                        return Err(EmuError::Undefined {
                            pc,
                            line: disasm::statement(insn, pc, endian),
                            var,
                        })
                    }
                }
            }
            op::LD_MEM => a = load_mem(&mem)?,
            op::LDX_MEM => x = load_mem(&mem)?,
            op::ST_MEM => mem[slot] = Some(a),
            op::STX_MEM => mem[slot] = Some(x),
            op::MISC_TAX => x = a,
            op::MISC_TXA => a = x,
            op::ALU_NEG => a = a.wrapping_neg(),
            op::RET_K => return Ok(finish(k, pc, path)),
            op::RET_A => return Ok(finish(a, pc, path)),
            op::JMP_JA => jump = Some(k),
            code if bpf::class(code) == bpf::ALU => {
                let by_x = bpf::src(code) == bpf::X;
                let rhs = if by_x { x } else { k };
                a = match bpf::op(code) {
                    bpf::ADD => a.wrapping_add(rhs),
                    bpf::SUB => a.wrapping_sub(rhs),
                    bpf::MUL => a.wrapping_mul(rhs),
                    // A constant 0 was refused by `check_insn`.
                    bpf::DIV if rhs == 0 => return Ok(finish(0, pc, path)),
                    bpf::DIV => a / rhs,
                    bpf::OR => a | rhs,
                    bpf::AND => a & rhs,
                    bpf::XOR => a ^ rhs,
                    // The kernel shifts by `X & 31`; a constant of 32 or
                    // more was refused by `check_insn`.
                    bpf::LSH => a << (rhs & 31),
                    bpf::RSH => a >> (rhs & 31),
                    _ => unreachable!("check_insn admits only these ALU operations"),
                };
            }
            code => {
                // The remaining allowed opcodes are the conditional jumps.
                let rhs = if bpf::src(code) == bpf::X { x } else { k };
                let taken = match bpf::op(code) {
                    bpf::JEQ => a == rhs,
                    bpf::JGT => a > rhs,
                    bpf::JGE => a >= rhs,
                    bpf::JSET => a & rhs != 0,
                    _ => unreachable!("check_insn admits only these jumps"),
                };
                jump = Some(u32::from(if taken { insn.jt } else { insn.jf }));
            }
        }
        pc = match jump {
            None => pc + 1,
            Some(offset) => validate::jump_target(pc, offset, insns.len())
                .map_err(|why| EmuError::Refused { insn, why })?,
        };
    }
}

/// The stdout of `seccomp-tools emu`: unless `quiet`, the listing (cut a few
/// lines after the returning one) and a blank line; then
/// `return ALLOW at line 0009`. `color` gives the reference's TTY output, in
/// which every listing line is dimmed (it never marks the executed path).
///
/// The run itself is the kernel's ([`emulate_input`]). seccomp-tools computes
/// with unbounded integers instead, which gives the same results on every
/// filter the kernel accepts except for a shift by X of 32 or more: it shifts
/// every bit out, the kernel shifts by `X & 31`. On a filter the kernel
/// refuses, this stops with an [`EmuError`] at the first refused instruction
/// the run reaches, where seccomp-tools may carry on.
pub fn emu_output(
    insns: &[Insn],
    arch: Arch,
    input: &EmuInput,
    quiet: bool,
    color: bool,
) -> Result<String, EmuError> {
    let outcome = emulate_input(insns, input, arch.endian())?;
    let mut out = String::new();
    write_emu_output(&mut out, insns, arch, &outcome, quiet, color)
        .expect("writing to a String cannot fail");
    Ok(out)
}

/// What [`emu_output`] prints for a run that ended with `outcome`, written to
/// `out` a few kilobytes at a time.
pub fn write_emu_output<W: fmt::Write + ?Sized>(
    out: &mut W,
    insns: &[Insn],
    arch: Arch,
    outcome: &Outcome,
    quiet: bool,
    color: bool,
) -> fmt::Result {
    let mut buf = String::with_capacity(disasm::CHUNK + 1024);
    if !quiet {
        write_listing(out, &mut buf, insns, arch, outcome.pc, color)?;
    }
    // `return ERRNO(1) at line 0009`
    buf.push_str("return ");
    buf.push_str(outcome.action.name().unwrap_or(""));
    if let Action::Errno(_) = outcome.action {
        buf.push('(');
        disasm::num::dec(&mut buf, u64::from(outcome.ret & DATA_MASK));
        buf.push(')');
    }
    buf.push_str(" at line ");
    disasm::num::dec_padded(&mut buf, outcome.pc as u64, 4);
    buf.push('\n');
    out.write_str(&buf)
}

/// The listing part of `seccomp-tools emu`: the header, the lines up to a
/// few past `ret_pc` (the rest summed up as `... (omitting N lines)`), and a
/// blank line. In colour, every line after the header is dimmed, newline
/// included, as the reference paints it.
fn write_listing<W: fmt::Write + ?Sized>(
    out: &mut W,
    buf: &mut String,
    insns: &[Insn],
    arch: Arch,
    ret_pc: usize,
    color: bool,
) -> fmt::Result {
    let opts = DisasmOptions {
        color,
        ..DisasmOptions::new(arch)
    };
    let mut lines = disasm::Lines::new(insns, &opts);
    buf.push_str(disasm::HEADER);
    // Each line is put together here first, then dimmed or copied.
    let mut line = String::new();
    let push = |buf: &mut String, line: &str| {
        if color {
            color::paint_into(buf, line, color::GRAY);
        } else {
            buf.push_str(line);
        }
    };
    while let Some(pc) = lines.write_next(&mut line) {
        line.push('\n');
        push(buf, &line);
        line.clear();
        let rest = insns.len() - pc - 1;
        if rest > 3 && pc > ret_pc + 4 {
            line.push_str("... (omitting ");
            disasm::num::dec(&mut line, rest as u64);
            line.push_str(" lines)\n");
            push(buf, &line);
            break;
        }
        disasm::flush_full(out, buf)?;
    }
    buf.push('\n');
    Ok(())
}
