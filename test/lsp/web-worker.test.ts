// The web extension's language server (dist/server-web.js) as a browser runs it: the bundle is evaluated in a
// context that has a Web Worker's globals and nothing of Node's (no require, process or Buffer), it fetches the
// shell grammar from URLs and reads the workspace only by asking its client, which answers as the web client does
// (server/src/web/file-requests.ts over an in-memory vscode.workspace.fs). Also: the browser bundles fail to build
// when a Node built-in creeps in.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as esbuild from 'esbuild';
import { fileRequests } from '../../server/src/web/file-requests';
import { clientFileSystem, webInitOptions } from '../../server/src/web/host';
import { fromBase64, IS_FILE, READ, READ_HEAD, toBase64 } from '../../server/src/web/fs-protocol';

const root = path.resolve(__dirname, '../../..');
const dist = path.join(root, 'dist');
const BASE = 'https://extension.test/dist/';

/** An in-memory vscode.workspace.fs: files by URI string; folders are every prefix of a file's path. */
function memoryFs(files: Record<string, string | Uint8Array>) {
  const bytes = new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? new TextEncoder().encode(v) : v]));
  const notFound = () => Object.assign(new Error('not found'), { code: 'FileNotFound' });
  return {
    fs: {
      async stat(uri: string) {
        const key = String(uri);
        const file = bytes.get(key);
        if (file) return { type: 1, size: file.length, ctime: 0, mtime: 0 };
        if ([...bytes.keys()].some((k) => k.startsWith(`${key}/`))) return { type: 2, size: 0, ctime: 0, mtime: 0 };
        throw notFound();
      },
      async readFile(uri: string) {
        const file = bytes.get(String(uri));
        if (!file) throw notFound();
        return file;
      },
    },
    parse: (uri: string) => uri,
  };
}

