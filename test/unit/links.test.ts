// No link Dockwise ships or documents may lead nowhere. Relative links must reach a tracked file (and a heading,
// for an #anchor into Markdown); absolute links must start with a place on ALLOWED, each a real project or site.
// Covered: every tracked Markdown file (generated rule pages included), URL literals in server/src and
// client/src, rule metadata, package.json and the SARIF log.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { allRules } from '../../server/src/engine';
import { formatSarif } from '../../server/src/cli/formats';

const root = path.resolve(__dirname, '../../..');

/**
 * Where absolute links may point: a host (documentation sites, whole) or a host and path prefix (a repository).
 * Each GitHub repository here exists (checked when added); keep it short, and add only real places.
 */
const ALLOWED = [
  // Docker's documentation and official images.
  'docs.docker.com/', 'hub.docker.com/_/', 'github.com/docker-library/',
  // Projects whose behaviour or data a rule or a doc cites.
  'github.com/hadolint/hadolint', 'github.com/moby/moby', 'github.com/moby/buildkit', 'github.com/opencontainers/image-spec',
  'github.com/GoogleContainerTools/distroless', 'github.com/microsoft/vscode', 'github.com/endoflife-date/endoflife.date', 'endoflife.date/',
  'www.shellcheck.net/', 'json.schemastore.org/sarif-2.1.0.json',
  // Where official images not in docker-library are built (server/src/engine/data/base-image-env.ts).
  'github.com/alpinelinux/docker-alpine', 'github.com/debuerreotype/docker-debian-artifacts', 'git.launchpad.net/cloud-images/+oci/ubuntu-base',
  'github.com/nodejs/docker-node', 'github.com/rust-lang/docker-rust', 'github.com/adoptium/containers', 'github.com/carlossg/docker-maven',
  'github.com/nginxinc/docker-nginx',
  // Standards and package managers' manuals that rules cite.
  'spdx.org/licenses/', 'spdx.github.io/spdx-spec/', 'www.rfc-editor.org/rfc/', 'semver.org/', 'url.spec.whatwg.org/', 'containers.dev/',
  'kubernetes.io/docs/', 'pkg.go.dev/', 'go.dev/ref/', 'man7.org/linux/man-pages/', 'manpages.debian.org/', 'wiki.alpinelinux.org/wiki/',
  'en.opensuse.org/SDB:Zypper_manual', 'dnf.readthedocs.io/', 'docs.npmjs.com/cli/', 'classic.yarnpkg.com/en/docs/', 'pip.pypa.io/en/stable/',
  'peps.python.org/', 'nodejs.org/api/', 'guides.rubygems.org/', 'docs.oracle.com/en/java/', 'www.gnu.org/software/wget/',
  // Where the build tools keep their caches (server/src/engine/data/cache-mounts.ts).
  'dnf5.readthedocs.io/', 'github.com/rpm-software-management/microdnf', 'pnpm.io/', 'doc.rust-lang.org/cargo/', 'maven.apache.org/guides/',
  'docs.gradle.org/', 'docs.astral.sh/uv/',
  'curl.se/docs/', 'everything.curl.dev/', 'www.gnupg.org/documentation/', 'wiki.debian.org/', 'www.debian.org/releases/',
  'docs.github.com/en/code-security/',
  // What the health-check and lifecycle tables cite (server/src/engine/data/image-tools.ts, model/image-lifecycle.ts).
  'busybox.net/downloads/BusyBox.html', 'nodejs.org/en/about/',
  // Which .NET image runs what (server/src/engine/data/runtime-bases.ts).
  'learn.microsoft.com/dotnet/core/docker/',
  // Docker Hub's registry and its credential key, which the digest pinning talks to (server/src/host/node/registry.ts).
  'registry-1.docker.io', 'index.docker.io/v1/',
];

/** The ALLOWED entry `url` starts with, at a boundary (github.com/moby/moby does not admit github.com/moby/mobyx). */
function allowedBy(url: string): string | undefined {
  let u: URL;
  try { u = new URL(url); } catch { return undefined; }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return undefined;
  const rest = `${u.host}${u.pathname}`;
  return ALLOWED.find((p) => rest === p || (rest.startsWith(p) && (p.endsWith('/') || rest[p.length] === '/')) || (p.endsWith('/') && rest === p.slice(0, -1)));
}

