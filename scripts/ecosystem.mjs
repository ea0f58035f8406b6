// `npm run ecosystem`: lints every Dockerfile of a pinned list of public repositories (ecosystem/repos.json) with
// the default settings, in memory, each with the files of its repository beside it (the .dockerignore, COPY
// sources), and prints per group: files, warnings and errors per file, the share of clean files, findings per rule,
// and what fix-all (safe, then with unsafe fixes) does: files whose fixed text gains an error or a
// copy-ignored-file finding, fixes the fix engine rejected. Then the diff against the committed summary
// (ecosystem/summary.json) and the precision ledger (ecosystem/ledger.jsonl) matched against the findings.
// The repositories are never committed: each is read from a local git directory at the pinned commit, a mirror
// (ECOSYSTEM_MIRRORS, default /work/.mirror, layout <owner>+<name>/repo) or a bare clone in a cache
// (ECOSYSTEM_CACHE, default ~/.cache/dockwise-ecosystem) made from github.com when the network allows.
// Options: --update (write the summary), --group NAME, --rule ID (list that rule's findings for labelling, with
// the rule turned on if the default profile has it off; with --unlabelled only those the ledger does not name),
// --profile NAME (lint with that profile's settings instead of the default ones; the summary is then not recorded),
// --json (everything as JSON on stdout).
// docs/ecosystem.md says how to run it and how to label.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = path.join(root, 'out');
if (!fs.existsSync(path.join(out, 'test/ecosystem/report.js'))) {
  console.error('ecosystem: build first (npm run build)');
  process.exit(2);
}
const engine = require(path.join(out, 'server/src/engine'));
const report = require(path.join(out, 'test/ecosystem/report.js'));
const { decodeDockerfile } = require(path.join(out, 'server/src/cli/files.js'));

const args = process.argv.slice(2);
const KNOWN = new Set(['--update', '--json', '--unlabelled', '--group', '--rule', '--profile']);
for (let i = 0; i < args.length; i++) {
  if (!KNOWN.has(args[i])) { console.error(`ecosystem: unknown option ${args[i]}`); process.exit(2); }
  if (args[i] === '--group' || args[i] === '--rule' || args[i] === '--profile') i++;
}
const flag = (name) => args.includes(name);
const value = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const onlyGroup = value('--group');
const listRule = value('--rule');
const asJson = flag('--json');

const dir = path.join(root, 'ecosystem');
const files = { repos: path.join(dir, 'repos.json'), summary: path.join(dir, 'summary.json'), ledger: path.join(dir, 'ledger.jsonl') };
const { repos: pinned, targets = {} } = JSON.parse(fs.readFileSync(files.repos, 'utf8'));
const groups = [...new Set(pinned.map((r) => r.group))].sort();
if (onlyGroup && !groups.includes(onlyGroup)) { console.error(`ecosystem: no group ${onlyGroup} (there are ${groups.join(', ')})`); process.exit(2); }
if (listRule && !engine.findRule(listRule)) { console.error(`ecosystem: no rule ${listRule}`); process.exit(2); }
const mirrors = process.env.ECOSYSTEM_MIRRORS || '/work/.mirror';
const cache = process.env.ECOSYSTEM_CACHE || path.join(os.homedir(), '.cache', 'dockwise-ecosystem');
const progress = (s) => { if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${s}`); };

const git = (gitDir, gitArgs, options = {}) => execFileSync('git', ['--git-dir', gitDir, ...gitArgs], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'], ...options });
const hasCommit = (gitDir, commit) => fs.existsSync(gitDir) && spawnSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`]).status === 0;

