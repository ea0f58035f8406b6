#!/usr/bin/env node
// Dockwise in a real Neovim: docs/editor.md's setup for the Neovim installed here, copied from the page as it is
// written, is the init.lua of a headless Neovim that opens a Dockerfile; `dockwise-language-server` on its PATH
// runs this checkout's `node dist/server.js`. Lua inside Neovim reads what the editor got (vim.diagnostic.get,
// hover and code actions through vim.lsp.buf_request_sync) and picks "Show documentation" from the code action
// menu as a user would; this script compares all of it with the command line's findings and the shipped page.
// Then the page's format-on-save snippet for that Neovim: the driver untidies a line and writes the file.
// Debian's Neovim is installed when it is missing and this runs as root; otherwise the test is skipped, saying so.
//
//   DOCKWISE_E2E_TIMEOUT  seconds for Neovim's run (default 120)
//   DOCKWISE_E2E_KEEP=1   keep the temporary folder
import { execFileSync, spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { log, makeTempDir, onShutdown, removeDir, root, runProcess, seconds } from './lib.mjs';

const started = performance.now();
const timeoutS = seconds('DOCKWISE_E2E_TIMEOUT', 120);
const run = makeTempDir('dockwise-neovim-');
onShutdown(() => { if (!process.env.DOCKWISE_E2E_KEEP) removeDir(run); });

const FIXTURE = 'FROM debian:12-slim\nMAINTAINER me\nRUN apt-get update && apt-get install -y curl\n';
/** FIXTURE's first line as the driver retypes it before saving: formatting on save must give the line back. */
const UNTIDY = 'from   debian:12-slim   ';
/** The finding whose hover, quick fixes and page are checked: MAINTAINER, on line 2. */
const RULE = 'maintainer-deprecated';

// Runs inside Neovim after the Dockerfile opened (-c 'luafile …'); writes what it saw to $DOCKWISE_NVIM_OUT.
const DRIVE_LUA = String.raw`
local out = {}
local function finish()
  local f = assert(io.open(vim.env.DOCKWISE_NVIM_OUT, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  local rule = vim.env.DOCKWISE_NVIM_RULE
  out.filetype = vim.bo[buf].filetype
  out.arrived = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  -- A diagnostic as the server sent it (vim.diagnostic keeps the code and data aside in user_data.lsp before 0.9).
  local function lsp(d)
    local kept = d.user_data and d.user_data.lsp or {}
    return { range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }, severity = d.severity, message = d.message, source = d.source, code = d.code or kept.code, data = kept.data }
  end
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 1, character = 3 } }, 20000) or {}
  for _, r in pairs(hover) do out.hover = r.result and r.result.contents end
  local on_line = vim.tbl_map(lsp, vim.diagnostic.get(buf, { lnum = 1 }))
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', { textDocument = { uri = uri }, range = { start = { line = 1, character = 0 }, ['end'] = { line = 1, character = 0 } }, context = { diagnostics = on_line } }, 20000) or {}
  out.actions = {}
  for _, r in pairs(actions) do for _, a in ipairs(r.result or {}) do table.insert(out.actions, a.title) end end
  -- "Show documentation" the way a user picks it: the code action menu (vim.ui.select), cursor on MAINTAINER.
  vim.api.nvim_win_set_cursor(0, { 2, 3 })
  out.menu = {}
  vim.ui.select = function(items, opts, on_choice)
    local choice
    for _, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(out.menu, title)
      if title == vim.env.DOCKWISE_NVIM_PICK then choice = item end
    end
    on_choice(choice)
  end
  vim.lsp.buf.code_action()
  vim.wait(20000, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      local b = vim.api.nvim_win_get_buf(win)
      local first = vim.api.nvim_buf_get_lines(b, 0, 1, false)[1]
      if b ~= buf and first == '# ' .. rule then
        out.page = { lines = vim.api.nvim_buf_get_lines(b, 0, -1, false), filetype = vim.bo[b].filetype }
        return true
      end
    end
    return false
  end, 20)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, string.format('%s@%d:%d-%d:%d', lsp(d).code, d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1))
  end
  -- Format on save: the first line untidied as a person might type it, then :write runs the documented autocmd.
  -- The rule's page opened in a window of its own: back to the Dockerfile's.
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_buf_set_lines(buf, 0, 1, false, { vim.env.DOCKWISE_NVIM_UNTIDY })
  vim.cmd('write')
  out.saved = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end)
if not ok then out.error = tostring(err) end
finish()
`;

/** Neovim's version, [major, minor, patch], or undefined when there is none. */
function neovimVersion() {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const m = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(r.stdout ?? '');
  return m ? m.slice(1).map(Number) : undefined;
}

async function installNeovim() {
  if (process.getuid?.() !== 0 || spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0) return false;
  log('neovim', 'installing Debian\'s neovim');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => runProcess('apt-get', ['install', '-y', '--no-install-recommends', 'neovim'], { env, timeoutMs: 600000 });
  if ((await install()).code === 0) return true;
  await runProcess('apt-get', ['update'], { env, timeoutMs: 600000 });
  return (await install()).code === 0;
}

/** The Lua block under the docs/editor.md heading for this Neovim, exactly as the page has it. */
function documentedSetup([major, minor]) {
  const heading = major === 0 && minor < 11 ? '### Neovim 0.7 to 0.10' : '### Neovim 0.11 and later';
  const doc = fs.readFileSync(path.join(root, 'docs/editor.md'), 'utf8');
  const section = doc.split(/^(?=#{2,3} )/m).find((s) => s.startsWith(`${heading}\n`));
  const lua = section && /```lua\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(lua, `docs/editor.md has no \`\`\`lua block under "${heading}"`);
  return { heading, lua };
}

/** The Lua block of docs/editor.md's "### Formatting" for this Neovim (its format on save), exactly as written. */
function documentedFormatOnSave([major, minor]) {
  const label = major === 0 && minor < 11 ? '**Neovim 0.7 to 0.10**' : '**Neovim 0.11 and later**';
  const doc = fs.readFileSync(path.join(root, 'docs/editor.md'), 'utf8');
  const section = doc.split(/^(?=#{2,3} )/m).find((s) => s.startsWith('### Formatting\n'));
  const after = section?.split(label)[1];
  const lua = after && /```lua\n([\s\S]*?)```/.exec(after)?.[1];
  assert.ok(lua, `docs/editor.md has no \`\`\`lua block after ${label} under "### Formatting"`);
  return lua;
}

/** The command line's findings for a file, as `rule@line:column-endLine:endColumn`, and their fixes' titles. */
function cliFindings(file) {
  const json = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--no-config', '--failure-threshold', 'none', '-f', 'json', file], { encoding: 'utf8' });
  return JSON.parse(json).files[0].findings;
}

const results = [];
function check(name, fn) {
  try {
    fn();
    results.push(true);
    console.log(`  ✔ ${name}`);
  } catch (e) {
    results.push(false);
    console.log(`  ✖ ${name}\n${String(e?.message ?? e).replace(/^/gm, '    ')}`);
  }
}

async function main() {
  let version = neovimVersion();
  if (!version && (await installNeovim())) version = neovimVersion();
  if (!version) {
    console.log('neovim: SKIPPED: no Neovim here (`nvim --version` failed), and it could not be installed (that needs root and apt-get).');
    console.log('Install it (Debian: `sudo apt-get install -y neovim`) to run this test.');
    console.log('# pass 0\n# fail 0');
    return 0;
  }
  log('neovim', `Neovim ${version.join('.')}`);
  // Always: the build is incremental, and the test must run what this checkout builds.
  const b = await runProcess(process.execPath, ['scripts/build.mjs'], { timeoutMs: 600000 });
  if (b.code !== 0) throw new Error(`the build failed:\n${b.output.slice(-3000)}`);

  const { heading, lua } = documentedSetup(version);
  const off = /\['([a-z0-9-]+)'\] = 'off'/.exec(lua)?.[1];
  assert.ok(off, `the setup under "${heading}" turns no rule off: the test checks that a setting takes effect`);
  const bin = path.join(run, 'bin');
  const ws = path.join(run, 'workspace');
  fs.mkdirSync(bin, { recursive: true });
  fs.mkdirSync(ws, { recursive: true });
  const server = path.join(bin, 'dockwise-language-server');
  fs.writeFileSync(server, `#!/bin/sh\nexec '${process.execPath}' '${path.join(root, 'dist/server.js')}' "$@"\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(run, 'init.lua'), `${lua}\n${documentedFormatOnSave(version)}`);
  fs.writeFileSync(path.join(run, 'drive.lua'), DRIVE_LUA);
  const dockerfile = path.join(ws, 'Dockerfile');
  fs.writeFileSync(dockerfile, FIXTURE);

  const findings = cliFindings(dockerfile);
  const short = (f) => `${f.rule}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
  const all = findings.map(short);
  assert.ok(findings.some((f) => f.rule === off), `the fixture has no ${off} finding, so the setting would show nothing: ${all.join(', ')}`);
  const maintainer = findings.find((f) => f.rule === RULE);
  assert.ok(maintainer, `the fixture has no ${RULE} finding: ${all.join(', ')}`);
  const pick = `Show documentation for ${RULE}`;

  const outFile = path.join(run, 'out.json');
  const home = path.join(run, 'home');
  const t = performance.now();
  const nvim = await runProcess('nvim', ['--headless', '--clean', '-u', path.join(run, 'init.lua'), 'Dockerfile', '-c', `luafile ${path.join(run, 'drive.lua')}`], {
    cwd: ws,
    timeoutMs: timeoutS * 1000,
    env: {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      // Neovim's log and state, and any hadolint.yaml of the user's, stay out of the test.
      HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache'), XDG_STATE_HOME: path.join(home, '.local/state'), XDG_DATA_HOME: path.join(home, '.local/share'),
      DOCKWISE_NVIM_OUT: outFile, DOCKWISE_NVIM_RULE: RULE, DOCKWISE_NVIM_PICK: pick, DOCKWISE_NVIM_UNTIDY: UNTIDY,
    },
  });
  log('neovim', `Neovim ran ${((performance.now() - t) / 1000).toFixed(1)}s (exit ${nvim.code})`);
  if (!fs.existsSync(outFile)) throw new Error(`Neovim wrote no result (exit ${nvim.code}${nvim.timedOut ? ', timed out' : ''}):\n${nvim.output.slice(-3000)}`);
  const out = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  if (out.error) throw new Error(`the Lua driver failed: ${out.error}\n${nvim.output.slice(-3000)}`);

  console.log(`neovim: the setup under "${heading}" in docs/editor.md, on Neovim ${version.join('.')}`);
  check('the Dockerfile is a dockerfile and its diagnostics arrive', () => {
    assert.equal(out.filetype, 'dockerfile');
    assert.equal(out.arrived, true, 'no diagnostics within 30 s');
    assert.deepEqual([...out.diagnostics].sort(), all.filter((d) => !d.startsWith(`${off}@`)).sort(), 'the command line\'s findings, less the rule the settings turn off');
  });
  check(`the documented settings turn ${off} off`, () => {
    assert.ok(!out.diagnostics.some((d) => d.startsWith(`${off}@`)), out.diagnostics.join(', '));
  });
  check('hover leads with the finding, its rule linked to the shipped page', () => {
    assert.equal(out.hover?.kind, 'markdown', `hover: ${JSON.stringify(out.hover)}`);
    const page = pathToFileURL(path.join(root, 'docs/rules', `${RULE}.md`)).href;
    assert.equal(out.hover.value.split('\n')[0], `${maintainer.markdown} · [\`${RULE}\`](${page})`, out.hover.value);
  });
  check('the quick fixes on MAINTAINER', () => {
    const want = [...maintainer.fixes.map((f) => f.title), `Ignore ${RULE} for this line`, pick];
    assert.deepEqual(out.actions, want);
    assert.deepEqual(out.menu, want, 'the code action menu');
  });
  check('"Show documentation" opens the rule\'s page', () => {
    assert.ok(out.page, `no window shows the page; the menu offered: ${out.menu.join(' | ')}`);
    const shipped = fs.readFileSync(path.join(root, 'docs/rules', `${RULE}.md`), 'utf8').replace(/\n+$/, '').split('\n');
    assert.deepEqual(out.page.lines, shipped);
    assert.equal(out.page.filetype, 'markdown');
  });
  check('format on save, as the page sets it up, writes the formatted text', () => {
    assert.deepEqual(out.saved, FIXTURE.replace(/\n$/, '').split('\n'), 'the buffer after :write');
    assert.equal(fs.readFileSync(dockerfile, 'utf8'), FIXTURE, 'the file on disk');
  });
  const failed = results.filter((r) => !r).length;
  console.log(`# pass ${results.length - failed}\n# fail ${failed}`);
  log('neovim', `${failed ? 'FAILED' : 'PASSED'} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  return failed ? 1 : 0;
}

let code;
try {
  code = await main();
} catch (e) {
  console.error(`neovim: FAILED: ${e?.stack ?? e}`);
  console.log('# pass 0\n# fail 1');
  code = 1;
}
if (!process.env.DOCKWISE_E2E_KEEP) removeDir(run);
process.exit(code);
