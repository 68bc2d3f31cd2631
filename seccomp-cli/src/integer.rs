//! Numbers on the command line, in the syntax of Ruby's `Integer()`, which
//! seccomp-tools uses for `emu`'s syscall number, arguments and `--ip`.

/// Parses `s` as Ruby's `Integer(s)` does: surrounding whitespace, an
/// optional sign, a `0x`, `0b`, `0o`, `0d` or bare `0` (octal) prefix, and
/// single underscores between digits. `None` if `s` is not such a number or
/// does not fit in an `i128`.
pub fn parse_integer(s: &str) -> Option<i128> {
    let s = s.trim_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    let (negative, s) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let (radix, digits) = if let Some(rest) = lower.strip_prefix("0x") {
        (16, rest)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (2, rest)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (8, rest)
    } else if let Some(rest) = lower.strip_prefix("0d") {
        (10, rest)
    } else if lower.len() > 1 && lower.starts_with('0') {
        // `0_17` is octal 15: an underscore may follow the bare `0` prefix.
        let rest = &lower[1..];
        (8, rest.strip_prefix('_').unwrap_or(rest))
    } else {
        (10, lower.as_str())
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let mut value: i128 = 0;
    for c in digits.chars().filter(|&c| c != '_') {
        let d = c.to_digit(radix)?;
        value = value.checked_mul(radix as i128)?.checked_add(d as i128)?;
    }
    Some(if negative { -value } else { value })
}

/// A 64-bit value: `0..=u64::MAX`, or a negative number down to `i64::MIN`
/// taken as its two's complement (so `-1` is all ones, as the filter sees it).
pub fn parse_u64(s: &str) -> Result<u64, String> {
    let v = parse_integer(s).ok_or_else(|| format!("invalid number {s:?}"))?;
    if (i64::MIN as i128..=u64::MAX as i128).contains(&v) {
        Ok(v as u64)
    } else {
        Err(format!("{s:?} does not fit in 64 bits"))
    }
}

/// A 32-bit value (a syscall number): `0..=u32::MAX`, or a negative number
/// down to `i32::MIN` taken as its two's complement.
pub fn parse_u32(s: &str) -> Result<u32, String> {
    let v = parse_integer(s).ok_or_else(|| format!("invalid number {s:?}"))?;
    if (i32::MIN as i128..=u32::MAX as i128).contains(&v) {
        Ok(v as u32)
    } else {
        Err(format!("{s:?} does not fit in 32 bits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruby_integer_syntax() {
        for (s, v) in [
            ("0", 0),
            ("42", 42),
            ("-42", -42),
            ("+7", 7),
            ("  12\n", 12),
            ("0x1F", 31),
            ("0XfF", 255),
            ("-0x10", -16),
            ("0b101", 5),
            ("0o17", 15),
            ("017", 15),
            ("0_17", 15),
            ("0d19", 19),
            ("1_000_000", 1_000_000),
        ] {
            assert_eq!(parse_integer(s), Some(v), "{s:?}");
        }
        for s in [
            "", " ", "-", "0x", "08", "1__0", "_1", "1_", "0x_1", "1.5", "abc", "1e3", "0b2",
        ] {
            assert_eq!(parse_integer(s), None, "{s:?}");
        }
    }

    #[test]
    fn widths_are_checked_not_masked() {
        assert_eq!(parse_u64("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(parse_u64("-1"), Ok(u64::MAX));
        assert_eq!(parse_u64("-9223372036854775808"), Ok(1 << 63));
        assert!(parse_u64("18446744073709551616").is_err());
        assert!(parse_u64("-9223372036854775809").is_err());
        assert_eq!(parse_u32("0xffffffff"), Ok(u32::MAX));
        assert_eq!(parse_u32("-1"), Ok(u32::MAX));
        assert_eq!(
            parse_u32("0x100000000"),
            Err("\"0x100000000\" does not fit in 32 bits".to_string())
        );
        assert_eq!(parse_u32("x"), Err("invalid number \"x\"".to_string()));
    }
}