/** A git directory holding the pinned commit: the mirror, else the cache (cloned or fetched now); or why there is none. */
function gitDirFor({ repo, commit }) {
  const mirror = path.join(mirrors, repo.replace('/', '+'), 'repo');
  if (hasCommit(mirror, commit)) return { gitDir: mirror };
  const cached = path.join(cache, `${repo.replace('/', '+')}.git`);
  if (hasCommit(cached, commit)) return { gitDir: cached };
  const url = `https://github.com/${repo}.git`;
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  const run = (cmd) => spawnSync('git', cmd, { env, encoding: 'utf8', timeout: 600_000 });
  progress(`fetching ${repo} from github.com`);
  let r = fs.existsSync(cached) ? run(['--git-dir', cached, 'fetch', '--quiet', url, commit]) : (fs.mkdirSync(cache, { recursive: true }), run(['clone', '--quiet', '--bare', url, cached]));
  if (r.status === 0 && !hasCommit(cached, commit)) r = run(['--git-dir', cached, 'fetch', '--quiet', url, commit]);
  if (hasCommit(cached, commit)) return { gitDir: cached };
  const why = (r.stderr || r.error?.message || 'failed').trim().split('\n').pop();
  return { missing: `no mirror at ${mirror} with ${commit.slice(0, 12)}, and fetching ${url} failed: ${why}` };
}

/** Every blob's bytes by id, read in one `git cat-file --batch`. */
function readBlobs(gitDir, ids) {
  const blobs = new Map();
  if (!ids.length) return blobs;
  const r = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input: `${ids.join('\n')}\n`, maxBuffer: 1 << 30 });
  const buf = r.stdout;
  let at = 0;
  while (at < buf.length) {
    const eol = buf.indexOf(10, at);
    const [id, type, size] = buf.subarray(at, eol).toString().split(' ');
    if (type === 'missing') { at = eol + 1; continue; }
    blobs.set(id, buf.subarray(eol + 1, eol + 1 + Number(size)));
    at = eol + 1 + Number(size) + 1;
  }
  return blobs;
}

await require(path.join(out, 'server/src/host/node')).initNodeShellParser();
// The default settings: no config file, every rule at its default severity, inline pragmas honoured; or another
// profile's (--profile strict shows what every rule, preview ones included, says on these files).
const profile = value('--profile');
if (profile !== undefined && !engine.PROFILE_NAMES.includes(profile)) { console.error(`ecosystem: no profile ${profile} (there are ${engine.PROFILE_NAMES.join(', ')})`); process.exit(2); }
const options = engine.buildLintOptions(profile ? { settings: { profile } } : {});
delete options.problems;
// --rule lists a rule's findings even where the default profile turns it off (a preview rule being labelled).
let otherSettings = profile !== undefined && profile !== engine.DEFAULT_PROFILE;
if (listRule) {
  const { meta } = engine.findRule(listRule);
  if (options.severities[meta.id] === 'off') {
    otherSettings = true;
    options.severities = { ...options.severities, [meta.id]: meta.defaultSeverity };
  }
}
const severityOf = (rule) => options.severities[rule.meta.id] ?? rule.meta.defaultSeverity;
const defaultOn = new Map(engine.allRules.filter((r) => severityOf(r) !== 'off').map((r) => [r.meta.id, severityOf(r)]));

const runs = [];
const missing = [];
const skipped = [];
const linted = new Set();
const t0 = Date.now();
for (const pin of pinned) {
  if (onlyGroup && pin.group !== onlyGroup) continue;
  const where = gitDirFor(pin);
  if (where.missing) { missing.push({ repo: pin.repo, reason: where.missing }); continue; }
  linted.add(pin.repo);
  const tree = report.parseTree(git(where.gitDir, ['ls-tree', '-r', '-l', '-z', pin.commit]).toString('utf8'));
  const dockerfiles = [...tree.keys()].filter(report.isDockerfilePath).sort();
  const symlinks = dockerfiles.filter((p) => tree.get(p).mode === '120000');
  for (const p of symlinks) skipped.push({ repo: pin.repo, path: p, reason: 'a symlink' });
  const wanted = dockerfiles.filter((p) => tree.get(p).mode !== '120000');
  const blobs = readBlobs(where.gitDir, [...new Set(wanted.map((p) => tree.get(p).blob))]);
  const texts = new Map();
  const readBlob = (id) => {
    if (!texts.has(id)) {
      let bytes = blobs.get(id);
      if (!bytes) try { bytes = git(where.gitDir, ['cat-file', 'blob', id]); } catch { bytes = undefined; }
      texts.set(id, bytes?.toString('utf8'));
    }
    return texts.get(id);
  };
  for (const p of wanted) {
    progress(`${pin.repo} ${p}`);
    const decoded = decodeDockerfile(blobs.get(tree.get(p).blob) ?? Buffer.alloc(0));
    if ('error' in decoded) { skipped.push({ repo: pin.repo, path: p, reason: decoded.error }); continue; }
    const result = report.examineFile(decoded.text, options, report.treeFiles(tree, p, readBlob));
    runs.push({ group: pin.group, repo: pin.repo, commit: pin.commit, path: p, result });
  }
}
progress('');
const seconds = (Date.now() - t0) / 1000;

