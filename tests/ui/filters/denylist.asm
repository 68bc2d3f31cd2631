# The classic bypassable denylist.
A = arch
if (A != ARCH_X86_64) goto dead
A = sys_number
if (A == execve) goto dead
return ALLOW
dead:
return KILL
