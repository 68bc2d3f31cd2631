//! `seccomp disasm`: raw BPF to seccomp-tools' disassembly.

use crate::cli::DisasmArgs;
use crate::engine::{self, DisasmRequest};
use crate::error::{warn, Failure};
use crate::io::{arch_or_native, decode_filter_prefix, input_name, read_input, Output};

pub fn run(args: DisasmArgs) -> Result<u8, Failure> {
    let arch = arch_or_native(args.arch)?;
    let bytes = read_input(&args.input)?;
    // seccomp-tools lists the whole instructions and ignores trailing bytes.
    let (insns, dropped) = decode_filter_prefix(&bytes, arch, input_name(&args.input))?;
    if let Some(dropped) = dropped {
        warn(&dropped);
    }
    let mut output = Output::new(args.output);
    let request = DisasmRequest {
        arch,
        display_bpf: !args.no_bpf && !args.asm_able,
        arg_infer: !args.no_arg_infer && !args.asm_able,
        color: output.color(),
    };
    for warning in engine::disasm_warnings(&insns, &request)? {
        warn(&warning);
    }
    let mut gave_up = None;
    output.write_text(|out| {
        gave_up = engine::write_disassembly(out, &insns, &request)?;
        Ok(())
    })?;
    if let Some(line) = gave_up {
        warn(&engine::gave_up_warning(line));
    }
    Ok(0)
}
