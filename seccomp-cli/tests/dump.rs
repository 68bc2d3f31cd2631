//! `seccomp dump` against real programs: this test binary re-executes itself
//! (`--fixture MODE`) as the program to trace, which installs filters with
//! raw `prctl` and `seccomp` system calls.

use std::io::{BufRead, BufReader};
use std::process::{Command, ExitCode, Stdio};
use std::time::Duration;

use assert_cmd::cargo::CommandCargoExt;
use libtest_mimic::{Arguments, Failed, Trial};

/// `A = sys_number; return ALLOW`.
const F1: &[u8] = b"\x20\x00\x00\x00\x00\x00\x00\x00\x06\x00\x00\x00\x00\x00\xff\x7f";
/// `return ALLOW`.
const F2: &[u8] = b"\x06\x00\x00\x00\x00\x00\xff\x7f";
/// `A = sys_number; if (A == 0x3fff) return ERRNO(5); return ALLOW`.
const F3: &[u8] = b"\x20\x00\x00\x00\x00\x00\x00\x00\
                    \x15\x00\x00\x01\xff\x3f\x00\x00\
                    \x06\x00\x00\x00\x05\x00\x05\x00\
                    \x06\x00\x00\x00\x00\x00\xff\x7f";
/// Not accepted by the kernel: no final return.
const BAD: &[u8] = b"\x20\x00\x00\x00\x00\x00\x00\x00";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--fixture") {
        fixture::run(args.get(2).map(String::as_str).unwrap_or(""));
    }
    let tests = vec![
        Trial::test("one_filter_inspect", one_filter_inspect),
        Trial::test(
            "one_filter_raw_from_positional_exec",
            one_filter_raw_from_positional_exec,
        ),
        Trial::test(
            "limit_one_stops_at_the_first_of_two",
            limit_one_stops_at_the_first_of_two,
        ),
        Trial::test(
            "two_filters_to_numbered_files",
            two_filters_to_numbered_files,
        ),
        Trial::test("filters_of_forked_children", filters_of_forked_children),
        Trial::test("filter_of_a_thread", filter_of_a_thread),
        Trial::test("disassembled_by_default", disassembled_by_default),
        Trial::test("strict_mode_by_prctl", strict_mode_by_prctl)
            .with_ignored_flag(!cfg!(target_arch = "x86_64")),
        Trial::test("strict_mode_by_seccomp", strict_mode_by_seccomp)
            .with_ignored_flag(!cfg!(target_arch = "x86_64")),
        Trial::test("filter_with_new_listener", filter_with_new_listener),
        Trial::test(
            "rejected_installs_are_not_counted",
            rejected_installs_are_not_counted,
        ),
        Trial::test("no_filter_warns", no_filter_warns),
        Trial::test(
            "timeout_keeps_what_was_caught",
            timeout_keeps_what_was_caught,
        ),
        Trial::test(
            "unused_arguments_are_reported",
            unused_arguments_are_reported,
        ),
        Trial::test("running_process_by_pid", running_process_by_pid),
        Trial::test("missing_pid_is_an_error", missing_pid_is_an_error),
        Trial::test(
            "missing_program_is_a_usage_error",
            missing_program_is_a_usage_error,
        ),
    ];
    libtest_mimic::run(&Arguments::from_args(), tests).exit_code()
}

/// The programs `dump` traces.
mod fixture {
    use super::{BAD, F1, F2, F3};
    use std::io::{Read, Write};

    const PR_SET_SECCOMP: libc::c_long = 22;
    const SECCOMP_MODE_STRICT: libc::c_long = 1;
    const SECCOMP_MODE_FILTER: libc::c_long = 2;
    const SECCOMP_SET_MODE_STRICT: libc::c_long = 0;
    const SECCOMP_SET_MODE_FILTER: libc::c_long = 1;
    const SECCOMP_FILTER_FLAG_NEW_LISTENER: libc::c_long = 8;

    fn program(bytes: &[u8]) -> Vec<libc::sock_filter> {
        bytes
            .chunks_exact(8)
            .map(|c| libc::sock_filter {
                code: u16::from_ne_bytes([c[0], c[1]]),
                jt: c[2],
                jf: c[3],
                k: u32::from_ne_bytes([c[4], c[5], c[6], c[7]]),
            })
            .collect()
    }

