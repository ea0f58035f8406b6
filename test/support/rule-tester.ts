// A strict table tester for rules: exact ranges for every finding, exact fixed output, and it refuses
// duplicate cases, fixes that do not converge and fixes whose output Docker would reject.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel, fixAll, lintIncremental, lintText, memoryFiles, parseProblemCount, type BuildInvocation, type EngineSettings, type FileEdit, type Finding, type LintOptions, type RelatedLocation, type Rule } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

export interface ExpectedFinding {
  /** 1-based `line:col-line:col` of the underlined text, end exclusive. */
  at: string;
  /** The id of the message in the rule's `meta.messages`: required for a rule that declares its messages. */
  messageId?: string;
  /** The message's placeholders, exactly (when given). */
  data?: Record<string, string>;
  /** The rendered English text, for a rule that does not declare its messages yet. */
  message?: RegExp;
  /** The title ids of the fixes the finding offers, in order: required when it offers any. */
  fixes?: string[];
  /** The finding's related locations, exactly (when given). */
  related?: RelatedLocation[];
  /** The edits its fixes make in other files (a compose file's arg), exactly: required when they make any. */
  fileEdits?: FileEdit[];
}

/** Files beside the Dockerfile (relative path → text), for rules that read them. */
export type CaseFiles = Record<string, string>;

export interface InvalidCase {
  name?: string;
  code: string;
  files?: CaseFiles;
  /** Engine settings for this case (label schema, trusted registries). */
  settings?: Partial<EngineSettings>;
  /** How the file is built (compose or bake args and target, `--build-arg`, `--target`). */
  invocation?: BuildInvocation;
  /** Files the fixes must create (path → content). */
  createdFiles?: CaseFiles;
  errors: ExpectedFinding[];
  /** Text after applying this rule's safe fixes to a fixed point; `null` = no safe fix may be offered. */
  output?: string | null;
  /** Text after applying safe and unsafe fixes; omit when there are no unsafe fixes. */
  unsafeOutput?: string;
}

export interface RuleCases {
  /** `dockerfileName`: the Dockerfile's own file name, for rules that read it (default `Dockerfile`). */
  valid: Array<string | { name?: string; code: string; files?: CaseFiles; dockerfileName?: string; settings?: Partial<EngineSettings>; invocation?: BuildInvocation }>;
  invalid: InvalidCase[];
}

