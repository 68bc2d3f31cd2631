//! What recorded runs saw: for each ABI, each syscall number, how often it
//! was called and, for the arguments asked for, each value and how often.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use seccomp_asm::Arch;

use super::policy::NEEDED;

/// The syscalls of one or more runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recording {
    /// The command lines recorded, oldest first.
    pub runs: Vec<String>,
    /// For each ABI (x32 apart from amd64), each syscall number seen (x32
    /// numbers with their x32 bit).
    pub abis: BTreeMap<Arch, BTreeMap<u32, Seen>>,
}

/// One syscall of one ABI.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// How many times it was called.
    pub calls: u64,
    /// The arguments recorded: index, then each value (as the filter sees
    /// it) and how many calls had it.
    pub args: BTreeMap<u8, BTreeMap<u64, u64>>,
}

impl Recording {
    /// Counts one call.
    pub fn add(&mut self, abi: Arch, nr: u32) -> &mut Seen {
        let seen = self.abis.entry(abi).or_default().entry(nr).or_default();
        seen.calls += 1;
        seen
    }

    /// The union with a later recording. An argument recorded on one side
    /// but not on the other, where that side made calls, can no longer be
    /// checked (those calls' values are unknown): it is dropped, and named
    /// in the returned list so the user can be told.
    pub fn merge(&mut self, later: Recording) -> Vec<Unchecked> {
        self.runs.extend(later.runs);
        let mut dropped = Vec::new();
        for (abi, syscalls) in later.abis {
            let mine = self.abis.entry(abi).or_default();
            for (nr, theirs) in syscalls {
                match mine.get_mut(&nr) {
                    None => {
                        mine.insert(nr, theirs);
                    }
                    Some(seen) => {
                        for index in seen.merge(theirs) {
                            dropped.push(Unchecked { abi, nr, index });
                        }
                    }
                }
            }
        }
        dropped
    }

    /// Every `(ABI, syscall name, argument)` whose values were recorded:
    /// what a merged recording must go on recording.
    pub fn arg_specs(&self) -> BTreeSet<ArgSpec> {
        let mut specs = BTreeSet::new();
        for (&abi, syscalls) in &self.abis {
            for (&nr, seen) in syscalls {
                if let Some(name) = abi.syscall_name(nr) {
                    for &index in seen.args.keys() {
                        specs.insert(ArgSpec {
                            syscall: name.to_string(),
                            index,
                        });
                    }
                }
            }
        }
        specs
    }

    /// Syscalls and calls recorded in all.
    pub fn totals(&self) -> (usize, u64) {
        let syscalls = self.abis.values().map(BTreeMap::len).sum();
        let calls = self
            .abis
            .values()
            .flat_map(|s| s.values())
            .map(|s| s.calls)
            .sum();
        (syscalls, calls)
    }
}

impl Seen {
    /// Adds `other`'s calls; gives the argument indexes dropped (see
    /// [`Recording::merge`]).
    fn merge(&mut self, other: Seen) -> Vec<u8> {
        let indexes: BTreeSet<u8> = self.args.keys().chain(other.args.keys()).copied().collect();
        let mut dropped = Vec::new();
        for index in indexes {
            match (self.args.get_mut(&index), other.args.get(&index)) {
                (Some(mine), Some(theirs)) => {
                    for (&value, &n) in theirs {
                        let sum = mine.entry(value).or_default();
                        *sum = sum.saturating_add(n);
                    }
                }
                (Some(_), None) if other.calls == 0 => {}
                (None, Some(theirs)) if self.calls == 0 => {
                    self.args.insert(index, theirs.clone());
                }
                _ => {
                    self.args.remove(&index);
                    dropped.push(index);
                }
            }
        }
        self.calls = self.calls.saturating_add(other.calls);
        dropped
    }
}

/// An argument check a merge had to drop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unchecked {
    pub abi: Arch,
    pub nr: u32,
    pub index: u8,
}

impl fmt::Display for Unchecked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self
            .abi
            .syscall_name(self.nr)
            .map_or_else(|| format!("{:#x}", self.nr), str::to_string);
        write!(
            f,
            "{} {name}: argument {} is recorded in one recording and not in the other, \
             which called it; it is no longer checked",
            self.abi, self.index
        )
    }
}