/** In plain text (not links), URLs on hosts reserved for examples (RFC 2606) and placeholders such as `https://…` name no place. */
function placeholder(url: string): boolean {
  const host = /^https?:\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  // A loopback address is the machine itself (a probe inside the container, a registry a test starts), not a place.
  return !host.includes('.') || host.includes('…') || /(^|\.)example\.(com|org|net)$|\.(example|test|invalid)$/.test(host) || /^127\.0\.0\.1(:|$)/.test(host);
}

const tracked = new Set(execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean));
const trackedDirs = new Set([...tracked].flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));

// markdown-it is what vsce renders README.md with; it comes with @vscode/vsce (a devDependency).
interface MdToken { type: string; tag: string; content: string; map: [number, number] | null; children: MdToken[] | null; attrGet(name: string): string | null }
interface MarkdownIt { parse(src: string, env: object): MdToken[]; linkify: { set(o: object): void } }
const MarkdownItCtor = require('markdown-it') as new (o: object) => MarkdownIt;
// Bare URLs count as links, as GitHub shows them; "example.com" without a scheme does not.
const md = new MarkdownItCtor({ html: true, linkify: true });
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

interface Link { href: string; line: number }

function inlineText(tokens: MdToken[]): string {
  return tokens.map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.children ? inlineText(t.children) : '')).join('');
}

/** Links and images of a Markdown text (code spans and blocks hold none), and the anchors its headings make. */
function parseMarkdown(text: string): { links: Link[]; anchors: Set<string> } {
  const links: Link[] = [];
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const tokens = md.parse(text, {});
  const html = (t: MdToken, line: number) => {
    for (const m of t.content.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/gi)) links.push({ href: m[1], line });
    for (const m of t.content.matchAll(/\b(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(m[1]);
  };
  tokens.forEach((t, i) => {
    const line = (t.map?.[0] ?? 0) + 1;
    if (t.type === 'heading_open') {
      // GitHub's anchors: lower case, punctuation dropped, spaces to hyphens, -1, -2… for repeats.
      const base = inlineText(tokens[i + 1].children ?? []).toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n ? `${base}-${n}` : base);
    }
    if (t.type === 'html_block') html(t, line);
    for (const c of t.children ?? []) {
      if (c.type === 'link_open') links.push({ href: c.attrGet('href') ?? '', line });
      else if (c.type === 'image') links.push({ href: c.attrGet('src') ?? '', line });
      else if (c.type === 'html_inline') html(c, line);
    }
  });
  return { links, anchors };
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let a = anchorCache.get(file);
  if (!a) anchorCache.set(file, a = parseMarkdown(fs.readFileSync(path.join(root, file), 'utf8')).anchors);
  return a;
}

/** What is wrong with `href` in the tracked file `from`, or undefined. */
function problem(href: string, from: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
    if (/^https?:/i.test(href)) return allowedBy(href) ? undefined : 'not on the allow-list of real places (test/unit/links.test.ts)';
    return 'a scheme no reader can follow';
  }
  if (href.startsWith('//')) return 'protocol-relative';
  const [rawPath, anchor] = href.split('#', 2) as [string, string | undefined];
  const filePart = decodeURIComponent(rawPath.split('?')[0]);
  const target = filePart ? path.posix.normalize(path.posix.join(path.posix.dirname(from), filePart)).replace(/\/$/, '') : from;
  if (target.startsWith('..')) return 'outside the repository';
  if (!tracked.has(target) && !trackedDirs.has(target)) return `${target} is not a tracked file`;
  if (anchor === undefined) return undefined;
  if (target.endsWith('.md')) return anchorsOf(target).has(decodeURIComponent(anchor)) ? undefined : `${target} has no heading for #${anchor}`;
  return /^L\d+(-L\d+)?$/.test(anchor) ? undefined : `#${anchor} into a file that is not Markdown`;
}

const markdownFiles = [...tracked].filter((f) => f.endsWith('.md') && !f.startsWith('test/fixtures/')).sort();

