//! The command line: subcommands and flags, spelled as in seccomp-tools 1.7.1
//! (same short and long flags, same defaults) so its users need not relearn.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use seccomp_asm::lint::{Level, Lint, UnknownLint};
use seccomp_asm::Arch;

use crate::record::policy::DefaultAction;
use crate::record::recording::ArgSpec;

#[derive(Parser, Debug)]
#[command(
    name = "seccomp",
    version,
    about = "Assemble, disassemble, emulate, check, dump, explain and audit seccomp filters.",
    long_about = "Assemble, disassemble, emulate, check, dump, explain and audit seccomp filters.\n\n\
                  Subcommands and flags follow seccomp-tools; `check` and `--arch` names \
                  beyond seccomp-tools' five are additions.",
    color = clap::ColorChoice::Auto
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Seccomp bpf assembler.
    Asm(AsmArgs),
    /// Disassemble seccomp bpf.
    Disasm(DisasmArgs),
    /// Emulate seccomp rules.
    Emu(EmuArgs),
    /// Automatically dump seccomp bpf from executable(s). Linux only.
    Dump(DumpArgs),
    /// Check that the kernel would accept a raw BPF filter (list every reason it would not),
    /// then lint it.
    Check(CheckArgs),
    /// Describe a filter as a policy: the syscalls and arguments that lead to each action.
    Explain(ExplainArgs),
    /// Look for weaknesses in a filter, such as dangerous syscalls it allows.
    Audit(AuditArgs),
    /// Run a program (or attach to one) and write an allow-list of the syscalls it makes,
    /// for `seccomp!(file = ...)`. Linux only.
    Record(RecordArgs),
    /// Print a shell completion script.
    Completion(CompletionArgs),
}

/// The `--arch` help shared by every command; a macro so that commands can
/// extend it with `concat!`.
macro_rules! arch_help {
    () => {
        "Specify architecture [default: the host's]. \
         Accepts amd64, i386, aarch64, riscv64, s390x (seccomp-tools' five) and \
         x32, arm, armeb, loongarch64, m68k, mips, mipsel, mips64, mipsel64, mips64n32, \
         mipsel64n32, parisc, parisc64, ppc, ppc64, ppc64le, s390, sh, shel, and aliases \
         such as x86_64 or arm64"
    };
}

const ARCH_HELP: &str = arch_help!();

/// A filter taken from a program is in that program's architecture, which
/// is read from its executable; `--arch` only fills in when that fails.
const TRACED_ARCH_HELP: &str = concat!(
    arch_help!(),
    ". With a command or --pid, the program's own architecture is used when it can be told"
);

/// Parses an `--arch` value: any name or alias [`Arch`] knows.
pub fn parse_arch(s: &str) -> Result<Arch, String> {
    s.parse::<Arch>().map_err(|e| e.to_string())
}

#[derive(Args, Debug)]
// The lints run on what strict mode assembles; without --strict, asm is
// seccomp-tools' and has no lints to set levels for.
#[command(
    after_help = lint_help("Lints of --strict"),
    mut_arg("allow", |a| a.requires("strict")),
    mut_arg("warn", |a| a.requires("strict")),
    mut_arg("deny", |a| a.requires("strict"))
)]
pub struct AsmArgs {
    /// The assembly source, or '-' to read stdin.
    #[arg(value_name = "IN_FILE")]
    pub input: String,

    /// Write output to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format.
    #[arg(
        short,
        long,
        value_enum,
        value_name = "FORMAT",
        default_value = "inspect"
    )]
    pub format: AsmFormat,

    #[arg(short, long, value_name = "ARCH", value_parser = parse_arch, help = ARCH_HELP)]
    pub arch: Option<Arch>,

    /// Turn conditional jumps farther than 255 instructions into jump chains
    /// instead of failing as seccomp-tools does.
    #[arg(long)]
    pub relax_jumps: bool,

    /// Reject what seccomp-tools silently accepts (constants wider than 32
    /// bits, jumps past the end) instead of reproducing it, then lint the
    /// program for the architecture it is assembled for: a denied lint
    /// refuses it, a warning is printed (levels: --allow, --warn, --deny).
    #[arg(long)]
    pub strict: bool,

    #[command(flatten)]
    pub lints: LintArgs,
}

