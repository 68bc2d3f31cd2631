//! `seccomp record` on real programs: record a run, compile the policy as
//! `seccomp!` does (strict assembly, then the lints at their default
//! levels, through the runtime's `Assembler`), run the program again in a
//! child under that policy and check it does the same; and check that
//! what the run never did gets the default action, in the emulator and in
//! the kernel.
//!
//! This binary re-executes itself (`--fixture MODE`) as the programs that
//! only Rust can make: a multi-threaded one, and one making i386 and x32
//! calls from a 64-bit process.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use libtest_mimic::{Arguments, Failed, Trial};
use seccomp_runtime::{Action, Arch, Assembler, OwnedFilter, SeccompData};
use seccomp_testkit::{no_core_dumps, Process, Status};

/// How long the child of [`unrecorded_call`] may take for its one call.
const CHILD_TIMEOUT: Duration = Duration::from_secs(10);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--fixture") {
        fixture::run(args.get(2).map(String::as_str).unwrap_or(""));
    }
    let x86_64 = cfg!(target_arch = "x86_64");
    let tests = vec![
        Trial::test("ls_runs_under_its_recording", ls_runs_under_its_recording),
        Trial::test("shell_pipeline_runs_under_its_recording", shell_pipeline),
        Trial::test("python_runs_under_its_recording", python),
        Trial::test("threaded_rust_runs_under_its_recording", threaded_rust),
        Trial::test("i386_and_x32_calls_of_a_64_bit_process", compat_calls)
            .with_ignored_flag(!x86_64),
        Trial::test("i386_program_runs_under_its_recording", i386_program)
            .with_ignored_flag(!x86_64),
        Trial::test(
            "default_kill_process_kills_what_was_not_recorded",
            default_kill,
        ),
        Trial::test(
            "arguments_are_allowed_only_as_recorded",
            arguments_as_recorded,
        ),
        Trial::test(
            "both_trace_methods_see_the_same_syscalls",
            both_methods_agree,
        ),
        Trial::test(
            "merge_unites_runs_and_keeps_hand_edits",
            merge_keeps_hand_edits,
        ),
        Trial::test("a_program_killed_by_a_signal_is_recorded", killed_by_signal),
        Trial::test("a_program_that_execs_another_is_recorded", exec_chain),
        Trial::test(
            "the_timeout_kills_the_program_and_keeps_the_recording",
            timeout,
        ),
        Trial::test("ctrl_c_ends_the_recording_and_keeps_it", interrupted),
        Trial::test("an_attached_process_is_recorded_and_left_running", attach),
        Trial::test(
            "every_thread_of_an_attached_process_is_recorded",
            attach_threads,
        ),
        Trial::test("bad_targets_are_clear_errors", bad_targets),
        Trial::test("a_failed_merge_leaves_the_output_file_alone", failed_merge),
        Trial::test(
            "a_policy_past_the_kernel_limit_is_not_written",
            oversized_policy,
        ),
    ];
    libtest_mimic::run(&Arguments::from_args(), tests).exit_code()
}

/// Programs in fixed, comparable conditions.
fn env(cmd: &mut Command) -> &mut Command {
    cmd.env("LC_ALL", "C")
        .env("TZ", "UTC")
        .env_remove("LS_COLORS")
}

