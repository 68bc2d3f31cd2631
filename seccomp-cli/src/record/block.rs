//! Reading a policy file back for `--merge`: the text before and after the
//! recorded block, which are kept as they are, and the recording the block
//! holds, read from the comments [`crate::record::policy`] writes.

use seccomp_asm::Arch;
#[cfg(test)]
use std::collections::BTreeMap;

use super::policy::{one_line, DefaultAction, BEGIN, END, NEEDED};
use super::recording::Recording;

/// A policy file taken apart.
#[derive(Debug, PartialEq, Eq)]
pub struct Document {
    /// Everything up to the block's first line.
    pub before: String,
    /// What the block recorded.
    pub recording: Recording,
    /// The block's default action.
    pub default: Option<DefaultAction>,
    /// Everything after the block's last line.
    pub after: String,
}

/// Takes a policy file apart; errors name the file and line.
pub fn parse(text: &str, file: &str) -> Result<Document, String> {
    let begin_line = format!("# {BEGIN}");
    let end_line = format!("# {END}");
    let mut begin = None;
    let mut end = None;
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_end();
        if trimmed == begin_line {
            if begin.is_some() {
                return Err(format!(
                    "{file}:{}: a second recorded block; keep one",
                    i + 1
                ));
            }
            begin = Some((i, offset));
        } else if trimmed == end_line {
            if begin.is_none() || end.is_some() {
                return Err(format!(
                    "{file}:{}: the end of a recorded block that did not begin",
                    i + 1
                ));
            }
            end = Some((i, offset + line.len()));
        }
        offset += line.len();
    }
    let (Some((first, start)), Some((_, stop))) = (begin, end) else {
        return Err(match begin {
            None => format!(
                "{file}: no recorded block (a `# >>> seccomp record` line) to merge into; \
                 record into a new file instead"
            ),
            Some((i, _)) => format!("{file}:{}: the recorded block has no end line", i + 1),
        });
    };
    let mut doc = Document {
        before: text[..start].to_string(),
        recording: Recording::default(),
        default: None,
        after: text[stop..].to_string(),
    };
    for (i, line) in text[start..stop].lines().enumerate() {
        let at = |msg: String| format!("{file}:{}: {msg}", first + i + 1);
        let Some((_, comment)) = line.split_once('#') else {
            continue;
        };
        read_comment(&mut doc, comment.trim()).map_err(at)?;
    }
    Ok(doc)
}

/// One comment of the block: a fact, or free text that is skipped.
fn read_comment(doc: &mut Document, comment: &str) -> Result<(), String> {
    if let Some(run) = comment.strip_prefix("run: ") {
        doc.recording.runs.push(one_line(run));
        return Ok(());
    }
    if let Some(action) = comment.strip_prefix("default: ") {
        doc.default = Some(action.parse()?);
        return Ok(());
    }
    let Some((who, fact)) = comment.split_once(": ") else {
        return Ok(());
    };
    let mut words = who.split(' ');
    let (Some(abi), Some(name)) = (words.next(), words.next()) else {
        return Ok(());
    };
    let Ok(abi) = abi.parse::<Arch>() else {
        return Ok(());
    };
    let arg = words.collect::<Vec<_>>();
    let count = match fact.split_once(' ') {
        Some((n, rest))
            if rest == "call"
                || rest == "calls"
                || rest.starts_with("calls;")
                || rest.starts_with("call;") =>
        {
            n.parse::<u64>()
                .map_err(|_| format!("`{comment}`: a count that is not a number"))?
        }
        // "not seen; every program may need it", and notes about a syscall.
        _ => return Ok(()),
    };
    let nr = syscall_nr(abi, name)?;
    match arg.as_slice() {
        [] => {
            let seen = doc
                .recording
                .abis
                .entry(abi)
                .or_default()
                .entry(nr)
                .or_default();
            seen.calls = seen.calls.saturating_add(count);
        }
        [index, "=", value] => {
            let index = index
                .strip_prefix("args[")
                .and_then(|s| s.strip_suffix(']'))
                .and_then(|s| s.parse::<u8>().ok())
                .filter(|&i| i < 6)
                .ok_or_else(|| format!("`{comment}`: not an argument `args[0]` to `args[5]`"))?;
            let value = value
                .strip_prefix("0x")
                .and_then(|h| u64::from_str_radix(h, 16).ok())
                .ok_or_else(|| format!("`{comment}`: the value is not a hexadecimal number"))?;
            if NEEDED.contains(&name) {
                return Err(format!(
                    "`{comment}`: {name} is always allowed, whatever its arguments"
                ));
            }
            if !abi.has_64bit_args() && value > 0xffff_ffff {
                return Err(format!("`{comment}`: {abi} arguments have 32 bits"));
            }
            let seen = doc
                .recording
                .abis
                .get_mut(&abi)
                .and_then(|s| s.get_mut(&nr))
                .ok_or_else(|| {
                    format!("`{comment}`: a value of a syscall the block does not allow")
                })?;
            let sum = seen
                .args
                .entry(index)
                .or_default()
                .entry(value)
                .or_default();
            *sum = sum.saturating_add(count);
        }
        _ => {}
    }
    Ok(())
}

