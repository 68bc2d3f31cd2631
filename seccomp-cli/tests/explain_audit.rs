//! `seccomp explain` and `seccomp audit` through the binary, against the
//! seccomp-tools 1.7.1 references in `seccomp-conformance/data/conformance`:
//!
//! - every filter of `explain.jsonl` and `audit.jsonl`, run as the reference
//!   was (`explain -a ARCH FILE`, `audit -a ARCH FILE`, `audit -a ARCH -f
//!   json FILE` in a folder holding the filter as `file`), and again on stdin;
//! - `extra/tty.jsonl`, with a pseudo-terminal as stdout, for the colours;
//! - `extra/stacked.jsonl`: `extra/stacked.c`, built here, traced with
//!   `-c COMMAND -l LIMIT`, and the same filters read from a running process;
//! - the large filters of `extra/` and the libseccomp and firejail filters of
//!   `../foreign/foreign.jsonl`;
//! - the error paths: no input, unreadable, empty or undecodable filters.

mod common;
mod corpus;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use common::seccomp;
use corpus::{corpus_dir, records};
use seccomp_conformance::{first_difference, str_field, unhex};
use serde_json::Value;

/// What one run of the binary gave.
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: output.stdout,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Runs `seccomp ARGS` in `dir` with `stdin`, killing it if it hangs (a
/// safety net for the traced commands, not a timing check).
fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    assert_cmd::Command::cargo_bin("seccomp")
        .expect("the seccomp binary is built for tests")
        .current_dir(dir)
        .args(args)
        .write_stdin(stdin)
        .timeout(Duration::from_secs(300))
        .output()
        .expect("seccomp runs")
        .into()
}

/// `None` when `run` succeeded, silently on stderr, with `expected` as its
/// whole stdout; else what differs, introduced by `what`.
fn mismatch(what: &str, run: &Run, expected: &str) -> Option<String> {
    if run.code != Some(0) {
        return Some(format!(
            "{what}: exit {:?}, stderr {:?}",
            run.code, run.stderr
        ));
    }
    if !run.stderr.is_empty() {
        return Some(format!("{what}: unexpected stderr {:?}", run.stderr));
    }
    let actual = String::from_utf8_lossy(&run.stdout);
    (actual != expected).then(|| format!("{what}: {}", first_difference(expected, &actual)))
}

/// Counts the matches of one kind of run, so a failure says how far off it is.
struct Tally {
    name: String,
    runs: usize,
    failures: Vec<String>,
}

impl Tally {
    fn new(name: impl Into<String>) -> Tally {
        Tally {
            name: name.into(),
            runs: 0,
            failures: Vec::new(),
        }
    }

    fn add(&mut self, failure: Option<String>) {
        self.runs += 1;
        self.failures.extend(failure);
    }

    fn assert_all_match(tallies: &[Tally]) {
        let mut report = String::new();
        for t in tallies {
            let matched = t.runs - t.failures.len();
            eprintln!("{}: {matched}/{} match the reference", t.name, t.runs);
            for failure in &t.failures {
                report.push_str(&format!("{}: {failure}\n", t.name));
            }
        }
        assert!(report.is_empty(), "{report}");
    }
}

/// The records of a corpus file, which must hold `count` of them.
fn corpus(name: &str, count: usize) -> Vec<Value> {
    let records = records(name);
    assert_eq!(records.len(), count, "{name}");
    records
}

/// `record`'s filter, written to `dir` under the name the reference saw.
fn write_filter(dir: &Path, record: &Value) -> String {
    let file = str_field(record, "file").to_string();
    std::fs::write(dir.join(&file), unhex(str_field(record, "hex"))).expect("write filter");
    file
}

#[test]
fn explain_matches_the_reference() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut tally = Tally::new("explain");
    for record in corpus("explain.jsonl", 110) {
        let arch = str_field(&record, "arch");
        let file = write_filter(dir.path(), &record);
        let run = run_in(dir.path(), &["explain", "-a", arch, &file], b"");
        let what = format!("{} ({arch})", str_field(&record, "id"));
        tally.add(mismatch(&what, &run, str_field(&record, "out")));
    }
    Tally::assert_all_match(&[tally]);
}

