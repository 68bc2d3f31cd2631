//! The forward data-flow pass behind the disassembler's names.
//!
//! Takes a program's instructions (read through [`crate::decoder`]); gives
//! the [`LineFacts`] of each line, one line at a time ([`Pass`]) or as a
//! table of them all ([`Analysis`]).
//!
//! seccomp-tools walks a filter from the first line to the last, carrying the
//! set of machine states that can reach each line: what A and X hold (a
//! constant, one word of `seccomp_data`, or something it cannot describe),
//! what each scratch slot holds, and which words the path has pinned with an
//! `==` test. Conditional jumps fork both ways whatever their operands; only
//! the taken branch of `==`, when A holds a plain data word and the other side
//! is a known constant, records "word == constant". Jumps only go forward, so
//! one pass in line order sees every predecessor of a line before the line.
//!
//! The disassembler names a constant from these sets: a `sys_number` compared
//! with `==` becomes a syscall name, an `arch` an `ARCH_*` constant, and an
//! argument load gets the argument's name when every path pins one syscall.
//! [`Analysis`] reproduces the reference's results exactly, including its
//! quirks: a path that pins a word twice keeps the *first* value (so
//! contradictory over-approximated paths can spoil argument names), and an
//! unreachable line has no facts at all (its constants print in decimal).
//!
//! States are kept exactly as far as they can change what is printed, and no
//! further: pins of words other than `sys_number` and `arch` matter only to an
//! `A == X` test, a scratch slot only if something reads it, X only if it is
//! ever copied to A, stored, or compared with `==`. And since the pass forks
//! every jump whatever the values, states that differ only in the values they
//! pinned travel together; they are merged into one group that remembers,
//! per word, one value or "several" (see `State`). So the sets stay small
//! where many paths meet, and the pass is about linear in the program.

use crate::bpf::Reg;
use crate::decoder::{Cmp, Op, Operand, Source, Undecodable};
use crate::insn::Insn;
use std::collections::BTreeMap;

/// What a register or scratch slot holds, as far as the pass can tell.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
enum Value {
    Imm(u32),
    /// The word of `seccomp_data` at this byte offset, untransformed.
    Data(u32),
    Opaque,
}

/// Scratch slots tracked: the kernel's 16, plus the 17th that seccomp-tools
/// grows into when a filter stores to `mem[16]` (the kernel refuses that).
const SLOTS: usize = 17;

/// Byte offsets of the two words whose pins the listing shows.
const SYS_NUMBER: u32 = 0;
const ARCH: u32 = 4;

/// The value a word is pinned to, across a group of merged states.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
enum Pin {
    One(u32),
    /// Different values on different paths of the group.
    Many,
}

impl Pin {
    fn union(self, other: Pin) -> Pin {
        if self == other {
            self
        } else {
            Pin::Many
        }
    }
}

/// A group of machine states that agree on everything but the values of
/// their pins, reduced to what can still change the listing.
///
/// The pass forks every conditional jump whatever the values involved, so
/// states that differ only in which values they pinned follow the same lines
/// forever, and pin a word (or not) at the same places. The listing only ever
/// asks whether all states at a line pinned one value, so a group keeps, per
/// pinned word, its one value or [`Pin::Many`]. This is exact, and keeps the
/// sets small where many paths, each pinning its own syscall, meet.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
struct State {
    a: Value,
    x: Value,
    /// The pins of `sys_number` and `arch`, which every filter makes; only
    /// the first pin of a word on a path counts.
    sys_number: Option<Pin>,
    arch: Option<Pin>,
    /// Scratch slots and the pins of other words, in the programs where they
    /// matter (see [`Relevance`]). Most programs need neither, and then a
    /// state is a few words, cheap to copy from line to line.
    more: Option<Box<More>>,
    /// The state that stands for every state the pass gave up tracking (see
    /// [`MAX_GROUPS`]): every word counts as pinned to several values, so
    /// nothing it leads to can claim a pin the real paths would not have.
    given_up: bool,
}

/// The parts of a [`State`] only some programs need.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
struct More {
    /// The slots something reads, in slot order (see [`Relevance::slot`]).
    mem: Vec<Value>,
    /// `(offset, pin)` for words other than `sys_number` and `arch`, sorted
    /// by offset.
    others: Vec<(u32, Pin)>,
}