const summary = report.summarize(runs);
const previous = fs.existsSync(files.summary) ? JSON.parse(fs.readFileSync(files.summary, 'utf8')) : undefined;
const ranGroups = Object.keys(summary.groups);
const changes = report.diffSummaries(previous, summary, ranGroups);
const located = runs.flatMap((r) => r.result.findings.map((f) => ({ ...f, repo: r.repo, commit: r.commit, path: r.path })));
const ledger = fs.existsSync(files.ledger) ? report.parseLedger(fs.readFileSync(files.ledger, 'utf8')) : { entries: [], problems: [] };
const precision = report.matchLedger(ledger.entries, located, defaultOn, linted);
const short = report.underLabelled(precision);

// A summary with repositories missing would record their files as gone.
// Nor one with other settings than the default ones (another profile, or a rule turned on).
const update = flag('--update') && !missing.length && !otherSettings;
if (update) {
  // A run of one group keeps the other groups' numbers as they were.
  const merged = { groups: Object.fromEntries(Object.entries({ ...(previous?.groups ?? {}), ...summary.groups }).sort(([a], [b]) => a.localeCompare(b))) };
  fs.writeFileSync(files.summary, report.formatSummary(merged));
}

const ledgerByKey = new Map(ledger.entries.map((e) => [report.ledgerKey(e), e]));
const listed = listRule
  ? located.filter((f) => f.rule === engine.findRule(listRule).meta.id)
    .map((f) => ({ ...f, verdict: ledgerByKey.get(report.ledgerKey(f))?.verdict }))
    .filter((f) => !flag('--unlabelled') || !f.verdict)
  : undefined;

if (asJson) {
  console.log(JSON.stringify({ summary, changes, missing, skipped, ledger: { problems: ledger.problems, precision, underLabelled: short.map((p) => p.rule) }, ...(listed ? { findings: listed } : {}),
    fixAll: runs.filter((r) => report.FIX_MODES.some((m) => r.result.fix[m].gainedErrors.length || r.result.fix[m].gainedCopyIgnored || r.result.fix[m].rejected.length))
      .map((r) => ({ repo: r.repo, commit: r.commit, path: r.path, fix: r.result.fix })) }, null, 2));
  process.exit(0);
}

const lines = [];
const say = (s = '') => lines.push(s);
const pct = (x) => `${(100 * x).toFixed(1)}%`;
if (listed) {
  say(`${listed.length} ${listRule} findings${flag('--unlabelled') ? ' not in the ledger' : ''}:`);
  for (const f of listed) say(`${f.verdict ? `[${f.verdict}]` : '[ ]'} ${f.repo}@${f.commit.slice(0, 12)} ${f.path}:${f.line}  ${f.text}\n      ${f.message}`);
  console.log(lines.join('\n'));
  process.exit(0);
}

