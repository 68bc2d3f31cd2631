//! Minimal reproducers: shrink a program while a property holds, and print
//! it as Rust.

use seccomp_asm::{bpf, Insn};
use std::cell::Cell;
use std::fmt::Write as _;

/// The simplest instruction: `ld #0`.
const NOP: Insn = Insn::stmt(0, 0);

/// Shrinks `program` while `keep` holds of it, trying at most `budget`
/// candidates, and returns the smallest program found (`program` itself if
/// nothing smaller keeps the property). `keep(program)` should hold.
///
/// Shrinking drops runs of instructions (halves first, then smaller runs,
/// down to single instructions; jumps over a dropped run are shortened to
/// keep their targets) and then simplifies each instruction: into
/// `ld #0`, then its `k`, `jt`, `jf` to 0 and its opcode to its low byte, until
/// no step helps.
pub fn shrink<E>(
    program: &[Insn],
    budget: usize,
    mut keep: impl FnMut(&[Insn]) -> Result<bool, E>,
) -> Result<Vec<Insn>, E> {
    let mut best = program.to_vec();
    let tries = Cell::new(0);
    let mut attempt = |candidate: &[Insn]| -> Result<bool, E> {
        if tries.get() >= budget {
            return Ok(false);
        }
        tries.set(tries.get() + 1);
        keep(candidate)
    };
    loop {
        let mut improved = false;

        let mut run = (best.len() / 2).max(1);
        while run >= 1 && !best.is_empty() {
            let mut start = 0;
            while start + run <= best.len() {
                let candidate = without(&best, start, run);
                if attempt(&candidate)? {
                    best = candidate;
                    improved = true;
                } else {
                    start += run;
                }
            }
            run /= 2;
        }

        for pc in 0..best.len() {
            for simpler in simplifications(best[pc]) {
                let mut candidate = best.clone();
                candidate[pc] = simpler;
                if attempt(&candidate)? {
                    best = candidate;
                    improved = true;
                }
            }
        }

        if !improved || tries.get() >= budget {
            return Ok(best);
        }
    }
}

/// `program` without the `run` instructions at `start`, with the jumps
/// over them shortened so they land where they did (or, if they landed in
/// the dropped run, right after it).
fn without(program: &[Insn], start: usize, run: usize) -> Vec<Insn> {
    let end = start + run;
    let retarget = |pc: usize, offset: u64| -> u64 {
        let target = pc as u64 + 1 + offset;
        if target >= end as u64 {
            offset - run as u64
        } else if target >= start as u64 {
            (start - pc - 1) as u64
        } else {
            offset
        }
    };
    let mut out = program[..start].to_vec();
    for (pc, insn) in out.iter_mut().enumerate() {
        if bpf::class(insn.code) != bpf::JMP {
            continue;
        }
        if insn.code == bpf::seccomp::JMP_JA {
            insn.k = retarget(pc, u64::from(insn.k)) as u32;
        } else {
            insn.jt = retarget(pc, u64::from(insn.jt)) as u8;
            insn.jf = retarget(pc, u64::from(insn.jf)) as u8;
        }
    }
    out.extend_from_slice(&program[end..]);
    out
}

/// Simpler forms of an instruction, simplest first, each different from it.
fn simplifications(insn: Insn) -> Vec<Insn> {
    let mut out = Vec::new();
    let mut push = |candidate: Insn| {
        if candidate != insn && !out.contains(&candidate) {
            out.push(candidate);
        }
    };
    push(NOP);
    push(Insn { k: 0, ..insn });
    push(Insn { jt: 0, ..insn });
    push(Insn { jf: 0, ..insn });
    push(Insn {
        code: insn.code & 0xff,
        ..insn
    });
    out
}

