//! The command line as a user meets it: flags, help, input errors, exit
//! statuses, `check` and `completion`. (`explain` and `audit` have their
//! own file, `explain_audit.rs`.)

use assert_cmd::Command;
use predicates::prelude::*;

fn seccomp() -> Command {
    Command::cargo_bin("seccomp").expect("the seccomp binary is built for tests")
}

/// `A = arch; return ALLOW`, little-endian.
const ARCH_ALLOW_LE: &[u8] = b"\x20\x00\x00\x00\x04\x00\x00\x00\x06\x00\x00\x00\x00\x00\xff\x7f";
/// The same program big-endian (s390x).
const ARCH_ALLOW_BE: &[u8] = b"\x00\x20\x00\x00\x00\x00\x00\x04\x00\x06\x00\x00\x7f\xff\x00\x00";

fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), bytes).expect("write temp file");
    file
}

/// Asserts a failure reported as exactly one `error: ...` line on stderr.
fn assert_one_line_error(cmd: &mut Command, code: i32, message: &str) {
    let out = cmd.assert().code(code).get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, format!("error: {message}\n"));
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
}

#[test]
fn help_lists_the_seccomp_tools_flags() {
    let cases: [(&str, &[&str]); 8] = [
        (
            "asm",
            &[
                "-o, --output <FILE>",
                "-f, --format <FORMAT>",
                "-a, --arch <ARCH>",
                "--relax-jumps",
                "--strict",
                "--allow <LINT>",
                "--warn <LINT>",
                "--deny <LINT>",
                "Lints of --strict, by default level: deny arch_unchecked, x32_guard, \
                 target_arch_killed warn syscall_alt_gap, permissive_default, dangerous_allow, \
                 kernel_cache allow orw_chain",
                "c_array",
                "c_source",
                "assembly",
                "rust",
            ],
        ),
        (
            "disasm",
            &[
                "-o, --output <FILE>",
                "-a, --arch <ARCH>",
                "--bpf",
                "--no-bpf",
                "--arg-infer",
                "--no-arg-infer",
                "--asm-able",
            ],
        ),
        (
            "emu",
            &[
                "-a, --arch <ARCH>",
                "-q, --quiet",
                "--no-quiet",
                "-i, --ip <VAL>",
                "[SYS_NR]",
                "[ARG]...",
            ],
        ),
        (
            "dump",
            &[
                "-c, --sh-exec <COMMAND>",
                "-l, --limit <LIMIT>",
                "-p, --pid <PID>",
                "-t, --timeout <SEC>",
                "-f, --format <FORMAT>",
                "-o, --output <FILE>",
                "[default: 1]",
                "[default: disasm]",
            ],
        ),
        (
            "check",
            &[
                "-a, --arch <ARCH>",
                "<BPF_FILE>",
                "--allow <LINT>",
                "--warn <LINT>",
                "--deny <LINT>",
                "Lints, by default level: deny arch_unchecked,",
            ],
        ),
        (
            "explain",
            &[
                "[BPF_FILE|EXEC]",
                "-c, --sh-exec <COMMAND>",
                "-l, --limit <LIMIT>",
                "-p, --pid <PID>",
                "-t, --timeout <SEC>",
                "-a, --arch <ARCH>",
                "[default: 1]",
            ],
        ),
        (
            "audit",
            &[
                "[BPF_FILE|EXEC]",
                "-c, --sh-exec <COMMAND>",
                "-l, --limit <LIMIT>",
                "-p, --pid <PID>",
                "-t, --timeout <SEC>",
                "-a, --arch <ARCH>",
                "-f, --format <FORMAT>",
                "[default: human]",
                "json",
            ],
        ),
        ("completion", &["bash", "zsh", "fish"]),
    ];
    for (command, flags) in cases {
        for help in ["-h", "--help"] {
            let out = seccomp()
                .args([command, help])
                .assert()
                .success()
                .get_output()
                .clone();
            // Help is wrapped to the terminal width: compare with spaces collapsed.
            let text = String::from_utf8(out.stdout).unwrap();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for flag in flags {
                assert!(
                    text.contains(flag),
                    "`seccomp {command} {help}` lacks {flag:?}:\n{text}"
                );
            }
        }
    }
    let out = seccomp()
        .arg("--help")
        .assert()
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    for command in [
        "asm",
        "disasm",
        "emu",
        "dump",
        "check",
        "explain",
        "audit",
        "completion",
    ] {
        assert!(text.contains(command), "{text}");
    }
}