say(`ecosystem: ${runs.length} files from ${linted.size} repositories, linted and fixed in ${seconds.toFixed(1)} s (${profile && profile !== engine.DEFAULT_PROFILE ? `profile ${profile}` : 'default settings'})`);
for (const m of missing) say(`MISSING ${m.repo}: ${m.reason}`);
for (const s of skipped) say(`skipped ${s.repo} ${s.path}: ${s.reason}`);
for (const [group, g] of Object.entries(summary.groups)) {
  say();
  say(`== ${group}: ${g.files} files from ${g.repos} repositories`);
  say(`warnings+errors: ${g.findings}, ${g.findingsPerFile.toFixed(2)} per file; clean files: ${g.cleanFiles} (${pct(g.cleanShare)}); info+style: ${g.infoAndStyle}${g.ruleErrors ? `; RULES THREW: ${g.ruleErrors}` : ''}`);
  const target = targets[group] ?? {};
  if (target.findingsPerFile !== undefined) say(`  target: ≤ ${target.findingsPerFile} per file: ${g.findingsPerFile <= target.findingsPerFile ? 'met' : 'MISSED'}`);
  if (target.cleanShare !== undefined) say(`  target: ≥ ${pct(target.cleanShare)} clean files: ${g.cleanShare >= target.cleanShare ? 'met' : 'MISSED'}`);
  say('findings per rule (count, files):');
  const rules = Object.entries(g.rules).sort((a, b) => b[1].findings - a[1].findings || a[0].localeCompare(b[0]));
  for (const [rule, c] of rules) say(`  ${String(c.findings).padStart(6)} ${String(c.files).padStart(5)}  ${rule} (${c.severity})`);
  for (const mode of report.FIX_MODES) {
    const f = g.fixAll[mode];
    say(`fix-all ${mode === 'safe' ? 'safe' : 'safe+unsafe'}: ${f.applied} fixes in ${f.filesChanged} files; files gaining an error: ${f.filesGainingError}, gaining copy-ignored-file: ${f.filesGainingCopyIgnored}; rejected fixes: ${f.rejected}`);
    for (const r of runs.filter((x) => x.group === group)) {
      const o = r.result.fix[mode];
      for (const e of o.gainedErrors) say(`    gains an error: ${r.repo} ${r.path}: ${e}`);
      if (o.gainedCopyIgnored) say(`    gains ${o.gainedCopyIgnored} copy-ignored-file: ${r.repo} ${r.path}`);
      for (const x of o.rejected) say(`    rejected: ${r.repo} ${r.path}: ${x}`);
    }
  }
}
for (const r of runs) for (const e of r.result.ruleErrors) say(`rule threw: ${r.repo} ${r.path}: ${e}`);

say();
if (!previous) say(`== no previous summary (${path.relative(root, files.summary)}): run with --update to record one`);
else if (!changes.length) say('== no change from the recorded summary');
else {
  say(`== changes from the recorded summary (${changes.length})${missing.length ? `, with ${missing.length} repositories MISSING from this run` : ''}:`);
  for (const l of report.formatChanges(changes)) say(`  ${l}`);
}

say();
say(`== precision ledger (${path.relative(root, files.ledger)}: ${ledger.entries.length} entries)`);
for (const p of ledger.problems) say(`  LEDGER PROBLEM ${p}`);
say('  rule                                      sev  findings  right wrong  precision  labelled/needed');
for (const p of precision) {
  if (!p.findings && !p.right && !p.wrong && !p.rightLost.length && !p.wrongGone) continue;
  const low = p.precision !== undefined && targets.precision !== undefined && p.precision < targets.precision;
  say(`  ${p.rule.padEnd(40)} ${p.severity.slice(0, 4).padEnd(5)} ${String(p.findings).padStart(8)} ${String(p.right).padStart(6)} ${String(p.wrong).padStart(5)}  ${(p.precision === undefined ? '—' : pct(p.precision)).padStart(9)}  ${`${p.right + p.wrong}/${p.needed}`.padEnd(7)}${low ? ` below ${pct(targets.precision)}` : ''}`);
}
const wrong = precision.flatMap((p) => p.wrongStillReported);
say(`wrong but still reported (must go to zero): ${wrong.length}`);
for (const e of wrong) say(`  ${e.rule}: ${e.repo} ${e.path}:${e.line}  ${e.text}  — ${e.reason}`);
// A rule that is off reports nothing: its right entries are not lost, only not checked in this run.
const lost = precision.filter((p) => p.severity !== 'off').flatMap((p) => p.rightLost);
say(`right but no longer reported (lost true positives): ${lost.length}`);
for (const e of lost) say(`  ${e.rule}: ${e.repo} ${e.path}:${e.line}  ${e.text}  — ${e.reason}`);
say(`default-on rules with fewer labelled findings than needed (20, or all when fewer): ${short.length}`);
for (const p of short) say(`  ${p.rule}: ${p.right + p.wrong}/${p.needed}`);
if (update) say(`\nwrote ${path.relative(root, files.summary)}`);
else if (flag('--update')) say(`\nnot written: ${missing.length} repositories are missing, so the summary would not be comparable`);
console.log(lines.join('\n'));
