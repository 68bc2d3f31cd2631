//! Assembly text laid out so that it assembles as written: every
//! conditional jump whose target is farther than the 255 instructions its
//! offset can reach becomes the opposite test over an unconditional
//! `goto`, which reaches anywhere.
//!
//! Takes statements, forward jumps and labels in program order; gives the
//! text, one instruction a line, comments aligned.

use std::collections::HashMap;
use std::fmt::Write;

/// The comparisons a jump can make; each has an opposite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Ge,
    Lt,
    /// Some bit of the operand is set in A (`jset`).
    AnySet,
    /// No bit of the operand is set in A.
    NoneSet,
}

impl Cmp {
    /// The condition of `if (...)`.
    fn condition(self, operand: &str) -> String {
        match self {
            Cmp::Eq => format!("A == {operand}"),
            Cmp::Ne => format!("A != {operand}"),
            Cmp::Ge => format!("A >= {operand}"),
            Cmp::Lt => format!("A < {operand}"),
            Cmp::AnySet => format!("A & {operand}"),
            Cmp::NoneSet => format!("!(A & {operand})"),
        }
    }

    fn opposite(self) -> Cmp {
        match self {
            Cmp::Eq => Cmp::Ne,
            Cmp::Ne => Cmp::Eq,
            Cmp::Ge => Cmp::Lt,
            Cmp::Lt => Cmp::Ge,
            Cmp::AnySet => Cmp::NoneSet,
            Cmp::NoneSet => Cmp::AnySet,
        }
    }
}

/// The farthest a conditional jump reaches: its offsets are 8 bits.
const MAX_OFFSET: usize = 255;
/// The column comments start at.
const COMMENT_COLUMN: usize = 48;

#[derive(Debug)]
enum Item {
    Label(String),
    /// A comment on a line of its own.
    Note(String),
    /// One instruction that is not a conditional jump.
    Stmt {
        code: String,
        comment: Option<String>,
    },
    Jump {
        cmp: Cmp,
        operand: String,
        target: String,
        comment: Option<String>,
    },
}

#[derive(Debug, Default)]
pub struct Layout {
    items: Vec<Item>,
}

impl Layout {
    pub fn label(&mut self, name: impl Into<String>) {
        self.items.push(Item::Label(name.into()));
    }

    pub fn note(&mut self, text: impl Into<String>) {
        self.items.push(Item::Note(text.into()));
    }

    pub fn stmt(&mut self, code: impl Into<String>, comment: Option<String>) {
        self.items.push(Item::Stmt {
            code: code.into(),
            comment,
        });
    }

    /// `if (A <cmp> operand) goto target`, to a label defined later.
    pub fn jump(
        &mut self,
        cmp: Cmp,
        operand: impl Into<String>,
        target: impl Into<String>,
        comment: Option<String>,
    ) {
        self.items.push(Item::Jump {
            cmp,
            operand: operand.into(),
            target: target.into(),
            comment,
        });
    }

    /// The text. Panics on a jump to a label that is not defined after it,
    /// which is a bug of the caller, never of the input.
    pub fn render(&self) -> String {
        let far = self.far_jumps();
        let mut out = String::new();
        let mut skips = 0usize;
        for (i, item) in self.items.iter().enumerate() {
            match item {
                Item::Label(name) => {
                    let _ = writeln!(out, "{name}:");
                }
                Item::Note(text) if text.is_empty() => out.push_str("#\n"),
                Item::Note(text) => {
                    let _ = writeln!(out, "# {text}");
                }
                Item::Stmt { code, comment } => line(&mut out, code, comment.as_deref()),
                Item::Jump {
                    cmp,
                    operand,
                    target,
                    comment,
                } if far[i] => {
                    skips += 1;
                    let skip = format!("{target}_skip{skips}");
                    let code = format!("if ({}) goto {skip}", cmp.opposite().condition(operand));
                    line(&mut out, &code, comment.as_deref());
                    line(&mut out, &format!("goto {target}"), None);
                    let _ = writeln!(out, "{skip}:");
                }
                Item::Jump {
                    cmp,
                    operand,
                    target,
                    comment,
                } => {
                    let code = format!("if ({}) goto {target}", cmp.condition(operand));
                    line(&mut out, &code, comment.as_deref());
                }
            }
        }
        out
    }

