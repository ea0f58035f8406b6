// dockerignore-entries: what an existing .dockerignore lacks, appended under a comment; never what it covers, what
// a COPY or ADD names, or what a `!` line brings back.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { initNodeShellParser } from '../../server/src/host/node';
import { offersOf, refactor } from '../support/refactor';

before(async () => { await initNodeShellParser(); });

const NODE_APP = 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n';
const COMMENT = '# Added by Dockwise: keeps secrets, history and local build output out of the build context.';

describe('dockerignore-entries', () => {
  it('appends what a node project\'s file lacks, leaving out what it covers', async () => {
    const files = { '.dockerignore': 'node_modules\n**/*.log\n.git\n' };
    const [offer] = offersOf('dockerignore-entries', NODE_APP, { files });
    assert.equal(offer.title, 'Add 12 entries to .dockerignore: .env, .env.*, .DS_Store, .idea…');
    assert.equal(offer.safety, 'unsafe');
    assert.equal(NODE_APP.slice(offer.start, offer.end), 'COPY package*.json ./');
    const out = await refactor('dockerignore-entries', NODE_APP, { files });
    assert.equal(out.text, NODE_APP);
    assert.deepEqual(out.files, [{
      path: '.dockerignore',
      exists: true,
      content: `node_modules\n**/*.log\n.git\n\n${COMMENT}\n.env\n.env.*\n!.env.example\n.DS_Store\n.idea\n.vscode\nDockerfile*\n*.Dockerfile\n.dockerignore\ndocker-compose*.yml\ncompose*.yaml\nnpm-debug.log*\ncoverage\n`,
    }]);
    assert.match(out.notes[0], /^`COPY \.` then sends less: \.env, \.env\.\*, \.DS_Store/);
  });

  it('never adds what a ! line brings back, and keeps a file without a final line break', async () => {
    const text = 'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n';
    const files = { '.dockerignore': '.git\n.env*\n!.env.defaults\n*.Dockerfile\nDockerfile*\n.dockerignore\ndocker-compose*.yml\ncompose*.yaml\n*.log\n.DS_Store\n.idea\n.vscode\n!.vscode/settings.json\n__pycache__' };
    const out = await refactor('dockerignore-entries', text, { files });
    assert.equal(out.files![0].content, `${files['.dockerignore']}\n\n${COMMENT}\n*.pyc\n.venv\nvenv\n.pytest_cache\n`);
    // `.env.*` appended after `!.env.production` would exclude it again; `.env` itself is a different name.
    const kept = await refactor('dockerignore-entries', text, { files: { '.dockerignore': '.git\n!.env.production\n' } });
    const added = kept.files![0].content.split(COMMENT)[1].split('\n');
    assert.ok(added.includes('.env'));
    assert.ok(!added.includes('.env.*') && !added.includes('!.env.example'), added.join(' '));
  });

  it('never adds what a COPY names (.env copied on purpose), nor .git when a RUN uses git', async () => {
    const text = 'FROM node:22\nWORKDIR /app\nCOPY .env ./\nCOPY . .\nRUN git rev-parse HEAD > REVISION && npm ci\nCMD ["node", "server.js"]\n';
    const files = { '.dockerignore': '# local\nnode_modules\n' };
    const out = await refactor('dockerignore-entries', text, { files });
    const added = out.files![0].content.split('\n');
    assert.ok(!added.includes('.env'), 'COPY .env names it');
    assert.ok(!added.includes('.git'), 'git reads it');
    assert.ok(added.includes('.env.*'));
    assert.equal(out.files![0].content.split(COMMENT)[0], '# local\nnode_modules\n\n');
  });

  it('reads <Dockerfile>.dockerignore first, as Docker does', async () => {
    const files = { 'Dockerfile.dockerignore': '*\n!src\n!package*.json\n', '.dockerignore': '' };
    assert.deepEqual(offersOf('dockerignore-entries', NODE_APP, { files }), [], 'an allow-list file already leaves everything else out');
    const only = { 'Dockerfile.dockerignore': 'node_modules\n' };
    assert.equal(offersOf('dockerignore-entries', NODE_APP, { files: only })[0].key, 'Dockerfile.dockerignore');
  });

  it('is not offered without an ignore file, without files, or when nothing is missing', async () => {
    assert.deepEqual(offersOf('dockerignore-entries', NODE_APP), []);
    assert.deepEqual(offersOf('dockerignore-entries', NODE_APP, { files: { 'package.json': '{}' } }), []);
    const full = (await refactor('dockerignore-entries', NODE_APP, { files: { '.dockerignore': '' } })).files![0].content;
    assert.deepEqual(offersOf('dockerignore-entries', NODE_APP, { files: { '.dockerignore': full } }), []);
    assert.equal(full, `${COMMENT}\n.git\n.env\n.env.*\n!.env.example\n*.log\n.DS_Store\n.idea\n.vscode\nDockerfile*\n*.Dockerfile\n.dockerignore\ndocker-compose*.yml\ncompose*.yaml\nnode_modules\nnpm-debug.log*\ncoverage\n`);
  });

  it('is offered on the first FROM when nothing is copied from the context', () => {
    const text = 'FROM nginx:1.27\nRUN echo hi\n';
    const [offer] = offersOf('dockerignore-entries', text, { files: { '.dockerignore': '.git\n' } });
    assert.equal(text.slice(offer.start, offer.end), 'FROM nginx:1.27');
  });
});
