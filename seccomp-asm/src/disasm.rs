//! The listing: seccomp BPF back to seccomp-tools assembly.
//!
//! [`disassemble`] prints exactly what `seccomp-tools disasm` prints, byte for
//! byte: the optional `CODE JT JF K` columns, constants named from the
//! [`analysis`](crate::analysis) facts of each line (syscall names, `ARCH_*`,
//! argument names), decimal or hex by the reference's conventions, and its
//! terminal colours when asked.
//!
//! # Architectures
//!
//! seccomp-tools knows five architectures and names only their `AUDIT_ARCH_*`
//! values; this crate knows [`Arch::ALL`]. When the selected arch is one of
//! the five, the listing names and infers only those five, exactly as the
//! reference does (a test of `arch == 0x40000028` stays hex under `-a amd64`),
//! so output under those arches is the reference's own. When the selected
//! arch is any other, every known `AUDIT_ARCH_*` value is named (`ARCH_ARM`)
//! and a path pinned to any known arch reads its syscall names from that
//! arch's table (`arm.read`).
//!
//! # Instructions seccomp-tools cannot read
//!
//! seccomp-tools stops with an error on loads in IND or MSH mode, ALU
//! operations such as MOD, jump operations above JSET and MISC operations
//! other than TAX/TXA. The listing prints such a line as
//! `/* unsupported opcode 0x40 */`, and [`first_unsupported`] reports the
//! first one with the reference's message, for a caller that wants to stop.

use crate::action::Action;
use crate::analysis::{AluOp, Analysis, Cmp, LineFacts, Op, Operand, Reg, Source, Undecodable};
use crate::arch::Arch;
use crate::data::{offset, SECCOMP_DATA_SIZE};
use crate::insn::{Endian, Insn};
use core::fmt::{self, Write as _};

/// The two header lines of a listing with the BPF columns.
pub const HEADER: &str = " line  CODE  JT   JF      K\n=================================\n";

/// Terminal colours of the reference (`Util::COLOR_CODE`).
pub mod color {
    pub const SYSCALL: &str = "\x1b[38;5;120m";
    pub const ARCH: &str = "\x1b[38;5;230m";
    pub const ARGS: &str = "\x1b[38;5;230m";
    pub const GRAY: &str = "\x1b[2m";
    pub const RESET: &str = "\x1b[0m";

    /// Wraps `s` in a colour as the reference's `Util.colorize` does: a reset
    /// inside `s` (the first one only) is followed by the colour again.
    pub fn paint(s: &str, color: &str) -> String {
        let inner = s.replacen(RESET, &format!("{RESET}{color}"), 1);
        format!("{color}{inner}{RESET}")
    }
}

/// How to print a listing.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DisasmOptions {
    /// The architecture the filter is read for: byte order of the 64-bit
    /// words, and the syscall table when no path pins another arch.
    pub arch: Arch,
    /// The header and the `CODE JT JF K` columns (`--no-bpf` turns them off).
    pub bpf: bool,
    /// Argument names on loads of `args[i]` (`--no-arg-infer` turns them off).
    pub arg_infer: bool,
    /// The reference's terminal colours (it uses them when stdout is a TTY).
    pub color: bool,
}

impl DisasmOptions {
    /// `seccomp-tools disasm -a ARCH` without a TTY: columns and argument names.
    pub const fn new(arch: Arch) -> DisasmOptions {
        DisasmOptions {
            arch,
            bpf: true,
            arg_infer: true,
            color: false,
        }
    }

    /// `--no-bpf`.
    pub const fn no_bpf(arch: Arch) -> DisasmOptions {
        DisasmOptions {
            bpf: false,
            ..DisasmOptions::new(arch)
        }
    }

    /// `--asm-able`: `--no-bpf --no-arg-infer`, output the assembler takes back
    /// (except for `/* no-op */`, `INVALID` and unsupported lines).
    pub const fn asm_able(arch: Arch) -> DisasmOptions {
        DisasmOptions {
            bpf: false,
            arg_infer: false,
            ..DisasmOptions::new(arch)
        }
    }
}

/// A program with its data-flow facts, ready to print any of its lines.
#[derive(Clone, Debug)]
pub struct Disassembler<'a> {
    insns: &'a [Insn],
    analysis: Analysis,
    opts: DisasmOptions,
}