#[test]
fn audit_matches_the_reference() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut human = Tally::new("audit");
    let mut json = Tally::new("audit -f json");
    for record in corpus("audit.jsonl", 110) {
        let arch = str_field(&record, "arch");
        let file = write_filter(dir.path(), &record);
        let what = format!("{} ({arch})", str_field(&record, "id"));
        let run = run_in(dir.path(), &["audit", "-a", arch, &file], b"");
        human.add(mismatch(&what, &run, str_field(&record, "out")));
        let run = run_in(dir.path(), &["audit", "-a", arch, "-f", "json", &file], b"");
        json.add(mismatch(&what, &run, str_field(&record, "json_out")));
    }
    Tally::assert_all_match(&[human, json]);
}

/// Runs explain, audit and audit -f json on each of `records`, which hold
/// the three outputs in the fields `explain`, `audit` and `audit_json`.
fn check_all_three(name: &str, records: &[Value]) -> [Tally; 3] {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut tallies =
        ["explain", "audit", "audit -f json"].map(|c| Tally::new(format!("{name}: {c}")));
    for record in records {
        let arch = str_field(record, "arch");
        let file = write_filter(dir.path(), record);
        let what = format!("{} ({arch})", str_field(record, "id"));
        let cases = [
            (vec!["explain", "-a", arch, &file], "explain"),
            (vec!["audit", "-a", arch, &file], "audit"),
            (vec!["audit", "-a", arch, "-f", "json", &file], "audit_json"),
        ];
        for (tally, (args, field)) in tallies.iter_mut().zip(cases) {
            let run = run_in(dir.path(), &args, b"");
            tally.add(mismatch(
                &format!("{what} {field}"),
                &run,
                str_field(record, field),
            ));
        }
    }
    tallies
}

#[test]
fn large_and_foreign_filters_match_the_reference() {
    // The 4,088-instruction benchmark filter, the filter of 4,096 paths, and
    // the filters libseccomp and firejail generate.
    let mut tallies = Vec::new();
    tallies.extend(check_all_three(
        "allow-list-4088",
        &corpus("extra/allow-list-4088.jsonl", 1),
    ));
    tallies.extend(check_all_three("paths", &corpus("extra/paths.jsonl", 1)));
    let foreign = records("../foreign/foreign.jsonl");
    assert!(foreign.len() >= 60, "{} foreign records", foreign.len());
    tallies.extend(check_all_three("foreign", &foreign));
    Tally::assert_all_match(&tallies);
}

#[test]
fn stdin_is_labelled_as_the_reference_labels_it() {
    let mut tallies = [
        Tally::new("explain -"),
        Tally::new("audit -"),
        Tally::new("audit -f json -"),
    ];
    let explain = corpus("explain.jsonl", 110);
    let audit = corpus("audit.jsonl", 110);
    for (explained, audited) in explain.iter().zip(&audit) {
        assert_eq!(
            explained["hex"], audited["hex"],
            "the same filters in the same order"
        );
        let arch = str_field(explained, "arch");
        let file = str_field(explained, "file");
        let bytes = unhex(str_field(explained, "hex"));
        let what = format!("{} ({arch})", str_field(explained, "id"));
        // The file's name appears once, in the header (or the JSON's
        // `source`); read from stdin, the filter is called `<STDIN>`.
        let relabel = |text: &str| text.replacen(file, "<STDIN>", 1);
        let cases = [
            (
                vec!["explain", "-a", arch, "-"],
                str_field(explained, "out"),
            ),
            (vec!["audit", "-a", arch, "-"], str_field(audited, "out")),
            (
                vec!["audit", "-a", arch, "-f", "json", "-"],
                str_field(audited, "json_out"),
            ),
        ];
        for (tally, (args, expected)) in tallies.iter_mut().zip(cases) {
            let run = seccomp(&args, &bytes).into();
            tally.add(mismatch(&what, &run, &relabel(expected)));
        }
    }
    Tally::assert_all_match(&tallies);
}

