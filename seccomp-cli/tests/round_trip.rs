//! `seccomp disasm --asm-able` then `seccomp asm` gives the program back: on
//! every program of the conformance corpus (each distinct filter of
//! `disasm.jsonl` and each program `asm.jsonl` assembles), under its arch,
//! through the `seccomp` binary.
//!
//! `--asm-able` prints what seccomp-tools prints, and that text is lossy for
//! a few constructs. Each instruction must come back either identical or in
//! the form its line documents, computed here from the original instruction
//! alone ([`asm_able_form`]):
//!
//! - `len` loads print `A = 64` / `X = 64`: they come back as the constant
//!   load of 64 (the kernel itself rewrites `len` into that);
//! - the return data of actions other than ERRNO, TRAP and TRACE is not
//!   printed (`0x7fff0005` → `ALLOW`): the same action with data 0;
//! - a conditional jump with jt = jf = 0 prints `/* no-op */`, which `asm`
//!   refuses (checked); with that line replaced by `goto 0`, the kernel's
//!   equivalent JA 0, the rest must come back identical;
//! - a conditional jump with jt = jf ≠ 0 prints `goto`: JA jt;
//! - fields the kernel does not use are not printed: jt/jf of instructions
//!   other than conditional jumps, k of X-operand ALU operations and jumps,
//!   of `A = -A`, `return A`, `X = A` and `A = X`: they come back as 0;
//! - opcodes with bits above 0xff (the little-endian spec filters read as
//!   s390x): seccomp-tools reads the low byte only. The kernel refuses these
//!   programs, so this is no equivalence, only how the text reads.

mod common;
// Only the reader of records is needed here.
#[allow(dead_code)]
mod corpus;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use common::seccomp;
use corpus::records;
use seccomp_conformance::{str_field, unhex};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Insn {
    code: u16,
    jt: u8,
    jf: u8,
    k: u32,
}

fn decode(bytes: &[u8], big_endian: bool) -> Vec<Insn> {
    assert!(bytes.len().is_multiple_of(8), "whole instructions");
    bytes
        .chunks_exact(8)
        .map(|c| {
            let (code, k) = if big_endian {
                (
                    u16::from_be_bytes([c[0], c[1]]),
                    u32::from_be_bytes([c[4], c[5], c[6], c[7]]),
                )
            } else {
                (
                    u16::from_le_bytes([c[0], c[1]]),
                    u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
                )
            };
            Insn {
                code,
                jt: c[2],
                jf: c[3],
                k,
            }
        })
        .collect()
}

/// The constructs `--asm-able` text does not keep.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Loss {
    LenLoad,
    ReturnData,
    NoOp,
    EqualTargets,
    UnusedField,
    HighOpcodeBits,
}

const JA: u16 = 0x05;
const RET_K: u16 = 0x06;

/// The instruction the `--asm-able` line of `insn` assembles to (with a
/// `/* no-op */` line replaced by `goto 0`), and what that line lost.
fn asm_able_form(insn: Insn) -> (Insn, BTreeSet<Loss>) {
    let mut losses = BTreeSet::new();
    let mut form = insn;
    if insn.code > 0xff {
        losses.insert(Loss::HighOpcodeBits);
        form.code &= 0xff;
    }
    let code = form.code;
    let class = code & 0x07;
    let conditional = class == 0x05 && code != JA;
    let x_operand = matches!(class, 0x04 | 0x05) && code & 0x08 != 0;
    // ld len / ldx len.
    if code == 0x80 || code == 0x81 {
        losses.insert(Loss::LenLoad);
        form = Insn {
            code: code & 0x01,
            jt: 0,
            jf: 0,
            k: 64,
        };
    } else {
        if !conditional {
            form.jt = 0;
            form.jf = 0;
        }
        // X operands, neg, ret A, tax, txa.
        if x_operand || matches!(code, 0x84 | 0x16 | 0x07 | 0x87) {
            form.k = 0;
        }
        if (form.jt, form.jf, form.k) != (insn.jt, insn.jf, insn.k) {
            losses.insert(Loss::UnusedField);
        }
        if code == RET_K {
            let action = form.k & 0xffff_0000;
            // KILL_THREAD, KILL_PROCESS, USER_NOTIF, LOG, ALLOW.
            let data_dropped = matches!(
                action,
                0 | 0x8000_0000 | 0x7fc0_0000 | 0x7ffc_0000 | 0x7fff_0000
            );
            if data_dropped && form.k != action {
                losses.insert(Loss::ReturnData);
                form.k = action;
            }
        }
        if conditional && form.jt == form.jf {
            losses.insert(if form.jt == 0 {
                Loss::NoOp
            } else {
                Loss::EqualTargets
            });
            form = Insn {
                code: JA,
                jt: 0,
                jf: 0,
                k: u32::from(form.jt),
            };
        }
    }
    (form, losses)
}