/// `--args SYSCALL[:N]`: record argument N (0 when not given) of a syscall.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArgSpec {
    pub syscall: String,
    pub index: u8,
}

impl FromStr for ArgSpec {
    type Err = String;

    fn from_str(s: &str) -> Result<ArgSpec, String> {
        let (name, index) = match s.split_once(':') {
            Some((name, index)) => {
                let index = index
                    .parse::<u8>()
                    .ok()
                    .filter(|&i| i < 6)
                    .ok_or_else(|| format!("`{s}`: the argument index must be 0 to 5"))?;
                (name, index)
            }
            None => (s, 0),
        };
        if Arch::first_with_syscall(name).is_none() {
            return Err(format!(
                "`{s}`: no architecture has a syscall named `{name}`"
            ));
        }
        if NEEDED.contains(&name) {
            return Err(format!(
                "`{s}`: {name} is always allowed, whatever its arguments, as every program may \
                 need it"
            ));
        }
        Ok(ArgSpec {
            syscall: name.to_string(),
            index,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(calls: u64, args: &[(u8, &[(u64, u64)])]) -> Seen {
        Seen {
            calls,
            args: args
                .iter()
                .map(|&(i, v)| (i, v.iter().copied().collect()))
                .collect(),
        }
    }

    #[test]
    fn arg_specs_parse_with_index_zero_by_default() {
        assert_eq!(
            "ioctl:1".parse::<ArgSpec>().unwrap(),
            ArgSpec {
                syscall: "ioctl".into(),
                index: 1
            }
        );
        assert_eq!("socket".parse::<ArgSpec>().unwrap().index, 0);
        assert_eq!(
            "ioctl:6".parse::<ArgSpec>().unwrap_err(),
            "`ioctl:6`: the argument index must be 0 to 5"
        );
        let needed = "exit_group".parse::<ArgSpec>().unwrap_err();
        assert!(needed.contains("always allowed"), "{needed}");
        assert_eq!(
            "iotcl:1".parse::<ArgSpec>().unwrap_err(),
            "`iotcl:1`: no architecture has a syscall named `iotcl`"
        );
    }

    #[test]
    fn merging_adds_counts_and_values() {
        let mut a = Recording::default();
        a.runs.push("a".into());
        a.abis
            .entry(Arch::X86_64)
            .or_default()
            .insert(16, seen(3, &[(1, &[(0x5401, 3)])]));
        a.abis
            .entry(Arch::X86_64)
            .or_default()
            .insert(0, seen(5, &[]));
        let mut b = Recording::default();
        b.runs.push("b".into());
        b.abis
            .entry(Arch::X86_64)
            .or_default()
            .insert(16, seen(2, &[(1, &[(0x5401, 1), (0x5413, 1)])]));
        b.abis
            .entry(Arch::I386)
            .or_default()
            .insert(3, seen(1, &[]));
        assert!(a.merge(b).is_empty());
        assert_eq!(a.runs, ["a", "b"]);
        assert_eq!(
            a.abis[&Arch::X86_64][&16],
            seen(5, &[(1, &[(0x5401, 4), (0x5413, 1)])])
        );
        assert_eq!(a.abis[&Arch::X86_64][&0], seen(5, &[]));
        assert_eq!(a.abis[&Arch::I386][&3], seen(1, &[]));
        assert_eq!(a.totals(), (3, 11));
    }

    #[test]
    fn an_argument_known_on_one_side_only_is_no_longer_checked() {
        let mut a = Recording::default();
        a.abis
            .entry(Arch::X86_64)
            .or_default()
            .insert(16, seen(3, &[(1, &[(0x5401, 3)])]));
        let mut b = Recording::default();
        b.abis
            .entry(Arch::X86_64)
            .or_default()
            .insert(16, seen(2, &[]));
        let dropped = a.merge(b);
        assert_eq!(
            dropped,
            [Unchecked {
                abi: Arch::X86_64,
                nr: 16,
                index: 1
            }]
        );
        assert_eq!(a.abis[&Arch::X86_64][&16], seen(5, &[]));
        assert!(dropped[0]
            .to_string()
            .starts_with("amd64 ioctl: argument 1 is recorded"));
    }
}