/** fetch for the worker: the bundle's own folder at BASE, served from dist/. */
async function distFetch(input: unknown): Promise<Response> {
  const url = String(input instanceof Request ? input.url : input);
  if (!url.startsWith(BASE)) return new Response('not here', { status: 404 });
  const file = path.join(dist, url.slice(BASE.length));
  if (!fs.existsSync(file)) return new Response('no such file', { status: 404 });
  return new Response(fs.readFileSync(file), { headers: { 'content-type': file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' } });
}

interface Message { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown }

/** dist/server-web.js in a worker-like context, and a client that speaks to it as postMessage would. */
function startWorker(files: Record<string, string | Uint8Array>) {
  const { fs: wsFs, parse } = memoryFs(files);
  const answers = fileRequests(wsFs, parse);
  const pending = new Map<number, (m: Message) => void>();
  const diagnostics = new Map<string, Array<{ code?: unknown }>>();
  const waiters: Array<() => void> = [];
  const fsRequests: string[] = [];
  const errors: string[] = [];
  let nextId = 1;
  const scope: Record<string, unknown> = {
    location: { href: `${BASE}server-web.js` },
    onmessage: null,
    addEventListener() { /* errors and rejections: none are expected */ },
    postMessage(data: unknown) { void fromServer(JSON.parse(JSON.stringify(data)) as Message); },
    // What a dedicated worker has that the bundle may use (WebAssembly is the context's own); deliberately no
    // require, process, Buffer or global.
    console: { log: () => undefined, info: () => undefined, warn: (...a: unknown[]) => errors.push(a.join(' ')), error: (...a: unknown[]) => errors.push(a.join(' ')), debug: () => undefined, trace: () => undefined },
    fetch: distFetch, Response, Request, Headers, URL, TextEncoder, TextDecoder, atob, btoa, queueMicrotask,
    setTimeout, clearTimeout, setInterval, clearInterval, performance, AbortController,
    WorkerGlobalScope: function WorkerGlobalScope() { /* only its presence is tested */ },
  };
  scope.self = scope;
  const send = (m: Message) => (scope.onmessage as (e: { data: unknown }) => void)({ data: JSON.parse(JSON.stringify({ jsonrpc: '2.0', ...m })) });
  async function fromServer(m: Message): Promise<void> {
    if (m.id !== undefined && m.method === undefined) { pending.get(m.id)?.(m); return; }
    if (m.method === 'textDocument/publishDiagnostics') {
      const p = m.params as { uri: string; diagnostics: Array<{ code?: unknown }> };
      diagnostics.set(p.uri, p.diagnostics);
      for (const w of waiters.splice(0)) w();
      return;
    }
    if (m.method === 'window/logMessage') {
      const p = m.params as { type: number; message: string };
      if (p.type <= 2) errors.push(p.message);
      return;
    }
    if (m.id === undefined) return;
    let result: unknown = null;
    if (m.method === READ) result = await answers.read(m.params as never);
    else if (m.method === IS_FILE) result = await answers.isFile(m.params as never);
    else if (m.method === READ_HEAD) result = await answers.readHead(m.params as never);
    else if (m.method === 'workspace/configuration') result = (m.params as { items: unknown[] }).items.map(() => null);
    if (m.method?.startsWith('dockwise/fs/')) fsRequests.push(`${m.method} ${(m.params as { uri: string }).uri}`);
    send({ id: m.id, result });
  }
  vm.runInNewContext(fs.readFileSync(path.join(dist, 'server-web.js'), 'utf8'), vm.createContext(scope), { filename: 'server-web.js' });
  return {
    fsRequests,
    errors,
    request(method: string, params: unknown): Promise<Message> {
      const id = nextId++;
      return new Promise((resolve) => { pending.set(id, resolve); send({ id, method, params }); });
    },
    notify(method: string, params: unknown) { send({ method, params }); },
    /** The rule ids of the diagnostics of `uri`, once `until` holds for them (at most 20 s). */
    async codes(uri: string, until: (codes: string[]) => boolean = () => true): Promise<string[]> {
      const deadline = Date.now() + 20000;
      for (;;) {
        const d = diagnostics.get(uri);
        const codes = d ? d.map((x) => String(x.code)).sort() : undefined;
        if (codes && until(codes)) return codes;
        if (Date.now() > deadline) throw new Error(`diagnostics of ${uri}: ${codes ? codes.join(', ') : 'none'}; errors: ${errors.join(' | ')}`);
        await new Promise<void>((r) => { waiters.push(r); setTimeout(r, 200); });
      }
    },
  };
}

describe('the web language server in a worker without Node', () => {
  const folder = 'vscode-vfs://github/owner/repo';
  const dockerfile = 'FROM ubuntu:22.04\nENV A b\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCOPY . /app\n';
  let worker: ReturnType<typeof startWorker>;

  before(async () => {
    assert.ok(fs.existsSync(path.join(dist, 'server-web.js')), 'dist/server-web.js is missing: run node scripts/build.mjs');
    worker = startWorker({
      [`${folder}/.dockwise.yaml`]: 'ignored: [legacy-key-value-format]\nformat:\n  keywordCase: lower\n',
      [`${folder}/app/.dockerignore`]: '.git\n',
      [`${folder}/app/Dockerfile`]: dockerfile,
      [`${folder}/other/Dockerfile`]: dockerfile,
    });
    const init = await worker.request('initialize', {
      processId: null,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'repo' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { web: { shellParserWasm: { runtime: `${BASE}web-tree-sitter.wasm`, grammar: `${BASE}tree-sitter-bash.wasm` }, rulePages: 'https://extension.test/docs/rules' } },
    });
    assert.equal((init.result as { serverInfo?: { name?: string } })?.serverInfo?.name, 'dockwise', `initialize: ${JSON.stringify(init)}`);
    worker.notify('initialized', {});
  });

  it('lints with the shell grammar fetched from its URL, and the config file and .dockerignore read through the client', async () => {
    worker.notify('textDocument/didOpen', { textDocument: { uri: `${folder}/app/Dockerfile`, languageId: 'dockerfile', version: 1, text: dockerfile } });
    const codes = await worker.codes(`${folder}/app/Dockerfile`, (c) => c.includes('apt-get-missing-no-install-recommends'));
    assert.ok(codes.includes('apt-get-missing-no-install-recommends'), `a RUN finding needs the shell grammar: ${codes}`);
    assert.ok(!codes.includes('legacy-key-value-format'), `the config file's ignored: ${codes}`);
    assert.ok(!codes.includes('missing-dockerignore'), `the .dockerignore beside it: ${codes}`);
    assert.ok(worker.fsRequests.includes(`${READ} ${folder}/.dockwise.yaml`), `the config file was read through the client: ${worker.fsRequests.join(', ')}`);
  });

  it('reports missing-dockerignore where the client has no .dockerignore', async () => {
    worker.notify('textDocument/didOpen', { textDocument: { uri: `${folder}/other/Dockerfile`, languageId: 'dockerfile', version: 1, text: dockerfile } });
    const codes = await worker.codes(`${folder}/other/Dockerfile`, (c) => c.includes('missing-dockerignore'));
    assert.ok(!codes.includes('legacy-key-value-format'), `the config file one folder up: ${codes}`);
  });

  it('formats with the config file\'s format: options, read through the client', async () => {
    const uri = `${folder}/app/Dockerfile`;
    const answer = await worker.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, dockerfile), answer.result as TextEdit[]);
    assert.equal(formatted, 'from ubuntu:22.04\nenv A=b\nrun apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\ncopy . /app\n');
  });

  it('lints an untitled document', async () => {
    worker.notify('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'dockerfile', version: 1, text: 'FROM ubuntu\nMAINTAINER me\n' } });
    await worker.codes('untitled:Untitled-1', (c) => c.includes('maintainer-deprecated') && c.includes('base-image-untagged'));
    assert.deepEqual(worker.errors, []);
  });
});

describe('the web language server without the shell grammar\'s location', () => {
  it('answers initialize with an error that says what is missing', async () => {
    const worker = startWorker({});
    const init = await worker.request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: {} });
    assert.match((init.error as { message?: string })?.message ?? '', /did not say where the shell grammar is/);
  });
});

