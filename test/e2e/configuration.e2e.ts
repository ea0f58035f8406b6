/// <reference types="mocha" />
// Settings and config files change what is reported, while the document stays open.
import * as vscode from 'vscode';
import { closeAll, expectDiagnostics, fixture, openCopy } from './helpers';

suite('configuration', () => {
  teardown(async () => {
    await vscode.workspace.getConfiguration('dockwise').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(fixture('hadolint/.hadolint.yaml')).then(undefined, () => undefined);
    await closeAll();
  });

  test('dockwise.rules in the workspace settings: on, off, a new severity, hadolint codes', async () => {
    const { document } = await openCopy('settings/Dockerfile');
    const uri = document.uri;
    // consecutive-run is off in the default profile; the settings turn it on, by id or by its hadolint code.
    await expectDiagnostics(uri, ['shell-form-cmd Warning 8:5-8:39']);
    const config = vscode.workspace.getConfiguration('dockwise', uri);
    await config.update('rules', { 'consecutive-run': 'info', 'shell-form-cmd': 'error' }, vscode.ConfigurationTarget.Workspace);
    await expectDiagnostics(uri, ['consecutive-run Information 5:1-5:4', 'shell-form-cmd Error 8:5-8:39'], 'after dockwise.rules = { consecutive-run: info, shell-form-cmd: error }');
    await config.update('rules', { DL3059: 'warning', DL3025: 'off' }, vscode.ConfigurationTarget.Workspace);
    await expectDiagnostics(uri, ['consecutive-run Warning 5:1-5:4'], 'after dockwise.rules = { DL3059: warning, DL3025: off }');
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await expectDiagnostics(uri, ['shell-form-cmd Warning 8:5-8:39'], 'after removing dockwise.rules');
  });

  test('a .hadolint.yaml beside the Dockerfile: overrides and ignored codes', async () => {
    const { document } = await openCopy('hadolint/Dockerfile');
    const uri = document.uri;
    await expectDiagnostics(uri, []);
    const write = (text: string) => vscode.workspace.fs.writeFile(fixture('hadolint/.hadolint.yaml'), new TextEncoder().encode(text));
    await write('# hadolint settings shared with CI\noverride:\n  warning:\n    - DL3059\n');
    await expectDiagnostics(uri, ['consecutive-run Warning 5:1-5:4'], 'after adding .hadolint.yaml with override: warning: [DL3059]');
    await write('override:\n  warning:\n    - DL3059\nignored:\n  - DL3059\n');
    await expectDiagnostics(uri, [], 'after adding ignored: [DL3059]');
    await vscode.workspace.fs.delete(fixture('hadolint/.hadolint.yaml'));
    await expectDiagnostics(uri, [], 'after deleting .hadolint.yaml');
  });
});
