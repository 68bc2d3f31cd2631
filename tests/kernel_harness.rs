//! The kernel harness against facts about the running kernel: which programs
//! it installs, and what a system call under a filter does.

use seccomp_asm::bpf::seccomp::*;
use seccomp_asm::{Action, Insn};
use seccomp_suite::kernel::{Harness, HarnessError, Status, Verdict};

const ALLOW: Insn = Insn::stmt(RET_K, Action::ALLOW);
const EINVAL: Verdict = Verdict::Rejected(libc::EINVAL);

/// The children of the calling thread that are not reaped yet.
fn unreaped_children() -> String {
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::gettid() };
    std::fs::read_to_string(format!("/proc/self/task/{tid}/children")).unwrap()
}

#[test]
fn known_programs_get_the_kernels_verdict() {
    let h = Harness::new();
    assert_eq!(h.verdict(&[ALLOW]), Ok(Verdict::Accepted));
    assert_eq!(h.verdict(&[Insn::stmt(RET_A, 0)]), Ok(Verdict::Accepted));
    assert_eq!(h.verdict(&[]), Ok(EINVAL));
    // ld [2]: misaligned seccomp_data offset.
    assert_eq!(h.verdict(&[Insn::stmt(LD_ABS, 2), ALLOW]), Ok(EINVAL));
    // No final return.
    assert_eq!(h.verdict(&[Insn::stmt(LD_IMM, 0)]), Ok(EINVAL));
    assert_eq!(h.verdict(&vec![ALLOW; 4096]), Ok(Verdict::Accepted));
    assert_eq!(h.verdict(&vec![ALLOW; 4097]), Ok(EINVAL));
    // The largest length sock_fprog can carry.
    assert_eq!(h.verdict(&vec![ALLOW; 65535]), Ok(EINVAL));
}

#[test]
fn a_program_sock_fprog_cannot_describe_is_an_error_not_a_verdict() {
    assert_eq!(
        Harness::new().verdict(&vec![ALLOW; 65536]),
        Err(HarnessError::ProgramTooLong { len: 65536 })
    );
}

#[test]
fn batches_give_the_same_verdicts_as_one_child_per_program() {
    let programs: Vec<Vec<Insn>> = vec![
        vec![],
        vec![Insn::stmt(0x94, 3), ALLOW], // mod: classic BPF, not seccomp
        vec![ALLOW],
        vec![Insn::stmt(0x0e, 0)],        // ret x: not classic BPF at all
        vec![Insn::stmt(0x34, 0), ALLOW], // div #0
        vec![Insn::stmt(0x34, 1), ALLOW],
        vec![Insn::stmt(LD_MEM, 0), ALLOW], // read before write
        vec![Insn::stmt(ST_MEM, 0), Insn::stmt(LD_MEM, 0), ALLOW],
        vec![Insn::stmt(JMP_JA, 1), ALLOW], // past the end
        vec![Insn::stmt(LD_ABS, 0xffff_f000), ALLOW], // ancillary load
    ];
    let expected = [
        EINVAL,
        EINVAL,
        Verdict::Accepted,
        EINVAL,
        EINVAL,
        Verdict::Accepted,
        EINVAL,
        Verdict::Accepted,
        EINVAL,
        EINVAL,
    ];
    for batch in [1, 2, 1024] {
        assert_eq!(
            Harness::new().batch(batch).verdicts(&programs),
            Ok(expected.to_vec()),
            "batch {batch}"
        );
    }
}

#[test]
fn filter_flags_reach_the_kernel() {
    const FLAG_LOG: u32 = 2;
    assert_eq!(
        Harness::new().flags(FLAG_LOG).verdict(&[ALLOW]),
        Ok(Verdict::Accepted)
    );
    // Outside the mask of known flags.
    assert_eq!(Harness::new().flags(0x40).verdict(&[ALLOW]), Ok(EINVAL));
}

#[test]
fn any_async_signal_safe_code_can_run_in_a_child() {
    let h = Harness::new();
    // SAFETY: the bodies only return or call raise(3), which is
    // async-signal-safe.
    unsafe {
        assert_eq!(h.run_in_child(|| 42), Ok(Status::Exited(42)));
        assert_eq!(
            h.run_in_child(|| libc::raise(libc::SIGTERM)),
            Ok(Status::Signaled(libc::SIGTERM))
        );
    }
}

