//! Seeded, reproducible BPF programs for differential tests.
//!
//! Case `index` of seed `seed` is always the same program ([`case`]): each
//! case draws from its own ChaCha8 stream, so a case can be regenerated
//! alone, and cases can be made in any order or on any thread.
//!
//! The programs cover the whole classic-BPF instruction space, not only the
//! 41 seccomp opcodes: every low-byte opcode, opcodes with high bits set,
//! ancillary loads (`k >= 0xfffff000`), operands on both sides of each
//! limit, jumps to the last instruction and one past it, scratch memory read
//! before it is written in every branch shape, programs of 4094 to 4098
//! instructions, and the empty program. See [`Kind`].
//!
//! Besides those cases, [`Generator::behaviour_program`] makes valid filters
//! that compute, for comparing the emulator with the kernel, and
//! [`Generator::valid_program_in`] valid programs restricted to the forms
//! the `--asm-able` listing prints exactly ([`Forms`]), for round trips.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use seccomp_asm::bpf::{self, seccomp::*};
use seccomp_asm::{Action, Insn};

/// The strategy that made a program.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Kind {
    /// No instruction at all.
    Empty,
    /// Up to 24 instructions drawn from the whole opcode space with
    /// boundary operands; mostly ending in a return.
    AnyOpcode,
    /// A seccomp program built to pass every kernel rule.
    Valid,
    /// A [`Kind::Valid`] program after one to three mutations.
    Mutated,
    /// Up to 12 instructions of scratch-memory stores and loads on two
    /// slots, jumps and returns.
    ScratchMemory,
    /// 4094 to 4098 instructions, valid or with one mutation.
    Long,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Empty,
        Kind::AnyOpcode,
        Kind::Valid,
        Kind::Mutated,
        Kind::ScratchMemory,
        Kind::Long,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Empty => "empty",
            Kind::AnyOpcode => "any-opcode",
            Kind::Valid => "valid",
            Kind::Mutated => "mutated",
            Kind::ScratchMemory => "scratch-memory",
            Kind::Long => "long",
        }
    }
}

/// One generated program and where it came from.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Case {
    pub seed: u64,
    pub index: u64,
    pub kind: Kind,
    pub program: Vec<Insn>,
}

/// Case `index` of seed `seed`.
pub fn case(seed: u64, index: u64) -> Case {
    let mut g = Generator::new(seed, index);
    let kind = g.kind();
    let program = g.program(kind);
    Case {
        seed,
        index,
        kind,
        program,
    }
}

/// Base of the ancillary loads (`SKF_AD_OFF`).
pub const SKF_AD_OFF: u32 = 0xffff_f000;
/// Base of the network-header loads (`SKF_NET_OFF`).
pub const SKF_NET_OFF: u32 = 0xfff0_0000;
/// Base of the link-layer loads (`SKF_LL_OFF`).
pub const SKF_LL_OFF: u32 = 0xffe0_0000;

/// The classic-BPF opcodes the kernel knows but seccomp refuses.
pub const CLASSIC_NOT_SECCOMP: [u16; 8] = [
    bpf::ALU | bpf::MOD | bpf::K,
    bpf::ALU | bpf::MOD | bpf::X,
    bpf::LD | bpf::H | bpf::ABS,
    bpf::LD | bpf::B | bpf::ABS,
    bpf::LD | bpf::W | bpf::IND,
    bpf::LD | bpf::H | bpf::IND,
    bpf::LD | bpf::B | bpf::IND,
    bpf::LDX | bpf::B | bpf::MSH,
];

/// The 41 seccomp opcodes, in increasing order.
pub fn seccomp_opcodes() -> Vec<u16> {
    (0..=0xff).filter(|&c| allowed(c)).collect()
}

/// The 49 classic-BPF opcodes, in increasing order.
pub fn classic_opcodes() -> Vec<u16> {
    let mut all = seccomp_opcodes();
    all.extend(CLASSIC_NOT_SECCOMP);
    all.sort_unstable();
    all
}

const ALLOW: Insn = Insn::stmt(RET_K, Action::ALLOW);

/// Return values worth returning: every action, with and without data.
const RETURN_VALUES: [u32; 12] = [
    Action::ALLOW,
    Action::KILL_PROCESS,
    Action::KILL_THREAD,
    Action::TRAP,
    Action::ERRNO,
    Action::ERRNO | 1,
    Action::ERRNO | 0xffff,
    Action::USER_NOTIF,
    Action::TRACE | 7,
    Action::LOG,
    0x0001_0000,
    u32::MAX,
];