    fn no_new_privs() {
        // SAFETY: plain integer arguments.
        let r = unsafe { libc::syscall(libc::SYS_prctl, libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) };
        assert_eq!(r, 0, "PR_SET_NO_NEW_PRIVS");
    }

    /// `prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog)`; the return value.
    fn prctl_filter(bytes: &[u8]) -> libc::c_long {
        let mut insns = program(bytes);
        let prog = libc::sock_fprog {
            len: insns.len() as u16,
            filter: insns.as_mut_ptr(),
        };
        // SAFETY: `prog` points at `insns`, alive for the call.
        unsafe {
            libc::syscall(
                libc::SYS_prctl,
                PR_SET_SECCOMP,
                SECCOMP_MODE_FILTER,
                &prog as *const libc::sock_fprog,
                0,
                0,
            )
        }
    }

    /// `seccomp(SECCOMP_SET_MODE_FILTER, flags, &prog)`; the return value.
    fn seccomp_filter(flags: libc::c_long, bytes: &[u8]) -> libc::c_long {
        let mut insns = program(bytes);
        let prog = libc::sock_fprog {
            len: insns.len() as u16,
            filter: insns.as_mut_ptr(),
        };
        // SAFETY: `prog` points at `insns`, alive for the call.
        unsafe {
            libc::syscall(
                libc::SYS_seccomp,
                SECCOMP_SET_MODE_FILTER,
                flags,
                &prog as *const libc::sock_fprog,
            )
        }
    }

    fn exit_raw() -> ! {
        // In strict mode exit_group is fatal; only exit(2) is allowed.
        // SAFETY: ends the thread (the only one).
        unsafe {
            libc::syscall(libc::SYS_exit, 0);
        }
        unreachable!("exit returned")
    }

    pub fn run(mode: &str) -> ! {
        no_new_privs();
        match mode {
            "one" => assert_eq!(prctl_filter(F1), 0),
            "two" => {
                assert_eq!(prctl_filter(F1), 0);
                assert_eq!(seccomp_filter(0, F2), 0);
            }
            "two-wait" => {
                assert_eq!(prctl_filter(F1), 0);
                assert_eq!(seccomp_filter(0, F2), 0);
                println!("ready");
                std::io::stdout().flush().unwrap();
                let mut rest = Vec::new();
                std::io::stdin().read_to_end(&mut rest).unwrap();
            }
            "two-pause" => {
                assert_eq!(prctl_filter(F1), 0);
                assert_eq!(seccomp_filter(0, F2), 0);
                loop {
                    // SAFETY: waits for a signal.
                    unsafe { libc::pause() };
                }
            }
            "fork" => {
                // SAFETY: the child only makes raw syscalls before _exit.
                let child = unsafe { libc::fork() };
                assert!(child >= 0);
                if child == 0 {
                    let r = prctl_filter(F1);
                    unsafe { libc::_exit(r as i32) };
                }
                let mut status = 0;
                // SAFETY: `status` is a valid out-pointer.
                assert_eq!(unsafe { libc::waitpid(child, &mut status, 0) }, child);
                assert_eq!(seccomp_filter(0, F2), 0);
            }
            "thread" => {
                let r = std::thread::spawn(|| seccomp_filter(0, F3)).join().unwrap();
                assert_eq!(r, 0);
            }
            "strict-prctl" => {
                // SAFETY: plain integer arguments.
                let r = unsafe {
                    libc::syscall(
                        libc::SYS_prctl,
                        PR_SET_SECCOMP,
                        SECCOMP_MODE_STRICT,
                        0,
                        0,
                        0,
                    )
                };
                if r != 0 {
                    std::process::exit(3);
                }
                exit_raw();
            }
            "strict-seccomp" => {
                // SAFETY: plain integer arguments.
                let r = unsafe { libc::syscall(libc::SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, 0) };
                if r != 0 {
                    std::process::exit(3);
                }
                exit_raw();
            }
            "listener" => {
                let fd = seccomp_filter(SECCOMP_FILTER_FLAG_NEW_LISTENER, F3);
                assert!(fd > 0, "NEW_LISTENER returned {fd}");
            }
            "bad-then-one" => {
                assert_eq!(prctl_filter(BAD), -1);
                assert_eq!(seccomp_filter(0, BAD), -1);
                assert_eq!(seccomp_filter(0, F2), 0);
            }
            "none" => {}
            other => panic!("unknown fixture mode {other:?}"),
        }
        std::process::exit(0)
    }
}