struct Program {
    id: String,
    arch: String,
    bytes: Vec<u8>,
}

/// Each distinct filter of disasm.jsonl (one per id and arch, whatever the
/// mode) and each program asm.jsonl assembles, with its arch.
fn programs() -> Vec<Program> {
    let mut seen = HashSet::new();
    let mut programs = Vec::new();
    for record in records("disasm.jsonl") {
        let key = (
            str_field(&record, "id").to_string(),
            str_field(&record, "arch").to_string(),
        );
        if seen.insert(key.clone()) {
            programs.push(Program {
                id: key.0,
                arch: key.1,
                bytes: unhex(str_field(&record, "hex")),
            });
        }
    }
    for record in records("asm.jsonl") {
        if record["ok"].as_bool().expect("ok") {
            programs.push(Program {
                id: str_field(&record, "id").to_string(),
                arch: str_field(&record, "arch").to_string(),
                bytes: unhex(str_field(&record, "hex")),
            });
        }
    }
    programs
}

/// How one program came back.
enum Outcome {
    Identical,
    UpTo(BTreeSet<Loss>),
    /// An empty program: there is nothing to disassemble.
    Empty,
}

fn round_trip(program: &Program) -> Result<Outcome, String> {
    if program.bytes.is_empty() {
        return Ok(Outcome::Empty);
    }
    let arch = program.arch.as_str();
    let disasm = seccomp(&["disasm", "--asm-able", "-a", arch, "-"], &program.bytes);
    if disasm.status.code() != Some(0) || !disasm.stderr.is_empty() {
        return Err(format!(
            "disasm: exit {:?}, stderr {:?}",
            disasm.status.code(),
            String::from_utf8_lossy(&disasm.stderr)
        ));
    }
    let text = String::from_utf8(disasm.stdout).map_err(|e| format!("disasm: {e}"))?;
    let asm_args = ["asm", "-a", arch, "-f", "raw", "-"];

    // `/* no-op */` lines are not assembly: asm must say so at the first one.
    let no_op_rows: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.ends_with(": /* no-op */"))
        .map(|(i, _)| i + 1)
        .collect();
    let source = if let Some(&row) = no_op_rows.first() {
        let refused = seccomp(&asm_args, text.as_bytes());
        let stderr = String::from_utf8_lossy(&refused.stderr);
        if refused.status.code() != Some(1) || !stderr.starts_with(&format!("<inline>:{row}:")) {
            return Err(format!(
                "asm of a `/* no-op */` listing: exit {:?}, stderr {stderr:?}, \
                 expected an error at row {row}",
                refused.status.code()
            ));
        }
        text.replace(": /* no-op */\n", ": goto 0\n")
    } else {
        text
    };

    let assembled = seccomp(&asm_args, source.as_bytes());
    if assembled.status.code() != Some(0) {
        return Err(format!(
            "asm: exit {:?}, stderr {:?}",
            assembled.status.code(),
            String::from_utf8_lossy(&assembled.stderr)
        ));
    }
    if assembled.stdout == program.bytes && no_op_rows.is_empty() {
        return Ok(Outcome::Identical);
    }

    let big_endian = arch == "s390x";
    let original = decode(&program.bytes, big_endian);
    let back = decode(&assembled.stdout, big_endian);
    if original.len() != back.len() {
        return Err(format!(
            "{} instructions came back as {}",
            original.len(),
            back.len()
        ));
    }
    let mut losses = BTreeSet::new();
    let mut no_op_pcs = Vec::new();
    for (pc, (&insn, &got)) in original.iter().zip(&back).enumerate() {
        let (form, lost) = asm_able_form(insn);
        if got != form {
            return Err(format!(
                "line {pc:04}: {insn:?} came back as {got:?}, expected {form:?}"
            ));
        }
        if lost.contains(&Loss::NoOp) {
            no_op_pcs.push(pc);
        }
        losses.extend(lost);
    }
    // Without the BPF columns, row r of the listing is line r - 1.
    if no_op_rows
        .iter()
        .map(|row| row - 1)
        .ne(no_op_pcs.iter().copied())
    {
        return Err(format!(
            "`/* no-op */` on rows {no_op_rows:?}, but jt = jf = 0 on lines {no_op_pcs:?}"
        ));
    }
    Ok(Outcome::UpTo(losses))
}

