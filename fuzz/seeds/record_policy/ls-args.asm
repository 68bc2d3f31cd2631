# A seccomp allow-list recorded by `seccomp record`.
#
# Compile it with `seccomp!(file = "...")` (seccomp-runtime) and install the
# filter where the program starts. Everything outside the recorded block is
# yours: `seccomp record --merge` rewrites only the block.

# >>> seccomp record: recorded block, rewritten by `seccomp record --merge`; edit outside it
# run: ls -l /
# default: ERRNO(38)
#
A = arch
if (A == ARCH_X86_64) goto amd64                # amd64: 33 syscalls
return ERRNO(38)                                # every architecture not recorded
amd64:
A = sys_number
if (A < 0x40000000) goto amd64_syscalls
return ERRNO(38)                                # x32 (numbers with bit 0x40000000): not recorded
amd64_syscalls:
if (A >= amd64.readlink) goto amd64_from_readlink
if (A >= amd64.rt_sigreturn) goto amd64_from_rt_sigreturn
if (A == amd64.read) goto amd64_allow           # amd64 read: 13 calls
if (A == amd64.write) goto amd64_allow          # amd64 write: 1 call
if (A == amd64.close) goto amd64_allow          # amd64 close: 31 calls
if (A == amd64.lseek) goto amd64_allow          # amd64 lseek: 3 calls
if (A == amd64.mmap) goto amd64_allow           # amd64 mmap: 30 calls
if (A == amd64.mprotect) goto amd64_allow       # amd64 mprotect: 5 calls
if (A == amd64.munmap) goto amd64_allow         # amd64 munmap: 1 call
if (A == amd64.brk) goto amd64_allow            # amd64 brk: 3 calls
return ERRNO(38)
amd64_from_rt_sigreturn:
if (A == amd64.rt_sigreturn) goto amd64_allow   # amd64 rt_sigreturn: not seen; every program may need it
if (A == amd64.ioctl) goto amd64_ioctl_arg1     # amd64 ioctl: 2 calls; arguments checked below
if (A == amd64.pread64) goto amd64_allow        # amd64 pread64: 2 calls
if (A == amd64.access) goto amd64_allow         # amd64 access: 2 calls
if (A == amd64.socket) goto amd64_allow         # amd64 socket: 4 calls
if (A == amd64.connect) goto amd64_allow        # amd64 connect: 4 calls
if (A == amd64.execve) goto amd64_allow         # amd64 execve: 1 call
if (A == amd64.exit) goto amd64_allow           # amd64 exit: not seen; every program may need it
return ERRNO(38)
amd64_from_readlink:
if (A >= amd64.restart_syscall) goto amd64_from_restart_syscall
if (A == amd64.readlink) goto amd64_allow       # amd64 readlink: 6 calls
if (A == amd64.statfs) goto amd64_allow         # amd64 statfs: 2 calls
if (A == amd64.arch_prctl) goto amd64_allow     # amd64 arch_prctl: 1 call
if (A == amd64.getxattr) goto amd64_allow       # amd64 getxattr: 40 calls
if (A == amd64.lgetxattr) goto amd64_allow      # amd64 lgetxattr: 28 calls
if (A == amd64.futex) goto amd64_allow          # amd64 futex: 1 call
if (A == amd64.getdents64) goto amd64_allow     # amd64 getdents64: 2 calls
if (A == amd64.set_tid_address) goto amd64_allow # amd64 set_tid_address: 1 call
return ERRNO(38)
amd64_from_restart_syscall:
if (A >= amd64.set_robust_list) goto amd64_from_set_robust_list
if (A == amd64.restart_syscall) goto amd64_allow # amd64 restart_syscall: not seen; every program may need it
if (A == amd64.exit_group) goto amd64_allow     # amd64 exit_group: 1 call
if (A == amd64.openat) goto amd64_openat_arg2   # amd64 openat: 44 calls; arguments checked below
if (A == amd64.newfstatat) goto amd64_allow     # amd64 newfstatat: 31 calls
return ERRNO(38)
amd64_from_set_robust_list:
if (A == amd64.set_robust_list) goto amd64_allow # amd64 set_robust_list: 1 call
if (A == amd64.prlimit64) goto amd64_allow      # amd64 prlimit64: 1 call
if (A == amd64.getrandom) goto amd64_allow      # amd64 getrandom: 1 call
if (A == amd64.statx) goto amd64_allow          # amd64 statx: 28 calls
if (A == amd64.rseq) goto amd64_allow           # amd64 rseq: 1 call
return ERRNO(38)
amd64_ioctl_arg1:
A = args_h[1]                                   # amd64 ioctl: argument 1 (cmd) only as recorded
if (A != 0x0) goto amd64_ioctl_arg1_other
A = args[1]
if (A == 0x5401) goto amd64_allow               # amd64 ioctl args[1] = 0x5401: 2 calls
amd64_ioctl_arg1_other:
return ERRNO(38)
amd64_openat_arg2:
A = args_h[2]                                   # amd64 openat: argument 2 (flags) only as recorded
if (A != 0x0) goto amd64_openat_arg2_other
A = args[2]
if (A == 0x0) goto amd64_allow                  # amd64 openat args[2] = 0x0: 7 calls
if (A == 0x80000) goto amd64_allow              # amd64 openat args[2] = 0x80000: 36 calls
if (A == 0x90800) goto amd64_allow              # amd64 openat args[2] = 0x90800: 1 call
amd64_openat_arg2_other:
return ERRNO(38)
amd64_allow:
return ALLOW
# <<< seccomp record: end of the recorded block