/// The levels of the lints, for `asm --strict` and `check`. Each flag takes
/// a lint name, repeated or as a comma-separated list; the names and their
/// default levels are listed once, after the options ([`lint_help`]).
#[derive(Args, Debug, Default)]
pub struct LintArgs {
    /// Do not report LINT (repeatable, or a comma-separated list).
    #[arg(long, value_name = "LINT", value_delimiter = ',', value_parser = LintName,
          hide_possible_values = true)]
    pub allow: Vec<Lint>,

    /// Report LINT as a warning (repeatable, or a comma-separated list).
    #[arg(long, value_name = "LINT", value_delimiter = ',', value_parser = LintName,
          hide_possible_values = true)]
    pub warn: Vec<Lint>,

    /// Report LINT as an error, which refuses the filter (repeatable, or a
    /// comma-separated list).
    #[arg(long, value_name = "LINT", value_delimiter = ',', value_parser = LintName,
          hide_possible_values = true)]
    pub deny: Vec<Lint>,
}

/// The lints and their default levels, for the help of the commands that
/// take [`LintArgs`]; built from the core's list so it cannot drift.
pub fn lint_help(title: &str) -> String {
    let mut text = format!("{title}, by default level:");
    for level in [Level::Deny, Level::Warn, Level::Allow] {
        let names: Vec<&str> = Lint::ALL
            .iter()
            .filter(|l| l.default_level() == level)
            .map(|l| l.name())
            .collect();
        text.push_str(&format!("\n  {:<5}  {}", level.name(), names.join(", ")));
    }
    text
}

/// Parses a lint name; an unknown one is a usage error that suggests the
/// closest name.
pub fn parse_lint(s: &str) -> Result<Lint, UnknownLint> {
    Lint::from_name(s)
}

/// The value parser of the lint flags: [`parse_lint`], with the names
/// listed so that shell completion offers them.
#[derive(Clone, Copy, Debug)]
pub struct LintName;

impl TypedValueParser for LintName {
    type Value = Lint;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Lint, clap::Error> {
        parse_lint.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Lint::ALL.into_iter().map(|l| PossibleValue::new(l.name())),
        ))
    }
}

/// The output formats of `asm`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsmFormat {
    /// Ruby's String#inspect of the bytes (seccomp-tools' default).
    Inspect,
    /// The raw bytes.
    Raw,
    /// A C array: unsigned char bpf[] = {...};
    #[value(name = "c_array", alias = "carray")]
    CArray,
    /// A C function installing the filter with prctl.
    #[value(name = "c_source")]
    CSource,
    /// An assembly function installing the filter with prctl.
    Assembly,
    /// A Rust array of `struct sock_filter`-compatible instructions.
    Rust,
}

// The help text's `[default]` is seccomp-tools' wording, not a link.
#[allow(rustdoc::broken_intra_doc_links)]
#[derive(Args, Debug)]
pub struct DisasmArgs {
    /// The raw BPF filter, or '-' to read stdin.
    #[arg(value_name = "BPF_FILE")]
    pub input: String,

    /// Write output to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[arg(short, long, value_name = "ARCH", value_parser = parse_arch, help = ARCH_HELP)]
    pub arch: Option<Arch>,

    /// Display BPF bytes (code, jt, etc.) [default].
    #[arg(long, overrides_with = "no_bpf")]
    pub bpf: bool,

    /// Do not display BPF bytes.
    #[arg(long, overrides_with = "bpf")]
    pub no_bpf: bool,

    /// Display syscall arguments with parameter names when possible [default].
    #[arg(long, overrides_with = "no_arg_infer")]
    pub arg_infer: bool,

    /// Do not infer syscall argument names.
    #[arg(long, overrides_with = "arg_infer")]
    pub no_arg_infer: bool,