fn seccomp() -> Command {
    Command::cargo_bin("seccomp").expect("the seccomp binary is built for tests")
}

/// The shell command running this binary in fixture mode.
fn fixture_command(mode: &str) -> String {
    let exe = std::env::current_exe().expect("own path");
    let exe = exe.to_str().expect("UTF-8 path");
    assert!(
        !exe.contains('\''),
        "path needs no quoting beyond single quotes"
    );
    format!("'{exe}' --fixture {mode}")
}

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs `seccomp ARGS`, killing it if it hangs (a safety net, not a timing check).
fn run(args: &[&str]) -> Run {
    let mut cmd = seccomp();
    cmd.args(args).stdin(Stdio::null());
    let output = assert_cmd::Command::from_std(cmd)
        .timeout(Duration::from_secs(120))
        .output()
        .expect("seccomp runs");
    Run {
        code: output.status.code(),
        stdout: output.stdout,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn check_ok(run: &Run, stdout: &[u8]) -> Result<(), Failed> {
    if run.code != Some(0) {
        return Err(format!("exit {:?}, stderr: {}", run.code, run.stderr).into());
    }
    if run.stdout != stdout {
        return Err(format!(
            "stdout {:?}\nexpected {:?}\nstderr: {}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(stdout),
            run.stderr
        )
        .into());
    }
    Ok(())
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

fn one_filter_inspect() -> Result<(), Failed> {
    let cmd = fixture_command("one");
    check_ok(
        &run(&["dump", "-c", &cmd, "-f", "inspect"]),
        b"\"\\x20\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x06\\x00\\x00\\x00\\x00\\x00\\xFF\\x7F\"\n",
    )
}

fn one_filter_raw_from_positional_exec() -> Result<(), Failed> {
    let cmd = fixture_command("one");
    check_ok(&run(&["dump", &cmd, "-f", "raw"]), F1)
}

fn limit_one_stops_at_the_first_of_two() -> Result<(), Failed> {
    let cmd = fixture_command("two");
    check_ok(&run(&["dump", "-c", &cmd, "-f", "raw"]), F1)?;
    check_ok(
        &run(&["dump", "-c", &cmd, "-f", "raw", "-l", "-1"]),
        &cat(&[F1, F2]),
    )
}

fn two_filters_to_numbered_files() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("out.bpf");
    let cmd = fixture_command("two");
    let r = run(&[
        "dump",
        "-c",
        &cmd,
        "-f",
        "raw",
        "-l",
        "2",
        "-o",
        out.to_str().unwrap(),
    ]);
    check_ok(&r, b"")?;
    assert_eq!(std::fs::read(&out)?, F1);
    assert_eq!(std::fs::read(dir.path().join("out_1.bpf"))?, F2);
    assert!(!dir.path().join("out_2.bpf").exists());
    Ok(())
}

fn filters_of_forked_children() -> Result<(), Failed> {
    let cmd = fixture_command("fork");
    check_ok(
        &run(&["dump", "-c", &cmd, "-f", "raw", "-l", "-1"]),
        &cat(&[F1, F2]),
    )?;
    check_ok(&run(&["dump", "-c", &cmd, "-f", "raw"]), F1)
}

fn filter_of_a_thread() -> Result<(), Failed> {
    let cmd = fixture_command("thread");
    check_ok(&run(&["dump", "-c", &cmd, "-f", "raw", "-l", "-1"]), F3)
}

fn disassembled_by_default() -> Result<(), Failed> {
    let cmd = fixture_command("thread");
    check_ok(
        &run(&["dump", "-c", &cmd]),
        b" line  CODE  JT   JF      K\n\
          =================================\n\
          \x200000: 0x20 0x00 0x00 0x00000000  A = sys_number\n\
          \x200001: 0x15 0x00 0x01 0x00003fff  if (A != 0x3fff) goto 0003\n\
          \x200002: 0x06 0x00 0x00 0x00050005  return ERRNO(5)\n\
          \x200003: 0x06 0x00 0x00 0x7fff0000  return ALLOW\n",
    )
}

/// The filter seccomp-tools' specs expect for strict mode on amd64.
const STRICT_AMD64: &[u8] = b" \x00\x00\x00\x00\x00\x00\x00\x15\x00\x04\x00\x00\x00\x00\x00\
    \x15\x00\x03\x00\x01\x00\x00\x00\x15\x00\x02\x00<\x00\x00\x00\x15\x00\x01\x00\x0F\x00\x00\x00\
    \x06\x00\x00\x00\x00\x00\x00\x00\x06\x00\x00\x00\x00\x00\xFF\x7F";

fn strict_mode_by_prctl() -> Result<(), Failed> {
    let cmd = fixture_command("strict-prctl");
    check_ok(&run(&["dump", "-c", &cmd, "-f", "raw"]), STRICT_AMD64)
}

fn strict_mode_by_seccomp() -> Result<(), Failed> {
    let cmd = fixture_command("strict-seccomp");
    check_ok(&run(&["dump", "-c", &cmd, "-f", "raw"]), STRICT_AMD64)
}

fn filter_with_new_listener() -> Result<(), Failed> {
    let cmd = fixture_command("listener");
    check_ok(&run(&["dump", "-c", &cmd, "-f", "raw", "-l", "-1"]), F3)
}

fn rejected_installs_are_not_counted() -> Result<(), Failed> {
    let cmd = fixture_command("bad-then-one");
    check_ok(&run(&["dump", "-c", &cmd, "-f", "raw"]), F2)
}

fn no_filter_warns() -> Result<(), Failed> {
    let cmd = fixture_command("none");
    check_ok(
        &run(&["dump", "-c", &cmd]),
        b"[WARN] No seccomp filter was installed.\n",
    )?;
    // A command that cannot run installs nothing either.
    check_ok(
        &run(&["dump", "-c", "/nonexistent/program 2>/dev/null"]),
        b"[WARN] No seccomp filter was installed.\n",
    )
}

fn timeout_keeps_what_was_caught() -> Result<(), Failed> {
    let cmd = fixture_command("two-pause");
    check_ok(
        &run(&["dump", "-c", &cmd, "-f", "raw", "-l", "-1", "-t", "1"]),
        &cat(&[F1, F2]),
    )?;
    check_ok(
        &run(&["dump", "-c", "sleep 1000", "-t", "0.2"]),
        b"[WARN] No seccomp filter was installed.\n",
    )
}

fn unused_arguments_are_reported() -> Result<(), Failed> {
    let cmd = fixture_command("one");
    check_ok(
        &run(&["dump", "-c", &cmd, "./extra", "-f", "raw"]),
        &cat(&[b"[WARN] ignoring unused argument: ./extra\n", F1]),
    )?;
    check_ok(
        &run(&["dump", &cmd, "a", "b", "-f", "raw"]),
        &cat(&[b"[WARN] ignoring unused arguments: a b\n", F1]),
    )
}

fn running_process_by_pid() -> Result<(), Failed> {
    let mut child = Command::new(std::env::current_exe()?)
        .args(["--fixture", "two-wait"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line)?;
    assert_eq!(line, "ready\n");
    let pid = child.id().to_string();

    let results = (|| {
        check_ok(
            &run(&["dump", "-p", &pid, "-f", "raw", "-l", "-1"]),
            &cat(&[F1, F2]),
        )?;
        check_ok(
            &run(&["dump", "-p", &pid, "-f", "raw", "-l", "2"]),
            &cat(&[F1, F2]),
        )?;
        check_ok(
            &run(&["dump", "-p", &pid, "-f", "inspect"]),
            b"\"\\x20\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x06\\x00\\x00\\x00\\x00\\x00\\xFF\\x7F\"\n",
        )?;
        check_ok(
            &run(&["dump", "-p", &pid, "./extra", "-f", "raw"]),
            &cat(&[b"[WARN] ignoring unused argument: ./extra\n", F1]),
        )
    })();

    // The process was detached, not killed: it still reads its stdin and exits 0.
    drop(child.stdin.take());
    let status = child.wait()?;
    results?;
    assert!(status.success(), "the traced process ended with {status}");
    Ok(())
}

fn missing_pid_is_an_error() -> Result<(), Failed> {
    // Pids are below pid_max (at most 2^22), so this one cannot exist.
    let r = run(&["dump", "-p", "2147483647"]);
    assert_eq!(r.code, Some(1));
    assert_eq!(r.stderr, "error: no process with pid 2147483647\n");
    assert!(r.stdout.is_empty());
    Ok(())
}

fn missing_program_is_a_usage_error() -> Result<(), Failed> {
    let r = run(&["dump", "-f", "raw"]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        "error: dump needs an executable to run, -c COMMAND or -p PID\n"
    );
    Ok(())
}
