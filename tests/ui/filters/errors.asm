# A filter with mistakes in it.
A = arch
if (A != ARCH_X86_64) goto dead
A = sys_number
if (A == amd64.wrte) goto ok
	A = mem[20]
return ERRNO(1)
ok:
return ALLOW
dead:
return KILL
