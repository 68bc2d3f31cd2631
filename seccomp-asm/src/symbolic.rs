//! Symbolic execution: every path of a filter, from its first instruction to
//! a return, with the facts that lead there.
//!
//! Takes instructions as seccomp-tools reads them ([`Op::of`]) and gives a
//! [`Walk`]: the reachable returns ([`Leaf`]), each with its path condition
//! (the conditional jumps taken and not taken, as [`Constraint`]s on
//! [`Expr`]essions over the words of `seccomp_data`) and the value returned.
//! [`crate::explain`] and [`crate::audit`] read a walk; the disassembler's
//! data-flow pass ([`crate::dataflow`]) is the same machine model with the
//! states of all paths merged at each line, which is why it is linear where
//! this walk is exponential.
//!
//! The walk is seccomp-tools' `Symbolic::Executor`, step for step: a
//! depth-first search that forks every conditional jump whose outcome is not
//! decided by two constants (the jump-if-false side is explored first), skips
//! a `(line, state)` pair it has seen, and stops after [`STEP_CAP`] states,
//! marking the walk truncated. Paths whose conditions contradict each other
//! on one plain data word are dropped at the end ([`Walk::feasible`]).
//!
//! What differs from the reference is only how states are stored:
//! expressions, scratch memories and paths are interned (hash-consed) so a
//! state is five numbers, a path is a node of a shared tree, and the visited
//! set and the leaves cost a few words each instead of a copy of the path.
//! Memory is therefore bounded by the step cap, whatever the filter.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use crate::bpf::{AluOp, Reg};
use crate::data::offset;
use crate::decoder::{Cmp, Op, Operand, Source};
use crate::disasm::Unsupported;
use crate::insn::Insn;

/// States the walk visits at most before it gives up and reports itself
/// truncated (seccomp-tools' `STEP_CAP`; equal so that both tools truncate
/// the same filters at the same point).
pub const STEP_CAP: usize = 100_000;

/// An expression in a [`Walk`]'s arena.
pub type ExprId = u32;
/// A path condition: a node of a [`Walk`]'s tree of paths; [`ROOT`] is the
/// empty condition.
pub type PathId = u32;
/// The empty path condition.
pub const ROOT: PathId = 0;

/// A value the walk knows symbolically.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Expr {
    /// A known 32-bit constant.
    Imm(u32),
    /// The 32-bit word of `seccomp_data` at this byte offset, untransformed.
    Data(u32),
    /// A binary ALU operation on two expressions.
    Bin(AluOp, ExprId, ExprId),
    /// `-e` (two's complement).
    Neg(ExprId),
    /// A value nothing can be said about (a scratch slot read before it was
    /// written, which the kernel refuses, or anything computed from one).
    Opaque,
}

/// How a constraint compares its two sides.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Rel {
    /// `lhs == rhs`.
    Eq,
    /// `lhs != rhs`.
    Ne,
    /// `lhs > rhs`, unsigned.
    Gt,
    /// `lhs >= rhs`, unsigned.
    Ge,
    /// `lhs < rhs`, unsigned.
    Lt,
    /// `lhs <= rhs`, unsigned.
    Le,
    /// `(lhs & rhs) != 0`, the taken side of `jset`.
    Set,
    /// `(lhs & rhs) == 0`.
    Unset,
}

impl Rel {
    /// The same comparison with its sides swapped (`5 > x` is `x < 5`).
    pub const fn mirror(self) -> Rel {
        match self {
            Rel::Gt => Rel::Lt,
            Rel::Ge => Rel::Le,
            Rel::Lt => Rel::Gt,
            Rel::Le => Rel::Ge,
            other => other,
        }
    }

    /// Applies the comparison to two values. Wider than 32 bits so that the
    /// bounds derived from constants (`> k` is `>= k + 1`) cannot wrap.
    pub const fn holds(self, value: i64, k: i64) -> bool {
        match self {
            Rel::Eq => value == k,
            Rel::Ne => value != k,
            Rel::Gt => value > k,
            Rel::Ge => value >= k,
            Rel::Lt => value < k,
            Rel::Le => value <= k,
            Rel::Set => value & k != 0,
            Rel::Unset => value & k == 0,
        }
    }

    /// The operator as conditions print it (`==`, `<=`, ...); the bit tests
    /// have none of their own.
    pub const fn symbol(self) -> &'static str {
        match self {
            Rel::Eq => "==",
            Rel::Ne => "!=",
            Rel::Gt => ">",
            Rel::Ge => ">=",
            Rel::Lt => "<",
            Rel::Le => "<=",
            Rel::Set => "&",
            Rel::Unset => "!&",
        }
    }

    /// The facts learnt on the taken and the not-taken side of a jump.
    const fn split(cmp: Cmp) -> (Rel, Rel) {
        match cmp {
            Cmp::Eq => (Rel::Eq, Rel::Ne),
            Cmp::Gt => (Rel::Gt, Rel::Le),
            Cmp::Ge => (Rel::Ge, Rel::Lt),
            Cmp::Set => (Rel::Set, Rel::Unset),
        }
    }
}