    /// Make the output valid input for `seccomp asm`; implies --no-bpf --no-arg-infer.
    #[arg(long)]
    pub asm_able: bool,
}

// The help text's `[default]` is seccomp-tools' wording, not a link.
#[allow(rustdoc::broken_intra_doc_links)]
#[derive(Args, Debug)]
#[command(allow_negative_numbers = true)]
pub struct EmuArgs {
    /// The raw BPF filter, or '-' to read stdin.
    #[arg(value_name = "BPF_FILE")]
    pub input: String,

    /// The syscall: a name from the --arch table, or a number (0x, 0o, 0b prefixes allowed).
    #[arg(value_name = "SYS_NR")]
    pub sys_nr: Option<String>,

    /// The syscall arguments, arg0 to arg5.
    #[arg(value_name = "ARG", num_args = 0..=6)]
    pub args: Vec<String>,

    #[arg(short, long, value_name = "ARCH", value_parser = parse_arch, help = ARCH_HELP)]
    pub arch: Option<Arch>,

    /// Run quietly, only show emulation result.
    #[arg(short, long, overrides_with = "no_quiet")]
    pub quiet: bool,

    /// Show the disassembly before the result [default].
    #[arg(long, overrides_with = "quiet")]
    pub no_quiet: bool,

    /// Set instruction pointer.
    #[arg(short, long = "ip", value_name = "VAL")]
    pub ip: Option<String>,
}

#[derive(Args, Debug)]
#[command(allow_negative_numbers = true)]
pub struct DumpArgs {
    /// The executable to run and trace (run via `/bin/sh -c`, so it may carry arguments).
    #[arg(value_name = "EXEC")]
    pub exec: Option<String>,

    /// Arguments left over after EXEC; ignored with a warning, as seccomp-tools does.
    #[arg(value_name = "IGNORED", hide = true)]
    pub unused: Vec<String>,

    #[command(flatten)]
    pub trace: TraceArgs,

    /// Output format.
    #[arg(
        short,
        long,
        value_enum,
        value_name = "FORMAT",
        default_value = "disasm"
    )]
    pub format: DumpFormat,

    /// Write output to FILE instead of stdout. With several filters (see
    /// --limit) they go to FILE, FILE_1, FILE_2, ... (out.bpf, out_1.bpf, ...).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The output formats of `dump`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DumpFormat {
    /// The disassembly, as `seccomp disasm` prints it.
    Disasm,
    /// The raw bytes.
    Raw,
    /// A double-quoted string with every byte as \xHH.
    Inspect,
}

#[derive(Args, Debug)]
#[command(after_help = lint_help("Lints"))]
pub struct CheckArgs {
    /// The raw BPF filter, or '-' to read stdin.
    #[arg(value_name = "BPF_FILE")]
    pub input: String,

    #[arg(short, long, value_name = "ARCH", value_parser = parse_arch, help = ARCH_HELP)]
    pub arch: Option<Arch>,

    #[command(flatten)]
    pub lints: LintArgs,
}

/// The flags of the commands that take filters from a program or a process
/// (`dump`, `explain`, `audit`), spelled and resolved as in seccomp-tools:
/// `--pid` wins over `--sh-exec`, which wins over the positional argument.
#[derive(Args, Debug)]
pub struct TraceArgs {
    /// Run COMMAND with `/bin/sh -c` and take the filters it installs; a shell
    /// command line may pass arguments or redirect the program's own output
    /// (`-c "./bin > /dev/null"`). Wins over the positional argument.
    #[arg(short = 'c', long = "sh-exec", value_name = "COMMAND")]
    pub command: Option<String>,

    /// Take at most LIMIT filters from a command or process (a traced command
    /// is killed once it has installed that many). A negative LIMIT means no limit.
    #[arg(short, long, value_name = "LIMIT", default_value_t = 1)]
    pub limit: i64,

    /// Take the filters installed on a running process (needs CAP_SYS_ADMIN).
    /// Wins over --sh-exec and the positional argument.
    #[arg(short, long, value_name = "PID")]
    pub pid: Option<i32>,

