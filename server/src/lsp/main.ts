// Entry point of the language server (bundled to dist/server.js). VS Code starts it over IPC; other
// editors run `node dist/server.js --stdio` (or the dockwise-language-server command).
import { format } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures, StreamMessageReader, type Connection } from 'vscode-languageserver/node';
import { DirectMessageWriter } from './message-writer';
import { findRulePagesUri, nodeHost } from '../host/node';
import { startServer } from './start';

// The server must outlive any bad document or request: log and carry on.
process.on('uncaughtException', (e) => { process.stderr.write(`dockwise: uncaught ${e?.stack ?? e}\n`); });
process.on('unhandledRejection', (e) => { process.stderr.write(`dockwise: unhandled ${(e as Error)?.stack ?? e}\n`); });

/**
 * Over stdio the messages go out through our own writer (see message-writer.ts). What the library does for
 * `--stdio` is done here too: stdout carries only the protocol (console output goes to the client's log),
 * and the server exits when the client closes its end.
 */
function stdioConnection(): Connection {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new DirectMessageWriter(process.stdout));
  let shutdown = false;
  connection.onShutdown(() => { shutdown = true; });
  const exit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  console.log = console.info = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.debug = console.trace = (...args: unknown[]) => connection.console.log(format(...args));
  return connection;
}

// The shell grammar (tree-sitter's WASM) stays on V8's baseline compiler. By default V8 recompiles its hot
// functions with the optimizing compiler on background threads; the grammar's lexer and parser are a few huge
// functions, and compiling them took about 0.5 s of CPU in the first seconds after a document opened, on the
// cores the editor and the server's own keystrokes need (measured: open -> diagnostics and keystroke latency
// both improve, the lint's own time does not change). Set before the grammar is compiled, in startServer.
setFlagsFromString('--liftoff-only');
// Likewise V8's optimizing compiler inlines nothing into the server's own functions. The lint's hot functions
// are large and called from many places; inlining into them made each optimization slow to compile (up to
// 80 ms of background CPU for the model's constructor, several times over as inputs change) for no measurable
// gain in the lint itself. Measured on the bench files: background CPU halved, keystroke p95 20-35% lower.
setFlagsFromString('--no-turbo-inlining');

if (process.argv.includes('--version')) {
  process.stdout.write('dockwise-language-server\n');
} else {
  startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all), { host: nodeHost, rulePages: findRulePagesUri() });
}