impl State {
    fn initial(rel: &Relevance) -> State {
        State {
            a: Value::Imm(0),
            x: Value::Imm(0),
            sys_number: None,
            arch: None,
            given_up: false,
            more: (rel.slots > 0).then(|| {
                Box::new(More {
                    mem: vec![Value::Opaque; rel.slots],
                    others: Vec::new(),
                })
            }),
        }
    }

    fn mem(&self) -> &[Value] {
        self.more.as_ref().map_or(&[], |more| &more.mem)
    }

    fn others(&self) -> &[(u32, Pin)] {
        self.more.as_ref().map_or(&[], |more| &more.others)
    }

    fn more_mut(&mut self) -> &mut More {
        self.more.get_or_insert_with(Box::default)
    }

    /// The state standing for all the states of a line the pass gives up
    /// on: it knows nothing of A, X and the scratch slots, and every word is
    /// pinned to several values.
    fn given_up(rel: &Relevance) -> State {
        State {
            a: Value::Opaque,
            x: Value::Opaque,
            sys_number: Some(Pin::Many),
            arch: Some(Pin::Many),
            given_up: true,
            more: (rel.slots > 0).then(|| {
                Box::new(More {
                    mem: vec![Value::Opaque; rel.slots],
                    others: Vec::new(),
                })
            }),
        }
    }

    fn pinned(&self, offset: u32) -> Option<Pin> {
        if self.given_up {
            return Some(Pin::Many);
        }
        match offset {
            SYS_NUMBER => self.sys_number,
            ARCH => self.arch,
            _ => {
                let others = self.others();
                others
                    .binary_search_by_key(&offset, |&(o, _)| o)
                    .ok()
                    .map(|i| others[i].1)
            }
        }
    }

    /// Records `word == pin` unless the word is already pinned.
    fn pin(&mut self, offset: u32, pin: Pin) {
        if self.given_up {
            return;
        }
        match offset {
            SYS_NUMBER => {
                self.sys_number.get_or_insert(pin);
            }
            ARCH => {
                self.arch.get_or_insert(pin);
            }
            _ => {
                let others = &mut self.more_mut().others;
                if let Err(i) = others.binary_search_by_key(&offset, |&(o, _)| o) {
                    others.insert(i, (offset, pin));
                }
            }
        }
    }

    /// Orders states by what a group shares: everything but pin values.
    fn cmp_shape(&self, other: &State) -> core::cmp::Ordering {
        let shape = |s: &State| {
            (
                s.a,
                s.x,
                s.sys_number.is_some(),
                s.arch.is_some(),
                s.given_up,
            )
        };
        shape(self)
            .cmp(&shape(other))
            .then_with(|| self.mem().cmp(other.mem()))
            .then_with(|| {
                let theirs = other.others().iter().map(|&(o, _)| o);
                self.others().iter().map(|&(o, _)| o).cmp(theirs)
            })
    }

    /// Whether two states have the same shape: [`State::cmp_shape`] is
    /// equal, found without ordering them.
    fn same_shape(&self, other: &State) -> bool {
        self.a == other.a
            && self.x == other.x
            && self.given_up == other.given_up
            && self.sys_number.is_some() == other.sys_number.is_some()
            && self.arch.is_some() == other.arch.is_some()
            && (self.more.is_none() && other.more.is_none()
                || self.mem() == other.mem()
                    && self.others().len() == other.others().len()
                    && (self.others().iter())
                        .zip(other.others())
                        .all(|(m, t)| m.0 == t.0))
    }

    /// Merges a state of the same shape into this group.
    fn absorb(&mut self, other: &State) {
        let union = |mine: &mut Option<Pin>, theirs: Option<Pin>| {
            if let (Some(m), Some(t)) = (mine.as_mut(), theirs) {
                *m = m.union(t);
            }
        };
        union(&mut self.sys_number, other.sys_number);
        union(&mut self.arch, other.arch);
        if let Some(more) = &mut self.more {
            for (mine, theirs) in more.others.iter_mut().zip(other.others()) {
                mine.1 = mine.1.union(theirs.1);
            }
        }
    }
}

/// Merges the states reaching a line into groups of one shape each, in place.
fn merge(states: &mut Vec<State>) {
    if states.len() < 2 {
        return;
    }
    if let [first, second] = &mut states[..] {
        // The common meeting of two paths: no sort needed.
        if first.same_shape(second) {
            first.absorb(second);
            states.pop();
        }
        return;
    }
    states.sort_unstable_by(State::cmp_shape);
    // `dedup_by` hands each state with the last group kept before it.
    states.dedup_by(|state, group| {
        let same = group.same_shape(state);
        if same {
            group.absorb(state);
        }
        same
    });
}

