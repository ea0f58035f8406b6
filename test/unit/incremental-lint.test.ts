// The language server lints each keystroke's version from the previous one: stage-scoped rules run again only
// on the stages the edit changed. The findings must be exactly those of a lint from scratch.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, DockerfileModel, lintIncremental, lintModel, memoryFiles, type LintOptions, type Rule, type RuleContext } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import type { Stage } from '../../server/src/engine/model/dockerfile';
import { committedDockerfiles, randomEdit, seededRandom } from '../support/random-edits';

before(async () => { await initShellParser(); });

const root = path.resolve(__dirname, '../../..');
const everyRule: LintOptions = {
  severities: Object.fromEntries(allRules.map((r) => [r.meta.id, 'warning' as const])),
  files: memoryFiles({ '.dockerignore': '.git\n*.md\nsecrets/\n' }),
  settings: { today: '2026-12-01' },
};

/** A stage-scoped test rule that records which stages it was run on, then checks each with `check`. */
function stageSpy(id: string, check: (ctx: RuleContext, stage: Stage) => void, meta: Partial<Rule['meta']> = {}): { rule: Rule; runs: string[] } {
  const runs: string[] = [];
  const rule: Rule = {
    meta: { id, aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'info', scope: 'stage', docs: { summary: 's', why: 'w', examples: [{ bad: 'a', good: 'b' }], references: [] }, ...meta },
    check(ctx) {
      for (const stage of ctx.model.stages) {
        runs.push(stage.alias ?? String(stage.index));
        check(ctx, stage);
      }
    },
  };
  return { rule, runs };
}

/** Reports every RUN. */
const spy = () => stageSpy('spy', (ctx, stage) => {
  for (const instr of stage.instructions) if (instr.keyword === 'RUN') ctx.report({ start: instr.keywordStart, end: instr.keywordEnd, message: `RUN in ${stage.alias}` });
});

const THREE_STAGES = 'FROM alpine AS one\nRUN a\n\nFROM alpine AS two\nRUN b\n\nFROM one AS three\nRUN c\n';

