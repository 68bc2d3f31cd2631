//! Properties over random programs: no input makes the disassembler or the
//! emulator panic, valid programs always run to a return, and the data-flow
//! pass agrees with a literal model of the reference's.

use proptest::prelude::*;
use seccomp_asm::dataflow::Analysis;
use seccomp_asm::disasm::{disassemble, DisasmOptions};
use seccomp_asm::emu::{emulate, emulate_input, EmuInput};
use seccomp_asm::insn::decode_prefix;
use seccomp_asm::validate::validate;
use seccomp_asm::{Arch, Endian, Insn, SeccompData};
use std::collections::HashSet;

fn arch() -> impl Strategy<Value = Arch> {
    prop::sample::select(Arch::ALL.to_vec())
}

fn seccomp_data() -> impl Strategy<Value = SeccompData> {
    (any::<i32>(), any::<u32>(), any::<u64>(), any::<[u64; 6]>()).prop_map(
        |(nr, arch, instruction_pointer, args)| SeccompData {
            nr,
            arch,
            instruction_pointer,
            args,
        },
    )
}

proptest! {
    #[test]
    fn random_bytes_disassemble(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        arch in arch(),
        bpf in any::<bool>(),
        arg_infer in any::<bool>(),
        color in any::<bool>(),
    ) {
        let insns = decode_prefix(&bytes, arch.endian());
        let opts = DisasmOptions { arch, bpf, arg_infer, color };
        let out = disassemble(&insns, &opts);
        let header = if bpf { 2 } else { 0 };
        let lines = if insns.is_empty() { 1 } else { insns.len() };
        prop_assert_eq!(out.lines().count(), header + lines);
        prop_assert!(out.ends_with('\n'));
    }

    #[test]
    fn random_bytes_emulate(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        data in seccomp_data(),
        big in any::<bool>(),
        given in 0usize..=6,
    ) {
        let endian = if big { Endian::Big } else { Endian::Little };
        let insns = decode_prefix(&bytes, endian);
        if let Ok(out) = emulate(&insns, &data, endian) {
            prop_assert_eq!(out.path.last(), Some(&out.pc));
            prop_assert!(out.path.windows(2).all(|w| w[0] < w[1]));
        }
        let mut input = EmuInput::from(&data);
        for arg in &mut input.args[given..] {
            *arg = None;
        }
        let _ = emulate_input(&insns, &input, endian);
    }
}

/// One instruction a valid filter may hold at line `pc` of `len`: every
/// seccomp opcode, with operands the kernel accepts (jumps stay in range).
fn valid_insn(pc: usize, len: usize) -> impl Strategy<Value = Insn> {
    let room = (len - pc - 2).min(255) as u8; // the farthest offset that stays before the end
    let offset = move || 0..=room;
    let alu_k = prop::sample::select(vec![
        0x04u16, 0x14, 0x24, 0x34, 0x44, 0x54, 0x64, 0x74, 0xa4,
    ]);
    let alu_x = prop::sample::select(vec![
        0x0cu16, 0x1c, 0x2c, 0x3c, 0x4c, 0x5c, 0x6c, 0x7c, 0xac, 0x84,
    ]);
    let jmp = prop::sample::select(vec![0x15u16, 0x25, 0x35, 0x45, 0x1d, 0x2d, 0x3d, 0x4d]);
    let word = (0u32..16).prop_map(|i| i * 4);
    prop_oneof![
        (prop::sample::select(vec![0x00u16, 0x01]), any::<u32>())
            .prop_map(|(c, k)| Insn::stmt(c, k)),
        word.prop_map(|k| Insn::stmt(0x20, k)),
        (
            prop::sample::select(vec![0x60u16, 0x61, 0x02, 0x03]),
            0u32..16
        )
            .prop_map(|(c, k)| Insn::stmt(c, k)),
        prop::sample::select(vec![0x80u16, 0x81, 0x07, 0x87]).prop_map(|c| Insn::stmt(c, 0)),
        (alu_k, any::<u32>()).prop_map(|(c, k)| {
            // Constants the kernel accepts: no division by 0, shifts below 32.
            let k = match c {
                0x34 => k.max(1),
                0x64 | 0x74 => k % 32,
                _ => k,
            };
            Insn::stmt(c, k)
        }),
        alu_x.prop_map(|c| Insn::stmt(c, 0)),
        (jmp, offset(), offset(), any::<u32>()).prop_map(|(c, jt, jf, k)| Insn::new(c, jt, jf, k)),
        (0..=u32::from(room)).prop_map(|k| Insn::stmt(0x05, k)),
        (prop::sample::select(vec![0x06u16, 0x16]), any::<u32>())
            .prop_map(|(c, k)| Insn::stmt(c, k)),
    ]
}

