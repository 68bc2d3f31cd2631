# An allow-list for a small x86_64 program that reads stdin and writes a
# report: seccomp-tools assembly, compiled by `seccomp!(file = ...)`.

# Only the x86_64 calling convention: an i386 `int 0x80` or an x32 call
# (numbers with bit 0x40000000) would otherwise be read with the wrong table.
A = arch
if (A != ARCH_X86_64) goto kill
A = sys_number
if (A >= 0x40000000) goto kill

# Input and output: reading anything, writing to stdout and stderr only.
if (A == read) goto allow
if (A == write) goto check_fd
if (A == close) goto allow

# Memory, signals and exit, as the Rust runtime uses them.
if (A == brk) goto allow
if (A == mmap) goto allow
if (A == munmap) goto allow
if (A == mremap) goto allow
if (A == madvise) goto allow
if (A == rt_sigaction) goto allow
if (A == rt_sigprocmask) goto allow
if (A == rt_sigreturn) goto allow
if (A == sigaltstack) goto allow
if (A == futex) goto allow
if (A == getrandom) goto allow
if (A == exit) goto allow
if (A == exit_group) goto allow

# Anything else fails with EPERM.
return ERRNO(1)

check_fd:
# write(fd, buf, count): fd is an int, so its high word must be 0.
A = args[0] >> 32
if (A != 0) goto bad_fd
A = args[0]
if (A == 1) goto allow
if (A == 2) goto allow
bad_fd:
return ERRNO(9)   # EBADF

allow:
return ALLOW
kill:
return KILL_PROCESS
