# A seccomp allow-list recorded by `seccomp record`.
#
# Compile it with `seccomp!(file = "...")` (seccomp-runtime) and install the
# filter where the program starts. Everything outside the recorded block is
# yours: `seccomp record --merge` rewrites only the block.

# >>> seccomp record: recorded block, rewritten by `seccomp record --merge`; edit outside it
# run: /work/main/target/debug/deps/record-aea207c49c244e64 --fixture compat
# default: ERRNO(38)
#
A = arch
if (A == ARCH_X86_64) goto amd64                # amd64: 28 syscalls, x32: 5 syscalls
if (A == ARCH_I386) goto i386                   # i386: 6 syscalls
return ERRNO(38)                                # every architecture not recorded
amd64:
A = sys_number
if (A >= 0x40000000) goto x32                   # x32 numbers carry bit 0x40000000
if (A >= amd64.exit) goto amd64_from_exit
if (A >= amd64.brk) goto amd64_from_brk
if (A == amd64.read) goto amd64_allow           # amd64 read: 5 calls
if (A == amd64.write) goto amd64_allow          # amd64 write: 2 calls
if (A == amd64.close) goto amd64_allow          # amd64 close: 4 calls
if (A == amd64.poll) goto amd64_allow           # amd64 poll: 1 call
if (A == amd64.mmap) goto amd64_allow           # amd64 mmap: 13 calls
if (A == amd64.mprotect) goto amd64_allow       # amd64 mprotect: 5 calls
if (A == amd64.munmap) goto amd64_allow         # amd64 munmap: 2 calls
return ERRNO(38)
amd64_from_brk:
if (A == amd64.brk) goto amd64_allow            # amd64 brk: 3 calls
if (A == amd64.rt_sigaction) goto amd64_allow   # amd64 rt_sigaction: 5 calls
if (A == amd64.rt_sigreturn) goto amd64_allow   # amd64 rt_sigreturn: not seen; every program may need it
if (A == amd64.pread64) goto amd64_allow        # amd64 pread64: 2 calls
if (A == amd64.access) goto amd64_allow         # amd64 access: 1 call
if (A == amd64.getpid) goto amd64_allow         # amd64 getpid: 2 calls
if (A == amd64.execve) goto amd64_allow         # amd64 execve: 1 call
return ERRNO(38)
amd64_from_exit:
if (A >= amd64.exit_group) goto amd64_from_exit_group
if (A == amd64.exit) goto amd64_allow           # amd64 exit: not seen; every program may need it
if (A == amd64.sigaltstack) goto amd64_allow    # amd64 sigaltstack: 3 calls
if (A == amd64.arch_prctl) goto amd64_allow     # amd64 arch_prctl: 1 call
if (A == amd64.gettid) goto amd64_allow         # amd64 gettid: 1 call
if (A == amd64.sched_getaffinity) goto amd64_allow # amd64 sched_getaffinity: 1 call
if (A == amd64.set_tid_address) goto amd64_allow # amd64 set_tid_address: 1 call
if (A == amd64.restart_syscall) goto amd64_allow # amd64 restart_syscall: not seen; every program may need it
return ERRNO(38)
amd64_from_exit_group:
if (A == amd64.exit_group) goto amd64_allow     # amd64 exit_group: 1 call
if (A == amd64.openat) goto amd64_allow         # amd64 openat: 84 calls
if (A == amd64.newfstatat) goto amd64_allow     # amd64 newfstatat: 80 calls
if (A == amd64.set_robust_list) goto amd64_allow # amd64 set_robust_list: 1 call
if (A == amd64.prlimit64) goto amd64_allow      # amd64 prlimit64: 2 calls
if (A == amd64.getrandom) goto amd64_allow      # amd64 getrandom: 1 call
if (A == amd64.rseq) goto amd64_allow           # amd64 rseq: 1 call
return ERRNO(38)
x32:
if (A == x32.getpid) goto amd64_allow           # x32 getpid: 1 call
if (A == x32.exit) goto amd64_allow             # x32 exit: not seen; every program may need it
if (A == x32.restart_syscall) goto amd64_allow  # x32 restart_syscall: not seen; every program may need it
if (A == x32.exit_group) goto amd64_allow       # x32 exit_group: not seen; every program may need it
if (A == x32.rt_sigreturn) goto amd64_allow     # x32 rt_sigreturn: not seen; every program may need it
return ERRNO(38)
amd64_allow:
return ALLOW
i386:
A = sys_number
if (A == i386.restart_syscall) goto i386_allow  # i386 restart_syscall: not seen; every program may need it
if (A == i386.exit) goto i386_allow             # i386 exit: not seen; every program may need it
if (A == i386.getpid) goto i386_allow           # i386 getpid: 1 call
if (A == i386.sigreturn) goto i386_allow        # i386 sigreturn: not seen; every program may need it
if (A == i386.rt_sigreturn) goto i386_allow     # i386 rt_sigreturn: not seen; every program may need it
if (A == i386.exit_group) goto i386_allow       # i386 exit_group: not seen; every program may need it
return ERRNO(38)
i386_allow:
return ALLOW
# <<< seccomp record: end of the recorded block
