// A compose file's `include:` is followed: the included project builds its Dockerfiles from its own folder with
// its own .env, and what cannot be included is said once, with the including file's line.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintInFolder, writeIn } from '../support/cli-project';

let tmp: string;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-compose-include-'));
  writeIn(tmp, 'compose.yaml', 'include:\n  - services/db/compose.yaml\n  - path: nowhere/compose.yaml\nservices:\n  web:\n    build: ./web\n');
  // The included project's .env passes the Postgres version its build arg asks for.
  writeIn(tmp, 'services/db/compose.yaml', 'services:\n  db:\n    build:\n      context: .\n      args:\n        PG: ${PG_VERSION}\n');
  writeIn(tmp, 'services/db/.env', 'PG_VERSION=17\n');
  writeIn(tmp, 'services/db/Dockerfile', 'ARG PG=9.6\nFROM postgres:${PG}-alpine\nUSER postgres\n');
  writeIn(tmp, 'web/Dockerfile', 'FROM nginx:1.27-alpine\n');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('compose include', () => {
  it('lints the included project\'s Dockerfile as it builds it, and says what it cannot include', async () => {
    const built = await lintInFolder(tmp, ['--no-config', 'services/db/Dockerfile']);
    // PG=17 from the included project's .env: no end-of-life finding for 9.6.
    assert.deepEqual(built.findings.filter((f) => f.startsWith('eol-base-image')), []);
    assert.equal(built.stderr, 'dockwise: compose.yaml:3: the included compose file nowhere/compose.yaml cannot be read; its services are not known here\n');
    const alone = await lintInFolder(tmp, ['--no-config', '--standalone', 'services/db/Dockerfile']);
    assert.equal(alone.findings.filter((f) => f.startsWith('eol-base-image')).length, 1, alone.findings.join('\n'));
  });
});