describe('file requests: the web client\'s answers and the worker host\'s reading of them', () => {
  const folder = 'vscode-vfs://github/o/r';
  const { fs: wsFs, parse } = memoryFs({ [`${folder}/a/.dockerignore`]: 'node_modules\n', [`${folder}/big`]: 'x'.repeat(100), [`${folder}/bin`]: new Uint8Array([0, 1, 2, 250, 251]) });
  const answers = fileRequests(wsFs, parse);
  const host = clientFileSystem({
    async sendRequest<R>(method: string, params: unknown): Promise<R> {
      const answer = method === READ ? answers.read(params as never) : method === IS_FILE ? answers.isFile(params as never) : answers.readHead(params as never);
      return JSON.parse(JSON.stringify(await answer)) as R;
    },
  });

  it('reads a file, and says why there is none', async () => {
    assert.deepEqual(await host.read(`${folder}/a/.dockerignore`, 1000), { text: 'node_modules\n' });
    assert.deepEqual(await host.read(`${folder}/a/missing`, 1000), { error: `${folder}/a/missing does not exist`, missing: true });
    assert.deepEqual(await host.read(`${folder}/big`, 99), { error: `${folder}/big is larger than 99 bytes`, tooLarge: true });
    assert.deepEqual(await host.read(`${folder}/a`, 1000), { error: `${folder}/a is not a file` });
  });

  it('tells files from folders and missing paths', async () => {
    assert.equal(await host.isFile(`${folder}/a/.dockerignore`), true);
    assert.equal(await host.isFile(`${folder}/a`), false);
    assert.equal(await host.isFile(`${folder}/nothing`), false);
  });

  it('reads the head of a file as bytes, through base64', async () => {
    assert.deepEqual([...(await host.readHead(`${folder}/bin`, 4))!], [0, 1, 2, 250]);
    assert.deepEqual([...(await host.readHead(`${folder}/bin`, 50))!], [0, 1, 2, 250, 251]);
    assert.equal(await host.readHead(`${folder}/a`, 4), undefined);
    assert.equal(await host.readHead(`${folder}/nothing`, 4), undefined);
    const all = new Uint8Array(70000).map((_, i) => (i * 7) % 256);
    assert.deepEqual(fromBase64(toBase64(all)), all);
  });

  it('turns a failed request into an error, never a throw', async () => {
    const broken = clientFileSystem({ sendRequest: () => Promise.reject(new Error('connection closed')) });
    assert.deepEqual(await broken.read('x:/y', 10), { error: 'the editor could not read x:/y: connection closed' });
    assert.equal(await broken.isFile('x:/y'), false);
    assert.equal(await broken.readHead('x:/y', 3), undefined);
  });

  it('takes from initializationOptions only what it can use', () => {
    assert.deepEqual(webInitOptions({ web: { shellParserWasm: { runtime: 'https://a/r.wasm', grammar: 'https://a/g.wasm' }, rulePages: 'https://a/docs/rules' } }), { shellParserWasm: { runtime: 'https://a/r.wasm', grammar: 'https://a/g.wasm' }, rulePages: 'https://a/docs/rules' });
    assert.deepEqual(webInitOptions({ web: { shellParserWasm: { runtime: 3 } } }), {});
    assert.deepEqual(webInitOptions(null), {});
  });
});

describe('the browser bundles', () => {
  it('fail to build when a Node built-in is imported', async () => {
    const { bundles } = await import(pathToFileURL(path.join(root, 'scripts/bundles.mjs')).href) as { bundles: (v: string) => Array<esbuild.BuildOptions & { outfile: string }> };
    const web = bundles('0.0.0').filter((b) => /-web\.js$/.test(b.outfile));
    assert.deepEqual(web.map((b) => b.outfile).sort(), ['dist/extension-web.js', 'dist/server-web.js']);
    for (const b of web) {
      const result = esbuild.build({ ...b, entryPoints: undefined, stdin: { contents: "import { readFileSync } from 'node:fs'; console.log(readFileSync);", resolveDir: path.join(root, 'server/src/web') }, absWorkingDir: root, write: false, logLevel: 'silent' });
      await assert.rejects(result, (e: { errors?: Array<{ text: string }> }) => e.errors?.some((x) => x.text.includes('node:fs')) === true, `${b.outfile} built with node:fs in it`);
    }
  });
});
