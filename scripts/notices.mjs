// ThirdPartyNotices.txt from what the bundles really contain: every node_modules package with an input in
// an esbuild metafile, plus the packages the WASM files come from, each with its licence text. Refuses to
// write notices for a package without a licence file or with a licence outside the allow-list.
import fs from 'node:fs';
import path from 'node:path';

/** Licences we may ship without more than reproducing their text (SPDX ids). */
export const ALLOWED_LICENSES = ['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0', 'Zlib', 'Unlicense', 'CC0-1.0'];

const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;
const NOTICE_FILE = /^notice([.-].*)?$/i;
const NM = `${path.sep}node_modules${path.sep}`;

/** Whether an SPDX expression (or npm's legacy `licenses` list) allows shipping under the allow-list. */
export function licenseAllowed(expr, allowed = ALLOWED_LICENSES) {
  if (Array.isArray(expr)) return expr.some((l) => licenseAllowed(typeof l === 'string' ? l : l?.type, allowed));
  if (typeof expr !== 'string' || !expr.trim()) return false;
  const e = expr.trim().replace(/^\((.*)\)$/, '$1').trim();
  // OR binds looser than AND; parentheses beyond one outer pair are not used by our packages.
  if (/\sOR\s/i.test(e)) return e.split(/\s+OR\s+/i).some((x) => licenseAllowed(x, allowed));
  if (/\sAND\s/i.test(e)) return e.split(/\s+AND\s+/i).every((x) => licenseAllowed(x, allowed));
  return allowed.includes(e);
}

/** The package folder an input file belongs to, or undefined for our own sources. */
export function packageDirOf(input, cwd) {
  if (input.startsWith('(')) return undefined; // esbuild's "(disabled):…" stubs hold no package code
  const abs = path.resolve(cwd, input);
  const i = abs.lastIndexOf(NM);
  if (i < 0) return undefined;
  const rest = abs.slice(i + NM.length).split(path.sep);
  const name = rest[0].startsWith('@') ? rest.slice(0, 2).join(path.sep) : rest[0];
  return abs.slice(0, i + NM.length) + name;
}

function readTexts(dir, pattern) {
  return fs
    .readdirSync(dir)
    .filter((f) => pattern.test(f) && fs.statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n/g, '\n').trim());
}

function describe(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const license = pkg.license ?? pkg.licenses;
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const url = pkg.homepage ?? repo?.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '').replace(/^github:/, 'https://github.com/').replace(/^git@github\.com:/, 'https://github.com/');
  return {
    name: pkg.name,
    version: pkg.version,
    license: Array.isArray(license) ? license.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ') : license,
    url,
    texts: readTexts(dir, LICENSE_FILE),
    notices: readTexts(dir, NOTICE_FILE),
  };
}

/**
 * The packages in the bundles and WASM files: [{ name, version, license, url, texts, notices, in: [files] }].
 * `metafiles` maps an output (dist/server.js) to its esbuild metafile; `wasm` maps an output to a package folder.
 */
export function collectPackages({ metafiles, wasm = {}, cwd }) {
  const byDir = new Map();
  const add = (dir, output) => {
    if (!byDir.has(dir)) byDir.set(dir, new Set());
    byDir.get(dir).add(output);
  };
  for (const [output, meta] of Object.entries(metafiles)) {
    for (const input of Object.keys(meta.inputs)) {
      const dir = packageDirOf(input, cwd);
      if (dir) add(dir, output);
    }
  }
  for (const [output, dir] of Object.entries(wasm)) add(dir, output);
  // One entry per name@version, even when npm installed two copies.
  const byId = new Map();
  for (const [dir, outputs] of byDir) {
    const d = describe(dir);
    const id = `${d.name}@${d.version}`;
    const seen = byId.get(id);
    if (seen) {
      outputs.forEach((o) => seen.in.add(o));
      for (const t of d.texts) if (!seen.texts.includes(t)) seen.texts.push(t);
    } else byId.set(id, { ...d, in: new Set(outputs) });
  }
  return [...byId.values()]
    .map((p) => ({ ...p, in: [...p.in].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** Problems that make the notices unshippable, one sentence each. */
export function noticeProblems(packages) {
  const problems = [];
  for (const p of packages) {
    if (!p.texts.length) problems.push(`${p.name}@${p.version} has no LICENSE, LICENCE or COPYING file, so its licence text cannot be shipped`);
    if (!licenseAllowed(p.license)) problems.push(`${p.name}@${p.version} is licensed ${JSON.stringify(p.license ?? null)}, which is not on the allow-list (${ALLOWED_LICENSES.join(', ')}) in scripts/notices.mjs`);
  }
  return problems;
}

export function renderNotices(packages, { product, version }) {
  const rule = '='.repeat(80);
  const out = [
    `Third-party notices for ${product} ${version}`,
    '',
    `${product}'s files in dist/ contain code from the packages below (the .wasm files are compiled from`,
    'them). Each entry gives the package, its version, its licence, the files it is in, and the licence',
    'text the package ships.',
    '',
  ];
  for (const p of packages) {
    out.push(rule, `${p.name} ${p.version} (${p.license})`);
    if (p.url) out.push(p.url);
    out.push(`In: ${p.in.join(', ')}`, '-'.repeat(80), '');
    for (const t of [...p.texts, ...p.notices]) out.push(t, '');
  }
  return out.join('\n');
}