/** A finding's place as the tests write it: 1-based `line:col-line:col` in `model`'s text. */
export function at(model: DockerfileModel, f: Finding): string {
  const r = model.range(f.start, f.end);
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

function label(code: string, name?: string): string {
  return name ?? JSON.stringify(code.length > 70 ? code.slice(0, 67) + '…' : code);
}

export function testRule(rule: Rule, cases: RuleCases): void {
  const id = rule.meta.id;
  const seen = new Set<string>();
  // A case is its text plus the files beside it and its settings.
  const keys = [...cases.valid.map((v) => (typeof v === 'string' ? { code: v } : v)), ...cases.invalid].map((c) => JSON.stringify([c.code, c.files ?? null, c.settings ?? null, 'dockerfileName' in c ? c.dockerfileName : null, c.invocation ?? null]));
  for (const key of keys) {
    if (seen.has(key)) throw new Error(`${id}: duplicate test case ${key}`);
    seen.add(key);
  }
  // The rule runs at its own severity, whether or not the default profile turns it on.
  const only = { rules: [rule] };
  describe(id, () => {
    before(async () => { await initShellParser(); });
    describe('valid', () => {
      for (const v of cases.valid) {
        const code = typeof v === 'string' ? v : v.code;
        it(label(code, typeof v === 'string' ? undefined : v.name), () => {
          const files = typeof v === 'string' || (!v.files && !v.dockerfileName) ? undefined : memoryFiles(v.files ?? {}, v.dockerfileName);
          const settings = typeof v === 'string' ? undefined : v.settings;
          const invocation = typeof v === 'string' ? undefined : v.invocation;
          const { findings, ruleErrors, model } = lintText(code, { ...only, files, settings, invocation });
          assert.deepEqual(ruleErrors, []);
          assert.deepEqual(findings.map((f) => `${at(model, f)} ${f.message}`), []);
          checkStageScope(rule, code, { ...only, files, settings, invocation });
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(label(c.code, c.name), () => {
          const files = c.files ? memoryFiles(c.files) : undefined;
          const { findings, ruleErrors, model } = lintText(c.code, { ...only, files, settings: c.settings, invocation: c.invocation });
          assert.deepEqual(ruleErrors, []);
          checkStageScope(rule, c.code, { ...only, files, settings: c.settings, invocation: c.invocation });
          assert.deepEqual(findings.map((f) => at(model, f)), c.errors.map((e) => e.at), 'finding ranges');
          c.errors.forEach((e, i) => {
            if (rule.meta.messages) {
              assert.ok(e.messageId, `expected finding ${e.at}: a rule with message ids is tested by messageId`);
              assert.equal(findings[i].messageId, e.messageId, `messageId of the finding at ${e.at}`);
              if (e.data) assert.deepEqual(findings[i].data ?? {}, e.data, `data of the finding at ${e.at}`);
            } else assert.equal(e.messageId, undefined, 'messageId given for a rule without meta.messages');
            if (e.message) assert.match(findings[i].message, e.message);
            if (e.related) assert.deepEqual(findings[i].related ?? [], e.related, `related locations of the finding at ${e.at}`);
            assert.deepEqual(findings[i].fixes.map((x) => x.titleId), e.fixes ?? [], `fixes offered at ${e.at}, by title id`);
            assert.deepEqual(findings[i].fixes.flatMap((x) => x.editFiles ?? []), e.fileEdits ?? [], `edits of other files by the fixes at ${e.at}`);
          });
          for (const f of findings) assert.equal(f.severity, rule.meta.defaultSeverity);
          // A rule with message ids names every fix title by id too.
          if (rule.meta.messages) for (const f of findings) for (const x of f.fixes) assert.ok(x.titleId && x.titleId in rule.meta.messages, `the fix "${x.title}" has no title id of ${rule.meta.id}'s messages`);
          // Fixes of other files are stated by fileEdits above; fix-all, checked here, leaves them to the editor.
          const hasSafe = findings.some((f) => f.fixes.some((x) => x.safety === 'safe' && !x.editFiles?.length));
          const hasUnsafe = findings.some((f) => f.fixes.some((x) => x.safety === 'unsafe' && !x.editFiles?.length));
          if (c.output === undefined) assert.equal(hasSafe, false, 'a safe fix is offered: the case must state its output');
          else if (c.output === null) assert.equal(hasSafe, false, 'expected no safe fix');
          else {
            assert.equal(hasSafe, true, 'expected a safe fix');
            checkFixed(rule, c, c.output, false);
          }
          if (c.unsafeOutput !== undefined) {
            assert.equal(hasUnsafe, true, 'expected an unsafe fix');
            checkFixed(rule, c, c.unsafeOutput, true);
          } else assert.equal(hasUnsafe, false, 'an unsafe fix is offered: the case must state unsafeOutput');
        });
      }
    });
  });
}

/** A rule that says its findings stay within stages must report the same run stage by stage (as the language server runs it). */
function checkStageScope(rule: Rule, code: string, options: LintOptions): void {
  if (rule.meta.scope !== 'stage') return;
  const whole = lintText(code, options).findings;
  const byStage = lintIncremental(new DockerfileModel(code, undefined, options.invocation), options).result.findings;
  assert.deepEqual(byStage, whole, 'scope "stage": run stage by stage, the rule must report exactly what it reports on the whole file');
}

function checkFixed(rule: Rule, c: InvalidCase, expected: string, unsafe: boolean): void {
  const code = c.code;
  const result = fixAll(code, { rules: [rule], unsafe, files: c.files ? memoryFiles(c.files) : undefined, settings: c.settings, invocation: c.invocation });
  assert.equal(result.converged, true, 'fixes must reach a fixed point');
  assert.deepEqual(result.rejected, [], 'a fix broke the parse');
  assert.equal(result.text, expected);
  assert.ok(parseProblemCount(result.text) <= parseProblemCount(code), 'fixed text has new syntax problems');
  const created = Object.fromEntries(result.createFiles.map((f) => [f.path, f.content]));
  assert.deepEqual(created, c.createdFiles ?? {}, 'files created by the fixes');
  // The fixes removed what they fixed: nothing fixable of that kind is left.
  const files = c.files || result.createFiles.length ? memoryFiles({ ...c.files, ...created }) : undefined;
  const after = lintText(result.text, { rules: [rule], files, settings: c.settings, invocation: c.invocation }).findings;
  assert.ok(!after.some((f) => f.fixes.some((x) => !x.editFiles?.length && (x.safety === 'safe' || unsafe))), `fixable findings remain: ${after.map((f) => f.message).join('; ')}`);
}
