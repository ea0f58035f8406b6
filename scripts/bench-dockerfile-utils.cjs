#!/usr/bin/env node
// dockerfile-utils' validate as a whole process over many files, for the command-line comparison in
// `npm run bench`. Its own command (`dockerfile-utils lint --json FILE`) takes one file a run; this does what
// it does for each file named, in one process: read the file, validate it, print the diagnostics as JSON
// (one line per file, prefixed by the path), and exit 1 when any file has an error, as it does.
// usage: bench-dockerfile-utils.cjs FILE...
const fs = require('node:fs');
const utils = require('dockerfile-utils');

let exitCode = 0;
const out = [];
for (const file of process.argv.slice(2)) {
  const diagnostics = utils.validate(fs.readFileSync(file).toString());
  for (const d of diagnostics) {
    if (d.severity === 1) exitCode = 1;
    delete d.code;
    delete d.source;
    d.severity = d.severity === 1 ? 'error' : 'warning';
  }
  out.push(`${file}: ${JSON.stringify(diagnostics)}\n`);
}
process.stdout.write(out.join(''));
process.exitCode = exitCode;