    /// Stop a traced command after SEC seconds; 0 or absent: no timeout. Ignored with --pid.
    #[arg(short, long, value_name = "SEC")]
    pub timeout: Option<f64>,
}

/// `seccomp record`: the program, what to record, and where the policy goes.
#[derive(Args, Debug)]
#[command(after_help = RECORD_AFTER_HELP)]
pub struct RecordArgs {
    /// The program to run and its arguments, after `--` (`seccomp record -- ls -l /`); it is
    /// found in PATH as a shell finds it.
    #[arg(
        value_name = "CMD",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub program: Vec<OsString>,

    /// Run COMMAND with `/bin/sh -c` (the shell's own syscalls are recorded too).
    #[arg(
        short = 'c',
        long = "sh-exec",
        value_name = "COMMAND",
        conflicts_with = "program"
    )]
    pub command: Option<String>,

    /// Attach to the running process PID and its threads, record until it exits, the timeout
    /// or Ctrl-C, then detach and leave it running.
    #[arg(short, long, value_name = "PID", conflicts_with_all = ["program", "command"])]
    pub pid: Option<i32>,

    /// Write the policy to FILE (replaced only once the recording is written) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The action for everything not recorded: ERRNO(N), KILL_PROCESS, KILL_THREAD, TRAP, LOG,
    /// TRACE or USER_NOTIF [default: ERRNO(38), or the merged policy's]. ERRNO(38) (ENOSYS)
    /// lets libc fall back to older syscalls (clone3 to clone).
    #[arg(long, value_name = "ACTION", value_parser = parse_default_action)]
    pub default: Option<DefaultAction>,

    /// Also record argument N (0 if not given) of SYSCALL, and allow only the values seen
    /// (e.g. `--args socket:0,ioctl:1`). Repeat, or separate with commas.
    #[arg(long = "args", value_name = "SYSCALL[:N]", value_delimiter = ',', value_parser = parse_arg_spec)]
    pub args: Vec<ArgSpec>,

    /// Merge with the policy in FILE: its recording and this one are united, its default and
    /// recorded arguments are kept, and everything outside its recorded block is kept as it is.
    /// Usually FILE is also the -o file.
    #[arg(long, value_name = "FILE")]
    pub merge: Option<PathBuf>,

    /// End the recording after SEC seconds: a program started is killed (with everything it
    /// started), a process attached to is detached. The policy is written either way.
    #[arg(short, long, value_name = "SEC")]
    pub timeout: Option<f64>,

    /// The program installs the policy itself once started (`seccomp!` at the top of `main`):
    /// leave out the exec that starts it, which only a launcher that installs the policy and
    /// then execs the program needs.
    #[arg(long, conflicts_with = "pid")]
    pub self_sandboxed: bool,

    /// Stop the program at every syscall entry and exit (PTRACE_SYSCALL) instead of running it
    /// under a filter that stops it once per syscall. Slower; -p always traces this way.
    #[arg(long)]
    pub no_filter: bool,
}

const RECORD_AFTER_HELP: &str = "\
The policy allows, on each ABI seen (amd64, i386 through int 0x80, x32), the syscalls seen, with \
how often each was called, plus rt_sigreturn, sigreturn, restart_syscall, exit and exit_group; \
every other syscall and architecture gets the default. Exit status: 0 once the policy is \
written, whatever the program's own.";

fn parse_default_action(s: &str) -> Result<DefaultAction, String> {
    s.parse()
}

fn parse_arg_spec(s: &str) -> Result<ArgSpec, String> {
    s.parse()
}

/// Where `explain` and `audit` take their filters from, as seccomp-tools
/// resolves it: `--pid`, else `--sh-exec`, else the positional argument,
/// which is run when it is an ELF executable and read as raw BPF otherwise.
#[derive(Args, Debug)]
pub struct FilterSourceArgs {
    /// A raw BPF filter ('-' reads stdin), or an ELF executable to run (via
    /// `/bin/sh -c`, so it may carry arguments) and take the filters it installs.
    #[arg(value_name = "BPF_FILE|EXEC")]
    pub input: Option<String>,

