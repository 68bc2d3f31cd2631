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
        if let Action::Errno(n) = action {
            if u32::from(n) > Action::MAX_ERRNO {
                return Err(format!(
                    "`{s}`: the kernel caps errno at {}, so ERRNO({n}) would fail with {}",
                    Action::MAX_ERRNO,
                    Action::MAX_ERRNO
                ));
            }
        }
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

/// A recorded command on one comment line; the block's reader applies the
/// same rule, so a command reads back as it is written.
pub(crate) fn one_line(run: &str) -> String {
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
    /// An amd64 syscall allowed because its x32 twin was seen: the same
    /// kernel code, so no more power, and no x32 number allowed whose
    /// native number is not (which the `x32_guard` lint would refuse).
    mirror: bool,
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
        mirror_x32(&mut s.abis);
    }
    sections.sort_by_key(|s| s.abis[0].0);
    sections
}

/// Adds to amd64 each syscall seen only through x32, with the same
/// argument checks (see [`Entry::mirror`]).
fn mirror_x32(abis: &mut Vec<(Arch, Vec<Entry>)>) {
    let Some(x32) = abis.iter().position(|(abi, _)| *abi == Arch::X32) else {
        return;
    };
    let mirrors: Vec<Entry> = abis[x32]
        .1
        .iter()
        .filter_map(|e| {
            let native = Arch::X86_64.syscall_nr(table_name(Arch::X32, e.nr)?)?;
            Some(Entry {
                nr: native,
                seen: Some(e.seen.clone()?),
                mirror: true,
            })
        })
        .collect();
    // amd64 is there whenever x32 is, with the syscalls every program may
    // need, which x32 allows too.
    if abis[0].0 != Arch::X86_64 {
        abis.insert(0, (Arch::X86_64, entries(Arch::X86_64, &BTreeMap::new())));
    }
    let native = &mut abis[0].1;
    for m in mirrors {
        if let Err(at) = native.binary_search_by_key(&m.nr, |e| e.nr) {
            native.insert(at, m);
        }
    }
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
        .map(|(nr, seen)| Entry {
            nr,
            seen,
            mirror: false,
        })
        .collect()
}

/// The ABI's name for the number, if that name means the number (a table
/// may give two numbers one name).
fn table_name(abi: Arch, nr: u32) -> Option<&'static str> {
    abi.syscall_name(nr)
        .filter(|&name| abi.syscall_nr(name) == Some(nr))
}

/// `amd64.read` when the ABI's table names the number, else the number.
fn operand(abi: Arch, nr: u32) -> String {
    match table_name(abi, nr) {
        Some(name) => format!("{abi}.{name}"),
        None => format!("{nr:#x}"),
    }
}

