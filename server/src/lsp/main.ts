// The language server (bundled to dist/server-main.js, started by dist/server.js, see bin.ts). VS Code starts it
// over IPC; other editors run `node dist/server.js --stdio` (or the dockwise-language-server command).
import { format } from 'node:util';
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

// V8 flags: host/v8-flags.ts, set by bin.ts before this file is compiled.

if (process.argv.includes('--version')) {
  process.stdout.write('dockwise-language-server\n');
} else {
  startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all), { host: nodeHost, rulePages: findRulePagesUri() });
}