impl<'a> Disassembler<'a> {
    pub fn new(insns: &'a [Insn], opts: DisasmOptions) -> Disassembler<'a> {
        Disassembler {
            insns,
            analysis: Analysis::new(insns),
            opts,
        }
    }

    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    pub fn options(&self) -> &DisasmOptions {
        &self.opts
    }

    /// The statement of line `pc` alone (`if (A == read) goto 0003`).
    ///
    /// # Panics
    /// If `pc` is not a line of the program.
    pub fn statement(&self, pc: usize) -> String {
        let ctx = Ctx::new(&self.opts);
        ctx.statement(self.insns[pc], pc, &self.analysis.facts(pc))
    }

    /// Line `pc` of the listing, without its newline.
    ///
    /// # Panics
    /// If `pc` is not a line of the program.
    pub fn line(&self, pc: usize) -> String {
        let mut out = String::new();
        self.write_line(&mut out, pc);
        out
    }

    fn write_line(&self, out: &mut String, pc: usize) {
        let insn = self.insns[pc];
        let text = self.statement(pc);
        // Writing to a String cannot fail.
        let _ = if self.opts.bpf {
            write!(
                out,
                " {pc:04}: 0x{:02x} 0x{:02x} 0x{:02x} 0x{:08x}  {text}",
                insn.code, insn.jt, insn.jf, insn.k
            )
        } else {
            write!(out, "{pc:04}: {text}")
        };
    }

    /// The whole listing, as `seccomp-tools disasm` prints it.
    pub fn listing(&self) -> String {
        let mut out = String::with_capacity(64 * (self.insns.len() + 2));
        if self.opts.bpf {
            out.push_str(HEADER);
        }
        for pc in 0..self.insns.len() {
            self.write_line(&mut out, pc);
            out.push('\n');
        }
        if self.insns.is_empty() {
            // The reference joins the lines and appends one newline; it
            // crashes on an empty program, so this is only what the format
            // gives.
            out.push('\n');
        }
        out
    }
}

/// The listing `seccomp-tools disasm` prints for a program.
///
/// ```
/// use seccomp_asm::disasm::{disassemble, DisasmOptions};
/// use seccomp_asm::{Arch, Insn};
///
/// let allow_read = [
///     Insn::stmt(0x20, 0),           // ld [0]
///     Insn::new(0x15, 0, 1, 0),      // jeq #0, 0, 1
///     Insn::stmt(0x06, 0x7fff_0000), // ret #ALLOW
///     Insn::stmt(0x06, 0),           // ret #KILL
/// ];
/// assert_eq!(
///     disassemble(&allow_read, &DisasmOptions::no_bpf(Arch::X86_64)),
///     "0000: A = sys_number\n\
///      0001: if (A != read) goto 0003\n\
///      0002: return ALLOW\n\
///      0003: return KILL\n"
/// );
/// ```
pub fn disassemble(insns: &[Insn], opts: &DisasmOptions) -> String {
    Disassembler::new(insns, *opts).listing()
}

/// The `--no-bpf` listing of a program for an arch (`0000: A = arch` ...).
pub fn listing(insns: &[Insn], arch: Arch) -> String {
    disassemble(insns, &DisasmOptions::no_bpf(arch))
}

/// Displays the `--no-bpf` listing of a program for an arch.
#[derive(Clone, Copy, Debug)]
pub struct Listing<'a> {
    pub insns: &'a [Insn],
    pub arch: Arch,
}

impl fmt::Display for Listing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&listing(self.insns, self.arch))
    }
}

/// The statement seccomp-tools gives one instruction seen alone, without the
/// data-flow facts of a listing: constants in decimal, no names. The emulator
/// quotes lines this way in its errors.
pub fn statement(insn: Insn, pc: usize, endian: Endian) -> String {
    // Without facts no table is consulted, so any arch of this byte order
    // prints the same.
    let arch = match endian {
        Endian::Little => Arch::X86_64,
        Endian::Big => Arch::S390x,
    };
    Ctx::new(&DisasmOptions::new(arch)).statement(insn, pc, &LineFacts::default())
}

/// An instruction seccomp-tools cannot disassemble.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Unsupported {
    pub pc: usize,
    pub insn: Insn,
    pub why: Undecodable,
}

/// The reference's message: `Line 3 is invalid: unknown`.
impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.why {
            Undecodable::LoadMode => "unknown",
            Undecodable::AluOp => "unknown op",
            Undecodable::JumpOp => "unknown jmp type",
            Undecodable::MiscOp => "MISC operation only supports txa/tax",
        };
        write!(f, "Line {} is invalid: {what}", self.pc)
    }
}

