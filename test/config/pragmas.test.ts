import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildLintOptions, DockerfileModel, ignoreEdit, lintText, applyEdits } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

before(async () => { await initShellParser(); });

// Strict turns every rule on (consecutive-run is off by default), so what a pragma silences shows.
const strict = () => buildLintOptions({ settings: { profile: 'strict' } });
const rules = (text: string, extra = {}) => {
  const { findings, model } = lintText(text, { ...strict(), ...extra });
  return findings.map((f) => `${f.rule}@${model.range(f.start, f.end).start.line + 1}`);
};

describe('dockwise pragmas', () => {
  it('ignore= silences the instruction directly below, through stacked comments, and nothing else', () => {
    const text = 'FROM alpine:latest\n# dockwise ignore=consecutive-run\n# why: separate cache layers\nRUN mkdir /a\nRUN mkdir /b\nRUN mkdir /c\n';
    // The chain is reported on its second RUN (line 5); the pragma above line 4 does not cover it.
    assert.ok(rules(text).includes('consecutive-run@5'));
    const covered = 'FROM alpine:3.21\nRUN mkdir /a\n# dockwise ignore=consecutive-run,base-image-latest\n# why\nRUN mkdir /b\n';
    assert.ok(!rules(covered).some((r) => r.startsWith('consecutive-run')));
  });

  it('a blank line between pragma and instruction breaks the link', () => {
    const text = 'FROM alpine:3.21\nRUN mkdir /a\n# dockwise ignore=consecutive-run\n\nRUN mkdir /b\n';
    assert.ok(rules(text).includes('consecutive-run@5'));
  });

  it('global ignore silences the file, and accepts DL codes and BuildKit names', () => {
    assert.deepEqual(rules('FROM node\n# dockwise global ignore=DL3006, JSONArgsRecommended\nCMD node a.js\n').filter((r) => /untagged|shell-form/.test(r)), []);
  });

  it('unknown ids are reported with a suggestion', () => {
    const { findings, model } = lintText('FROM alpine:3.21\n# dockwise ignore=consecutive-runs\nRUN true\n', buildLintOptions({}));
    const f = findings.find((x) => x.rule === 'unknown-rule-in-pragma');
    assert.ok(f);
    assert.match(f.message, /did you mean "consecutive-run"/);
    assert.deepEqual(model.range(f.start, f.end), { start: { line: 1, character: 18 }, end: { line: 1, character: 34 } });
    assert.equal(f.severity, 'style');
    assert.equal(f.messageId, 'unknownRuleSuggestion');
    assert.deepEqual(f.data, { name: 'consecutive-runs', suggestion: 'consecutive-run' });
  });

  it('each wording has its message id: a hadolint code without a rule, a suggestion or none, and a name hadolint cannot read', () => {
    const found = (text: string) => lintText(text, strict()).findings.filter((x) => x.rule === 'unknown-rule-in-pragma').map((x) => [x.messageId, x.data, x.message]);
    assert.deepEqual(found('FROM alpine:3.21\n# dockwise ignore=DL9999,zzqq,consecutive-runs\nRUN true\n'), [
      ['unknownHadolintCode', { name: 'DL9999' }, 'Unknown rule "DL9999" (Dockwise has no rule for DL9999)'],
      ['unknownRule', { name: 'zzqq' }, 'Unknown rule "zzqq"'],
      ['unknownRuleSuggestion', { name: 'consecutive-runs', suggestion: 'consecutive-run' }, 'Unknown rule "consecutive-runs"; did you mean "consecutive-run"?'],
    ]);
    assert.deepEqual(found('FROM alpine:3.21\n# hadolint ignore=DL9999,zzqq,consecutive-runs\nRUN true\n'), [
      ['unknownHadolintCode', { name: 'DL9999' }, 'Unknown rule "DL9999" (Dockwise has no rule for DL9999)'],
      ['unknownRuleDropsPragma', { name: 'zzqq' }, 'Unknown rule "zzqq"; hadolint ignores this whole pragma'],
      ['unknownRuleSuggestionDropsPragma', { name: 'consecutive-runs', suggestion: 'consecutive-run' }, 'Unknown rule "consecutive-runs"; did you mean "consecutive-run"?; hadolint ignores this whole pragma'],
    ]);
  });
});

