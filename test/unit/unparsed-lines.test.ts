// Instructions that do not parse (an unknown keyword, a template's text): only the rule that says why reports
// on them, no other rule's finding or fix lands on them, and the incremental lint agrees with a full one.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel, fixAll, lintIncremental, lintModel, lintText, memoryFiles, type LintOptions, type Rule } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

before(async () => { await initShellParser(); });

// A jq template in the style of docker-library's (our own): a jq block, conditionals around FROM lines, a
// placeholder in a RUN's continuation, and lines that parse as a Dockerfile.
const TEMPLATE = [
  '{{',
  '  def version_tag:',
  '    env.version',
  '    | sub("[a-zA-Z]+$"; "")',
  '  ;',
  '-}}',
  '{{ if env.variant | startswith("alpine") then ( -}}',
  'FROM alpine:{{ env.variant | ltrimstr("alpine") }}',
  '{{ ) else ( -}}',
  'FROM debian:{{ env.variant }}-slim',
  '{{ ) end -}}',
  '',
  'ENV TOOL_HOME /opt/tool',
  'ENV TOOL_VERSION {{ version_tag }}',
  '',
  'RUN set -eux; \\',
  '    apt-get update; \\',
  '    apt-get install -y --no-install-recommends \\',
  '{{ if env.variant | contains("slim") then ( -}}',
  '        ca-certificates \\',
  '{{ ) end -}}',
  '        curl \\',
  '    ; \\',
  '    rm -rf /var/lib/apt/lists/*',
  'run echo lowercase',
  '',
].join('\n');

const templateLines = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 16, 17, 18, 19, 20, 21, 22, 23, 24]);