/// Operands on both sides of the kernel's limits: seccomp_data offsets,
/// scratch slots, shift counts, jump spans.
const BOUNDARY_K: [u32; 18] = [
    0,
    1,
    2,
    3,
    4,
    15,
    16,
    17,
    31,
    32,
    60,
    63,
    64,
    255,
    256,
    4095,
    4096,
    0x7fff_ffff,
];

/// The kernel's forward pass over scratch memory (`seccomp_check_filter`),
/// one instruction at a time: `memvalid` holds the slots known written on
/// entry to `pc` (after `masks[pc]` was applied), `masks` what each jump
/// target may still assume.
fn track_memory(insn: Insn, pc: usize, masks: &mut [u16], memvalid: &mut u16) {
    match insn.code {
        ST_MEM | STX_MEM => *memvalid |= 1 << insn.k,
        JMP_JA => {
            masks[pc + 1 + insn.k as usize] &= *memvalid;
            *memvalid = u16::MAX;
        }
        c if bpf::class(c) == bpf::JMP => {
            masks[pc + 1 + usize::from(insn.jt)] &= *memvalid;
            masks[pc + 1 + usize::from(insn.jf)] &= *memvalid;
            *memvalid = u16::MAX;
        }
        _ => {}
    }
}

/// Which instruction forms a generated program may hold, measured by what
/// `disassemble(.., DisasmOptions::asm_able(arch))` keeps.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Forms {
    /// Only forms the `--asm-able` listing prints exactly, so that assembling
    /// the listing gives the same bytes: no `len` load, no data on returns
    /// of KILL_PROCESS, KILL_THREAD, USER_NOTIF, LOG and ALLOW, no
    /// conditional jump with `jt == jf`, and zero in every field the opcode
    /// does not use.
    Exact,
    /// Those forms too. Each has a kernel-equivalent form the listing does
    /// print: `ld #64`, the return without its data, `ja jt`, and zeroed
    /// fields.
    Lossy,
}

/// The `ERRNO` data a [`Generator::behaviour_program`] returns at line
/// `pc`: distinct per line, never ENOSYS (38, what an unknown system call
/// returns), within the kernel's 4095 cap.
pub fn site_errno(pc: usize) -> u32 {
    1000 + (pc as u32 % 3000)
}

/// Whether `insn` is in [`Forms::Exact`].
pub fn is_exact(insn: Insn) -> bool {
    let unused_fields_zero =
        |jumps: bool, k: bool| (jumps || (insn.jt == 0 && insn.jf == 0)) && (k || insn.k == 0);
    match insn.code {
        LD_LEN | LDX_LEN => false,
        RET_K => {
            let dropped = matches!(
                Action::from_ret(insn.k),
                Action::KillProcess(d) | Action::KillThread(d) | Action::UserNotif(d)
                    | Action::Log(d) | Action::Allow(d) if d != 0
            );
            !dropped && unused_fields_zero(false, true)
        }
        RET_A | MISC_TAX | MISC_TXA | ALU_NEG => unused_fields_zero(false, false),
        JMP_JA => unused_fields_zero(false, true),
        c if bpf::class(c) == bpf::JMP => {
            insn.jt != insn.jf && (bpf::src(c) == bpf::K || insn.k == 0)
        }
        c if bpf::class(c) == bpf::ALU => unused_fields_zero(false, bpf::src(c) == bpf::K),
        _ => unused_fields_zero(false, true),
    }
}

/// Makes programs from one ChaCha8 stream.
pub struct Generator {
    rng: ChaCha8Rng,
    classic: Vec<u16>,
    seccomp: Vec<u16>,
}

impl Generator {
    /// The generator of stream `stream` of seed `seed`.
    pub fn new(seed: u64, stream: u64) -> Generator {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        Generator {
            rng,
            classic: classic_opcodes(),
            seccomp: seccomp_opcodes(),
        }
    }

    /// A kind, weighted towards the programs that test the most rules.
    pub fn kind(&mut self) -> Kind {
        match self.rng.random_range(0..100) {
            0 => Kind::Empty,
            1..=24 => Kind::AnyOpcode,
            25..=44 => Kind::Valid,
            45..=79 => Kind::Mutated,
            80..=97 => Kind::ScratchMemory,
            _ => Kind::Long,
        }
    }

    /// A program of the given kind.
    pub fn program(&mut self, kind: Kind) -> Vec<Insn> {
        match kind {
            Kind::Empty => Vec::new(),
            Kind::AnyOpcode => self.any_program(),
            Kind::Valid => {
                let len = self.valid_len();
                self.valid_program(len)
            }
            Kind::Mutated => {
                let len = self.valid_len();
                let mut prog = self.valid_program(len);
                for _ in 0..self.rng.random_range(1..=3) {
                    self.mutate(&mut prog);
                }
                prog
            }
            Kind::ScratchMemory => self.scratch_program(),
            Kind::Long => self.long_program(),
        }
    }