#[test]
fn disasm_asm_able_then_asm_gives_the_program_back() {
    let programs = programs();
    assert_eq!(programs.len(), 150 + 280);
    let mut failures = Vec::new();
    let mut identical = 0;
    let mut empty = 0;
    let mut up_to: BTreeMap<Loss, usize> = BTreeMap::new();
    // Programs whose only losses are the `len`, return data and no-op lines.
    let mut three = 0;
    let mut lossy = 0;
    let mut kernel_refused = Vec::new();
    for program in &programs {
        match round_trip(program) {
            Ok(Outcome::Identical) => identical += 1,
            Ok(Outcome::Empty) => empty += 1,
            Ok(Outcome::UpTo(losses)) => {
                lossy += 1;
                if losses
                    .iter()
                    .all(|l| matches!(l, Loss::LenLoad | Loss::ReturnData | Loss::NoOp))
                {
                    three += 1;
                }
                if losses.contains(&Loss::HighOpcodeBits) {
                    kernel_refused.push(format!("{} ({})", program.id, program.arch));
                }
                for loss in losses {
                    *up_to.entry(loss).or_default() += 1;
                }
            }
            Err(e) => failures.push(format!("{} ({}): {e}", program.id, program.arch)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs do not come back:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
    // The opcodes above 0xff are only in the spec filters read byte-swapped.
    assert!(
        kernel_refused
            .iter()
            .all(|p| p.starts_with("spec:") && p.ends_with(" (s390x)")),
        "{kernel_refused:?}"
    );
    eprintln!(
        "{} programs: {identical} identical byte for byte, {lossy} up to the documented \
         constructs ({three} of them only `len`, return data and no-op lines; {} with \
         opcodes the kernel refuses), {empty} empty (nothing to disassemble); \
         programs per construct: {up_to:?}",
        programs.len(),
        kernel_refused.len()
    );
}

#[test]
fn asm_able_forms() {
    let insn = |code, jt, jf, k| Insn { code, jt, jf, k };
    let same = |i: Insn| (i, BTreeSet::new());
    let lost = |i: Insn, losses: &[Loss]| (i, losses.iter().copied().collect());
    // Kept whole.
    for i in [
        insn(0x20, 0, 0, 4),
        insn(0x15, 1, 0, 0xc000003e),
        insn(0x06, 0, 0, 0x0005_0001),
        insn(0x06, 0, 0, 0x0003_0007),
        insn(0x06, 0, 0, 0x7ff0_0002),
        insn(0x06, 0, 0, 0x1234_0005),
        insn(0x05, 0, 0, 300),
    ] {
        assert_eq!(asm_able_form(i), same(i), "{i:?}");
    }
    assert_eq!(
        asm_able_form(insn(0x80, 0, 0, 9)),
        lost(insn(0x00, 0, 0, 64), &[Loss::LenLoad])
    );
    assert_eq!(
        asm_able_form(insn(0x81, 1, 2, 0)),
        lost(insn(0x01, 0, 0, 64), &[Loss::LenLoad])
    );
    assert_eq!(
        asm_able_form(insn(0x06, 0, 0, 0x7fff_0005)),
        lost(insn(0x06, 0, 0, 0x7fff_0000), &[Loss::ReturnData])
    );
    assert_eq!(
        asm_able_form(insn(0x06, 0, 0, 59)),
        lost(insn(0x06, 0, 0, 0), &[Loss::ReturnData])
    );
    assert_eq!(
        asm_able_form(insn(0x35, 0, 0, 7)),
        lost(insn(0x05, 0, 0, 0), &[Loss::NoOp])
    );
    assert_eq!(
        asm_able_form(insn(0x15, 3, 3, 7)),
        lost(insn(0x05, 0, 0, 3), &[Loss::EqualTargets])
    );
    assert_eq!(
        asm_able_form(insn(0x1d, 3, 3, 7)),
        lost(
            insn(0x05, 0, 0, 3),
            &[Loss::EqualTargets, Loss::UnusedField]
        )
    );
    assert_eq!(
        asm_able_form(insn(0x0c, 1, 0, 5)),
        lost(insn(0x0c, 0, 0, 0), &[Loss::UnusedField])
    );
    assert_eq!(
        asm_able_form(insn(0x16, 0, 0, 5)),
        lost(insn(0x16, 0, 0, 0), &[Loss::UnusedField])
    );
    assert_eq!(
        asm_able_form(insn(0x1500, 0, 1, 0x3e)),
        lost(
            insn(0x00, 0, 0, 0x3e),
            &[Loss::HighOpcodeBits, Loss::UnusedField]
        )
    );
}
