//! Reading a policy file back for `--merge`: the text before and after the
//! recorded block, which are kept as they are, and the recording the block
//! holds, read from the comments [`crate::record::policy`] writes.

use seccomp_asm::Arch;

use super::policy::{DefaultAction, BEGIN, END};
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
        doc.recording.runs.push(run.to_string());
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
            seen.calls += count;
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
            let seen = doc
                .recording
                .abis
                .get_mut(&abi)
                .and_then(|s| s.get_mut(&nr))
                .ok_or_else(|| {
                    format!("`{comment}`: a value of a syscall the block does not allow")
                })?;
            *seen
                .args
                .entry(index)
                .or_default()
                .entry(value)
                .or_default() += count;
        }
        _ => {}
    }
    Ok(())
}

fn syscall_nr(abi: Arch, name: &str) -> Result<u32, String> {
    if let Some(hex) = name.strip_prefix("0x") {
        return u32::from_str_radix(hex, 16)
            .map_err(|_| format!("`{name}` is not a syscall number"));
    }
    abi.syscall_nr(name)
        .ok_or_else(|| format!("{abi} has no syscall named `{name}`"))
}