/// A Rust expression of type `Vec<Insn>` for `program`, using `Insn::new`
/// with hexadecimal opcodes and operands. Runs of four or more equal
/// instructions are written `vec![insn; n]`.
pub fn rust_literal(program: &[Insn]) -> String {
    let insn = |i: &Insn| format!("Insn::new({:#04x}, {}, {}, {:#x})", i.code, i.jt, i.jf, i.k);
    if program.is_empty() {
        return "Vec::<Insn>::new()".to_owned();
    }
    let mut runs: Vec<(Insn, usize)> = Vec::new();
    for &i in program {
        match runs.last_mut() {
            Some((last, n)) if *last == i => *n += 1,
            _ => runs.push((i, 1)),
        }
    }
    let has_long_run = runs.iter().any(|&(_, n)| n >= 4);
    let mut out = String::new();
    if !has_long_run {
        out.push_str("vec![\n");
        for i in program {
            let _ = writeln!(out, "    {},", insn(i));
        }
        out.push(']');
        return out;
    }
    // Parts are either a repeated instruction or a list of single ones.
    out.push_str("[\n");
    let mut singles: Vec<Insn> = Vec::new();
    let flush = |out: &mut String, singles: &mut Vec<Insn>| {
        if !singles.is_empty() {
            out.push_str("    vec![\n");
            for i in singles.iter() {
                let _ = writeln!(out, "        {},", insn(i));
            }
            out.push_str("    ],\n");
            singles.clear();
        }
    };
    for (i, n) in runs {
        if n >= 4 {
            flush(&mut out, &mut singles);
            let _ = writeln!(out, "    vec![{}; {n}],", insn(&i));
        } else {
            singles.extend(std::iter::repeat_n(i, n));
        }
    }
    flush(&mut out, &mut singles);
    out.push_str("]\n.concat()");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::convert::Infallible;

    fn ok(b: bool) -> Result<bool, Infallible> {
        Ok(b)
    }

    #[test]
    fn shrinks_to_the_one_instruction_that_matters() {
        let program: Vec<Insn> = (0..10)
            .map(|i| Insn::new(0x15 + i, 3, 4, 0x1000 + u32::from(i)))
            .chain([Insn::new(0x194, 1, 2, 0xdead)])
            .chain((0..5).map(|i| Insn::new(0x06, 0, 0, i)))
            .collect();
        let result = shrink(&program, 10_000, |p| {
            ok(p.iter().any(|i| i.code & 0xff == 0x94))
        });
        assert_eq!(result, Ok(vec![Insn::new(0x94, 0, 0, 0)]));
    }

    #[test]
    fn keeps_what_the_property_needs() {
        // Needs at least three instructions, the last with k == 7.
        let program = vec![Insn::new(0x20, 1, 1, 4); 9]
            .into_iter()
            .chain([Insn::new(0x06, 0, 0, 7)])
            .collect::<Vec<_>>();
        let result = shrink(&program, 10_000, |p| {
            ok(p.len() >= 3 && p.last().is_some_and(|i| i.k == 7))
        });
        assert_eq!(result, Ok(vec![NOP, NOP, Insn::new(0x06, 0, 0, 7)]));
    }

    #[test]
    fn dropping_instructions_keeps_jump_targets() {
        let ret = Insn::new(0x06, 0, 0, 0);
        let program = [
            Insn::new(0x05, 0, 0, 3),   // ja 4
            Insn::new(0x15, 0, 1, 9),   // jeq #9, 2, 3
            Insn::new(0x2d, 2, 200, 0), // jgt x, 4, 203
            NOP,
            ret,
        ];
        assert_eq!(
            without(&program, 3, 1),
            [
                Insn::new(0x05, 0, 0, 2),
                Insn::new(0x15, 0, 1, 9), // jf lands right after the dropped run
                Insn::new(0x2d, 1, 199, 0),
                ret,
            ]
        );
        assert_eq!(
            without(&program, 1, 2),
            [Insn::new(0x05, 0, 0, 1), NOP, ret]
        );
    }

    #[test]
    fn stops_at_the_budget() {
        let program = vec![Insn::new(0x06, 0, 0, 1); 64];
        let mut calls = 0;
        let result = shrink(&program, 5, |_| {
            calls += 1;
            ok(false)
        });
        assert_eq!(result, Ok(program));
        assert_eq!(calls, 5);
    }

    #[test]
    fn errors_stop_shrinking() {
        let result = shrink(&[NOP, NOP], 100, |_| Err::<bool, _>("kernel gone"));
        assert_eq!(result, Err("kernel gone"));
    }

    #[test]
    fn literals() {
        assert_eq!(rust_literal(&[]), "Vec::<Insn>::new()");
        assert_eq!(
            rust_literal(&[Insn::new(0x15, 0, 1, 0xc000003e), Insn::new(0x06, 0, 0, 0)]),
            "vec![\n    Insn::new(0x15, 0, 1, 0xc000003e),\n    Insn::new(0x06, 0, 0, 0x0),\n]"
        );
        let mut long = vec![Insn::new(0x06, 0, 0, 0x7fff0000); 4096];
        long.insert(0, Insn::new(0x120, 0, 0, 0));
        assert_eq!(
            rust_literal(&long),
            "[\n    vec![\n        Insn::new(0x120, 0, 0, 0x0),\n    ],\n    \
             vec![Insn::new(0x06, 0, 0, 0x7fff0000); 4096],\n]\n.concat()"
        );
    }
}