/// Adds a state to those waiting at a line. Where many paths meet (a
/// thousand tests jumping to one `return ALLOW`), the states would pile up
/// until the line is reached. Paths that meet mostly come in a row with the
/// same shape, so a state like the last one is merged into it at once; and
/// a full buffer is merged before it grows, which keeps it about as small
/// as its groups for the price of one more sort each time it doubles.
fn add(states: &mut Vec<State>, state: State) {
    const MERGE_FROM: usize = 8;
    if let Some(last) = states.last_mut() {
        if last.same_shape(&state) {
            last.absorb(&state);
            return;
        }
    }
    if states.len() == states.capacity() && states.len() >= MERGE_FROM {
        merge(states);
    }
    states.push(state);
}

/// Which parts of a state can influence the listing, decided once from the
/// whole program (every line, reachable or not, so the choice is safe).
struct Relevance {
    /// Pins of words other than `sys_number` and `arch`: read only when an
    /// `A == X` test resolves X through the path's pins.
    other_pins: bool,
    x: bool,
    /// For each scratch slot something reads, its index in `State::mem`.
    slot: [Option<u8>; SLOTS],
    slots: usize,
}

impl Relevance {
    fn of(ops: impl Iterator<Item = Op>) -> Relevance {
        let mut mem = [false; SLOTS];
        // Slots X is stored to: X matters if one of them is read.
        let mut x_stored = [false; SLOTS];
        let mut jeq_x = false;
        let mut txa = false;
        for op in ops {
            match op {
                Op::Load {
                    src: Source::Mem(k),
                    ..
                } if (k as usize) < SLOTS => mem[k as usize] = true,
                Op::Store { src: Reg::X, slot } if (slot as usize) < SLOTS => {
                    x_stored[slot as usize] = true
                }
                Op::Jump {
                    cmp: Cmp::Eq,
                    operand: Operand::X,
                    jt,
                    jf,
                } if jt != jf => jeq_x = true,
                Op::Txa => txa = true,
                _ => {}
            }
        }
        let stx = mem
            .iter()
            .zip(&x_stored)
            .any(|(&read, &stored)| read && stored);
        let mut slot = [None; SLOTS];
        let mut slots = 0;
        for (k, read) in mem.iter().enumerate() {
            if *read {
                slot[k] = Some(slots as u8);
                slots += 1;
            }
        }
        Relevance {
            other_pins: jeq_x,
            x: jeq_x || txa || stx,
            slot,
            slots,
        }
    }
}

/// What every state reaching one line agrees on.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct LineFacts {
    /// Whether any path from the first line reaches this one (jumps are
    /// followed both ways whatever their operands).
    pub reachable: bool,
    /// The byte offset of the `seccomp_data` word A holds, untransformed, on
    /// every reaching path.
    pub a_word: Option<u32>,
    /// The `arch` value every reaching path has pinned with an `==` test.
    ///
    /// As seccomp-tools computes it: a path's pin is its *first* `==` test
    /// of the word, and paths no input can take (both branches of every
    /// jump are followed) count too.
    pub arch: Option<u32>,
    /// The `sys_number` every reaching path has pinned, in the same sense.
    pub sys_number: Option<u32>,
}

/// The facts of every line of a program.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Analysis {
    lines: Vec<LineFacts>,
    gave_up_at: Option<usize>,
}

impl Analysis {
    /// Runs the pass over a program.
    pub fn new(insns: &[Insn]) -> Analysis {
        let mut pass = Pass::new(insns);
        let lines = pass.by_ref().collect();
        Analysis {
            lines,
            gave_up_at: pass.gave_up_at(),
        }
    }

