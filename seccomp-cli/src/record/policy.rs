//! From a [`Recording`] to the allow-list: seccomp-tools assembly that
//! `seccomp!(file = ...)`, `seccomp asm` and the runtime `Assembler`
//! compile, laid out for the kernel.
//!
//! The recorded block dispatches on the architecture, then (x32 apart) on
//! the syscall number, and reads an argument only after the number: so the
//! kernel's constant-action cache can take every syscall allowed without
//! an argument check off the filter's path. Past [`LEAF`] syscalls an ABI's
//! dispatch is a binary search on the number. Syscall names are qualified
//! by their ABI (`amd64.read`, `i386.read`), so the block means the same
//! whatever ABI it is assembled for.
//!
//! Every line that carries a recorded fact says it in its comment, in a
//! fixed form ([`crate::record::block`] reads them back for `--merge`):
//! `amd64 read: 532 calls`, `amd64 exit: not seen; ...`,
//! `amd64 ioctl args[1] = 0x5401: 10 calls`.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use seccomp_asm::{Action, Arch};

use super::layout::{Cmp, Layout};
use super::recording::{Recording, Seen};

/// The first line of the recorded block.
pub const BEGIN: &str =
    ">>> seccomp record: recorded block, rewritten by `seccomp record --merge`; edit outside it";
/// The last line of the recorded block.
pub const END: &str = "<<< seccomp record: end of the recorded block";

/// The most syscalls a dispatch compares one after the other; more are
/// split in two by number, recursively.
pub const LEAF: usize = 8;

/// Syscalls a program may need although a run did not show them: the
/// returns from signal handlers, the restart of an interrupted sleep, and
/// the two exits. Each is allowed on every ABI recorded that has it.
pub const NEEDED: [&str; 5] = [
    "rt_sigreturn",
    "sigreturn",
    "restart_syscall",
    "exit",
    "exit_group",
];

/// What a syscall that was not recorded gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DefaultAction(Action);

impl DefaultAction {
    /// `ERRNO(38)`, ENOSYS: the program sees "not implemented", and libc
    /// falls back to an older syscall where it has one (clone3 to clone).
    pub const ENOSYS: DefaultAction = DefaultAction(Action::Errno(38));

    pub fn action(self) -> Action {
        self.0
    }
}

impl fmt::Display for DefaultAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for DefaultAction {
    type Err = String;

    /// An action as the assembler writes it: `KILL_PROCESS`, `ERRNO(13)`,
    /// `TRAP`, `LOG`, in any case. ALLOW is refused: it would allow what
    /// was never recorded.
    fn from_str(s: &str) -> Result<DefaultAction, String> {
        let text = s.trim();
        let (name, data) = match text.split_once('(') {
            Some((name, rest)) => {
                let inner = rest
                    .strip_suffix(')')
                    .ok_or_else(|| format!("`{s}`: a `(` without its `)`"))?
                    .trim();
                let value = match inner.strip_prefix("0x") {
                    Some(hex) => u32::from_str_radix(hex, 16),
                    None => inner.parse::<u32>(),
                }
                .ok()
                .filter(|&v| v <= 0xffff)
                .ok_or_else(|| format!("`{s}`: the data must be a number from 0 to 65535"))?;
                (name.trim(), value)
            }
            None => (text, 0),
        };
        let base = Action::value_of_name(&name.to_ascii_uppercase()).ok_or_else(|| {
            format!("`{s}`: not an action; use KILL_PROCESS, KILL_THREAD, TRAP, ERRNO(N), TRACE, LOG or USER_NOTIF")
        })?;
        let action = Action::from_ret(base | data);
        if let Action::Allow(_) = action {
            return Err(format!(
                "`{s}`: an allow-list whose default is ALLOW allows everything; \
                 use LOG to let unrecorded syscalls through and log them"
            ));
        }
        Ok(DefaultAction(action))
    }
}

/// The comment a new policy file starts with, outside the recorded block.
pub const INTRO: &str = "\
# A seccomp allow-list recorded by `seccomp record`.
#
# Compile it with `seccomp!(file = \"...\")` (seccomp-runtime) and install the
# filter where the program starts. Everything outside the recorded block is
# yours: `seccomp record --merge` rewrites only the block.
";

/// A new policy file: [`INTRO`], then the recorded block.
pub fn write_file(rec: &Recording, default: DefaultAction) -> String {
    format!("{INTRO}\n{}", write_block(rec, default))
}

