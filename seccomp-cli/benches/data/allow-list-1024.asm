# A realistic allow-list for amd64, 1024 instructions, cut from
# allow-list-4088.asm: its arch check and x32 guard, its first 90 syscall
# blocks (checks on their arguments, both halves of 64-bit values) and the
# first 338 of its ioctl requests. Anything else kills the process.
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
if (A != access) goto sys_21
A = args[0] >> 32
if (A != 0) goto deny_20
A = args[0]
if (A > 0x324) goto deny_20
return ALLOW
deny_20:
return ERRNO(21)
sys_21:
A = sys_number
if (A != pipe) goto sys_22
A = args[0] >> 32
if (A != 0) goto deny_21
A = args[0]
if (A > 0x349) goto deny_21
return LOG
deny_21:
return ERRNO(22)
sys_22:
A = sys_number
if (A != select) goto sys_23
A = args[0] >> 32
if (A != 0) goto deny_22
A = args[0]
if (A > 0x36e) goto deny_22
A = args[2] >> 32
if (A != 0) goto deny_22
A = args[2]
if (A >= 64) goto deny_22
return ALLOW
deny_22:
return ERRNO(23)
sys_23:
A = sys_number
if (A != sched_yield) goto sys_24
return ALLOW
sys_24:
A = sys_number
if (A != mremap) goto sys_25
A = args[0] >> 32
if (A != 0) goto deny_24
A = args[0]
if (A > 0x3b8) goto deny_24
return ALLOW
deny_24:
return ERRNO(25)
sys_25:
A = sys_number
if (A != msync) goto sys_26
A = args[0] >> 32
if (A != 0) goto deny_25
A = args[0]
if (A > 0x3dd) goto deny_25
A = args[1]
if (A & 0x80000000) goto deny_25
return LOG
deny_25:
return ERRNO(26)
sys_26:
A = sys_number
if (A != mincore) goto sys_27
A = args[0] >> 32
if (A != 0) goto deny_26
A = args[0]
if (A > 0x402) goto deny_26
A = args[2] >> 32
if (A != 0) goto deny_26
A = args[2]
if (A >= 1024) goto deny_26
return ALLOW
deny_26:
return ERRNO(27)
sys_27:
A = sys_number
if (A != madvise) goto sys_28
return ALLOW
sys_28:
A = sys_number
if (A != shmget) goto sys_29
A = args[0] >> 32
if (A != 0) goto deny_28
A = args[0]
if (A > 0x44c) goto deny_28
return ALLOW
deny_28:
return ERRNO(29)
sys_29:
A = sys_number
if (A != shmat) goto sys_30
A = args[0] >> 32
if (A != 0) goto deny_29
A = args[0]
if (A > 0x471) goto deny_29
A = args[1]
if (A & 0x80000000) goto deny_29
return LOG
deny_29:
return ERRNO(30)
sys_30:
A = sys_number
if (A != shmctl) goto sys_31
A = args[0] >> 32
if (A != 0) goto deny_30
A = args[0]
if (A > 0x496) goto deny_30
A = args[2] >> 32
if (A != 0) goto deny_30
A = args[2]
if (A >= 16384) goto deny_30
return ALLOW
deny_30:
return ERRNO(31)
sys_31:
A = sys_number
if (A != dup) goto sys_32
return ALLOW
sys_32:
A = sys_number
if (A != dup2) goto sys_33
A = args[0] >> 32
if (A != 0) goto deny_32
A = args[0]
if (A > 0x4e0) goto deny_32
return ALLOW
deny_32:
return ERRNO(33)
sys_33:
A = sys_number
if (A != pause) goto sys_34
return ALLOW
sys_34:
A = sys_number
if (A != nanosleep) goto sys_35
A = args[0] >> 32
if (A != 0) goto deny_34
A = args[0]
if (A > 0x52a) goto deny_34
return ALLOW
deny_34:
return ERRNO(35)
sys_35:
A = sys_number
if (A != getitimer) goto sys_36
return ALLOW
sys_36:
A = sys_number
if (A != alarm) goto sys_37
A = args[0] >> 32
if (A != 0) goto deny_36
A = args[0]
if (A > 0x574) goto deny_36
return ALLOW
deny_36:
return ERRNO(37)
sys_37:
A = sys_number
if (A != setitimer) goto sys_38
A = args[0] >> 32
if (A != 0) goto deny_37
A = args[0]
if (A > 0x599) goto deny_37
A = args[1]
if (A & 0x80000000) goto deny_37
return LOG
deny_37:
return ERRNO(38)
sys_38:
A = sys_number
if (A != getpid) goto sys_39
return ALLOW
sys_39:
A = sys_number
if (A != sendfile) goto sys_40
return ALLOW
sys_40:
A = sys_number
if (A != socket) goto sys_41
A = args[0] >> 32
if (A != 0) goto deny_40
A = args[0]
if (A > 0x608) goto deny_40
return ALLOW
deny_40:
return ERRNO(41)
sys_41:
A = sys_number
if (A != connect) goto sys_42
A = args[0] >> 32
if (A != 0) goto deny_41
A = args[0]
if (A > 0x62d) goto deny_41
A = args[1]
if (A & 0x80000000) goto deny_41
return LOG
deny_41:
return ERRNO(42)
sys_42:
A = sys_number
if (A != accept) goto sys_43
A = args[0] >> 32
if (A != 0) goto deny_42
A = args[0]
if (A > 0x652) goto deny_42
A = args[2] >> 32
if (A != 0) goto deny_42
A = args[2]
if (A >= 64) goto deny_42
return ALLOW
deny_42:
return ERRNO(43)
sys_43:
A = sys_number
if (A != sendto) goto sys_44
return ALLOW
sys_44:
A = sys_number
if (A != recvfrom) goto sys_45
A = args[0] >> 32
if (A != 0) goto deny_44
A = args[0]
if (A > 0x69c) goto deny_44
return ALLOW
deny_44:
return ERRNO(45)
sys_45:
A = sys_number
if (A != sendmsg) goto sys_46
A = args[0] >> 32
if (A != 0) goto deny_45
A = args[0]
if (A > 0x6c1) goto deny_45
A = args[1]
if (A & 0x80000000) goto deny_45
return LOG
deny_45:
return ERRNO(46)
sys_46:
A = sys_number
if (A != recvmsg) goto sys_47
A = args[0] >> 32
if (A != 0) goto deny_46
A = args[0]
if (A > 0x6e6) goto deny_46
A = args[2] >> 32
if (A != 0) goto deny_46
A = args[2]
if (A >= 1024) goto deny_46
return ALLOW
deny_46:
return ERRNO(47)
sys_47:
A = sys_number
if (A != shutdown) goto sys_48
return ALLOW
sys_48:
A = sys_number
if (A != bind) goto sys_49
A = args[0] >> 32
if (A != 0) goto deny_48
A = args[0]
if (A > 0x730) goto deny_48
return ALLOW
deny_48:
return ERRNO(49)
sys_49:
A = sys_number
if (A != listen) goto sys_50
A = args[0] >> 32
if (A != 0) goto deny_49
A = args[0]
if (A > 0x755) goto deny_49
A = args[1]
if (A & 0x80000000) goto deny_49
return LOG
deny_49:
return ERRNO(50)
sys_50:
A = sys_number
if (A != getsockname) goto sys_51
A = args[0] >> 32
if (A != 0) goto deny_50
A = args[0]
if (A > 0x77a) goto deny_50
A = args[2] >> 32
if (A != 0) goto deny_50
A = args[2]
if (A >= 16384) goto deny_50
return ALLOW
deny_50:
return ERRNO(51)
sys_51:
A = sys_number
if (A != getpeername) goto sys_52
return ALLOW
sys_52:
A = sys_number
if (A != socketpair) goto sys_53
A = args[0] >> 32
if (A != 0) goto deny_52
A = args[0]
if (A > 0x7c4) goto deny_52
return ALLOW
deny_52:
return ERRNO(53)
sys_53:
A = sys_number
if (A != setsockopt) goto sys_54
A = args[0] >> 32
if (A != 0) goto deny_53
A = args[0]
if (A > 0x7e9) goto deny_53
A = args[1]
if (A & 0x80000000) goto deny_53
return LOG
deny_53:
return ERRNO(54)
sys_54:
A = sys_number
if (A != getsockopt) goto sys_55
A = args[0] >> 32
if (A != 0) goto deny_54
A = args[0]
if (A > 0x80e) goto deny_54
A = args[2] >> 32
if (A != 0) goto deny_54
A = args[2]
if (A >= 262144) goto deny_54
return ALLOW
deny_54:
return ERRNO(55)
sys_55:
A = sys_number
if (A != clone) goto sys_56
return ALLOW
sys_56:
A = sys_number
if (A != fork) goto sys_57
return ALLOW
sys_57:
A = sys_number
if (A != vfork) goto sys_58
return ALLOW
sys_58:
A = sys_number
if (A != execve) goto sys_59
A = args[0] >> 32
if (A != 0) goto deny_58
A = args[0]
if (A > 0x8a2) goto deny_58
A = args[2] >> 32
if (A != 0) goto deny_58
A = args[2]
if (A >= 4194304) goto deny_58
return ALLOW
deny_58:
return ERRNO(59)
sys_59:
A = sys_number
if (A != exit) goto sys_60
return ALLOW
sys_60:
A = sys_number
if (A != wait4) goto sys_61
A = args[0] >> 32
if (A != 0) goto deny_60
A = args[0]
if (A > 0x8ec) goto deny_60
return ALLOW
deny_60:
return ERRNO(61)
sys_61:
A = sys_number
if (A != kill) goto sys_62
A = args[0] >> 32
if (A != 0) goto deny_61
A = args[0]
if (A > 0x911) goto deny_61
A = args[1]
if (A & 0x80000000) goto deny_61
return LOG
deny_61:
return ERRNO(62)
sys_62:
A = sys_number
if (A != uname) goto sys_63
A = args[0] >> 32
if (A != 0) goto deny_62
A = args[0]
if (A > 0x936) goto deny_62
return ALLOW
deny_62:
return ERRNO(63)
sys_63:
A = sys_number
if (A != semget) goto sys_64
return ALLOW
sys_64:
A = sys_number
if (A != semop) goto sys_65
A = args[0] >> 32
if (A != 0) goto deny_64
A = args[0]
if (A > 0x980) goto deny_64
return ALLOW
deny_64:
return ERRNO(65)
sys_65:
A = sys_number
if (A != semctl) goto sys_66
A = args[0] >> 32
if (A != 0) goto deny_65
A = args[0]
if (A > 0x9a5) goto deny_65
A = args[1]
if (A & 0x80000000) goto deny_65
return LOG
deny_65:
return ERRNO(66)
sys_66:
A = sys_number
if (A != shmdt) goto sys_67
A = args[0] >> 32
if (A != 0) goto deny_66
A = args[0]
if (A > 0x9ca) goto deny_66
return ALLOW
deny_66:
return ERRNO(67)
sys_67:
A = sys_number
if (A != msgget) goto sys_68
return ALLOW
sys_68:
A = sys_number
if (A != msgsnd) goto sys_69
A = args[0] >> 32
if (A != 0) goto deny_68
A = args[0]
if (A > 0xa14) goto deny_68
return ALLOW
deny_68:
return ERRNO(69)
sys_69:
A = sys_number
if (A != msgrcv) goto sys_70
A = args[0] >> 32
if (A != 0) goto deny_69
A = args[0]
if (A > 0xa39) goto deny_69
A = args[1]
if (A & 0x80000000) goto deny_69
return LOG
deny_69:
return ERRNO(70)
sys_70:
A = sys_number
if (A != msgctl) goto sys_71
A = args[0] >> 32
if (A != 0) goto deny_70
A = args[0]
if (A > 0xa5e) goto deny_70
A = args[2] >> 32
if (A != 0) goto deny_70
A = args[2]
if (A >= 16384) goto deny_70
return ALLOW
deny_70:
return ERRNO(71)
sys_71:
A = sys_number
if (A != fcntl) goto sys_72
return ALLOW
sys_72:
A = sys_number
if (A != flock) goto sys_73
A = args[0] >> 32
if (A != 0) goto deny_72
A = args[0]
if (A > 0xaa8) goto deny_72
return ALLOW
deny_72:
return ERRNO(73)
sys_73:
A = sys_number
if (A != fsync) goto sys_74
A = args[0] >> 32
if (A != 0) goto deny_73
A = args[0]
if (A > 0xacd) goto deny_73
return LOG
deny_73:
return ERRNO(74)
sys_74:
A = sys_number
if (A != fdatasync) goto sys_75
A = args[0] >> 32
if (A != 0) goto deny_74
A = args[0]
if (A > 0xaf2) goto deny_74
return ALLOW
deny_74:
return ERRNO(75)
sys_75:
A = sys_number
if (A != truncate) goto sys_76
return ALLOW
sys_76:
A = sys_number
if (A != ftruncate) goto sys_77
A = args[0] >> 32
if (A != 0) goto deny_76
A = args[0]
if (A > 0xb3c) goto deny_76
return ALLOW
deny_76:
return ERRNO(77)
sys_77:
A = sys_number
if (A != getdents) goto sys_78
A = args[0] >> 32
if (A != 0) goto deny_77
A = args[0]
if (A > 0xb61) goto deny_77
A = args[1]
if (A & 0x80000000) goto deny_77
return LOG
deny_77:
return ERRNO(78)
sys_78:
A = sys_number
if (A != getcwd) goto sys_79
A = args[0] >> 32
if (A != 0) goto deny_78
A = args[0]
if (A > 0xb86) goto deny_78
return ALLOW
deny_78:
return ERRNO(79)
sys_79:
A = sys_number
if (A != chdir) goto sys_80
return ALLOW
sys_80:
A = sys_number
if (A != fchdir) goto sys_81
A = args[0] >> 32
if (A != 0) goto deny_80
A = args[0]
if (A > 0xbd0) goto deny_80
return ALLOW
deny_80:
return ERRNO(81)
sys_81:
A = sys_number
if (A != rename) goto sys_82
A = args[0] >> 32
if (A != 0) goto deny_81
A = args[0]
if (A > 0xbf5) goto deny_81
A = args[1]
if (A & 0x80000000) goto deny_81
return LOG
deny_81:
return ERRNO(82)
sys_82:
A = sys_number
if (A != mkdir) goto sys_83
A = args[0] >> 32
if (A != 0) goto deny_82
A = args[0]
if (A > 0xc1a) goto deny_82
return ALLOW
deny_82:
return ERRNO(83)
sys_83:
A = sys_number
if (A != rmdir) goto sys_84
return ALLOW
sys_84:
A = sys_number
if (A != creat) goto sys_85
A = args[0] >> 32
if (A != 0) goto deny_84
A = args[0]
if (A > 0xc64) goto deny_84
return ALLOW
deny_84:
return ERRNO(85)
sys_85:
A = sys_number
if (A != link) goto sys_86
A = args[0] >> 32
if (A != 0) goto deny_85
A = args[0]
if (A > 0xc89) goto deny_85
A = args[1]
if (A & 0x80000000) goto deny_85
return LOG
deny_85:
return ERRNO(86)
sys_86:
A = sys_number
if (A != unlink) goto sys_87
A = args[0] >> 32
if (A != 0) goto deny_86
A = args[0]
if (A > 0xcae) goto deny_86
return ALLOW
deny_86:
return ERRNO(87)
sys_87:
A = sys_number
if (A != symlink) goto sys_88
return ALLOW
sys_88:
A = sys_number
if (A != readlink) goto sys_89
A = args[0] >> 32
if (A != 0) goto deny_88
A = args[0]
if (A > 0xcf8) goto deny_88
return ALLOW
deny_88:
return ERRNO(89)
sys_89:
A = sys_number
if (A != chmod) goto sys_90
A = args[0] >> 32
if (A != 0) goto deny_89
A = args[0]
if (A > 0xd1d) goto deny_89
A = args[1]
if (A & 0x80000000) goto deny_89
return LOG
deny_89:
return ERRNO(90)
sys_90:
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
if (A == 0x5666) goto ioctl_ok_0
if (A == 0x5667) goto ioctl_ok_0
if (A == 0x5668) goto ioctl_ok_0
if (A == 0x567b) goto ioctl_ok_0
if (A == 0x567c) goto ioctl_ok_0
if (A == 0x567d) goto ioctl_ok_0
if (A == 0x5690) goto ioctl_ok_0
if (A == 0x5691) goto ioctl_ok_0
if (A == 0x5692) goto ioctl_ok_0
if (A == 0x56a5) goto ioctl_ok_0
if (A == 0x56a6) goto ioctl_ok_0
if (A == 0x56a7) goto ioctl_ok_0
if (A == 0x56ba) goto ioctl_ok_0
if (A == 0x56bb) goto ioctl_ok_0
if (A == 0x56bc) goto ioctl_ok_0
if (A == 0x56cf) goto ioctl_ok_0
if (A == 0x56d0) goto ioctl_ok_0
if (A == 0x56d1) goto ioctl_ok_0
if (A == 0x56e4) goto ioctl_ok_0
if (A == 0x56e5) goto ioctl_ok_0
if (A == 0x56e6) goto ioctl_ok_0
if (A == 0x56f9) goto ioctl_ok_0
if (A == 0x56fa) goto ioctl_ok_0
if (A == 0x56fb) goto ioctl_ok_0
if (A == 0x570e) goto ioctl_ok_0
if (A == 0x570f) goto ioctl_ok_0
if (A == 0x5710) goto ioctl_ok_0
if (A == 0x5723) goto ioctl_ok_0
if (A == 0x5724) goto ioctl_ok_0
if (A == 0x5725) goto ioctl_ok_0
if (A == 0x5738) goto ioctl_ok_0
if (A == 0x5739) goto ioctl_ok_0
if (A == 0x573a) goto ioctl_ok_0
if (A == 0x574d) goto ioctl_ok_0
if (A == 0x574e) goto ioctl_ok_0
if (A == 0x574f) goto ioctl_ok_0
if (A == 0x5762) goto ioctl_ok_0
if (A == 0x5763) goto ioctl_ok_0
if (A == 0x5764) goto ioctl_ok_0
if (A == 0x5777) goto ioctl_ok_0
if (A == 0x5778) goto ioctl_ok_0
if (A == 0x5779) goto ioctl_ok_0
if (A == 0x578c) goto ioctl_ok_0
if (A == 0x578d) goto ioctl_ok_0
if (A == 0x578e) goto ioctl_ok_0
if (A == 0x57a1) goto ioctl_ok_0
if (A == 0x57a2) goto ioctl_ok_0
if (A == 0x57a3) goto ioctl_ok_0
if (A == 0x57b6) goto ioctl_ok_0
if (A == 0x57b7) goto ioctl_ok_0
if (A == 0x57b8) goto ioctl_ok_0
if (A == 0x57cb) goto ioctl_ok_0
if (A == 0x57cc) goto ioctl_ok_0
if (A == 0x57cd) goto ioctl_ok_0
if (A == 0x57e0) goto ioctl_ok_0
if (A == 0x57e1) goto ioctl_ok_0
if (A == 0x57e2) goto ioctl_ok_0
if (A == 0x57f5) goto ioctl_ok_0
if (A == 0x57f6) goto ioctl_ok_0
if (A == 0x57f7) goto ioctl_ok_0
if (A == 0x580a) goto ioctl_ok_0
if (A == 0x580b) goto ioctl_ok_0
if (A == 0x580c) goto ioctl_ok_0
if (A == 0x581f) goto ioctl_ok_0
if (A == 0x5820) goto ioctl_ok_0
if (A == 0x5821) goto ioctl_ok_0
if (A == 0x5834) goto ioctl_ok_0
if (A == 0x5835) goto ioctl_ok_0
if (A == 0x5836) goto ioctl_ok_0
if (A == 0x5849) goto ioctl_ok_0
if (A == 0x584a) goto ioctl_ok_0
if (A == 0x584b) goto ioctl_ok_0
if (A == 0x585e) goto ioctl_ok_0
if (A == 0x585f) goto ioctl_ok_0
if (A == 0x5860) goto ioctl_ok_0
if (A == 0x5873) goto ioctl_ok_0
if (A == 0x5874) goto ioctl_ok_0
if (A == 0x5875) goto ioctl_ok_0
if (A == 0x5888) goto ioctl_ok_0
if (A == 0x5889) goto ioctl_ok_0
if (A == 0x588a) goto ioctl_ok_0
if (A == 0x589d) goto ioctl_ok_0
if (A == 0x589e) goto ioctl_ok_0
if (A == 0x589f) goto ioctl_ok_0
if (A == 0x58b2) goto ioctl_ok_0
if (A == 0x58b3) goto ioctl_ok_0
if (A == 0x58b4) goto ioctl_ok_0
if (A == 0x58c7) goto ioctl_ok_0
if (A == 0x58c8) goto ioctl_ok_0
if (A == 0x58c9) goto ioctl_ok_0
if (A == 0x58dc) goto ioctl_ok_0
if (A == 0x58dd) goto ioctl_ok_0
if (A == 0x58de) goto ioctl_ok_0
if (A == 0x58f1) goto ioctl_ok_0
if (A == 0x58f2) goto ioctl_ok_0
if (A == 0x58f3) goto ioctl_ok_0
if (A == 0x5906) goto ioctl_ok_0
if (A == 0x5907) goto ioctl_ok_0
if (A == 0x5908) goto ioctl_ok_0
if (A == 0x591b) goto ioctl_ok_0
if (A == 0x591c) goto ioctl_ok_0
if (A == 0x591d) goto ioctl_ok_0
if (A == 0x5930) goto ioctl_ok_0
if (A == 0x5931) goto ioctl_ok_0
if (A == 0x5932) goto ioctl_ok_0
if (A == 0x5945) goto ioctl_ok_0
if (A == 0x5946) goto ioctl_ok_0
if (A == 0x5947) goto ioctl_ok_0
if (A == 0x595a) goto ioctl_ok_0
goto ioctl_1
ioctl_ok_0:
return ALLOW
ioctl_1:
if (A == 0x595b) goto ioctl_ok_1
if (A == 0x595c) goto ioctl_ok_1
if (A == 0x596f) goto ioctl_ok_1
if (A == 0x5970) goto ioctl_ok_1
if (A == 0x5971) goto ioctl_ok_1
if (A == 0x5984) goto ioctl_ok_1
if (A == 0x5985) goto ioctl_ok_1
if (A == 0x5986) goto ioctl_ok_1
if (A == 0x5999) goto ioctl_ok_1
if (A == 0x599a) goto ioctl_ok_1
if (A == 0x599b) goto ioctl_ok_1
if (A == 0x59ae) goto ioctl_ok_1
if (A == 0x59af) goto ioctl_ok_1
if (A == 0x59b0) goto ioctl_ok_1
if (A == 0x59c3) goto ioctl_ok_1
if (A == 0x59c4) goto ioctl_ok_1
if (A == 0x59c5) goto ioctl_ok_1
if (A == 0x59d8) goto ioctl_ok_1
if (A == 0x59d9) goto ioctl_ok_1
if (A == 0x59da) goto ioctl_ok_1
if (A == 0x59ed) goto ioctl_ok_1
if (A == 0x59ee) goto ioctl_ok_1
if (A == 0x59ef) goto ioctl_ok_1
if (A == 0x5a02) goto ioctl_ok_1
if (A == 0x5a03) goto ioctl_ok_1
if (A == 0x5a04) goto ioctl_ok_1
if (A == 0x5a17) goto ioctl_ok_1
if (A == 0x5a18) goto ioctl_ok_1
if (A == 0x5a19) goto ioctl_ok_1
if (A == 0x5a2c) goto ioctl_ok_1
if (A == 0x5a2d) goto ioctl_ok_1
if (A == 0x5a2e) goto ioctl_ok_1
if (A == 0x5a41) goto ioctl_ok_1
if (A == 0x5a42) goto ioctl_ok_1
if (A == 0x5a43) goto ioctl_ok_1
if (A == 0x5a56) goto ioctl_ok_1
if (A == 0x5a57) goto ioctl_ok_1
if (A == 0x5a58) goto ioctl_ok_1
if (A == 0x5a6b) goto ioctl_ok_1
if (A == 0x5a6c) goto ioctl_ok_1
if (A == 0x5a6d) goto ioctl_ok_1
if (A == 0x5a80) goto ioctl_ok_1
if (A == 0x5a81) goto ioctl_ok_1
if (A == 0x5a82) goto ioctl_ok_1
if (A == 0x5a95) goto ioctl_ok_1
if (A == 0x5a96) goto ioctl_ok_1
if (A == 0x5a97) goto ioctl_ok_1
if (A == 0x5aaa) goto ioctl_ok_1
if (A == 0x5aab) goto ioctl_ok_1
if (A == 0x5aac) goto ioctl_ok_1
if (A == 0x5abf) goto ioctl_ok_1
if (A == 0x5ac0) goto ioctl_ok_1
if (A == 0x5ac1) goto ioctl_ok_1
if (A == 0x5ad4) goto ioctl_ok_1
if (A == 0x5ad5) goto ioctl_ok_1
if (A == 0x5ad6) goto ioctl_ok_1
if (A == 0x5ae9) goto ioctl_ok_1
if (A == 0x5aea) goto ioctl_ok_1
if (A == 0x5aeb) goto ioctl_ok_1
if (A == 0x5afe) goto ioctl_ok_1
if (A == 0x5aff) goto ioctl_ok_1
if (A == 0x5b00) goto ioctl_ok_1
if (A == 0x5b13) goto ioctl_ok_1
if (A == 0x5b14) goto ioctl_ok_1
if (A == 0x5b15) goto ioctl_ok_1
if (A == 0x5b28) goto ioctl_ok_1
if (A == 0x5b29) goto ioctl_ok_1
if (A == 0x5b2a) goto ioctl_ok_1
if (A == 0x5b3d) goto ioctl_ok_1
if (A == 0x5b3e) goto ioctl_ok_1
if (A == 0x5b3f) goto ioctl_ok_1
if (A == 0x5b52) goto ioctl_ok_1
if (A == 0x5b53) goto ioctl_ok_1
if (A == 0x5b54) goto ioctl_ok_1
if (A == 0x5b67) goto ioctl_ok_1
if (A == 0x5b68) goto ioctl_ok_1
if (A == 0x5b69) goto ioctl_ok_1
if (A == 0x5b7c) goto ioctl_ok_1
if (A == 0x5b7d) goto ioctl_ok_1
if (A == 0x5b7e) goto ioctl_ok_1
if (A == 0x5b91) goto ioctl_ok_1
if (A == 0x5b92) goto ioctl_ok_1
if (A == 0x5b93) goto ioctl_ok_1
if (A == 0x5ba6) goto ioctl_ok_1
if (A == 0x5ba7) goto ioctl_ok_1
if (A == 0x5ba8) goto ioctl_ok_1
if (A == 0x5bbb) goto ioctl_ok_1
if (A == 0x5bbc) goto ioctl_ok_1
if (A == 0x5bbd) goto ioctl_ok_1
if (A == 0x5bd0) goto ioctl_ok_1
if (A == 0x5bd1) goto ioctl_ok_1
if (A == 0x5bd2) goto ioctl_ok_1
if (A == 0x5be5) goto ioctl_ok_1
if (A == 0x5be6) goto ioctl_ok_1
if (A == 0x5be7) goto ioctl_ok_1
if (A == 0x5bfa) goto ioctl_ok_1
if (A == 0x5bfb) goto ioctl_ok_1
if (A == 0x5bfc) goto ioctl_ok_1
if (A == 0x5c0f) goto ioctl_ok_1
if (A == 0x5c10) goto ioctl_ok_1
if (A == 0x5c11) goto ioctl_ok_1
if (A == 0x5c24) goto ioctl_ok_1
if (A == 0x5c25) goto ioctl_ok_1
if (A == 0x5c26) goto ioctl_ok_1
if (A == 0x5c39) goto ioctl_ok_1
if (A == 0x5c3a) goto ioctl_ok_1
if (A == 0x5c3b) goto ioctl_ok_1
if (A == 0x5c4e) goto ioctl_ok_1
if (A == 0x5c4f) goto ioctl_ok_1
if (A == 0x5c50) goto ioctl_ok_1
if (A == 0x5c63) goto ioctl_ok_1
if (A == 0x5c64) goto ioctl_ok_1
if (A == 0x5c65) goto ioctl_ok_1
if (A == 0x5c78) goto ioctl_ok_1
if (A == 0x5c79) goto ioctl_ok_1
if (A == 0x5c7a) goto ioctl_ok_1
if (A == 0x5c8d) goto ioctl_ok_1
if (A == 0x5c8e) goto ioctl_ok_1
if (A == 0x5c8f) goto ioctl_ok_1
if (A == 0x5ca2) goto ioctl_ok_1
if (A == 0x5ca3) goto ioctl_ok_1
if (A == 0x5ca4) goto ioctl_ok_1
if (A == 0x5cb7) goto ioctl_ok_1
if (A == 0x5cb8) goto ioctl_ok_1
if (A == 0x5cb9) goto ioctl_ok_1
if (A == 0x5ccc) goto ioctl_ok_1
if (A == 0x5ccd) goto ioctl_ok_1
if (A == 0x5cce) goto ioctl_ok_1
if (A == 0x5ce1) goto ioctl_ok_1
if (A == 0x5ce2) goto ioctl_ok_1
if (A == 0x5ce3) goto ioctl_ok_1
if (A == 0x5cf6) goto ioctl_ok_1
if (A == 0x5cf7) goto ioctl_ok_1
if (A == 0x5cf8) goto ioctl_ok_1
if (A == 0x5d0b) goto ioctl_ok_1
if (A == 0x5d0c) goto ioctl_ok_1
if (A == 0x5d0d) goto ioctl_ok_1
if (A == 0x5d20) goto ioctl_ok_1
goto ioctl_2
ioctl_ok_1:
return ALLOW
ioctl_2:
return ERRNO(25)