impl std::error::Error for Unsupported {}

/// The first instruction seccomp-tools cannot disassemble, if any.
pub fn first_unsupported(insns: &[Insn]) -> Option<Unsupported> {
    insns
        .iter()
        .enumerate()
        .find_map(|(pc, &insn)| match Op::of(insn) {
            Op::Undecodable(why) => Some(Unsupported { pc, insn, why }),
            _ => None,
        })
}

/// What rendering needs besides the instruction and its facts.
struct Ctx {
    arch: Arch,
    endian: Endian,
    arg_infer: bool,
    color: bool,
}

impl Ctx {
    fn new(opts: &DisasmOptions) -> Ctx {
        Ctx {
            arch: opts.arch,
            endian: opts.arch.endian(),
            arg_infer: opts.arg_infer,
            color: opts.color,
        }
    }

    fn paint(&self, s: &str, color: &str) -> String {
        if self.color {
            color::paint(s, color)
        } else {
            s.to_string()
        }
    }

    /// The arch named by an `AUDIT_ARCH_*` value (see the module docs for
    /// which values are named).
    fn arch_of_audit(&self, audit: u32) -> Option<Arch> {
        if self.arch.is_seccomp_tools() {
            Arch::SECCOMP_TOOLS.into_iter().find(|a| a.audit() == audit)
        } else if audit == self.arch.audit() {
            Some(self.arch)
        } else {
            Arch::from_audit(audit)
        }
    }

    /// The arch whose table names syscalls on a line: the one every path
    /// pinned, else the selected one.
    fn table_arch(&self, facts: &LineFacts) -> Arch {
        facts
            .arch
            .and_then(|audit| self.arch_of_audit(audit))
            .unwrap_or(self.arch)
    }

    /// A syscall name, qualified with its arch when that is not the selected one.
    fn qualified(&self, arch: Arch, name: &str) -> String {
        if arch == self.arch {
            name.to_string()
        } else {
            format!("{arch}.{name}")
        }
    }

    fn statement(&self, insn: Insn, pc: usize, facts: &LineFacts) -> String {
        match Op::of(insn) {
            Op::Load { dst, src } => {
                let reg = reg_name(dst);
                match src {
                    Source::Imm(k) => format!("{reg} = {k}"),
                    Source::Len => format!("{reg} = {SECCOMP_DATA_SIZE}"),
                    Source::Mem(k) => format!("{reg} = mem[{k}]"),
                    Source::Data(k) => format!("{reg} = {}", self.data_word(k, facts)),
                }
            }
            Op::Store { src, slot } => format!("mem[{slot}] = {}", reg_name(src)),
            Op::Alu { op, operand } => {
                let rhs = match operand {
                    Operand::X => "X".to_string(),
                    Operand::K(k) if matches!(op, AluOp::Lsh | AluOp::Rsh) => k.to_string(),
                    Operand::K(k) => format!("0x{k:x}"),
                };
                format!("A {}= {rhs}", op.symbol())
            }
            Op::Neg => "A = -A".to_string(),
            Op::Ja { k } => goto(pc, k),
            Op::Jump {
                cmp,
                operand,
                jt,
                jf,
            } => self.jump(cmp, operand, jt, jf, pc, facts),
            Op::RetA => "return A".to_string(),
            Op::RetK(k) => format!("return {}", action_label(k)),
            Op::Tax => "X = A".to_string(),
            Op::Txa => "A = X".to_string(),
            Op::Undecodable(_) => format!("/* unsupported opcode 0x{:x} */", insn.code),
        }
    }

    /// A load from `seccomp_data` at byte offset `k`.
    fn data_word(&self, k: u32, facts: &LineFacts) -> String {
        // On a big-endian machine the high word of a u64 comes first.
        let high = |k: u32| (k % 8 == 4) ^ (self.endian == Endian::Big);
        match k {
            offset::NR => "sys_number".to_string(),
            offset::ARCH => "arch".to_string(),
            8 | 12 if high(k) => "instruction_pointer >> 32".to_string(),
            8 | 12 => "instruction_pointer".to_string(),
            _ if (offset::ARGS..SECCOMP_DATA_SIZE).contains(&k) && k.is_multiple_of(4) => {
                let index = (k - offset::ARGS) / 8;
                self.arg(index as usize, high(k), facts)
            }
            _ => "INVALID".to_string(),
        }
    }

