//! The listing: seccomp BPF back to seccomp-tools assembly.
//!
//! Takes instructions and [`DisasmOptions`]; gives the listing, whole
//! ([`disassemble`]), a few kilobytes at a time ([`write_listing`]), or line
//! by line ([`Lines`], [`Disassembler`]).
//!
//! [`disassemble`] prints exactly what `seccomp-tools disasm` prints, byte for
//! byte: the optional `CODE JT JF K` columns, constants named from the
//! [`dataflow`](crate::dataflow) facts of each line (syscall names, `ARCH_*`,
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
use crate::arch::Arch;
use crate::bpf::{AluOp, Reg};
use crate::data::{offset, SECCOMP_DATA_SIZE};
use crate::dataflow::{Analysis, LineFacts, Pass};
use crate::decoder::{Cmp, Op, Operand, Source, Undecodable};
use crate::insn::{Endian, Insn};
use core::cell::Cell;
use core::fmt;

/// The two header lines of a listing with the BPF columns.
pub const HEADER: &str = " line  CODE  JT   JF      K\n=================================\n";

/// Terminal colours of the reference (`Util::COLOR_CODE`).
pub mod color {
    /// Syscall names (`read`, `amd64.read`).
    pub const SYSCALL: &str = "\x1b[38;5;120m";
    /// `ARCH_*` constants and architecture names.
    pub const ARCH: &str = "\x1b[38;5;230m";
    /// Argument names on loads of `args[i]` (`fd`, `count`).
    pub const ARGS: &str = "\x1b[38;5;230m";
    /// Dim text: the `# read(fd, buf, count)` comments and lines the emulator
    /// did not run.
    pub const GRAY: &str = "\x1b[2m";
    /// Back to the terminal's default colour.
    pub const RESET: &str = "\x1b[0m";
    /// Severities, from alarming to quiet (the reference's log levels and
    /// audit tags).
    pub const ERROR: &str = "\x1b[38;5;196m";
    /// Warnings and medium findings.
    pub const WARN: &str = "\x1b[38;5;230m";
    /// Information and low findings.
    pub const INFO: &str = "\x1b[38;5;110m";

    /// Wraps `s` in a colour as the reference's `Util.colorize` does: a reset
    /// inside `s` (the first one only) is followed by the colour again.
    pub fn paint(s: &str, color: &str) -> String {
        let mut out = String::with_capacity(s.len() + 2 * color.len() + RESET.len());
        paint_into(&mut out, s, color);
        out
    }

    /// [`paint`], appended to `out`.
    pub fn paint_into(out: &mut String, s: &str, color: &str) {
        out.push_str(color);
        match s.split_once(RESET) {
            Some((before, after)) => {
                out.push_str(before);
                out.push_str(RESET);
                out.push_str(color);
                out.push_str(after);
            }
            None => out.push_str(s),
        }
        out.push_str(RESET);
    }
}

/// Numbers appended to a listing without going through `core::fmt`: a line
/// has up to six of them, and the formatting machinery (argument tables,
/// padding logic, one virtual call per piece) costs several times the rest
/// of the line. Digits are put together on the stack and appended at once.
pub(crate) mod num {
    const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

    /// The two hex digits of every byte, and the two decimal digits of
    /// every number below 100: one lookup instead of a division or shift
    /// per digit.
    const HEX_PAIRS: [[u8; 2]; 256] = {
        let mut pairs = [[0; 2]; 256];
        let mut i = 0;
        while i < 256 {
            pairs[i] = [HEX_DIGITS[i >> 4], HEX_DIGITS[i & 0xf]];
            i += 1;
        }
        pairs
    };
    const DEC_PAIRS: [[u8; 2]; 100] = {
        let mut pairs = [[0; 2]; 100];
        let mut i = 0;
        while i < 100 {
            pairs[i] = [b'0' + (i / 10) as u8, b'0' + (i % 10) as u8];
            i += 1;
        }
        pairs
    };

    /// Appends bytes put together from ASCII digits and punctuation.
    fn push_ascii(out: &mut String, ascii: &[u8]) {
        out.push_str(core::str::from_utf8(ascii).expect("only ASCII is put together here"));
    }

    /// `{v:04}` for `v` below 10000, into four bytes.
    fn dec4(buf: &mut [u8], v: u16) {
        let v = usize::from(v);
        buf[..2].copy_from_slice(&DEC_PAIRS[v / 100]);
        buf[2..4].copy_from_slice(&DEC_PAIRS[v % 100]);
    }

