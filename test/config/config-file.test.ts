import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, buildLintOptions, lintText } from '../../server/src/engine';
import { ConfigFiles } from '../../server/src/workspace/config';
import { fileUri, nodeHost, uriPath } from '../../server/src/host/node';

/** The config file for a Dockerfile, found as the command and the server find it (a fresh cache each time). */
async function findConfigFile(dockerfile: string, stopAt: string): Promise<string | undefined> {
  const uri = await new ConfigFiles(nodeHost).find(fileUri(path.dirname(dockerfile)), fileUri(stopAt));
  return uri && uriPath(uri);
}

function loadConfigFile(file: string) {
  return new ConfigFiles(nodeHost).load(fileUri(file), file);
}
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

let tmp: string;
before(async () => {
  await initShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-config-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('discovery', () => {
  it('walks up for .dockwise.yaml, then .hadolint.yaml, then the user config folder', async () => {
    const deep = path.join(tmp, 'repo', 'svc', 'api');
    fs.mkdirSync(deep, { recursive: true });
    const df = path.join(deep, 'Dockerfile');
    assert.equal(await findConfigFile(df, tmp), undefined);
    fs.mkdirSync(path.join(tmp, 'xdg', 'dockwise'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'xdg', 'dockwise', 'config.yaml'), 'rules: {}\n');
    assert.equal(await findConfigFile(df, tmp), path.join(tmp, 'xdg', 'dockwise', 'config.yaml'));
    fs.writeFileSync(path.join(tmp, 'repo', '.hadolint.yaml'), 'ignored: [DL3059]\n');
    assert.equal(await findConfigFile(df, tmp), path.join(tmp, 'repo', '.hadolint.yaml'));
    fs.writeFileSync(path.join(tmp, 'repo', 'svc', '.dockwise.yml'), 'rules: {}\n');
    assert.equal(await findConfigFile(df, tmp), path.join(tmp, 'repo', 'svc', '.dockwise.yml'));
  });
});

describe('parsing', () => {
  it('reads every key hadolint users have, and ours', () => {
    const { config, problems } = parseConfig('.hadolint.yaml', [
      'ignored: [DL3008, consecutive-run]',
      'override:',
      '  error: [DL3015]',
      '  style: [DL3015]',
      'trustedRegistries: [docker.io, "*.corp.example"]',
      'failure-threshold: warning',
      'label-schema: { maintainer: text }',
      'strict-labels: true',
      'no-color: true',
      'rules:',
      '  runs-as-root: error',
      'fixes: { unsafe: true }',
    ].join('\n'));
    assert.deepEqual(problems, []);
    assert.deepEqual(config?.ignored, ['DL3008', 'consecutive-run']);
    assert.equal(config?.failureThreshold, 'warning');
    assert.equal(config?.unsafeFixes, true);
    const opts = buildLintOptions({ config });
    assert.equal(opts.severities?.['apt-get-missing-no-install-recommends'], 'error', 'the most severe override wins');
    assert.equal(opts.severities?.['consecutive-run'], 'off');
    assert.equal(opts.severities?.['runs-as-root'], 'error');
    assert.deepEqual(opts.settings?.trustedRegistries, ['docker.io', '*.corp.example']);
    assert.equal(opts.fixUnsafe, true);
  });

  it('reports unknown keys and rule names with their line, and keeps the rest', () => {
    const { config, problems } = parseConfig('/x/.dockwise.yaml', 'rules:\n  consecutive-runs: off\n  runs-as-root: loud\ncolour: true\nignored: [DL3059]\n');
    assert.deepEqual(problems.map((p) => `${p.line}: ${p.message}`), [
      '2: rules: unknown rule "consecutive-runs"; did you mean "consecutive-run"?',
      '3: rules: "loud" is not one of error, warning, info, style, off',
      '4: unknown key "colour"',
    ]);
    assert.deepEqual(config?.ignored, ['DL3059']);
  });

  it('profile: names a profile; an unknown one is reported with its line and a suggestion, and the rest is kept', () => {
    assert.equal(parseConfig('/x/.dockwise.yaml', 'profile: hadolint\n').config?.profile, 'hadolint');
    assert.equal(buildLintOptions({ config: parseConfig('/x/.hadolint.yaml', 'profile: strict\n').config }).profile, 'strict');
    const { config, problems } = parseConfig('/x/.dockwise.yaml', 'rules:\n  DL3059: error\nprofile: strct\n');
    assert.deepEqual(problems.map((p) => `${p.line}: ${p.message}`), ['3: profile: unknown profile "strct"; did you mean "strict"? Using recommended.']);
    assert.equal(config?.profile, undefined);
    assert.equal(config?.rules.DL3059, 'error');
    assert.equal(buildLintOptions({ config }).profile, 'recommended');
    assert.deepEqual(parseConfig('/x/.dockwise.yaml', 'profile: [strict]\n').problems.map((p) => p.message), ['profile: expected one of recommended, strict, modern, hadolint, buildkit. Using recommended.']);
  });

  it('broken YAML gives one message with a line, and the defaults', () => {
    const { config, problems } = parseConfig('/x/.dockwise.yaml', 'rules:\n  a: [unclosed\nignored: x\n');
    assert.equal(config, undefined);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /not valid YAML/);
    assert.ok(problems[0].line >= 2);
  });

  it('an unreadable or huge file is reported, not thrown', async () => {
    assert.match((await loadConfigFile(path.join(tmp, 'nope.yaml'))).problems[0].message, /cannot read/);
    const big = path.join(tmp, 'big.yaml');
    fs.writeFileSync(big, '#'.repeat(2 << 20));
    assert.match((await loadConfigFile(big)).problems[0].message, /larger than/);
    assert.deepEqual(parseConfig('empty.yaml', '').problems, []);
  });

  it('a config ignoring a rule changes lint results', () => {
    const { config } = parseConfig('.hadolint.yaml', 'ignored: [DL3059]\n');
    const text = 'FROM alpine:3.21\nRUN mkdir /a\nRUN mkdir /b\n';
    const strict = { profile: 'strict' };
    assert.ok(lintText(text, buildLintOptions({ settings: strict })).findings.some((f) => f.rule === 'consecutive-run'));
    assert.ok(!lintText(text, buildLintOptions({ config, settings: strict })).findings.some((f) => f.rule === 'consecutive-run'));
  });
});