/// Runs `seccomp ARGS` in `dir` with a pseudo-terminal as its stdout, as a
/// user at a terminal runs it, and returns what the terminal received.
///
/// The terminal's output processing is turned off, so line ends arrive as
/// written (`\n`, not `\r\n`), as in the references. Works without a
/// controlling terminal (CI runs none), since only `isatty` decides.
fn run_on_terminal(dir: &Path, args: &[&str], no_color: Option<&str>) -> Run {
    let (master, terminal) = open_pty();
    let mut command = Command::new(env!("CARGO_BIN_EXE_seccomp"));
    command
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(terminal)
        .stderr(Stdio::piped());
    match no_color {
        Some(value) => command.env("NO_COLOR", value),
        None => command.env_remove("NO_COLOR"),
    };
    let mut child = command.spawn().expect("seccomp starts");
    // Only the child may hold the terminal side now: reading the other side
    // ends (EIO) when the last holder closes it.
    drop(command);
    let mut stdout = Vec::new();
    let mut master = File::from(master);
    let mut buf = [0; 4096];
    loop {
        match master.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => stdout.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) if e.raw_os_error() == Some(libc::EIO) => break,
            Err(e) => panic!("reading the terminal: {e}"),
        }
    }
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("piped stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("seccomp ends");
    Run {
        code: status.code(),
        stdout,
        stderr,
    }
}

/// A new pseudo-terminal: its controlling side and its terminal side, the
/// latter without output processing.
fn open_pty() -> (OwnedFd, File) {
    // SAFETY: plain calls on a descriptor this function owns from here on;
    // `name` is a buffer of the length passed.
    unsafe {
        let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(
            master >= 0,
            "posix_openpt: {}",
            std::io::Error::last_os_error()
        );
        let master = OwnedFd::from_raw_fd(master);
        // The traced commands of other tests must not inherit it.
        assert_eq!(
            libc::fcntl(master.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC),
            0
        );
        assert_eq!(libc::grantpt(master.as_raw_fd()), 0, "grantpt");
        assert_eq!(libc::unlockpt(master.as_raw_fd()), 0, "unlockpt");
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(
            libc::ptsname_r(master.as_raw_fd(), name.as_mut_ptr(), name.len()),
            0,
            "ptsname_r"
        );
        let name = std::ffi::CStr::from_ptr(name.as_ptr())
            .to_str()
            .expect("terminal name")
            .to_string();
        let terminal = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NOCTTY)
            .open(&name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut attrs: libc::termios = std::mem::zeroed();
        assert_eq!(libc::tcgetattr(terminal.as_raw_fd(), &mut attrs), 0);
        attrs.c_oflag &= !libc::OPOST;
        assert_eq!(
            libc::tcsetattr(terminal.as_raw_fd(), libc::TCSANOW, &attrs),
            0
        );
        (master, terminal)
    }
}

#[test]
fn colours_on_a_terminal_match_the_reference() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut explain = Tally::new("explain on a terminal");
    let mut audit = Tally::new("audit on a terminal");
    for record in corpus("extra/tty.jsonl", 20) {
        let arch = str_field(&record, "arch");
        let file = write_filter(dir.path(), &record);
        let what = format!("{} ({arch})", str_field(&record, "id"));
        let run = run_on_terminal(dir.path(), &["explain", "-a", arch, &file], None);
        explain.add(mismatch(&what, &run, str_field(&record, "explain_tty")));
        let run = run_on_terminal(dir.path(), &["audit", "-a", arch, &file], None);
        audit.add(mismatch(&what, &run, str_field(&record, "audit_tty")));
    }
    Tally::assert_all_match(&[explain, audit]);
}

#[test]
fn no_color_and_json_stay_plain_on_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let explained = corpus("explain.jsonl", 110);
    let audited = corpus("audit.jsonl", 110);
    // The tty records are the first filters of the corpus, so these have colours.
    for (e, a) in explained.iter().zip(&audited).take(3) {
        let arch = str_field(e, "arch");
        let file = write_filter(dir.path(), e);
        let what = format!("{} ({arch})", str_field(e, "id"));
        let runs = [
            (
                run_on_terminal(dir.path(), &["explain", "-a", arch, &file], Some("1")),
                str_field(e, "out"),
            ),
            (
                run_on_terminal(dir.path(), &["audit", "-a", arch, &file], Some("1")),
                str_field(a, "out"),
            ),
            (
                run_on_terminal(
                    dir.path(),
                    &["audit", "-f", "json", "-a", arch, &file],
                    None,
                ),
                str_field(a, "json_out"),
            ),
        ];
        for (run, expected) in runs {
            if let Some(failure) = mismatch(&what, &run, expected) {
                panic!("{failure}");
            }
        }
    }
}