    /// The first line where the pass stopped tracking states exactly (see
    /// [`MAX_GROUPS`]); the facts from there on are only those it can be sure of.
    pub fn gave_up_at(&self) -> Option<usize> {
        self.gave_up_at
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether the program has no lines.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The facts of line `pc` (default, all empty, past the end).
    pub fn facts(&self, pc: usize) -> LineFacts {
        self.lines.get(pc).copied().unwrap_or_default()
    }

    /// Every line's facts, in order.
    pub fn lines(&self) -> &[LineFacts] {
        &self.lines
    }

    /// Whether any path from the first line reaches line `pc` (`false` past
    /// the end).
    pub fn reachable(&self, pc: usize) -> bool {
        self.facts(pc).reachable
    }

    /// The `arch` value pinned on every path reaching line `pc`.
    pub fn arch(&self, pc: usize) -> Option<u32> {
        self.facts(pc).arch
    }

    /// The `sys_number` value pinned on every path reaching line `pc`.
    pub fn sys_number(&self, pc: usize) -> Option<u32> {
        self.facts(pc).sys_number
    }

    /// The `seccomp_data` word A holds on every path reaching line `pc`.
    pub fn a_word(&self, pc: usize) -> Option<u32> {
        self.facts(pc).a_word
    }
}

/// The most groups of states the pass follows into one line.
///
/// Paths that each leave different values in the registers or scratch slots
/// cannot share a group, and a filter can be built so that their number
/// multiplies with every few lines (pick one of three values, store it, ten
/// times over, and read the slots back): tracking them all, as seccomp-tools
/// does, takes exponential time. Real filters have a handful of groups per
/// line. Past this many, the line's states are replaced by one that knows
/// nothing and pins every word to "several values": from there on the
/// listing names nothing it cannot be sure of (constants print as on a line
/// with no facts), and [`Pass::gave_up_at`] tells where.
pub const MAX_GROUPS: usize = 256;

/// Lines ahead of the current one whose states are kept in [`Pass::near`]:
/// a conditional jump reaches at most 256 lines ahead (`pc + 1 + 255`).
const NEAR: usize = 256;

/// The pass itself, one line at a time: the facts of line 0, then line 1,
/// and so on. A caller that prints lines as they come (the listing) needs
/// no table of every line's facts.
pub struct Pass<'a> {
    insns: &'a [Insn],
    rel: Relevance,
    pc: usize,
    /// The states waiting at each of the next [`NEAR`] lines, in a ring:
    /// line `t` uses slot `t % (NEAR + 1)`. Every successor of a line but an
    /// unconditional jump lands here, so a program needs only this small
    /// ring, and its buffers are reused from line to line.
    near: Vec<Vec<State>>,
    /// The states waiting at lines farther ahead (targets of `goto`s).
    far: BTreeMap<usize, Vec<State>>,
    /// The first line where the states exceeded [`MAX_GROUPS`].
    gave_up_at: Option<usize>,
}

impl<'a> Pass<'a> {
    /// The first line, among those passed so far, where the pass stopped
    /// tracking states exactly (see [`MAX_GROUPS`]).
    pub fn gave_up_at(&self) -> Option<usize> {
        self.gave_up_at
    }

    /// A pass over a program, positioned before its first line.
    pub fn new(insns: &'a [Insn]) -> Pass<'a> {
        let rel = Relevance::of(insns.iter().map(|&i| Op::of(i)));
        let mut near = vec![Vec::new(); (NEAR + 1).min(insns.len())];
        if let Some(first) = near.first_mut() {
            first.push(State::initial(&rel));
        }
        Pass {
            insns,
            rel,
            pc: 0,
            near,
            far: BTreeMap::new(),
            gave_up_at: None,
        }
    }
}

impl Iterator for Pass<'_> {
    type Item = LineFacts;

    fn next(&mut self) -> Option<LineFacts> {
        let pc = self.pc;
        let insn = *self.insns.get(pc)?;
        self.pc += 1;
        let slots = self.near.len();
        let mut states = core::mem::take(&mut self.near[pc % slots]);
        if self
            .far
            .first_key_value()
            .is_some_and(|(&line, _)| line == pc)
        {
            if let Some((_, far)) = self.far.pop_first() {
                states.extend(far);
            }
        }
        merge(&mut states);
        if states.len() > MAX_GROUPS {
            states.clear();
            states.push(State::given_up(&self.rel));
            self.gave_up_at.get_or_insert(pc);
        }
        let line = facts(&states);
        let (near, far, end) = (&mut self.near, &mut self.far, self.insns.len());
        let op = Op::of(insn);
        for state in states.drain(..) {
            step(op, insn, pc, state, &self.rel, |target, next| {
                if target >= end {
                    // Past the last line: dropped.
                } else if target - pc <= NEAR {
                    add(&mut near[target % slots], next);
                } else {
                    add(far.entry(target).or_default(), next);
                }
            });
        }
        // Keep the emptied buffer's capacity for the line `slots` ahead.
        self.near[pc % slots] = states;
        Some(line)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.insns.len() - self.pc;
        (left, Some(left))
    }
}

