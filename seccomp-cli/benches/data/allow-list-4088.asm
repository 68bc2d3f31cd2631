# A realistic allow-list for amd64, 4088 instructions (the kernel's limit is
# 4096): the arch check, x32 syscalls refused with ENOSYS, then one block per
# syscall with checks on its arguments (both halves of 64-bit values), and a
# long allow-list of ioctl requests. Anything else kills the process.
# It is the input of the asm/disasm/emu benchmarks (see BENCHMARKS.md).
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
if (A != fchmod) goto sys_91
A = args[0] >> 32
if (A != 0) goto deny_90
A = args[0]
if (A > 0xd42) goto deny_90
return ALLOW
deny_90:
return ERRNO(91)
sys_91:
A = sys_number
if (A != chown) goto sys_92
return ALLOW
sys_92:
A = sys_number
if (A != fchown) goto sys_93
A = args[0] >> 32
if (A != 0) goto deny_92
A = args[0]
if (A > 0xd8c) goto deny_92
return ALLOW
deny_92:
return ERRNO(93)
sys_93:
A = sys_number
if (A != lchown) goto sys_94
A = args[0] >> 32
if (A != 0) goto deny_93
A = args[0]
if (A > 0xdb1) goto deny_93
A = args[1]
if (A & 0x80000000) goto deny_93
return LOG
deny_93:
return ERRNO(94)
sys_94:
A = sys_number
if (A != umask) goto sys_95
A = args[0] >> 32
if (A != 0) goto deny_94
A = args[0]
if (A > 0xdd6) goto deny_94
return ALLOW
deny_94:
return ERRNO(95)
sys_95:
A = sys_number
if (A != gettimeofday) goto sys_96
return ALLOW
sys_96:
A = sys_number
if (A != getrlimit) goto sys_97
A = args[0] >> 32
if (A != 0) goto deny_96
A = args[0]
if (A > 0xe20) goto deny_96
return ALLOW
deny_96:
return ERRNO(97)
sys_97:
A = sys_number
if (A != getrusage) goto sys_98
A = args[0] >> 32
if (A != 0) goto deny_97
A = args[0]
if (A > 0xe45) goto deny_97
A = args[1]
if (A & 0x80000000) goto deny_97
return LOG
deny_97:
return ERRNO(98)
sys_98:
A = sys_number
if (A != sysinfo) goto sys_99
A = args[0] >> 32
if (A != 0) goto deny_98
A = args[0]
if (A > 0xe6a) goto deny_98
return ALLOW
deny_98:
return ERRNO(99)
sys_99:
A = sys_number
if (A != times) goto sys_100
return ALLOW
sys_100:
A = sys_number
if (A != getuid) goto sys_101
return ALLOW
sys_101:
A = sys_number
if (A != syslog) goto sys_102
A = args[0] >> 32
if (A != 0) goto deny_101
A = args[0]
if (A > 0xed9) goto deny_101
A = args[1]
if (A & 0x80000000) goto deny_101
return LOG
deny_101:
return ERRNO(102)
sys_102:
A = sys_number
if (A != getgid) goto sys_103
return ALLOW
sys_103:
A = sys_number
if (A != setuid) goto sys_104
return ALLOW
sys_104:
A = sys_number
if (A != setgid) goto sys_105
A = args[0] >> 32
if (A != 0) goto deny_104
A = args[0]
if (A > 0xf48) goto deny_104
return ALLOW
deny_104:
return ERRNO(105)
sys_105:
A = sys_number
if (A != geteuid) goto sys_106
return ALLOW
sys_106:
A = sys_number
if (A != getegid) goto sys_107
return ALLOW
sys_107:
A = sys_number
if (A != setpgid) goto sys_108
return ALLOW
sys_108:
A = sys_number
if (A != getppid) goto sys_109
return ALLOW
sys_109:
A = sys_number
if (A != getpgrp) goto sys_110
return ALLOW
sys_110:
A = sys_number
if (A != setsid) goto sys_111
return ALLOW
sys_111:
A = sys_number
if (A != setreuid) goto sys_112
return ALLOW
sys_112:
A = sys_number
if (A != setregid) goto sys_113
A = args[0] >> 32
if (A != 0) goto deny_112
A = args[0]
if (A > 0x70) goto deny_112
return ALLOW
deny_112:
return ERRNO(113)
sys_113:
A = sys_number
if (A != getgroups) goto sys_114
A = args[0] >> 32
if (A != 0) goto deny_113
A = args[0]
if (A > 0x95) goto deny_113
A = args[1]
if (A & 0x80000000) goto deny_113
return LOG
deny_113:
return ERRNO(114)
sys_114:
A = sys_number
if (A != setgroups) goto sys_115
A = args[0] >> 32
if (A != 0) goto deny_114
A = args[0]
if (A > 0xba) goto deny_114
return ALLOW
deny_114:
return ERRNO(115)
sys_115:
A = sys_number
if (A != setresuid) goto sys_116
return ALLOW
sys_116:
A = sys_number
if (A != getresuid) goto sys_117
A = args[0] >> 32
if (A != 0) goto deny_116
A = args[0]
if (A > 0x104) goto deny_116
return ALLOW
deny_116:
return ERRNO(117)
sys_117:
A = sys_number
if (A != setresgid) goto sys_118
A = args[0] >> 32
if (A != 0) goto deny_117
A = args[0]
if (A > 0x129) goto deny_117
A = args[1]
if (A & 0x80000000) goto deny_117
return LOG
deny_117:
return ERRNO(118)
sys_118:
A = sys_number
if (A != getresgid) goto sys_119
A = args[0] >> 32
if (A != 0) goto deny_118
A = args[0]
if (A > 0x14e) goto deny_118
A = args[2] >> 32
if (A != 0) goto deny_118
A = args[2]
if (A >= 4194304) goto deny_118
return ALLOW
deny_118:
return ERRNO(119)
sys_119:
A = sys_number
if (A != getpgid) goto sys_120
return ALLOW
sys_120:
A = sys_number
if (A != setfsuid) goto sys_121
A = args[0] >> 32
if (A != 0) goto deny_120
A = args[0]
if (A > 0x198) goto deny_120
return ALLOW
deny_120:
return ERRNO(1)
sys_121:
A = sys_number
if (A != setfsgid) goto sys_122
A = args[0] >> 32
if (A != 0) goto deny_121
A = args[0]
if (A > 0x1bd) goto deny_121
return LOG
deny_121:
return ERRNO(2)
sys_122:
A = sys_number
if (A != getsid) goto sys_123
A = args[0] >> 32
if (A != 0) goto deny_122
A = args[0]
if (A > 0x1e2) goto deny_122
return ALLOW
deny_122:
return ERRNO(3)
sys_123:
A = sys_number
if (A != capget) goto sys_124
return ALLOW
sys_124:
A = sys_number
if (A != capset) goto sys_125
A = args[0] >> 32
if (A != 0) goto deny_124
A = args[0]
if (A > 0x22c) goto deny_124
return ALLOW
deny_124:
return ERRNO(5)
sys_125:
A = sys_number
if (A != rt_sigpending) goto sys_126
A = args[0] >> 32
if (A != 0) goto deny_125
A = args[0]
if (A > 0x251) goto deny_125
A = args[1]
if (A & 0x80000000) goto deny_125
return LOG
deny_125:
return ERRNO(6)
sys_126:
A = sys_number
if (A != rt_sigtimedwait) goto sys_127
A = args[0] >> 32
if (A != 0) goto deny_126
A = args[0]
if (A > 0x276) goto deny_126
A = args[2] >> 32
if (A != 0) goto deny_126
A = args[2]
if (A >= 1024) goto deny_126
return ALLOW
deny_126:
return ERRNO(7)
sys_127:
A = sys_number
if (A != rt_sigqueueinfo) goto sys_128
return ALLOW
sys_128:
A = sys_number
if (A != rt_sigsuspend) goto sys_129
A = args[0] >> 32
if (A != 0) goto deny_128
A = args[0]
if (A > 0x2c0) goto deny_128
return ALLOW
deny_128:
return ERRNO(9)
sys_129:
A = sys_number
if (A != sigaltstack) goto sys_130
A = args[0] >> 32
if (A != 0) goto deny_129
A = args[0]
if (A > 0x2e5) goto deny_129
A = args[1]
if (A & 0x80000000) goto deny_129
return LOG
deny_129:
return ERRNO(10)
sys_130:
A = sys_number
if (A != utime) goto sys_131
A = args[0] >> 32
if (A != 0) goto deny_130
A = args[0]
if (A > 0x30a) goto deny_130
return ALLOW
deny_130:
return ERRNO(11)
sys_131:
A = sys_number
if (A != mknod) goto sys_132
return ALLOW
sys_132:
A = sys_number
if (A != uselib) goto sys_133
A = args[0] >> 32
if (A != 0) goto deny_132
A = args[0]
if (A > 0x354) goto deny_132
return ALLOW
deny_132:
return ERRNO(13)
sys_133:
A = sys_number
if (A != personality) goto sys_134
A = args[0] >> 32
if (A != 0) goto deny_133
A = args[0]
if (A > 0x379) goto deny_133
return LOG
deny_133:
return ERRNO(14)
sys_134:
A = sys_number
if (A != ustat) goto sys_135
A = args[0] >> 32
if (A != 0) goto deny_134
A = args[0]
if (A > 0x39e) goto deny_134
return ALLOW
deny_134:
return ERRNO(15)
sys_135:
A = sys_number
if (A != statfs) goto sys_136
return ALLOW
sys_136:
A = sys_number
if (A != fstatfs) goto sys_137
A = args[0] >> 32
if (A != 0) goto deny_136
A = args[0]
if (A > 0x3e8) goto deny_136
return ALLOW
deny_136:
return ERRNO(17)
sys_137:
A = sys_number
if (A != sysfs) goto sys_138
A = args[0] >> 32
if (A != 0) goto deny_137
A = args[0]
if (A > 0x40d) goto deny_137
A = args[1]
if (A & 0x80000000) goto deny_137
return LOG
deny_137:
return ERRNO(18)
sys_138:
A = sys_number
if (A != getpriority) goto sys_139
A = args[0] >> 32
if (A != 0) goto deny_138
A = args[0]
if (A > 0x432) goto deny_138
return ALLOW
deny_138:
return ERRNO(19)
sys_139:
A = sys_number
if (A != setpriority) goto sys_140
return ALLOW
sys_140:
A = sys_number
if (A != sched_setparam) goto sys_141
A = args[0] >> 32
if (A != 0) goto deny_140
A = args[0]
if (A > 0x47c) goto deny_140
return ALLOW
deny_140:
return ERRNO(21)
sys_141:
A = sys_number
if (A != sched_getparam) goto sys_142
A = args[0] >> 32
if (A != 0) goto deny_141
A = args[0]
if (A > 0x4a1) goto deny_141
A = args[1]
if (A & 0x80000000) goto deny_141
return LOG
deny_141:
return ERRNO(22)
sys_142:
A = sys_number
if (A != sched_setscheduler) goto sys_143
A = args[0] >> 32
if (A != 0) goto deny_142
A = args[0]
if (A > 0x4c6) goto deny_142
A = args[2] >> 32
if (A != 0) goto deny_142
A = args[2]
if (A >= 64) goto deny_142
return ALLOW
deny_142:
return ERRNO(23)
sys_143:
A = sys_number
if (A != sched_getscheduler) goto sys_144
return ALLOW
sys_144:
A = sys_number
if (A != sched_get_priority_max) goto sys_145
A = args[0] >> 32
if (A != 0) goto deny_144
A = args[0]
if (A > 0x510) goto deny_144
return ALLOW
deny_144:
return ERRNO(25)
sys_145:
A = sys_number
if (A != sched_get_priority_min) goto sys_146
A = args[0] >> 32
if (A != 0) goto deny_145
A = args[0]
if (A > 0x535) goto deny_145
return LOG
deny_145:
return ERRNO(26)
sys_146:
A = sys_number
if (A != sched_rr_get_interval) goto sys_147
A = args[0] >> 32
if (A != 0) goto deny_146
A = args[0]
if (A > 0x55a) goto deny_146
return ALLOW
deny_146:
return ERRNO(27)
sys_147:
A = sys_number
if (A != mlock) goto sys_148
return ALLOW
sys_148:
A = sys_number
if (A != munlock) goto sys_149
A = args[0] >> 32
if (A != 0) goto deny_148
A = args[0]
if (A > 0x5a4) goto deny_148
return ALLOW
deny_148:
return ERRNO(29)
sys_149:
A = sys_number
if (A != mlockall) goto sys_150
A = args[0] >> 32
if (A != 0) goto deny_149
A = args[0]
if (A > 0x5c9) goto deny_149
return LOG
deny_149:
return ERRNO(30)
sys_150:
A = sys_number
if (A != munlockall) goto sys_151
return ALLOW
sys_151:
A = sys_number
if (A != vhangup) goto sys_152
return ALLOW
sys_152:
A = sys_number
if (A != modify_ldt) goto sys_153
return ALLOW
sys_153:
A = sys_number
if (A != _sysctl) goto sys_154
A = args[0] >> 32
if (A != 0) goto deny_153
A = args[0]
if (A > 0x65d) goto deny_153
return LOG
deny_153:
return ERRNO(34)
sys_154:
A = sys_number
if (A != prctl) goto sys_155
A = args[0] >> 32
if (A != 0) goto deny_154
A = args[0]
if (A > 0x682) goto deny_154
A = args[2] >> 32
if (A != 0) goto deny_154
A = args[2]
if (A >= 262144) goto deny_154
return ALLOW
deny_154:
return ERRNO(35)
sys_155:
A = sys_number
if (A != arch_prctl) goto sys_156
return ALLOW
sys_156:
A = sys_number
if (A != adjtimex) goto sys_157
A = args[0] >> 32
if (A != 0) goto deny_156
A = args[0]
if (A > 0x6cc) goto deny_156
return ALLOW
deny_156:
return ERRNO(37)
sys_157:
A = sys_number
if (A != setrlimit) goto sys_158
A = args[0] >> 32
if (A != 0) goto deny_157
A = args[0]
if (A > 0x6f1) goto deny_157
A = args[1]
if (A & 0x80000000) goto deny_157
return LOG
deny_157:
return ERRNO(38)
sys_158:
A = sys_number
if (A != chroot) goto sys_159
A = args[0] >> 32
if (A != 0) goto deny_158
A = args[0]
if (A > 0x716) goto deny_158
return ALLOW
deny_158:
return ERRNO(39)
sys_159:
A = sys_number
if (A != sync) goto sys_160
return ALLOW
sys_160:
A = sys_number
if (A != settimeofday) goto sys_161
A = args[0] >> 32
if (A != 0) goto deny_160
A = args[0]
if (A > 0x760) goto deny_160
return ALLOW
deny_160:
return ERRNO(41)
sys_161:
A = sys_number
if (A != sethostname) goto sys_162
A = args[0] >> 32
if (A != 0) goto deny_161
A = args[0]
if (A > 0x785) goto deny_161
A = args[1]
if (A & 0x80000000) goto deny_161
return LOG
deny_161:
return ERRNO(42)
sys_162:
A = sys_number
if (A != setdomainname) goto sys_163
A = args[0] >> 32
if (A != 0) goto deny_162
A = args[0]
if (A > 0x7aa) goto deny_162
return ALLOW
deny_162:
return ERRNO(43)
sys_163:
A = sys_number
if (A != iopl) goto sys_164
return ALLOW
sys_164:
A = sys_number
if (A != ioperm) goto sys_165
A = args[0] >> 32
if (A != 0) goto deny_164
A = args[0]
if (A > 0x7f4) goto deny_164
return ALLOW
deny_164:
return ERRNO(45)
sys_165:
A = sys_number
if (A != create_module) goto sys_166
return ALLOW
sys_166:
A = sys_number
if (A != get_kernel_syms) goto sys_167
return ALLOW
sys_167:
A = sys_number
if (A != query_module) goto sys_168
return ALLOW
sys_168:
A = sys_number
if (A != quotactl) goto sys_169
A = args[0] >> 32
if (A != 0) goto deny_168
A = args[0]
if (A > 0x888) goto deny_168
return ALLOW
deny_168:
return ERRNO(49)
sys_169:
A = sys_number
if (A != nfsservctl) goto sys_170
return ALLOW
sys_170:
A = sys_number
if (A != getpmsg) goto sys_171
return ALLOW
sys_171:
A = sys_number
if (A != putpmsg) goto sys_172
return ALLOW
sys_172:
A = sys_number
if (A != afs_syscall) goto sys_173
return ALLOW
sys_173:
A = sys_number
if (A != tuxcall) goto sys_174
return ALLOW
sys_174:
A = sys_number
if (A != security) goto sys_175
return ALLOW
sys_175:
A = sys_number
if (A != gettid) goto sys_176
return ALLOW
sys_176:
A = sys_number
if (A != readahead) goto sys_177
A = args[0] >> 32
if (A != 0) goto deny_176
A = args[0]
if (A > 0x9b0) goto deny_176
return ALLOW
deny_176:
return ERRNO(57)
sys_177:
A = sys_number
if (A != setxattr) goto sys_178
A = args[0] >> 32
if (A != 0) goto deny_177
A = args[0]
if (A > 0x9d5) goto deny_177
A = args[1]
if (A & 0x80000000) goto deny_177
return LOG
deny_177:
return ERRNO(58)
sys_178:
A = sys_number
if (A != lsetxattr) goto sys_179
A = args[0] >> 32
if (A != 0) goto deny_178
A = args[0]
if (A > 0x9fa) goto deny_178
A = args[2] >> 32
if (A != 0) goto deny_178
A = args[2]
if (A >= 4194304) goto deny_178
return ALLOW
deny_178:
return ERRNO(59)
sys_179:
A = sys_number
if (A != fsetxattr) goto sys_180
return ALLOW
sys_180:
A = sys_number
if (A != getxattr) goto sys_181
A = args[0] >> 32
if (A != 0) goto deny_180
A = args[0]
if (A > 0xa44) goto deny_180
return ALLOW
deny_180:
return ERRNO(61)
sys_181:
A = sys_number
if (A != lgetxattr) goto sys_182
A = args[0] >> 32
if (A != 0) goto deny_181
A = args[0]
if (A > 0xa69) goto deny_181
A = args[1]
if (A & 0x80000000) goto deny_181
return LOG
deny_181:
return ERRNO(62)
sys_182:
A = sys_number
if (A != fgetxattr) goto sys_183
A = args[0] >> 32
if (A != 0) goto deny_182
A = args[0]
if (A > 0xa8e) goto deny_182
A = args[2] >> 32
if (A != 0) goto deny_182
A = args[2]
if (A >= 64) goto deny_182
return ALLOW
deny_182:
return ERRNO(63)
sys_183:
A = sys_number
if (A != listxattr) goto sys_184
return ALLOW
sys_184:
A = sys_number
if (A != llistxattr) goto sys_185
A = args[0] >> 32
if (A != 0) goto deny_184
A = args[0]
if (A > 0xad8) goto deny_184
return ALLOW
deny_184:
return ERRNO(65)
sys_185:
A = sys_number
if (A != flistxattr) goto sys_186
A = args[0] >> 32
if (A != 0) goto deny_185
A = args[0]
if (A > 0xafd) goto deny_185
A = args[1]
if (A & 0x80000000) goto deny_185
return LOG
deny_185:
return ERRNO(66)
sys_186:
A = sys_number
if (A != removexattr) goto sys_187
A = args[0] >> 32
if (A != 0) goto deny_186
A = args[0]
if (A > 0xb22) goto deny_186
return ALLOW
deny_186:
return ERRNO(67)
sys_187:
A = sys_number
if (A != lremovexattr) goto sys_188
return ALLOW
sys_188:
A = sys_number
if (A != fremovexattr) goto sys_189
A = args[0] >> 32
if (A != 0) goto deny_188
A = args[0]
if (A > 0xb6c) goto deny_188
return ALLOW
deny_188:
return ERRNO(69)
sys_189:
A = sys_number
if (A != tkill) goto sys_190
A = args[0] >> 32
if (A != 0) goto deny_189
A = args[0]
if (A > 0xb91) goto deny_189
A = args[1]
if (A & 0x80000000) goto deny_189
return LOG
deny_189:
return ERRNO(70)
sys_190:
A = sys_number
if (A != time) goto sys_191
A = args[0] >> 32
if (A != 0) goto deny_190
A = args[0]
if (A > 0xbb6) goto deny_190
return ALLOW
deny_190:
return ERRNO(71)
sys_191:
A = sys_number
if (A != futex) goto sys_192
return ALLOW
sys_192:
A = sys_number
if (A != sched_setaffinity) goto sys_193
A = args[0] >> 32
if (A != 0) goto deny_192
A = args[0]
if (A > 0xc00) goto deny_192
return ALLOW
deny_192:
return ERRNO(73)
sys_193:
A = sys_number
if (A != sched_getaffinity) goto sys_194
A = args[0] >> 32
if (A != 0) goto deny_193
A = args[0]
if (A > 0xc25) goto deny_193
A = args[1]
if (A & 0x80000000) goto deny_193
return LOG
deny_193:
return ERRNO(74)
sys_194:
A = sys_number
if (A != set_thread_area) goto sys_195
return ALLOW
sys_195:
A = sys_number
if (A != io_setup) goto sys_196
return ALLOW
sys_196:
A = sys_number
if (A != io_destroy) goto sys_197
A = args[0] >> 32
if (A != 0) goto deny_196
A = args[0]
if (A > 0xc94) goto deny_196
return ALLOW
deny_196:
return ERRNO(77)
sys_197:
A = sys_number
if (A != io_getevents) goto sys_198
A = args[0] >> 32
if (A != 0) goto deny_197
A = args[0]
if (A > 0xcb9) goto deny_197
A = args[1]
if (A & 0x80000000) goto deny_197
return LOG
deny_197:
return ERRNO(78)
sys_198:
A = sys_number
if (A != io_submit) goto sys_199
A = args[0] >> 32
if (A != 0) goto deny_198
A = args[0]
if (A > 0xcde) goto deny_198
A = args[2] >> 32
if (A != 0) goto deny_198
A = args[2]
if (A >= 4194304) goto deny_198
return ALLOW
deny_198:
return ERRNO(79)
sys_199:
A = sys_number
if (A != io_cancel) goto sys_200
return ALLOW
sys_200:
A = sys_number
if (A != get_thread_area) goto sys_201
return ALLOW
sys_201:
A = sys_number
if (A != lookup_dcookie) goto sys_202
return ALLOW
sys_202:
A = sys_number
if (A != epoll_create) goto sys_203
A = args[0] >> 32
if (A != 0) goto deny_202
A = args[0]
if (A > 0xd72) goto deny_202
return ALLOW
deny_202:
return ERRNO(83)
sys_203:
A = sys_number
if (A != epoll_ctl_old) goto sys_204
return ALLOW
sys_204:
A = sys_number
if (A != epoll_wait_old) goto sys_205
return ALLOW
sys_205:
A = sys_number
if (A != remap_file_pages) goto sys_206
A = args[0] >> 32
if (A != 0) goto deny_205
A = args[0]
if (A > 0xde1) goto deny_205
A = args[1]
if (A & 0x80000000) goto deny_205
return LOG
deny_205:
return ERRNO(86)
sys_206:
A = sys_number
if (A != getdents64) goto sys_207
A = args[0] >> 32
if (A != 0) goto deny_206
A = args[0]
if (A > 0xe06) goto deny_206
A = args[2] >> 32
if (A != 0) goto deny_206
A = args[2]
if (A >= 1024) goto deny_206
return ALLOW
deny_206:
return ERRNO(87)
sys_207:
A = sys_number
if (A != set_tid_address) goto sys_208
return ALLOW
sys_208:
A = sys_number
if (A != restart_syscall) goto sys_209
return ALLOW
sys_209:
A = sys_number
if (A != semtimedop) goto sys_210
A = args[0] >> 32
if (A != 0) goto deny_209
A = args[0]
if (A > 0xe75) goto deny_209
A = args[1]
if (A & 0x80000000) goto deny_209
return LOG
deny_209:
return ERRNO(90)
sys_210:
A = sys_number
if (A != fadvise64) goto sys_211
A = args[0] >> 32
if (A != 0) goto deny_210
A = args[0]
if (A > 0xe9a) goto deny_210
A = args[2] >> 32
if (A != 0) goto deny_210
A = args[2]
if (A >= 16384) goto deny_210
return ALLOW
deny_210:
return ERRNO(91)
sys_211:
A = sys_number
if (A != timer_create) goto sys_212
return ALLOW
sys_212:
A = sys_number
if (A != timer_settime) goto sys_213
A = args[0] >> 32
if (A != 0) goto deny_212
A = args[0]
if (A > 0xee4) goto deny_212
return ALLOW
deny_212:
return ERRNO(93)
sys_213:
A = sys_number
if (A != timer_gettime) goto sys_214
A = args[0] >> 32
if (A != 0) goto deny_213
A = args[0]
if (A > 0xf09) goto deny_213
A = args[1]
if (A & 0x80000000) goto deny_213
return LOG
deny_213:
return ERRNO(94)
sys_214:
A = sys_number
if (A != timer_getoverrun) goto sys_215
A = args[0] >> 32
if (A != 0) goto deny_214
A = args[0]
if (A > 0xf2e) goto deny_214
return ALLOW
deny_214:
return ERRNO(95)
sys_215:
A = sys_number
if (A != timer_delete) goto sys_216
return ALLOW
sys_216:
A = sys_number
if (A != clock_settime) goto sys_217
A = args[0] >> 32
if (A != 0) goto deny_216
A = args[0]
if (A > 0xf78) goto deny_216
return ALLOW
deny_216:
return ERRNO(97)
sys_217:
A = sys_number
if (A != clock_gettime) goto sys_218
A = args[0] >> 32
if (A != 0) goto deny_217
A = args[0]
if (A > 0xf9d) goto deny_217
A = args[1]
if (A & 0x80000000) goto deny_217
return LOG
deny_217:
return ERRNO(98)
sys_218:
A = sys_number
if (A != clock_getres) goto sys_219
A = args[0] >> 32
if (A != 0) goto deny_218
A = args[0]
if (A > 0xfc2) goto deny_218
return ALLOW
deny_218:
return ERRNO(99)
sys_219:
A = sys_number
if (A != clock_nanosleep) goto sys_220
return ALLOW
sys_220:
A = sys_number
if (A != exit_group) goto sys_221
A = args[0] >> 32
if (A != 0) goto deny_220
A = args[0]
if (A > 0x100c) goto deny_220
return ALLOW
deny_220:
return ERRNO(101)
sys_221:
A = sys_number
if (A != epoll_wait) goto sys_222
A = args[0] >> 32
if (A != 0) goto deny_221
A = args[0]
if (A > 0x1031) goto deny_221
A = args[1]
if (A & 0x80000000) goto deny_221
return LOG
deny_221:
return ERRNO(102)
sys_222:
A = sys_number
if (A != epoll_ctl) goto sys_223
A = args[0] >> 32
if (A != 0) goto deny_222
A = args[0]
if (A > 0x56) goto deny_222
A = args[2] >> 32
if (A != 0) goto deny_222
A = args[2]
if (A >= 64) goto deny_222
return ALLOW
deny_222:
return ERRNO(103)
sys_223:
A = sys_number
if (A != tgkill) goto sys_224
return ALLOW
sys_224:
A = sys_number
if (A != utimes) goto sys_225
A = args[0] >> 32
if (A != 0) goto deny_224
A = args[0]
if (A > 0xa0) goto deny_224
return ALLOW
deny_224:
return ERRNO(105)
sys_225:
A = sys_number
if (A != vserver) goto sys_226
return ALLOW
sys_226:
A = sys_number
if (A != mbind) goto sys_227
A = args[0] >> 32
if (A != 0) goto deny_226
A = args[0]
if (A > 0xea) goto deny_226
A = args[2] >> 32
if (A != 0) goto deny_226
A = args[2]
if (A >= 1024) goto deny_226
return ALLOW
deny_226:
return ERRNO(107)
sys_227:
A = sys_number
if (A != set_mempolicy) goto sys_228
return ALLOW
sys_228:
A = sys_number
if (A != get_mempolicy) goto sys_229
A = args[0] >> 32
if (A != 0) goto deny_228
A = args[0]
if (A > 0x134) goto deny_228
return ALLOW
deny_228:
return ERRNO(109)
sys_229:
A = sys_number
if (A != mq_open) goto sys_230
A = args[0] >> 32
if (A != 0) goto deny_229
A = args[0]
if (A > 0x159) goto deny_229
A = args[1]
if (A & 0x80000000) goto deny_229
return LOG
deny_229:
return ERRNO(110)
sys_230:
A = sys_number
if (A != mq_unlink) goto sys_231
A = args[0] >> 32
if (A != 0) goto deny_230
A = args[0]
if (A > 0x17e) goto deny_230
return ALLOW
deny_230:
return ERRNO(111)
sys_231:
A = sys_number
if (A != mq_timedsend) goto sys_232
return ALLOW
sys_232:
A = sys_number
if (A != mq_timedreceive) goto sys_233
A = args[0] >> 32
if (A != 0) goto deny_232
A = args[0]
if (A > 0x1c8) goto deny_232
return ALLOW
deny_232:
return ERRNO(113)
sys_233:
A = sys_number
if (A != mq_notify) goto sys_234
A = args[0] >> 32
if (A != 0) goto deny_233
A = args[0]
if (A > 0x1ed) goto deny_233
A = args[1]
if (A & 0x80000000) goto deny_233
return LOG
deny_233:
return ERRNO(114)
sys_234:
A = sys_number
if (A != mq_getsetattr) goto sys_235
A = args[0] >> 32
if (A != 0) goto deny_234
A = args[0]
if (A > 0x212) goto deny_234
A = args[2] >> 32
if (A != 0) goto deny_234
A = args[2]
if (A >= 262144) goto deny_234
return ALLOW
deny_234:
return ERRNO(115)
sys_235:
A = sys_number
if (A != waitid) goto sys_236
return ALLOW
sys_236:
A = sys_number
if (A != add_key) goto sys_237
A = args[0] >> 32
if (A != 0) goto deny_236
A = args[0]
if (A > 0x25c) goto deny_236
return ALLOW
deny_236:
return ERRNO(117)
sys_237:
A = sys_number
if (A != request_key) goto sys_238
A = args[0] >> 32
if (A != 0) goto deny_237
A = args[0]
if (A > 0x281) goto deny_237
A = args[1]
if (A & 0x80000000) goto deny_237
return LOG
deny_237:
return ERRNO(118)
sys_238:
A = sys_number
if (A != keyctl) goto sys_239
A = args[0] >> 32
if (A != 0) goto deny_238
A = args[0]
if (A > 0x2a6) goto deny_238
A = args[2] >> 32
if (A != 0) goto deny_238
A = args[2]
if (A >= 4194304) goto deny_238
return ALLOW
deny_238:
return ERRNO(119)
sys_239:
A = sys_number
if (A != ioprio_set) goto sys_240
return ALLOW
sys_240:
A = sys_number
if (A != ioprio_get) goto sys_241
A = args[0] >> 32
if (A != 0) goto deny_240
A = args[0]
if (A > 0x2f0) goto deny_240
return ALLOW
deny_240:
return ERRNO(1)
sys_241:
A = sys_number
if (A != inotify_init) goto sys_242
return ALLOW
sys_242:
A = sys_number
if (A != inotify_add_watch) goto sys_243
A = args[0] >> 32
if (A != 0) goto deny_242
A = args[0]
if (A > 0x33a) goto deny_242
A = args[2] >> 32
if (A != 0) goto deny_242
A = args[2]
if (A >= 64) goto deny_242
return ALLOW
deny_242:
return ERRNO(3)
sys_243:
A = sys_number
if (A != inotify_rm_watch) goto sys_244
return ALLOW
sys_244:
A = sys_number
if (A != migrate_pages) goto sys_245
A = args[0] >> 32
if (A != 0) goto deny_244
A = args[0]
if (A > 0x384) goto deny_244
return ALLOW
deny_244:
return ERRNO(5)
sys_245:
A = sys_number
if (A != openat) goto sys_246
A = args[0] >> 32
if (A != 0) goto deny_245
A = args[0]
if (A > 0x3a9) goto deny_245
A = args[1]
if (A & 0x80000000) goto deny_245
return LOG
deny_245:
return ERRNO(6)
sys_246:
A = sys_number
if (A != mkdirat) goto sys_247
A = args[0] >> 32
if (A != 0) goto deny_246
A = args[0]
if (A > 0x3ce) goto deny_246
A = args[2] >> 32
if (A != 0) goto deny_246
A = args[2]
if (A >= 1024) goto deny_246
return ALLOW
deny_246:
return ERRNO(7)
sys_247:
A = sys_number
if (A != mknodat) goto sys_248
return ALLOW
sys_248:
A = sys_number
if (A != fchownat) goto sys_249
A = args[0] >> 32
if (A != 0) goto deny_248
A = args[0]
if (A > 0x418) goto deny_248
return ALLOW
deny_248:
return ERRNO(9)
sys_249:
A = sys_number
if (A != futimesat) goto sys_250
A = args[0] >> 32
if (A != 0) goto deny_249
A = args[0]
if (A > 0x43d) goto deny_249
A = args[1]
if (A & 0x80000000) goto deny_249
return LOG
deny_249:
return ERRNO(10)
sys_250:
A = sys_number
if (A != newfstatat) goto sys_251
A = args[0] >> 32
if (A != 0) goto deny_250
A = args[0]
if (A > 0x462) goto deny_250
A = args[2] >> 32
if (A != 0) goto deny_250
A = args[2]
if (A >= 16384) goto deny_250
return ALLOW
deny_250:
return ERRNO(11)
sys_251:
A = sys_number
if (A != unlinkat) goto sys_252
return ALLOW
sys_252:
A = sys_number
if (A != renameat) goto sys_253
A = args[0] >> 32
if (A != 0) goto deny_252
A = args[0]
if (A > 0x4ac) goto deny_252
return ALLOW
deny_252:
return ERRNO(13)
sys_253:
A = sys_number
if (A != linkat) goto sys_254
A = args[0] >> 32
if (A != 0) goto deny_253
A = args[0]
if (A > 0x4d1) goto deny_253
A = args[1]
if (A & 0x80000000) goto deny_253
return LOG
deny_253:
return ERRNO(14)
sys_254:
A = sys_number
if (A != symlinkat) goto sys_255
A = args[0] >> 32
if (A != 0) goto deny_254
A = args[0]
if (A > 0x4f6) goto deny_254
A = args[2] >> 32
if (A != 0) goto deny_254
A = args[2]
if (A >= 262144) goto deny_254
return ALLOW
deny_254:
return ERRNO(15)
sys_255:
A = sys_number
if (A != readlinkat) goto sys_256
return ALLOW
sys_256:
A = sys_number
if (A != fchmodat) goto sys_257
A = args[0] >> 32
if (A != 0) goto deny_256
A = args[0]
if (A > 0x540) goto deny_256
return ALLOW
deny_256:
return ERRNO(17)
sys_257:
A = sys_number
if (A != faccessat) goto sys_258
A = args[0] >> 32
if (A != 0) goto deny_257
A = args[0]
if (A > 0x565) goto deny_257
A = args[1]
if (A & 0x80000000) goto deny_257
return LOG
deny_257:
return ERRNO(18)
sys_258:
A = sys_number
if (A != pselect6) goto sys_259
A = args[0] >> 32
if (A != 0) goto deny_258
A = args[0]
if (A > 0x58a) goto deny_258
A = args[2] >> 32
if (A != 0) goto deny_258
A = args[2]
if (A >= 4194304) goto deny_258
return ALLOW
deny_258:
return ERRNO(19)
sys_259:
A = sys_number
if (A != ppoll) goto sys_260
return ALLOW
sys_260:
A = sys_number
if (A != unshare) goto sys_261
A = args[0] >> 32
if (A != 0) goto deny_260
A = args[0]
if (A > 0x5d4) goto deny_260
return ALLOW
deny_260:
return ERRNO(21)
sys_261:
A = sys_number
if (A != set_robust_list) goto sys_262
A = args[0] >> 32
if (A != 0) goto deny_261
A = args[0]
if (A > 0x5f9) goto deny_261
A = args[1]
if (A & 0x80000000) goto deny_261
return LOG
deny_261:
return ERRNO(22)
sys_262:
A = sys_number
if (A != get_robust_list) goto sys_263
A = args[0] >> 32
if (A != 0) goto deny_262
A = args[0]
if (A > 0x61e) goto deny_262
A = args[2] >> 32
if (A != 0) goto deny_262
A = args[2]
if (A >= 64) goto deny_262
return ALLOW
deny_262:
return ERRNO(23)
sys_263:
A = sys_number
if (A != splice) goto sys_264
return ALLOW
sys_264:
A = sys_number
if (A != tee) goto sys_265
A = args[0] >> 32
if (A != 0) goto deny_264
A = args[0]
if (A > 0x668) goto deny_264
return ALLOW
deny_264:
return ERRNO(25)
sys_265:
A = sys_number
if (A != sync_file_range) goto sys_266
A = args[0] >> 32
if (A != 0) goto deny_265
A = args[0]
if (A > 0x68d) goto deny_265
A = args[1]
if (A & 0x80000000) goto deny_265
return LOG
deny_265:
return ERRNO(26)
sys_266:
A = sys_number
if (A != vmsplice) goto sys_267
A = args[0] >> 32
if (A != 0) goto deny_266
A = args[0]
if (A > 0x6b2) goto deny_266
A = args[2] >> 32
if (A != 0) goto deny_266
A = args[2]
if (A >= 1024) goto deny_266
return ALLOW
deny_266:
return ERRNO(27)
sys_267:
A = sys_number
if (A != move_pages) goto sys_268
return ALLOW
sys_268:
A = sys_number
if (A != utimensat) goto sys_269
A = args[0] >> 32
if (A != 0) goto deny_268
A = args[0]
if (A > 0x6fc) goto deny_268
return ALLOW
deny_268:
return ERRNO(29)
sys_269:
A = sys_number
if (A != epoll_pwait) goto sys_270
A = args[0] >> 32
if (A != 0) goto deny_269
A = args[0]
if (A > 0x721) goto deny_269
A = args[1]
if (A & 0x80000000) goto deny_269
return LOG
deny_269:
return ERRNO(30)
sys_270:
A = sys_number
if (A != signalfd) goto sys_271
A = args[0] >> 32
if (A != 0) goto deny_270
A = args[0]
if (A > 0x746) goto deny_270
A = args[2] >> 32
if (A != 0) goto deny_270
A = args[2]
if (A >= 16384) goto deny_270
return ALLOW
deny_270:
return ERRNO(31)
sys_271:
A = sys_number
if (A != timerfd) goto sys_272
return ALLOW
sys_272:
A = sys_number
if (A != eventfd) goto sys_273
A = args[0] >> 32
if (A != 0) goto deny_272
A = args[0]
if (A > 0x790) goto deny_272
return ALLOW
deny_272:
return ERRNO(33)
sys_273:
A = sys_number
if (A != fallocate) goto sys_274
A = args[0] >> 32
if (A != 0) goto deny_273
A = args[0]
if (A > 0x7b5) goto deny_273
A = args[1]
if (A & 0x80000000) goto deny_273
return LOG
deny_273:
return ERRNO(34)
sys_274:
A = sys_number
if (A != timerfd_settime) goto sys_275
A = args[0] >> 32
if (A != 0) goto deny_274
A = args[0]
if (A > 0x7da) goto deny_274
A = args[2] >> 32
if (A != 0) goto deny_274
A = args[2]
if (A >= 262144) goto deny_274
return ALLOW
deny_274:
return ERRNO(35)
sys_275:
A = sys_number
if (A != timerfd_gettime) goto sys_276
return ALLOW
sys_276:
A = sys_number
if (A != accept4) goto sys_277
A = args[0] >> 32
if (A != 0) goto deny_276
A = args[0]
if (A > 0x824) goto deny_276
return ALLOW
deny_276:
return ERRNO(37)
sys_277:
A = sys_number
if (A != signalfd4) goto sys_278
A = args[0] >> 32
if (A != 0) goto deny_277
A = args[0]
if (A > 0x849) goto deny_277
A = args[1]
if (A & 0x80000000) goto deny_277
return LOG
deny_277:
return ERRNO(38)
sys_278:
A = sys_number
if (A != eventfd2) goto sys_279
A = args[0] >> 32
if (A != 0) goto deny_278
A = args[0]
if (A > 0x86e) goto deny_278
return ALLOW
deny_278:
return ERRNO(39)
sys_279:
A = sys_number
if (A != epoll_create1) goto sys_280
return ALLOW
sys_280:
A = sys_number
if (A != dup3) goto sys_281
A = args[0] >> 32
if (A != 0) goto deny_280
A = args[0]
if (A > 0x8b8) goto deny_280
return ALLOW
deny_280:
return ERRNO(41)
sys_281:
A = sys_number
if (A != pipe2) goto sys_282
A = args[0] >> 32
if (A != 0) goto deny_281
A = args[0]
if (A > 0x8dd) goto deny_281
A = args[1]
if (A & 0x80000000) goto deny_281
return LOG
deny_281:
return ERRNO(42)
sys_282:
A = sys_number
if (A != inotify_init1) goto sys_283
A = args[0] >> 32
if (A != 0) goto deny_282
A = args[0]
if (A > 0x902) goto deny_282
return ALLOW
deny_282:
return ERRNO(43)
sys_283:
A = sys_number
if (A != preadv) goto sys_284
return ALLOW
sys_284:
A = sys_number
if (A != pwritev) goto sys_285
A = args[0] >> 32
if (A != 0) goto deny_284
A = args[0]
if (A > 0x94c) goto deny_284
return ALLOW
deny_284:
return ERRNO(45)
sys_285:
A = sys_number
if (A != rt_tgsigqueueinfo) goto sys_286
A = args[0] >> 32
if (A != 0) goto deny_285
A = args[0]
if (A > 0x971) goto deny_285
A = args[1]
if (A & 0x80000000) goto deny_285
return LOG
deny_285:
return ERRNO(46)
sys_286:
A = sys_number
if (A != recvmmsg) goto sys_287
A = args[0] >> 32
if (A != 0) goto deny_286
A = args[0]
if (A > 0x996) goto deny_286
A = args[2] >> 32
if (A != 0) goto deny_286
A = args[2]
if (A >= 1024) goto deny_286
return ALLOW
deny_286:
return ERRNO(47)
sys_287:
A = sys_number
if (A != fanotify_init) goto sys_288
return ALLOW
sys_288:
A = sys_number
if (A != fanotify_mark) goto sys_289
A = args[0] >> 32
if (A != 0) goto deny_288
A = args[0]
if (A > 0x9e0) goto deny_288
return ALLOW
deny_288:
return ERRNO(49)
sys_289:
A = sys_number
if (A != prlimit64) goto sys_290
A = args[0] >> 32
if (A != 0) goto deny_289
A = args[0]
if (A > 0xa05) goto deny_289
A = args[1]
if (A & 0x80000000) goto deny_289
return LOG
deny_289:
return ERRNO(50)
sys_290:
A = sys_number
if (A != name_to_handle_at) goto sys_291
A = args[0] >> 32
if (A != 0) goto deny_290
A = args[0]
if (A > 0xa2a) goto deny_290
A = args[2] >> 32
if (A != 0) goto deny_290
A = args[2]
if (A >= 16384) goto deny_290
return ALLOW
deny_290:
return ERRNO(51)
sys_291:
A = sys_number
if (A != open_by_handle_at) goto sys_292
return ALLOW
sys_292:
A = sys_number
if (A != clock_adjtime) goto sys_293
A = args[0] >> 32
if (A != 0) goto deny_292
A = args[0]
if (A > 0xa74) goto deny_292
return ALLOW
deny_292:
return ERRNO(53)
sys_293:
A = sys_number
if (A != syncfs) goto sys_294
A = args[0] >> 32
if (A != 0) goto deny_293
A = args[0]
if (A > 0xa99) goto deny_293
return LOG
deny_293:
return ERRNO(54)
sys_294:
A = sys_number
if (A != sendmmsg) goto sys_295
A = args[0] >> 32
if (A != 0) goto deny_294
A = args[0]
if (A > 0xabe) goto deny_294
A = args[2] >> 32
if (A != 0) goto deny_294
A = args[2]
if (A >= 262144) goto deny_294
return ALLOW
deny_294:
return ERRNO(55)
sys_295:
A = sys_number
if (A != setns) goto sys_296
return ALLOW
sys_296:
A = sys_number
if (A != getcpu) goto sys_297
A = args[0] >> 32
if (A != 0) goto deny_296
A = args[0]
if (A > 0xb08) goto deny_296
return ALLOW
deny_296:
return ERRNO(57)
sys_297:
A = sys_number
if (A != kcmp) goto sys_298
A = args[0] >> 32
if (A != 0) goto deny_297
A = args[0]
if (A > 0xb2d) goto deny_297
A = args[1]
if (A & 0x80000000) goto deny_297
return LOG
deny_297:
return ERRNO(58)
sys_298:
A = sys_number
if (A != sched_setattr) goto sys_299
A = args[0] >> 32
if (A != 0) goto deny_298
A = args[0]
if (A > 0xb52) goto deny_298
A = args[2] >> 32
if (A != 0) goto deny_298
A = args[2]
if (A >= 4194304) goto deny_298
return ALLOW
deny_298:
return ERRNO(59)
sys_299:
A = sys_number
if (A != sched_getattr) goto sys_300
return ALLOW
sys_300:
A = sys_number
if (A != renameat2) goto sys_301
A = args[0] >> 32
if (A != 0) goto deny_300
A = args[0]
if (A > 0xb9c) goto deny_300
return ALLOW
deny_300:
return ERRNO(61)
sys_301:
A = sys_number
if (A != seccomp) goto sys_302
A = args[0] >> 32
if (A != 0) goto deny_301
A = args[0]
if (A > 0xbc1) goto deny_301
A = args[1]
if (A & 0x80000000) goto deny_301
return LOG
deny_301:
return ERRNO(62)
sys_302:
A = sys_number
if (A != getrandom) goto sys_303
A = args[0] >> 32
if (A != 0) goto deny_302
A = args[0]
if (A > 0xbe6) goto deny_302
A = args[2] >> 32
if (A != 0) goto deny_302
A = args[2]
if (A >= 64) goto deny_302
return ALLOW
deny_302:
return ERRNO(63)
sys_303:
A = sys_number
if (A != memfd_create) goto sys_304
return ALLOW
sys_304:
A = sys_number
if (A != execveat) goto sys_305
A = args[0] >> 32
if (A != 0) goto deny_304
A = args[0]
if (A > 0xc30) goto deny_304
return ALLOW
deny_304:
return ERRNO(65)
sys_305:
A = sys_number
if (A != membarrier) goto sys_306
A = args[0] >> 32
if (A != 0) goto deny_305
A = args[0]
if (A > 0xc55) goto deny_305
A = args[1]
if (A & 0x80000000) goto deny_305
return LOG
deny_305:
return ERRNO(66)
sys_306:
A = sys_number
if (A != mlock2) goto sys_307
A = args[0] >> 32
if (A != 0) goto deny_306
A = args[0]
if (A > 0xc7a) goto deny_306
A = args[2] >> 32
if (A != 0) goto deny_306
A = args[2]
if (A >= 1024) goto deny_306
return ALLOW
deny_306:
return ERRNO(67)
sys_307:
A = sys_number
if (A != copy_file_range) goto sys_308
return ALLOW
sys_308:
A = sys_number
if (A != preadv2) goto sys_309
A = args[0] >> 32
if (A != 0) goto deny_308
A = args[0]
if (A > 0xcc4) goto deny_308
return ALLOW
deny_308:
return ERRNO(69)
sys_309:
A = sys_number
if (A != pwritev2) goto sys_310
A = args[0] >> 32
if (A != 0) goto deny_309
A = args[0]
if (A > 0xce9) goto deny_309
A = args[1]
if (A & 0x80000000) goto deny_309
return LOG
deny_309:
return ERRNO(70)
sys_310:
A = sys_number
if (A != pkey_mprotect) goto sys_311
A = args[0] >> 32
if (A != 0) goto deny_310
A = args[0]
if (A > 0xd0e) goto deny_310
A = args[2] >> 32
if (A != 0) goto deny_310
A = args[2]
if (A >= 16384) goto deny_310
return ALLOW
deny_310:
return ERRNO(71)
sys_311:
A = sys_number
if (A != pkey_alloc) goto sys_312
return ALLOW
sys_312:
A = sys_number
if (A != pkey_free) goto sys_313
A = args[0] >> 32
if (A != 0) goto deny_312
A = args[0]
if (A > 0xd58) goto deny_312
return ALLOW
deny_312:
return ERRNO(73)
sys_313:
A = sys_number
if (A != statx) goto sys_314
A = args[0] >> 32
if (A != 0) goto deny_313
A = args[0]
if (A > 0xd7d) goto deny_313
A = args[1]
if (A & 0x80000000) goto deny_313
return LOG
deny_313:
return ERRNO(74)
sys_314:
A = sys_number
if (A != io_pgetevents) goto sys_315
A = args[0] >> 32
if (A != 0) goto deny_314
A = args[0]
if (A > 0xda2) goto deny_314
A = args[2] >> 32
if (A != 0) goto deny_314
A = args[2]
if (A >= 262144) goto deny_314
return ALLOW
deny_314:
return ERRNO(75)
sys_315:
A = sys_number
if (A != rseq) goto sys_316
return ALLOW
sys_316:
A = sys_number
if (A != uretprobe) goto sys_317
return ALLOW
sys_317:
A = sys_number
if (A != uprobe) goto sys_318
return ALLOW
sys_318:
A = sys_number
if (A != pidfd_send_signal) goto sys_319
A = args[0] >> 32
if (A != 0) goto deny_318
A = args[0]
if (A > 0xe36) goto deny_318
A = args[2] >> 32
if (A != 0) goto deny_318
A = args[2]
if (A >= 4194304) goto deny_318
return ALLOW
deny_318:
return ERRNO(79)
sys_319:
A = sys_number
if (A != io_uring_setup) goto sys_320
return ALLOW
sys_320:
A = sys_number
if (A != io_uring_enter) goto sys_321
A = args[0] >> 32
if (A != 0) goto deny_320
A = args[0]
if (A > 0xe80) goto deny_320
return ALLOW
deny_320:
return ERRNO(81)
sys_321:
A = sys_number
if (A != io_uring_register) goto sys_322
A = args[0] >> 32
if (A != 0) goto deny_321
A = args[0]
if (A > 0xea5) goto deny_321
A = args[1]
if (A & 0x80000000) goto deny_321
return LOG
deny_321:
return ERRNO(82)
sys_322:
A = sys_number
if (A != open_tree) goto sys_323
A = args[0] >> 32
if (A != 0) goto deny_322
A = args[0]
if (A > 0xeca) goto deny_322
A = args[2] >> 32
if (A != 0) goto deny_322
A = args[2]
if (A >= 64) goto deny_322
return ALLOW
deny_322:
return ERRNO(83)
sys_323:
A = sys_number
if (A != move_mount) goto sys_324
return ALLOW
sys_324:
A = sys_number
if (A != fsopen) goto sys_325
A = args[0] >> 32
if (A != 0) goto deny_324
A = args[0]
if (A > 0xf14) goto deny_324
return ALLOW
deny_324:
return ERRNO(85)
sys_325:
A = sys_number
if (A != fsconfig) goto sys_326
A = args[0] >> 32
if (A != 0) goto deny_325
A = args[0]
if (A > 0xf39) goto deny_325
A = args[1]
if (A & 0x80000000) goto deny_325
return LOG
deny_325:
return ERRNO(86)
sys_326:
A = sys_number
if (A != fsmount) goto sys_327
A = args[0] >> 32
if (A != 0) goto deny_326
A = args[0]
if (A > 0xf5e) goto deny_326
A = args[2] >> 32
if (A != 0) goto deny_326
A = args[2]
if (A >= 1024) goto deny_326
return ALLOW
deny_326:
return ERRNO(87)
sys_327:
A = sys_number
if (A != fspick) goto sys_328
return ALLOW
sys_328:
A = sys_number
if (A != pidfd_open) goto sys_329
A = args[0] >> 32
if (A != 0) goto deny_328
A = args[0]
if (A > 0xfa8) goto deny_328
return ALLOW
deny_328:
return ERRNO(89)
sys_329:
A = sys_number
if (A != clone3) goto sys_330
A = args[0] >> 32
if (A != 0) goto deny_329
A = args[0]
if (A > 0xfcd) goto deny_329
A = args[1]
if (A & 0x80000000) goto deny_329
return LOG
deny_329:
return ERRNO(90)
sys_330:
A = sys_number
if (A != close_range) goto sys_331
A = args[0] >> 32
if (A != 0) goto deny_330
A = args[0]
if (A > 0xff2) goto deny_330
A = args[2] >> 32
if (A != 0) goto deny_330
A = args[2]
if (A >= 16384) goto deny_330
return ALLOW
deny_330:
return ERRNO(91)
sys_331:
A = sys_number
if (A != openat2) goto sys_332
return ALLOW
sys_332:
A = sys_number
if (A != pidfd_getfd) goto sys_333
A = args[0] >> 32
if (A != 0) goto deny_332
A = args[0]
if (A > 0x103c) goto deny_332
return ALLOW
deny_332:
return ERRNO(93)
sys_333:
A = sys_number
if (A != faccessat2) goto sys_334
A = args[0] >> 32
if (A != 0) goto deny_333
A = args[0]
if (A > 0x61) goto deny_333
A = args[1]
if (A & 0x80000000) goto deny_333
return LOG
deny_333:
return ERRNO(94)
sys_334:
A = sys_number
if (A != process_madvise) goto sys_335
A = args[0] >> 32
if (A != 0) goto deny_334
A = args[0]
if (A > 0x86) goto deny_334
A = args[2] >> 32
if (A != 0) goto deny_334
A = args[2]
if (A >= 262144) goto deny_334
return ALLOW
deny_334:
return ERRNO(95)
sys_335:
A = sys_number
if (A != epoll_pwait2) goto sys_336
return ALLOW
sys_336:
A = sys_number
if (A != mount_setattr) goto sys_337
A = args[0] >> 32
if (A != 0) goto deny_336
A = args[0]
if (A > 0xd0) goto deny_336
return ALLOW
deny_336:
return ERRNO(97)
sys_337:
A = sys_number
if (A != quotactl_fd) goto sys_338
A = args[0] >> 32
if (A != 0) goto deny_337
A = args[0]
if (A > 0xf5) goto deny_337
A = args[1]
if (A & 0x80000000) goto deny_337
return LOG
deny_337:
return ERRNO(98)
sys_338:
A = sys_number
if (A != landlock_create_ruleset) goto sys_339
A = args[0] >> 32
if (A != 0) goto deny_338
A = args[0]
if (A > 0x11a) goto deny_338
A = args[2] >> 32
if (A != 0) goto deny_338
A = args[2]
if (A >= 4194304) goto deny_338
return ALLOW
deny_338:
return ERRNO(99)
sys_339:
A = sys_number
if (A != landlock_add_rule) goto sys_340
return ALLOW
sys_340:
A = sys_number
if (A != landlock_restrict_self) goto sys_341
A = args[0] >> 32
if (A != 0) goto deny_340
A = args[0]
if (A > 0x164) goto deny_340
return ALLOW
deny_340:
return ERRNO(101)
sys_341:
A = sys_number
if (A != memfd_secret) goto sys_342
A = args[0] >> 32
if (A != 0) goto deny_341
A = args[0]
if (A > 0x189) goto deny_341
return LOG
deny_341:
return ERRNO(102)
sys_342:
A = sys_number
if (A != process_mrelease) goto sys_343
A = args[0] >> 32
if (A != 0) goto deny_342
A = args[0]
if (A > 0x1ae) goto deny_342
return ALLOW
deny_342:
return ERRNO(103)
sys_343:
A = sys_number
if (A != futex_waitv) goto sys_344
return ALLOW
sys_344:
A = sys_number
if (A != set_mempolicy_home_node) goto sys_345
A = args[0] >> 32
if (A != 0) goto deny_344
A = args[0]
if (A > 0x1f8) goto deny_344
return ALLOW
deny_344:
return ERRNO(105)
sys_345:
A = sys_number
if (A != cachestat) goto sys_346
A = args[0] >> 32
if (A != 0) goto deny_345
A = args[0]
if (A > 0x21d) goto deny_345
A = args[1]
if (A & 0x80000000) goto deny_345
return LOG
deny_345:
return ERRNO(106)
sys_346:
A = sys_number
if (A != fchmodat2) goto sys_347
A = args[0] >> 32
if (A != 0) goto deny_346
A = args[0]
if (A > 0x242) goto deny_346
A = args[2] >> 32
if (A != 0) goto deny_346
A = args[2]
if (A >= 1024) goto deny_346
return ALLOW
deny_346:
return ERRNO(107)
sys_347:
A = sys_number
if (A != map_shadow_stack) goto sys_348
return ALLOW
sys_348:
A = sys_number
if (A != futex_wake) goto sys_349
A = args[0] >> 32
if (A != 0) goto deny_348
A = args[0]
if (A > 0x28c) goto deny_348
return ALLOW
deny_348:
return ERRNO(109)
sys_349:
A = sys_number
if (A != futex_wait) goto sys_350
A = args[0] >> 32
if (A != 0) goto deny_349
A = args[0]
if (A > 0x2b1) goto deny_349
A = args[1]
if (A & 0x80000000) goto deny_349
return LOG
deny_349:
return ERRNO(110)
sys_350:
A = sys_number
if (A != futex_requeue) goto sys_351
A = args[0] >> 32
if (A != 0) goto deny_350
A = args[0]
if (A > 0x2d6) goto deny_350
A = args[2] >> 32
if (A != 0) goto deny_350
A = args[2]
if (A >= 16384) goto deny_350
return ALLOW
deny_350:
return ERRNO(111)
sys_351:
A = sys_number
if (A != statmount) goto sys_352
return ALLOW
sys_352:
A = sys_number
if (A != listmount) goto sys_353
A = args[0] >> 32
if (A != 0) goto deny_352
A = args[0]
if (A > 0x320) goto deny_352
return ALLOW
deny_352:
return ERRNO(113)
sys_353:
A = sys_number
if (A != lsm_get_self_attr) goto sys_354
A = args[0] >> 32
if (A != 0) goto deny_353
A = args[0]
if (A > 0x345) goto deny_353
A = args[1]
if (A & 0x80000000) goto deny_353
return LOG
deny_353:
return ERRNO(114)
sys_354:
A = sys_number
if (A != lsm_set_self_attr) goto sys_355
A = args[0] >> 32
if (A != 0) goto deny_354
A = args[0]
if (A > 0x36a) goto deny_354
A = args[2] >> 32
if (A != 0) goto deny_354
A = args[2]
if (A >= 262144) goto deny_354
return ALLOW
deny_354:
return ERRNO(115)
sys_355:
A = sys_number
if (A != lsm_list_modules) goto sys_356
return ALLOW
sys_356:
A = sys_number
if (A != mseal) goto sys_357
A = args[0] >> 32
if (A != 0) goto deny_356
A = args[0]
if (A > 0x3b4) goto deny_356
return ALLOW
deny_356:
return ERRNO(117)
sys_357:
A = sys_number
if (A != setxattrat) goto sys_358
A = args[0] >> 32
if (A != 0) goto deny_357
A = args[0]
if (A > 0x3d9) goto deny_357
A = args[1]
if (A & 0x80000000) goto deny_357
return LOG
deny_357:
return ERRNO(118)
sys_358:
A = sys_number
if (A != getxattrat) goto sys_359
A = args[0] >> 32
if (A != 0) goto deny_358
A = args[0]
if (A > 0x3fe) goto deny_358
A = args[2] >> 32
if (A != 0) goto deny_358
A = args[2]
if (A >= 4194304) goto deny_358
return ALLOW
deny_358:
return ERRNO(119)
sys_359:
A = sys_number
if (A != listxattrat) goto sys_360
return ALLOW
sys_360:
A = sys_number
if (A != removexattrat) goto sys_361
A = args[0] >> 32
if (A != 0) goto deny_360
A = args[0]
if (A > 0x448) goto deny_360
return ALLOW
deny_360:
return ERRNO(1)
sys_361:
A = sys_number
if (A != open_tree_attr) goto sys_362
A = args[0] >> 32
if (A != 0) goto deny_361
A = args[0]
if (A > 0x46d) goto deny_361
A = args[1]
if (A & 0x80000000) goto deny_361
return LOG
deny_361:
return ERRNO(2)
sys_362:
A = sys_number
if (A != file_getattr) goto sys_363
A = args[0] >> 32
if (A != 0) goto deny_362
A = args[0]
if (A > 0x492) goto deny_362
A = args[2] >> 32
if (A != 0) goto deny_362
A = args[2]
if (A >= 64) goto deny_362
return ALLOW
deny_362:
return ERRNO(3)
sys_363:
A = sys_number
if (A != file_setattr) goto sys_364
return ALLOW
sys_364:
A = sys_number
if (A != listns) goto sys_365
A = args[0] >> 32
if (A != 0) goto deny_364
A = args[0]
if (A > 0x4dc) goto deny_364
return ALLOW
deny_364:
return ERRNO(5)
sys_365:
A = sys_number
if (A != rseq_slice_yield) goto sys_366
return ALLOW
sys_366:
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
if (A == 0x5d21) goto ioctl_ok_1
if (A == 0x5d22) goto ioctl_ok_1
if (A == 0x5d35) goto ioctl_ok_1
if (A == 0x5d36) goto ioctl_ok_1
if (A == 0x5d37) goto ioctl_ok_1
if (A == 0x5d4a) goto ioctl_ok_1
if (A == 0x5d4b) goto ioctl_ok_1
if (A == 0x5d4c) goto ioctl_ok_1
if (A == 0x5d5f) goto ioctl_ok_1
if (A == 0x5d60) goto ioctl_ok_1
if (A == 0x5d61) goto ioctl_ok_1
if (A == 0x5d74) goto ioctl_ok_1
if (A == 0x5d75) goto ioctl_ok_1
if (A == 0x5d76) goto ioctl_ok_1
if (A == 0x5d89) goto ioctl_ok_1
if (A == 0x5d8a) goto ioctl_ok_1
if (A == 0x5d8b) goto ioctl_ok_1
if (A == 0x5d9e) goto ioctl_ok_1
if (A == 0x5d9f) goto ioctl_ok_1
if (A == 0x5da0) goto ioctl_ok_1
if (A == 0x5db3) goto ioctl_ok_1
if (A == 0x5db4) goto ioctl_ok_1
if (A == 0x5db5) goto ioctl_ok_1
if (A == 0x5dc8) goto ioctl_ok_1
if (A == 0x5dc9) goto ioctl_ok_1
if (A == 0x5dca) goto ioctl_ok_1
if (A == 0x5ddd) goto ioctl_ok_1
if (A == 0x5dde) goto ioctl_ok_1
if (A == 0x5ddf) goto ioctl_ok_1
if (A == 0x5df2) goto ioctl_ok_1
if (A == 0x5df3) goto ioctl_ok_1
if (A == 0x5df4) goto ioctl_ok_1
if (A == 0x5e07) goto ioctl_ok_1
if (A == 0x5e08) goto ioctl_ok_1
if (A == 0x5e09) goto ioctl_ok_1
if (A == 0x5e1c) goto ioctl_ok_1
if (A == 0x5e1d) goto ioctl_ok_1
if (A == 0x5e1e) goto ioctl_ok_1
if (A == 0x5e31) goto ioctl_ok_1
if (A == 0x5e32) goto ioctl_ok_1
if (A == 0x5e33) goto ioctl_ok_1
if (A == 0x5e46) goto ioctl_ok_1
if (A == 0x5e47) goto ioctl_ok_1
if (A == 0x5e48) goto ioctl_ok_1
if (A == 0x5e5b) goto ioctl_ok_1
if (A == 0x5e5c) goto ioctl_ok_1
if (A == 0x5e5d) goto ioctl_ok_1
if (A == 0x5e70) goto ioctl_ok_1
if (A == 0x5e71) goto ioctl_ok_1
if (A == 0x5e72) goto ioctl_ok_1
if (A == 0x5e85) goto ioctl_ok_1
if (A == 0x5e86) goto ioctl_ok_1
if (A == 0x5e87) goto ioctl_ok_1
if (A == 0x5e9a) goto ioctl_ok_1
if (A == 0x5e9b) goto ioctl_ok_1
if (A == 0x5e9c) goto ioctl_ok_1
if (A == 0x5eaf) goto ioctl_ok_1
if (A == 0x5eb0) goto ioctl_ok_1
if (A == 0x5eb1) goto ioctl_ok_1
if (A == 0x5ec4) goto ioctl_ok_1
if (A == 0x5ec5) goto ioctl_ok_1
if (A == 0x5ec6) goto ioctl_ok_1
goto ioctl_2
ioctl_ok_1:
return ALLOW
ioctl_2:
if (A == 0x5ed9) goto ioctl_ok_2
if (A == 0x5eda) goto ioctl_ok_2
if (A == 0x5edb) goto ioctl_ok_2
if (A == 0x5eee) goto ioctl_ok_2
if (A == 0x5eef) goto ioctl_ok_2
if (A == 0x5ef0) goto ioctl_ok_2
if (A == 0x5f03) goto ioctl_ok_2
if (A == 0x5f04) goto ioctl_ok_2
if (A == 0x5f05) goto ioctl_ok_2
if (A == 0x5f18) goto ioctl_ok_2
if (A == 0x5f19) goto ioctl_ok_2
if (A == 0x5f1a) goto ioctl_ok_2
if (A == 0x5f2d) goto ioctl_ok_2
if (A == 0x5f2e) goto ioctl_ok_2
if (A == 0x5f2f) goto ioctl_ok_2
if (A == 0x5f42) goto ioctl_ok_2
if (A == 0x5f43) goto ioctl_ok_2
if (A == 0x5f44) goto ioctl_ok_2
if (A == 0x5f57) goto ioctl_ok_2
if (A == 0x5f58) goto ioctl_ok_2
if (A == 0x5f59) goto ioctl_ok_2
if (A == 0x5f6c) goto ioctl_ok_2
if (A == 0x5f6d) goto ioctl_ok_2
if (A == 0x5f6e) goto ioctl_ok_2
if (A == 0x5f81) goto ioctl_ok_2
if (A == 0x5f82) goto ioctl_ok_2
if (A == 0x5f83) goto ioctl_ok_2
if (A == 0x5f96) goto ioctl_ok_2
if (A == 0x5f97) goto ioctl_ok_2
if (A == 0x5f98) goto ioctl_ok_2
if (A == 0x5fab) goto ioctl_ok_2
if (A == 0x5fac) goto ioctl_ok_2
if (A == 0x5fad) goto ioctl_ok_2
if (A == 0x5fc0) goto ioctl_ok_2
if (A == 0x5fc1) goto ioctl_ok_2
if (A == 0x5fc2) goto ioctl_ok_2
if (A == 0x5fd5) goto ioctl_ok_2
if (A == 0x5fd6) goto ioctl_ok_2
if (A == 0x5fd7) goto ioctl_ok_2
if (A == 0x5fea) goto ioctl_ok_2
if (A == 0x5feb) goto ioctl_ok_2
if (A == 0x5fec) goto ioctl_ok_2
if (A == 0x5fff) goto ioctl_ok_2
if (A == 0x6000) goto ioctl_ok_2
if (A == 0x6001) goto ioctl_ok_2
if (A == 0x6014) goto ioctl_ok_2
if (A == 0x6015) goto ioctl_ok_2
if (A == 0x6016) goto ioctl_ok_2
if (A == 0x6029) goto ioctl_ok_2
if (A == 0x602a) goto ioctl_ok_2
if (A == 0x602b) goto ioctl_ok_2
if (A == 0x603e) goto ioctl_ok_2
if (A == 0x603f) goto ioctl_ok_2
if (A == 0x6040) goto ioctl_ok_2
if (A == 0x6053) goto ioctl_ok_2
if (A == 0x6054) goto ioctl_ok_2
if (A == 0x6055) goto ioctl_ok_2
if (A == 0x6068) goto ioctl_ok_2
if (A == 0x6069) goto ioctl_ok_2
if (A == 0x606a) goto ioctl_ok_2
if (A == 0x607d) goto ioctl_ok_2
if (A == 0x607e) goto ioctl_ok_2
if (A == 0x607f) goto ioctl_ok_2
if (A == 0x6092) goto ioctl_ok_2
if (A == 0x6093) goto ioctl_ok_2
if (A == 0x6094) goto ioctl_ok_2
if (A == 0x60a7) goto ioctl_ok_2
if (A == 0x60a8) goto ioctl_ok_2
if (A == 0x60a9) goto ioctl_ok_2
if (A == 0x60bc) goto ioctl_ok_2
if (A == 0x60bd) goto ioctl_ok_2
if (A == 0x60be) goto ioctl_ok_2
if (A == 0x60d1) goto ioctl_ok_2
if (A == 0x60d2) goto ioctl_ok_2
if (A == 0x60d3) goto ioctl_ok_2
if (A == 0x60e6) goto ioctl_ok_2
if (A == 0x60e7) goto ioctl_ok_2
if (A == 0x60e8) goto ioctl_ok_2
if (A == 0x60fb) goto ioctl_ok_2
if (A == 0x60fc) goto ioctl_ok_2
if (A == 0x60fd) goto ioctl_ok_2
if (A == 0x6110) goto ioctl_ok_2
if (A == 0x6111) goto ioctl_ok_2
if (A == 0x6112) goto ioctl_ok_2
if (A == 0x6125) goto ioctl_ok_2
if (A == 0x6126) goto ioctl_ok_2
if (A == 0x6127) goto ioctl_ok_2
if (A == 0x613a) goto ioctl_ok_2
if (A == 0x613b) goto ioctl_ok_2
if (A == 0x613c) goto ioctl_ok_2
if (A == 0x614f) goto ioctl_ok_2
if (A == 0x6150) goto ioctl_ok_2
if (A == 0x6151) goto ioctl_ok_2
if (A == 0x6164) goto ioctl_ok_2
if (A == 0x6165) goto ioctl_ok_2
if (A == 0x6166) goto ioctl_ok_2
if (A == 0x6179) goto ioctl_ok_2
if (A == 0x617a) goto ioctl_ok_2
if (A == 0x617b) goto ioctl_ok_2
if (A == 0x618e) goto ioctl_ok_2
if (A == 0x618f) goto ioctl_ok_2
if (A == 0x6190) goto ioctl_ok_2
if (A == 0x61a3) goto ioctl_ok_2
if (A == 0x61a4) goto ioctl_ok_2
if (A == 0x61a5) goto ioctl_ok_2
if (A == 0x61b8) goto ioctl_ok_2
if (A == 0x61b9) goto ioctl_ok_2
if (A == 0x61ba) goto ioctl_ok_2
if (A == 0x61cd) goto ioctl_ok_2
if (A == 0x61ce) goto ioctl_ok_2
if (A == 0x61cf) goto ioctl_ok_2
if (A == 0x61e2) goto ioctl_ok_2
if (A == 0x61e3) goto ioctl_ok_2
if (A == 0x61e4) goto ioctl_ok_2
if (A == 0x61f7) goto ioctl_ok_2
if (A == 0x61f8) goto ioctl_ok_2
if (A == 0x61f9) goto ioctl_ok_2
if (A == 0x620c) goto ioctl_ok_2
if (A == 0x620d) goto ioctl_ok_2
if (A == 0x620e) goto ioctl_ok_2
if (A == 0x6221) goto ioctl_ok_2
if (A == 0x6222) goto ioctl_ok_2
if (A == 0x6223) goto ioctl_ok_2
if (A == 0x6236) goto ioctl_ok_2
if (A == 0x6237) goto ioctl_ok_2
if (A == 0x6238) goto ioctl_ok_2
if (A == 0x624b) goto ioctl_ok_2
if (A == 0x624c) goto ioctl_ok_2
if (A == 0x624d) goto ioctl_ok_2
if (A == 0x6260) goto ioctl_ok_2
if (A == 0x6261) goto ioctl_ok_2
if (A == 0x6262) goto ioctl_ok_2
if (A == 0x6275) goto ioctl_ok_2
if (A == 0x6276) goto ioctl_ok_2
if (A == 0x6277) goto ioctl_ok_2
if (A == 0x628a) goto ioctl_ok_2
if (A == 0x628b) goto ioctl_ok_2
if (A == 0x628c) goto ioctl_ok_2
if (A == 0x629f) goto ioctl_ok_2
if (A == 0x62a0) goto ioctl_ok_2
if (A == 0x62a1) goto ioctl_ok_2
if (A == 0x62b4) goto ioctl_ok_2
if (A == 0x62b5) goto ioctl_ok_2
if (A == 0x62b6) goto ioctl_ok_2
if (A == 0x62c9) goto ioctl_ok_2
if (A == 0x62ca) goto ioctl_ok_2
if (A == 0x62cb) goto ioctl_ok_2
if (A == 0x62de) goto ioctl_ok_2
if (A == 0x62df) goto ioctl_ok_2
if (A == 0x62e0) goto ioctl_ok_2
if (A == 0x62f3) goto ioctl_ok_2
if (A == 0x62f4) goto ioctl_ok_2
if (A == 0x62f5) goto ioctl_ok_2
if (A == 0x6308) goto ioctl_ok_2
if (A == 0x6309) goto ioctl_ok_2
if (A == 0x630a) goto ioctl_ok_2
if (A == 0x631d) goto ioctl_ok_2
if (A == 0x631e) goto ioctl_ok_2
if (A == 0x631f) goto ioctl_ok_2
if (A == 0x6332) goto ioctl_ok_2
if (A == 0x6333) goto ioctl_ok_2
if (A == 0x6334) goto ioctl_ok_2
if (A == 0x6347) goto ioctl_ok_2
if (A == 0x6348) goto ioctl_ok_2
if (A == 0x6349) goto ioctl_ok_2
if (A == 0x635c) goto ioctl_ok_2
if (A == 0x635d) goto ioctl_ok_2
if (A == 0x635e) goto ioctl_ok_2
if (A == 0x6371) goto ioctl_ok_2
if (A == 0x6372) goto ioctl_ok_2
if (A == 0x6373) goto ioctl_ok_2
if (A == 0x6386) goto ioctl_ok_2
if (A == 0x6387) goto ioctl_ok_2
if (A == 0x6388) goto ioctl_ok_2
if (A == 0x639b) goto ioctl_ok_2
if (A == 0x639c) goto ioctl_ok_2
if (A == 0x639d) goto ioctl_ok_2
if (A == 0x63b0) goto ioctl_ok_2
if (A == 0x63b1) goto ioctl_ok_2
if (A == 0x63b2) goto ioctl_ok_2
if (A == 0x63c5) goto ioctl_ok_2
if (A == 0x63c6) goto ioctl_ok_2
if (A == 0x63c7) goto ioctl_ok_2
if (A == 0x63da) goto ioctl_ok_2
if (A == 0x63db) goto ioctl_ok_2
if (A == 0x63dc) goto ioctl_ok_2
if (A == 0x63ef) goto ioctl_ok_2
if (A == 0x63f0) goto ioctl_ok_2
if (A == 0x63f1) goto ioctl_ok_2
if (A == 0x6404) goto ioctl_ok_2
if (A == 0x6405) goto ioctl_ok_2
if (A == 0x6406) goto ioctl_ok_2
if (A == 0x6419) goto ioctl_ok_2
if (A == 0x641a) goto ioctl_ok_2
if (A == 0x641b) goto ioctl_ok_2
if (A == 0x642e) goto ioctl_ok_2
if (A == 0x642f) goto ioctl_ok_2
if (A == 0x6430) goto ioctl_ok_2
if (A == 0x6443) goto ioctl_ok_2
if (A == 0x6444) goto ioctl_ok_2
goto ioctl_3
ioctl_ok_2:
return ALLOW
ioctl_3:
if (A == 0x6445) goto ioctl_ok_3
if (A == 0x6458) goto ioctl_ok_3
if (A == 0x6459) goto ioctl_ok_3
if (A == 0x645a) goto ioctl_ok_3
if (A == 0x646d) goto ioctl_ok_3
if (A == 0x646e) goto ioctl_ok_3
if (A == 0x646f) goto ioctl_ok_3
if (A == 0x6482) goto ioctl_ok_3
if (A == 0x6483) goto ioctl_ok_3
if (A == 0x6484) goto ioctl_ok_3
if (A == 0x6497) goto ioctl_ok_3
if (A == 0x6498) goto ioctl_ok_3
if (A == 0x6499) goto ioctl_ok_3
if (A == 0x64ac) goto ioctl_ok_3
if (A == 0x64ad) goto ioctl_ok_3
if (A == 0x64ae) goto ioctl_ok_3
if (A == 0x64c1) goto ioctl_ok_3
if (A == 0x64c2) goto ioctl_ok_3
if (A == 0x64c3) goto ioctl_ok_3
if (A == 0x64d6) goto ioctl_ok_3
if (A == 0x64d7) goto ioctl_ok_3
if (A == 0x64d8) goto ioctl_ok_3
if (A == 0x64eb) goto ioctl_ok_3
if (A == 0x64ec) goto ioctl_ok_3
if (A == 0x64ed) goto ioctl_ok_3
if (A == 0x6500) goto ioctl_ok_3
if (A == 0x6501) goto ioctl_ok_3
if (A == 0x6502) goto ioctl_ok_3
if (A == 0x6515) goto ioctl_ok_3
if (A == 0x6516) goto ioctl_ok_3
if (A == 0x6517) goto ioctl_ok_3
if (A == 0x652a) goto ioctl_ok_3
if (A == 0x652b) goto ioctl_ok_3
if (A == 0x652c) goto ioctl_ok_3
if (A == 0x653f) goto ioctl_ok_3
if (A == 0x6540) goto ioctl_ok_3
if (A == 0x6541) goto ioctl_ok_3
if (A == 0x6554) goto ioctl_ok_3
if (A == 0x6555) goto ioctl_ok_3
if (A == 0x6556) goto ioctl_ok_3
if (A == 0x6569) goto ioctl_ok_3
if (A == 0x656a) goto ioctl_ok_3
if (A == 0x656b) goto ioctl_ok_3
if (A == 0x657e) goto ioctl_ok_3
if (A == 0x657f) goto ioctl_ok_3
if (A == 0x6580) goto ioctl_ok_3
if (A == 0x6593) goto ioctl_ok_3
if (A == 0x6594) goto ioctl_ok_3
if (A == 0x6595) goto ioctl_ok_3
if (A == 0x65a8) goto ioctl_ok_3
if (A == 0x65a9) goto ioctl_ok_3
if (A == 0x65aa) goto ioctl_ok_3
if (A == 0x65bd) goto ioctl_ok_3
if (A == 0x65be) goto ioctl_ok_3
if (A == 0x65bf) goto ioctl_ok_3
if (A == 0x65d2) goto ioctl_ok_3
if (A == 0x65d3) goto ioctl_ok_3
if (A == 0x65d4) goto ioctl_ok_3
if (A == 0x65e7) goto ioctl_ok_3
if (A == 0x65e8) goto ioctl_ok_3
if (A == 0x65e9) goto ioctl_ok_3
if (A == 0x65fc) goto ioctl_ok_3
if (A == 0x65fd) goto ioctl_ok_3
if (A == 0x65fe) goto ioctl_ok_3
if (A == 0x6611) goto ioctl_ok_3
if (A == 0x6612) goto ioctl_ok_3
if (A == 0x6613) goto ioctl_ok_3
if (A == 0x6626) goto ioctl_ok_3
if (A == 0x6627) goto ioctl_ok_3
if (A == 0x6628) goto ioctl_ok_3
if (A == 0x663b) goto ioctl_ok_3
if (A == 0x663c) goto ioctl_ok_3
if (A == 0x663d) goto ioctl_ok_3
if (A == 0x6650) goto ioctl_ok_3
if (A == 0x6651) goto ioctl_ok_3
if (A == 0x6652) goto ioctl_ok_3
if (A == 0x6665) goto ioctl_ok_3
if (A == 0x6666) goto ioctl_ok_3
if (A == 0x6667) goto ioctl_ok_3
if (A == 0x667a) goto ioctl_ok_3
if (A == 0x667b) goto ioctl_ok_3
if (A == 0x667c) goto ioctl_ok_3
if (A == 0x668f) goto ioctl_ok_3
if (A == 0x6690) goto ioctl_ok_3
if (A == 0x6691) goto ioctl_ok_3
if (A == 0x66a4) goto ioctl_ok_3
if (A == 0x66a5) goto ioctl_ok_3
if (A == 0x66a6) goto ioctl_ok_3
if (A == 0x66b9) goto ioctl_ok_3
if (A == 0x66ba) goto ioctl_ok_3
if (A == 0x66bb) goto ioctl_ok_3
if (A == 0x66ce) goto ioctl_ok_3
if (A == 0x66cf) goto ioctl_ok_3
if (A == 0x66d0) goto ioctl_ok_3
if (A == 0x66e3) goto ioctl_ok_3
if (A == 0x66e4) goto ioctl_ok_3
if (A == 0x66e5) goto ioctl_ok_3
if (A == 0x66f8) goto ioctl_ok_3
if (A == 0x66f9) goto ioctl_ok_3
if (A == 0x66fa) goto ioctl_ok_3
if (A == 0x670d) goto ioctl_ok_3
if (A == 0x670e) goto ioctl_ok_3
if (A == 0x670f) goto ioctl_ok_3
if (A == 0x6722) goto ioctl_ok_3
if (A == 0x6723) goto ioctl_ok_3
if (A == 0x6724) goto ioctl_ok_3
if (A == 0x6737) goto ioctl_ok_3
if (A == 0x6738) goto ioctl_ok_3
if (A == 0x6739) goto ioctl_ok_3
if (A == 0x674c) goto ioctl_ok_3
if (A == 0x674d) goto ioctl_ok_3
if (A == 0x674e) goto ioctl_ok_3
if (A == 0x6761) goto ioctl_ok_3
if (A == 0x6762) goto ioctl_ok_3
if (A == 0x6763) goto ioctl_ok_3
if (A == 0x6776) goto ioctl_ok_3
if (A == 0x6777) goto ioctl_ok_3
if (A == 0x6778) goto ioctl_ok_3
if (A == 0x678b) goto ioctl_ok_3
if (A == 0x678c) goto ioctl_ok_3
if (A == 0x678d) goto ioctl_ok_3
if (A == 0x67a0) goto ioctl_ok_3
if (A == 0x67a1) goto ioctl_ok_3
if (A == 0x67a2) goto ioctl_ok_3
if (A == 0x67b5) goto ioctl_ok_3
if (A == 0x67b6) goto ioctl_ok_3
if (A == 0x67b7) goto ioctl_ok_3
if (A == 0x67ca) goto ioctl_ok_3
if (A == 0x67cb) goto ioctl_ok_3
if (A == 0x67cc) goto ioctl_ok_3
if (A == 0x67df) goto ioctl_ok_3
if (A == 0x67e0) goto ioctl_ok_3
if (A == 0x67e1) goto ioctl_ok_3
if (A == 0x67f4) goto ioctl_ok_3
if (A == 0x67f5) goto ioctl_ok_3
if (A == 0x67f6) goto ioctl_ok_3
if (A == 0x6809) goto ioctl_ok_3
if (A == 0x680a) goto ioctl_ok_3
if (A == 0x680b) goto ioctl_ok_3
if (A == 0x681e) goto ioctl_ok_3
if (A == 0x681f) goto ioctl_ok_3
if (A == 0x6820) goto ioctl_ok_3
if (A == 0x6833) goto ioctl_ok_3
if (A == 0x6834) goto ioctl_ok_3
if (A == 0x6835) goto ioctl_ok_3
if (A == 0x6848) goto ioctl_ok_3
if (A == 0x6849) goto ioctl_ok_3
if (A == 0x684a) goto ioctl_ok_3
if (A == 0x685d) goto ioctl_ok_3
if (A == 0x685e) goto ioctl_ok_3
if (A == 0x685f) goto ioctl_ok_3
if (A == 0x6872) goto ioctl_ok_3
if (A == 0x6873) goto ioctl_ok_3
if (A == 0x6874) goto ioctl_ok_3
if (A == 0x6887) goto ioctl_ok_3
if (A == 0x6888) goto ioctl_ok_3
if (A == 0x6889) goto ioctl_ok_3
if (A == 0x689c) goto ioctl_ok_3
if (A == 0x689d) goto ioctl_ok_3
if (A == 0x689e) goto ioctl_ok_3
if (A == 0x68b1) goto ioctl_ok_3
if (A == 0x68b2) goto ioctl_ok_3
if (A == 0x68b3) goto ioctl_ok_3
if (A == 0x68c6) goto ioctl_ok_3
if (A == 0x68c7) goto ioctl_ok_3
if (A == 0x68c8) goto ioctl_ok_3
if (A == 0x68db) goto ioctl_ok_3
if (A == 0x68dc) goto ioctl_ok_3
if (A == 0x68dd) goto ioctl_ok_3
if (A == 0x68f0) goto ioctl_ok_3
if (A == 0x68f1) goto ioctl_ok_3
if (A == 0x68f2) goto ioctl_ok_3
if (A == 0x6905) goto ioctl_ok_3
if (A == 0x6906) goto ioctl_ok_3
if (A == 0x6907) goto ioctl_ok_3
if (A == 0x691a) goto ioctl_ok_3
if (A == 0x691b) goto ioctl_ok_3
if (A == 0x691c) goto ioctl_ok_3
if (A == 0x692f) goto ioctl_ok_3
if (A == 0x6930) goto ioctl_ok_3
if (A == 0x6931) goto ioctl_ok_3
if (A == 0x6944) goto ioctl_ok_3
if (A == 0x6945) goto ioctl_ok_3
if (A == 0x6946) goto ioctl_ok_3
if (A == 0x6959) goto ioctl_ok_3
if (A == 0x695a) goto ioctl_ok_3
if (A == 0x695b) goto ioctl_ok_3
if (A == 0x696e) goto ioctl_ok_3
if (A == 0x696f) goto ioctl_ok_3
if (A == 0x6970) goto ioctl_ok_3
if (A == 0x6983) goto ioctl_ok_3
if (A == 0x6984) goto ioctl_ok_3
if (A == 0x6985) goto ioctl_ok_3
if (A == 0x6998) goto ioctl_ok_3
if (A == 0x6999) goto ioctl_ok_3
if (A == 0x699a) goto ioctl_ok_3
if (A == 0x69ad) goto ioctl_ok_3
if (A == 0x69ae) goto ioctl_ok_3
if (A == 0x69af) goto ioctl_ok_3
if (A == 0x69c2) goto ioctl_ok_3
goto ioctl_4
ioctl_ok_3:
return ALLOW
ioctl_4:
if (A == 0x69c3) goto ioctl_ok_4
if (A == 0x69c4) goto ioctl_ok_4
if (A == 0x69d7) goto ioctl_ok_4
if (A == 0x69d8) goto ioctl_ok_4
if (A == 0x69d9) goto ioctl_ok_4
if (A == 0x69ec) goto ioctl_ok_4
if (A == 0x69ed) goto ioctl_ok_4
if (A == 0x69ee) goto ioctl_ok_4
if (A == 0x6a01) goto ioctl_ok_4
if (A == 0x6a02) goto ioctl_ok_4
if (A == 0x6a03) goto ioctl_ok_4
if (A == 0x6a16) goto ioctl_ok_4
if (A == 0x6a17) goto ioctl_ok_4
if (A == 0x6a18) goto ioctl_ok_4
if (A == 0x6a2b) goto ioctl_ok_4
if (A == 0x6a2c) goto ioctl_ok_4
if (A == 0x6a2d) goto ioctl_ok_4
if (A == 0x6a40) goto ioctl_ok_4
if (A == 0x6a41) goto ioctl_ok_4
if (A == 0x6a42) goto ioctl_ok_4
if (A == 0x6a55) goto ioctl_ok_4
if (A == 0x6a56) goto ioctl_ok_4
if (A == 0x6a57) goto ioctl_ok_4
if (A == 0x6a6a) goto ioctl_ok_4
if (A == 0x6a6b) goto ioctl_ok_4
if (A == 0x6a6c) goto ioctl_ok_4
if (A == 0x6a7f) goto ioctl_ok_4
if (A == 0x6a80) goto ioctl_ok_4
if (A == 0x6a81) goto ioctl_ok_4
if (A == 0x6a94) goto ioctl_ok_4
if (A == 0x6a95) goto ioctl_ok_4
if (A == 0x6a96) goto ioctl_ok_4
if (A == 0x6aa9) goto ioctl_ok_4
if (A == 0x6aaa) goto ioctl_ok_4
if (A == 0x6aab) goto ioctl_ok_4
if (A == 0x6abe) goto ioctl_ok_4
if (A == 0x6abf) goto ioctl_ok_4
if (A == 0x6ac0) goto ioctl_ok_4
if (A == 0x6ad3) goto ioctl_ok_4
if (A == 0x6ad4) goto ioctl_ok_4
if (A == 0x6ad5) goto ioctl_ok_4
if (A == 0x6ae8) goto ioctl_ok_4
if (A == 0x6ae9) goto ioctl_ok_4
if (A == 0x6aea) goto ioctl_ok_4
if (A == 0x6afd) goto ioctl_ok_4
if (A == 0x6afe) goto ioctl_ok_4
if (A == 0x6aff) goto ioctl_ok_4
if (A == 0x6b12) goto ioctl_ok_4
if (A == 0x6b13) goto ioctl_ok_4
if (A == 0x6b14) goto ioctl_ok_4
if (A == 0x6b27) goto ioctl_ok_4
if (A == 0x6b28) goto ioctl_ok_4
if (A == 0x6b29) goto ioctl_ok_4
if (A == 0x6b3c) goto ioctl_ok_4
if (A == 0x6b3d) goto ioctl_ok_4
if (A == 0x6b3e) goto ioctl_ok_4
if (A == 0x6b51) goto ioctl_ok_4
if (A == 0x6b52) goto ioctl_ok_4
if (A == 0x6b53) goto ioctl_ok_4
if (A == 0x6b66) goto ioctl_ok_4
if (A == 0x6b67) goto ioctl_ok_4
if (A == 0x6b68) goto ioctl_ok_4
if (A == 0x6b7b) goto ioctl_ok_4
if (A == 0x6b7c) goto ioctl_ok_4
if (A == 0x6b7d) goto ioctl_ok_4
if (A == 0x6b90) goto ioctl_ok_4
if (A == 0x6b91) goto ioctl_ok_4
if (A == 0x6b92) goto ioctl_ok_4
if (A == 0x6ba5) goto ioctl_ok_4
if (A == 0x6ba6) goto ioctl_ok_4
if (A == 0x6ba7) goto ioctl_ok_4
if (A == 0x6bba) goto ioctl_ok_4
if (A == 0x6bbb) goto ioctl_ok_4
if (A == 0x6bbc) goto ioctl_ok_4
if (A == 0x6bcf) goto ioctl_ok_4
if (A == 0x6bd0) goto ioctl_ok_4
if (A == 0x6bd1) goto ioctl_ok_4
if (A == 0x6be4) goto ioctl_ok_4
if (A == 0x6be5) goto ioctl_ok_4
if (A == 0x6be6) goto ioctl_ok_4
if (A == 0x6bf9) goto ioctl_ok_4
if (A == 0x6bfa) goto ioctl_ok_4
if (A == 0x6bfb) goto ioctl_ok_4
if (A == 0x6c0e) goto ioctl_ok_4
if (A == 0x6c0f) goto ioctl_ok_4
if (A == 0x6c10) goto ioctl_ok_4
if (A == 0x6c23) goto ioctl_ok_4
if (A == 0x6c24) goto ioctl_ok_4
if (A == 0x6c25) goto ioctl_ok_4
if (A == 0x6c38) goto ioctl_ok_4
if (A == 0x6c39) goto ioctl_ok_4
if (A == 0x6c3a) goto ioctl_ok_4
if (A == 0x6c4d) goto ioctl_ok_4
if (A == 0x6c4e) goto ioctl_ok_4
if (A == 0x6c4f) goto ioctl_ok_4
if (A == 0x6c62) goto ioctl_ok_4
if (A == 0x6c63) goto ioctl_ok_4
if (A == 0x6c64) goto ioctl_ok_4
if (A == 0x6c77) goto ioctl_ok_4
if (A == 0x6c78) goto ioctl_ok_4
if (A == 0x6c79) goto ioctl_ok_4
if (A == 0x6c8c) goto ioctl_ok_4
if (A == 0x6c8d) goto ioctl_ok_4
if (A == 0x6c8e) goto ioctl_ok_4
if (A == 0x6ca1) goto ioctl_ok_4
if (A == 0x6ca2) goto ioctl_ok_4
if (A == 0x6ca3) goto ioctl_ok_4
if (A == 0x6cb6) goto ioctl_ok_4
if (A == 0x6cb7) goto ioctl_ok_4
if (A == 0x6cb8) goto ioctl_ok_4
if (A == 0x6ccb) goto ioctl_ok_4
if (A == 0x6ccc) goto ioctl_ok_4
if (A == 0x6ccd) goto ioctl_ok_4
if (A == 0x6ce0) goto ioctl_ok_4
if (A == 0x6ce1) goto ioctl_ok_4
if (A == 0x6ce2) goto ioctl_ok_4
if (A == 0x6cf5) goto ioctl_ok_4
if (A == 0x6cf6) goto ioctl_ok_4
if (A == 0x6cf7) goto ioctl_ok_4
if (A == 0x6d0a) goto ioctl_ok_4
if (A == 0x6d0b) goto ioctl_ok_4
if (A == 0x6d0c) goto ioctl_ok_4
if (A == 0x6d1f) goto ioctl_ok_4
if (A == 0x6d20) goto ioctl_ok_4
if (A == 0x6d21) goto ioctl_ok_4
if (A == 0x6d34) goto ioctl_ok_4
if (A == 0x6d35) goto ioctl_ok_4
if (A == 0x6d36) goto ioctl_ok_4
if (A == 0x6d49) goto ioctl_ok_4
if (A == 0x6d4a) goto ioctl_ok_4
if (A == 0x6d4b) goto ioctl_ok_4
if (A == 0x6d5e) goto ioctl_ok_4
if (A == 0x6d5f) goto ioctl_ok_4
if (A == 0x6d60) goto ioctl_ok_4
if (A == 0x6d73) goto ioctl_ok_4
if (A == 0x6d74) goto ioctl_ok_4
if (A == 0x6d75) goto ioctl_ok_4
if (A == 0x6d88) goto ioctl_ok_4
if (A == 0x6d89) goto ioctl_ok_4
if (A == 0x6d8a) goto ioctl_ok_4
if (A == 0x6d9d) goto ioctl_ok_4
if (A == 0x6d9e) goto ioctl_ok_4
if (A == 0x6d9f) goto ioctl_ok_4
if (A == 0x6db2) goto ioctl_ok_4
if (A == 0x6db3) goto ioctl_ok_4
if (A == 0x6db4) goto ioctl_ok_4
if (A == 0x6dc7) goto ioctl_ok_4
if (A == 0x6dc8) goto ioctl_ok_4
if (A == 0x6dc9) goto ioctl_ok_4
if (A == 0x6ddc) goto ioctl_ok_4
if (A == 0x6ddd) goto ioctl_ok_4
if (A == 0x6dde) goto ioctl_ok_4
if (A == 0x6df1) goto ioctl_ok_4
if (A == 0x6df2) goto ioctl_ok_4
if (A == 0x6df3) goto ioctl_ok_4
if (A == 0x6e06) goto ioctl_ok_4
if (A == 0x6e07) goto ioctl_ok_4
if (A == 0x6e08) goto ioctl_ok_4
if (A == 0x6e1b) goto ioctl_ok_4
if (A == 0x6e1c) goto ioctl_ok_4
if (A == 0x6e1d) goto ioctl_ok_4
if (A == 0x6e30) goto ioctl_ok_4
if (A == 0x6e31) goto ioctl_ok_4
if (A == 0x6e32) goto ioctl_ok_4
if (A == 0x6e45) goto ioctl_ok_4
if (A == 0x6e46) goto ioctl_ok_4
if (A == 0x6e47) goto ioctl_ok_4
if (A == 0x6e5a) goto ioctl_ok_4
if (A == 0x6e5b) goto ioctl_ok_4
if (A == 0x6e5c) goto ioctl_ok_4
if (A == 0x6e6f) goto ioctl_ok_4
if (A == 0x6e70) goto ioctl_ok_4
if (A == 0x6e71) goto ioctl_ok_4
if (A == 0x6e84) goto ioctl_ok_4
if (A == 0x6e85) goto ioctl_ok_4
if (A == 0x6e86) goto ioctl_ok_4
if (A == 0x6e99) goto ioctl_ok_4
if (A == 0x6e9a) goto ioctl_ok_4
if (A == 0x6e9b) goto ioctl_ok_4
if (A == 0x6eae) goto ioctl_ok_4
if (A == 0x6eaf) goto ioctl_ok_4
if (A == 0x6eb0) goto ioctl_ok_4
if (A == 0x6ec3) goto ioctl_ok_4
if (A == 0x6ec4) goto ioctl_ok_4
if (A == 0x6ec5) goto ioctl_ok_4
if (A == 0x6ed8) goto ioctl_ok_4
if (A == 0x6ed9) goto ioctl_ok_4
if (A == 0x6eda) goto ioctl_ok_4
if (A == 0x6eed) goto ioctl_ok_4
if (A == 0x6eee) goto ioctl_ok_4
if (A == 0x6eef) goto ioctl_ok_4
if (A == 0x6f02) goto ioctl_ok_4
if (A == 0x6f03) goto ioctl_ok_4
if (A == 0x6f04) goto ioctl_ok_4
if (A == 0x6f17) goto ioctl_ok_4
if (A == 0x6f18) goto ioctl_ok_4
if (A == 0x6f19) goto ioctl_ok_4
if (A == 0x6f2c) goto ioctl_ok_4
if (A == 0x6f2d) goto ioctl_ok_4
if (A == 0x6f2e) goto ioctl_ok_4
goto ioctl_5
ioctl_ok_4:
return ALLOW
ioctl_5:
if (A == 0x6f41) goto ioctl_ok_5
if (A == 0x6f42) goto ioctl_ok_5
if (A == 0x6f43) goto ioctl_ok_5
if (A == 0x6f56) goto ioctl_ok_5
if (A == 0x6f57) goto ioctl_ok_5
if (A == 0x6f58) goto ioctl_ok_5
if (A == 0x6f6b) goto ioctl_ok_5
if (A == 0x6f6c) goto ioctl_ok_5
if (A == 0x6f6d) goto ioctl_ok_5
if (A == 0x6f80) goto ioctl_ok_5
if (A == 0x6f81) goto ioctl_ok_5
if (A == 0x6f82) goto ioctl_ok_5
if (A == 0x6f95) goto ioctl_ok_5
if (A == 0x6f96) goto ioctl_ok_5
if (A == 0x6f97) goto ioctl_ok_5
if (A == 0x6faa) goto ioctl_ok_5
if (A == 0x6fab) goto ioctl_ok_5
if (A == 0x6fac) goto ioctl_ok_5
if (A == 0x6fbf) goto ioctl_ok_5
if (A == 0x6fc0) goto ioctl_ok_5
if (A == 0x6fc1) goto ioctl_ok_5
if (A == 0x6fd4) goto ioctl_ok_5
if (A == 0x6fd5) goto ioctl_ok_5
if (A == 0x6fd6) goto ioctl_ok_5
if (A == 0x6fe9) goto ioctl_ok_5
if (A == 0x6fea) goto ioctl_ok_5
if (A == 0x6feb) goto ioctl_ok_5
if (A == 0x6ffe) goto ioctl_ok_5
if (A == 0x6fff) goto ioctl_ok_5
if (A == 0x7000) goto ioctl_ok_5
if (A == 0x7013) goto ioctl_ok_5
if (A == 0x7014) goto ioctl_ok_5
if (A == 0x7015) goto ioctl_ok_5
if (A == 0x7028) goto ioctl_ok_5
if (A == 0x7029) goto ioctl_ok_5
if (A == 0x702a) goto ioctl_ok_5
if (A == 0x703d) goto ioctl_ok_5
if (A == 0x703e) goto ioctl_ok_5
if (A == 0x703f) goto ioctl_ok_5
if (A == 0x7052) goto ioctl_ok_5
if (A == 0x7053) goto ioctl_ok_5
if (A == 0x7054) goto ioctl_ok_5
if (A == 0x7067) goto ioctl_ok_5
if (A == 0x7068) goto ioctl_ok_5
if (A == 0x7069) goto ioctl_ok_5
if (A == 0x707c) goto ioctl_ok_5
if (A == 0x707d) goto ioctl_ok_5
if (A == 0x707e) goto ioctl_ok_5
if (A == 0x7091) goto ioctl_ok_5
if (A == 0x7092) goto ioctl_ok_5
if (A == 0x7093) goto ioctl_ok_5
if (A == 0x70a6) goto ioctl_ok_5
if (A == 0x70a7) goto ioctl_ok_5
if (A == 0x70a8) goto ioctl_ok_5
if (A == 0x70bb) goto ioctl_ok_5
if (A == 0x70bc) goto ioctl_ok_5
if (A == 0x70bd) goto ioctl_ok_5
if (A == 0x70d0) goto ioctl_ok_5
if (A == 0x70d1) goto ioctl_ok_5
if (A == 0x70d2) goto ioctl_ok_5
if (A == 0x70e5) goto ioctl_ok_5
if (A == 0x70e6) goto ioctl_ok_5
if (A == 0x70e7) goto ioctl_ok_5
if (A == 0x70fa) goto ioctl_ok_5
if (A == 0x70fb) goto ioctl_ok_5
if (A == 0x70fc) goto ioctl_ok_5
if (A == 0x710f) goto ioctl_ok_5
if (A == 0x7110) goto ioctl_ok_5
if (A == 0x7111) goto ioctl_ok_5
if (A == 0x7124) goto ioctl_ok_5
if (A == 0x7125) goto ioctl_ok_5
if (A == 0x7126) goto ioctl_ok_5
if (A == 0x7139) goto ioctl_ok_5
if (A == 0x713a) goto ioctl_ok_5
if (A == 0x713b) goto ioctl_ok_5
if (A == 0x714e) goto ioctl_ok_5
if (A == 0x714f) goto ioctl_ok_5
if (A == 0x7150) goto ioctl_ok_5
if (A == 0x7163) goto ioctl_ok_5
if (A == 0x7164) goto ioctl_ok_5
if (A == 0x7165) goto ioctl_ok_5
if (A == 0x7178) goto ioctl_ok_5
if (A == 0x7179) goto ioctl_ok_5
if (A == 0x717a) goto ioctl_ok_5
if (A == 0x718d) goto ioctl_ok_5
if (A == 0x718e) goto ioctl_ok_5
if (A == 0x718f) goto ioctl_ok_5
if (A == 0x71a2) goto ioctl_ok_5
if (A == 0x71a3) goto ioctl_ok_5
if (A == 0x71a4) goto ioctl_ok_5
if (A == 0x71b7) goto ioctl_ok_5
if (A == 0x71b8) goto ioctl_ok_5
if (A == 0x71b9) goto ioctl_ok_5
if (A == 0x71cc) goto ioctl_ok_5
if (A == 0x71cd) goto ioctl_ok_5
if (A == 0x71ce) goto ioctl_ok_5
if (A == 0x71e1) goto ioctl_ok_5
if (A == 0x71e2) goto ioctl_ok_5
if (A == 0x71e3) goto ioctl_ok_5
if (A == 0x71f6) goto ioctl_ok_5
if (A == 0x71f7) goto ioctl_ok_5
if (A == 0x71f8) goto ioctl_ok_5
if (A == 0x720b) goto ioctl_ok_5
if (A == 0x720c) goto ioctl_ok_5
if (A == 0x720d) goto ioctl_ok_5
if (A == 0x7220) goto ioctl_ok_5
if (A == 0x7221) goto ioctl_ok_5
if (A == 0x7222) goto ioctl_ok_5
if (A == 0x7235) goto ioctl_ok_5
if (A == 0x7236) goto ioctl_ok_5
if (A == 0x7237) goto ioctl_ok_5
if (A == 0x724a) goto ioctl_ok_5
if (A == 0x724b) goto ioctl_ok_5
if (A == 0x724c) goto ioctl_ok_5
if (A == 0x725f) goto ioctl_ok_5
if (A == 0x7260) goto ioctl_ok_5
if (A == 0x7261) goto ioctl_ok_5
if (A == 0x7274) goto ioctl_ok_5
if (A == 0x7275) goto ioctl_ok_5
if (A == 0x7276) goto ioctl_ok_5
if (A == 0x7289) goto ioctl_ok_5
if (A == 0x728a) goto ioctl_ok_5
if (A == 0x728b) goto ioctl_ok_5
if (A == 0x729e) goto ioctl_ok_5
if (A == 0x729f) goto ioctl_ok_5
if (A == 0x72a0) goto ioctl_ok_5
if (A == 0x72b3) goto ioctl_ok_5
if (A == 0x72b4) goto ioctl_ok_5
if (A == 0x72b5) goto ioctl_ok_5
if (A == 0x72c8) goto ioctl_ok_5
if (A == 0x72c9) goto ioctl_ok_5
if (A == 0x72ca) goto ioctl_ok_5
if (A == 0x72dd) goto ioctl_ok_5
if (A == 0x72de) goto ioctl_ok_5
if (A == 0x72df) goto ioctl_ok_5
if (A == 0x72f2) goto ioctl_ok_5
if (A == 0x72f3) goto ioctl_ok_5
if (A == 0x72f4) goto ioctl_ok_5
if (A == 0x7307) goto ioctl_ok_5
if (A == 0x7308) goto ioctl_ok_5
if (A == 0x7309) goto ioctl_ok_5
if (A == 0x731c) goto ioctl_ok_5
if (A == 0x731d) goto ioctl_ok_5
if (A == 0x731e) goto ioctl_ok_5
if (A == 0x7331) goto ioctl_ok_5
if (A == 0x7332) goto ioctl_ok_5
if (A == 0x7333) goto ioctl_ok_5
if (A == 0x7346) goto ioctl_ok_5
if (A == 0x7347) goto ioctl_ok_5
if (A == 0x7348) goto ioctl_ok_5
if (A == 0x735b) goto ioctl_ok_5
if (A == 0x735c) goto ioctl_ok_5
if (A == 0x735d) goto ioctl_ok_5
if (A == 0x7370) goto ioctl_ok_5
if (A == 0x7371) goto ioctl_ok_5
if (A == 0x7372) goto ioctl_ok_5
if (A == 0x7385) goto ioctl_ok_5
if (A == 0x7386) goto ioctl_ok_5
if (A == 0x7387) goto ioctl_ok_5
if (A == 0x739a) goto ioctl_ok_5
if (A == 0x739b) goto ioctl_ok_5
if (A == 0x739c) goto ioctl_ok_5
if (A == 0x73af) goto ioctl_ok_5
if (A == 0x73b0) goto ioctl_ok_5
if (A == 0x73b1) goto ioctl_ok_5
if (A == 0x73c4) goto ioctl_ok_5
if (A == 0x73c5) goto ioctl_ok_5
if (A == 0x73c6) goto ioctl_ok_5
if (A == 0x73d9) goto ioctl_ok_5
if (A == 0x73da) goto ioctl_ok_5
if (A == 0x73db) goto ioctl_ok_5
if (A == 0x73ee) goto ioctl_ok_5
if (A == 0x73ef) goto ioctl_ok_5
if (A == 0x73f0) goto ioctl_ok_5
if (A == 0x7403) goto ioctl_ok_5
if (A == 0x7404) goto ioctl_ok_5
if (A == 0x7405) goto ioctl_ok_5
if (A == 0x7418) goto ioctl_ok_5
if (A == 0x7419) goto ioctl_ok_5
if (A == 0x741a) goto ioctl_ok_5
if (A == 0x742d) goto ioctl_ok_5
if (A == 0x742e) goto ioctl_ok_5
if (A == 0x742f) goto ioctl_ok_5
if (A == 0x7442) goto ioctl_ok_5
if (A == 0x7443) goto ioctl_ok_5
if (A == 0x7444) goto ioctl_ok_5
if (A == 0x7457) goto ioctl_ok_5
if (A == 0x7458) goto ioctl_ok_5
if (A == 0x7459) goto ioctl_ok_5
if (A == 0x746c) goto ioctl_ok_5
if (A == 0x746d) goto ioctl_ok_5
if (A == 0x746e) goto ioctl_ok_5
if (A == 0x7481) goto ioctl_ok_5
if (A == 0x7482) goto ioctl_ok_5
if (A == 0x7483) goto ioctl_ok_5
if (A == 0x7496) goto ioctl_ok_5
if (A == 0x7497) goto ioctl_ok_5
if (A == 0x7498) goto ioctl_ok_5
if (A == 0x74ab) goto ioctl_ok_5
if (A == 0x74ac) goto ioctl_ok_5
goto ioctl_6
ioctl_ok_5:
return ALLOW
ioctl_6:
if (A == 0x74ad) goto ioctl_ok_6
if (A == 0x74c0) goto ioctl_ok_6
if (A == 0x74c1) goto ioctl_ok_6
if (A == 0x74c2) goto ioctl_ok_6
if (A == 0x74d5) goto ioctl_ok_6
if (A == 0x74d6) goto ioctl_ok_6
if (A == 0x74d7) goto ioctl_ok_6
if (A == 0x74ea) goto ioctl_ok_6
if (A == 0x74eb) goto ioctl_ok_6
if (A == 0x74ec) goto ioctl_ok_6
if (A == 0x74ff) goto ioctl_ok_6
if (A == 0x7500) goto ioctl_ok_6
if (A == 0x7501) goto ioctl_ok_6
if (A == 0x7514) goto ioctl_ok_6
if (A == 0x7515) goto ioctl_ok_6
if (A == 0x7516) goto ioctl_ok_6
if (A == 0x7529) goto ioctl_ok_6
if (A == 0x752a) goto ioctl_ok_6
if (A == 0x752b) goto ioctl_ok_6
if (A == 0x753e) goto ioctl_ok_6
if (A == 0x753f) goto ioctl_ok_6
if (A == 0x7540) goto ioctl_ok_6
if (A == 0x7553) goto ioctl_ok_6
if (A == 0x7554) goto ioctl_ok_6
if (A == 0x7555) goto ioctl_ok_6
if (A == 0x7568) goto ioctl_ok_6
if (A == 0x7569) goto ioctl_ok_6
if (A == 0x756a) goto ioctl_ok_6
if (A == 0x757d) goto ioctl_ok_6
if (A == 0x757e) goto ioctl_ok_6
if (A == 0x757f) goto ioctl_ok_6
if (A == 0x7592) goto ioctl_ok_6
if (A == 0x7593) goto ioctl_ok_6
if (A == 0x7594) goto ioctl_ok_6
if (A == 0x75a7) goto ioctl_ok_6
if (A == 0x75a8) goto ioctl_ok_6
if (A == 0x75a9) goto ioctl_ok_6
if (A == 0x75bc) goto ioctl_ok_6
if (A == 0x75bd) goto ioctl_ok_6
if (A == 0x75be) goto ioctl_ok_6
if (A == 0x75d1) goto ioctl_ok_6
if (A == 0x75d2) goto ioctl_ok_6
if (A == 0x75d3) goto ioctl_ok_6
if (A == 0x75e6) goto ioctl_ok_6
if (A == 0x75e7) goto ioctl_ok_6
if (A == 0x75e8) goto ioctl_ok_6
if (A == 0x75fb) goto ioctl_ok_6
if (A == 0x75fc) goto ioctl_ok_6
if (A == 0x75fd) goto ioctl_ok_6
if (A == 0x7610) goto ioctl_ok_6
if (A == 0x7611) goto ioctl_ok_6
if (A == 0x7612) goto ioctl_ok_6
if (A == 0x7625) goto ioctl_ok_6
if (A == 0x7626) goto ioctl_ok_6
if (A == 0x7627) goto ioctl_ok_6
if (A == 0x763a) goto ioctl_ok_6
if (A == 0x763b) goto ioctl_ok_6
if (A == 0x763c) goto ioctl_ok_6
if (A == 0x764f) goto ioctl_ok_6
if (A == 0x7650) goto ioctl_ok_6
if (A == 0x7651) goto ioctl_ok_6
if (A == 0x7664) goto ioctl_ok_6
if (A == 0x7665) goto ioctl_ok_6
if (A == 0x7666) goto ioctl_ok_6
if (A == 0x7679) goto ioctl_ok_6
if (A == 0x767a) goto ioctl_ok_6
if (A == 0x767b) goto ioctl_ok_6
if (A == 0x768e) goto ioctl_ok_6
if (A == 0x768f) goto ioctl_ok_6
if (A == 0x7690) goto ioctl_ok_6
if (A == 0x76a3) goto ioctl_ok_6
if (A == 0x76a4) goto ioctl_ok_6
if (A == 0x76a5) goto ioctl_ok_6
if (A == 0x76b8) goto ioctl_ok_6
if (A == 0x76b9) goto ioctl_ok_6
if (A == 0x76ba) goto ioctl_ok_6
if (A == 0x76cd) goto ioctl_ok_6
if (A == 0x76ce) goto ioctl_ok_6
if (A == 0x76cf) goto ioctl_ok_6
if (A == 0x76e2) goto ioctl_ok_6
if (A == 0x76e3) goto ioctl_ok_6
if (A == 0x76e4) goto ioctl_ok_6
if (A == 0x76f7) goto ioctl_ok_6
if (A == 0x76f8) goto ioctl_ok_6
if (A == 0x76f9) goto ioctl_ok_6
if (A == 0x770c) goto ioctl_ok_6
if (A == 0x770d) goto ioctl_ok_6
if (A == 0x770e) goto ioctl_ok_6
if (A == 0x7721) goto ioctl_ok_6
if (A == 0x7722) goto ioctl_ok_6
if (A == 0x7723) goto ioctl_ok_6
if (A == 0x7736) goto ioctl_ok_6
if (A == 0x7737) goto ioctl_ok_6
if (A == 0x7738) goto ioctl_ok_6
if (A == 0x774b) goto ioctl_ok_6
if (A == 0x774c) goto ioctl_ok_6
if (A == 0x774d) goto ioctl_ok_6
if (A == 0x7760) goto ioctl_ok_6
if (A == 0x7761) goto ioctl_ok_6
if (A == 0x7762) goto ioctl_ok_6
if (A == 0x7775) goto ioctl_ok_6
if (A == 0x7776) goto ioctl_ok_6
if (A == 0x7777) goto ioctl_ok_6
if (A == 0x778a) goto ioctl_ok_6
if (A == 0x778b) goto ioctl_ok_6
if (A == 0x778c) goto ioctl_ok_6
if (A == 0x779f) goto ioctl_ok_6
if (A == 0x77a0) goto ioctl_ok_6
if (A == 0x77a1) goto ioctl_ok_6
if (A == 0x77b4) goto ioctl_ok_6
if (A == 0x77b5) goto ioctl_ok_6
if (A == 0x77b6) goto ioctl_ok_6
if (A == 0x77c9) goto ioctl_ok_6
if (A == 0x77ca) goto ioctl_ok_6
if (A == 0x77cb) goto ioctl_ok_6
if (A == 0x77de) goto ioctl_ok_6
if (A == 0x77df) goto ioctl_ok_6
if (A == 0x77e0) goto ioctl_ok_6
if (A == 0x77f3) goto ioctl_ok_6
if (A == 0x77f4) goto ioctl_ok_6
if (A == 0x77f5) goto ioctl_ok_6
if (A == 0x7808) goto ioctl_ok_6
if (A == 0x7809) goto ioctl_ok_6
if (A == 0x780a) goto ioctl_ok_6
if (A == 0x781d) goto ioctl_ok_6
if (A == 0x781e) goto ioctl_ok_6
if (A == 0x781f) goto ioctl_ok_6
if (A == 0x7832) goto ioctl_ok_6
if (A == 0x7833) goto ioctl_ok_6
if (A == 0x7834) goto ioctl_ok_6
if (A == 0x7847) goto ioctl_ok_6
if (A == 0x7848) goto ioctl_ok_6
if (A == 0x7849) goto ioctl_ok_6
if (A == 0x785c) goto ioctl_ok_6
if (A == 0x785d) goto ioctl_ok_6
if (A == 0x785e) goto ioctl_ok_6
if (A == 0x7871) goto ioctl_ok_6
if (A == 0x7872) goto ioctl_ok_6
if (A == 0x7873) goto ioctl_ok_6
if (A == 0x7886) goto ioctl_ok_6
if (A == 0x7887) goto ioctl_ok_6
if (A == 0x7888) goto ioctl_ok_6
if (A == 0x789b) goto ioctl_ok_6
if (A == 0x789c) goto ioctl_ok_6
if (A == 0x789d) goto ioctl_ok_6
if (A == 0x78b0) goto ioctl_ok_6
if (A == 0x78b1) goto ioctl_ok_6
if (A == 0x78b2) goto ioctl_ok_6
if (A == 0x78c5) goto ioctl_ok_6
if (A == 0x78c6) goto ioctl_ok_6
if (A == 0x78c7) goto ioctl_ok_6
if (A == 0x78da) goto ioctl_ok_6
if (A == 0x78db) goto ioctl_ok_6
if (A == 0x78dc) goto ioctl_ok_6
if (A == 0x78ef) goto ioctl_ok_6
if (A == 0x78f0) goto ioctl_ok_6
if (A == 0x78f1) goto ioctl_ok_6
if (A == 0x7904) goto ioctl_ok_6
if (A == 0x7905) goto ioctl_ok_6
if (A == 0x7906) goto ioctl_ok_6
if (A == 0x7919) goto ioctl_ok_6
if (A == 0x791a) goto ioctl_ok_6
if (A == 0x791b) goto ioctl_ok_6
if (A == 0x792e) goto ioctl_ok_6
if (A == 0x792f) goto ioctl_ok_6
if (A == 0x7930) goto ioctl_ok_6
if (A == 0x7943) goto ioctl_ok_6
if (A == 0x7944) goto ioctl_ok_6
if (A == 0x7945) goto ioctl_ok_6
if (A == 0x7958) goto ioctl_ok_6
if (A == 0x7959) goto ioctl_ok_6
if (A == 0x795a) goto ioctl_ok_6
if (A == 0x796d) goto ioctl_ok_6
if (A == 0x796e) goto ioctl_ok_6
if (A == 0x796f) goto ioctl_ok_6
if (A == 0x7982) goto ioctl_ok_6
if (A == 0x7983) goto ioctl_ok_6
if (A == 0x7984) goto ioctl_ok_6
if (A == 0x7997) goto ioctl_ok_6
if (A == 0x7998) goto ioctl_ok_6
if (A == 0x7999) goto ioctl_ok_6
if (A == 0x79ac) goto ioctl_ok_6
if (A == 0x79ad) goto ioctl_ok_6
if (A == 0x79ae) goto ioctl_ok_6
if (A == 0x79c1) goto ioctl_ok_6
if (A == 0x79c2) goto ioctl_ok_6
if (A == 0x79c3) goto ioctl_ok_6
if (A == 0x79d6) goto ioctl_ok_6
if (A == 0x79d7) goto ioctl_ok_6
if (A == 0x79d8) goto ioctl_ok_6
if (A == 0x79eb) goto ioctl_ok_6
goto ioctl_7
ioctl_ok_6:
return ALLOW
ioctl_7:
return ERRNO(25)