    /// Arguments left over after the input; ignored with a warning, as seccomp-tools does.
    #[arg(value_name = "IGNORED", hide = true)]
    pub unused: Vec<String>,

    #[command(flatten)]
    pub trace: TraceArgs,

    #[arg(short, long, value_name = "ARCH", value_parser = parse_arch, help = TRACED_ARCH_HELP)]
    pub arch: Option<Arch>,
}

#[derive(Args, Debug)]
#[command(allow_negative_numbers = true)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub source: FilterSourceArgs,
}

#[derive(Args, Debug)]
#[command(allow_negative_numbers = true)]
pub struct AuditArgs {
    #[command(flatten)]
    pub source: FilterSourceArgs,

    /// Output format.
    #[arg(
        short,
        long,
        value_enum,
        value_name = "FORMAT",
        default_value = "human"
    )]
    pub format: AuditFormat,
}

/// The output formats of `audit`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditFormat {
    /// One report per filter, for reading.
    Human,
    /// One JSON document covering every filter.
    Json,
}

#[derive(Args, Debug)]
pub struct CompletionArgs {
    /// The shell to write the completion script for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The shells `completion` writes scripts for.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    fn parse(args: &[&str]) -> Command {
        Cli::try_parse_from(std::iter::once("seccomp").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"))
            .command
    }

    #[test]
    fn asm_defaults_and_format_names() {
        let Command::Asm(a) = parse(&["asm", "x.asm"]) else {
            panic!()
        };
        assert_eq!(a.format, AsmFormat::Inspect);
        assert_eq!(a.arch, None);
        for (name, format) in [
            ("c_array", AsmFormat::CArray),
            ("carray", AsmFormat::CArray),
            ("c_source", AsmFormat::CSource),
            ("assembly", AsmFormat::Assembly),
            ("raw", AsmFormat::Raw),
            ("rust", AsmFormat::Rust),
        ] {
            let Command::Asm(a) = parse(&["asm", "-", "-f", name, "-a", "arm64"]) else {
                panic!()
            };
            assert_eq!(a.format, format);
            assert_eq!(a.arch, Some(Arch::Aarch64));
        }
    }

    #[test]
    fn disasm_flag_pairs_take_the_last() {
        let Command::Disasm(d) = parse(&["disasm", "f", "--no-bpf", "--bpf"]) else {
            panic!()
        };
        assert!(d.bpf && !d.no_bpf);
        let Command::Disasm(d) = parse(&["disasm", "f", "--arg-infer", "--no-arg-infer"]) else {
            panic!()
        };
        assert!(!d.arg_infer && d.no_arg_infer);
    }

    #[test]
    fn emu_takes_negative_numbers_and_at_most_six_args() {
        let Command::Emu(e) = parse(&["emu", "f", "read", "-1", "2", "-i", "0x10", "-q"]) else {
            panic!()
        };
        assert_eq!(e.sys_nr.as_deref(), Some("read"));
        assert_eq!(e.args, ["-1", "2"]);
        assert_eq!(e.ip.as_deref(), Some("0x10"));
        assert!(e.quiet);
        let seven = ["emu", "f", "read", "1", "2", "3", "4", "5", "6", "7"];
        assert!(Cli::try_parse_from(std::iter::once("seccomp").chain(seven)).is_err());
    }

    #[test]
    fn dump_defaults_and_negative_limit() {
        let Command::Dump(d) = parse(&["dump", "./bin"]) else {
            panic!()
        };
        assert_eq!(d.trace.limit, 1);
        assert_eq!(d.format, DumpFormat::Disasm);
        assert_eq!(d.exec.as_deref(), Some("./bin"));
        let Command::Dump(d) = parse(&["dump", "-c", "./bin x", "-l", "-1", "-t", "0.5"]) else {
            panic!()
        };
        assert_eq!(d.trace.limit, -1);
        assert_eq!(d.trace.timeout, Some(0.5));
        assert_eq!(d.trace.command.as_deref(), Some("./bin x"));
    }