    /// `{v:0width$}`: at least `width` (at most 20) decimal digits, zeros in
    /// front.
    pub fn dec_padded(out: &mut String, v: u64, width: usize) {
        if width == 4 {
            if let Ok(small @ 0..10_000) = u16::try_from(v) {
                // Line numbers, the common case.
                let mut buf = [0; 4];
                dec4(&mut buf, small);
                push_ascii(out, &buf);
                return;
            }
        }
        let mut buf = [0u8; 20];
        let mut start = buf.len();
        let mut v = v;
        loop {
            start -= 1;
            buf[start] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 && buf.len() - start >= width {
                break;
            }
        }
        push_ascii(out, &buf[start..]);
    }

    /// `{v}`.
    pub fn dec(out: &mut String, v: u64) {
        dec_padded(out, v, 1);
    }

    /// `{v:08x}` into eight bytes.
    fn hex8(buf: &mut [u8], v: u32) {
        for (pair, byte) in buf.chunks_exact_mut(2).zip(v.to_be_bytes()) {
            pair.copy_from_slice(&HEX_PAIRS[usize::from(byte)]);
        }
    }

    /// `{v:0width$x}`: at least `width` (1 to 8) lower-case hex digits.
    pub fn hex_padded(out: &mut String, v: u32, width: usize) {
        let mut buf = [0u8; 8];
        hex8(&mut buf, v);
        let significant = 8 - v.leading_zeros() as usize / 4;
        push_ascii(out, &buf[8 - significant.max(width)..]);
    }

    /// `{v:x}`.
    pub fn hex(out: &mut String, v: u32) {
        hex_padded(out, v, 1);
    }