/// One fact on a path: `lhs rel rhs`. A lone constant is always on the
/// right (a constraint built with it on the left is mirrored).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Constraint {
    /// The left-hand side: the tested expression.
    pub lhs: ExprId,
    /// How the sides compare.
    pub rel: Rel,
    /// The right-hand side: a constant, or another expression such as X.
    pub rhs: ExprId,
}

/// A reached return.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Leaf {
    /// The path condition.
    pub path: PathId,
    /// The value returned.
    pub ret: ExprId,
    /// The line of the return.
    pub pc: usize,
    /// The divisors on the path that are not constants: the kernel ends the
    /// filter with 0 (kill) when one of them is 0 at run time, so the leaf
    /// is reached only when none is. seccomp-tools does not model this; it
    /// does not change what is printed.
    pub divisors: DivId,
}

/// A set of run-time divisors (see [`Leaf::divisors`]); [`NO_DIVISORS`] is
/// the empty one.
pub type DivId = u32;
/// No run-time division on the path.
pub const NO_DIVISORS: DivId = 0;

/// Why a filter cannot be walked.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum WalkError {
    /// The walk reached an instruction seccomp-tools cannot read.
    Unsupported(Unsupported),
    /// The walk reached a store to or load from a scratch slot the machine
    /// does not have (the kernel refuses such a filter).
    Slot {
        /// The line of the load or store.
        pc: usize,
        /// The slot it names, 16 or more.
        slot: u32,
    },
}

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WalkError::Unsupported(u) => u.fmt(f),
            WalkError::Slot { pc, slot } => write!(
                f,
                "Line {pc} is invalid: scratch memory has 16 slots, mem[{slot}] is out of range"
            ),
        }
    }
}

impl std::error::Error for WalkError {}

/// A node of the tree of paths: the path of `parent` plus one fact.
#[derive(Clone, Copy, Debug)]
struct Node {
    parent: PathId,
    fact: Constraint,
    len: u32,
    /// The line of the jump that first added this fact after this parent.
    pc: u32,
    /// What the path up to and including this node amounts to (see
    /// [`Walk::feasible`]), kept as the walk goes so that reading a leaf
    /// does not mean reading its whole path.
    feasible: bool,
    /// The path has a plain fact on a word the kernel does not let a filter
    /// read (an offset that is not a multiple of 4 below 64); its summaries
    /// then do not cover that word.
    odd: bool,
    /// The aligned words pinned by `==`, one bit per word.
    pinned: u16,
    /// For each aligned word, the last node of the path with a plain fact on
    /// it ([`ROOT`] when none).
    last: [PathId; 16],
    /// When this node's fact is a plain fact on an aligned word, what the
    /// path knows of that word.
    cell: Cell,
    /// The last node of the path whose fact is not a plain one (an
    /// expression compared with a constant, or with X).
    compound: PathId,
    /// A jump pointer to an ancestor (skew-binary, after Myers), so that
    /// the ancestor at any depth is found in logarithmic time.
    jump: PathId,
}

/// What a path knows of one data word: its `==` value, and the bounds its
/// other facts put on it (`has_lo`/`has_hi`: some fact gave a bound).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Cell {
    /// The value an `==` fact pins the word to, if any.
    pub eq: Option<u32>,
    /// The depth (1 for the first fact) of the first `==` fact.
    pub eq_depth: u32,
    /// The least value the `>` and `>=` facts leave (0 when there are none).
    pub lo: i64,
    /// The greatest value the `<` and `<=` facts leave (`0xffff_ffff` when there
    /// are none).
    pub hi: i64,
    /// Whether some `>` or `>=` fact gave [`Cell::lo`].
    pub has_lo: bool,
    /// Whether some `<` or `<=` fact gave [`Cell::hi`].
    pub has_hi: bool,
    /// The bits `(word & m) == 0` facts clear, together.
    unset: u32,
    /// Some `(word & m) != 0` fact is on the path.
    has_set: bool,
}

impl Cell {
    const FREE: Cell = Cell {
        eq: None,
        eq_depth: 0,
        lo: 0,
        hi: 0xffff_ffff,
        has_lo: false,
        has_hi: false,
        unset: 0,
        has_set: false,
    };
}