/// A folder holding `stacked` (and `waiting`, the same filters installed by
/// a process that then waits), built from `extra/stacked.c` once for all
/// tests; `None`, after saying why, when they cannot run here.
fn stacked_programs() -> Option<&'static Path> {
    static BUILT: OnceLock<Option<tempfile::TempDir>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            if !cfg!(target_arch = "x86_64") {
                eprintln!("skipped: stacked.c and its references are for x86_64");
                return None;
            }
            if Command::new("cc").arg("--version").output().is_err() {
                eprintln!("skipped: no C compiler (`cc`) to build extra/stacked.c");
                return None;
            }
            let dir = tempfile::tempdir().expect("temp dir");
            let extra = corpus_dir().join("extra");
            let waiting = dir.path().join("waiting.c");
            std::fs::write(&waiting, WAITING_C).expect("write waiting.c");
            for (source, program) in [(extra.join("stacked.c"), "stacked"), (waiting, "waiting")] {
                let status = Command::new("cc")
                    .args(["-O2", "-o"])
                    .arg(dir.path().join(program))
                    .arg("-I")
                    .arg(&extra)
                    .arg(&source)
                    .status()
                    .expect("cc runs");
                assert!(status.success(), "cc {} failed", source.display());
            }
            Some(dir)
        })
        .as_ref()
        .map(tempfile::TempDir::path)
}

/// stacked.c's program, which then waits for its stdin to close, so that
/// its filters can be read by pid.
const WAITING_C: &str = r#"
#define main stacked_main
#include "stacked.c"
#undef main

int main(int argc, char **argv) {
    int status = stacked_main(argc, argv);
    if (status != 0)
        return status;
    puts("ready");
    fflush(stdout);
    while (getchar() != EOF) {
    }
    return 0;
}
"#;

#[test]
fn stacked_filters_of_a_command_match_the_reference() {
    let Some(dir) = stacked_programs() else {
        return;
    };
    let mut tallies = [
        Tally::new("explain -c"),
        Tally::new("audit -c"),
        Tally::new("audit -f json -c"),
        Tally::new("dump -c"),
    ];
    for record in corpus("extra/stacked.jsonl", 5) {
        let command = str_field(&record, "command");
        let limit = record["limit"].as_i64().expect("limit").to_string();
        let what = str_field(&record, "id");
        let cases = [
            (vec!["explain"], "explain"),
            (vec!["audit"], "audit"),
            (vec!["audit", "-f", "json"], "audit_json"),
            (vec!["dump"], "dump"),
        ];
        for (tally, (mut args, field)) in tallies.iter_mut().zip(cases) {
            args.extend(["-c", command, "-l", &limit]);
            let run = run_in(dir, &args, b"");
            tally.add(mismatch(what, &run, str_field(&record, field)));
        }
    }
    Tally::assert_all_match(&tallies);
}

/// The record `id` of `extra/stacked.jsonl`.
fn stacked_record(id: &str) -> Value {
    corpus("extra/stacked.jsonl", 5)
        .into_iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no record {id}"))
}