    /// The columns before a listing line's statement,
    /// ` {pc:04}: 0x{code:02x} 0x{jt:02x} 0x{jf:02x} 0x{k:08x}  `.
    pub fn bpf_columns(out: &mut String, pc: usize, code: u16, jt: u8, jf: u8, k: u32) {
        let (Ok(pc @ 0..10_000), Ok(code)) = (u16::try_from(pc), u8::try_from(code)) else {
            // Wider than the usual columns: rare enough to go piece by piece.
            out.push(' ');
            dec_padded(out, pc as u64, 4);
            out.push_str(": 0x");
            hex_padded(out, u32::from(code), 2);
            out.push_str(" 0x");
            hex_padded(out, u32::from(jt), 2);
            out.push_str(" 0x");
            hex_padded(out, u32::from(jf), 2);
            out.push_str(" 0x");
            hex_padded(out, k, 8);
            out.push_str("  ");
            return;
        };
        let mut line = *b" 0000: 0x00 0x00 0x00 0x00000000  ";
        dec4(&mut line[1..5], pc);
        line[9..11].copy_from_slice(&HEX_PAIRS[usize::from(code)]);
        line[14..16].copy_from_slice(&HEX_PAIRS[usize::from(jt)]);
        line[19..21].copy_from_slice(&HEX_PAIRS[usize::from(jf)]);
        hex8(&mut line[24..32], k);
        push_ascii(out, &line);
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
    ctx: Ctx,
}

impl<'a> Disassembler<'a> {
    /// Runs the data-flow pass over `insns` and keeps its facts for every line.
    pub fn new(insns: &'a [Insn], opts: DisasmOptions) -> Disassembler<'a> {
        Disassembler {
            insns,
            analysis: Analysis::new(insns),
            opts,
            ctx: Ctx::new(&opts),
        }
    }

    /// The data-flow facts the names come from.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// The options the listing is printed with.
    pub fn options(&self) -> &DisasmOptions {
        &self.opts
    }

    /// The statement of line `pc` alone (`if (A == read) goto 0003`).
    ///
    /// # Panics
    /// If `pc` is not a line of the program.
    pub fn statement(&self, pc: usize) -> String {
        let mut out = String::new();
        self.write_statement(&mut out, pc);
        out
    }

    /// [`Disassembler::statement`], appended to `out`.
    ///
    /// # Panics
    /// If `pc` is not a line of the program.
    pub fn write_statement(&self, out: &mut String, pc: usize) {
        let facts = self.analysis.facts(pc);
        self.ctx.statement(out, self.insns[pc], pc, &facts);
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

    /// [`Disassembler::line`], appended to `out`.
    ///
    /// # Panics
    /// If `pc` is not a line of the program.
    pub fn write_line(&self, out: &mut String, pc: usize) {
        let facts = self.analysis.facts(pc);
        self.ctx.line(out, self.insns[pc], pc, &facts);
    }

    /// The whole listing, as `seccomp-tools disasm` prints it: what
    /// [`disassemble`] gives, which writes it.
    pub fn listing(&self) -> String {
        disassemble(self.insns, &self.opts)
    }
}

/// The lines of a listing, rendered one after the other. Each line's facts
/// come from the data-flow pass as it reaches the line, so, unlike
/// [`Disassembler`], nothing is kept per line: the way to print a large
/// program.
pub struct Lines<'a> {
    insns: &'a [Insn],
    pass: Pass<'a>,
    ctx: Ctx,
    pc: usize,
}

impl<'a> Lines<'a> {
    /// Starts a listing of `insns` before its first line.
    pub fn new(insns: &'a [Insn], opts: &DisasmOptions) -> Lines<'a> {
        Lines {
            insns,
            pass: Pass::new(insns),
            ctx: Ctx::new(opts),
            pc: 0,
        }
    }

    /// Appends the next line, without its newline, to `out` and returns
    /// its number; `None` once every line is written.
    pub fn write_next(&mut self, out: &mut String) -> Option<usize> {
        let pc = self.pc;
        let insn = *self.insns.get(pc)?;
        let facts = self.pass.next()?;
        self.ctx.line(out, insn, pc, &facts);
        self.pc += 1;
        Some(pc)
    }

    /// The first line, among those written, from which the data-flow pass
    /// no longer tracked every path and names only what it is sure of (see
    /// [`crate::dataflow::MAX_GROUPS`]).
    pub fn gave_up_at(&self) -> Option<usize> {
        self.pass.gave_up_at()
    }
}

/// Text is handed to a writer in pieces of about this size: large enough
/// for few writes, small enough that the buffer stays in a few pages
/// however long the listing.
pub(crate) const CHUNK: usize = 32 * 1024;

/// Hands `buf` to `out` and empties it once it holds a [`CHUNK`].
pub(crate) fn flush_full<W: fmt::Write + ?Sized>(out: &mut W, buf: &mut String) -> fmt::Result {
    if buf.len() >= CHUNK {
        out.write_str(buf)?;
        buf.clear();
    }
    Ok(())
}

/// Writes the listing `seccomp-tools disasm` prints for a program to `out`,
/// a few kilobytes at a time ([`disassemble`] returns it as one string).
///
/// Returns the line from which the data-flow pass gave up tracking every
/// path, if it did (a filter built to have exponentially many; see
/// [`crate::dataflow::MAX_GROUPS`]): from there on, constants are named only
/// where that is certain.
pub fn write_listing<W: fmt::Write + ?Sized>(
    out: &mut W,
    insns: &[Insn],
    opts: &DisasmOptions,
) -> Result<Option<usize>, fmt::Error> {
    let mut buf = String::with_capacity(CHUNK + 1024);
    if opts.bpf {
        buf.push_str(HEADER);
    }
    let mut lines = Lines::new(insns, opts);
    while lines.write_next(&mut buf).is_some() {
        buf.push('\n');
        flush_full(out, &mut buf)?;
    }
    if insns.is_empty() {
        // The reference joins the lines and appends one newline; it
        // crashes on an empty program, so this is only what the format
        // gives.
        buf.push('\n');
    }
    out.write_str(&buf)?;
    Ok(lines.gave_up_at())
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
    let mut out = String::with_capacity(Ctx::new(opts).line_estimate() * (insns.len() + 2));
    write_listing(&mut out, insns, opts).expect("writing to a String cannot fail");
    out
}

/// The `--no-bpf` listing of a program for an arch (`0000: A = arch` ...).
pub fn listing(insns: &[Insn], arch: Arch) -> String {
    disassemble(insns, &DisasmOptions::no_bpf(arch))
}

/// Displays the `--no-bpf` listing of a program for an arch.
#[derive(Clone, Copy, Debug)]
pub struct Listing<'a> {
    /// The instructions to list.
    pub insns: &'a [Insn],
    /// The architecture it is read for (see [`DisasmOptions::arch`]).
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
    let mut out = String::new();
    Ctx::new(&DisasmOptions::new(arch)).statement(&mut out, insn, pc, &LineFacts::default());
    out
}

/// An instruction seccomp-tools cannot disassemble.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Unsupported {
    /// Its line number.
    pub pc: usize,
    /// The instruction, as encoded.
    pub insn: Insn,
    /// Which part of it seccomp-tools cannot decode.
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

/// A syscall's name and its argument list (see [`arg_list`]).
type SyscallArgs = (&'static str, &'static str);

/// What rendering needs besides the instruction and its facts.
#[derive(Clone, Debug)]
struct Ctx {
    /// The last syscall whose arguments were named, and the answer.
    last_syscall: Cell<Option<(Arch, u32, Option<SyscallArgs>)>>,
    arch: Arch,
    /// `arch.audit()`, the `AUDIT_ARCH_*` value most lines are pinned to.
    audit: u32,
    endian: Endian,
    bpf: bool,
    arg_infer: bool,
    color: bool,
}

impl Ctx {
    fn new(opts: &DisasmOptions) -> Ctx {
        Ctx {
            last_syscall: Cell::new(None),
            arch: opts.arch,
            audit: opts.arch.audit(),
            endian: opts.arch.endian(),
            bpf: opts.bpf,
            arg_infer: opts.arg_infer,
            color: opts.color,
        }
    }