/// The cheap hasher the interning tables use (the keys are small integers).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Fx = BuildHasherDefault<FxHasher>;

/// Values numbered by first appearance, each kept once.
struct Interner<T> {
    items: Vec<T>,
    index: HashMap<T, u32, Fx>,
}

impl<T: Copy + Eq + Hash> Interner<T> {
    fn new() -> Self {
        Interner {
            items: Vec::new(),
            index: HashMap::default(),
        }
    }

    fn intern(&mut self, item: T) -> u32 {
        if let Some(&id) = self.index.get(&item) {
            return id;
        }
        let id = self.items.len() as u32;
        self.items.push(item);
        self.index.insert(item, id);
        id
    }
}

/// The machine at one point of one path.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
struct State {
    a: ExprId,
    x: ExprId,
    mem: u32,
    path: PathId,
    divisors: DivId,
}

/// Every path of a filter (see the module documentation).
pub struct Walk {
    exprs: Vec<Expr>,
    nodes: Vec<Node>,
    /// Divisor sets: each is a divisor and the set it extends.
    divisor_sets: Vec<(ExprId, DivId)>,
    leaves: Vec<Leaf>,
    truncated: bool,
    steps: usize,
    /// For each expression, its operations and depth (saturating).
    sizes: Vec<(u32, u32)>,
}

impl fmt::Debug for Walk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Walk")
            .field("leaves", &self.leaves.len())
            .field("truncated", &self.truncated)
            .field("steps", &self.steps)
            .finish()
    }
}

/// Data words a scratch slot starts with: nothing is known of them.
const OPAQUE: ExprId = 0;

struct Executor<'a> {
    insns: &'a [Insn],
    exprs: Interner<Expr>,
    mems: Interner<[ExprId; 16]>,
    nodes: Vec<Node>,
    node_index: HashMap<(PathId, Constraint), PathId, Fx>,
    divisor_sets: Interner<(ExprId, DivId)>,
    /// The nodes of each `word != value` fact, for the check an `==` on the
    /// word makes.
    ne_index: HashMap<(u8, u32), Vec<PathId>, Fx>,
}

