// Rules with `create(ctx)` register handlers; the engine calls them in one walk of the file, for every rule
// together, and only for what the file has.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel, lintIncremental, lintText, type Rule, type RuleContext, type RuleHandlers } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

before(async () => { await initShellParser(); });

/** A rule whose handlers (made by `handlers`) log what they are called with; every call reports at the instruction. */
function logging(id: string, handlers: (log: (entry: string, at: { start: number; end: number }) => void, ctx: RuleContext) => RuleHandlers, log: string[]): Rule {
  return {
    meta: { id, aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', docs: { summary: 's', why: 'w', examples: [{ bad: 'a', good: 'b' }], references: [] } },
    create(ctx) {
      log.push(`${id}: create`);
      return handlers((entry, at) => {
        log.push(`${id}: ${entry}`);
        ctx.report({ start: at.start, end: at.end, message: entry });
      }, ctx);
    },
  };
}

const text = (t: string, instr: { start: number; end: number }) => t.slice(instr.start, instr.end).split('\n')[0];

describe('rule handlers', () => {
  it('instructions by keyword and ONBUILD triggers by theirs, in document order', () => {
    const log: string[] = [];
    const code = 'FROM alpine:3.21\nEXPOSE 80\nONBUILD EXPOSE 81\nLABEL a=b\nEXPOSE 82\n';
    const rule = logging('r', (say) => ({
      instructions: { EXPOSE: (i) => say(`EXPOSE ${text(code, i)}`, i), ONBUILD: (i) => say('ONBUILD', i) },
      triggers: { EXPOSE: (i) => say(`trigger ${text(code, i)}`, i) },
      done: () => log.push('r: done'),
    }), log);
    const findings = lintText(code, { rules: [rule] }).findings;
    assert.deepEqual(log, ['r: create', 'r: EXPOSE EXPOSE 80', 'r: ONBUILD', 'r: trigger EXPOSE 81', 'r: EXPOSE EXPOSE 82', 'r: done']);
    assert.equal(findings.length, 4);
  });

  it('commands by name (with a directory, run by xargs or sudo, in ONBUILD RUN), each function once per command', () => {
    const log: string[] = [];
    const code = 'FROM alpine:3.21\nRUN /sbin/apk add curl && echo x | xargs apk add\nONBUILD RUN sudo apk del curl\nRUN apt-get update\n';
    const both = (cmd: { name: string; start: number; end: number }) => log.push(`both: ${cmd.name}`);
    const rule = logging('r', (say) => ({
      commands: { apk: (cmd) => say(`apk ${cmd.name}`, cmd), xargs: both, sudo: (cmd) => say(`sudo ${cmd.name}`, cmd) },
    }), log);
    const twice = logging('t', () => ({ commands: { apk: both, xargs: both } }), log);
    lintText(code, { rules: [rule, twice] });
    assert.deepEqual(log, [
      'r: create', 't: create',
      // Command by command, every rule's handlers for it.
      'r: apk /sbin/apk', 'both: /sbin/apk',
      // `xargs apk`: both names; t's one function registered under both is called once.
      'both: xargs', 'both: xargs', 'r: apk xargs',
      'r: sudo sudo', 'r: apk sudo', 'both: sudo',
    ]);
  });

  it('RUN handlers once per RUN and function, however many of its commands match', () => {
    const log: string[] = [];
    const code = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt install -y git\nRUN true\nRUN apt-get clean\n';
    const run = (i: { start: number; end: number }) => log.push(`run ${text(code, i)}`);
    const rule = logging('r', () => ({ runs: { 'apt-get': run, apt: run } }), log);
    lintText(code, { rules: [rule] });
    assert.deepEqual(log, ['r: create', 'run RUN apt-get update && apt-get install -y curl && apt install -y git', 'run RUN apt-get clean']);
  });

  it('a rule is not called, done included, on a file without anything it registered', () => {
    const log: string[] = [];
    const rule = logging('r', (say) => ({ commands: { apk: (c) => say('apk', c) }, instructions: { HEALTHCHECK: (i) => say('hc', i) }, done: () => log.push('r: done') }), log);
    lintText('FROM debian:12\nRUN apt-get update\n', { rules: [rule] });
    assert.deepEqual(log, ['r: create']);
    // A rule that registers only `done` runs on every file.
    const onlyDone: string[] = [];
    lintText('FROM debian:12\n', { rules: [logging('d', () => ({ done: () => onlyDone.push('done') }), onlyDone)] });
    assert.deepEqual(onlyDone, ['d: create', 'done']);
  });

  it('a rule that throws loses its findings and is called no more; the others keep theirs', () => {
    const log: string[] = [];
    const code = 'FROM alpine:3.21\nRUN apk add a\nRUN apk add b\n';
    const broken = logging('broken', (say) => ({ commands: { apk: (c) => { say('apk', c); throw new Error('boom'); } }, done: () => log.push('broken: done') }), log);
    const fine = logging('fine', (say) => ({ commands: { apk: (c) => say('apk', c) } }), log);
    const errors: string[] = [];
    const result = lintText(code, { rules: [broken, fine], onRuleError: (id, e) => errors.push(`${id}: ${(e as Error).message}`) });
    assert.deepEqual(log, ['broken: create', 'fine: create', 'broken: apk', 'fine: apk', 'fine: apk']);
    assert.deepEqual(result.findings.map((f) => f.rule), ['fine', 'fine']);
    assert.deepEqual(errors, ['broken: boom']);
    // The same in the language server's incremental lint.
    const again = lintIncremental(new DockerfileModel(code), { rules: [broken, fine] }).result;
    assert.deepEqual(again.findings.map((f) => f.rule), ['fine', 'fine']);
    assert.deepEqual(again.ruleErrors.map((e) => e.rule), ['broken']);
  });

  it('names that are also Object properties are plain names', () => {
    const log: string[] = [];
    const rule = logging('r', (say) => ({ commands: { apk: (c) => say('apk', c) }, instructions: { RUN: (i) => say('RUN', i) } }), log);
    lintText('FROM alpine:3.21\nRUN constructor && __proto__ && toString\nCONSTRUCTOR x\n', { rules: [rule] });
    assert.deepEqual(log, ['r: create', 'r: RUN']);
  });
});