/// Valid filters: 16 stores first, so every scratch read passes the
/// kernel's check, then random instructions, then a return.
fn valid_program() -> impl Strategy<Value = Vec<Insn>> {
    (1usize..80).prop_flat_map(|body| {
        let len = 16 + body + 1;
        let lines: Vec<_> = (16..len - 1)
            .map(|pc| valid_insn(pc, len).boxed())
            .collect();
        (lines, any::<u32>()).prop_map(|(lines, ret)| {
            let mut prog: Vec<Insn> = (0..16).map(|k| Insn::stmt(0x02, k)).collect();
            prog.extend(lines);
            prog.push(Insn::stmt(0x06, ret));
            prog
        })
    })
}

proptest! {
    #[test]
    fn valid_programs_run_to_a_return(
        prog in valid_program(),
        data in seccomp_data(),
        big in any::<bool>(),
    ) {
        prop_assert_eq!(validate(&prog), Ok(()));
        let endian = if big { Endian::Big } else { Endian::Little };
        let out = emulate(&prog, &data, endian);
        prop_assert!(out.is_ok(), "{:?}", out);
        let out = out.unwrap();
        prop_assert!(out.path.windows(2).all(|w| w[0] < w[1]));
        let last = prog[out.pc].code;
        // A return, or a division by X that was 0.
        prop_assert!(matches!(last, 0x06 | 0x16) || (last == 0x3c && out.ret == 0), "{:#x}", last);
    }
}

/// The reference's pass (`disasm/disasm.rb`, `instruction/*.rb#branch`,
/// `symbolic/state.rb`) transcribed literally: full states with the whole
/// path condition, sets of them per line, no merging.
mod model {
    use super::*;

    #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
    pub enum Expr {
        Imm(u32),
        Data(u32),
        Opaque,
    }

    #[derive(Clone, PartialEq, Eq, Hash, Debug)]
    pub struct State {
        pub a: Expr,
        pub x: Expr,
        pub mem: Vec<Expr>,
        /// The `data[offset] == value` constraints, in path order.
        pub path: Vec<(u32, u32)>,
    }

    impl State {
        pub fn pinned(&self, offset: u32) -> Option<u32> {
            self.path.iter().find(|c| c.0 == offset).map(|c| c.1)
        }
    }

    pub struct Facts {
        pub reachable: bool,
        pub a_word: Option<u32>,
        pub arch: Option<u32>,
        pub sys_number: Option<u32>,
    }

    /// `None` where the reference would raise on the program.
    pub fn run(prog: &[Insn]) -> Option<Vec<Facts>> {
        let mut states: Vec<HashSet<State>> = vec![HashSet::new(); prog.len()];
        if prog.is_empty() {
            return Some(Vec::new());
        }
        states[0].insert(State {
            a: Expr::Imm(0),
            x: Expr::Imm(0),
            mem: vec![Expr::Opaque; 16],
            path: Vec::new(),
        });
        let mut facts = Vec::new();
        for (line, insn) in prog.iter().enumerate() {
            let here: Vec<State> = states[line].iter().cloned().collect();
            let uniq = |f: &dyn Fn(&State) -> Option<u32>| {
                let set: HashSet<Option<u32>> = here.iter().map(f).collect();
                match set.into_iter().collect::<Vec<_>>()[..] {
                    [Some(v)] => Some(v),
                    _ => None,
                }
            };
            let a_set: HashSet<Expr> = here.iter().map(|s| s.a).collect();
            facts.push(Facts {
                reachable: !here.is_empty(),
                a_word: match a_set.into_iter().collect::<Vec<_>>()[..] {
                    [Expr::Data(o)] => Some(o),
                    _ => None,
                },
                arch: uniq(&|s| s.pinned(4)),
                sys_number: uniq(&|s| s.pinned(0)),
            });
            for st in here {
                for (pc, next) in branch(*insn, line, st)? {
                    if pc < states.len() {
                        states[pc].insert(next);
                    }
                }
            }
        }
        Some(facts)
    }