impl Executor<'_> {
    fn imm(&mut self, v: u32) -> ExprId {
        self.exprs.intern(Expr::Imm(v))
    }

    fn expr(&self, id: ExprId) -> Expr {
        self.exprs.items[id as usize]
    }

    /// `lhs op rhs` as seccomp-tools folds it: constants fold (wrapping to
    /// 32 bits), anything with an opaque operand is opaque.
    fn apply(&mut self, op: AluOp, lhs: ExprId, rhs: ExprId, by_x: bool) -> ExprId {
        match (self.expr(lhs), self.expr(rhs)) {
            (Expr::Opaque, _) | (_, Expr::Opaque) => OPAQUE,
            (Expr::Imm(a), Expr::Imm(b)) => {
                let v = if by_x {
                    run_time(op, a, b)
                } else {
                    fold(op, a, b)
                };
                self.imm(v)
            }
            _ => self.exprs.intern(Expr::Bin(op, lhs, rhs)),
        }
    }

    fn negate(&mut self, e: ExprId) -> ExprId {
        match self.expr(e) {
            Expr::Opaque => OPAQUE,
            Expr::Imm(v) => self.imm(v.wrapping_neg()),
            // Exact in two's complement, and what the reference prints.
            Expr::Neg(inner) => inner,
            _ => self.exprs.intern(Expr::Neg(e)),
        }
    }

    fn extend(&mut self, parent: PathId, fact: Constraint, pc: usize) -> PathId {
        if let Some(&id) = self.node_index.get(&(parent, fact)) {
            return id;
        }
        let id = self.nodes.len() as PathId;
        let p = self.nodes[parent as usize];
        // Myers' skew-binary jump: the parent's jump's jump when the two
        // jumps below it span equal depths, else the parent.
        let pj = self.nodes[p.jump as usize];
        let jump = if parent != ROOT && p.len - pj.len == pj.len - self.nodes[pj.jump as usize].len
        {
            pj.jump
        } else {
            parent
        };
        let mut node = Node {
            parent,
            fact,
            len: p.len + 1,
            pc: pc as u32,
            cell: Cell::FREE,
            jump,
            ..p
        };
        let plain = match (self.expr(fact.lhs), self.expr(fact.rhs)) {
            (Expr::Data(off), Expr::Imm(k)) => Some((off, k)),
            _ => None,
        };
        match plain {
            Some((off, k)) if crate::data::is_word_offset(off) => {
                let w = (off / 4) as usize;
                let before = match p.last[w] {
                    ROOT => Cell::FREE,
                    n => self.nodes[n as usize].cell,
                };
                let (cell, ok) = self.learn(before, parent, w, fact.rel, k, node.len);
                node.cell = cell;
                node.feasible &= ok;
                node.last[w] = id;
                if fact.rel == Rel::Eq {
                    node.pinned |= 1 << w;
                }
                if fact.rel == Rel::Ne {
                    self.ne_index.entry((w as u8, k)).or_default().push(id);
                }
            }
            Some(_) => node.odd = true,
            None => node.compound = id,
        }
        self.nodes.push(node);
        self.node_index.insert((parent, fact), id);
        id
    }

    /// What a word's cell becomes with one more fact (the path so far ends
    /// at `parent`), and whether the facts can still all hold (the rules of
    /// [`Walk::feasible`]).
    fn learn(
        &self,
        before: Cell,
        parent: PathId,
        w: usize,
        rel: Rel,
        k: u32,
        depth: u32,
    ) -> (Cell, bool) {
        let mut cell = before;
        let k64 = i64::from(k);
        match rel {
            Rel::Gt => {
                cell.lo = cell.lo.max(k64 + 1);
                cell.has_lo = true;
            }
            Rel::Ge => {
                cell.lo = cell.lo.max(k64);
                cell.has_lo = true;
            }
            Rel::Lt => {
                cell.hi = cell.hi.min(k64 - 1);
                cell.has_hi = true;
            }
            Rel::Le => {
                cell.hi = cell.hi.min(k64);
                cell.has_hi = true;
            }
            Rel::Unset => cell.unset |= k,
            Rel::Set => cell.has_set = true,
            Rel::Eq | Rel::Ne => {}
        }
        let ok = match before.eq {
            Some(v) => rel.holds(i64::from(v), k64),
            None if rel == Rel::Eq => {
                cell.eq = Some(k);
                cell.eq_depth = depth;
                // Every earlier fact on the word must hold for the value:
                // the bounds and bit clears are summed up in the cell; a
                // `!=` of this very value is looked up; `!= 0` bit tests,
                // rare, are read one by one.
                let in_bounds = before.lo <= k64 && k64 <= before.hi && k & before.unset == 0;
                let depth_here = self.nodes[parent as usize].len;
                let no_ne = self.ne_index.get(&(w as u8, k)).is_none_or(|nodes| {
                    // Each candidate costs a jump-pointer climb; once the
                    // index holds more of them (from every branch of the
                    // tree) than the path has facts, reading the path's
                    // facts on the word is cheaper.
                    if (nodes.len() as u64) * 16 <= u64::from(depth_here) + 16 {
                        nodes.iter().all(|&n| {
                            let len = self.nodes[n as usize].len;
                            len > depth_here || ancestor_at(&self.nodes, parent, len) != n
                        })
                    } else {
                        let mut n = self.nodes[parent as usize].last[w];
                        let mut ok = true;
                        while n != ROOT && ok {
                            let node = self.nodes[n as usize];
                            if node.fact.rel == Rel::Ne {
                                ok = !matches!(self.expr(node.fact.rhs), Expr::Imm(m) if m == k);
                            }
                            n = self.nodes[node.parent as usize].last[w];
                        }
                        ok
                    }
                });
                let sets_hold = !before.has_set || {
                    let mut n = self.nodes[parent as usize].last[w];
                    let mut ok = true;
                    while n != ROOT && ok {
                        let node = self.nodes[n as usize];
                        if node.fact.rel == Rel::Set {
                            let m = self.expr(node.fact.rhs);
                            ok = matches!(m, Expr::Imm(m) if k & m != 0);
                        }
                        n = self.nodes[node.parent as usize].last[w];
                    }
                    ok
                };
                in_bounds && no_ne && sets_hold
            }
            None => cell.lo <= cell.hi,
        };
        (cell, ok)
    }

    fn constraint(&self, lhs: ExprId, rel: Rel, rhs: ExprId) -> Constraint {
        let imm = |e: ExprId| matches!(self.expr(e), Expr::Imm(_));
        if imm(lhs) && !imm(rhs) {
            Constraint {
                lhs: rhs,
                rel: rel.mirror(),
                rhs: lhs,
            }
        } else {
            Constraint { lhs, rel, rhs }
        }
    }

    fn run(mut self) -> Result<Walk, WalkError> {
        let opaque = self.exprs.intern(Expr::Opaque);
        debug_assert_eq!(opaque, OPAQUE);
        let zero = self.imm(0);
        let mem = self.mems.intern([OPAQUE; 16]);
        self.divisor_sets.intern((OPAQUE, NO_DIVISORS));
        let initial = State {
            a: zero,
            x: zero,
            mem,
            path: ROOT,
            divisors: NO_DIVISORS,
        };
        let mut leaves = Vec::new();
        let mut visited: std::collections::HashSet<(usize, State), Fx> = Default::default();
        let mut stack = vec![(0usize, initial)];
        let mut steps = 0;
        let mut truncated = false;
        let len = self.insns.len();
        while let Some((pc, st)) = stack.pop() {
            if steps >= STEP_CAP {
                truncated = true;
                break;
            }
            steps += 1;
            if pc >= len || !visited.insert((pc, st)) {
                continue;
            }
            let insn = self.insns[pc];
            let next = pc + 1;
            match Op::of(insn) {
                Op::Undecodable(why) => {
                    return Err(WalkError::Unsupported(Unsupported { pc, insn, why }))
                }
                Op::RetA => leaves.push(Leaf {
                    path: st.path,
                    ret: st.a,
                    pc,
                    divisors: st.divisors,
                }),
                Op::RetK(k) => {
                    let ret = self.imm(k);
                    leaves.push(Leaf {
                        path: st.path,
                        ret,
                        pc,
                        divisors: st.divisors,
                    })
                }
                Op::Load { dst, src } => {
                    let v = match src {
                        Source::Imm(k) => self.imm(k),
                        Source::Len => self.imm(crate::data::SECCOMP_DATA_SIZE),
                        Source::Data(k) => self.exprs.intern(Expr::Data(k)),
                        Source::Mem(k) => {
                            let slots = self.mems.items[st.mem as usize];
                            *slots
                                .get(k as usize)
                                .ok_or(WalkError::Slot { pc, slot: k })?
                        }
                    };
                    let st = match dst {
                        Reg::A => State { a: v, ..st },
                        Reg::X => State { x: v, ..st },
                    };
                    stack.push((next, st));
                }
                Op::Store { src, slot } => {
                    let mut slots = self.mems.items[st.mem as usize];
                    let cell = slots
                        .get_mut(slot as usize)
                        .ok_or(WalkError::Slot { pc, slot })?;
                    *cell = match src {
                        Reg::A => st.a,
                        Reg::X => st.x,
                    };
                    let mem = self.mems.intern(slots);
                    stack.push((next, State { mem, ..st }));
                }
                Op::Alu { op, operand } => {
                    let rhs = match operand {
                        Operand::X => st.x,
                        Operand::K(k) => self.imm(k),
                    };
                    let mut divisors = st.divisors;
                    let by_x = operand == Operand::X;
                    match (op, self.expr(rhs)) {
                        // Through X, the kernel ends the filter with 0 on a
                        // zero divisor; a known one ends this path.
                        (AluOp::Div, Expr::Imm(0)) if by_x => {
                            let ret = self.imm(0);
                            leaves.push(Leaf {
                                path: st.path,
                                ret,
                                pc,
                                divisors,
                            });
                            continue;
                        }
                        (AluOp::Div, Expr::Imm(_)) => {}
                        (AluOp::Div, _) => divisors = self.divisor_sets.intern((rhs, divisors)),
                        _ => {}
                    }
                    let a = self.apply(op, st.a, rhs, by_x);
                    stack.push((next, State { a, divisors, ..st }));
                }
                Op::Neg => {
                    let a = self.negate(st.a);
                    stack.push((next, State { a, ..st }));
                }
                Op::Tax => stack.push((next, State { x: st.a, ..st })),
                Op::Txa => stack.push((next, State { a: st.x, ..st })),
                Op::Ja { k } => stack.push((next.saturating_add(k as usize), st)),
                Op::Jump {
                    cmp,
                    operand,
                    jt,
                    jf,
                } => {
                    let (jt, jf) = (next + usize::from(jt), next + usize::from(jf));
                    if jt == jf {
                        stack.push((jt, st));
                        continue;
                    }
                    let rhs = match operand {
                        Operand::X => st.x,
                        Operand::K(k) => self.imm(k),
                    };
                    let (taken, other) = Rel::split(cmp);
                    if let (Expr::Imm(a), Expr::Imm(b)) = (self.expr(st.a), self.expr(rhs)) {
                        let to = if taken.holds(i64::from(a), i64::from(b)) {
                            jt
                        } else {
                            jf
                        };
                        stack.push((to, st));
                        continue;
                    }
                    let t = self.constraint(st.a, taken, rhs);
                    let f = self.constraint(st.a, other, rhs);
                    let tp = self.extend(st.path, t, pc);
                    let fp = self.extend(st.path, f, pc);
                    stack.push((jt, State { path: tp, ..st }));
                    stack.push((jf, State { path: fp, ..st }));
                }
            }
        }
        let mut sizes: Vec<(u32, u32)> = Vec::with_capacity(self.exprs.items.len());
        for e in &self.exprs.items {
            let size = match *e {
                Expr::Imm(_) | Expr::Data(_) | Expr::Opaque => (0, 0),
                Expr::Neg(x) => {
                    let (n, d) = sizes[x as usize];
                    (n.saturating_add(1), d.saturating_add(1))
                }
                Expr::Bin(_, l, r) => {
                    let ((ln, ld), (rn, rd)) = (sizes[l as usize], sizes[r as usize]);
                    (
                        ln.saturating_add(rn).saturating_add(1),
                        ld.max(rd).saturating_add(1),
                    )
                }
            };
            sizes.push(size);
        }
        Ok(Walk {
            sizes,
            exprs: self.exprs.items,
            nodes: self.nodes,
            divisor_sets: self.divisor_sets.items,
            leaves,
            truncated,
            steps,
        })
    }
}