describe('hadolint pragmas', () => {
  it('ignore= covers only the instruction starting on the very next line', () => {
    assert.ok(!rules('FROM alpine:3.21\nRUN mkdir /a\n# hadolint ignore=DL3059\nRUN mkdir /b\n').some((r) => r.startsWith('consecutive-run')));
    assert.ok(rules('FROM alpine:3.21\nRUN mkdir /a\n# hadolint ignore=DL3059\n\nRUN mkdir /b\n').includes('consecutive-run@5'));
  });

  it('stacked pragmas: only the last one counts', () => {
    const text = 'FROM alpine:3.21\nRUN mkdir /a\n# hadolint ignore=DL3059\n# hadolint ignore=DL3006\nRUN mkdir /b\n';
    assert.ok(rules(text).includes('consecutive-run@5'));
  });

  it('a trailing comment is allowed; an invalid name drops the whole pragma', () => {
    assert.ok(!rules('FROM alpine:3.21\nRUN mkdir /a\n# hadolint ignore=DL3059 # layers on purpose\nRUN mkdir /b\n').some((r) => r.startsWith('consecutive-run')));
    const text = 'FROM alpine:3.21\nRUN mkdir /a\n# hadolint ignore=DL3059,crazy\nRUN mkdir /b\n';
    const found = lintText(text, strict()).findings;
    assert.ok(found.some((f) => f.rule === 'consecutive-run'));
    assert.match(found.find((f) => f.rule === 'unknown-rule-in-pragma')!.message, /hadolint ignores this whole pragma/);
  });

  it('global ignore and stage ignore', () => {
    assert.ok(!rules('FROM node\n# hadolint global ignore=DL3006\n').some((r) => r.startsWith('base-image-untagged')));
    const staged = 'FROM node:22 AS a\nRUN mkdir /a\nRUN mkdir /b\n# hadolint stage ignore=DL3059\nFROM node:22\nRUN mkdir /c\nRUN mkdir /d\n';
    assert.deepEqual(rules(staged).filter((r) => r.startsWith('consecutive-run')), ['consecutive-run@3']);
  });

  it('ShellCheck codes are known', () => {
    assert.ok(!rules('FROM alpine:3.21\n# hadolint ignore=SC2086\nRUN echo $X\n').some((r) => r.startsWith('unknown-rule')));
  });

  it('disable-ignore-pragma turns all of them off', () => {
    const text = 'FROM alpine:3.21\nRUN mkdir /a\n# hadolint ignore=DL3059\nRUN mkdir /b\n';
    const opts = buildLintOptions({ config: { path: 'x', kind: 'hadolint', profile: 'strict', ignored: [], override: {}, rules: {}, trustedRegistries: [], disableIgnorePragma: true } });
    assert.ok(lintText(text, opts).findings.some((f) => f.rule === 'consecutive-run'));
  });
});

describe('BuildKit # check=', () => {
  it('skip= as a file-level directive and directly above an instruction', () => {
    assert.ok(!rules('# check=skip=JSONArgsRecommended,MaintainerDeprecated\nFROM alpine:3.21\nMAINTAINER x\nCMD echo\n').some((r) => /shell-form|maintainer/.test(r)));
    const local = 'FROM alpine:3.21\n# check=skip=JSONArgsRecommended // on purpose\nCMD echo a\nENTRYPOINT echo b\n';
    assert.deepEqual(rules(local).filter((r) => r.startsWith('shell-form')), ['shell-form-cmd@4']);
  });

  it('skip=all skips BuildKit checks only; a directive below the first instruction is a plain comment', () => {
    const all = rules('# check=skip=all\nFROM alpine:3.21\nMAINTAINER x\nRUN apt-get install -y curl\n');
    assert.ok(!all.some((r) => r.startsWith('maintainer')));
    assert.ok(all.some((r) => r.startsWith('apt-get-missing-no-install-recommends')));
  });

  it('error=true makes BuildKit findings errors', () => {
    const f = lintText('# check=error=true\nFROM alpine:3.21\nMAINTAINER x\n', buildLintOptions({})).findings.find((x) => x.rule === 'maintainer-deprecated');
    assert.equal(f?.severity, 'error');
  });

  it('experimental=Name and experimental=all turn on the experimental BuildKit check, as a warning', () => {
    const body = '# The version\nARG V=1\nFROM alpine:3.21\n';
    const sev = (text: string) => lintText(text, buildLintOptions({})).findings.find((x) => x.rule === 'invalid-definition-description')?.severity;
    assert.equal(sev(body), undefined);
    assert.equal(sev(`# check=experimental=InvalidDefinitionDescription\n${body}`), 'warning');
    assert.equal(sev(`# check=experimental=all\n${body}`), 'warning');
    assert.equal(sev(`# check=experimental=all;error=true\n${body}`), 'error');
  });
});