/// The number a fact names; x32 numbers, and only they, carry the x32 bit
/// (amd64's table also names them, as `x32_read`).
fn syscall_nr(abi: Arch, name: &str) -> Result<u32, String> {
    let nr = match name.strip_prefix("0x") {
        Some(hex) => {
            u32::from_str_radix(hex, 16).map_err(|_| format!("`{name}` is not a syscall number"))?
        }
        None => abi
            .syscall_nr(name)
            .ok_or_else(|| format!("{abi} has no syscall named `{name}`"))?,
    };
    let x32_bit = nr & Arch::X32_SYSCALL_BIT != 0;
    if (abi == Arch::X32) != x32_bit && matches!(abi, Arch::X32 | Arch::X86_64) {
        return Err(format!(
            "`{name}`: x32 numbers (bit 0x40000000) are recorded as x32, and only they are"
        ));
    }
    Ok(nr)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::policy::{write_file, INTRO};
    use crate::record::recording::Seen;
    use proptest::prelude::*;

    fn block(lines: &[&str]) -> String {
        let mut text = format!("# {BEGIN}\n");
        for l in lines {
            text.push_str(l);
            text.push('\n');
        }
        text.push_str(&format!("# {END}\n"));
        text
    }

    #[test]
    fn the_block_is_found_and_the_rest_kept() {
        let text = format!(
            "before\n{}after\n",
            block(&[
                "# run: a b",
                "# default: LOG",
                "if (A == amd64.read) goto x # amd64 read: 3 calls"
            ])
        );
        let doc = parse(&text, "p.asm").unwrap();
        assert_eq!(doc.before, "before\n");
        assert_eq!(doc.after, "after\n");
        assert_eq!(doc.recording.runs, ["a b"]);
        assert_eq!(doc.default.unwrap().to_string(), "LOG");
        assert_eq!(doc.recording.abis[&Arch::X86_64][&0].calls, 3);
    }

    #[test]
    fn facts_are_read_and_notes_skipped() {
        let text = block(&[
            "if (A == amd64.ioctl) goto y # amd64 ioctl: 3 calls; arguments checked below",
            "A = args_h[1]                # amd64 ioctl: argument 1 (cmd) only as recorded",
            "if (A == 0x5401) goto z      # amd64 ioctl args[1] = 0x5401: 2 calls",
            "if (A == 0x1) goto z         # amd64 ioctl args[1] = 0xffffffff00000001: 1 call",
            "if (A == amd64.exit) goto z  # amd64 exit: not seen; every program may need it",
            "if (A == amd64.read) goto z  # amd64 read: not seen; allowed as its x32 twin is",
            "if (A == 0x1) goto z         # amd64 read (as x32) args[0] = 0x1: 1 call",
            "if (A == 0x1c3) goto z       # amd64 0x1c3: 4 calls",
            "if (A == x32.read) goto z    # x32 read: 1 call",
            "return ERRNO(38)             # every architecture not recorded",
        ]);
        let doc = parse(&text, "p.asm").unwrap();
        let amd64 = &doc.recording.abis[&Arch::X86_64];
        let values: BTreeMap<u64, u64> = [(0x5401, 2), (0xffff_ffff_0000_0001, 1)].into();
        assert_eq!(
            amd64[&16],
            Seen {
                calls: 3,
                args: [(1, values)].into()
            }
        );
        assert_eq!(amd64[&0x1c3].calls, 4);
        assert_eq!(amd64.len(), 2, "{amd64:?}");
        assert_eq!(doc.recording.abis[&Arch::X32][&0x4000_0000].calls, 1);
    }

    #[test]
    fn what_cannot_be_read_is_an_error_with_its_line() {
        let err = |text: &str| parse(text, "p.asm").unwrap_err();
        assert!(err("A = arch\n").contains("p.asm: no recorded block"));
        assert_eq!(
            err(&format!("# {BEGIN}\nx\n")),
            "p.asm:1: the recorded block has no end line"
        );
        assert_eq!(
            err(&format!("# {END}\n")),
            "p.asm:1: the end of a recorded block that did not begin"
        );
        assert_eq!(
            err(&format!("{}{}", block(&[]), block(&[]))),
            "p.asm:3: a second recorded block; keep one"
        );
        assert_eq!(
            err(&block(&["x # amd64 raed: 3 calls"])),
            "p.asm:2: amd64 has no syscall named `raed`"
        );
        assert_eq!(
            err(&block(&["x # amd64 read: lots calls"])),
            "p.asm:2: `amd64 read: lots calls`: a count that is not a number"
        );
        assert_eq!(
            err(&block(&["x # amd64 read args[1] = 0x1: 1 call"])),
            "p.asm:2: `amd64 read args[1] = 0x1: 1 call`: a value of a syscall the block does not allow"
        );
        assert_eq!(
            err(&block(&[
                "x # amd64 read: 1 call",
                "x # amd64 read args[9] = 0x1: 1 call"
            ])),
            "p.asm:3: `amd64 read args[9] = 0x1: 1 call`: not an argument `args[0]` to `args[5]`"
        );
        assert!(err(&block(&["# default: ALLOW"])).starts_with("p.asm:2: `ALLOW`: an allow-list"));
        assert_eq!(
            err(&block(&["x # amd64 x32_read: 1 call"])),
            "p.asm:2: `x32_read`: x32 numbers (bit 0x40000000) are recorded as x32, and only they are"
        );
        assert!(err(&block(&["x # x32 0x1: 1 call"])).contains("recorded as x32"));
        assert_eq!(
            err(&block(&[
                "x # i386 read: 1 call",
                "x # i386 read args[0] = 0x100000000: 1 call"
            ])),
            "p.asm:3: `i386 read args[0] = 0x100000000: 1 call`: i386 arguments have 32 bits"
        );
    }

    #[test]
    fn a_policy_reads_back_whole() {
        let mut rec = Recording {
            runs: vec!["one".into(), "two # with a hash".into()],
            ..Recording::default()
        };
        rec.add(Arch::I386, 3);
        let text = write_file(&rec, "TRAP(2)".parse().unwrap());
        let doc = parse(&text, "p.asm").unwrap();
        assert_eq!(doc.recording, rec);
        assert_eq!(doc.default.unwrap().to_string(), "TRAP(2)");
        assert_eq!(doc.before, format!("{INTRO}\n"));
    }

    proptest! {
        /// Whatever the file holds, reading it gives a document or an error.
        #[test]
        fn no_text_makes_the_reader_panic(lines in prop::collection::vec(prop_oneof![
            Just(format!("# {BEGIN}")),
            Just(format!("# {END}")),
            "[ -~]{0,40}",
            "# [a-z0-9]{1,6} [a-z0-9_]{1,12}: [0-9]{1,25} calls?",
            "# [a-z0-9]{1,6} [a-z0-9_]{1,12} args\\[[0-9]{1,3}\\] = 0x[0-9a-f]{0,20}: [0-9]{1,3} calls?",
            "# (run|default): [ -~]{0,20}",
            Just("# amd64 read: 18446744073709551615 calls".to_string()),
            Just("# amd64 read args[0] = 0x1: 18446744073709551615 calls".to_string()),
        ], 0..30)) {
            let text = lines.join("\n");
            let _ = parse(&text, "p.asm");
        }
    }
}