/// A binary ALU operation on two constants with a constant operand, as
/// seccomp-tools folds it: wrapping to 32 bits; a divisor of 0 and shifts of
/// 32 or more (which the kernel refuses at load time) give 0.
pub const fn fold(op: AluOp, a: u32, b: u32) -> u32 {
    match op {
        AluOp::Add => a.wrapping_add(b),
        AluOp::Sub => a.wrapping_sub(b),
        AluOp::Mul => a.wrapping_mul(b),
        AluOp::Div => match a.checked_div(b) {
            Some(q) => q,
            None => 0,
        },
        AluOp::Or => a | b,
        AluOp::And => a & b,
        AluOp::Lsh => {
            if b >= 32 {
                0
            } else {
                a << b
            }
        }
        AluOp::Rsh => {
            if b >= 32 {
                0
            } else {
                a >> b
            }
        }
        AluOp::Xor => a ^ b,
    }
}

/// A binary ALU operation with its operand taken from X, as the kernel
/// computes it at run time: shift amounts masked to 5 bits. (A zero divisor
/// ends the filter; callers handle it before.)
pub const fn run_time(op: AluOp, a: u32, b: u32) -> u32 {
    match op {
        AluOp::Lsh => a << (b & 31),
        AluOp::Rsh => a >> (b & 31),
        _ => fold(op, a, b),
    }
}