describe('precedence', () => {
  it('defaults < config file < settings < pragmas', () => {
    const text = 'FROM alpine:3.21\nRUN mkdir /a\nRUN mkdir /b\n';
    const config = { path: '.dockwise.yaml', kind: 'dockwise' as const, ignored: [], override: { error: ['DL3059'] }, rules: {}, trustedRegistries: [] };
    const sev = (o: object) => lintText(text, o).findings.find((f) => f.rule === 'consecutive-run')?.severity;
    assert.equal(sev(buildLintOptions({})), undefined, 'off in the default profile');
    assert.equal(sev(buildLintOptions({ settings: { profile: 'strict' } })), 'info');
    assert.equal(sev(buildLintOptions({ config })), 'error');
    assert.equal(sev(buildLintOptions({ config, settings: { rules: { 'consecutive-run': 'style' } } })), 'style');
    assert.equal(sev(buildLintOptions({ config, settings: { ignore: ['DL3059'] } })), undefined);
    assert.equal(lintText('FROM alpine:3.21\nRUN mkdir /a\n# dockwise ignore=DL3059\nRUN mkdir /b\n', buildLintOptions({ config })).findings.some((f) => f.rule === 'consecutive-run'), false);
  });

  it('unknown names in settings come back as problems, not exceptions', () => {
    const o = buildLintOptions({ settings: { rules: { 'consecutive-runs': 'off', DL3059: 'loud' } } });
    assert.deepEqual(o.problems.map((p) => p.message), ['dockwise.rules: unknown rule "consecutive-runs"; did you mean "consecutive-run"?', 'dockwise.rules: "loud" for DL3059 is not one of off, error, warning, info, style']);
  });
});

describe('ignore edit', () => {
  const apply = (text: string, line: number, id: string) => applyEdits(text, [ignoreEdit(new DockerfileModel(text), line, id)]);
  it('writes a dockwise pragma above the instruction, with its indentation', () => {
    assert.equal(apply('FROM alpine:3.21\n  RUN apt-get install \\\n    curl\n', 2, 'apt-get-missing-yes'), 'FROM alpine:3.21\n  # dockwise ignore=apt-get-missing-yes\n  RUN apt-get install \\\n    curl\n');
  });
  it('appends to an existing pragma', () => {
    assert.equal(apply('FROM alpine:3.21\n# dockwise ignore=consecutive-run\nRUN apt-get install curl\n', 2, 'apt-get-missing-yes'), 'FROM alpine:3.21\n# dockwise ignore=consecutive-run,apt-get-missing-yes\nRUN apt-get install curl\n');
  });
  it('uses the hadolint form in files that already use it', () => {
    assert.equal(apply('FROM alpine:3.21\n# hadolint ignore=DL3059\nRUN a\nRUN apt-get install curl\n', 3, 'apt-get-missing-yes'), 'FROM alpine:3.21\n# hadolint ignore=DL3059\nRUN a\n# hadolint ignore=DL3014\nRUN apt-get install curl\n');
    assert.equal(apply('FROM alpine:3.21\n# hadolint ignore=DL3059\nRUN apt-get install curl\n', 2, 'apt-get-missing-yes'), 'FROM alpine:3.21\n# hadolint ignore=DL3059,DL3014\nRUN apt-get install curl\n');
  });
  it('the written pragma silences the finding', () => {
    const text = 'FROM alpine:3.21\nRUN apt-get install -y curl\n';
    const fixed = apply(text, 1, 'apt-get-missing-no-install-recommends');
    assert.ok(!rules(fixed).some((r) => r.startsWith('apt-get-missing-no-install-recommends')));
  });
});
