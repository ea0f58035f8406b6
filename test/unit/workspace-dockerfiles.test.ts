// Finding a workspace's Dockerfiles (workspace/dockerfiles.ts): the names the editor opens as Dockerfiles, in
// every folder but version control and installed dependencies, within the limits of a walk; on disk through
// the Node host, and nothing where the host cannot list folders.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeHost } from '../../server/src/host/node';
import { findDockerfiles, isDockerfileName } from '../../server/src/workspace/dockerfiles';

let tmp: string;
const rel = (files: string[]) => files.map((u) => path.relative(tmp, fileURLToPath(u)).split(path.sep).join('/'));

before(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-discovery-')));
  const files = ['Dockerfile', 'svc/Containerfile', 'svc/Dockerfile.prod', 'web/app.Dockerfile', 'web/worker.dockerfile', 'web/Dockerfile.dockerignore',
    'README.md', 'MyDockerfile', 'node_modules/pkg/Dockerfile', '.git/Dockerfile', 'vendor/bower_components/x/Dockerfile', 'a/b/c/d/Dockerfile', 'space dir/Dockerfile'];
  for (const f of files) {
    fs.mkdirSync(path.join(tmp, path.dirname(f)), { recursive: true });
    fs.writeFileSync(path.join(tmp, f), 'FROM alpine:3.23\n');
  }
  fs.symlinkSync(path.join(tmp, 'svc'), path.join(tmp, 'loop'));
  fs.symlinkSync(path.join(tmp, 'svc/Containerfile'), path.join(tmp, 'web/Containerfile.linked'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('workspace Dockerfiles', () => {
  it('are the names the editor opens as Dockerfiles, in any case; not ignore files', () => {
    for (const name of ['Dockerfile', 'dockerfile', 'DOCKERFILE', 'Containerfile', 'Dockerfile.prod', 'Containerfile.dev', 'app.Dockerfile', 'worker.dockerfile']) assert.ok(isDockerfileName(name), name);
    for (const name of ['Dockerfile.dockerignore', '.dockerignore', 'MyDockerfile', 'Dockerfile-old', 'README.md', 'compose.yaml', 'compose.Dockerfile.yaml']) assert.ok(!isDockerfileName(name), name);
  });

  it('are found in every folder, folder by folder in name order, but not in .git, node_modules or bower_components, nor through a link to a folder', async () => {
    const found = await findDockerfiles(nodeHost.fs, [pathToFileURL(tmp).href]);
    assert.deepEqual(rel(found.files), ['Dockerfile', 'space dir/Dockerfile', 'svc/Containerfile', 'svc/Dockerfile.prod', 'web/Containerfile.linked', 'web/app.Dockerfile', 'web/worker.dockerfile', 'a/b/c/d/Dockerfile']);
    assert.equal(found.complete, true);
  });

  it('stop at the limits of depth, folders listed and files found, and say so', async () => {
    const root = [pathToFileURL(tmp).href];
    const shallow = await findDockerfiles(nodeHost.fs, root, { depth: 2, folders: 100, files: 100 });
    assert.ok(!rel(shallow.files).includes('a/b/c/d/Dockerfile'));
    assert.equal(shallow.complete, false);
    const few = await findDockerfiles(nodeHost.fs, root, { depth: 12, folders: 100, files: 2 });
    assert.deepEqual(rel(few.files), ['Dockerfile', 'space dir/Dockerfile']);
    assert.equal(few.complete, false);
    const narrow = await findDockerfiles(nodeHost.fs, root, { depth: 12, folders: 1, files: 100 });
    assert.deepEqual(rel(narrow.files), ['Dockerfile']);
    assert.equal(narrow.complete, false);
  });

  it('are none where the host cannot list folders', async () => {
    const { list: _list, ...withoutList } = nodeHost.fs;
    assert.deepEqual(await findDockerfiles(withoutList, [pathToFileURL(tmp).href]), { files: [], complete: false });
  });
});
