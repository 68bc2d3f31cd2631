# my notes, kept
# A seccomp allow-list recorded by `seccomp record`.
#
# Compile it with `seccomp!(file = "...")` (seccomp-runtime) and install the
# filter where the program starts. Everything outside the recorded block is
# yours: `seccomp record --merge` rewrites only the block.

# >>> seccomp record: recorded block, rewritten by `seccomp record --merge`; edit outside it
# run: true
# run: sh -c echo merged
# default: LOG
#
A = arch
if (A == ARCH_X86_64) goto amd64                # amd64: 30 syscalls
return LOG                                      # every architecture not recorded
amd64:
A = sys_number
if (A < 0x40000000) goto amd64_syscalls
return LOG                                      # x32 (numbers with bit 0x40000000): not recorded
amd64_syscalls:
if (A >= amd64.getuid) goto amd64_from_getuid
if (A >= amd64.rt_sigaction) goto amd64_from_rt_sigaction
if (A == amd64.read) goto amd64_allow           # amd64 read: 2 calls
if (A == amd64.write) goto amd64_allow          # amd64 write: 1 call
if (A == amd64.close) goto amd64_allow          # amd64 close: 4 calls
if (A == amd64.mmap) goto amd64_allow           # amd64 mmap: 16 calls
if (A == amd64.mprotect) goto amd64_allow       # amd64 mprotect: 6 calls
if (A == amd64.munmap) goto amd64_allow         # amd64 munmap: 2 calls
if (A == amd64.brk) goto amd64_allow            # amd64 brk: 4 calls
return LOG
amd64_from_rt_sigaction:
if (A == amd64.rt_sigaction) goto amd64_allow   # amd64 rt_sigaction: 7 calls
if (A == amd64.rt_sigreturn) goto amd64_allow   # amd64 rt_sigreturn: not seen; every program may need it
if (A == amd64.pread64) goto amd64_allow        # amd64 pread64: 4 calls
if (A == amd64.access) goto amd64_allow         # amd64 access: 2 calls
if (A == amd64.getpid) goto amd64_allow         # amd64 getpid: 1 call
if (A == amd64.execve) goto amd64_allow         # amd64 execve: 2 calls
if (A == amd64.exit) goto amd64_allow           # amd64 exit: not seen; every program may need it
if (A == amd64.getcwd) goto amd64_allow         # amd64 getcwd: 1 call
return LOG
amd64_from_getuid:
if (A >= amd64.restart_syscall) goto amd64_from_restart_syscall
if (A == amd64.getuid) goto amd64_allow         # amd64 getuid: 1 call
if (A == amd64.getgid) goto amd64_allow         # amd64 getgid: 1 call
if (A == amd64.geteuid) goto amd64_allow        # amd64 geteuid: 2 calls
if (A == amd64.getegid) goto amd64_allow        # amd64 getegid: 1 call
if (A == amd64.getppid) goto amd64_allow        # amd64 getppid: 1 call
if (A == amd64.arch_prctl) goto amd64_allow     # amd64 arch_prctl: 2 calls
if (A == amd64.set_tid_address) goto amd64_allow # amd64 set_tid_address: 2 calls
return LOG
amd64_from_restart_syscall:
if (A == amd64.restart_syscall) goto amd64_allow # amd64 restart_syscall: not seen; every program may need it
if (A == amd64.exit_group) goto amd64_allow     # amd64 exit_group: 2 calls
if (A == amd64.openat) goto amd64_allow         # amd64 openat: 156 calls
if (A == amd64.newfstatat) goto amd64_allow     # amd64 newfstatat: 158 calls
if (A == amd64.set_robust_list) goto amd64_allow # amd64 set_robust_list: 2 calls
if (A == amd64.prlimit64) goto amd64_allow      # amd64 prlimit64: 2 calls
if (A == amd64.getrandom) goto amd64_allow      # amd64 getrandom: 1 call
if (A == amd64.rseq) goto amd64_allow           # amd64 rseq: 2 calls
return LOG
amd64_allow:
return ALLOW
# <<< seccomp record: end of the recorded block
# after the block, kept
