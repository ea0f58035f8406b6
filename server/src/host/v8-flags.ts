// The V8 flags both programs (the command and the language server) run with, set by their bins before the program
// is compiled (V8 also checks them when it reads cached code, see compile-cache.ts).
export const V8_FLAGS: readonly string[] = [
  // The shell grammar (tree-sitter's WASM) stays on V8's baseline compiler. By default V8 recompiles its hot
  // functions with the optimizing compiler on background threads; the grammar's lexer and parser are a few huge
  // functions, and compiling them took about 0.5 s of CPU in the first seconds after a document opened, on the
  // cores the editor and the server's own keystrokes need (measured: open -> diagnostics and keystroke latency
  // both improve, the lint's own time does not change). A command run is short: optimising the grammar cost it
  // more than it saved, even over 930 files (1.15 times the wall time without this flag).
  '--liftoff-only',
  // Likewise V8's optimizing compiler inlines nothing into our own functions. The lint's hot functions are large
  // and called from many places; inlining into them made each optimization slow to compile (up to 80 ms of
  // background CPU for the model's constructor, several times over as inputs change) for no measurable gain in the
  // lint itself. Measured on the bench files: background CPU halved, keystroke p95 20-35% lower; on 930 real files
  // the command's optimizing compiler took 1.2 s instead of 3.1 s, and the run 0.84 times the CPU.
  '--no-turbo-inlining',
];
