//! `seccomp disasm`: raw BPF to seccomp-tools' disassembly.

use crate::cli::DisasmArgs;
use crate::engine::{self, DisasmRequest};
use crate::error::Failure;
use crate::io::{arch_or_native, decode_filter, input_name, read_input, Output};

pub fn run(args: DisasmArgs) -> Result<u8, Failure> {
    let arch = arch_or_native(args.arch)?;
    let bytes = read_input(&args.input)?;
    let insns = decode_filter(&bytes, arch, input_name(&args.input))?;
    let mut output = Output::new(args.output);
    let request = DisasmRequest {
        arch,
        display_bpf: !args.no_bpf && !args.asm_able,
        arg_infer: !args.no_arg_infer && !args.asm_able,
        color: output.color(),
    };
    let text = engine::disassemble(&insns, &request)?;
    output.write(text.as_bytes())?;
    Ok(0)
}
