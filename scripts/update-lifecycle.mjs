// Regenerates server/src/engine/data/release-lines.generated.ts, the release lines and end-of-life dates of the
// products behind common base images, from endoflife.date's product files (products/<id>.md, YAML front matter).
//
//   npm run update:lifecycle -- <endoflife.date checkout or bare mirror>
//   ENDOFLIFE_DATE_REPO=<path> npm run update:lifecycle
//
// The source is a git checkout or a bare git mirror of https://github.com/endoflife-date/endoflife.date: the files
// are read at its HEAD, and that commit and its date are recorded in the generated file. A plain directory with a
// products/ folder works too when --commit and --date say what it is.
// Options: --out <file> writes elsewhere; --check writes nothing and exits 1 when the file would change;
// --products <id,id> generates only those products.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = path.join(root, 'server/src/engine/data/release-lines.generated.ts');

/**
 * The endoflife.date products the engine maps to images (model/image-lifecycle.ts), with how to read them.
 * - codenames: tags name the line by the first word of its codename (debian:bookworm, ubuntu:noble).
 * - end: the field that says when security fixes stop, when it is not `eol`.
 * - builds: keep each line's build number and LTS flag (Windows tags name a build: 10.0.17763.5458).
 */
export const PRODUCTS = {
  // Distributions
  'alpine-linux': {},
  // Debian LTS keeps publishing security updates to the same archive, free, until `eoes` (End of LTS); the
  // debian:<codename> images are rebuilt until then. Paid support after that (ELTS) is not counted.
  debian: { codenames: true, end: 'eoes' },
  // Ubuntu's `eol` is the end of standard support; `eoes` (ESM) needs an Ubuntu Pro subscription.
  ubuntu: { codenames: true },
  fedora: {},
  almalinux: {},
  'rocky-linux': {},
  'amazon-linux': {},
  'oracle-linux': {},
  'centos-stream': {},
  opensuse: {},
  rhel: {},
  'windows-server': { builds: true },
  'windows-server-core': { builds: true },
  'windows-nano-server': { builds: true },
  // Languages and runtimes
  nodejs: {},
  python: {},
  go: {},
  php: {},
  ruby: {},
  jruby: {},
  perl: {},
  rust: {},
  elixir: {},
  erlang: {},
  ghc: {},
  julia: {},
  'apache-groovy': {},
  deno: {},
  bun: {},
  dotnet: {},
  powershell: {},
  // Java distributions and build tools
  'eclipse-temurin': {},
  'amazon-corretto': {},
  'azul-zulu': {},
  'ibm-semeru': {},
  sapmachine: {},
  'microsoft-build-of-openjdk': {},
  'bellsoft-liberica': {},
  'apache-maven': {},
  gradle: {},
  // Servers and databases
  postgresql: {},
  mysql: {},
  mariadb: {},
  redis: {},
  valkey: {},
  mongodb: {},
  nginx: {},
  'apache-http-server': {},
  tomcat: {},
  'eclipse-jetty': {},
  memcached: {},
  rabbitmq: {},
  haproxy: {},
  traefik: {},
  caddy: {},
  solr: {},
  zookeeper: {},
  'apache-cassandra': {},
  'apache-couchdb': {},
  influxdb: {},
  elasticsearch: {},
  kibana: {},
  logstash: {},
  'couchbase-server': {},
  'vinyl-cache': {},
  // Applications with official images
  wordpress: {},
  drupal: {},
  nextcloud: {},
  composer: {},
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function usage(message) {
  console.error(`update-lifecycle: ${message}\nusage: npm run update:lifecycle -- <endoflife.date checkout or mirror> [--out FILE] [--check] [--products ID,ID] [--commit SHA --date YYYY-MM-DD]\n   or: ENDOFLIFE_DATE_REPO=<path> npm run update:lifecycle`);
  process.exit(2);
}

function parseCommandLine(argv) {
  const opts = { source: process.env.ENDOFLIFE_DATE_REPO, out: DEFAULT_OUT, check: false, commit: undefined, date: undefined, products: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') opts.check = true;
    else if (a === '--out' || a === '--commit' || a === '--date' || a === '--products') {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      opts[a.slice(2)] = argv[++i];
    } else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else opts.source = a;
  }
  if (!opts.source) usage('no source given');
  return opts;
}

function git(source, args) {
  return execFileSync('git', ['--git-dir', source, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** How to read the source: its product files and the commit they come from. */
function openSource(source, commitFlag, dateFlag) {
  const dotGit = path.join(source, '.git');
  const gitDir = fs.existsSync(dotGit) ? dotGit : fs.existsSync(path.join(source, 'HEAD')) && fs.existsSync(path.join(source, 'objects')) ? source : undefined;
  if (gitDir && !commitFlag) {
    const [commit, date] = git(gitDir, ['log', '-1', '--format=%H %cI', 'HEAD']).trim().split(' ');
    return { commit, date: date.slice(0, 10), read: (id) => git(gitDir, ['show', `HEAD:products/${id}.md`]) };
  }
  if (!fs.existsSync(path.join(source, 'products'))) usage(`${source} is neither a git repository nor a directory with products/`);
  if (!commitFlag || !dateFlag) usage(`${source} is not a git repository: say what it is with --commit and --date`);
  return { commit: commitFlag, date: dateFlag, read: (id) => fs.readFileSync(path.join(source, 'products', `${id}.md`), 'utf8') };
}

function frontMatter(id, text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?$/m.exec(text);
  if (!m || m.index !== 0) throw new Error(`products/${id}.md: no front matter`);
  // The failsafe schema keeps every scalar a string: `releaseCycle: 3.10` stays "3.10", not the number 3.1.
  return YAML.parse(m[1], { schema: 'failsafe' });
}

/** `true`/`false` or a date, as endoflife.date writes `eol`. */
function endValue(id, cycle, field, value) {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (typeof value === 'string' && DATE.test(value)) return value;
  throw new Error(`products/${id}.md, ${cycle}: ${field} is ${JSON.stringify(value)}, not a date or a boolean`);
}

export function releaseLines(id, text, options) {
  const fm = frontMatter(id, text);
  if (!Array.isArray(fm.releases) || !fm.releases.length) throw new Error(`products/${id}.md: no releases`);
  return fm.releases.map((r) => {
    const cycle = r.releaseCycle;
    if (typeof cycle !== 'string' || !cycle) throw new Error(`products/${id}.md: a release without releaseCycle`);
    const field = options.end && r[options.end] !== undefined ? options.end : 'eol';
    if (r[field] === undefined) throw new Error(`products/${id}.md, ${cycle}: no ${field}`);
    const line = { cycle };
    if (options.codenames && r.codename) line.codename = r.codename.split(/\s+/)[0].toLowerCase();
    if (typeof r.releaseDate === 'string' && DATE.test(r.releaseDate)) line.released = r.releaseDate;
    line.eol = endValue(id, cycle, field, r[field]);
    if (options.builds) {
      if (r.lts === 'true') line.lts = true;
      if (typeof r.latest === 'string' && /^\d+\.\d+\.\d+$/.test(r.latest)) line.build = r.latest;
    }
    return line;
  });
}

const q = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function lineText(l) {
  const parts = [`cycle: ${q(l.cycle)}`];
  if (l.codename) parts.push(`codename: ${q(l.codename)}`);
  if (l.released) parts.push(`released: ${q(l.released)}`);
  parts.push(`eol: ${typeof l.eol === 'string' ? q(l.eol) : String(l.eol)}`);
  if (l.lts) parts.push('lts: true');
  if (l.build) parts.push(`build: ${q(l.build)}`);
  return `    { ${parts.join(', ')} },`;
}

export function generate(products, source) {
  const ids = Object.keys(products);
  const out = [
    '// GENERATED by scripts/update-lifecycle.mjs (npm run update:lifecycle): do not edit; run the script again.',
    '// Source: endoflife.date, https://github.com/endoflife-date/endoflife.date, products/<id>.md front matter,',
    `// commit ${source.commit} of ${source.date}.`,
    '// endoflife.date data: Copyright 2020 endoflife.date contributors, MIT License.',
    '// `eol` is the day security fixes stop (for debian: the end of Debian LTS); true = ended, date unknown;',
    '// false = no end announced. Lines are in the source\'s order.',
    '',
    'export interface ReleaseLine {',
    '  /** The release line as endoflife.date names it: `3.12`, `22`, `2019`. */',
    '  cycle: string;',
    '  /** The first word of the codename, lower case, where tags use it: `bookworm`, `noble`. */',
    '  codename?: string;',
    '  released?: string;',
    '  eol: string | boolean;',
    '  /** Windows: a long-term servicing line, and the build its images carry (`10.0.17763`). */',
    '  lts?: boolean;',
    '  build?: string;',
    '}',
    '',
    `export const LIFECYCLE_SOURCE = { repository: 'https://github.com/endoflife-date/endoflife.date', commit: ${q(source.commit)}, date: ${q(source.date)} } as const;`,
    '',
    `export type LifecycleProduct =\n${ids.map((id) => `  | ${q(id)}`).join('\n')};`,
    '',
    'export const RELEASE_LINES: Record<LifecycleProduct, readonly ReleaseLine[]> = {',
  ];
  for (const id of ids) {
    out.push(`  ${/^[a-z]\w*$/.test(id) ? id : q(id)}: [`);
    for (const l of releaseLines(id, source.read(id), products[id])) out.push(lineText(l));
    out.push('  ],');
  }
  out.push('};', '');
  return out.join('\n');
}

function main() {
  const opts = parseCommandLine(process.argv.slice(2));
  if (opts.date && !DATE.test(opts.date)) usage('--date is YYYY-MM-DD');
  const source = openSource(path.resolve(opts.source), opts.commit, opts.date);
  // --products a,b limits the list (a test fixture holds only a few product files).
  const only = opts.products?.split(',').filter(Boolean);
  const products = only ? Object.fromEntries(only.map((id) => { if (!PRODUCTS[id]) usage(`unknown product ${id}`); return [id, PRODUCTS[id]]; })) : PRODUCTS;
  const text = generate(products, source);
  const out = path.resolve(opts.out);
  const old = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
  if (opts.check) {
    if (old !== text) { console.error(`${path.relative(root, out)} is stale: run npm run update:lifecycle`); process.exit(1); }
    console.log(`${path.relative(root, out)} is current (endoflife.date ${source.commit.slice(0, 12)} of ${source.date})`);
    return;
  }
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(root, out) || out}: ${Object.keys(products).length} products from endoflife.date ${source.commit.slice(0, 12)} of ${source.date}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