/// The name in comments and labels: the syscall's, or its number.
fn name(abi: Arch, nr: u32) -> String {
    table_name(abi, nr).map_or_else(|| format!("{nr:#x}"), str::to_string)
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
            // By the bit, as the kernel tells x32 calls apart: amd64
            // numbers above it (which no kernel has, but a program can
            // make) stay amd64's.
            Some(_) => l.jump(
                Cmp::AnySet,
                &x32_bit,
                "x32",
                Some("x32 numbers carry bit 0x40000000".into()),
            ),
            None => {
                let below = format!("{}_syscalls", section.label);
                l.jump(Cmp::NoneSet, &x32_bit, &below, None);
                l.stmt(
                    ret_default,
                    Some("x32 (numbers with bit 0x40000000): not recorded".into()),
                );
                l.label(below);
            }
        }
        // amd64 is there whenever x32 is (see `mirror_x32`).
        if let Some((abi, entries)) = native {
            dispatch(l, *abi, entries, &allow, ret_default);
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
                write_arg_checks(l, *abi, entry, seen, &allow, ret_default);
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
            Some(seen) if entry.mirror => (
                match seen.args.keys().next() {
                    Some(&first) => args_label(abi, entry.nr, first),
                    None => allow.to_string(),
                },
                format!("{who}: not seen; allowed as its x32 twin is"),
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
    entry: &Entry,
    seen: &Seen,
    allow: &str,
    ret_default: &str,
) {
    let nr = entry.nr;
    let wide = abi.has_64bit_args();
    // A mirror's values are x32's: said so, and not read back as amd64's.
    let whose = if entry.mirror { " (as x32)" } else { "" };
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
                "{abi} {}{whose} args[{index}] = {value:#x}: {}",
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::block;
    use proptest::prelude::*;
    use seccomp_runtime::{Assembler, OwnedFilter, SeccompData};

    /// The ABIs a recording on x86-64 can see, and one of another section.
    const ABIS: [Arch; 4] = [Arch::X86_64, Arch::I386, Arch::X32, Arch::Aarch64];

    fn recording() -> impl Strategy<Value = Recording> {
        let value = prop_oneof![
            any::<u64>(),
            any::<u32>().prop_map(u64::from),
            0u64..4,
            Just(u64::MAX)
        ];
        let syscall = (
            any::<prop::sample::Index>(),
            1u64..1000,
            prop::collection::btree_map(
                0u8..6,
                prop::collection::btree_map(value, 1u64..50, 1..5),
                0..2,
            ),
            prop::bool::weighted(0.1),
        );
        // Up to about 2,000 instructions in all: within the kernel's 4,096.
        let abi = prop::collection::vec(syscall, 0..80);
        prop::collection::vec((prop::sample::select(ABIS.to_vec()), abi), 1..4).prop_map(|abis| {
            let mut rec = Recording {
                runs: vec!["prog --flag 'x y'".into()],
                ..Recording::default()
            };
            for (abi, syscalls) in abis {
                // amd64's table also names the x32 numbers (`x32_read`),
                // which a recording files under x32.
                let table: Vec<u32> = abi
                    .syscalls()
                    .map(|(_, nr)| nr)
                    .filter(|&nr| abi == Arch::X32 || nr & Arch::X32_SYSCALL_BIT == 0)
                    .collect();
                let map = rec.abis.entry(abi).or_default();
                for (index, calls, mut args, unnamed) in syscalls {
                    let mut nr = if unnamed {
                        // Past every table, and (on amd64) past the x32 bit
                        // without it: numbers only a program's mistake makes.
                        let high = if abi == Arch::X86_64 && index.index(2) == 0 {
                            0x8000_0000
                        } else {
                            0
                        };
                        high | (1000 + index.index(100) as u32)
                    } else {
                        table[index.index(table.len())]
                    };
                    if abi == Arch::X32 {
                        nr |= Arch::X32_SYSCALL_BIT;
                    }
                    // Every program's syscalls are allowed whatever their
                    // arguments: `--args` refuses them.
                    if NEEDED.iter().any(|n| abi.syscall_nr(n) == Some(nr)) {
                        args.clear();
                    }
                    if !abi.has_64bit_args() {
                        // What a 32-bit ABI's filter sees.
                        for values in args.values_mut() {
                            *values = values.iter().map(|(&v, &n)| (v & 0xffff_ffff, n)).collect();
                        }
                    }
                    map.insert(nr, Seen { calls, args });
                }
            }
            rec.abis.retain(|_, s| !s.is_empty());
            rec
        })
    }

    fn compile(text: &str, arch: Arch) -> OwnedFilter {
        match Assembler::new(arch).assemble(text) {
            Ok(a) => a.into_filter(),
            Err(e) => panic!("{e}\n{text}"),
        }
    }

    fn ret(filter: &OwnedFilter, abi: Arch, nr: u32, args: [u64; 6]) -> Action {
        filter.emulate(&SeccompData {
            nr: nr as i32,
            arch: abi.audit(),
            instruction_pointer: 0,
            args,
        })
    }

    proptest! {
        // 128 cases in the test suite; PROPTEST_CASES asks for more.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(128),
            ..ProptestConfig::default()
        })]

        /// What the policy says it allows, the emulator allows; nothing else;
        /// and the file reads back as the recording it was written from.
        #[test]
        fn the_policy_allows_exactly_what_was_recorded(rec in recording(), kill in any::<bool>()) {
            prop_assume!(!rec.abis.is_empty());
            let default = if kill { "KILL_PROCESS".parse().unwrap() } else { DefaultAction::ENOSYS };
            let text = write_file(&rec, default);
            let denied = default.action();
            let first = *rec.abis.keys().next().unwrap();
            let target = if first == Arch::X32 { Arch::X86_64 } else { first };
            let filter = compile(&text, target);
            for (&abi, syscalls) in &rec.abis {
                for (&nr, seen) in syscalls {
                    let mut args = [0u64; 6];
                    for (&i, values) in &seen.args {
                        args[usize::from(i)] = *values.keys().next().unwrap();
                    }
                    prop_assert_eq!(ret(&filter, abi, nr, args), Action::Allow(0), "{} {:#x}", abi, nr);
                    for (&i, values) in &seen.args {
                        // Each recorded value passes; a value differing in
                        // the low half, or the high half, does not.
                        for &v in values.keys() {
                            let mut a = args;
                            a[usize::from(i)] = v;
                            prop_assert_eq!(ret(&filter, abi, nr, a), Action::Allow(0));
                        }
                        let seen_value = *values.keys().next().unwrap();
                        let mut probes = vec![seen_value ^ 1];
                        if abi.has_64bit_args() {
                            probes.push(seen_value ^ (1 << 40));
                        }
                        for probe in probes.into_iter().filter(|p| !values.contains_key(p)) {
                            let mut a = args;
                            a[usize::from(i)] = probe;
                            prop_assert_eq!(ret(&filter, abi, nr, a), denied, "{} {:#x} args[{}] = {:#x}", abi, nr, i, probe);
                        }
                    }
                }
                let needed: Vec<u32> = NEEDED.iter().filter_map(|n| abi.syscall_nr(n)).collect();
                for &nr in &needed {
                    if syscalls.get(&nr).is_none_or(|s| s.args.is_empty()) {
                        prop_assert_eq!(ret(&filter, abi, nr, [7; 6]), Action::Allow(0));
                    }
                }
                // amd64 also allows the twins of x32's syscalls.
                let mirrored: Vec<u32> = match (abi, rec.abis.get(&Arch::X32)) {
                    (Arch::X86_64, Some(x32)) => x32
                        .keys()
                        .filter_map(|&nr| Arch::X86_64.syscall_nr(Arch::X32.syscall_name(nr)?))
                        .collect(),
                    _ => Vec::new(),
                };
                let base = if abi == Arch::X32 { Arch::X32_SYSCALL_BIT } else { 0 };
                let unrecorded = |nr: &u32| !syscalls.contains_key(nr) && !needed.contains(nr) && !mirrored.contains(nr);
                for nr in (base..base + 1200).filter(unrecorded) {
                    prop_assert_eq!(ret(&filter, abi, nr, [0; 6]), denied, "{} {:#x}", abi, nr);
                }
            }
            // An ABI not recorded gets the default, x32 included.
            for abi in [Arch::X86_64, Arch::X32, Arch::I386, Arch::Aarch64, Arch::Ppc64Le] {
                let twin = abi == Arch::X86_64 && rec.abis.contains_key(&Arch::X32);
                if !rec.abis.contains_key(&abi) && !twin {
                    let nr = abi.syscall_nr("read").unwrap();
                    prop_assert_eq!(ret(&filter, abi, nr, [0; 6]), denied, "{}", abi);
                }
            }
            let doc = block::parse(&text, "p.asm").unwrap();
            prop_assert_eq!(&doc.recording, &rec);
            prop_assert_eq!(doc.default, Some(default));
            prop_assert_eq!(doc.before, format!("{INTRO}\n"));
            prop_assert_eq!(doc.after, "");
        }
    }

    /// 150 syscalls, each with six values of an argument in three upper
    /// halves: the dispatch and the checks span far more than a conditional
    /// jump reaches, and still assemble and mean the same.
    #[test]
    fn far_apart_checks_assemble() {
        let mut rec = Recording::default();
        let syscalls = rec.abis.entry(Arch::X86_64).or_default();
        let values: BTreeMap<u64, u64> = (0..6u64).map(|v| (v << 31, 1)).collect();
        for (_, nr) in Arch::X86_64.syscalls().take(150) {
            let seen = Seen {
                calls: 6,
                args: [(1, values.clone())].into(),
            };
            syscalls.insert(nr, seen);
        }
        let text = write_file(&rec, DefaultAction::ENOSYS);
        let filter = compile(&text, Arch::X86_64);
        assert!(filter.len() > 2 * 255, "{}", filter.len());
        for (_, nr) in Arch::X86_64.syscalls().take(150) {
            for v in 0..6u64 {
                let args = [0, v << 31, 0, 0, 0, 0];
                assert_eq!(ret(&filter, Arch::X86_64, nr, args), Action::Allow(0));
            }
            let refused = [0, 6 << 31, 0, 0, 0, 0];
            assert_eq!(ret(&filter, Arch::X86_64, nr, refused), Action::Errno(38));
        }
    }

    #[test]
    fn past_a_leaf_the_dispatch_is_a_binary_search() {
        let mut rec = Recording::default();
        let syscalls = rec.abis.entry(Arch::X86_64).or_default();
        for (_, nr) in Arch::X86_64.syscalls().take(200) {
            syscalls.insert(
                nr,
                Seen {
                    calls: 1,
                    args: BTreeMap::new(),
                },
            );
        }
        let text = write_file(&rec, DefaultAction::ENOSYS);
        let filter = compile(&text, Arch::X86_64);
        // The longest path: the arch (two instructions), the number and the
        // x32 guard, five halvings (200, 100, 50, 25, 13, 7) and a run of
        // seven tests ending in `return ALLOW`, where a chain would take 200.
        let longest = Arch::X86_64
            .syscalls()
            .map(|(_, nr)| {
                let data = SeccompData {
                    nr: nr as i32,
                    arch: Arch::X86_64.audit(),
                    instruction_pointer: 0,
                    args: [0; 6],
                };
                let insns = filter.instructions();
                seccomp_asm::emu::emulate(insns, &data, Arch::X86_64.endian())
                    .unwrap()
                    .path
                    .len()
            })
            .max()
            .unwrap();
        assert!(
            longest <= 4 + 8 + LEAF + 1,
            "a path of {longest} instructions"
        );
    }

    #[test]
    fn default_actions_parse_as_the_assembler_writes_them() {
        let p = |s: &str| s.parse::<DefaultAction>().map(|d| d.to_string());
        assert_eq!(p("ERRNO(38)").unwrap(), "ERRNO(38)");
        assert_eq!(p("errno(0x26)").unwrap(), "ERRNO(38)");
        assert_eq!(p("kill_process").unwrap(), "KILL_PROCESS");
        assert_eq!(p("KILL").unwrap(), "KILL");
        assert_eq!(p("LOG").unwrap(), "LOG");
        assert_eq!(p("TRAP(3)").unwrap(), "TRAP(3)");
        assert!(p("ALLOW").unwrap_err().contains("allows everything"));
        assert!(p("ERRNO(65536)").unwrap_err().contains("0 to 65535"));
        assert!(p("ERRNO(4096)").unwrap_err().contains("caps errno at 4095"));
        assert_eq!(p("ERRNO(4095)").unwrap(), "ERRNO(4095)");
        assert_eq!(p("TRAP(65535)").unwrap(), "TRAP(65535)");
        assert!(p("ERRNO(1").unwrap_err().contains("without its `)`"));
        assert!(p("DENY").unwrap_err().contains("not an action"));
    }

    /// A recording of nothing allows nothing, which the lints refuse as a
    /// filter that stops its program before its first call.
    #[test]
    fn an_empty_recording_is_refused_by_the_lints() {
        let text = write_file(&Recording::default(), DefaultAction::ENOSYS);
        let err = Assembler::new(Arch::X86_64).assemble(&text).unwrap_err();
        assert!(err.to_string().contains("target_arch_killed"), "{err}");
    }
}
