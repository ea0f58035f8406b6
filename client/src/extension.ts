// The desktop client: starts the bundled language server as a Node process over IPC. The commands, rule pages
// and client options are shared with the web client (common.ts); diagnostics, fixes and hover come from the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, registerFeatures, type DockwiseApi } from './common';
import { DockwiseDiagnostics } from './docker-dx';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<DockwiseApi> {
  const output = vscode.window.createOutputChannel('Dockwise', { log: true });
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // The Node server reads files from disk itself, so only documents it can reach: local, untitled and remote.
  const selector = [{ language: 'dockerfile', scheme: 'file' }, { language: 'dockerfile', scheme: 'untitled' }, { language: 'dockerfile', scheme: 'vscode-remote' }];
  const diagnostics = new DockwiseDiagnostics(() => client);
  client = new LanguageClient('dockwise', 'Dockwise', serverOptions, clientOptions(context, output, selector, diagnostics));
  const api = registerFeatures(context, output, () => client, diagnostics);
  await client.start();
  return api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