/// The ancestor of `node` (itself included) at depth `depth`, in
/// logarithmic time through the jump pointers.
fn ancestor_at(nodes: &[Node], mut node: PathId, depth: u32) -> PathId {
    while nodes[node as usize].len > depth {
        let n = &nodes[node as usize];
        node = if nodes[n.jump as usize].len >= depth {
            n.jump
        } else {
            n.parent
        };
    }
    node
}

/// Walks every path of `insns` (see the module documentation).
pub fn walk(insns: &[Insn]) -> Result<Walk, WalkError> {
    let mut nodes = Vec::with_capacity(insns.len() * 2 + 1);
    nodes.push(Node {
        parent: ROOT,
        fact: Constraint {
            lhs: OPAQUE,
            rel: Rel::Eq,
            rhs: OPAQUE,
        },
        len: 0,
        pc: 0,
        feasible: true,
        odd: false,
        pinned: 0,
        last: [ROOT; 16],
        cell: Cell::FREE,
        compound: ROOT,
        jump: ROOT,
    });
    Executor {
        insns,
        exprs: Interner::new(),
        mems: Interner::new(),
        nodes,
        node_index: HashMap::default(),
        divisor_sets: Interner::new(),
        ne_index: HashMap::default(),
    }
    .run()
}

impl Walk {
    /// Every reached return, in the order the walk reached them, feasible or
    /// not (see [`Walk::feasible`]).
    pub fn leaves(&self) -> &[Leaf] {
        &self.leaves
    }

    /// Whether the walk stopped at [`STEP_CAP`]: then paths may be missing.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// States visited.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// The expression numbered `id`.
    ///
    /// # Panics
    /// If `id` is not one the walk interned.
    pub fn expr(&self, id: ExprId) -> Expr {
        self.exprs[id as usize]
    }

    /// How many operations an expression has, and how deep they nest, when
    /// written out as a tree (saturating at `u32::MAX`).
    pub fn expr_size(&self, id: ExprId) -> (u32, u32) {
        self.sizes[id as usize]
    }

    /// The constant an expression is, if it is one.
    pub fn imm(&self, id: ExprId) -> Option<u32> {
        match self.expr(id) {
            Expr::Imm(v) => Some(v),
            _ => None,
        }
    }

    /// The offset of the data word an expression is, if it is a plain one.
    pub fn data(&self, id: ExprId) -> Option<u32> {
        match self.expr(id) {
            Expr::Data(off) => Some(off),
            _ => None,
        }
    }

