//! `explain-truth`: hold what `explain` claims to the emulator on many
//! generated filters (see `seccomp_suite::explain_truth`).

pub const USAGE: &str = "explain-truth [CASES] [SEED]
                          check explained rules against the emulator on CASES
                          generated filters (default 100000)";

pub fn run(args: &[String]) -> Result<bool, String> {
    let cases = match args.first() {
        Some(n) => n.parse().map_err(|e| format!("CASES {n:?}: {e}"))?,
        None => 100_000,
    };
    let seed = match args.get(1) {
        Some(s) => s.parse().map_err(|e| format!("SEED {s:?}: {e}"))?,
        None => 0x7e57,
    };
    let start = std::time::Instant::now();
    match seccomp_suite::explain_truth::run(seed, cases, 24) {
        Ok(t) => {
            println!(
                "{} filters, {} inputs ({} made to satisfy a rule; {} alternatives unsatisfied; {} covered by a rule text of another verdict; \
                 {} runs ended on a division by zero; {} walks truncated): 0 disagreements in {:.1?}",
                t.filters, t.inputs, t.inside, t.unsatisfied, t.overclaims, t.division_by_zero, t.truncated,
                start.elapsed()
            );
            Ok(true)
        }
        Err((case, insns, arch, d)) => {
            println!(
                "case {case} (seed {seed}, {}): the emulator returns {} for {:?}; the policy says {:?}\n\
                 program: {insns:?}\n{}",
                arch.name(),
                d.emulated,
                d.data,
                d.claimed,
                d.policy
            );
            Ok(false)
        }
    }
}
