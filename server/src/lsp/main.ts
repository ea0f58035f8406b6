// Entry point of the language server (bundled to dist/server.js). VS Code starts it over IPC; other
// editors run `node dist/server.js --stdio` (or the dockwise-language-server command).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// The server must outlive any bad document or request: log and carry on.
process.on('uncaughtException', (e) => { process.stderr.write(`dockwise: uncaught ${e?.stack ?? e}\n`); });
process.on('unhandledRejection', (e) => { process.stderr.write(`dockwise: unhandled ${(e as Error)?.stack ?? e}\n`); });

if (process.argv.includes('--version')) {
  process.stdout.write('dockwise-language-server\n');
} else {
  startServer(createConnection(ProposedFeatures.all));
}