    /// The random stream itself, for callers that draw more than programs
    /// from the same case.
    pub fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.random_range(0..items.len())]
    }

    fn valid_len(&mut self) -> usize {
        if self.rng.random_ratio(1, 10) {
            self.rng.random_range(1..=300)
        } else {
            self.rng.random_range(1..=40)
        }
    }

    /// An operand: boundary values, ancillary offsets, actions, or anything.
    pub fn any_k(&mut self) -> u32 {
        match self.rng.random_range(0..10) {
            0..=2 => self.rng.random_range(0..=70),
            3 => self.pick(&BOUNDARY_K),
            // Known and unknown ancillary loads, aligned or not.
            4 => SKF_AD_OFF + self.rng.random_range(0..0x48),
            5 => self.pick(&[
                SKF_NET_OFF,
                SKF_NET_OFF + 4,
                SKF_LL_OFF,
                SKF_LL_OFF + 12,
                SKF_AD_OFF - 4,
                SKF_AD_OFF - 1,
                0x8000_0000,
                u32::MAX - 3,
                u32::MAX,
            ]),
            6 => self.pick(&RETURN_VALUES),
            _ => self.rng.random(),
        }
    }

    /// An opcode from anywhere in the 16-bit space, weighted towards the
    /// classic ones.
    pub fn any_code(&mut self) -> u16 {
        match self.rng.random_range(0..20) {
            0..=7 => self.classic[self.rng.random_range(0..self.classic.len())],
            8..=11 => self.seccomp[self.rng.random_range(0..self.seccomp.len())],
            12..=15 => u16::from(self.rng.random::<u8>()),
            // A known low byte under high bits the kernel compares too.
            16..=17 => {
                let low = self.classic[self.rng.random_range(0..self.classic.len())];
                low | (self.rng.random_range(1..=0xffu16) << 8)
            }
            _ => self.rng.random(),
        }
    }

    /// A jump offset from `pc` in a program of `len`: mostly in range
    /// (including the last instruction), sometimes one past the end or
    /// anything.
    fn jump_offset(&mut self, pc: usize, len: usize) -> u8 {
        let room = len.saturating_sub(pc + 1);
        match self.rng.random_range(0..10) {
            0 => self.rng.random(),
            1 => room.min(255) as u8,
            2 => room.saturating_sub(1).min(255) as u8,
            _ => self.rng.random_range(0..=room.saturating_sub(1).min(255)) as u8,
        }
    }

    /// Any instruction at `pc` of a program of `len`.
    pub fn any_insn(&mut self, pc: usize, len: usize) -> Insn {
        let code = self.any_code();
        let k = if code == JMP_JA && self.rng.random_bool(0.7) {
            let room = len.saturating_sub(pc + 1) as u32;
            self.rng.random_range(0..=room)
        } else {
            self.any_k()
        };
        let jt = self.jump_offset(pc, len);
        let jf = self.jump_offset(pc, len);
        Insn::new(code, jt, jf, k)
    }

    /// A return: `RET K` with some action, or `RET A`.
    fn ret(&mut self) -> Insn {
        if self.rng.random_ratio(1, 4) {
            Insn::stmt(RET_A, 0)
        } else {
            let value = self.pick(&RETURN_VALUES);
            Insn::stmt(RET_K, value)
        }
    }

    /// Up to 24 instructions from the whole space, most often ending in a
    /// return so that the other rules decide.
    pub fn any_program(&mut self) -> Vec<Insn> {
        let len = self.rng.random_range(1..=24);
        let mut prog: Vec<Insn> = (0..len).map(|pc| self.any_insn(pc, len)).collect();
        if self.rng.random_ratio(3, 4) {
            prog[len - 1] = self.ret();
        }
        prog
    }

    /// A seccomp program of `len` instructions (at least 1) that meets
    /// every kernel rule, scratch memory included: loads read only slots the
    /// kernel's forward pass knows are written.
    pub fn valid_program(&mut self, len: usize) -> Vec<Insn> {
        let len = len.max(1);
        let mut prog = Vec::with_capacity(len);
        let mut masks = vec![u16::MAX; len];
        let mut memvalid: u16 = 0;
        for pc in 0..len - 1 {
            memvalid &= masks[pc];
            let insn = self.valid_insn(pc, len, memvalid);
            track_memory(insn, pc, &mut masks, &mut memvalid);
            prog.push(insn);
        }
        prog.push(self.ret());
        prog
    }

    /// [`Generator::valid_program`] restricted to `forms`: the same
    /// instructions as far as they are in `forms`, others drawn again.
    pub fn valid_program_in(&mut self, len: usize, forms: Forms) -> Vec<Insn> {
        let len = len.max(1);
        let mut prog = Vec::with_capacity(len);
        let mut masks = vec![u16::MAX; len];
        let mut memvalid: u16 = 0;
        for pc in 0..len - 1 {
            memvalid &= masks[pc];
            let insn = loop {
                let insn = self.valid_insn(pc, len, memvalid);
                if forms == Forms::Lossy || is_exact(insn) {
                    break insn;
                }
            };
            track_memory(insn, pc, &mut masks, &mut memvalid);
            prog.push(insn);
        }
        let last = loop {
            let insn = self.ret();
            if forms == Forms::Lossy || is_exact(insn) {
                break insn;
            }
        };
        prog.push(last);
        prog
    }

    /// A valid seccomp program of `len` instructions (at least 2) made to
    /// exercise what a filter computes, for comparing the emulator with the
    /// kernel: it reads the system-call number, the arch, both words of
    /// every argument and of the instruction pointer, computes with every
    /// ALU operation on K and on X (dividing by an X that may be 0, shifting
    /// by an X that may be 32 or more), uses scratch memory, compares with
    /// every jump (often against one of `hints`, the words of the input, so
    /// that both branches are taken), and returns `ERRNO(site_errno(pc))` at
    /// most return sites; other returns are `ret A` and every other action,
    /// with and without data (KILL_THREAD, KILL_PROCESS, TRAP, ALLOW, LOG,
    /// USER_NOTIF, TRACE, ERRNO above 4095, values of no action).
    pub fn behaviour_program(&mut self, len: usize, forms: Forms, hints: &[u32]) -> Vec<Insn> {
        let len = len.max(2);
        let mut prog = Vec::with_capacity(len);
        let mut masks = vec![u16::MAX; len];
        let mut memvalid: u16 = 0;
        // Most programs end by returning A in a way that shows its bits;
        // some do so in the middle too.
        let body = if len > 4 && self.rng.random_ratio(2, 3) {
            len - 3
        } else {
            len - 1
        };
        while prog.len() < body {
            let pc = prog.len();
            let insns = if pc + 3 < body && self.rng.random_ratio(1, 25) {
                self.observe_a().to_vec()
            } else {
                vec![self.behaviour_insn(pc, len, memvalid & masks[pc], forms, hints)]
            };
            for insn in insns {
                let pc = prog.len();
                memvalid &= masks[pc];
                track_memory(insn, pc, &mut masks, &mut memvalid);
                prog.push(insn);
            }
        }
        if body < len - 1 {
            prog.extend(self.observe_a());
        } else if self.rng.random_ratio(3, 4) {
            prog.push(Insn::stmt(RET_K, Action::ERRNO | site_errno(len - 1)));
        } else {
            prog.push(self.behaviour_ret(len - 1, forms));
        }
        prog
    }

    /// Three instructions that return A so that 12 or 16 of its bits reach
    /// the caller exactly: as the errno (capped at 4095, so 12 bits), or as
    /// the `si_errno` of a TRAP (16 bits, low or high half).
    fn observe_a(&mut self) -> [Insn; 3] {
        let (select, action) = match self.rng.random_range(0..3) {
            0 => (
                Insn::stmt(bpf::ALU | bpf::AND | bpf::K, 0xfff),
                Action::ERRNO,
            ),
            1 => (
                Insn::stmt(bpf::ALU | bpf::AND | bpf::K, 0xffff),
                Action::TRAP,
            ),
            _ => (Insn::stmt(bpf::ALU | bpf::RSH | bpf::K, 16), Action::TRAP),
        };
        [
            select,
            Insn::stmt(bpf::ALU | bpf::OR | bpf::K, action),
            Insn::stmt(RET_A, 0),
        ]
    }

    /// A constant to compute or compare with: often one of `hints`.
    fn behaviour_k(&mut self, hints: &[u32]) -> u32 {
        match self.rng.random_range(0..10) {
            0..=3 if !hints.is_empty() => {
                let h = self.pick(hints);
                // The word itself, or a neighbour (for > and >=).
                match self.rng.random_range(0..6) {
                    0 => h.wrapping_add(1),
                    1 => h.wrapping_sub(1),
                    _ => h,
                }
            }
            4 | 5 => self.rng.random_range(0..=64),
            6 => self.pick(&[
                0,
                1,
                0x8000_0000,
                0x7fff_ffff,
                u32::MAX,
                0xffff,
                0x4000_0000,
            ]),
            7 => self.pick(&RETURN_VALUES) | self.rng.random_range(0..3),
            _ => self.rng.random(),
        }
    }

    /// A return other than the line's own ERRNO.
    fn behaviour_ret(&mut self, pc: usize, forms: Forms) -> Insn {
        let data = |g: &mut Generator| -> u32 {
            if forms == Forms::Exact {
                0
            } else {
                let any = g.rng.random_range(0..=0xffff);
                g.pick(&[0, 1, 0xffff, any])
            }
        };
        let value = match self.rng.random_range(0..12) {
            0..=2 => return Insn::stmt(RET_A, 0),
            3 => Action::KILL_THREAD | data(self),
            4 => Action::KILL_PROCESS | data(self),
            5 => Action::TRAP | self.pick(&[0, 1, 0xffff, pc as u32]),
            6 => Action::ALLOW | data(self),
            7 => Action::LOG | data(self),
            8 => Action::USER_NOTIF | data(self),
            9 => Action::TRACE | self.pick(&[0, 7, 0xffff]),
            10 => Action::ERRNO | self.rng.random_range(4096..=0xffff),
            // No action: the kernel kills the process.
            _ => self.pick(&[0x0001_0000, 0x0004_0000, 0x1234_5678, 0x7ffe_0000, u32::MAX]),
        };
        Insn::stmt(RET_K, value)
    }

    fn behaviour_insn(
        &mut self,
        pc: usize,
        len: usize,
        memvalid: u16,
        forms: Forms,
        hints: &[u32],
    ) -> Insn {
        let room = len - pc - 1;
        let max_offset = (room - 1).min(255) as u8;
        let lossy = forms == Forms::Lossy;
        // Fields the opcode does not use: zero, or anything in lossy forms.
        let unused_k = |g: &mut Generator| {
            if lossy && g.rng.random_ratio(1, 3) {
                g.rng.random()
            } else {
                0
            }
        };
        match self.rng.random_range(0..40) {
            // seccomp_data: nr and arch most often, every other word too.
            0..=3 => Insn::stmt(LD_ABS, self.pick(&[0, 0, 4])),
            4..=7 => Insn::stmt(LD_ABS, 4 * self.rng.random_range(2..16)),
            8 => Insn::stmt(LD_IMM, self.behaviour_k(hints)),
            // X: small (shift counts on both sides of 32, divisors with 0)
            // or any constant.
            9 | 10 => {
                let k = if self.rng.random_bool(0.6) {
                    self.rng.random_range(0..=40)
                } else {
                    self.behaviour_k(hints)
                };
                Insn::stmt(LDX_IMM, k)
            }
            11 if lossy => Insn::stmt(self.pick(&[LD_LEN, LDX_LEN]), unused_k(self)),
            11 | 12 => Insn::stmt(self.pick(&[MISC_TAX, MISC_TXA]), unused_k(self)),
            13 | 14 => {
                let slot = self.rng.random_range(0..bpf::MEMWORDS);
                Insn::stmt(self.pick(&[ST_MEM, STX_MEM]), slot)
            }
            15 | 16 => {
                let written: Vec<u32> = (0..16).filter(|&s| memvalid & (1 << s) != 0).collect();
                if written.is_empty() {
                    Insn::stmt(ST_MEM, self.rng.random_range(0..bpf::MEMWORDS))
                } else {
                    Insn::stmt(self.pick(&[LD_MEM, LDX_MEM]), self.pick(&written))
                }
            }
            17..=20 => {
                let op = self.pick(&ALU_OPS);
                let k = match op {
                    bpf::DIV => self.behaviour_k(hints).max(1),
                    bpf::LSH | bpf::RSH => self.rng.random_range(0..32),
                    _ => self.behaviour_k(hints),
                };
                Insn::stmt(bpf::ALU | op | bpf::K, k)
            }
            21..=24 => Insn::stmt(bpf::ALU | self.pick(&ALU_OPS) | bpf::X, unused_k(self)),
            25 => Insn::stmt(ALU_NEG, unused_k(self)),
            26 => Insn::stmt(JMP_JA, self.rng.random_range(0..room as u32)),
            27..=33 if max_offset > 0 || lossy => {
                let src = self.pick(&[bpf::K, bpf::K, bpf::X]);
                let code = bpf::JMP | self.pick(&COND_JUMPS) | src;
                let jt = self.rng.random_range(0..=max_offset);
                let mut jf = self.rng.random_range(0..=max_offset);
                if lossy && self.rng.random_ratio(1, 8) {
                    jf = jt;
                } else if jf == jt && !lossy {
                    // max_offset > 0 here: another offset exists.
                    jf = if jt == 0 { 1 } else { jt - 1 };
                }
                let k = if src == bpf::K {
                    self.behaviour_k(hints)
                } else {
                    unused_k(self)
                };
                Insn::new(code, jt, jf, k)
            }
            34..=36 => Insn::stmt(RET_K, Action::ERRNO | site_errno(pc)),
            37 => self.behaviour_ret(pc, forms),
            _ => Insn::stmt(LD_ABS, self.pick(&[8, 12])),
        }
    }

    /// A valid instruction at `pc < len - 1`, given the slots known written.
    fn valid_insn(&mut self, pc: usize, len: usize, memvalid: u16) -> Insn {
        let room = len - pc - 1;
        let max_offset = (room - 1).min(255);
        let slot = self.rng.random_range(0..bpf::MEMWORDS);
        match self.rng.random_range(0..20) {
            0 => Insn::stmt(self.pick(&[LD_IMM, LDX_IMM]), self.any_k()),
            1..=3 => Insn::stmt(LD_ABS, 4 * self.rng.random_range(0..16)),
            4 => Insn::stmt(self.pick(&[LD_LEN, LDX_LEN]), 0),
            5 | 6 => {
                let written: Vec<u32> = (0..16).filter(|&s| memvalid & (1 << s) != 0).collect();
                if written.is_empty() {
                    Insn::stmt(self.pick(&[ST_MEM, STX_MEM]), slot)
                } else {
                    Insn::stmt(self.pick(&[LD_MEM, LDX_MEM]), self.pick(&written))
                }
            }
            7 | 8 => Insn::stmt(self.pick(&[ST_MEM, STX_MEM]), slot),
            9 | 10 => {
                let op = self.pick(&ALU_OPS);
                let k = match op {
                    bpf::DIV => self.any_k().max(1),
                    bpf::LSH | bpf::RSH => self.rng.random_range(0..32),
                    _ => self.any_k(),
                };
                Insn::stmt(bpf::ALU | op | bpf::K, k)
            }
            11 => Insn::stmt(bpf::ALU | self.pick(&ALU_OPS) | bpf::X, self.any_k()),
            12 => Insn::stmt(ALU_NEG, 0),
            13 => Insn::stmt(JMP_JA, self.rng.random_range(0..room as u32)),
            14..=16 => {
                let src = self.pick(&[bpf::K, bpf::X]);
                let code = bpf::JMP | self.pick(&COND_JUMPS) | src;
                let jt = self.rng.random_range(0..=max_offset) as u8;
                let jf = self.rng.random_range(0..=max_offset) as u8;
                Insn::new(code, jt, jf, self.any_k())
            }
            17 => self.ret(),
            _ => Insn::stmt(self.pick(&[MISC_TAX, MISC_TXA]), 0),
        }
    }

    /// An operand on either side of the limit the kernel puts on `code`'s
    /// operand (shift counts, divisors, scratch slots, seccomp_data offsets,
    /// jump spans), or any operand for other opcodes.
    pub fn limit_k(&mut self, code: u16, pc: usize, len: usize) -> u32 {
        use bpf::*;
        let room = len.saturating_sub(pc + 1) as u32;
        match code {
            c if c == ALU | LSH | K || c == ALU | RSH | K => self.pick(&[31, 32, 33, u32::MAX]),
            c if c == ALU | DIV | K || c == ALU | MOD | K => self.pick(&[0, 1]),
            LD_MEM | LDX_MEM | ST_MEM | STX_MEM => self.pick(&[0, 15, 16, 17]),
            c if bpf::class(c) == LD && mode(c) == ABS => {
                self.pick(&[0, 1, 2, 60, 61, 62, 63, 64, 68, SKF_AD_OFF, u32::MAX - 3])
            }
            JMP_JA => self.pick(&[room.saturating_sub(1), room, u32::MAX]),
            _ => self.any_k(),
        }
    }

    /// Applies one random mutation: another opcode, a flipped bit, a
    /// boundary operand or one at the limit of the opcode's rule, a jump to the end or past it, a cut, a dropped or
    /// inserted instruction, a misaligned data offset, a read of scratch
    /// memory, a last instruction that does not return.
    pub fn mutate(&mut self, prog: &mut Vec<Insn>) {
        if prog.is_empty() {
            prog.push(ALLOW);
        }
        let len = prog.len();
        let pc = self.rng.random_range(0..len);
        match self.rng.random_range(0..16) {
            13..=15 => {
                // An operand at the limit of the instruction's rule, maybe
                // for another opcode.
                if self.rng.random_bool(0.5) {
                    prog[pc].code = self.any_code();
                }
                prog[pc].k = self.limit_k(prog[pc].code, pc, len);
            }
            0 => prog[pc].code = self.any_code(),
            1 => prog[pc].code ^= 1 << self.rng.random_range(0..16),
            2 => prog[pc].k = self.any_k(),
            3 => prog[pc].k ^= 1 << self.rng.random_range(0..32),
            4 => prog[pc].jt = self.jump_offset(pc, len),
            5 => prog[pc].jf = self.jump_offset(pc, len),
            6 => prog.truncate(self.rng.random_range(0..len)),
            7 => {
                prog.remove(pc);
            }
            8 => {
                let insn = self.any_insn(pc, len + 1);
                prog.insert(pc, insn);
            }
            9 => {
                // To the last instruction or one past it.
                let room = (len - pc - 1) as u32;
                let over = self.rng.random_range(0..=1);
                prog[pc] = if self.rng.random_bool(0.5) {
                    Insn::stmt(JMP_JA, room.saturating_sub(1) + over)
                } else {
                    let code = bpf::JMP | self.pick(&COND_JUMPS) | self.pick(&[bpf::K, bpf::X]);
                    let far = (room.saturating_sub(1) + over).min(255) as u8;
                    Insn::new(code, far, self.jump_offset(pc, len), self.any_k())
                };
            }
            10 => {
                let k = self.pick(&[1, 2, 3, 5, 6, 62, 63, 64, 65, 68, 0x100, SKF_AD_OFF]);
                let code = self.pick(&[LD_ABS, LD_ABS, bpf::LD | bpf::H | bpf::ABS]);
                prog.insert(pc, Insn::stmt(code, k));
            }
            11 => {
                let code = self.pick(&[LD_MEM, LDX_MEM]);
                let slot = self.pick(&[0, 1, 7, 15, 15, 16]);
                prog.insert(pc, Insn::stmt(code, slot));
            }
            _ => {
                let last = self.any_insn(len - 1, len);
                prog[len - 1] = last;
            }
        }
    }

    /// Scratch memory in every branch shape: stores and loads of two slots
    /// around jumps, jump targets and returns, in programs of 2 to 12.
    pub fn scratch_program(&mut self) -> Vec<Insn> {
        let len = self.rng.random_range(2..=12);
        let slots = [self.rng.random_range(0..16), self.rng.random_range(0..16)];
        let mut prog = Vec::with_capacity(len);
        for pc in 0..len - 1 {
            let room = len - pc - 1;
            let max_offset = (room - 1).min(255);
            let slot = self.pick(&slots);
            let insn = match self.rng.random_range(0..20) {
                0..=4 => Insn::stmt(self.pick(&[ST_MEM, ST_MEM, STX_MEM]), slot),
                5..=9 => Insn::stmt(self.pick(&[LD_MEM, LD_MEM, LDX_MEM]), slot),
                10..=12 => Insn::stmt(JMP_JA, self.rng.random_range(0..room as u32)),
                13..=16 => {
                    let code = bpf::JMP | self.pick(&COND_JUMPS) | bpf::K;
                    let jt = self.rng.random_range(0..=max_offset) as u8;
                    let jf = self.rng.random_range(0..=max_offset) as u8;
                    Insn::new(code, jt, jf, self.rng.random_range(0..4))
                }
                17 | 18 => self.ret(),
                _ => Insn::stmt(LD_ABS, 0),
            };
            prog.push(insn);
        }
        prog.push(self.ret());
        prog
    }

    /// 4094 to 4098 instructions (mostly 4095 to 4097), valid or with one
    /// mutation that keeps the length.
    pub fn long_program(&mut self) -> Vec<Insn> {
        let len = self.pick(&[4094, 4095, 4095, 4096, 4096, 4096, 4097, 4097, 4098]);
        let mut prog = self.valid_program(len);
        if self.rng.random_bool(0.5) {
            let pc = self.rng.random_range(0..len);
            prog[pc] = match self.rng.random_range(0..4) {
                0 => self.any_insn(pc, len),
                1 => Insn::stmt(JMP_JA, (len - pc - 1) as u32),
                2 => Insn::stmt(LD_MEM, self.rng.random_range(0..16)),
                _ => Insn::stmt(LD_ABS, self.any_k()),
            };
        }
        prog
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use seccomp_asm::validate::validate;
    use std::collections::BTreeSet;

    #[test]
    fn a_case_depends_only_on_seed_and_index() {
        for index in [0, 1, 17, 99_999] {
            assert_eq!(case(7, index), case(7, index));
        }
        // Different streams and seeds give different programs (the
        // chance that 20 cases all collide is nil).
        let a: Vec<_> = (0..20).map(|i| case(7, i).program).collect();
        let b: Vec<_> = (0..20).map(|i| case(8, i).program).collect();
        assert_ne!(a, b);
        assert_ne!(case(7, 0).program, case(7, 1).program);
    }

    #[test]
    fn opcode_tables() {
        assert_eq!(seccomp_opcodes().len(), 41);
        let classic = classic_opcodes();
        assert_eq!(classic.len(), 49);
        assert!(classic.contains(&0xb1) && classic.contains(&0x94) && classic.contains(&0x50));
        assert!(!classic.contains(&0x0e));
    }

    #[test]
    fn valid_programs_pass_the_validator() {
        let mut g = Generator::new(1, 0);
        for len in (1..200).chain([4095, 4096]) {
            let prog = g.valid_program(len);
            assert_eq!(prog.len(), len);
            assert_eq!(validate(&prog), Ok(()), "{prog:?}");
        }
    }

    #[test]
    fn exact_forms() {
        let exact = [
            Insn::stmt(RET_K, Action::ERRNO | 5),
            Insn::stmt(RET_K, Action::TRAP | 5),
            Insn::stmt(RET_K, Action::TRACE | 5),
            Insn::stmt(RET_K, 0x1234_5678),
            Insn::stmt(RET_K, Action::ALLOW),
            Insn::new(0x15, 1, 0, 7),
            Insn::new(0x1d, 0, 1, 0),
            Insn::stmt(0x3c, 0),
            Insn::stmt(0x34, 3),
            Insn::stmt(JMP_JA, 4),
        ];
        let lossy = [
            Insn::stmt(LD_LEN, 0),
            Insn::stmt(LDX_LEN, 0),
            Insn::stmt(RET_K, Action::ALLOW | 1),
            Insn::stmt(RET_K, Action::KILL_PROCESS | 1),
            Insn::stmt(RET_K, 1),
            Insn::stmt(RET_K, Action::LOG | 1),
            Insn::stmt(RET_K, Action::USER_NOTIF | 1),
            Insn::new(0x15, 0, 0, 7),
            Insn::new(0x15, 3, 3, 7),
            Insn::new(0x1d, 0, 1, 9),
            Insn::stmt(0x3c, 1),
            Insn::stmt(RET_A, 1),
            Insn::stmt(ALU_NEG, 1),
            Insn::stmt(MISC_TAX, 1),
            Insn::new(LD_IMM, 1, 0, 3),
            Insn::new(JMP_JA, 0, 1, 3),
        ];
        for insn in exact {
            assert!(is_exact(insn), "{insn:?}");
        }
        for insn in lossy {
            assert!(!is_exact(insn), "{insn:?}");
        }
    }

    #[test]
    fn programs_in_forms_are_valid() {
        let mut g = Generator::new(4, 0);
        let hints = [0, 59, 0xc000_003e];
        let mut lossy = 0;
        for len in 1..300 {
            let exact = [
                g.valid_program_in(len, Forms::Exact),
                g.behaviour_program(len, Forms::Exact, &hints),
            ];
            for prog in exact {
                assert_eq!(validate(&prog), Ok(()), "{prog:?}");
                assert!(prog.iter().all(|&i| is_exact(i)), "{prog:?}");
            }
            for prog in [
                g.valid_program_in(len, Forms::Lossy),
                g.behaviour_program(len, Forms::Lossy, &hints),
            ] {
                assert_eq!(validate(&prog), Ok(()), "{prog:?}");
                lossy += prog.iter().filter(|&&i| !is_exact(i)).count();
            }
        }
        assert!(lossy > 300, "{lossy}");
    }

    #[test]
    fn long_programs_straddle_the_length_limit() {
        let mut g = Generator::new(2, 0);
        let lens: BTreeSet<usize> = (0..60).map(|_| g.long_program().len()).collect();
        assert_eq!(lens, BTreeSet::from([4094, 4095, 4096, 4097, 4098]));
    }

    #[test]
    fn cases_cover_every_kind_and_the_opcode_space() {
        let cases: Vec<Case> = (0..3000).map(|i| case(3, i)).collect();
        let kinds: BTreeSet<Kind> = cases.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, Kind::ALL.into_iter().collect());
        let insns = || cases.iter().flat_map(|c| c.program.iter());
        let codes: BTreeSet<u16> = insns().map(|i| i.code).collect();
        for code in 0..=0xff {
            assert!(codes.contains(&code), "opcode {code:#x} never generated");
        }
        assert!(codes.iter().any(|&c| c > 0xff && allowed(c & 0xff)));
        let ancillary = |i: &&Insn| i.k >= SKF_AD_OFF && bpf::class(i.code) == bpf::LD;
        assert!(insns().filter(ancillary).count() > 10);
    }
}