/// The recorded block, from [`BEGIN`] to [`END`], each line ending in `\n`.
pub fn write_block(rec: &Recording, default: DefaultAction) -> String {
    let mut l = Layout::default();
    let ret_default = format!("return {default}");
    l.note(BEGIN);
    for run in &rec.runs {
        l.note(format!("run: {}", one_line(run)));
    }
    l.note(format!("default: {default}"));
    let sections = sections(rec);
    if sections.is_empty() {
        l.note("No syscall was recorded: every call gets the default.");
        l.stmt(&ret_default, None);
        l.note(END);
        return l.render();
    }
    l.note("");
    l.stmt("A = arch", None);
    for section in &sections {
        let summary = section
            .abis
            .iter()
            .map(|(abi, entries)| format!("{abi}: {} syscalls", entries.len()))
            .collect::<Vec<_>>()
            .join(", ");
        l.jump(
            Cmp::Eq,
            section.audit_constant,
            section.label,
            Some(summary),
        );
    }
    l.stmt(&ret_default, Some("every architecture not recorded".into()));
    for section in &sections {
        write_section(&mut l, section, &ret_default);
    }
    l.note(END);
    l.render()
}

/// A recorded command on one comment line.
fn one_line(run: &str) -> String {
    run.replace(['\n', '\r'], " ")
}

/// The ABIs that share one `AUDIT_ARCH_*` value, dispatched on together.
struct Section {
    label: &'static str,
    audit_constant: &'static str,
    /// amd64 first, then x32, when both.
    abis: Vec<(Arch, Vec<Entry>)>,
}

/// One syscall in a dispatch.
struct Entry {
    nr: u32,
    seen: Option<Seen>,
}

fn sections(rec: &Recording) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for (&abi, syscalls) in &rec.abis {
        if syscalls.is_empty() {
            continue;
        }
        let owner = if abi == Arch::X32 { Arch::X86_64 } else { abi };
        let entries = entries(abi, syscalls);
        match sections.iter_mut().find(|s| s.label == owner.name()) {
            Some(section) => section.abis.push((abi, entries)),
            None => sections.push(Section {
                label: owner.name(),
                audit_constant: owner.constant(),
                abis: vec![(abi, entries)],
            }),
        }
    }
    for s in &mut sections {
        s.abis.sort_by_key(|(abi, _)| *abi);
    }
    sections.sort_by_key(|s| s.abis[0].0);
    sections
}

/// The recorded syscalls and the needed ones, by number.
fn entries(abi: Arch, syscalls: &BTreeMap<u32, Seen>) -> Vec<Entry> {
    let mut all: BTreeMap<u32, Option<Seen>> = syscalls
        .iter()
        .map(|(&nr, s)| (nr, Some(s.clone())))
        .collect();
    for name in NEEDED {
        if let Some(nr) = abi.syscall_nr(name) {
            all.entry(nr).or_insert(None);
        }
    }
    all.into_iter()
        .map(|(nr, seen)| Entry { nr, seen })
        .collect()
}

/// `amd64.read` when the ABI's table names the number, else the number.
fn operand(abi: Arch, nr: u32) -> String {
    match abi.syscall_name(nr) {
        Some(name) => format!("{abi}.{name}"),
        None => format!("{nr:#x}"),
    }
}

/// The name in comments and labels: the syscall's, or its number.
fn name(abi: Arch, nr: u32) -> String {
    abi.syscall_name(nr)
        .map_or_else(|| format!("{nr:#x}"), str::to_string)
}

fn calls(n: u64) -> String {
    if n == 1 {
        "1 call".to_string()
    } else {
        format!("{n} calls")
    }
}

fn write_section(l: &mut Layout, section: &Section, ret_default: &str) {
    let allow = format!("{}_allow", section.label);
    l.label(section.label);
    l.stmt("A = sys_number", None);
    let x32_bit = format!("{:#x}", Arch::X32_SYSCALL_BIT);
    let native = section.abis.iter().find(|(abi, _)| *abi != Arch::X32);
    let x32 = section.abis.iter().find(|(abi, _)| *abi == Arch::X32);
    if section.label == Arch::X86_64.name() {
        match x32 {
            Some(_) => l.jump(
                Cmp::Ge,
                &x32_bit,
                "x32",
                Some("x32 numbers carry bit 0x40000000".into()),
            ),
            None => {
                let below = format!("{}_syscalls", section.label);
                l.jump(Cmp::Lt, &x32_bit, &below, None);
                l.stmt(
                    ret_default,
                    Some("x32 (numbers with bit 0x40000000): not recorded".into()),
                );
                l.label(below);
            }
        }
        match native {
            Some((abi, entries)) => dispatch(l, *abi, entries, &allow, ret_default),
            None => l.stmt(ret_default, Some("amd64: not recorded".into())),
        }
        if let Some((abi, entries)) = x32 {
            l.label("x32");
            dispatch(l, *abi, entries, &allow, ret_default);
        }
    } else {
        for (abi, entries) in &section.abis {
            dispatch(l, *abi, entries, &allow, ret_default);
        }
    }
    for (abi, entries) in &section.abis {
        for entry in entries {
            if let Some(seen) = entry.seen.as_ref().filter(|s| !s.args.is_empty()) {
                write_arg_checks(l, *abi, entry.nr, seen, &allow, ret_default);
            }
        }
    }
    l.label(allow);
    l.stmt("return ALLOW", None);
}