    /// `args[i]`, or the argument's name and the prototype when every path
    /// pins one syscall whose prototype has that argument.
    fn arg(&self, index: usize, high: bool, facts: &LineFacts) -> String {
        let shift = if high { " >> 32" } else { "" };
        let plain = format!("args[{index}]{shift}");
        if !self.arg_infer {
            return plain;
        }
        let Some(nr) = facts.sys_number else {
            return plain;
        };
        let arch = self.table_arch(facts);
        let Some(name) = arch.syscall_name(nr) else {
            return plain;
        };
        let Some(args) = arg_names(name) else {
            return plain;
        };
        let Some(arg) = args.get(index) else {
            return plain;
        };
        let comment = format!("# {}({})", self.qualified(arch, name), args.join(", "));
        format!(
            "{}{shift} {}",
            self.paint(arg, color::ARGS),
            self.paint(&comment, color::GRAY)
        )
    }

    fn jump(
        &self,
        cmp: Cmp,
        operand: Operand,
        jt: u8,
        jf: u8,
        pc: usize,
        facts: &LineFacts,
    ) -> String {
        if jt == 0 && jf == 0 {
            return "/* no-op */".to_string();
        }
        if jt == jf {
            return goto(pc, u32::from(jt));
        }
        let rhs = self.operand(cmp, operand, facts);
        if jt == 0 {
            let test = match cmp {
                Cmp::Set => format!("!(A & {rhs})"),
                Cmp::Eq => format!("A != {rhs}"),
                Cmp::Gt => format!("A <= {rhs}"),
                Cmp::Ge => format!("A < {rhs}"),
            };
            return format!("if ({test}) {}", goto(pc, u32::from(jf)));
        }
        let op = match cmp {
            Cmp::Eq => "==",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
            Cmp::Set => "&",
        };
        let mut s = format!("if (A {op} {rhs}) {}", goto(pc, u32::from(jt)));
        if jf != 0 {
            let _ = write!(s, " else {}", goto(pc, u32::from(jf)));
        }
        s
    }

    /// The right-hand side of a comparison: named after the word A holds on
    /// every path, hex for other words, decimal when A holds no single word.
    fn operand(&self, cmp: Cmp, operand: Operand, facts: &LineFacts) -> String {
        let k = match operand {
            Operand::X => return "X".to_string(),
            Operand::K(k) => k,
        };
        let hex = format!("0x{k:x}");
        match facts.a_word {
            None => k.to_string(),
            Some(offset::NR) => {
                // Only an equality test names a syscall.
                let name = match cmp {
                    Cmp::Eq => {
                        let arch = self.table_arch(facts);
                        arch.syscall_name(k).map(|name| self.qualified(arch, name))
                    }
                    _ => None,
                };
                self.paint(name.as_deref().unwrap_or(&hex), color::SYSCALL)
            }
            Some(offset::ARCH) => {
                let name = self.arch_of_audit(k).map(Arch::constant);
                self.paint(name.unwrap_or(&hex), color::ARCH)
            }
            Some(_) => hex,
        }
    }
}

fn reg_name(reg: Reg) -> &'static str {
    match reg {
        Reg::A => "A",
        Reg::X => "X",
    }
}

/// `goto NNNN`, the absolute line `pc + 1 + off`.
fn goto(pc: usize, off: u32) -> String {
    format!("goto {:04}", pc as u64 + 1 + u64::from(off))
}

/// A return value as the listing prints it: `ERRNO(n)` always with its data,
/// `TRAP`/`TRACE` with theirs when not 0, other actions without it, and
/// unknown actions in hex.
pub fn action_label(ret: u32) -> String {
    let action = Action::from_ret(ret);
    let data = ret & crate::action::DATA_MASK;
    match action {
        Action::Unknown(v) => format!("0x{v:x}"),
        Action::Errno(d) => format!("ERRNO({d})"),
        Action::Trap(_) | Action::Trace(_) if data != 0 => {
            format!("{}({data})", action.name().unwrap_or_default())
        }
        _ => action.name().unwrap_or_default().to_string(),
    }
}

/// The argument names of a syscall; an `x32_` name falls back to the plain
/// one, as seccomp-tools' table does.
fn arg_names(name: &str) -> Option<Vec<&'static str>> {
    crate::syscall_arg_names(name)
        .or_else(|| name.strip_prefix("x32_").and_then(crate::syscall_arg_names))
        .map(Iterator::collect)
}
