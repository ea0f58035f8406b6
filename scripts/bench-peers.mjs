// The peers' engine timings, in a process that never loads Dockwise: the engine patches two slow
// dockerfile-ast methods, and in a shared process those patches would speed up dockerfile-utils (which
// parses with dockerfile-ast) and the parse-only baseline too. Reads { files, passes } as JSON from the
// file named on the command line, prints { rows: [[name, ms]], crashes: { peer: count } }.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { timePasses } from './bench-time.mjs';

const require = createRequire(import.meta.url);
const { DockerfileParser } = require('dockerfile-ast');
const utils = require('dockerfile-utils');
const dockerfilelint = require('dockerfilelint');

const { files, passes } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// A peer that throws on a file (dockerfilelint does on some real Dockerfiles) is counted, not fatal.
const crashes = {};
const guarded = (name, fn) => (f) => { try { fn(f); } catch { (crashes[name] ??= new Set()).add(f.name); } };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-bench-'));
const rows = [
  ['dockerfile-ast parse only (as published)', timePasses(files, (f) => DockerfileParser.parse(f.text), { passes })],
  ['dockerfile-utils validate', timePasses(files, guarded('dockerfile-utils', (f) => utils.validate(f.text)), { passes })],
  ['dockerfilelint', timePasses(files, guarded('dockerfilelint', (f) => dockerfilelint.run(tmp, f.text)), { passes })],
];
fs.rmSync(tmp, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ rows, crashes: Object.fromEntries(Object.entries(crashes).map(([k, v]) => [k, v.size])) }));