describe('instructions that do not parse', () => {
  it('a template gets one finding for its template text; the lines without any are linted as usual', () => {
    const { findings, model } = lintText(TEMPLATE);
    const lineOf = (offset: number) => model.lines.positionAt(offset).line;
    assert.deepEqual(findings.filter((f) => templateLines.has(lineOf(f.start) + 1)).map((f) => `${lineOf(f.start) + 1} ${f.rule}`), ['1 template-file']);
    const rules = findings.map((f) => f.rule);
    // Before: 17 invalid-syntax, instruction-casing on `def` and `sub(...)`, base-image-untagged on `alpine:{{`.
    assert.ok(!rules.includes('invalid-syntax') && !rules.includes('base-image-untagged'), rules.join(', '));
    assert.ok(findings.some((f) => f.rule === 'legacy-key-value-format' && lineOf(f.start) === 12), 'ENV TOOL_HOME /opt/tool is linted');
    assert.ok(findings.some((f) => f.rule === 'instruction-casing' && lineOf(f.start) === 24), 'run echo lowercase is linted');
    for (const f of findings) {
      for (const fix of f.fixes) {
        for (const e of fix.edits) {
          // A line inserted before a template line leaves it as it is.
          const r = model.range(e.start, e.end);
          const insertedBefore = e.start === e.end && r.start.character === 0;
          if (insertedBefore) continue;
          assert.ok(!templateLines.has(r.start.line + 1) && !templateLines.has(r.end.line + 1), `${f.rule}'s fix edits line ${r.start.line + 1}`);
        }
      }
    }
  });

  it('fix-all leaves every line of template text as it was', () => {
    const fixed = fixAll(TEMPLATE, { unsafe: true }).text.split('\n');
    for (const line of TEMPLATE.split('\n').filter((_, i) => templateLines.has(i + 1))) assert.ok(fixed.includes(line), `lost or changed: ${line}`);
  });

  it('a file named as a template: its lines that do not parse are what a placeholder left, one template-file finding', () => {
    // A script replaces the "${ARCHES[@]}" line with several case branches, each ending in `\`: as written, the
    // RUN ends there and `esac \` starts an instruction of its own.
    const text = 'FROM debian:12-slim\nRUN set -eux; \\\n  case "$(dpkg --print-architecture)" in \\\n    "${ARCHES[@]}"\n  esac \\\n  && echo done\nUSER 1000\n';
    const lineOf = (offset: number) => new DockerfileModel(text).lines.positionAt(offset).line;
    const rules = (name: string) => lintText(text, { files: memoryFiles({ '.dockerignore': '.git\n' }, name) }).findings.filter((f) => lineOf(f.start) >= 4).map((f) => `${lineOf(f.start) + 1} ${f.rule}: ${f.message}`);
    assert.deepEqual(rules('Dockerfile-slim.template'), ['5 template-file: A template, not a Dockerfile: it is named as one, and `esac` will only parse once a generator has filled it in. Instructions with template text are not linted; lint the Dockerfiles generated from it']);
    assert.deepEqual(rules('Dockerfile'), ['5 invalid-syntax: Unknown instruction esac']);
    // Named a template, and it parses: linted as it is, with no template finding.
    const parses = 'FROM alpine:latest\nRUN echo "${ARCHES[@]}"\nUSER 1000\n';
    const named = lintText(parses, { files: memoryFiles({ '.dockerignore': '.git\n' }, 'Dockerfile.j2') }).findings;
    assert.deepEqual(named.map((f) => f.rule), ['base-image-latest']);
    assert.deepEqual(named, lintText(parses, { files: memoryFiles({ '.dockerignore': '.git\n' }) }).findings);
  });

  it('an unknown lowercase line in a Dockerfile gets invalid-syntax alone: no casing "fix" turns sub("[a-zA-Z]") into SUB("[A-ZA-Z]")', () => {
    const text = 'FROM alpine:3.21\nsub("[a-zA-Z]"; "")\nUSER 1000\n';
    const { findings, model } = lintText(text);
    assert.deepEqual(findings.filter((f) => model.lines.positionAt(f.start).line === 1).map((f) => f.rule), ['invalid-syntax']);
    assert.equal(fixAll(text, { unsafe: true }).text.split('\n')[1], 'sub("[a-zA-Z]"; "")');
  });

  it("drops a fix that edits an unparsed instruction and keeps the finding; a line inserted before it is fine", () => {
    const text = 'FROM alpine:3.21\nRUN true\nRUNN true\n';
    const model = new DockerfileModel(text);
    const runn = model.instructions[2];
    const reaching: Rule = {
      meta: { id: 'reaching', aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', fixable: 'safe', docs: { summary: 's', why: 'w', examples: [{ bad: 'a', good: 'b' }], references: [] } },
      check(ctx) {
        const run = ctx.model.instructions[1];
        const at = { start: run.keywordStart, end: run.keywordEnd };
        ctx.report({ ...at, message: 'edits RUNN', fixes: [{ title: 'into', safety: 'safe', edits: [{ start: runn.keywordStart, end: runn.keywordEnd, text: 'RUN' }] }] });
        ctx.report({ ...at, message: 'appends to RUNN', fixes: [{ title: 'append', safety: 'safe', edits: [{ start: runn.end, end: runn.end, text: ' x' }] }] });
        ctx.report({ ...at, message: 'joins RUNN to the next line', fixes: [{ title: 'join', safety: 'safe', edits: [{ start: runn.end, end: runn.end + 1, text: '' }] }] });
        ctx.report({ ...at, message: 'inserts before RUNN', fixes: [{ title: 'before', safety: 'safe', edits: [{ start: runn.start, end: runn.start, text: '# note\n' }] }] });
        ctx.report({ ...at, message: 'deletes the line before RUNN', fixes: [{ title: 'delete', safety: 'safe', edits: [{ start: run.start, end: runn.start, text: '' }] }] });
        ctx.report({ start: runn.keywordStart, end: runn.keywordEnd, message: 'on RUNN' });
      },
    };
    const { findings } = lintModel(model, { rules: [reaching] });
    assert.deepEqual(findings.map((f) => `${f.message}: ${f.fixes.map((x) => x.title).join(',')}`).sort(), [
      'appends to RUNN: ', 'deletes the line before RUNN: delete', 'edits RUNN: ', 'inserts before RUNN: before', 'joins RUNN to the next line: ',
    ]);
  });

  it('the incremental lint drops the findings of a stage it kept when an edit elsewhere makes the file a template', () => {
    const runs: string[] = [];
    const everyRun: Rule = {
      meta: { id: 'every-run', aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', scope: 'stage', docs: { summary: 's', why: 'w', examples: [{ bad: 'a', good: 'b' }], references: [] } },
      check(ctx) {
        for (const stage of ctx.model.stages) runs.push(stage.alias ?? '');
        for (const instr of ctx.model.instructions) if (instr.keyword === 'RUN') ctx.report({ start: instr.keywordStart, end: instr.keywordEnd, message: 'a RUN' });
      },
    };
    const options: LintOptions = { rules: [everyRun] };
    const text = "FROM alpine:3.21 AS one\nRUN true\n\nFROM alpine:3.21 AS two\nRUN docker inspect -f '{{.Id}}' x\n";
    const first = lintIncremental(new DockerfileModel(text), options);
    assert.equal(first.result.findings.length, 2);
    runs.length = 0;
    const template = text.replace('FROM alpine:3.21 AS one', 'FROM alpine:%%VERSION%% AS one');
    const second = lintIncremental(new DockerfileModel(template, first.result.model), options, first.memo);
    assert.deepEqual(runs, ['one'], 'stage two kept its findings');
    assert.deepEqual(second.result.findings, lintModel(new DockerfileModel(template), options).findings);
    assert.deepEqual(second.result.findings.map((f) => second.result.model.lines.positionAt(f.start).line), [1]);
    // And back: the kept finding of stage two returns.
    const third = lintIncremental(new DockerfileModel(text, second.result.model), options, second.memo);
    assert.deepEqual(third.result.findings, first.result.findings);
  });
});