/// The label of the checks of `nr`'s argument `index`.
fn args_label(abi: Arch, nr: u32, index: u8) -> String {
    format!("{abi}_{}_arg{index}", name(abi, nr))
}

/// A binary search on the number down to runs of at most [`LEAF`].
fn dispatch(l: &mut Layout, abi: Arch, entries: &[Entry], allow: &str, ret_default: &str) {
    if entries.len() > LEAF {
        let (low, high) = entries.split_at(entries.len() / 2);
        let pivot = high[0].nr;
        let label = format!("{abi}_from_{}", name(abi, pivot));
        l.jump(Cmp::Ge, operand(abi, pivot), &label, None);
        dispatch(l, abi, low, allow, ret_default);
        l.label(label);
        dispatch(l, abi, high, allow, ret_default);
        return;
    }
    for entry in entries {
        let who = format!("{abi} {}", name(abi, entry.nr));
        let (target, comment) = match &entry.seen {
            None => (
                allow.to_string(),
                format!("{who}: not seen; every program may need it"),
            ),
            Some(seen) => match seen.args.keys().next() {
                Some(&first) => (
                    args_label(abi, entry.nr, first),
                    format!("{who}: {}; arguments checked below", calls(seen.calls)),
                ),
                None => (allow.to_string(), format!("{who}: {}", calls(seen.calls))),
            },
        };
        l.jump(Cmp::Eq, operand(abi, entry.nr), target, Some(comment));
    }
    l.stmt(ret_default, None);
}

/// Allows `nr` only with the recorded values of each recorded argument:
/// both 32-bit halves on ABIs whose arguments are 64-bit.
fn write_arg_checks(
    l: &mut Layout,
    abi: Arch,
    nr: u32,
    seen: &Seen,
    allow: &str,
    ret_default: &str,
) {
    let wide = abi.audit() & 0x8000_0000 != 0;
    let indexes: Vec<u8> = seen.args.keys().copied().collect();
    let names: Vec<&str> = abi
        .syscall_name(nr)
        .and_then(seccomp_asm::syscall_arg_names)
        .map(|n| n.collect())
        .unwrap_or_default();
    for (k, &index) in indexes.iter().enumerate() {
        let values = &seen.args[&index];
        let pass = match indexes.get(k + 1) {
            Some(&next) => args_label(abi, nr, next),
            None => allow.to_string(),
        };
        let label = args_label(abi, nr, index);
        l.label(&label);
        let arg_name = names
            .get(usize::from(index))
            .map_or(String::new(), |n| format!(" ({n})"));
        let what = format!(
            "{} {}: argument {index}{arg_name} only as recorded",
            abi,
            name(abi, nr)
        );
        let comment = |value: u64, n: u64| {
            format!(
                "{abi} {} args[{index}] = {value:#x}: {}",
                name(abi, nr),
                calls(n)
            )
        };
        if !wide {
            l.stmt(format!("A = args[{index}]"), Some(what));
            for (&value, &n) in values {
                l.jump(
                    Cmp::Eq,
                    format!("{value:#x}"),
                    &pass,
                    Some(comment(value, n)),
                );
            }
            l.stmt(ret_default, None);
            continue;
        }
        let mut by_high: BTreeMap<u32, Vec<(u64, u64)>> = BTreeMap::new();
        for (&value, &n) in values {
            by_high
                .entry((value >> 32) as u32)
                .or_default()
                .push((value, n));
        }
        l.stmt(format!("A = args_h[{index}]"), Some(what));
        let groups = by_high.len();
        for (g, (high, lows)) in by_high.into_iter().enumerate() {
            let out = if g + 1 < groups {
                format!("{label}_high{}", g + 1)
            } else {
                format!("{label}_other")
            };
            l.jump(Cmp::Ne, format!("{high:#x}"), &out, None);
            l.stmt(format!("A = args[{index}]"), None);
            for (value, n) in lows {
                l.jump(
                    Cmp::Eq,
                    format!("{:#x}", value as u32),
                    &pass,
                    Some(comment(value, n)),
                );
            }
            if g + 1 < groups {
                l.stmt(ret_default, None);
                l.label(out);
            } else {
                l.label(out);
                l.stmt(ret_default, None);
            }
        }
    }
}