#[test]
fn version() {
    seccomp()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("seccomp {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn missing_arguments_are_one_line_usage_errors() {
    for command in ["asm", "disasm", "emu", "check", "completion"] {
        let out = seccomp().arg(command).assert().code(2).get_output().clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{command}: {stderr}");
        assert!(
            stderr.starts_with("error: the following required arguments were not provided: <"),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn no_subcommand_shows_the_help_and_fails() {
    seccomp()
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("Usage: seccomp <COMMAND>"));
}

#[test]
fn unknown_arch_is_a_usage_error() {
    let out = seccomp()
        .args(["check", "-", "-a", "vax"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with(
        "error: invalid value 'vax' for '--arch <ARCH>': unknown architecture \"vax\"; known: amd64, i386,"
    ));
}

#[test]
fn arch_aliases_are_accepted() {
    let file = temp_file(ARCH_ALLOW_LE);
    for (arch, name) in [
        ("amd64", "amd64"),
        ("x86_64", "amd64"),
        ("AMD64", "amd64"),
        ("arm64", "aarch64"),
        ("riscv64", "riscv64"),
        ("mipsel", "mipsel"),
        ("ppc64le", "ppc64le"),
    ] {
        // The lints run for the arch named; the one denied lint of a
        // filter without an arch check is allowed here.
        seccomp()
            .args(["check", "--allow", "arch_unchecked", "-a", arch])
            .arg(file.path())
            .assert()
            .success()
            .stdout(predicate::str::ends_with(format!(
                " for {name}, none denied\n"
            )));
    }
}

#[test]
fn unreadable_empty_and_partial_inputs() {
    for command in ["disasm", "emu", "check", "asm"] {
        assert_one_line_error(
            seccomp().args([command, "/nonexistent/f.bpf"]),
            1,
            "/nonexistent/f.bpf: No such file or directory",
        );
    }
    let empty = temp_file(b"");
    let name = empty.path().to_str().unwrap();
    for command in ["disasm", "emu", "check"] {
        assert_one_line_error(
            seccomp().args([command, name]),
            1,
            &format!("{name}: the input is empty; a filter is a sequence of 8-byte instructions"),
        );
    }
    for command in ["emu", "check"] {
        assert_one_line_error(
            seccomp()
                .args([command, "-"])
                .write_stdin(&ARCH_ALLOW_LE[..13]),
            1,
            "<stdin>: 13 bytes is not a whole number of 8-byte instructions (5 bytes left over)",
        );
    }
    // disasm lists the whole instructions, as seccomp-tools does, and warns.
    seccomp()
        .args(["disasm", "-a", "amd64", "--no-bpf", "-"])
        .write_stdin(&ARCH_ALLOW_LE[..13])
        .assert()
        .code(0)
        .stdout("0000: A = arch\n")
        .stderr(
            "warning: <stdin>: 13 bytes is not a whole number of 8-byte instructions \
             (5 bytes left over); the last 5 bytes are ignored\n",
        );
    assert_one_line_error(
        seccomp()
            .args(["disasm", "-"])
            .write_stdin(&ARCH_ALLOW_LE[..7]),
        1,
        "<stdin>: the input has 7 bytes, less than one 8-byte instruction",
    );
}

#[test]
fn asm_reports_bytes_that_are_not_text_as_seccomp_tools_does() {
    let out = seccomp()
        .args(["asm", "-"])
        .write_stdin(&b"A = 1\n\xff\n"[..])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("<inline>:2:1 unknown token \"\\xFF\"\n"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn emu_numbers_are_checked() {
    let file = temp_file(ARCH_ALLOW_LE);
    let path = file.path().to_str().unwrap();
    assert_one_line_error(
        seccomp().args(["emu", "-a", "aarch64", path, "open"]),
        2,
        "sys_nr: \"open\" is neither a syscall of aarch64 nor an integer",
    );
    assert_one_line_error(
        seccomp().args(["emu", path, "0x1_0000_0000"]),
        2,
        "sys_nr: \"0x1_0000_0000\" does not fit in 32 bits",
    );
    assert_one_line_error(
        seccomp().args(["emu", path, "read", "1", "0x1_0000_0000_0000_0000"]),
        2,
        "arg1: \"0x1_0000_0000_0000_0000\" does not fit in 64 bits",
    );
    assert_one_line_error(
        seccomp().args(["emu", path, "read", "1__0"]),
        2,
        "arg0: invalid value for Integer(): \"1__0\"",
    );
    assert_one_line_error(
        seccomp().args(["emu", path, "read", "-i", "12z"]),
        2,
        "--ip: invalid value for Integer(): \"12z\"",
    );
    // As with Ruby's OptionParser, `-i` takes no blanks and no 0o/0d prefix,
    // which the positional numbers (Ruby's `Integer()`) allow.
    assert_one_line_error(
        seccomp().args(["emu", path, "read", "-i", "0o17"]),
        2,
        "--ip: invalid value for Integer(): \"0o17\"",
    );
    seccomp()
        .args([
            "emu", "-q", "-a", "amd64", path, "0o0", " 0d1 ", "-i", "017",
        ])
        .assert()
        .success()
        .stdout("return ALLOW at line 0001\n");
}

#[test]
fn check_accepts_a_valid_filter_then_lints_it() {
    let file = temp_file(ARCH_ALLOW_LE);
    // The kernel accepts `A = arch; return ALLOW`, but it never compares
    // the arch, a denied lint, and allows everything, which warns.
    let out = seccomp()
        .args(["check", "-a", "amd64"])
        .arg(file.path())
        .assert()
        .code(1)
        .stderr("")
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "ok: 2 instructions; the kernel accepts this filter"
    );
    assert!(
        lines[1].starts_with("deny  [arch_unchecked] filter: Architecture is never validated: "),
        "{stdout}"
    );
    assert!(lines[2..lines.len() - 1]
        .iter()
        .all(|l| l.starts_with("warn  [")));
    assert!(stdout.contains(
        "\nwarn  [permissive_default] line 0001: Default action is ALLOW (denylist) (amd64): "
    ));
    assert_eq!(
        lines.last().copied(),
        Some(
            "lints: 1 denied, 9 warnings for amd64; the filter fails the check \
             (`--warn LINT` or `--allow LINT` changes a level)"
        )
    );
    let allowed = [
        "--allow",
        "arch_unchecked,dangerous_allow",
        "--allow",
        "permissive_default",
    ];
    seccomp()
        .args(["check", "-a", "amd64"])
        .args(allowed)
        .arg(file.path())
        .assert()
        .code(0)
        .stdout(
            "ok: 2 instructions; the kernel accepts this filter\n\
             lints: nothing found for amd64\n",
        )
        .stderr("");
    seccomp()
        .args(["check", "-a", "s390x", "-"])
        .args(allowed)
        .write_stdin(ARCH_ALLOW_BE)
        .assert()
        .code(0)
        .stdout(
            "ok: 2 instructions; the kernel accepts this filter\n\
             lints: nothing found for s390x\n",
        );
}

#[test]
fn check_lists_every_violation() {
    // The big-endian program read as little-endian: opcodes 0x2000 and 0x0600.
    seccomp()
        .args(["check", "-a", "amd64", "-"])
        .write_stdin(ARCH_ALLOW_BE)
        .assert()
        .code(1)
        .stdout(
            "line 0000: 0x2000 0x00 0x00 0x04000000  opcode 0x2000 is not a classic BPF instruction\n\
             line 0001: 0x600 0x00 0x00 0x0000ff7f  opcode 0x0600 is not a classic BPF instruction\n\
             line 0001: 0x600 0x00 0x00 0x0000ff7f  the last instruction must be a return \
             (`return K`, an action, or `return A`)\n\
             rejected: the kernel refuses this filter (3 violations)\n",
        )
        .stderr("");
    // mem[0] read before any write, then a division by constant 0.
    let prog = b"\x60\x00\x00\x00\x00\x00\x00\x00\x34\x00\x00\x00\x00\x00\x00\x00\x16\x00\x00\x00\x00\x00\x00\x00";
    seccomp()
        .args(["check", "-a", "amd64", "-"])
        .write_stdin(&prog[..])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "line 0001: 0x34 0x00 0x00 0x00000000  division by constant 0\n",
        ))
        .stdout(predicate::str::contains(
            "line 0000: 0x60 0x00 0x00 0x00000000  mem[0] is read before",
        ))
        .stdout(predicate::str::ends_with(
            "rejected: the kernel refuses this filter (2 violations)\n",
        ));
}

#[test]
fn completion_scripts() {
    let cases = [
        ("bash", "complete -F _seccomp"),
        ("zsh", "#compdef seccomp"),
        ("fish", "complete -c seccomp"),
    ];
    for (shell, marker) in cases {
        let out = seccomp()
            .args(["completion", shell])
            .assert()
            .success()
            .get_output()
            .clone();
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script}");
        for word in [
            "dump",
            "sh-exec",
            "asm-able",
            "c_source",
            "check",
            "explain",
            "audit",
            "human",
            "deny",
            "x32_guard",
            "orw_chain",
        ] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    let out = seccomp()
        .args(["completion", "powershell"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1);
    assert!(stderr.contains("invalid value 'powershell'"), "{stderr}");
}

#[test]
fn bash_completion_script_is_valid_bash() {
    let out = seccomp()
        .args(["completion", "bash"])
        .assert()
        .success()
        .get_output()
        .clone();
    let script = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(script.path(), &out.stdout).unwrap();
    std::process::Command::new("bash")
        .arg("-n")
        .arg(script.path())
        .status()
        .map(|s| assert!(s.success(), "bash -n rejects the script"))
        .expect("bash runs");
}

#[test]
fn emu_errors_are_one_line() {
    // ja +7: past the end of a 2-instruction filter.
    let past_end = temp_file(b"\x05\x00\x00\x00\x07\x00\x00\x00\x06\x00\x00\x00\x00\x00\xff\x7f");
    assert_one_line_error(
        seccomp()
            .args(["emu", "-a", "amd64", "-q"])
            .arg(past_end.path())
            .arg("0"),
        1,
        "line 0000 jumps to line 0008, past the end of the filter",
    );
    // A = 1, and no return.
    let no_return = temp_file(b"\x00\x00\x00\x00\x01\x00\x00\x00");
    assert_one_line_error(
        seccomp()
            .args(["emu", "-a", "amd64"])
            .arg(no_return.path())
            .arg("0"),
        1,
        "line 0000 is the last and does not return",
    );
    // A = args[1]; return A, run with a single argument.
    let args_1 = temp_file(b"\x20\x00\x00\x00\x18\x00\x00\x00\x16\x00\x00\x00\x00\x00\x00\x00");
    assert_one_line_error(
        seccomp()
            .args(["emu", "-a", "amd64"])
            .arg(args_1.path())
            .args(["read", "5"]),
        1,
        "Undefined Variable: 0000: A = args[1] <- `args[1]` is undefined \
         (give SYS_NR and at least 2 arguments)",
    );
}

/// `A = arch`; `ld [x + 0]` (IND mode, which seccomp-tools cannot read); `return ALLOW`.
const IND_LOAD: &[u8] = b"\x20\x00\x00\x00\x04\x00\x00\x00\
                          \x40\x00\x00\x00\x00\x00\x00\x00\
                          \x06\x00\x00\x00\x00\x00\xff\x7f";

#[test]
fn instructions_seccomp_tools_cannot_read() {
    let file = temp_file(IND_LOAD);
    let path = file.path().to_str().unwrap();
    // With the BPF columns the line is shown whole, with a warning.
    seccomp()
        .args(["disasm", "-a", "amd64", path])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            " 0001: 0x40 0x00 0x00 0x00000000  /* unsupported opcode 0x40 */\n",
        ))
        .stderr(
            "warning: Line 1 is invalid: unknown: seccomp-tools stops here; \
             opcode 0x40 is listed as unsupported (no seccomp filter may use it)\n",
        );
    // Without them it would lose its operands: seccomp-tools' message, as an error.
    for flag in ["--no-bpf", "--asm-able"] {
        assert_one_line_error(
            seccomp().args(["disasm", "-a", "amd64", flag, path]),
            1,
            "Line 1 is invalid: unknown (opcode 0x40, which no seccomp filter may use); \
             the listing with the BPF columns shows it",
        );
    }
    // The run reaches it.
    assert_one_line_error(
        seccomp().args(["emu", "-q", "-a", "amd64", path, "read"]),
        1,
        "Line 1 is invalid: unknown (opcode 0x40, which no seccomp filter may use)",
    );
}

#[test]
fn disasm_writes_to_a_file() {
    let file = temp_file(ARCH_ALLOW_BE);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    seccomp()
        .args(["disasm", "--asm-able", "-a", "s390x", "-o"])
        .arg(&out)
        .arg(file.path())
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "0000: A = arch\n0001: return ALLOW\n"
    );
}

/// A filter whose listing is written in several pieces: 2000 tests of the
/// syscall number, each returning its own errno.
fn long_filter() -> Vec<u8> {
    let mut prog = vec![seccomp_asm::Insn::stmt(0x20, 0)];
    for nr in 0..2000 {
        prog.push(seccomp_asm::Insn::new(0x15, 0, 1, nr));
        prog.push(seccomp_asm::Insn::stmt(0x06, 0x0005_0000 | nr));
    }
    prog.push(seccomp_asm::Insn::stmt(0x06, 0x7fff_0000));
    seccomp_asm::insn::encode(&prog, seccomp_asm::Endian::Little)
}

#[test]
fn long_listings_are_whole_on_stdout_and_in_files() {
    let file = temp_file(&long_filter());
    let out = seccomp()
        .args(["disasm", "-a", "amd64"])
        .arg(file.path())
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2 + 4002);
    assert_eq!(
        lines[2 + 3999],
        " 3999: 0x15 0x00 0x01 0x000007cf  if (A != 0x7cf) goto 4001"
    );
    assert_eq!(
        lines[2 + 4001],
        " 4001: 0x06 0x00 0x00 0x7fff0000  return ALLOW"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.txt");
    seccomp()
        .args(["disasm", "-a", "amd64", "-o"])
        .arg(&path)
        .arg(file.path())
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let emu = seccomp()
        .args(["emu", "-a", "amd64"])
        .arg(file.path())
        .args(["1999"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let emu = String::from_utf8(emu).unwrap();
    // The listing up to five lines past the returning one, then the result.
    let shown = text.lines().take(2 + 4002).collect::<Vec<_>>().join("\n");
    assert_eq!(emu, format!("{shown}\n\nreturn ERRNO(1999) at line 4000\n"));
}

#[test]
fn write_errors_on_long_output_are_one_line() {
    let file = temp_file(&long_filter());
    // A full disk under stdout: assert_cmd captures stdout, so run directly.
    let to_full_disk = |args: &[&str], sys_nr: &[&str]| {
        let full = std::fs::File::create("/dev/full").expect("/dev/full");
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("seccomp"))
            .args(args)
            .arg(file.path())
            .args(sys_nr)
            .stdout(full)
            .output()
            .expect("runs");
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let full = (
        Some(1),
        "error: <stdout>: No space left on device\n".to_string(),
    );
    assert_eq!(to_full_disk(&["disasm", "-a", "amd64"], &[]), full);
    assert_eq!(to_full_disk(&["emu", "-a", "amd64"], &["1999"]), full);
    assert_one_line_error(
        seccomp()
            .args(["disasm", "-a", "amd64", "-o", "/nonexistent/out.txt"])
            .arg(file.path()),
        1,
        "/nonexistent/out.txt: No such file or directory",
    );
}

#[test]
fn disasm_warns_where_its_data_flow_pass_gives_up() {
    // One of three values in each of 8 scratch slots, all read back: 6,561
    // paths that differ, more than the pass follows one by one.
    let mut src = String::from("A = sys_number\n");
    for i in 0..8 {
        src.push_str(&format!(
            "if (A == {a}) goto a{i}\nif (A == {b}) goto b{i}\nX = 2\ngoto s{i}\n\
             a{i}: X = 0\ngoto s{i}\nb{i}: X = 1\ns{i}: mem[{i}] = X\n",
            a = 3 * i,
            b = 3 * i + 1
        ));
    }
    for i in 0..8 {
        src.push_str(&format!("A = mem[{i}]\n"));
    }
    src.push_str("return A\n");
    let bpf = seccomp()
        .args(["asm", "-a", "amd64", "-f", "raw", "-"])
        .write_stdin(src)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let file = temp_file(&bpf);
    let out = seccomp()
        .args(["disasm", "-a", "amd64", file.path().to_str().unwrap()])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("warning: from line 00") && stderr.contains("too many to follow"),
        "{stderr}"
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().count(),
        2 + bpf.len() / 8
    );
}