describe('links', () => {
  it('the allow-list admits real places only, and not their look-alikes', () => {
    assert.equal(allowedBy('https://github.com/moby/buildkit/issues/4155'), 'github.com/moby/buildkit');
    assert.equal(allowedBy('https://docs.docker.com/build/checks/'), 'docs.docker.com/');
    assert.equal(allowedBy('https://github.com/moby/buildkitx'), undefined);
    assert.equal(allowedBy('https://github.com/dockwise/dockwise/blob/main/docs/rules/add-instead-of-copy.md'), undefined);
    assert.equal(allowedBy('http://docs.docker.com/'), undefined, 'plain http');
    assert.equal(allowedBy('https://docs.docker.com.evil.example/'), undefined);
    assert.equal(problem('docs/nope.md', 'README.md'), 'docs/nope.md is not a tracked file');
    assert.equal(problem('docs/cli.md#no-such-heading', 'README.md'), 'docs/cli.md has no heading for #no-such-heading');
    assert.equal(problem('#running-it-on-a-dockerfile', 'README.md'), undefined);
    assert.equal(problem('../../etc/passwd', 'docs/cli.md'), 'outside the repository');
  });

  it('every Markdown file\'s links reach a tracked file, a heading in it, or an allowed place', () => {
    assert.ok(markdownFiles.includes('README.md') && markdownFiles.includes('CHANGELOG.md') && markdownFiles.includes('docs/rules/add-instead-of-copy.md'), 'Markdown files found');
    const bad: string[] = [];
    let count = 0;
    for (const file of markdownFiles) {
      for (const l of parseMarkdown(fs.readFileSync(path.join(root, file), 'utf8')).links) {
        count++;
        const p = problem(l.href, file);
        if (p) bad.push(`${file}:${l.line}: ${l.href}: ${p}`);
      }
    }
    assert.ok(count > 300, `only ${count} links found`);
    assert.deepEqual(bad, []);
  });

  it('rule metadata cites allowed places only', () => {
    const bad = allRules.flatMap((r) => r.meta.docs.references.filter((u) => !allowedBy(u)).map((u) => `${r.meta.id}: ${u}`));
    assert.deepEqual(bad, []);
  });

  it('every URL literal in server/src and client/src is an allowed place, or an example in text', () => {
    const sources = [...tracked].filter((f) => /^(server|client)\/src\/.*\.ts$/.test(f));
    assert.ok(sources.length > 100);
    const bad: string[] = [];
    for (const f of sources) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      for (const m of text.matchAll(/https?:\/\/[^\s'"`<>)\]\\]+/g)) {
        // A template literal's link ends where its first ${…} starts: `https://endoflife.date/${product}`.
        const url = m[0].split('${')[0].replace(/[.,;:]+$/, '');
        if (!allowedBy(url) && !placeholder(url)) bad.push(`${f}:${text.slice(0, m.index).split('\n').length}: ${url}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('package.json and its translations (package.nls*.json) link allowed places only', () => {
    // The manifest's user-visible strings (setting descriptions and their links) live in package.nls*.json.
    const files = ['package.json', ...fs.readdirSync(root).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f))];
    assert.ok(files.includes('package.nls.json'), files.join(' '));
    const bad = files.flatMap((f) => [...fs.readFileSync(path.join(root, f), 'utf8').matchAll(/https?:\/\/[^\s"'<>)\]\\]+/g)].map((m) => m[0]).filter((u) => !allowedBy(u)).map((u) => `${f}: ${u}`));
    assert.deepEqual(bad, []);
  });

  it('the npm package ships the rule pages where the standalone server links them (beside dist/)', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = new Set((JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path));
    assert.ok(files.has('dist/server.js'), 'dist/server.js is in the package');
    assert.deepEqual(allRules.map((r) => `docs/rules/${r.meta.id}.md`).filter((f) => !files.has(f)), []);
  });

  it('the SARIF log links allowed places only and carries each rule\'s page as its help', () => {
    const log = JSON.parse(formatSarif([], '0.0.0', 'recommended'));
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.informationUri, undefined);
    assert.ok(allowedBy(log.$schema), log.$schema);
    const bad: string[] = [];
    for (const r of driver.rules) {
      assert.equal(r.helpUri, undefined, r.id);
      for (const l of parseMarkdown(r.help.markdown).links) if (!allowedBy(l.href)) bad.push(`${r.id} (markdown): ${l.href}`);
      for (const m of (r.help.text as string).matchAll(/https?:\/\/[^\s`'"<>)\]]+/g)) if (!allowedBy(m[0]) && !placeholder(m[0])) bad.push(`${r.id} (text): ${m[0]}`);
    }
    assert.deepEqual(bad, []);
  });
});