fn seccomp() -> Command {
    let mut cmd = Command::cargo_bin("seccomp").expect("the seccomp binary");
    env(&mut cmd);
    cmd
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("record")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `seccomp record ARGS`, which must succeed; gives its output and
/// the policy written to `policy`.
fn record(policy: &Path, args: &[&OsStr]) -> Result<(Output, String), Failed> {
    let out = seccomp()
        .arg("record")
        .arg("-o")
        .arg(policy)
        .args(args)
        .stdin(Stdio::null())
        .output()?;
    if !out.status.success() {
        return Err(format!(
            "record failed: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok((out, fs::read_to_string(policy)?))
}

fn os(args: &[&str]) -> Vec<&'static OsStr> {
    args.iter()
        .map(|a| OsStr::new(Box::leak(a.to_string().into_boxed_str())))
        .collect()
}

/// The policy compiled as `seccomp!` compiles it; a denied lint or an
/// assembly error fails.
fn compile(policy: &str) -> Result<OwnedFilter, Failed> {
    let arch = Arch::native().expect("a seccomp architecture");
    match Assembler::new(arch).name("policy.asm").assemble(policy) {
        Ok(assembled) => Ok(assembled.into_filter()),
        Err(e) => Err(format!("the policy does not compile:\n{e}\n{policy}").into()),
    }
}

/// Runs `program` in a child that installs `filter` right before exec.
fn run_under(filter: &OwnedFilter, program: &mut Command) -> Result<Output, Failed> {
    let fprog = filter.as_sock_fprog() as usize;
    // SAFETY: the closure runs between fork and exec; installing makes only
    // system calls (prctl, seccomp) and allocates nothing when it succeeds.
    unsafe {
        program.pre_exec(move || install_raw(fprog));
    }
    Ok(env(program).stdin(Stdio::null()).output()?)
}

/// `prctl(PR_SET_NO_NEW_PRIVS)` then `seccomp(SET_MODE_FILTER)`, raw, so
/// that the child does nothing between fork and exec but system calls.
fn install_raw(fprog: usize) -> std::io::Result<()> {
    // SAFETY: `fprog` points at the filter's read-only `sock_fprog`, which
    // lives (in the parent's copied address space) as long as the child.
    unsafe {
        if libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
            || libc::syscall(libc::SYS_seccomp, libc::SECCOMP_SET_MODE_FILTER, 0, fprog) != 0
        {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// What the kernel does with a syscall the run never made, in a forked
/// child under the filter: its errno, or the signal that killed the child.
fn unrecorded_call(filter: &OwnedFilter, nr: libc::c_long) -> Result<Result<i32, i32>, Failed> {
    let fprog = filter.as_sock_fprog() as usize;
    // SAFETY: the child makes system calls only, and builds an io::Error
    // only from errno, which allocates nothing.
    let child = unsafe {
        Process::fork(|| {
            if no_core_dumps().is_err() {
                return 201;
            }
            if install_raw(fprog).is_err() {
                return 200;
            }
            let r = libc::syscall(nr, 0, 0, 0, 0);
            if r == -1 {
                seccomp_testkit::errno().min(199)
            } else {
                0
            }
        })
    }?;
    match child.wait_timeout(CHILD_TIMEOUT)? {
        Status::Signaled(signal) => Ok(Err(signal)),
        Status::Exited(200) => Err("the child could not install the filter".into()),
        Status::Exited(201) => Err("the child could not turn core dumps off".into()),
        Status::Exited(code) => Ok(Ok(code)),
    }
}

fn emulate(filter: &OwnedFilter, arch: Arch, nr: u32, args: [u64; 6]) -> Action {
    filter.emulate(&SeccompData {
        nr: nr as i32,
        arch: arch.audit(),
        instruction_pointer: 0,
        args,
    })
}

/// Checks the common promises of a recorded policy: it compiles with no
/// denied lint; `ptrace`, never made by these programs, gets the default
/// both in the emulator and in the kernel; and so does every architecture
/// that was not recorded.
fn check_default(filter: &OwnedFilter, policy: &str) -> Result<(), Failed> {
    let arch = Arch::native().unwrap();
    let ptrace = arch.syscall_nr("ptrace").unwrap();
    if policy.contains(&format!("{arch} ptrace:")) {
        return Err("the run made ptrace, which this check needs unmade".into());
    }
    assert_eq!(emulate(filter, arch, ptrace, [0; 6]), Action::Errno(38));
    assert_eq!(unrecorded_call(filter, ptrace.into())?, Ok(libc::ENOSYS));
    assert_eq!(emulate(filter, Arch::Aarch64, 0, [0; 6]), Action::Errno(38));
    if arch == Arch::X86_64 && !policy.contains("\nx32:") {
        let x32_read = Arch::X32.syscall_nr("read").unwrap();
        assert_eq!(
            emulate(filter, Arch::X86_64, x32_read, [0; 6]),
            Action::Errno(38)
        );
    }
    Ok(())
}

/// Records `program`, then runs it under the policy: same status, same
/// output as a run without the filter just before, and (if `stable`) as
/// the recorded run.
fn round_trip(name: &str, program: &[&str], stable: bool) -> Result<String, Failed> {
    let dir = scratch(name);
    let policy_path = dir.join("policy.asm");
    let mut args = os(&["--"]);
    args.extend(os(program));
    let (recorded, policy) = record(&policy_path, &args)?;
    let filter = compile(&policy)?;
    check_default(&filter, &policy)?;
    // An unstable program's output may change between any two runs (another
    // process touches what it lists): compare runs made back to back, and
    // try again a few times, as a policy that breaks the program fails
    // every time.
    let tries = if stable { 1 } else { 5 };
    let (mut plain, mut filtered);
    let mut attempt = 0;
    loop {
        plain = env(Command::new(program[0]).args(&program[1..]))
            .stdin(Stdio::null())
            .output()?;
        filtered = run_under(&filter, Command::new(program[0]).args(&program[1..]))?;
        attempt += 1;
        if attempt == tries
            || (filtered.status, &filtered.stdout, &filtered.stderr)
                == (plain.status, &plain.stdout, &plain.stderr)
        {
            break;
        }
    }
    let show = |o: &Output| {
        format!(
            "{}\n{}{}",
            o.status,
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    if !plain.status.success() {
        return Err(format!("{name} fails without a filter: {}", show(&plain)).into());
    }
    if (filtered.status, &filtered.stdout, &filtered.stderr)
        != (plain.status, &plain.stdout, &plain.stderr)
    {
        return Err(format!(
            "{name} under its policy:\n{}\nwithout a filter:\n{}\npolicy:\n{policy}",
            show(&filtered),
            show(&plain)
        )
        .into());
    }
    if stable && recorded.stdout != plain.stdout {
        return Err(format!(
            "{name} printed differently while recorded:\n{}",
            String::from_utf8_lossy(&recorded.stdout)
        )
        .into());
    }
    Ok(policy)
}

fn ls_runs_under_its_recording() -> Result<(), Failed> {
    // The listing shows times, which may change between the recording and
    // the runs compared (a file created in /tmp meanwhile): not stable.
    let policy = round_trip("ls", &["ls", "-l", "/"], false)?;
    for name in ["openat", "getdents64", "write", "exit_group"] {
        assert!(
            policy.contains(&format!("amd64 {name}: ")) || !cfg!(target_arch = "x86_64"),
            "{name}\n{policy}"
        );
    }
    Ok(())
}

fn shell_pipeline() -> Result<(), Failed> {
    let policy = round_trip("sh", &["sh", "-c", "echo hi | cat"], true)?;
    // The shell forks (clone or fork), makes a pipe and waits.
    assert!(
        policy.contains(" pipe") || policy.contains(" pipe2"),
        "{policy}"
    );
    assert!(
        policy.contains(" wait4:") || policy.contains(" waitid:"),
        "{policy}"
    );
    Ok(())
}

fn python() -> Result<(), Failed> {
    let python = ["/usr/bin/python3", "/usr/local/bin/python3"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .ok_or("python3 is needed for this test (apt-get install python3)")?;
    round_trip(
        "python",
        &[python, "-c", "import json, os; print(json.dumps({'pid': os.getpid() > 0, 'cwd': os.getcwd() == os.getcwd()}))"],
        true,
    )?;
    Ok(())
}

fn self_exe() -> String {
    std::env::current_exe()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn threaded_rust() -> Result<(), Failed> {
    let exe = self_exe();
    let policy = round_trip("threads", &[&exe, "--fixture", "threads"], true)?;
    assert!(
        policy.contains(" clone3:") || policy.contains(" clone:"),
        "{policy}"
    );
    assert!(policy.contains(" futex:"), "{policy}");
    Ok(())
}

fn compat_calls() -> Result<(), Failed> {
    let exe = self_exe();
    let policy = round_trip("compat", &[&exe, "--fixture", "compat"], true)?;
    // The i386 getpid and x32 getpid were made and recorded in their own
    // sections; the x32 guard sends other x32 numbers to the default.
    assert!(policy.contains("if (A == ARCH_I386) goto i386"), "{policy}");
    assert!(policy.contains("i386 getpid: 1 call"), "{policy}");
    assert!(policy.contains("x32 getpid: 1 call"), "{policy}");
    let filter = compile(&policy)?;
    let i386_getpid = Arch::I386.syscall_nr("getpid").unwrap();
    let i386_ptrace = Arch::I386.syscall_nr("ptrace").unwrap();
    let x32_getpid = Arch::X32.syscall_nr("getpid").unwrap();
    let x32_read = Arch::X32.syscall_nr("read").unwrap();
    assert_eq!(
        emulate(&filter, Arch::I386, i386_getpid, [0; 6]),
        Action::Allow(0)
    );
    assert_eq!(
        emulate(&filter, Arch::I386, i386_ptrace, [0; 6]),
        Action::Errno(38)
    );
    assert_eq!(
        emulate(&filter, Arch::X86_64, x32_getpid, [0; 6]),
        Action::Allow(0)
    );
    assert_eq!(
        emulate(&filter, Arch::X86_64, x32_read, [0; 6]),
        Action::Errno(38)
    );
    Ok(())
}

/// A static i386 program made byte by byte (no 32-bit toolchain needed):
/// `write(1, "hi from i386\n", 13)` and `exit(0)` through `int 0x80`.
fn i386_elf() -> Vec<u8> {
    const BASE: u32 = 0x0804_8000;
    const CODE: u32 = 52 + 32;
    let msg = b"hi from i386\n";
    let mut code = Vec::new();
    let code_len = 31u32;
    code.extend([0xb8, 4, 0, 0, 0]); // mov eax, 4 (write)
    code.extend([0xbb, 1, 0, 0, 0]); // mov ebx, 1
    code.push(0xb9); // mov ecx, msg
    code.extend((BASE + CODE + code_len).to_le_bytes());
    code.push(0xba); // mov edx, len
    code.extend((msg.len() as u32).to_le_bytes());
    code.extend([0xcd, 0x80]); // int 0x80
    code.extend([0xb8, 1, 0, 0, 0]); // mov eax, 1 (exit)
    code.extend([0x31, 0xdb]); // xor ebx, ebx
    code.extend([0xcd, 0x80]); // int 0x80
    assert_eq!(code.len() as u32, code_len);
    code.extend(msg);
    let size = CODE + code.len() as u32;
    let mut elf = vec![0x7f, b'E', b'L', b'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    elf.extend(2u16.to_le_bytes()); // ET_EXEC
    elf.extend(3u16.to_le_bytes()); // EM_386
    elf.extend(1u32.to_le_bytes());
    elf.extend((BASE + CODE).to_le_bytes()); // entry
    elf.extend(52u32.to_le_bytes()); // phoff
    elf.extend(0u32.to_le_bytes()); // shoff
    elf.extend(0u32.to_le_bytes()); // flags
    for half in [52u16, 32, 1, 0, 0, 0] {
        elf.extend(half.to_le_bytes()); // ehsize, phentsize, phnum, sh*
    }
    for word in [1u32, 0, BASE, BASE, size, size, 5, 0x1000] {
        elf.extend(word.to_le_bytes()); // PT_LOAD, offset, vaddr, paddr, filesz, memsz, R+X, align
    }
    elf.extend(code);
    elf
}

fn i386_program() -> Result<(), Failed> {
    let dir = scratch("i386-programs");
    let static_prog = dir.join("hi32");
    fs::write(&static_prog, i386_elf())?;
    fs::set_permissions(&static_prog, fs::Permissions::from_mode(0o755))?;
    let direct = Command::new(&static_prog).output();
    if let Err(e) = &direct {
        if e.raw_os_error() == Some(libc::ENOEXEC) {
            return Err("this kernel runs no i386 programs (CONFIG_IA32_EMULATION)".into());
        }
    }
    let path = static_prog.to_string_lossy().into_owned();
    let policy = round_trip("i386-static", &[&path], true)?;
    assert!(policy.contains("i386 write: 1 call"), "{policy}");
    assert!(policy.contains("i386 exit: 1 call"), "{policy}");
    // The exec came from the 64-bit recorder's child: an amd64 call.
    assert!(policy.contains("amd64 execve: 1 call"), "{policy}");

    // A real i386 C program, when a 32-bit toolchain is installed.
    let source = dir.join("hello.c");
    fs::write(
        &source,
        "#include <stdio.h>\nint main(void) { puts(\"hello from libc, i386\"); return 0; }\n",
    )?;
    let binary = dir.join("hello32");
    let built = Command::new("gcc")
        .arg("-m32")
        .arg("-o")
        .arg(&binary)
        .arg(&source)
        .output();
    match built {
        Ok(o) if o.status.success() => {
            let path = binary.to_string_lossy().into_owned();
            let policy = round_trip("i386-libc", &[&path], true)?;
            assert!(
                policy.contains("i386 mmap2:") || policy.contains("i386 mmap:"),
                "{policy}"
            );
        }
        _ => {
            eprintln!("note: no `gcc -m32` (gcc-multilib); the i386 libc program was not recorded")
        }
    }
    Ok(())
}

fn default_kill() -> Result<(), Failed> {
    let dir = scratch("kill");
    let (_, policy) = record(
        &dir.join("p.asm"),
        &os(&["--default", "KILL_PROCESS", "--", "true"]),
    )?;
    assert!(policy.contains("# default: KILL_PROCESS"), "{policy}");
    let filter = compile(&policy)?;
    let arch = Arch::native().unwrap();
    let ptrace = arch.syscall_nr("ptrace").unwrap();
    assert_eq!(
        emulate(&filter, arch, ptrace, [0; 6]),
        Action::KillProcess(0)
    );
    assert_eq!(unrecorded_call(&filter, ptrace.into())?, Err(libc::SIGSYS));
    let out = run_under(&filter, &mut Command::new("true"))?;
    assert!(out.status.success(), "{out:?}");
    Ok(())
}

fn arguments_as_recorded() -> Result<(), Failed> {
    let dir = scratch("args");
    let exe = self_exe();
    let (_, policy) = record(
        &dir.join("p.asm"),
        &os(&[
            "--args",
            "socket:0,socket:1",
            "--args",
            "prctl",
            "--",
            &exe,
            "--fixture",
            "sockets",
        ]),
    )?;
    let arch = Arch::native().unwrap();
    let filter = compile(&policy)?;
    let socket = arch.syscall_nr("socket").unwrap();
    let prctl = arch.syscall_nr("prctl").unwrap();
    let (unix, inet, stream, dgram) = (
        libc::AF_UNIX as u64,
        libc::AF_INET as u64,
        libc::SOCK_STREAM as u64,
        libc::SOCK_DGRAM as u64,
    );
    // The fixture made socket(AF_UNIX, SOCK_STREAM) and socket(AF_INET, SOCK_DGRAM).
    for (domain, kind, allowed) in [
        (unix, stream, true),
        (inet, dgram, true),
        // Each argument is checked on its own: a pair not seen but made of
        // values seen is allowed.
        (unix, dgram, true),
        (libc::AF_INET6 as u64, stream, false),
        (unix, libc::SOCK_RAW as u64, false),
        // The upper half counts too.
        (unix | 1 << 32, stream, false),
    ] {
        let action = emulate(&filter, arch, socket, [domain, kind, 0, 0, 0, 0]);
        assert_eq!(
            action == Action::Allow(0),
            allowed,
            "socket({domain:#x}, {kind:#x}): {action}\n{policy}"
        );
    }
    let get_dumpable = libc::PR_GET_DUMPABLE as u64;
    assert_eq!(
        emulate(&filter, arch, prctl, [get_dumpable, 0, 0, 0, 0, 0]),
        Action::Allow(0)
    );
    assert_eq!(
        emulate(
            &filter,
            arch,
            prctl,
            [libc::PR_SET_DUMPABLE as u64, 0, 0, 0, 0, 0]
        ),
        Action::Errno(38)
    );
    // And the kernel agrees: the fixture runs under its policy, and a
    // socket it never made is refused.
    let out = run_under(&filter, Command::new(&exe).args(["--fixture", "sockets"]))?;
    assert!(out.status.success(), "{out:?}\n{policy}");
    let out = run_under(
        &filter,
        Command::new(&exe).args(["--fixture", "sockets", "inet6"]),
    )?;
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .trim_end()
            .lines()
            .last(),
        Some("inet6: errno 38"),
        "{out:?}"
    );
    Ok(())
}

/// The syscalls of a policy: its `ABI NAME: N calls` facts, counts aside.
fn syscalls_of(policy: &str) -> Vec<String> {
    let mut names: Vec<String> = policy
        .lines()
        .filter_map(|l| l.split_once("# ").map(|(_, c)| c))
        .filter(|c| c.contains(": ") && (c.ends_with(" calls") || c.ends_with(" call")))
        .filter(|c| !c.contains(" args["))
        .map(|c| c.split_once(": ").unwrap().0.to_string())
        .collect();
    names.sort();
    names
}

/// The count of a policy's `WHO: N calls` fact; 0 if there is none.
fn calls_of(policy: &str, who: &str) -> u64 {
    policy
        .lines()
        .find_map(|l| {
            let (_, fact) = l.split_once(&format!("# {who}: "))?;
            fact.split(' ').next()?.parse().ok()
        })
        .unwrap_or(0)
}

fn both_methods_agree() -> Result<(), Failed> {
    let dir = scratch("methods");
    let (_, with_filter) = record(&dir.join("a.asm"), &os(&["--", "true"]))?;
    let (out, every_stop) = record(&dir.join("b.asm"), &os(&["--no-filter", "--", "true"]))?;
    assert!(String::from_utf8_lossy(&out.stderr).contains("tracing every syscall entry and exit"));
    assert_eq!(
        syscalls_of(&with_filter),
        syscalls_of(&every_stop),
        "{with_filter}\n{every_stop}"
    );
    assert!(!syscalls_of(&with_filter).is_empty());
    Ok(())
}

fn merge_keeps_hand_edits() -> Result<(), Failed> {
    let dir = scratch("merge");
    let path = dir.join("policy.asm");
    let (_, first) = record(&path, &os(&["--default", "LOG", "--", "true"]))?;
    let edited = format!("# my notes, kept\n{first}# after the block, kept\n");
    fs::write(&path, &edited)?;
    let merge = path.as_os_str();
    let mut args = vec![OsStr::new("--merge"), merge];
    args.extend(os(&["--", "sh", "-c", "echo merged"]));
    let (out, merged) = record(&path, &args)?;
    assert_eq!(String::from_utf8_lossy(&out.stdout), "merged\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(" calls, from 2 runs\n"), "{stderr}");
    assert!(
        merged.starts_with("# my notes, kept\n# A seccomp allow-list"),
        "{merged}"
    );
    assert!(
        merged.ends_with(
            "# <<< seccomp record: end of the recorded block\n# after the block, kept\n"
        ),
        "{merged}"
    );
    assert!(
        merged.contains("# run: true\n# run: sh -c echo merged\n"),
        "{merged}"
    );
    assert!(merged.contains("# default: LOG"), "{merged}");
    // Every syscall of either run is there, with the counts added.
    let both: std::collections::BTreeSet<String> = syscalls_of(&first).into_iter().collect();
    let all: std::collections::BTreeSet<String> = syscalls_of(&merged).into_iter().collect();
    assert!(both.is_subset(&all), "{first}\n{merged}");
    let arch = Arch::native().unwrap();
    let execve = format!("{arch} execve");
    assert_eq!(calls_of(&first, &execve), 1);
    assert_eq!(calls_of(&merged, &execve), 2, "{merged}");
    compile(&merged)?;
    Ok(())
}

/// Whether any process in the system is a child of the recorder that
/// was left behind: the recorder must reap what it traced.
fn gone(pid: i32) -> bool {
    let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return true;
    };
    // A zombie not yet reaped by its real parent is gone as a process.
    stat.rsplit_once(") ")
        .is_some_and(|(_, rest)| rest.starts_with('Z'))
}

fn killed_by_signal() -> Result<(), Failed> {
    let dir = scratch("signal");
    let pidfile = dir.join("pid");
    let script = format!("echo $$ > {}; kill -SEGV $$", pidfile.display());
    let (out, policy) = record(&dir.join("p.asm"), &os(&["-c", &script]))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("it was killed by SIGSEGV"), "{stderr}");
    let pid: i32 = fs::read_to_string(&pidfile)?.trim().parse()?;
    assert!(gone(pid), "pid {pid} was left behind");
    assert!(policy.contains(" kill: 1 call"), "{policy}");
    compile(&policy)?;
    Ok(())
}

fn exec_chain() -> Result<(), Failed> {
    let dir = scratch("exec");
    let (out, policy) = record(
        &dir.join("p.asm"),
        &os(&["--", "sh", "-c", "exec env true"]),
    )?;
    assert!(String::from_utf8_lossy(&out.stderr).contains("it exited with status 0"));
    let arch = Arch::native().unwrap();
    // The recorder's exec of sh, sh's of env, env's of true (env tries
    // each PATH entry in turn, so maybe more).
    let execs = calls_of(&policy, &format!("{arch} execve"));
    assert!(execs >= 3, "{policy}");
    // A program that sandboxes itself needs the execs it makes, not the
    // one that started it.
    let (_, own) = record(
        &dir.join("q.asm"),
        &os(&["--self-sandboxed", "--", "sh", "-c", "exec env true"]),
    )?;
    let own_execs = calls_of(&own, &format!("{arch} execve"));
    assert_eq!(own_execs, execs - 1, "{own}");
    // A thread that execs replaces the whole process, taking the leader's pid.
    let exe = self_exe();
    let (out, threaded) = record(
        &dir.join("t.asm"),
        &os(&["--", &exe, "--fixture", "thread-exec"]),
    )?;
    assert_eq!(String::from_utf8_lossy(&out.stdout), "from a thread\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("it exited with status 0"));
    assert!(
        calls_of(&threaded, &format!("{arch} execve")) >= 2,
        "{threaded}"
    );
    let (_, alone) = record(&dir.join("r.asm"), &os(&["--self-sandboxed", "--", "true"]))?;
    assert!(!alone.contains(" execve: "), "{alone}");
    assert!(
        policy.contains(&format!("{arch} exit_group: 1 call")),
        "{policy}"
    );
    Ok(())
}

fn timeout() -> Result<(), Failed> {
    let dir = scratch("timeout");
    let pidfile = dir.join("pid");
    let script = format!("echo $$ > {}; exec sleep 100", pidfile.display());
    let started = Instant::now();
    let (out, policy) = record(&dir.join("p.asm"), &os(&["-t", "0.5", "-c", &script]))?;
    let took = started.elapsed();
    assert!(took < Duration::from_secs(20), "took {took:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("the timeout ended the recording"));
    let pid: i32 = fs::read_to_string(&pidfile)?.trim().parse()?;
    assert!(gone(pid), "pid {pid} was left behind");
    assert!(
        policy.contains(" clock_nanosleep:") || policy.contains(" nanosleep:"),
        "{policy}"
    );
    compile(&policy)?;
    Ok(())
}

fn interrupted() -> Result<(), Failed> {
    let dir = scratch("interrupted");
    let pidfile = dir.join("pid");
    let policy = dir.join("p.asm");
    let script = format!("echo $$ > {}; exec sleep 100", pidfile.display());
    let recorder = seccomp()
        .arg("record")
        .arg("-o")
        .arg(&policy)
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let started = Instant::now();
    while fs::read_to_string(&pidfile).map_or(true, |s| !s.ends_with('\n')) {
        if started.elapsed() > Duration::from_secs(20) {
            return Err("the program never started".into());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(100));
    // SAFETY: signals the recorder, our own child.
    unsafe { libc::kill(recorder.id() as i32, libc::SIGINT) };
    let out = recorder.wait_with_output()?;
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("SIGINT ended the recording"), "{stderr}");
    let pid: i32 = fs::read_to_string(&pidfile)?.trim().parse()?;
    assert!(gone(pid), "pid {pid} was left behind");
    let text = fs::read_to_string(&policy)?;
    assert!(text.contains(" execve: "), "{text}");
    compile(&text)?;
    Ok(())
}

/// A child killed and reaped however the test ends, a failed assertion
/// included.
struct Reaped(std::process::Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn process_state(pid: u32) -> Option<char> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(") ")?.1.chars().next()
}

fn attach() -> Result<(), Failed> {
    let dir = scratch("attach");
    let child = Reaped(
        Command::new("sh")
            .args(["-c", "while :; do sleep 0.02; done"])
            .stdin(Stdio::null())
            .spawn()?,
    );
    let pid = child.0.id();
    std::thread::sleep(Duration::from_millis(100));
    let result = (|| -> Result<(), Failed> {
        let (out, policy) = record(
            &dir.join("p.asm"),
            &os(&["-p", &pid.to_string(), "-t", "0.5"]),
        )?;
        assert!(String::from_utf8_lossy(&out.stderr).contains("the timeout ended the recording"));
        assert!(policy.contains(&format!("# run: pid {pid} (")), "{policy}");
        // The shell loop forks a sleep and waits for it.
        assert!(
            policy.contains(" wait4:") || policy.contains(" waitid:"),
            "{policy}"
        );
        assert!(
            policy.contains(" clock_nanosleep:") || policy.contains(" nanosleep:"),
            "{policy}"
        );
        compile(&policy)?;
        // Detached, and running on: not stopped, not traced.
        std::thread::sleep(Duration::from_millis(100));
        // Running (or sleeping, or in the kernel): not stopped.
        let state = process_state(pid);
        assert!(
            state.is_some_and(|s| !matches!(s, 'T' | 't' | 'Z' | 'X')),
            "state {state:?}"
        );
        let status = fs::read_to_string(format!("/proc/{pid}/status"))?;
        assert!(status.contains("\nTracerPid:\t0\n"), "{status}");
        Ok(())
    })();
    drop(child);
    result
}

fn attach_threads() -> Result<(), Failed> {
    use std::io::BufRead;
    let dir = scratch("attach-threads");
    let mut child = Reaped(
        Command::new(self_exe())
            .args(["--fixture", "sleepers"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()?,
    );
    let pid = child.0.id();
    let mut ready = String::new();
    std::io::BufReader::new(child.0.stdout.take().unwrap()).read_line(&mut ready)?;
    let result = (|| -> Result<(), Failed> {
        assert_eq!(ready, "ready\n");
        let (_, policy) = record(
            &dir.join("p.asm"),
            &os(&["-p", &pid.to_string(), "-t", "0.5"]),
        )?;
        let arch = Arch::native().unwrap();
        // Four threads sleeping 10 ms at a time for half a second: far more
        // sleeps than one thread makes.
        let sleeps = calls_of(&policy, &format!("{arch} clock_nanosleep"))
            + calls_of(&policy, &format!("{arch} nanosleep"));
        assert!(sleeps > 60, "{sleeps} sleeps\n{policy}");
        std::thread::sleep(Duration::from_millis(100));
        for task in fs::read_dir(format!("/proc/{pid}/task"))? {
            let task = task?.path();
            let status = fs::read_to_string(task.join("status"))?;
            assert!(
                status.contains("\nTracerPid:\t0\n"),
                "{}: {status}",
                task.display()
            );
            assert!(
                !status.contains("\nState:\tt"),
                "{}: {status}",
                task.display()
            );
        }
        Ok(())
    })();
    drop(child);
    result
}

fn bad_targets() -> Result<(), Failed> {
    let fail = |args: &[&str], code: i32, message: &str| -> Result<(), Failed> {
        let out = seccomp().arg("record").args(args).output()?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(code) || !stderr.contains(message) {
            return Err(format!("record {args:?}: {}\n{stderr}", out.status).into());
        }
        Ok(())
    };
    fail(
        &["-p", "999999999"],
        1,
        "error: no process with pid 999999999",
    )?;
    fail(&["-p", "0"], 2, "error: invalid pid 0")?;
    fail(
        &["--", "no-such-program-here"],
        1,
        "error: cannot run no-such-program-here: no such program in PATH",
    )?;
    fail(
        &["--", "/etc/passwd"],
        1,
        "error: cannot run /etc/passwd: Permission denied",
    )?;
    fail(&[], 2, "record needs a program to run")?;
    fail(
        &["--args", "nope:1", "--", "true"],
        2,
        "no architecture has a syscall named `nope`",
    )?;
    fail(
        &["--default", "ALLOW", "--", "true"],
        2,
        "allows everything",
    )?;
    fail(
        &["--default", "ERRNO(70000)", "--", "true"],
        2,
        "from 0 to 65535",
    )?;
    // A process that is already traced (by this test's own child tracer)
    // cannot be attached to.
    let mut traced = Command::new("sh");
    traced.args(["-c", "sleep 5"]).stdin(Stdio::null());
    // SAFETY: PTRACE_TRACEME between fork and exec: one system call.
    unsafe {
        traced.pre_exec(|| {
            libc::ptrace(libc::PTRACE_TRACEME, 0, 0, 0);
            Ok(())
        });
    }
    let child = Reaped(traced.spawn()?);
    fail(
        &["-p", &child.0.id().to_string(), "-t", "1"],
        1,
        "cannot attach to pid",
    )
}

fn oversized_policy() -> Result<(), Failed> {
    let dir = scratch("oversized");
    let path = dir.join("policy.asm");
    // An earlier recording with 5,000 values of ioctl's request: more
    // instructions than the kernel takes once written out.
    let mut lines = vec![
        "# >>> seccomp record: recorded block, rewritten by `seccomp record --merge`; edit outside it".to_string(),
        "x # amd64 ioctl: 5000 calls; arguments checked below".to_string(),
    ];
    lines.extend((0..5000).map(|v| format!("x # amd64 ioctl args[1] = {v:#x}: 1 call")));
    lines.push("# <<< seccomp record: end of the recorded block".to_string());
    let before = lines.join("\n") + "\n";
    fs::write(&path, &before)?;
    let out = seccomp()
        .args(["record", "--merge"])
        .arg(&path)
        .arg("-o")
        .arg(&path)
        .args(["--", "true"])
        .output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the kernel accepts at most 4096"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the recorded policy does not assemble, so it was not written"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&path)?, before);
    Ok(())
}

fn failed_merge() -> Result<(), Failed> {
    let dir = scratch("failed-merge");
    let out_path = dir.join("policy.asm");
    fs::write(&out_path, "what the user had\n")?;
    let not_a_policy = dir.join("other.asm");
    fs::write(&not_a_policy, "A = arch\nreturn ALLOW\n")?;
    let out = seccomp()
        .args(["record", "--merge"])
        .arg(&not_a_policy)
        .arg("-o")
        .arg(&out_path)
        .args(["--", "true"])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no recorded block"),
        "{out:?}"
    );
    assert_eq!(fs::read_to_string(&out_path)?, "what the user had\n");
    assert_eq!(fs::read_dir(&dir)?.count(), 2);
    Ok(())
}

/// The programs this binary becomes under `--fixture MODE`.
mod fixture {
    pub fn run(mode: &str) -> ! {
        match mode {
            "threads" => threads(),
            "compat" => compat(),
            "sockets" => sockets(),
            "sleepers" => sleepers(),
            "thread-exec" => thread_exec(),
            _ => {
                eprintln!("unknown fixture {mode}");
                std::process::exit(2)
            }
        }
        std::process::exit(0)
    }

    /// Four threads, each reading a file and sending its size back.
    fn threads() {
        let (tx, rx) = std::sync::mpsc::channel();
        let handles: Vec<_> = (0..4)
            .map(|i| {
                let tx = tx.clone();
                std::thread::spawn(move || {
                    let len = std::fs::read("/proc/self/exe")
                        .map(|b| b.len())
                        .unwrap_or(0);
                    tx.send((i, len > 0)).unwrap();
                })
            })
            .collect();
        drop(tx);
        for h in handles {
            h.join().unwrap();
        }
        let mut seen: Vec<_> = rx.iter().collect();
        seen.sort();
        println!("{seen:?}");
    }

    /// A second thread execs `echo`, while the first waits for it.
    fn thread_exec() {
        use std::os::unix::process::CommandExt;
        std::thread::spawn(|| {
            let err = std::process::Command::new("/bin/echo")
                .arg("from a thread")
                .exec();
            eprintln!("exec: {err}");
            std::process::exit(1);
        });
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    }

    /// Four threads sleeping 10 ms at a time, forever; says `ready` once
    /// they all run.
    fn sleepers() {
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
        for _ in 0..3 {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                loop {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
            });
        }
        barrier.wait();
        println!("ready");
        loop {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    /// An i386 `getpid` through `int 0x80`, and an x32 `getpid` (which a
    /// kernel without x32 support fails with ENOSYS, but a filter sees).
    fn compat() {
        #[cfg(target_arch = "x86_64")]
        {
            let i386: i64;
            let x32: i64;
            // SAFETY: getpid takes no arguments and touches no memory.
            unsafe {
                std::arch::asm!("int 0x80", inlateout("rax") 20i64 => i386, options(nostack));
                std::arch::asm!(
                    "syscall",
                    inlateout("rax") (0x4000_0000i64 | 39) => x32,
                    lateout("rcx") _, lateout("r11") _,
                    options(nostack)
                );
            }
            println!(
                "i386 getpid matches: {}",
                i386 == i64::from(std::process::id())
            );
            println!(
                "x32 getpid: {}",
                if x32 == i64::from(std::process::id()) {
                    "ok".to_string()
                } else {
                    format!("errno {}", -x32)
                }
            );
        }
    }

    /// `socket(AF_UNIX, SOCK_STREAM)`, `socket(AF_INET, SOCK_DGRAM)` and
    /// `prctl(PR_GET_DUMPABLE)`; with `inet6`, also `socket(AF_INET6, ...)`.
    fn sockets() {
        let try_socket = |name: &str, domain, kind| {
            // SAFETY: plain socket calls; the descriptor is closed at once.
            let fd = unsafe { libc::socket(domain, kind, 0) };
            if fd >= 0 {
                unsafe { libc::close(fd) };
                println!("{name}: ok");
            } else {
                println!(
                    "{name}: errno {}",
                    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
                );
            }
        };
        try_socket("unix", libc::AF_UNIX, libc::SOCK_STREAM);
        try_socket("inet", libc::AF_INET, libc::SOCK_DGRAM);
        // SAFETY: a query without side effects.
        unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) };
        if std::env::args().nth(3).as_deref() == Some("inet6") {
            try_socket("inet6", libc::AF_INET6, libc::SOCK_STREAM);
        }
    }
}
