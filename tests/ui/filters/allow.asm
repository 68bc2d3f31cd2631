return ALLOW
