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

describe('problems in Korean', () => {
  it('parseConfig and buildLintOptions speak the locale they are given; English is the default', () => {
    const text = 'rules:\n  consecutive-runs: off\n  runs-as-root: loud\ncolour: true\nprofile: [strict]\n';
    assert.deepEqual(parseConfig('/x/.dockwise.yaml', text, 'ko').problems.map((p) => `${p.line}: ${p.message}`), [
      '2: rules: 알 수 없는 규칙 "consecutive-runs". "consecutive-run"을(를) 사용하시겠습니까?',
      '3: rules: "loud"은(는) error, warning, info, style, off 중 하나가 아닙니다',
      '4: 알 수 없는 키 "colour"',
      '5: profile: recommended, strict, modern, hadolint, buildkit 중 하나여야 합니다. 대신 recommended을(를) 사용합니다.',
    ]);
    assert.deepEqual(parseConfig('/x/.dockwise.yaml', 'profile: everything\n', 'ko').problems.map((p) => p.message),
      ['profile: 알 수 없는 프로필 "everything". 프로필은 recommended, strict, modern, hadolint, buildkit입니다. 대신 recommended을(를) 사용합니다.']);
    assert.match(parseConfig('/x/.dockwise.yaml', 'rules:\n  a: [unclosed\n', 'ko').problems[0].message, /^올바른 YAML이 아닙니다: .*\. 기본값을 사용합니다$/);
    const settings = { profile: 'stricter', rules: { DL3059: 'loud', 'runs-as-rot': 'off' }, ignore: ['consecutive-runs'] };
    assert.deepEqual(buildLintOptions({ settings, locale: 'ko' }).problems.map((p) => p.message), [
      'dockwise.profile: 알 수 없는 프로필 "stricter". "strict"을(를) 사용하시겠습니까? 대신 recommended을(를) 사용합니다.',
      'dockwise.rules: DL3059의 "loud"은(는) off, error, warning, info, style 중 하나가 아닙니다',
      'dockwise.rules: 알 수 없는 규칙 "runs-as-rot". "runs-as-root"을(를) 사용하시겠습니까?',
      'ignore: 알 수 없는 규칙 "consecutive-runs". "consecutive-run"을(를) 사용하시겠습니까?',
    ]);
    assert.deepEqual(buildLintOptions({ settings }).problems.map((p) => p.message), [
      'dockwise.profile: unknown profile "stricter"; did you mean "strict"? Using recommended.',
      'dockwise.rules: "loud" for DL3059 is not one of off, error, warning, info, style',
      'dockwise.rules: unknown rule "runs-as-rot"; did you mean "runs-as-root"?',
      'ignore: unknown rule "consecutive-runs"; did you mean "consecutive-run"?',
    ]);
  });

  it('ConfigFiles reads and reports in the workspace\'s locale', async () => {
    const files = new ConfigFiles(nodeHost, () => 'ko');
    assert.match((await files.load(fileUri(path.join(tmp, 'nope-ko.yaml')))).problems[0].message, /^파일을 읽을 수 없습니다\(.*\)\. 기본값을 사용합니다$/);
    const file = path.join(tmp, 'ko.yaml');
    fs.writeFileSync(file, 'fixes: yes\n');
    assert.deepEqual((await files.load(fileUri(file), file)).problems.map((p) => p.message), ['fixes: "unsafe: true|false"가 있어야 합니다']);
  });
});

describe('format:', () => {
  it('reads every valid option and reports each bad one on its line, keeping the rest of the file', () => {
    const text = [
      'rules:',
      '  runs-as-root: error',
      'format:',
      '  keywordCase: lower',
      '  indent: 2',
      '  alignBackslashes: true',
      '  keyword-case: upper',
      '  operators: middle',
      '  indnet: tab',
      '  finalNewline: yes',
      '  colour: red',
      'ignored: [DL3008]',
    ].join('\n');
    const { config, problems } = parseConfig('/x/.dockwise.yaml', text);
    assert.deepEqual(config?.format, { keywordCase: 'lower', indent: 2, alignBackslashes: true });
    assert.deepEqual(config?.rules, { 'runs-as-root': 'error' });
    assert.deepEqual(config?.ignored, ['DL3008']);
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line}: ${p.message}`), [
      '/x/.dockwise.yaml:7: format: unknown formatter option "keyword-case"; did you mean "keywordCase"?',
      '/x/.dockwise.yaml:8: format.operators: "middle" is not one of auto, start, end, preserve',
      '/x/.dockwise.yaml:9: format: unknown formatter option "indnet"; did you mean "indent"?',
      '/x/.dockwise.yaml:10: format.finalNewline: "yes" is not one of true, false',
      '/x/.dockwise.yaml:11: format: unknown formatter option "colour"; the options are keywordCase, indent, operators, alignBackslashes, execForm, quoteValues, keyValueForm, blankLines, trimTrailingWhitespace, finalNewline, sortPackages, onePackagePerLine',
    ]);
  });

  it('takes indent as auto, tab or 1 to 8 spaces', () => {
    for (const [value, expected] of [['auto', 'auto'], ['tab', 'tab'], ['8', 8], ['1', 1]] as const) {
      assert.deepEqual(parseConfig('.dockwise.yaml', `format:\n  indent: ${value}\n`).config?.format, { indent: expected });
    }
    for (const value of ['0', '9', '2.5', 'spaces', '-1']) {
      const { config, problems } = parseConfig('.dockwise.yaml', `format:\n  indent: ${value}\n`);
      assert.deepEqual(config?.format, {});
      assert.equal(problems.length, 1, value);
      assert.match(problems[0].message, /^format\.indent: ".*" is not one of auto, tab, 1-8$/);
    }
  });

  it('reports a format: that is not a mapping, and leaves an empty one alone', () => {
    assert.deepEqual(parseConfig('.dockwise.yaml', 'format: [upper]\n').problems.map((p) => `${p.line}: ${p.message}`),
      ['1: format: expected a mapping of formatter options (keywordCase: upper, indent: 4, …)']);
    assert.deepEqual(parseConfig('.dockwise.yaml', 'format:\n').problems, []);
    assert.equal(parseConfig('.dockwise.yaml', 'format:\n').config?.format, undefined);
  });

  it('leaves hadolint\'s own format: (its output format) alone', () => {
    const { config, problems } = parseConfig('/x/.hadolint.yaml', 'format: json\nignored: [DL3008]\n');
    assert.deepEqual(problems, []);
    assert.equal(config?.format, undefined);
  });

  it('resolves defaults < config file < settings, for every option', () => {
    const { config } = parseConfig('.dockwise.yaml', 'format:\n  keywordCase: lower\n  indent: tab\n');
    const options = buildLintOptions({ config, settings: { format: { indent: 2 } } });
    assert.equal(options.format.keywordCase, 'lower');
    assert.equal(options.format.indent, 2);
    assert.equal(options.format.finalNewline, true, 'a default fills what neither sets');
    assert.equal(buildLintOptions({}).format.keywordCase, 'upper');
  });

  it('says its problems in Korean', () => {
    assert.deepEqual(parseConfig('/x/.dockwise.yaml', 'format:\n  keywordcase: shout\n  operators: middle\n', 'ko').problems.map((p) => p.message), [
      'format: 알 수 없는 포매터 옵션 "keywordcase". "keywordCase"을(를) 사용하시겠습니까?',
      'format.operators: "middle"은(는) auto, start, end, preserve 중 하나가 아닙니다',
    ]);
  });
});
