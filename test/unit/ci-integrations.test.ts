// The CI integrations, run against the packed npm package installed the way pre-commit installs it
// (`npm pack`, then `npm install -g` of the tarball, offline): the pre-commit hooks' entries and `files`
// patterns, the GitHub Action's script (action.yml) and the snippets in docs/cli.md. `npx --yes
// dockwise@<version>` cannot reach a registry here, so a stand-in npx accepts exactly that call and runs
// the installed package.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { installGlobal, pack, root } from '../support/packaging';

const version: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const BAD = 'FROM ubuntu:latest\nRUN apt-get update && apt-get install curl\n';
// Clean under every profile and on any date (no base image that can reach its end of life).
const CLEAN = 'FROM scratch\nCOPY app /app\nUSER 1000\nENTRYPOINT ["/app"]\n';

interface Hook { id: string; entry: string; language: string; files: string; types?: string[]; additional_dependencies?: string[] }
const hooks: Hook[] = YAML.parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8'));
const action = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'));

/** docs/cli.md's YAML snippets under "## In CI", by their "###" heading. */
function ciSnippets(): Record<string, unknown[]> {
  const md = fs.readFileSync(path.join(root, 'docs/cli.md'), 'utf8');
  const start = md.indexOf('\n## In CI\n');
  assert.ok(start >= 0, 'docs/cli.md has no "## In CI" section');
  const end = md.indexOf('\n## ', start + 1);
  const out: Record<string, unknown[]> = {};
  for (const part of md.slice(start, end < 0 ? undefined : end).split('\n### ').slice(1)) {
    const heading = part.slice(0, part.indexOf('\n'));
    out[heading] = [...part.matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map((m) => YAML.parse(m[1]));
  }
  return out;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
}

describe('the packed npm package in CI', () => {
  let tmp = '';
  let bin = '';
  let PATH = '';
  let n = 0;
  const workspace = (files: Record<string, string>) => {
    const dir = path.join(tmp, `ws${n++}`);
    fs.mkdirSync(dir);
    write(dir, files);
    return dir;
  };

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-ci-'));
    bin = installGlobal(pack(tmp), path.join(tmp, 'prefix'));
    const shim = path.join(tmp, 'shim');
    fs.mkdirSync(shim);
    fs.writeFileSync(path.join(shim, 'npx'), [
      '#!/bin/sh',
      `if [ "$1" != "--yes" ] || [ "$2" != "dockwise@${version}" ]; then echo "unexpected call: npx $*" >&2; exit 97; fi`,
      'shift 2',
      `exec "${path.join(bin, 'dockwise')}" "$@"`,
      '',
    ].join('\n'), { mode: 0o755 });
    PATH = [shim, path.dirname(process.execPath), process.env.PATH].join(path.delimiter);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('the installed package, with nothing but Node', () => {
    it('holds no dependencies to install and no native module', () => {
      const pkgDir = path.join(tmp, 'prefix', 'lib', 'node_modules', 'dockwise');
      assert.ok(fs.existsSync(pkgDir), pkgDir);
      assert.ok(!fs.existsSync(path.join(pkgDir, 'node_modules')), 'the package brought dependencies along');
      const natives: string[] = [];
      const walk = (d: string): void => { for (const e of fs.readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name)) : /\.node$/.test(e.name) && natives.push(e.name); };
      walk(pkgDir);
      assert.deepEqual(natives, []);
    });

    it('dockwise lints a file from an empty folder', () => {
      const dir = workspace({ Dockerfile: BAD });
      const r = spawnSync(path.join(bin, 'dockwise'), ['-f', 'json', 'Dockerfile'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH } });
      assert.equal(r.status, 1, r.stderr);
      assert.ok(JSON.parse(r.stdout).files[0].findings.some((f: { rule: string }) => f.rule === 'apt-get-missing-yes'));
    });

    it('dockwise-language-server answers an editor over stdio: diagnostics for an opened Dockerfile', async () => {
      const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
      const child = spawn(path.join(bin, 'dockwise-language-server'), ['--stdio'], { cwd: workspace({}), env: { ...process.env, PATH }, stdio: ['pipe', 'pipe', 'pipe'] });
      const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      try {
        const published = new Promise<Array<{ code: string }>>((resolve) => conn.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: Array<{ code: string }> }) => resolve(p.diagnostics)));
        conn.onRequest(() => null);
        conn.listen();
        await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
        await conn.sendNotification('initialized', {});
        await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'dockerfile', version: 1, text: BAD } });
        const diagnostics = await published;
        assert.ok(diagnostics.some((d) => d.code === 'apt-get-missing-yes'), JSON.stringify(diagnostics));
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } finally {
        conn.dispose();
        child.kill();
      }
    });
  });

  describe('pre-commit hooks', () => {
    it('are node hooks on files, named as docs/cli.md says', () => {
      assert.deepEqual(hooks.map((h) => h.id), ['dockwise', 'dockwise-fix', 'dockwise-format']);
      for (const h of hooks) {
        assert.equal(h.language, 'node');
        assert.deepEqual(h.types, ['file']);
      }
    });

    it('their files pattern matches exactly the names the command finds by itself', () => {
      const names = ['Dockerfile', 'svc/Dockerfile.prod', 'Containerfile', 'build/Containerfile.dev', 'web/app.Dockerfile', 'x/worker.dockerfile',
        'README.md', 'MyDockerfile', 'Dockerfile-old', 'dockerfile', 'docs/Dockerfile.md', 'notes/Dockerfile/readme.txt', '.dockerignore', 'Dockerfile.', 'compose.yaml'];
      const dir = workspace(Object.fromEntries(names.map((f) => [f, CLEAN])));
      const r = spawnSync(path.join(bin, 'dockwise'), ['--format', 'json', '--failure-threshold', 'none'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const found = new Set(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path.split(path.sep).join('/')));
      assert.ok(found.has('svc/Dockerfile.prod') && found.has('x/worker.dockerfile') && !found.has('README.md'), [...found].join(', '));
      for (const h of hooks) {
        // pre-commit uses Python's re.search; this pattern means the same in JavaScript.
        const re = new RegExp(h.files);
        for (const name of names) assert.equal(re.test(name), found.has(name), `${h.id}: files ${re.test(name) ? 'matches' : 'misses'} ${name}, which the command ${found.has(name) ? 'finds' : 'skips'}`);
      }
    });

    it('dockwise reports findings in the staged files and fails, and passes clean ones', () => {
      const hook = hooks.find((h) => h.id === 'dockwise')!;
      const dir = workspace({ Dockerfile: BAD, 'svc/Dockerfile.prod': CLEAN });
      const [cmd, ...args] = hook.entry.split(/\s+/);
      const env = { ...process.env, PATH: `${bin}${path.delimiter}${PATH}` };
      const bad = spawnSync(cmd, [...args, 'Dockerfile', 'svc/Dockerfile.prod'], { cwd: dir, env, encoding: 'utf8' });
      assert.equal(bad.status, 1, bad.stderr);
      assert.match(bad.stdout, /^Dockerfile$/m);
      assert.match(bad.stdout, /apt-get-missing-yes/);
      assert.doesNotMatch(bad.stdout, /Dockerfile\.prod/);
      const clean = spawnSync(cmd, [...args, 'svc/Dockerfile.prod'], { cwd: dir, env, encoding: 'utf8' });
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    });

    it('dockwise-fix applies the safe fixes to the staged files', () => {
      const hook = hooks.find((h) => h.id === 'dockwise-fix')!;
      const dir = workspace({ 'svc/Dockerfile': BAD });
      const [cmd, ...args] = hook.entry.split(/\s+/);
      const r = spawnSync(cmd, [...args, 'svc/Dockerfile'], { cwd: dir, env: { ...process.env, PATH: `${bin}${path.delimiter}${PATH}` }, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.match(fs.readFileSync(path.join(dir, 'svc/Dockerfile'), 'utf8'), /apt-get install -y/);
    });

    it('dockwise-format formats the staged files in place', () => {
      const hook = hooks.find((h) => h.id === 'dockwise-format')!;
      const dir = workspace({ 'svc/Dockerfile': 'from scratch\ncopy  app /app   \n' });
      const [cmd, ...args] = hook.entry.split(/\s+/);
      const r = spawnSync(cmd, [...args, 'svc/Dockerfile'], { cwd: dir, env: { ...process.env, PATH: `${bin}${path.delimiter}${PATH}` }, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'svc/Dockerfile'), 'utf8'), 'FROM scratch\nCOPY app /app\n');
    });
  });

  describe('the GitHub Action', () => {
    const inputs = action.inputs as Record<string, { default?: string }>;

    /** Runs action.yml's steps as the runner does: inputs through `${{ inputs.x }}` in env, GITHUB_ACTION_PATH, GITHUB_OUTPUT. */
    function runAction(cwd: string, given: Record<string, string>) {
      for (const k of Object.keys(given)) assert.ok(k in inputs, `action.yml has no input ${k}`);
      const value = (v: string) => v.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, e: string) => {
        const m = /^inputs\.([\w-]+)$/.exec(e);
        if (!m || !(m[1] in inputs)) throw new Error(`the test cannot evaluate \${{ ${e} }}`);
        return given[m[1]] ?? inputs[m[1]].default ?? '';
      });
      const output = path.join(cwd, '..', `${path.basename(cwd)}.output`);
      fs.writeFileSync(output, '');
      let status: number | null = 0;
      let stderr = '';
      for (const step of action.runs.steps) {
        assert.equal(step.shell, 'bash');
        assert.doesNotMatch(step.run, /\$\{\{/, 'inputs reach the script through env, never pasted into it');
        const env: Record<string, string> = { ...process.env, PATH, GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: output } as Record<string, string>;
        for (const [k, v] of Object.entries(step.env ?? {})) env[k] = value(String(v));
        const script = path.join(tmp, `step${n++}.sh`);
        fs.writeFileSync(script, step.run);
        const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8' });
        status = r.status;
        stderr += r.stderr;
        if (status !== 0) break;
      }
      const outputs = Object.fromEntries(fs.readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      return { status, stderr, outputs };
    }

    const sarifResults = (file: string) => {
      const sarif = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(sarif.version, '2.1.0');
      return sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    };

    it('is a composite action whose sarif-file output is what its step writes', () => {
      assert.equal(action.runs.using, 'composite');
      const m = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(action.outputs['sarif-file'].value);
      assert.ok(m);
      assert.ok(action.runs.steps.some((s: { id?: string; run: string }) => s.id === m[1] && s.run.includes(`echo "${m[2]}=`)));
    });

    it('with its defaults, lints every Dockerfile and writes the SARIF report without failing the step', () => {
      const dir = workspace({ 'svc/Dockerfile': BAD, 'Dockerfile': CLEAN });
      const r = runAction(dir, {});
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.outputs['sarif-file'], path.join(dir, 'dockwise.sarif'));
      const results = sarifResults(r.outputs['sarif-file']);
      assert.ok(results.some((x) => x.ruleId === 'apt-get-missing-yes' && x.locations[0].physicalLocation.artifactLocation.uri === 'svc/Dockerfile'));
    });

    it('passes paths, args, failure-threshold, sarif-file and working-directory on', () => {
      const dir = workspace({ 'app/svc/Dockerfile': BAD, 'app/other/Dockerfile': BAD });
      const r = runAction(dir, { 'working-directory': 'app', paths: 'svc/Dockerfile', args: '--ignore base-image-latest', 'failure-threshold': 'warning', 'sarif-file': 'reports/dockwise.sarif' });
      assert.equal(r.status, 1, 'findings at the threshold fail the step');
      assert.equal(r.outputs['sarif-file'], path.join(dir, 'app/reports/dockwise.sarif'));
      const results = sarifResults(r.outputs['sarif-file']);
      assert.ok(results.length > 0);
      assert.deepEqual([...new Set(results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri))], ['svc/Dockerfile']);
      assert.ok(!results.some((x) => x.ruleId === 'base-image-latest'));
    });

    it('runs the npm package of its own version, or of the version input', () => {
      const dir = workspace({ Dockerfile: BAD });
      const r = runAction(dir, { version: '9.9.9' });
      assert.equal(r.status, 97);
      assert.match(r.stderr, /unexpected call: npx --yes dockwise@9\.9\.9 --format sarif/);
    });
  });

  describe('docs/cli.md', () => {
    const snippets = ciSnippets();

    it('the GitHub workflow uses this version of the action and uploads its report even when the step fails', () => {
      const [workflow, annotations] = snippets['GitHub Actions'] as [Record<string, any>, Record<string, any>[]];
      assert.equal(workflow.permissions['security-events'], 'write');
      const steps: Record<string, any>[] = Object.values(workflow.jobs as Record<string, { steps: Record<string, any>[] }>)[0].steps;
      const lint = steps.find((s) => /\/dockwise@/.test(s.uses ?? ''));
      assert.ok(lint, 'no step uses the action');
      assert.match(lint.uses, new RegExp(`^[\\w-]+/dockwise@v${version.replace(/\./g, '\\.')}$`));
      for (const k of Object.keys(lint.with ?? {})) assert.ok(k in action.inputs, `the workflow passes ${k}, which action.yml lacks`);
      const upload = steps.find((s) => /^github\/codeql-action\/upload-sarif@v\d+$/.test(s.uses ?? ''));
      assert.ok(upload, 'no upload-sarif step');
      assert.match(upload.if, /!cancelled\(\)|always\(\)/);
      assert.equal(upload.with.sarif_file, `\${{ steps.${lint.id}.outputs.sarif-file }}`);

      const run = annotations.find((s) => s.run)!.run as string;
      const dir = workspace({ Dockerfile: BAD });
      const r = spawnSync('sh', ['-c', run], { cwd: dir, env: { ...process.env, PATH }, encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^::warning file=Dockerfile,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=apt-get-missing-yes::/m);
    });

    it('the pre-commit snippets name these hooks at this version', () => {
      const [remote, local] = snippets['pre-commit'] as { repos: { repo: string; rev?: string; hooks: Hook[] }[] }[];
      assert.equal(remote.repos[0].rev, `v${version}`);
      for (const h of remote.repos[0].hooks) assert.ok(hooks.some((x) => x.id === h.id), h.id);
      assert.equal(local.repos[0].repo, 'local');
      for (const h of local.repos[0].hooks) {
        const same = hooks.find((x) => x.id === h.id)!;
        assert.ok(same, h.id);
        assert.deepEqual([h.entry, h.language, h.files, h.types], [same.entry, same.language, same.files, same.types]);
        assert.deepEqual(h.additional_dependencies, [`dockwise@${version}`]);
      }
    });

    it('the GitLab job writes a Code Quality report, kept when findings fail the job', () => {
      const [config] = snippets['GitLab CI'] as Record<string, any>[];
      const job = Object.values(config)[0] as { image: string; script: string[]; artifacts: { when?: string; reports: { codequality: string } } };
      assert.ok(Number(/^node:(\d+)/.exec(job.image)?.[1]) >= 20, job.image);
      const dir = workspace({ 'svc/Dockerfile': BAD });
      const r = spawnSync('sh', ['-c', job.script.join('\n')], { cwd: dir, env: { ...process.env, PATH }, encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      assert.equal(job.artifacts.when, 'always');
      const report = JSON.parse(fs.readFileSync(path.join(dir, job.artifacts.reports.codequality), 'utf8'));
      assert.ok(report.length > 0);
      for (const issue of report) {
        assert.equal(issue.location.path, 'svc/Dockerfile');
        assert.match(issue.fingerprint, /^[0-9a-f]{16,}$/);
        assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
      }
    });
  });
});

describe('our own CI (.github/workflows/ci.yml)', () => {
  it('runs .ci/run, which is npm install && npm test, on the oldest Node the package supports, within the 90-minute limit', () => {
    const ci = YAML.parse(fs.readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8'));
    assert.match(fs.readFileSync(path.join(root, '.ci/run'), 'utf8'), /^npm install && npm test$/m);
    const [job] = Object.values(ci.jobs as Record<string, { container?: string; 'timeout-minutes': number; steps: { run?: string; uses?: string }[] }>);
    assert.ok(job.steps.some((s) => s.run === 'bash .ci/run'));
    assert.ok(job.steps.some((s) => /^actions\/checkout@/.test(s.uses ?? '')));
    const minNode = /^>=(\d+)/.exec(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node)![1];
    assert.equal(/^node:(\d+)/.exec(job.container ?? '')?.[1], minNode);
    assert.ok(job['timeout-minutes'] <= 90);
  });
});