    /// Which jumps must take the long form. Lengthening a jump only moves
    /// targets farther, so this grows to a fixed point.
    fn far_jumps(&self) -> Vec<bool> {
        let mut far = vec![false; self.items.len()];
        loop {
            let mut at = Vec::with_capacity(self.items.len());
            let mut labels = HashMap::new();
            let mut pc = 0usize;
            for (i, item) in self.items.iter().enumerate() {
                at.push(pc);
                match item {
                    Item::Label(name) => {
                        labels.insert(name.as_str(), pc);
                    }
                    Item::Note(_) => {}
                    Item::Stmt { .. } => pc += 1,
                    Item::Jump { .. } => pc += if far[i] { 2 } else { 1 },
                }
            }
            let mut changed = false;
            for (i, item) in self.items.iter().enumerate() {
                if let Item::Jump { target, .. } = item {
                    let to = *labels
                        .get(target.as_str())
                        .unwrap_or_else(|| panic!("jump to undefined label {target}"));
                    assert!(to > at[i], "jump to {target} is not forward");
                    if !far[i] && to - at[i] - 1 > MAX_OFFSET {
                        far[i] = true;
                        changed = true;
                    }
                }
            }
            if !changed {
                return far;
            }
        }
    }
}

fn line(out: &mut String, code: &str, comment: Option<&str>) {
    match comment {
        Some(c) => {
            let _ = writeln!(out, "{code:<width$} # {c}", width = COMMENT_COLUMN - 1);
        }
        None => {
            out.push_str(code);
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use seccomp_asm::assembler::{assemble, Options};
    use seccomp_asm::Arch;

    fn assemble_text(text: &str) -> Vec<seccomp_asm::Insn> {
        let opts = Options::strict(Arch::X86_64);
        assemble(text.as_bytes(), &opts)
            .unwrap_or_else(|d| panic!("{text}\n{d:?}"))
            .insns
    }

    /// Whether syscall `nr` reaches `return ALLOW` in the emulator.
    fn allowed(insns: &[seccomp_asm::Insn], nr: i32) -> bool {
        let data = seccomp_asm::data::SeccompData {
            nr,
            arch: Arch::X86_64.audit(),
            instruction_pointer: 0,
            args: [0; 6],
        };
        let out = seccomp_asm::emu::emulate(insns, &data, Arch::X86_64.endian()).unwrap();
        out.ret == seccomp_asm::Action::ALLOW
    }

    #[test]
    fn near_jumps_stay_single_instructions() {
        let mut l = Layout::default();
        l.stmt("A = sys_number", None);
        l.jump(Cmp::Eq, "1", "yes", Some("one".into()));
        l.stmt("return ERRNO(1)", None);
        l.label("yes");
        l.stmt("return ALLOW", None);
        let text = l.render();
        assert_eq!(
            text,
            format!(
                "A = sys_number\n{:<47} # one\nreturn ERRNO(1)\nyes:\nreturn ALLOW\n",
                "if (A == 1) goto yes"
            )
        );
        assert_eq!(assemble_text(&text).len(), 4);
    }

    #[test]
    fn bit_tests_and_their_far_form_mean_the_same() {
        for gap in [1usize, 300] {
            let mut l = Layout::default();
            l.stmt("A = sys_number", None);
            l.jump(Cmp::NoneSet, "0x40000000", "clear", None);
            for _ in 0..gap {
                l.stmt("return ERRNO(1)", None);
            }
            l.label("clear");
            l.stmt("return ALLOW", None);
            let insns = assemble_text(&l.render());
            for (nr, expected) in [
                (0, true),
                (0x4000_0000, false),
                (-1, false),
                (i32::MIN, true),
            ] {
                assert_eq!(allowed(&insns, nr), expected, "gap {gap} nr {nr:#x}");
            }
        }
    }

    #[test]
    fn far_jumps_go_through_an_unconditional_goto() {
        for gap in [254usize, 255, 256, 300] {
            let mut l = Layout::default();
            l.stmt("A = sys_number", None);
            l.jump(Cmp::Ge, "7", "far", None);
            for _ in 0..gap {
                l.stmt("return ERRNO(1)", None);
            }
            l.label("far");
            l.stmt("return ALLOW", None);
            let text = l.render();
            let insns = assemble_text(&text);
            assert_eq!(insns.len(), gap + 3 + usize::from(gap > 255), "gap {gap}");
            // Whatever the form, 7 and above reach ALLOW and below does not.
            for (nr, expected) in [(6, false), (7, true), (8, true)] {
                assert_eq!(allowed(&insns, nr), expected, "gap {gap} nr {nr}");
            }
        }
    }
}
