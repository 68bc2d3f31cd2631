//! Where `explain` and `audit` take their filters from: a raw BPF file or
//! stdin, a command run under ptrace, or a running process.
//!
//! The resolution follows seccomp-tools, since scripts written for it pass
//! the same arguments: `--pid` wins over `--sh-exec`, which wins over the
//! positional argument; a positional argument that is an ELF executable is
//! run, anything else is read as raw BPF.

use std::fs::File;
use std::io::Read;

use clap::CommandFactory;
use seccomp_asm::symbolic::WalkError;
use seccomp_asm::{Arch, Insn};

use crate::cli::{Cli, FilterSourceArgs};
use crate::commands::dump::{dump_exec, dump_pid, resolve};
use crate::dump::Filter;
use crate::error::{warn, Failure};
use crate::io::{arch_or_native, decode_filter, decode_filter_prefix, input_name, read_input};
use crate::logger;

/// One filter to analyse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub insns: Vec<Insn>,
    pub arch: Arch,
    /// What the output's header calls the filter: the file, `<STDIN>`, the
    /// command or `pid N`, plus `(filter #i)` when there are several.
    pub label: String,
}

/// The filters the arguments name, oldest first; `None` when the arguments
/// name no input at all, in which case the caller shows its help.
///
/// Warnings go out here, before any analysis, in seccomp-tools' order:
/// unused arguments first, then `No seccomp filter was installed.` when a
/// traced program installed none.
pub fn collect(args: FilterSourceArgs) -> Result<Option<Vec<Source>>, Failure> {
    // The analysis names syscalls, so it needs an architecture even when
    // the filter's own turns out to be known; seccomp-tools checks this first too.
    let arch = arch_or_native(args.arch)?;
    let (positional, limit, timeout) = resolve(&args.trace, args.input, args.unused)?;

    let (label, dumped) = if let Some(pid) = args.trace.pid {
        let label = format!("pid {pid}");
        (label, dumped(|emit| dump_pid(pid, limit, emit))?)
    } else {
        let command = match (args.trace.command, positional) {
            (Some(command), _) => command,
            (None, Some(path)) if !is_elf(&path) => return read_file(&path, arch).map(Some),
            (None, Some(exec)) => exec,
            (None, None) => return Ok(None),
        };
        let filters = dumped(|emit| dump_exec(command.clone(), limit, timeout, emit))?;
        (command, filters)
    };

    let count = dumped.len();
    dumped
        .into_iter()
        .enumerate()
        .map(|(index, filter)| {
            let arch = filter.arch.unwrap_or(arch);
            let label = stacked_label(&label, index, count);
            let insns = decode_filter(&filter.bytes, arch, &label)?;
            Ok(Source { insns, arch, label })
        })
        .collect::<Result<_, _>>()
        .map(Some)
}

/// Runs a dump, keeping every filter: the stacked-filter warning needs their
/// number before the first is printed.
fn dumped(
    dump: impl FnOnce(&mut dyn FnMut(Filter) -> Result<(), Failure>) -> Result<u64, Failure>,
) -> Result<Vec<Filter>, Failure> {
    let mut filters = Vec::new();
    dump(&mut |filter| {
        filters.push(filter);
        Ok(())
    })?;
    if filters.is_empty() {
        logger::warn("No seccomp filter was installed.")?;
    }
    Ok(filters)
}

/// A raw filter in a file or on stdin (`-`), decoded as `disasm` decodes it.
fn read_file(path: &str, arch: Arch) -> Result<Vec<Source>, Failure> {
    let bytes = read_input(path)?;
    let (insns, dropped) = decode_filter_prefix(&bytes, arch, input_name(path))?;
    if let Some(dropped) = dropped {
        warn(&dropped);
    }
    let label = if path == "-" { "<STDIN>" } else { path };
    Ok(vec![Source {
        insns,
        arch,
        label: label.to_string(),
    }])
}

/// Whether `path` names an ELF file, to run rather than read. Anything that
/// cannot be opened is not one; reading it then reports the error.
fn is_elf(path: &str) -> bool {
    if path == "-" {
        return false;
    }
    let mut magic = [0; 4];
    File::open(path)
        .and_then(|mut file| file.read_exact(&mut magic))
        .is_ok_and(|()| magic == *b"\x7fELF")
}

/// The header label of filter `index` of `count` taken from one source.
fn stacked_label(source: &str, index: usize, count: usize) -> String {
    if count > 1 {
        format!("{source} (filter #{index})")
    } else {
        source.to_string()
    }
}

/// A filter the analysis could not read, reported with the filter it is in.
pub fn walk_failure(source: &Source, err: &WalkError) -> Failure {
    Failure::new(format!("{}: {err}", source.label))
}

/// seccomp-tools' answer to a command line naming no input: the command's
/// help, on stdout, as a success.
pub fn show_help(command: &str) -> Result<u8, Failure> {
    let mut cli = Cli::command();
    // Building first gives the subcommand its full name (`seccomp explain`) in the usage line.
    cli.build();
    let sub = cli
        .find_subcommand_mut(command)
        .unwrap_or_else(|| panic!("no subcommand {command}"));
    sub.print_help().map_err(|e| Failure::io("<stdout>", &e))?;
    Ok(0)
}

/// seccomp-tools' warning before the reports of several stacked filters;
/// `verb` is what is done to each (`explained`, `audited`).
pub fn warn_stacked(count: usize, verb: &str) -> Result<(), Failure> {
    if count <= 1 {
        return Ok(());
    }
    logger::warn(&format!(
        "{count} filters are installed; they stack, so a syscall must pass every one \
         (most restrictive wins). Each is {verb} separately below."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_number_stacked_filters_only() {
        assert_eq!(stacked_label("./a", 0, 1), "./a");
        assert_eq!(stacked_label("pid 7", 0, 2), "pid 7 (filter #0)");
        assert_eq!(stacked_label("pid 7", 1, 2), "pid 7 (filter #1)");
    }

    #[test]
    fn elf_detection_reads_the_magic() {
        let dir = tempfile::tempdir().unwrap();
        let elf = dir.path().join("elf");
        std::fs::write(&elf, b"\x7fELF\x02\x01\x01").unwrap();
        let bpf = dir.path().join("bpf");
        std::fs::write(&bpf, [6, 0, 0, 0, 0, 0, 0xff, 0x7f]).unwrap();
        let short = dir.path().join("short");
        std::fs::write(&short, b"\x7fEL").unwrap();
        assert!(is_elf(elf.to_str().unwrap()));
        assert!(!is_elf(bpf.to_str().unwrap()));
        assert!(!is_elf(short.to_str().unwrap()));
        assert!(!is_elf(dir.path().join("missing").to_str().unwrap()));
        assert!(!is_elf("-"));
    }
}