    #[test]
    fn explain_and_audit_take_the_filter_source_flags() {
        let Command::Explain(e) = parse(&["explain", "f.bpf"]) else {
            panic!()
        };
        let s = e.source;
        assert_eq!(s.input.as_deref(), Some("f.bpf"));
        assert_eq!(
            (s.trace.limit, s.trace.pid, s.trace.timeout, s.arch),
            (1, None, None, None)
        );
        assert!(s.trace.command.is_none() && s.unused.is_empty());

        let args = [
            "-c", "./bin 2", "-l", "-1", "-p", "42", "-t", "1.5", "-a", "s390x", "x", "y",
        ];
        let Command::Audit(a) = parse(&[&["audit"][..], &args].concat()) else {
            panic!()
        };
        assert_eq!(a.format, AuditFormat::Human);
        let s = a.source;
        assert_eq!(s.trace.command.as_deref(), Some("./bin 2"));
        assert_eq!(
            (s.trace.limit, s.trace.pid, s.trace.timeout),
            (-1, Some(42), Some(1.5))
        );
        assert_eq!(s.arch, Some(Arch::S390x));
        assert_eq!(s.input.as_deref(), Some("x"));
        assert_eq!(s.unused, ["y"]);

        let Command::Audit(a) = parse(&["audit", "--format=json", "--sh-exec=./bin", "--pid=1"])
        else {
            panic!()
        };
        assert_eq!(a.format, AuditFormat::Json);
        assert_eq!(a.source.trace.pid, Some(1));
        let Command::Explain(e) = parse(&["explain", "--limit", "3", "--timeout", "0", "-"]) else {
            panic!()
        };
        assert_eq!(
            (e.source.trace.limit, e.source.trace.timeout),
            (3, Some(0.0))
        );
        assert_eq!(e.source.input.as_deref(), Some("-"));
    }

    #[test]
    fn explain_has_no_format_and_neither_has_an_output_file() {
        // seccomp-tools offers neither: the text goes to stdout.
        for args in [
            ["explain", "-f", "json"],
            ["explain", "-o", "out"],
            ["audit", "-o", "out"],
            ["audit", "-f", "yaml"],
        ] {
            let args = std::iter::once("seccomp").chain(args.iter().copied());
            assert!(Cli::try_parse_from(args).is_err());
        }
    }

    #[test]
    fn lint_levels_take_names_repeated_or_listed() {
        let Command::Asm(a) = parse(&[
            "asm",
            "--strict",
            "f",
            "--allow",
            "x32_guard,orw_chain",
            "--allow=kernel_cache",
            "--deny",
            "dangerous_allow",
        ]) else {
            panic!()
        };
        assert_eq!(
            a.lints.allow,
            [Lint::X32Guard, Lint::OrwChain, Lint::KernelCache]
        );
        assert_eq!(
            (a.lints.warn, a.lints.deny),
            (vec![], vec![Lint::DangerousAllow])
        );
        let Command::Check(c) = parse(&["check", "f", "--warn", "arch_unchecked"]) else {
            panic!()
        };
        assert_eq!(c.lints.warn, [Lint::ArchUnchecked]);
    }

    #[test]
    fn lint_levels_of_asm_need_strict_and_known_names() {
        let err = Cli::try_parse_from(["seccomp", "asm", "f", "--warn", "x32_guard"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::MissingRequiredArgument);
        let err =
            Cli::try_parse_from(["seccomp", "check", "f", "--deny", "x32-gaurd"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::ValueValidation);
        assert!(err
            .to_string()
            .contains("unknown lint `x32-gaurd`; did you mean `x32_guard`?"));
    }

    #[test]
    fn unknown_arch_is_a_usage_error() {
        let err = Cli::try_parse_from(["seccomp", "check", "f", "-a", "vax"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::ValueValidation);
        assert!(err.to_string().contains("unknown architecture \"vax\""));
    }
}