    /// The facts of a path, first to last, each with the line of the jump
    /// that made it.
    pub fn path_with_lines(&self, id: PathId) -> Vec<(Constraint, usize)> {
        let mut facts = Vec::with_capacity(self.nodes[id as usize].len as usize);
        let mut node = id;
        while node != ROOT {
            let n = self.nodes[node as usize];
            facts.push((n.fact, n.pc as usize));
            node = n.parent;
        }
        facts.reverse();
        facts
    }

    /// The facts of a path, first to last.
    pub fn path(&self, id: PathId) -> Vec<Constraint> {
        let mut facts = Vec::with_capacity(self.nodes[id as usize].len as usize);
        let mut node = id;
        while node != ROOT {
            let n = self.nodes[node as usize];
            facts.push(n.fact);
            node = n.parent;
        }
        facts.reverse();
        facts
    }

    /// How many facts a path has.
    pub fn path_len(&self, id: PathId) -> usize {
        self.nodes[id as usize].len as usize
    }

    /// Whether a path's facts can all hold ([`Walk::feasible`] of its
    /// facts, kept as the walk went).
    pub fn path_feasible(&self, id: PathId) -> bool {
        let n = &self.nodes[id as usize];
        if n.odd {
            self.feasible(&self.path(id))
        } else {
            n.feasible
        }
    }

    /// Whether the path has plain facts on words the summaries do not cover
    /// (see [`Walk::cell`]): offsets that are not a multiple of 4 below 64.
    pub fn path_has_odd_words(&self, id: PathId) -> bool {
        self.nodes[id as usize].odd
    }

    /// What a path knows of the aligned word at byte offset `off`.
    pub fn cell(&self, id: PathId, off: u32) -> Cell {
        match self.nodes[id as usize].last[(off / 4) as usize] {
            ROOT => Cell::FREE,
            n => self.nodes[n as usize].cell,
        }
    }

    /// Whether a path pins the aligned word at byte offset `off` with `==`.
    pub fn pins(&self, id: PathId, off: u32) -> bool {
        self.nodes[id as usize].pinned & (1 << (off / 4)) != 0
    }