    fn branch(insn: Insn, line: usize, st: State) -> Option<Vec<(usize, State)>> {
        let at = |off: u32| line + off as usize + 1;
        let k = insn.k;
        let code = insn.code;
        Some(match code & 7 {
            0 | 1 => {
                let val = match code & 0xe0 {
                    0x00 => Expr::Imm(k),
                    0x80 => Expr::Imm(64),
                    0x60 => *st.mem.get(k as usize)?,
                    0x20 => Expr::Data(k),
                    _ => return None,
                };
                let mut next = st;
                if code & 7 == 0 {
                    next.a = val;
                } else {
                    next.x = val;
                }
                vec![(line + 1, next)]
            }
            2 | 3 => {
                let mut next = st;
                let v = if code & 7 == 2 { next.a } else { next.x };
                // Growing the array would leave nils, on which it raises.
                *next.mem.get_mut(k as usize)? = v;
                vec![(line + 1, next)]
            }
            4 => {
                let mut next = st;
                next.a = Expr::Opaque;
                vec![(line + 1, next)]
            }
            5 => {
                let jop = code & 0x70;
                if jop > 0x40 {
                    return None;
                }
                let (jt, jf) = (u32::from(insn.jt), u32::from(insn.jf));
                if jop == 0 {
                    vec![(at(k), st)]
                } else if jt == jf {
                    vec![(at(jt), st)]
                } else if jop == 0x10 {
                    vec![(at(jt), narrow(&st, code, k)), (at(jf), st)]
                } else {
                    vec![(at(jt), st.clone()), (at(jf), st)]
                }
            }
            6 => vec![],
            _ => {
                let mut next = st;
                match code & 0xf8 {
                    0x00 => next.x = next.a,
                    0x80 => next.a = next.x,
                    _ => return None,
                }
                vec![(line + 1, next)]
            }
        })
    }

    fn narrow(st: &State, code: u16, k: u32) -> State {
        let Expr::Data(offset) = st.a else {
            return st.clone();
        };
        let rhs = if code & 8 != 0 {
            match st.x {
                Expr::Data(o) => st.pinned(o).map(Expr::Imm).unwrap_or(st.x),
                other => other,
            }
        } else {
            Expr::Imm(k)
        };
        let mut next = st.clone();
        if let Expr::Imm(v) = rhs {
            next.path.push((offset, v));
        }
        next
    }
}