#[test]
fn a_positional_executable_is_run() {
    let Some(dir) = stacked_programs() else {
        return;
    };
    // `./stacked` installs two filters by default, as `./stacked 2` does;
    // only the label differs.
    let record = stacked_record("stacked-2-l2");
    for (args, field) in [
        (vec!["explain", "./stacked", "-l", "2"], "explain"),
        (vec!["audit", "-l", "2", "./stacked"], "audit"),
        (
            vec!["audit", "-f", "json", "./stacked", "-l", "-1"],
            "audit_json",
        ),
    ] {
        let expected = str_field(&record, field).replace("./stacked 2", "./stacked");
        if let Some(failure) = mismatch(field, &run_in(dir, &args, b""), &expected) {
            panic!("{failure}");
        }
    }
    // -c wins over the positional, which is then unused.
    let record = stacked_record("stacked-1-l1");
    let run = run_in(dir, &["explain", "./stacked", "-c", "./stacked 1"], b"");
    let expected = format!(
        "[WARN] ignoring unused argument: ./stacked\n{}",
        str_field(&record, "explain")
    );
    if let Some(failure) = mismatch("-c and a positional", &run, &expected) {
        panic!("{failure}");
    }
}

#[test]
fn filters_of_a_running_process() {
    let Some(dir) = stacked_programs() else {
        return;
    };
    let mut child = Command::new(dir.join("waiting"))
        .arg("2")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("waiting starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped stdout"))
        .read_line(&mut line)
        .expect("read the ready line");
    assert_eq!(line, "ready\n");
    let label = format!("pid {}", child.id());
    let pid = child.id().to_string();

    let one = stacked_record("stacked-2-l1");
    let two = stacked_record("stacked-2-l2");
    let relabel = |record: &Value, field| str_field(record, field).replace("./stacked 2", &label);
    let cases = [
        (vec!["explain", "-p", &pid], relabel(&one, "explain")),
        (
            vec!["explain", "-p", &pid, "-l", "2"],
            relabel(&two, "explain"),
        ),
        (
            vec!["audit", "-p", &pid, "-l", "-1"],
            relabel(&two, "audit"),
        ),
        (
            vec!["audit", "-f", "json", "-p", &pid, "-l", "5"],
            relabel(&two, "audit_json"),
        ),
        // --pid wins over -c and the positional.
        (
            vec!["explain", "-c", "./stacked 3", "-p", &pid, "./stacked"],
            format!(
                "[WARN] ignoring unused argument: ./stacked\n{}",
                relabel(&one, "explain")
            ),
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(args, expected)| mismatch(&args.join(" "), &run_in(dir, args, b""), expected))
        .collect();

    // The process was only looked at: it still runs, and ends when told.
    drop(child.stdin.take());
    let status = child.wait().expect("waiting ends");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        status.success(),
        "the inspected process ended with {status}"
    );
}

#[test]
fn a_command_installing_nothing_is_warned_about() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        &["explain", "-c", "true"][..],
        &["audit", "-c", "true"],
        &["audit", "-f", "json", "-c", "exit 3", "-l", "-1"],
    ] {
        let run = run_in(dir.path(), args, b"");
        if let Some(failure) = mismatch(
            &args.join(" "),
            &run,
            "[WARN] No seccomp filter was installed.\n",
        ) {
            panic!("{failure}");
        }
    }
}

#[test]
fn no_input_shows_the_help() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        &["explain"][..],
        &["explain", "-a", "amd64"],
        &["audit"],
        &["audit", "-f", "json", "-l", "2"],
    ] {
        let run = run_in(dir.path(), args, b"");
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        assert!(run.stderr.is_empty(), "{args:?}: {}", run.stderr);
        let help = String::from_utf8(run.stdout).expect("UTF-8 help");
        let usage = format!("Usage: seccomp {} [OPTIONS] [BPF_FILE|EXEC]", args[0]);
        assert!(help.contains(&usage), "{args:?}: {help}");
        assert!(help.contains("--sh-exec <COMMAND>"), "{args:?}: {help}");
    }
}

#[test]
fn leftover_arguments_are_warned_about() {
    let dir = tempfile::tempdir().expect("temp dir");
    let record = &corpus("explain.jsonl", 110)[0];
    let arch = str_field(record, "arch");
    let file = write_filter(dir.path(), record);
    let run = run_in(dir.path(), &["explain", "-a", arch, &file, "x", "y"], b"");
    let expected = format!(
        "[WARN] ignoring unused arguments: x y\n{}",
        str_field(record, "out")
    );
    if let Some(failure) = mismatch("two unused", &run, &expected) {
        panic!("{failure}");
    }
}