/// Summarises the groups of states reaching one line.
fn facts(groups: &[State]) -> LineFacts {
    let Some(first) = groups.first() else {
        return LineFacts::default();
    };
    // A word is pinned to one value at the line if every group pinned it to
    // that same value.
    let agreed = |offset: u32| match first.pinned(offset) {
        Some(Pin::One(v)) if groups.iter().all(|g| g.pinned(offset) == Some(Pin::One(v))) => {
            Some(v)
        }
        _ => None,
    };
    LineFacts {
        reachable: true,
        a_word: match first.a {
            Value::Data(offset) if groups.iter().all(|g| g.a == first.a) => Some(offset),
            _ => None,
        },
        arch: agreed(ARCH),
        sys_number: agreed(SYS_NUMBER),
    }
}

/// The successors of one state through the instruction at `pc`: calls `emit`
/// with each target line and the state there.
fn step(
    op: Op,
    insn: Insn,
    pc: usize,
    mut state: State,
    rel: &Relevance,
    mut emit: impl FnMut(usize, State),
) {
    let next = pc + 1;
    // Jump targets are computed wide: `k` is 32 bits and may point far past
    // the end, where the target is simply dropped.
    let target = |off: u64| usize::try_from(pc as u64 + 1 + off).unwrap_or(usize::MAX);
    match op {
        Op::Load { dst, src } => {
            let value = match src {
                Source::Imm(k) => Value::Imm(k),
                Source::Len => Value::Imm(crate::data::SECCOMP_DATA_SIZE),
                Source::Mem(k) => match rel.slot.get(k as usize) {
                    Some(&Some(i)) => state.mem()[usize::from(i)],
                    _ => Value::Opaque,
                },
                Source::Data(k) => Value::Data(k),
            };
            match dst {
                Reg::A => state.a = value,
                Reg::X if rel.x => state.x = value,
                Reg::X => {}
            }
            emit(next, state);
        }
        Op::Store { src, slot } => {
            if let Some(&Some(i)) = rel.slot.get(slot as usize) {
                let value = match src {
                    Reg::A => state.a,
                    Reg::X => state.x,
                };
                state.more_mut().mem[usize::from(i)] = value;
            }
            emit(next, state);
        }
        Op::Alu { .. } | Op::Neg | Op::Undecodable(Undecodable::AluOp) => {
            state.a = Value::Opaque;
            emit(next, state);
        }
        Op::Undecodable(Undecodable::LoadMode) => {
            // seccomp-tools stops on it; the class bit still says which
            // register it would load.
            if insn.code & 0x07 == 0 {
                state.a = Value::Opaque;
            } else if rel.x {
                state.x = Value::Opaque;
            }
            emit(next, state);
        }
        Op::Tax => {
            if rel.x {
                state.x = state.a;
            }
            emit(next, state);
        }
        Op::Txa => {
            state.a = state.x;
            emit(next, state);
        }
        Op::Undecodable(Undecodable::MiscOp) => emit(next, state),
        Op::Ja { k } => emit(target(u64::from(k)), state),
        Op::Jump { jt, jf, .. } if jt == jf => emit(target(u64::from(jt)), state),
        Op::Jump {
            cmp,
            operand,
            jt,
            jf,
        } => {
            let mut taken = state.clone();
            if cmp == Cmp::Eq {
                narrow(&mut taken, operand, rel);
            }
            emit(target(u64::from(jt)), taken);
            emit(target(u64::from(jf)), state);
        }
        Op::Undecodable(Undecodable::JumpOp) => {
            // seccomp-tools stops on it; its two offsets are still the only
            // places it could go, and it tests nothing the pass understands.
            let (jt, jf) = (u64::from(insn.jt), u64::from(insn.jf));
            if jt != jf {
                emit(target(jt), state.clone());
            }
            emit(target(jf), state);
        }
        Op::RetA | Op::RetK(_) => {}
    }
}

/// The taken branch of `A == operand` learns `word == constant` when A is a
/// plain data word and the operand is, or resolves through the path's pins
/// to, a constant.
fn narrow(state: &mut State, operand: Operand, rel: &Relevance) {
    let Value::Data(offset) = state.a else {
        return;
    };
    let pin = match operand {
        Operand::K(k) => Some(Pin::One(k)),
        Operand::X => match state.x {
            Value::Imm(v) => Some(Pin::One(v)),
            Value::Data(o) => state.pinned(o),
            Value::Opaque => None,
        },
    };
    if let Some(pin) = pin {
        if offset == SYS_NUMBER || offset == ARCH || rel.other_pins {
            state.pin(offset, pin);
        }
    }
}