/// Programs built to stress the pass: few data words and constants, so
/// pins collide and contradict, and pieces that pin a word and move it
/// through X and scratch memory, so pins resolve through other pins.
fn pass_program() -> impl Strategy<Value = Vec<Insn>> {
    let small = || 0u32..3;
    let word = || prop::sample::select(vec![0u32, 4, 16, 20]);
    // Where a jump's not-taken branch goes; the taken branch falls through
    // most often, so what it learns reaches the lines after it.
    let skip = || 0u8..4;
    let jt = || prop::sample::select(vec![0u8, 0, 0, 1, 2]);
    let one = |insn: Insn| vec![insn];
    let piece = prop_oneof![
        2 => (prop::sample::select(vec![0x20u16, 0x21]), word())
            .prop_map(move |(c, k)| one(Insn::stmt(c, k))),
        3 => (word(), jt(), skip(), small())
            .prop_map(|(w, jt, jf, k)| vec![Insn::stmt(0x20, w), Insn::new(0x15, jt, jf, k)]),
        3 => (word(), word(), jt(), skip())
            .prop_map(|(wx, wa, jt, jf)| vec![
                Insn::stmt(0x21, wx),
                Insn::stmt(0x20, wa),
                Insn::new(0x1d, jt, jf, 0),
            ]),
        1 => (prop::sample::select(vec![0x00u16, 0x01]), small())
            .prop_map(move |(c, k)| one(Insn::stmt(c, k))),
        2 => (prop::sample::select(vec![0x60u16, 0x61, 0x02, 0x03]), small())
            .prop_map(move |(c, k)| one(Insn::stmt(c, k))),
        2 => prop::sample::select(vec![0x80u16, 0x07, 0x87, 0x04, 0x84, 0x0c])
            .prop_map(move |c| one(Insn::stmt(c, 1))),
        3 => (
            prop::sample::select(vec![0x15u16, 0x1d, 0x25, 0x45]),
            jt(),
            skip(),
            small(),
        )
            .prop_map(move |(c, jt, jf, k)| one(Insn::new(c, jt, jf, k))),
        1 => (0u32..4).prop_map(move |k| one(Insn::stmt(0x05, k))),
        1 => Just(vec![Insn::stmt(0x06, 0)]),
    ];
    prop::collection::vec(piece, 1..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn analysis_agrees_with_the_reference_model(prog in pass_program()) {
        let model = model::run(&prog).expect("programs of decodable instructions only");
        let analysis = Analysis::new(&prog);
        for (pc, want) in model.iter().enumerate() {
            let got = analysis.facts(pc);
            prop_assert_eq!(got.reachable, want.reachable, "reachable at {}", pc);
            prop_assert_eq!(got.a_word, want.a_word, "a_word at {}", pc);
            prop_assert_eq!(got.arch, want.arch, "arch at {}", pc);
            prop_assert_eq!(got.sys_number, want.sys_number, "sys_number at {}", pc);
        }
    }
}

#[test]
fn the_model_resolves_x_through_pins() {
    let prog = [
        Insn::stmt(0x20, 16),
        Insn::new(0x15, 0, 4, 1),
        Insn::stmt(0x21, 16),
        Insn::stmt(0x20, 0),
        Insn::new(0x1d, 0, 1, 0),
        Insn::stmt(0x20, 24),
        Insn::stmt(0x06, 0),
    ];
    let model = model::run(&prog).unwrap();
    assert_eq!(model[5].sys_number, Some(1));
    assert_eq!(Analysis::new(&prog).sys_number(5), Some(1));
}

/// Many paths meeting at one line: within a conditional jump's reach (the
/// pass's ring of lines ahead) and through `goto`s beyond it.
#[test]
fn many_paths_meet_with_the_facts_of_the_model() {
    for same_value in [false, true] {
        let mut near = vec![Insn::stmt(0x20, 0)];
        // 250 tests, all jumping to the last line when they match.
        for i in 0..250u32 {
            let k = if same_value { 7 } else { i };
            near.push(Insn::new(0x15, (250 - i) as u8, 0, k));
        }
        near.push(Insn::stmt(0x06, 0));
        near.push(Insn::stmt(0x20, 16));
        // 1500 tests, each followed by a `goto` to the last line.
        let mut far = vec![Insn::stmt(0x20, 0)];
        for i in 0..1500u32 {
            let k = if same_value { 7 } else { i % 300 };
            far.push(Insn::new(0x15, 0, 1, k));
            far.push(Insn::stmt(0x05, 2 * (1499 - i) + 1));
        }
        far.push(Insn::stmt(0x06, 0));
        far.push(Insn::stmt(0x20, 16));
        for prog in [near, far] {
            let last = prog.len() - 1;
            let model = model::run(&prog).expect("decodable");
            let analysis = Analysis::new(&prog);
            for (pc, want) in model.iter().enumerate() {
                let got = analysis.facts(pc);
                assert_eq!(got.reachable, want.reachable, "reachable at {pc}");
                assert_eq!(got.a_word, want.a_word, "a_word at {pc}");
                assert_eq!(got.sys_number, want.sys_number, "sys_number at {pc}");
            }
            let pinned = if same_value { Some(7) } else { None };
            assert_eq!(analysis.sys_number(last), pinned);
            assert!(analysis.reachable(last));
        }
    }
}