#[test]
fn no_child_is_left_behind() {
    let programs = vec![vec![ALLOW], vec![], vec![Insn::stmt(LD_MEM, 1), ALLOW]];
    Harness::new().verdicts(&programs).unwrap();
    assert_eq!(unreaped_children(), "");
}

#[cfg(target_arch = "x86_64")]
mod probe {
    use super::*;
    use seccomp_asm::bpf::{self, ALU, AND, JEQ, K, OR};
    use seccomp_suite::kernel::{Abi, Ending, Sigsys, Syscall};

    const NR_GETPPID_X86_64: i32 = 110;
    const NR_GETPPID_I386: i32 = 64;
    const NR_EXIT_GROUP_X86_64: i32 = 231;
    const NR_EXIT_GROUP_I386: i32 = 252;
    const NR_PAUSE_X86_64: i32 = 34;
    const SYS_SECCOMP: i32 = 1;

    fn ret(value: u32) -> Insn {
        Insn::stmt(RET_K, value)
    }

    fn getppid(abi: Abi) -> Syscall {
        let nr = match abi {
            Abi::X86_64 => NR_GETPPID_X86_64,
            Abi::I386 => NR_GETPPID_I386,
        };
        // getppid ignores its arguments; the filters see them.
        let args = match abi {
            Abi::X86_64 => [
                0x1111_2222_3333_4444,
                0x5555_6666_7777_8888,
                0x9999_aaaa_bbbb_cccc,
                u64::MAX,
                0,
                0x8000_0000_0000_0001,
            ],
            Abi::I386 => [0x1111_2222, 0xffff_ffff, 0, 0x8000_0001, 3, 0x7fff_ffff],
        };
        Syscall::new(abi, nr, args)
    }

    #[test]
    fn an_allowed_call_runs() {
        let parent = i64::from(std::process::id());
        for abi in [Abi::X86_64, Abi::I386] {
            assert_eq!(
                Harness::new().probe(&[&[ALLOW]], &getppid(abi)),
                Ok(Ending::Returned(parent)),
                "{abi:?}"
            );
            assert_eq!(
                Harness::new().probe(&[], &getppid(abi)),
                Ok(Ending::Returned(parent)),
                "{abi:?} without a filter"
            );
        }
    }

    #[test]
    fn the_filter_sees_the_instruction_pointer_of_the_call_site() {
        // ERRNO(ip & 0xfff)
        let filter = [
            Insn::stmt(LD_ABS, 8),
            Insn::stmt(ALU | AND | K, 0xfff),
            Insn::stmt(ALU | OR | K, Action::ERRNO),
            Insn::stmt(RET_A, 0),
        ];
        for abi in [Abi::X86_64, Abi::I386] {
            let site = abi.call_site();
            let ending = Harness::new().probe(&[&filter], &getppid(abi));
            assert_eq!(
                ending,
                Ok(Ending::Returned(-((site & 0xfff) as i64))),
                "{abi:?}"
            );
        }
    }

    /// A filter that compares each of the 16 words of `seccomp_data` with
    /// the words of `expected`: ERRNO(1000 + i) for the first word `i` that
    /// differs, ERRNO(999) if all are equal.
    fn word_checker(expected: &seccomp_asm::SeccompData) -> Vec<Insn> {
        let mut prog = Vec::new();
        for i in 0..16u32 {
            let word = expected.word(4 * i, seccomp_asm::Endian::NATIVE).unwrap();
            prog.push(Insn::stmt(LD_ABS, 4 * i));
            prog.push(Insn::new(bpf::JMP | JEQ | K, 1, 0, word));
            prog.push(ret(Action::ERRNO | (1000 + i)));
        }
        prog.push(ret(Action::ERRNO | 999));
        prog
    }

    #[test]
    fn the_filter_sees_exactly_the_seccomp_data_of_the_call() {
        for abi in [Abi::X86_64, Abi::I386] {
            let call = getppid(abi);
            let data = call.seccomp_data();
            assert_eq!(data.arch, abi.arch().audit());
            assert_eq!(data.instruction_pointer, abi.call_site());
            let checker = word_checker(&data);
            assert_eq!(
                Harness::new().probe(&[&checker], &call),
                Ok(Ending::Returned(-999)),
                "{abi:?}"
            );
        }
    }

    #[test]
    fn trap_delivers_sigsys_with_the_call_details() {
        for abi in [Abi::X86_64, Abi::I386] {
            let call = getppid(abi);
            let ending = Harness::new().probe(&[&[ret(Action::TRAP | 0x123)]], &call);
            assert_eq!(
                ending,
                Ok(Ending::Trapped(Sigsys {
                    errno: 0x123,
                    code: SYS_SECCOMP,
                    syscall: call.nr,
                    arch: abi.arch().audit(),
                    call_addr: abi.call_site(),
                })),
                "{abi:?}"
            );
        }
    }