#[test]
fn trailing_bytes_are_dropped_with_a_warning_as_disasm_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let explained = &corpus("explain.jsonl", 110)[0];
    let audited = &corpus("audit.jsonl", 110)[0];
    let arch = str_field(explained, "arch");
    let mut bytes = unhex(str_field(explained, "hex"));
    let whole = bytes.len();
    bytes.extend([1, 2, 3]);
    let file = str_field(explained, "file");
    std::fs::write(dir.path().join(file), &bytes).expect("write filter");
    let warning = format!(
        "warning: {file}: {} bytes is not a whole number of 8-byte instructions \
         (3 bytes left over); the last 3 bytes are ignored\n",
        whole + 3
    );
    for (command, expected) in [
        ("explain", str_field(explained, "out")),
        ("audit", str_field(audited, "out")),
    ] {
        let run = run_in(dir.path(), &[command, "-a", arch, file], b"");
        assert_eq!(run.code, Some(0), "{command}: {}", run.stderr);
        assert_eq!(run.stderr, warning, "{command}");
        assert_eq!(String::from_utf8_lossy(&run.stdout), expected, "{command}");
    }
}

/// Asserts a failure reported as exactly `error: MESSAGE` on stderr, with
/// status 1 and nothing on stdout.
fn assert_error(dir: &Path, args: &[&str], stdin: &[u8], message: &str) {
    let run = run_in(dir, args, stdin);
    assert_eq!(run.code, Some(1), "{args:?}: {}", run.stderr);
    assert_eq!(run.stderr, format!("error: {message}\n"), "{args:?}");
    assert!(
        run.stdout.is_empty(),
        "{args:?}: {}",
        String::from_utf8_lossy(&run.stdout)
    );
}

#[test]
fn unreadable_and_undecodable_filters_are_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| -> PathBuf { dir.path().join(name) };
    std::fs::write(path("empty.bpf"), b"").unwrap();
    std::fs::write(path("short.bpf"), b"garbage").unwrap();
    // `A = sys_number`, then MISC 0xff (neither TAX nor TXA), then `return ALLOW`.
    std::fs::write(
        path("misc.bpf"),
        b"\x20\x00\x00\x00\x00\x00\x00\x00\
          \xff\x00\x00\x00\x00\x00\x00\x00\
          \x06\x00\x00\x00\x00\x00\xff\x7f",
    )
    .unwrap();
    std::fs::create_dir(path("folder")).unwrap();
    let d = dir.path();
    for command in [&["explain"][..], &["audit"], &["audit", "-f", "json"]] {
        let with = |rest: &[&'static str]| [command, rest].concat();
        assert_error(
            d,
            &with(&["-a", "amd64", "/nonexistent/f.bpf"]),
            b"",
            "/nonexistent/f.bpf: No such file or directory",
        );
        assert_error(
            d,
            &with(&["-a", "amd64", "folder"]),
            b"",
            "folder: Is a directory",
        );
        assert_error(
            d,
            &with(&["-a", "amd64", "empty.bpf"]),
            b"",
            "empty.bpf: the input is empty; a filter is a sequence of 8-byte instructions",
        );
        assert_error(
            d,
            &with(&["-a", "amd64", "-"]),
            b"",
            "<stdin>: the input is empty; a filter is a sequence of 8-byte instructions",
        );
        assert_error(
            d,
            &with(&["-a", "amd64", "short.bpf"]),
            b"",
            "short.bpf: the input has 7 bytes, less than one 8-byte instruction",
        );
        // seccomp-tools stops on this line too, with this message (and a Ruby backtrace).
        assert_error(
            d,
            &with(&["-a", "amd64", "misc.bpf"]),
            b"",
            "misc.bpf: Line 1 is invalid: MISC operation only supports txa/tax",
        );
        assert_error(
            d,
            &with(&["-a", "s390x", "-"]),
            b"\x00\xff\x00\x00\x00\x00\x00\x00",
            "<STDIN>: Line 0 is invalid: MISC operation only supports txa/tax",
        );
        assert_error(
            d,
            &with(&["-p", "2147483647"]),
            b"",
            "no process with pid 2147483647",
        );
    }
}
