# A realistic allow-list for amd64, 256 instructions, cut from
# allow-list-4088.asm: its arch check and x32 guard, its first 20 syscall
# blocks (checks on their arguments, both halves of 64-bit values) and the
# first 91 of its ioctl requests. Anything else kills the process.
# An input of the explain/audit benchmarks (see BENCHMARKS.md).
A = arch
if (A == ARCH_X86_64) goto arch_ok
return KILL_PROCESS
arch_ok:
A = sys_number
if (A < 0x40000000) goto native
return ERRNO(38)
native:
sys_0:
A = sys_number
if (A != read) goto sys_1
A = args[0] >> 32
if (A != 0) goto deny_0
A = args[0]
if (A > 0x40) goto deny_0
return ALLOW
deny_0:
return ERRNO(1)
sys_1:
A = sys_number
if (A != write) goto sys_2
A = args[0] >> 32
if (A != 0) goto deny_1
A = args[0]
if (A > 0x65) goto deny_1
A = args[1]
if (A & 0x80000000) goto deny_1
return LOG
deny_1:
return ERRNO(2)
sys_2:
A = sys_number
if (A != open) goto sys_3
A = args[0] >> 32
if (A != 0) goto deny_2
A = args[0]
if (A > 0x8a) goto deny_2
A = args[2] >> 32
if (A != 0) goto deny_2
A = args[2]
if (A >= 64) goto deny_2
return ALLOW
deny_2:
return ERRNO(3)
sys_3:
A = sys_number
if (A != close) goto sys_4
return ALLOW
sys_4:
A = sys_number
if (A != stat) goto sys_5
A = args[0] >> 32
if (A != 0) goto deny_4
A = args[0]
if (A > 0xd4) goto deny_4
return ALLOW
deny_4:
return ERRNO(5)
sys_5:
A = sys_number
if (A != fstat) goto sys_6
A = args[0] >> 32
if (A != 0) goto deny_5
A = args[0]
if (A > 0xf9) goto deny_5
A = args[1]
if (A & 0x80000000) goto deny_5
return LOG
deny_5:
return ERRNO(6)
sys_6:
A = sys_number
if (A != lstat) goto sys_7
A = args[0] >> 32
if (A != 0) goto deny_6
A = args[0]
if (A > 0x11e) goto deny_6
return ALLOW
deny_6:
return ERRNO(7)
sys_7:
A = sys_number
if (A != poll) goto sys_8
return ALLOW
sys_8:
A = sys_number
if (A != lseek) goto sys_9
A = args[0] >> 32
if (A != 0) goto deny_8
A = args[0]
if (A > 0x168) goto deny_8
return ALLOW
deny_8:
return ERRNO(9)
sys_9:
A = sys_number
if (A != mmap) goto sys_10
A = args[0] >> 32
if (A != 0) goto deny_9
A = args[0]
if (A > 0x18d) goto deny_9
A = args[1]
if (A & 0x80000000) goto deny_9
return LOG
deny_9:
return ERRNO(10)
sys_10:
A = sys_number
if (A != mprotect) goto sys_11
A = args[0] >> 32
if (A != 0) goto deny_10
A = args[0]
if (A > 0x1b2) goto deny_10
A = args[2] >> 32
if (A != 0) goto deny_10
A = args[2]
if (A >= 16384) goto deny_10
return ALLOW
deny_10:
return ERRNO(11)
sys_11:
A = sys_number
if (A != munmap) goto sys_12
return ALLOW
sys_12:
A = sys_number
if (A != brk) goto sys_13
A = args[0] >> 32
if (A != 0) goto deny_12
A = args[0]
if (A > 0x1fc) goto deny_12
return ALLOW
deny_12:
return ERRNO(13)
sys_13:
A = sys_number
if (A != rt_sigaction) goto sys_14
A = args[0] >> 32
if (A != 0) goto deny_13
A = args[0]
if (A > 0x221) goto deny_13
A = args[1]
if (A & 0x80000000) goto deny_13
return LOG
deny_13:
return ERRNO(14)
sys_14:
A = sys_number
if (A != rt_sigprocmask) goto sys_15
A = args[0] >> 32
if (A != 0) goto deny_14
A = args[0]
if (A > 0x246) goto deny_14
A = args[2] >> 32
if (A != 0) goto deny_14
A = args[2]
if (A >= 262144) goto deny_14
return ALLOW
deny_14:
return ERRNO(15)
sys_15:
A = sys_number
if (A != rt_sigreturn) goto sys_16
return ALLOW
sys_16:
A = sys_number
if (A != pread) goto sys_17
return ALLOW
sys_17:
A = sys_number
if (A != pwrite) goto sys_18
return ALLOW
sys_18:
A = sys_number
if (A != readv) goto sys_19
A = args[0] >> 32
if (A != 0) goto deny_18
A = args[0]
if (A > 0x2da) goto deny_18
A = args[2] >> 32
if (A != 0) goto deny_18
A = args[2]
if (A >= 4194304) goto deny_18
return ALLOW
deny_18:
return ERRNO(19)
sys_19:
A = sys_number
if (A != writev) goto sys_20
return ALLOW
sys_20:
A = sys_number
if (A == ioctl) goto ioctl
return KILL_PROCESS
ioctl:
A = args[1] >> 32
if (A == 0) goto ioctl_req
return ERRNO(22)
ioctl_req:
A = args[1]
ioctl_0:
if (A == 0x5401) goto ioctl_ok_0
if (A == 0x5402) goto ioctl_ok_0
if (A == 0x5403) goto ioctl_ok_0
if (A == 0x5404) goto ioctl_ok_0
if (A == 0x5405) goto ioctl_ok_0
if (A == 0x5406) goto ioctl_ok_0
if (A == 0x5407) goto ioctl_ok_0
if (A == 0x541a) goto ioctl_ok_0
if (A == 0x541b) goto ioctl_ok_0
if (A == 0x541c) goto ioctl_ok_0
if (A == 0x542f) goto ioctl_ok_0
if (A == 0x5430) goto ioctl_ok_0
if (A == 0x5431) goto ioctl_ok_0
if (A == 0x5444) goto ioctl_ok_0
if (A == 0x5445) goto ioctl_ok_0
if (A == 0x5446) goto ioctl_ok_0
if (A == 0x5459) goto ioctl_ok_0
if (A == 0x545a) goto ioctl_ok_0
if (A == 0x545b) goto ioctl_ok_0
if (A == 0x546e) goto ioctl_ok_0
if (A == 0x546f) goto ioctl_ok_0
if (A == 0x5470) goto ioctl_ok_0
if (A == 0x5483) goto ioctl_ok_0
if (A == 0x5484) goto ioctl_ok_0
if (A == 0x5485) goto ioctl_ok_0
if (A == 0x5498) goto ioctl_ok_0
if (A == 0x5499) goto ioctl_ok_0
if (A == 0x549a) goto ioctl_ok_0
if (A == 0x54ad) goto ioctl_ok_0
if (A == 0x54ae) goto ioctl_ok_0
if (A == 0x54af) goto ioctl_ok_0
if (A == 0x54c2) goto ioctl_ok_0
if (A == 0x54c3) goto ioctl_ok_0
if (A == 0x54c4) goto ioctl_ok_0
if (A == 0x54d7) goto ioctl_ok_0
if (A == 0x54d8) goto ioctl_ok_0
if (A == 0x54d9) goto ioctl_ok_0
if (A == 0x54ec) goto ioctl_ok_0
if (A == 0x54ed) goto ioctl_ok_0
if (A == 0x54ee) goto ioctl_ok_0
if (A == 0x5501) goto ioctl_ok_0
if (A == 0x5502) goto ioctl_ok_0
if (A == 0x5503) goto ioctl_ok_0
if (A == 0x5516) goto ioctl_ok_0
if (A == 0x5517) goto ioctl_ok_0
if (A == 0x5518) goto ioctl_ok_0
if (A == 0x552b) goto ioctl_ok_0
if (A == 0x552c) goto ioctl_ok_0
if (A == 0x552d) goto ioctl_ok_0
if (A == 0x5540) goto ioctl_ok_0
if (A == 0x5541) goto ioctl_ok_0
if (A == 0x5542) goto ioctl_ok_0
if (A == 0x5555) goto ioctl_ok_0
if (A == 0x5556) goto ioctl_ok_0
if (A == 0x5557) goto ioctl_ok_0
if (A == 0x556a) goto ioctl_ok_0
if (A == 0x556b) goto ioctl_ok_0
if (A == 0x556c) goto ioctl_ok_0
if (A == 0x557f) goto ioctl_ok_0
if (A == 0x5580) goto ioctl_ok_0
if (A == 0x5581) goto ioctl_ok_0
if (A == 0x5594) goto ioctl_ok_0
if (A == 0x5595) goto ioctl_ok_0
if (A == 0x5596) goto ioctl_ok_0
if (A == 0x55a9) goto ioctl_ok_0
if (A == 0x55aa) goto ioctl_ok_0
if (A == 0x55ab) goto ioctl_ok_0
if (A == 0x55be) goto ioctl_ok_0
if (A == 0x55bf) goto ioctl_ok_0
if (A == 0x55c0) goto ioctl_ok_0
if (A == 0x55d3) goto ioctl_ok_0
if (A == 0x55d4) goto ioctl_ok_0
if (A == 0x55d5) goto ioctl_ok_0
if (A == 0x55e8) goto ioctl_ok_0
if (A == 0x55e9) goto ioctl_ok_0
if (A == 0x55ea) goto ioctl_ok_0
if (A == 0x55fd) goto ioctl_ok_0
if (A == 0x55fe) goto ioctl_ok_0
if (A == 0x55ff) goto ioctl_ok_0
if (A == 0x5612) goto ioctl_ok_0
if (A == 0x5613) goto ioctl_ok_0
if (A == 0x5614) goto ioctl_ok_0
if (A == 0x5627) goto ioctl_ok_0
if (A == 0x5628) goto ioctl_ok_0
if (A == 0x5629) goto ioctl_ok_0
if (A == 0x563c) goto ioctl_ok_0
if (A == 0x563d) goto ioctl_ok_0
if (A == 0x563e) goto ioctl_ok_0
if (A == 0x5651) goto ioctl_ok_0
if (A == 0x5652) goto ioctl_ok_0
if (A == 0x5653) goto ioctl_ok_0
goto ioctl_1
ioctl_ok_0:
return ALLOW
ioctl_1:
return ERRNO(25)