    /// The plain facts of a path on the aligned word at byte offset `off`,
    /// last first.
    pub fn word_facts(&self, id: PathId, off: u32) -> impl Iterator<Item = (Rel, u32)> + '_ {
        let w = (off / 4) as usize;
        let mut n = self.nodes[id as usize].last[w];
        std::iter::from_fn(move || {
            if n == ROOT {
                return None;
            }
            let node = &self.nodes[n as usize];
            n = self.nodes[node.parent as usize].last[w];
            Some((node.fact.rel, self.imm(node.fact.rhs).unwrap_or(0)))
        })
    }

    /// The facts of a path a policy may still have to write out after its
    /// headings, first to last, each once: every fact but the comparisons
    /// of the syscall number (other than bit tests) and the `==`/`!=` of the
    /// architecture, and but the facts that a `==` on the same word makes
    /// redundant. Only for paths without odd words
    /// ([`Walk::path_has_odd_words`]).
    pub fn residual(&self, id: PathId) -> Vec<Constraint> {
        let node = &self.nodes[id as usize];
        let mut facts: Vec<(u32, Constraint)> = Vec::new();
        let mut n = node.compound;
        while n != ROOT {
            let c = &self.nodes[n as usize];
            facts.push((c.len, c.fact));
            n = self.nodes[c.parent as usize].compound;
        }
        for w in 0..16u32 {
            let off = w * 4;
            if node.last[w as usize] == ROOT {
                continue;
            }
            let pinned = node.pinned & (1 << w) != 0;
            if pinned {
                // Only the `==` facts remain, all alike: the first stands for them.
                if off != offset::NR && off != offset::ARCH {
                    let cell = self.cell(id, off);
                    let first = ancestor_at(&self.nodes, id, cell.eq_depth);
                    facts.push((cell.eq_depth, self.nodes[first as usize].fact));
                }
                continue;
            }
            let mut n = node.last[w as usize];
            while n != ROOT {
                let c = &self.nodes[n as usize];
                let heading = match off {
                    offset::NR => !matches!(c.fact.rel, Rel::Set | Rel::Unset),
                    offset::ARCH => matches!(c.fact.rel, Rel::Eq | Rel::Ne),
                    _ => false,
                };
                if !heading {
                    facts.push((c.len, c.fact));
                }
                n = self.nodes[c.parent as usize].last[w as usize];
            }
        }
        facts.sort_unstable_by_key(|&(depth, _)| depth);
        let mut seen =
            std::collections::HashSet::with_capacity_and_hasher(facts.len(), Fx::default());
        facts
            .into_iter()
            .filter(|&(_, c)| seen.insert(c))
            .map(|(_, c)| c)
            .collect()
    }

    /// The run-time divisors of a leaf's path.
    pub fn divisors(&self, id: DivId) -> Vec<ExprId> {
        let mut out = Vec::new();
        let mut set = id;
        while set != NO_DIVISORS {
            let (e, rest) = self.divisor_sets[set as usize];
            out.push(e);
            set = rest;
        }
        out.reverse();
        out
    }

    /// A constraint that compares one plain data word with a constant: the
    /// word's offset and the constant.
    pub fn plain_fact(&self, c: &Constraint) -> Option<(u32, u32)> {
        Some((self.data(c.lhs)?, self.imm(c.rhs)?))
    }

    /// Whether a path's facts can all hold: seccomp-tools' rule-based check,
    /// exact for the facts it looks at. Only facts comparing one plain data
    /// word with a constant are examined, word by word (the words are
    /// independent inputs): two different `==` values contradict; one `==`
    /// value must satisfy every other fact on its word; without one, the
    /// bounds must leave a range. Any other fact is assumed satisfiable, so
    /// a possible path is never dropped.
    pub fn feasible(&self, facts: &[Constraint]) -> bool {
        // Aligned words (the only ones the kernel lets a filter read) in the
        // first 16 cells; any other offset gets a cell after them.
        #[derive(Clone, Copy)]
        struct Cell {
            eq: Option<u32>,
            lo: i64,
            hi: i64,
        }
        const FREE: Cell = Cell {
            eq: None,
            lo: 0,
            hi: 0xffff_ffff,
        };
        let mut cells = vec![FREE; 16];
        let mut odd: Vec<u32> = Vec::new();
        let mut plain: Vec<(usize, Rel, u32)> = Vec::new();
        for c in facts {
            let Some((off, k)) = self.plain_fact(c) else {
                continue;
            };
            let cell = if crate::data::is_word_offset(off) {
                (off / 4) as usize
            } else if let Some(i) = odd.iter().position(|&o| o == off) {
                16 + i
            } else {
                odd.push(off);
                cells.push(FREE);
                cells.len() - 1
            };
            plain.push((cell, c.rel, k));
        }
        // First pass: the `==` value of each word.
        for &(cell, rel, k) in &plain {
            if rel == Rel::Eq {
                match cells[cell].eq {
                    Some(v) if v != k => return false,
                    _ => cells[cell].eq = Some(k),
                }
            }
        }
        // Second pass: every fact against its word's value, or the bounds.
        for &(cell, rel, k) in &plain {
            let cell = &mut cells[cell];
            let k = i64::from(k);
            match cell.eq {
                Some(v) => {
                    if !rel.holds(i64::from(v), k) {
                        return false;
                    }
                }
                None => match rel {
                    Rel::Gt => cell.lo = cell.lo.max(k + 1),
                    Rel::Ge => cell.lo = cell.lo.max(k),
                    Rel::Lt => cell.hi = cell.hi.min(k - 1),
                    Rel::Le => cell.hi = cell.hi.min(k),
                    _ => {}
                },
            }
        }
        cells.iter().all(|c| c.eq.is_some() || c.lo <= c.hi)
    }

    /// Evaluates an expression on concrete words of `seccomp_data`, as the
    /// kernel computes it; `None` for an opaque value.
    pub fn eval(&self, id: ExprId, word: &dyn Fn(u32) -> u32) -> Option<u32> {
        self.values(word)[id as usize]
    }

    /// Every expression of the walk evaluated on concrete words, indexed by
    /// [`ExprId`] (see [`Walk::eval`]).
    pub fn values(&self, word: &dyn Fn(u32) -> u32) -> Vec<Option<u32>> {
        // Operands are interned before the expressions built on them, so an
        // expression's operands have smaller ids: evaluating in id order
        // needs no recursion.
        let mut values: Vec<Option<u32>> = Vec::with_capacity(self.exprs.len());
        for e in &self.exprs {
            let v = match *e {
                Expr::Imm(v) => Some(v),
                Expr::Data(off) => Some(word(off)),
                Expr::Opaque => None,
                Expr::Neg(x) => values[x as usize].map(u32::wrapping_neg),
                Expr::Bin(op, l, r) => match (values[l as usize], values[r as usize]) {
                    // A symbolic operand was X at run time; a zero divisor
                    // is a separate outcome (see `Leaf::divisors`).
                    (Some(a), Some(b)) => Some(run_time(op, a, b)),
                    _ => None,
                },
            };
            values.push(v);
        }
        values
    }
}
