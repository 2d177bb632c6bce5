//! The `gangmu` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    gangmu::cli::main()
}