describe('incremental lint', () => {
  it('runs a stage-scoped rule again only on the edited stage, and moves nothing it kept', () => {
    const { rule, runs } = spy();
    const options: LintOptions = { rules: [rule] };
    const first = lintIncremental(new DockerfileModel(THREE_STAGES), options);
    assert.deepEqual(runs, ['one', 'two', 'three']);
    runs.length = 0;
    const edited = THREE_STAGES.replace('RUN b', 'RUN bb');
    const second = lintIncremental(new DockerfileModel(edited, first.result.model), options, first.memo);
    assert.deepEqual(runs, ['two']);
    assert.deepEqual(second.result.findings, lintModel(new DockerfileModel(edited), options).findings);
  });

  it('a stage built FROM the edited one runs again too; a new line moves the stages after it', () => {
    const { rule, runs } = spy();
    const options: LintOptions = { rules: [rule] };
    const first = lintIncremental(new DockerfileModel(THREE_STAGES), options);
    runs.length = 0;
    const edited = THREE_STAGES.replace('RUN a', 'RUN aa');
    const second = lintIncremental(new DockerfileModel(edited, first.result.model), options, first.memo);
    assert.deepEqual(runs, ['one', 'three']);
    runs.length = 0;
    // The new blank line belongs to stage two (a stage runs from the end of the one before): two and three move.
    const moved = edited.replace('RUN aa\n', 'RUN aa\n\n');
    const third = lintIncremental(new DockerfileModel(moved, second.result.model), options, second.memo);
    assert.deepEqual(runs, ['two', 'three']);
    assert.deepEqual(third.result.findings, lintModel(new DockerfileModel(moved), options).findings);
  });

  it("linting a version from the previous one changes nothing of the previous one's findings or model; two versions can be linted from it", () => {
    // Every RUN, with a fix that appends to it: kept findings that move must move their fixes' edits too.
    const { rule, runs } = stageSpy('fixing-spy', (ctx, stage) => {
      for (const instr of stage.instructions) {
        if (instr.keyword === 'RUN') ctx.report({ start: instr.keywordStart, end: instr.keywordEnd, message: 'RUN', fixes: [{ title: 't', safety: 'safe', edits: [{ start: instr.end, end: instr.end, text: ' -x' }] }] });
      }
    }, { fixable: 'safe' });
    const options: LintOptions = { rules: [rule] };
    const first = lintIncremental(new DockerfileModel(THREE_STAGES), options);
    const { model } = first.result;
    const before = JSON.stringify(first.result.findings);
    const instructions = () => JSON.stringify(model.instructions.map((i) => [i.start, i.end, i.line, i.stage?.index, i.args, i.run?.commands]));
    const modelBefore = instructions();
    // Stage one grows (and three, built FROM it, runs again): two keeps its finding, two characters further on.
    const grown = THREE_STAGES.replace('RUN a', 'RUN aaa');
    runs.length = 0;
    const second = lintIncremental(new DockerfileModel(grown, model), options, first.memo);
    assert.deepEqual(runs, ['one', 'three']);
    assert.deepEqual(second.result.findings, lintModel(new DockerfileModel(grown), options).findings);
    assert.equal(JSON.stringify(first.result.findings), before);
    // Its findings still point into its own text.
    assert.deepEqual(first.result.findings.map((f) => [model.text.slice(f.start, f.end), model.text.slice(f.fixes[0].edits[0].start - 1, f.fixes[0].edits[0].start)]), [['RUN', 'a'], ['RUN', 'b'], ['RUN', 'c']]);
    // Another version from the same model and memo: stage two changed, the others kept.
    const edited = THREE_STAGES.replace('RUN b', 'RUN bb');
    runs.length = 0;
    const other = lintIncremental(new DockerfileModel(edited, model), options, first.memo);
    assert.deepEqual(runs, ['two']);
    assert.deepEqual(other.result.findings, lintModel(new DockerfileModel(edited), options).findings);
    assert.equal(JSON.stringify(first.result.findings), before);
    assert.equal(instructions(), modelBefore);
    assert.ok(model.stages.every((s) => s.instructions.every((i) => i.stage === s)));
  });

  it("a stage's view holds that stage's instructions, and answers for the whole file about the final stage, stage names and open heredocs", () => {
    const model = new DockerfileModel('FROM alpine AS one\nRUN a\nONBUILD RUN b\nFROM one AS two\nRUN c\nCOPY --from=one /a /b\nRUN <<EOF\n');
    const one = model.stages[0];
    const view = model.viewOf(one.instructions, [one]);
    assert.deepEqual(view.instructions.map((i) => i.line), [0, 1, 2]);
    assert.deepEqual(view.stages, [one]);
    assert.deepEqual(view.runs.map((i) => i.line), [1, 2]);
    assert.deepEqual(view.triggers.map((i) => i.keyword), ['RUN']);
    assert.equal(view.finalStage, model.stages[1]);
    assert.equal(view.stageByName('two'), model.stages[1]);
    assert.equal(view.hasUnterminatedHeredoc, true);
    assert.equal(view.text, model.text);
    // A view of a view still answers for the whole file.
    assert.equal(view.viewOf([], []).finalStage, model.stages[1]);
  });

  it('a heredoc left open swallows the next stage: the stages after it keep their findings, now under other indices', () => {
    const { rule, runs } = spy();
    const options: LintOptions = { rules: [rule] };
    const text = 'FROM alpine AS one\nRUN <<EOF\na\nEOF\nFROM alpine AS two\nRUN <<EOF\nb\nEOF\nRUN x\nFROM alpine AS three\nRUN c\nFROM three AS four\nRUN d\n';
    const first = lintIncremental(new DockerfileModel(text), options);
    runs.length = 0;
    // `EOF ` does not end the heredoc: it runs to the next `EOF`, taking in stage two's FROM.
    const open = text.replace('a\nEOF\n', 'a\nEOF \n');
    const second = lintIncremental(new DockerfileModel(open, first.result.model), options, first.memo);
    assert.equal(second.result.model.stages.length, 3);
    assert.deepEqual(runs, ['one']);
    assert.deepEqual(second.result.findings, lintModel(new DockerfileModel(open), options).findings);
    runs.length = 0;
    // Closing it again brings stage two back; three and four move back to their old indices.
    const third = lintIncremental(new DockerfileModel(text, second.result.model), options, second.memo);
    assert.deepEqual(runs, []);
    assert.deepEqual(third.result.findings, first.result.findings);
  });

  it('a stage whose stage-name lookup finds another stage, or none, runs again', () => {
    const { rule, runs } = stageSpy('lookup-spy', (ctx, stage) => {
      if (ctx.model.stageByName('two', stage)) ctx.report({ start: stage.from.keywordStart, end: stage.from.keywordEnd, message: 'two comes before' });
    });
    const options: LintOptions = { rules: [rule] };
    const text = 'FROM alpine AS one\nRUN <<EOF\na\nEOF\nFROM alpine AS two\nRUN <<EOF\nb\nEOF\nFROM alpine AS three\nRUN c\n';
    const first = lintIncremental(new DockerfileModel(text), options);
    assert.equal(first.result.findings.length, 1);
    runs.length = 0;
    const open = text.replace('a\nEOF\n', 'a\nEOF \n');
    const second = lintIncremental(new DockerfileModel(open, first.result.model), options, first.memo);
    // Stage three's text and line are the same, but `two` is gone: its lookup decides.
    assert.deepEqual(runs, ['one', 'three']);
    assert.deepEqual(second.result.findings, []);
  });

  it('a finding whose fix edits text outside its stage is not kept: the rule runs again on that stage every time', () => {
    // The fix of stage two's finding edits the last line of the file, in stage three (which is not built FROM two).
    const { rule, runs } = stageSpy('reaching-spy', (ctx, stage) => {
      if (stage.alias !== 'two') return;
      const end = ctx.model.text.length;
      ctx.report({ start: stage.from.keywordStart, end: stage.from.keywordEnd, message: 'reaches the end', fixes: [{ title: 't', safety: 'safe', edits: [{ start: end, end, text: '# end\n' }] }] });
    }, { fixable: 'safe' });
    const options: LintOptions = { rules: [rule] };
    const first = lintIncremental(new DockerfileModel(THREE_STAGES), options);
    runs.length = 0;
    // A line added in stage three moves the end of the file; stage two's text and line stay the same.
    const edited = THREE_STAGES.replace('RUN c\n', 'RUN c\nRUN d\n');
    const second = lintIncremental(new DockerfileModel(edited, first.result.model), options, first.memo);
    // One runs again because three is built FROM it; two because its finding could not be kept.
    assert.deepEqual(runs, ['one', 'two', 'three']);
    assert.deepEqual(second.result.findings, lintModel(new DockerfileModel(edited), options).findings);
    assert.equal(second.result.model.lines.positionAt(second.result.findings[0].fixes[0].edits[0].start).line, 9);
  });

  it('other options start from scratch', () => {
    const { rule, runs } = spy();
    const first = lintIncremental(new DockerfileModel(THREE_STAGES), { rules: [rule] });
    runs.length = 0;
    lintIncremental(new DockerfileModel(THREE_STAGES), { rules: [rule], severities: { spy: 'error' } }, first.memo);
    assert.deepEqual(runs, ['one', 'two', 'three']);
  });

  it('gives exactly the findings of a lint from scratch after many random edits, every rule on', () => {
    const random = seededRandom(7);
    // Once per file, a second, different version is linted from the same one (and dropped).
    const other = seededRandom(8);
    for (const file of committedDockerfiles(root)) {
      let text = fs.readFileSync(file, 'utf8');
      let model = new DockerfileModel(text);
      let lint = lintIncremental(model, everyRule);
      for (let k = 0; k < 4; k++) {
        const edit = randomEdit(text, random);
        const label = `${path.basename(file)}, edit ${k}: ${edit.description}`;
        const before = JSON.stringify(lint.result.findings);
        const next = new DockerfileModel(edit.text, model);
        const result = lintIncremental(next, everyRule, lint.memo);
        assert.deepEqual(result.result.findings, lintModel(new DockerfileModel(edit.text), everyRule).findings, label);
        if (k === 1) {
          const sibling = randomEdit(text, other);
          const branch = lintIncremental(new DockerfileModel(sibling.text, model), everyRule, lint.memo);
          assert.deepEqual(branch.result.findings, lintModel(new DockerfileModel(sibling.text), everyRule).findings, `${label}; the other version: ${sibling.description}`);
        }
        assert.equal(JSON.stringify(lint.result.findings), before, `${label}: the findings of the version before changed`);
        model = next;
        lint = result;
        text = edit.text;
      }
    }
  });
});
