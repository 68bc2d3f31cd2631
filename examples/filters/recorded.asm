# A seccomp allow-list recorded by `seccomp record`.
#
# Compile it with `seccomp!(file = "...")` (seccomp-runtime) and install the
# filter where the program starts. Everything outside the recorded block is
# yours: `seccomp record --merge` rewrites only the block.

# >>> seccomp record: recorded block, rewritten by `seccomp record --merge`; edit outside it
# run: target/debug/examples/recorded /usr
# default: ERRNO(38)
#
A = arch
if (A == ARCH_X86_64) goto amd64                # amd64: 28 syscalls
return ERRNO(38)                                # every architecture not recorded
amd64:
A = sys_number
if (!(A & 0x40000000)) goto amd64_syscalls
return ERRNO(38)                                # x32 (numbers with bit 0x40000000): not recorded
amd64_syscalls:
if (A >= amd64.arch_prctl) goto amd64_from_arch_prctl
if (A >= amd64.brk) goto amd64_from_brk
if (A == amd64.read) goto amd64_allow           # amd64 read: 5 calls
if (A == amd64.write) goto amd64_allow          # amd64 write: 13 calls
if (A == amd64.close) goto amd64_allow          # amd64 close: 5 calls
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
if (A == amd64.exit) goto amd64_allow           # amd64 exit: not seen; every program may need it
if (A == amd64.sigaltstack) goto amd64_allow    # amd64 sigaltstack: 3 calls
return ERRNO(38)
amd64_from_arch_prctl:
if (A >= amd64.openat) goto amd64_from_openat
if (A == amd64.arch_prctl) goto amd64_allow     # amd64 arch_prctl: 1 call
if (A == amd64.gettid) goto amd64_allow         # amd64 gettid: 1 call
if (A == amd64.sched_getaffinity) goto amd64_allow # amd64 sched_getaffinity: 1 call
if (A == amd64.getdents64) goto amd64_allow     # amd64 getdents64: 2 calls
if (A == amd64.set_tid_address) goto amd64_allow # amd64 set_tid_address: 1 call
if (A == amd64.restart_syscall) goto amd64_allow # amd64 restart_syscall: not seen; every program may need it
if (A == amd64.exit_group) goto amd64_allow     # amd64 exit_group: 1 call
return ERRNO(38)
amd64_from_openat:
if (A == amd64.openat) goto amd64_allow         # amd64 openat: 5 calls
if (A == amd64.newfstatat) goto amd64_allow     # amd64 newfstatat: 5 calls
if (A == amd64.set_robust_list) goto amd64_allow # amd64 set_robust_list: 1 call
if (A == amd64.prlimit64) goto amd64_allow      # amd64 prlimit64: 2 calls
if (A == amd64.getrandom) goto amd64_allow      # amd64 getrandom: 1 call
if (A == amd64.statx) goto amd64_allow          # amd64 statx: 13 calls
if (A == amd64.rseq) goto amd64_allow           # amd64 rseq: 1 call
return ERRNO(38)
amd64_allow:
return ALLOW
# <<< seccomp record: end of the recorded block
