// `npm start` (scripts/start.mjs) opens a copy of examples/ outside the repository, so fixes saved in the
// editor never change the repository and Git finds no repository around it, and its profile's user settings
// say never to open a repository from parent folders. Checked on the functions it uses, without code-server.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../../..');

type Work = { folder: string; copied: boolean; remove(): void };
type Start = {
  START_SETTINGS: Record<string, unknown>;
  ensureSettings(file: string, wanted?: Record<string, unknown>): string | undefined;
  workFolder(requested: string, opts?: { repo?: string; tmp?: string }): Work;
};
type Lib = { makeProfile(dir: string, opts?: { settings?: Record<string, unknown> }): { userDataDir: string } };
let start: Start;
let lib: Lib;
let tmp = '';
before(async () => {
  start = await import(pathToFileURL(path.join(root, 'scripts/start.mjs')).href) as Start;
  lib = await import(pathToFileURL(path.join(root, 'scripts/e2e/lib.mjs')).href) as Lib;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-start-test-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('npm start: the folder it opens', () => {
  it('examples/ is copied whole to a temporary folder outside any Git repository; saving there leaves the repository alone', () => {
    const examples = path.join(root, 'examples');
    const before = tree(examples);
    const work = start.workFolder(examples, { tmp });
    try {
      assert.equal(work.copied, true);
      assert.equal(path.basename(work.folder), 'examples');
      assert.ok(path.relative(root, work.folder).startsWith('..'), `${work.folder} is outside the repository`);
      assert.deepEqual(tree(work.folder), before);
      const git = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: work.folder, encoding: 'utf8' });
      assert.notEqual(git.status, 0, `the copy is inside a Git repository: ${git.stdout}`);
      const dockerfile = path.join(work.folder, 'node-service/Dockerfile');
      fs.writeFileSync(dockerfile, 'FROM node:22-slim\n');
      assert.deepEqual(tree(examples), before);
    } finally {
      work.remove();
    }
    assert.equal(fs.existsSync(path.dirname(work.folder)), false, 'remove() deletes the copy');
  });

  it('a folder of the repository is copied without .git, node_modules or its own build output; one outside opens as it is', () => {
    const repo = path.join(tmp, 'repo');
    for (const f of ['Dockerfile', '.git/HEAD', 'node_modules/x/index.js', 'out/a.js', 'dist/b.js', 'sub/node_modules/y.js', 'sub/Containerfile', 'sub/dist/c.js']) {
      fs.mkdirSync(path.dirname(path.join(repo, f)), { recursive: true });
      fs.writeFileSync(path.join(repo, f), f);
    }
    const work = start.workFolder(repo, { repo, tmp });
    try {
      assert.deepEqual(Object.keys(tree(work.folder)).sort(), ['Dockerfile', path.join('sub', 'Containerfile'), path.join('sub', 'dist', 'c.js')]);
    } finally {
      work.remove();
    }
    const outside = path.join(tmp, 'elsewhere');
    fs.mkdirSync(outside);
    assert.deepEqual({ ...start.workFolder(outside, { repo, tmp }), remove: undefined }, { folder: outside, copied: false, remove: undefined });
  });
});

describe('npm start: the profile\'s user settings', () => {
  it('a new profile gets git.openRepositoryInParentFolders: never with the other settings', () => {
    assert.deepEqual(start.START_SETTINGS, { 'git.openRepositoryInParentFolders': 'never' });
    const profile = lib.makeProfile(path.join(tmp, 'new-profile'), { settings: start.START_SETTINGS });
    const file = path.join(profile.userDataDir, 'User', 'settings.json');
    assert.equal(start.ensureSettings(file), undefined);
    const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(settings['git.openRepositoryInParentFolders'], 'never');
    assert.equal(settings['workbench.startupEditor'], 'none');
  });

  it('a profile from an earlier start gets the setting added, keeping its own; a value of its own wins', () => {
    const file = path.join(tmp, 'old-profile/User/settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ 'editor.fontSize': 18 }));
    assert.equal(start.ensureSettings(file), undefined);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { 'editor.fontSize': 18, 'git.openRepositoryInParentFolders': 'never' });
    fs.writeFileSync(file, JSON.stringify({ 'git.openRepositoryInParentFolders': 'always' }));
    assert.equal(start.ensureSettings(file), undefined);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { 'git.openRepositoryInParentFolders': 'always' });
  });

  it('a settings.json with comments is not rewritten; the message says what to add', () => {
    const file = path.join(tmp, 'commented/User/settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = '{\n  // mine\n  "editor.fontSize": 18,\n}\n';
    fs.writeFileSync(file, text);
    assert.match(start.ensureSettings(file) ?? '', /is not plain JSON, so it was left as it is; add \{"git\.openRepositoryInParentFolders":"never"\}/);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
  });
});