    /// About the length of a line but for argument comments and long names:
    /// enough to size a whole listing's buffer once.
    fn line_estimate(&self) -> usize {
        if self.bpf {
            64
        } else {
            40
        }
    }

    /// A line of the listing, without its newline.
    fn line(&self, out: &mut String, insn: Insn, pc: usize, facts: &LineFacts) {
        if self.bpf {
            num::bpf_columns(out, pc, insn.code, insn.jt, insn.jf, insn.k);
        } else {
            num::dec_padded(out, pc as u64, 4);
            out.push_str(": ");
        }
        self.statement(out, insn, pc, facts);
    }

    /// Appends what `write` writes, in `color` when colours are on. Nothing
    /// painted inside a statement contains a reset, so this is
    /// [`color::paint`] without the intermediate string.
    fn painted(&self, out: &mut String, color: &str, write: impl FnOnce(&mut String)) {
        if self.color {
            out.push_str(color);
            write(out);
            out.push_str(color::RESET);
        } else {
            write(out);
        }
    }

    /// The arch named by an `AUDIT_ARCH_*` value (see the module docs for
    /// which values are named).
    fn arch_of_audit(&self, audit: u32) -> Option<Arch> {
        // The selected arch first (the common case: the filter's own arch
        // check). seccomp-tools' five have distinct values, so for them
        // this is also what the search below would find.
        if audit == self.audit {
            Some(self.arch)
        } else if self.arch.is_seccomp_tools() {
            Arch::SECCOMP_TOOLS.into_iter().find(|a| a.audit() == audit)
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
    fn qualified(&self, out: &mut String, arch: Arch, name: &str) {
        if arch != self.arch {
            out.push_str(arch.name());
            out.push('.');
        }
        out.push_str(name);
    }

    fn statement(&self, out: &mut String, insn: Insn, pc: usize, facts: &LineFacts) {
        match Op::of(insn) {
            Op::Load { dst, src } => {
                out.push_str(reg_name(dst));
                out.push_str(" = ");
                match src {
                    Source::Imm(k) => num::dec(out, u64::from(k)),
                    Source::Len => num::dec(out, u64::from(SECCOMP_DATA_SIZE)),
                    Source::Mem(k) => {
                        out.push_str("mem[");
                        num::dec(out, u64::from(k));
                        out.push(']');
                    }
                    Source::Data(k) => self.data_word(out, k, facts),
                }
            }
            Op::Store { src, slot } => {
                out.push_str("mem[");
                num::dec(out, u64::from(slot));
                out.push_str("] = ");
                out.push_str(reg_name(src));
            }
            Op::Alu { op, operand } => {
                out.push_str("A ");
                out.push_str(op.symbol());
                out.push_str("= ");
                match operand {
                    Operand::X => out.push('X'),
                    Operand::K(k) if matches!(op, AluOp::Lsh | AluOp::Rsh) => {
                        num::dec(out, u64::from(k))
                    }
                    Operand::K(k) => {
                        out.push_str("0x");
                        num::hex(out, k);
                    }
                }
            }
            Op::Neg => out.push_str("A = -A"),
            Op::Ja { k } => goto(out, pc, k),
            Op::Jump {
                cmp,
                operand,
                jt,
                jf,
            } => self.jump(out, cmp, operand, jt, jf, pc, facts),
            Op::RetA => out.push_str("return A"),
            Op::RetK(k) => {
                out.push_str("return ");
                write_action_label(out, k);
            }
            Op::Tax => out.push_str("X = A"),
            Op::Txa => out.push_str("A = X"),
            Op::Undecodable(_) => {
                out.push_str("/* unsupported opcode 0x");
                num::hex(out, u32::from(insn.code));
                out.push_str(" */");
            }
        }
    }

    /// A load from `seccomp_data` at byte offset `k`.
    fn data_word(&self, out: &mut String, k: u32, facts: &LineFacts) {
        // On a big-endian machine the high word of a u64 comes first.
        let high = |k: u32| (k % 8 == 4) ^ (self.endian == Endian::Big);
        match k {
            offset::NR => out.push_str("sys_number"),
            offset::ARCH => out.push_str("arch"),
            8 | 12 if high(k) => out.push_str("instruction_pointer >> 32"),
            8 | 12 => out.push_str("instruction_pointer"),
            _ if (offset::ARGS..SECCOMP_DATA_SIZE).contains(&k) && k.is_multiple_of(4) => {
                let index = (k - offset::ARGS) / 8;
                self.arg(out, index as usize, high(k), facts)
            }
            _ => out.push_str("INVALID"),
        }
    }

    /// The name of syscall `nr` of `arch` and its argument list (see
    /// [`arg_list`]). Loads of one syscall's arguments come in a row, so the
    /// last answer is kept.
    fn syscall_args(&self, arch: Arch, nr: u32) -> Option<SyscallArgs> {
        if let Some((a, n, answer)) = self.last_syscall.get() {
            if (a, n) == (arch, nr) {
                return answer;
            }
        }
        let answer = arch
            .syscall_name(nr)
            .and_then(|name| Some((name, arg_list(name)?)));
        self.last_syscall.set(Some((arch, nr, answer)));
        answer
    }

    /// `args[i]`, or the argument's name and the prototype when every path
    /// pins one syscall whose prototype has that argument.
    fn arg(&self, out: &mut String, index: usize, high: bool, facts: &LineFacts) {
        let shift = if high { " >> 32" } else { "" };
        let named = || {
            if !self.arg_infer {
                return None;
            }
            let arch = self.table_arch(facts);
            let (name, list) = self.syscall_args(arch, facts.sys_number?)?;
            let args = arg_names(list);
            let arg = args.clone().nth(index)?;
            Some((arch, name, args, arg))
        };
        let Some((arch, name, args, arg)) = named() else {
            out.push_str("args[");
            num::dec(out, index as u64);
            out.push(']');
            out.push_str(shift);
            return;
        };
        self.painted(out, color::ARGS, |out| out.push_str(arg));
        out.push_str(shift);
        out.push(' ');
        // `# read(fd, buf, count)`
        self.painted(out, color::GRAY, |out| {
            out.push_str("# ");
            self.qualified(out, arch, name);
            out.push('(');
            for (i, arg) in args.enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(arg);
            }
            out.push(')');
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn jump(
        &self,
        out: &mut String,
        cmp: Cmp,
        operand: Operand,
        jt: u8,
        jf: u8,
        pc: usize,
        facts: &LineFacts,
    ) {
        if jt == 0 && jf == 0 {
            out.push_str("/* no-op */");
            return;
        }
        if jt == jf {
            goto(out, pc, u32::from(jt));
            return;
        }
        out.push_str("if (");
        let (test, target) = if jt == 0 {
            // Only a false branch: the negated test.
            let test = match cmp {
                Cmp::Set => "!(A & ",
                Cmp::Eq => "A != ",
                Cmp::Gt => "A <= ",
                Cmp::Ge => "A < ",
            };
            (test, jf)
        } else {
            let test = match cmp {
                Cmp::Eq => "A == ",
                Cmp::Gt => "A > ",
                Cmp::Ge => "A >= ",
                Cmp::Set => "A & ",
            };
            (test, jt)
        };
        out.push_str(test);
        self.operand(out, cmp, operand, facts);
        if jt == 0 && cmp == Cmp::Set {
            out.push(')');
        }
        out.push_str(") ");
        goto(out, pc, u32::from(target));
        if jt != 0 && jf != 0 {
            out.push_str(" else ");
            goto(out, pc, u32::from(jf));
        }
    }

    /// The right-hand side of a comparison: named after the word A holds on
    /// every path, hex for other words, decimal when A holds no single word.
    fn operand(&self, out: &mut String, cmp: Cmp, operand: Operand, facts: &LineFacts) {
        let k = match operand {
            Operand::X => return out.push('X'),
            Operand::K(k) => k,
        };
        let hex = |out: &mut String| {
            out.push_str("0x");
            num::hex(out, k);
        };
        match facts.a_word {
            None => num::dec(out, u64::from(k)),
            Some(offset::NR) => {
                // Only an equality test names a syscall.
                let arch = self.table_arch(facts);
                let name = match cmp {
                    Cmp::Eq => arch.syscall_name(k),
                    _ => None,
                };
                self.painted(out, color::SYSCALL, |out| match name {
                    Some(name) => self.qualified(out, arch, name),
                    None => hex(out),
                });
            }
            Some(offset::ARCH) => {
                let name = self.arch_of_audit(k).map(Arch::constant);
                self.painted(out, color::ARCH, |out| match name {
                    Some(name) => out.push_str(name),
                    None => hex(out),
                });
            }
            Some(_) => hex(out),
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
fn goto(out: &mut String, pc: usize, off: u32) {
    out.push_str("goto ");
    num::dec_padded(out, pc as u64 + 1 + u64::from(off), 4);
}

/// A return value as the listing prints it: `ERRNO(n)` always with its data,
/// `TRAP`/`TRACE` with theirs when not 0, other actions without it, and
/// unknown actions in hex.
pub fn action_label(ret: u32) -> String {
    let mut out = String::new();
    write_action_label(&mut out, ret);
    out
}

/// [`action_label`], appended to `out`.
pub fn write_action_label(out: &mut String, ret: u32) {
    let action = Action::from_ret(ret);
    let data = ret & crate::action::DATA_MASK;
    let name = action.name().unwrap_or_default();
    match action {
        Action::Unknown(v) => {
            out.push_str("0x");
            num::hex(out, v);
        }
        Action::Errno(d) => {
            out.push_str("ERRNO(");
            num::dec(out, u64::from(d));
            out.push(')');
        }
        Action::Trap(_) | Action::Trace(_) if data != 0 => {
            out.push_str(name);
            out.push('(');
            num::dec(out, u64::from(data));
            out.push(')');
        }
        _ => out.push_str(name),
    }
}

/// The argument names of a syscall, separated by spaces.
fn arg_list(name: &str) -> Option<&'static str> {
    crate::arch::syscall_arg_list(name)
}

/// The names of an argument list (an empty list has none).
fn arg_names(list: &'static str) -> impl Iterator<Item = &'static str> + Clone {
    list.split_ascii_whitespace()
}

#[cfg(test)]
mod tests {
    use super::num;

    fn with(write: impl FnOnce(&mut String)) -> String {
        let mut out = String::from(">");
        write(&mut out);
        out
    }

    #[test]
    fn numbers_print_as_the_format_macros_do() {
        for v in [
            0,
            7,
            10,
            999,
            1000,
            9999,
            10_000,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            assert_eq!(with(|o| num::dec(o, v)), format!(">{v}"));
            assert_eq!(with(|o| num::dec_padded(o, v, 4)), format!(">{v:04}"));
        }
        for v in [0, 1, 0xf, 0x10, 0xabc, 0x7fff_0000, u32::MAX] {
            assert_eq!(with(|o| num::hex(o, v)), format!(">{v:x}"));
            assert_eq!(with(|o| num::hex_padded(o, v, 2)), format!(">{v:02x}"));
            assert_eq!(with(|o| num::hex_padded(o, v, 8)), format!(">{v:08x}"));
        }
    }

    #[test]
    fn columns_widen_past_four_digits_and_one_byte_codes() {
        for (pc, code) in [
            (0, 0x20),
            (9999, 0xff),
            (10_000, 0x15),
            (3, 0x100),
            (12, 0xffff),
        ] {
            let (jt, jf, k) = (1, 0xfe, 0xc000_003e);
            assert_eq!(
                with(|o| num::bpf_columns(o, pc, code, jt, jf, k)),
                format!("> {pc:04}: 0x{code:02x} 0x{jt:02x} 0x{jf:02x} 0x{k:08x}  "),
            );
        }
    }
}