    #[test]
    fn kill_actions_kill_with_sigsys() {
        for action in [Action::KILL_PROCESS, Action::KILL_THREAD] {
            let ending = Harness::new().probe(&[&[ret(action)]], &getppid(Abi::X86_64));
            assert_eq!(
                ending,
                Ok(Ending::Killed {
                    signal: libc::SIGSYS
                }),
                "{action:#x}"
            );
        }
    }

    #[test]
    fn errno_trace_and_user_notif_return_errors() {
        let call = getppid(Abi::X86_64);
        let h = Harness::new();
        assert_eq!(
            h.probe(&[&[ret(Action::ERRNO | 13)]], &call),
            Ok(Ending::Returned(-13))
        );
        // The kernel caps ERRNO data at 4095.
        assert_eq!(
            h.probe(&[&[ret(Action::ERRNO | 0xffff)]], &call),
            Ok(Ending::Returned(-4095))
        );
        // No tracer, no listener: ENOSYS.
        for action in [Action::TRACE, Action::USER_NOTIF] {
            let ending = h.probe(&[&[ret(action)]], &call).unwrap();
            assert_eq!(ending.errno(), Some(libc::ENOSYS), "{action:#x}");
        }
    }

    #[test]
    fn an_allowed_exit_ends_the_child_with_its_status() {
        for (abi, nr) in [
            (Abi::X86_64, NR_EXIT_GROUP_X86_64),
            (Abi::I386, NR_EXIT_GROUP_I386),
        ] {
            let call = Syscall::new(abi, nr, [7, 0, 0, 0, 0, 0]);
            assert_eq!(
                Harness::new().probe(&[&[ALLOW]], &call),
                Ok(Ending::Exited { status: 7 }),
                "{abi:?}"
            );
        }
    }

    /// Lets `seccomp` through (so later filters can be installed), else `ret`.
    fn all_but_seccomp(ret_value: u32) -> [Insn; 4] {
        const NR_SECCOMP_X86_64: u32 = 317;
        [
            Insn::stmt(LD_ABS, 0),
            Insn::new(bpf::JMP | JEQ | K, 0, 1, NR_SECCOMP_X86_64),
            ALLOW,
            ret(ret_value),
        ]
    }

    #[test]
    fn stacked_filters_run_newest_first_and_the_newest_wins_a_tie() {
        let call = getppid(Abi::X86_64);
        let older = all_but_seccomp(Action::ERRNO | 5);
        let newer = all_but_seccomp(Action::ERRNO | 7);
        assert_eq!(
            Harness::new().probe(&[&older, &newer], &call),
            Ok(Ending::Returned(-7))
        );
        assert_eq!(
            Harness::new().probe(&[&newer, &older], &call),
            Ok(Ending::Returned(-5))
        );
        // The most restrictive action wins whatever the order.
        let kill = all_but_seccomp(Action::KILL_PROCESS);
        for filters in [[&kill, &newer], [&newer, &kill]] {
            assert_eq!(
                Harness::new().probe(&[filters[0], filters[1]], &call),
                Ok(Ending::Killed {
                    signal: libc::SIGSYS
                })
            );
        }
    }

    #[test]
    fn a_refused_filter_is_reported_with_its_index() {
        let call = getppid(Abi::X86_64);
        assert_eq!(
            Harness::new().probe(&[&[ALLOW], &[]], &call),
            Err(HarnessError::FilterRejected {
                index: 1,
                errno: libc::EINVAL
            })
        );
        // The first filter also judges the seccomp call that installs the second.
        assert_eq!(
            Harness::new().probe(&[&[ret(Action::ERRNO | 1)], &[ALLOW]], &call),
            Err(HarnessError::FilterRejected { index: 1, errno: 1 })
        );
    }

    #[test]
    fn a_hanging_child_is_killed_and_reaped() {
        let pause = Syscall::new(Abi::X86_64, NR_PAUSE_X86_64, [0; 6]);
        let timeout = std::time::Duration::from_millis(200);
        assert_eq!(
            Harness::new().timeout(timeout).probe(&[&[ALLOW]], &pause),
            Err(HarnessError::Timeout { after: timeout })
        );
        assert_eq!(unreaped_children(), "");
    }
}
