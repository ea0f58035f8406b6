// The ShellCheck pass-through: exact ranges inside RUN bodies, the stage's shell and variables, no blocking.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import { applyFix, DockerfileModel } from '../../server/src/engine';
import { initNodeShellParser as initShellParser, runShellcheck, shellcheckAvailable } from '../../server/src/host/node';

async function check(text: string) {
  const model = new DockerfileModel(text);
  const findings = await runShellcheck(model);
  return findings.map((f) => ((r) => `${f.rule} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`)(model.range(f.start, f.end)));
}

describe('shellcheck pass-through', () => {
  let available = false;
  before(async () => {
    await initShellParser();
    available = await shellcheckAvailable();
  });

  it('yields nothing when the executable is missing, after one attempt to start it per executable, not one per script', async (t) => {
    // Counted, not timed: every attempt is a process spawn (and, for an executable that hangs, a timeout).
    const spawned: string[] = [];
    const real = childProcess.execFile;
    t.mock.method(childProcess, 'execFile', (...args: Parameters<typeof childProcess.execFile>) => {
      spawned.push(String(args[0]));
      return (real as (...a: unknown[]) => unknown)(...args);
    });
    const model = new DockerfileModel('FROM debian:12-slim\nRUN echo `date`\nRUN echo $a\nRUN echo $b\n');
    assert.deepEqual(await runShellcheck(model, { executable: '/nonexistent/shellcheck' }), []);
    assert.deepEqual(await runShellcheck(model, { executable: '/nonexistent/shellcheck' }), []);
    assert.deepEqual(spawned, ['/nonexistent/shellcheck']);
  });

  it('maps findings to exact ranges, across line continuations', async (t) => {
    if (!available) return t.skip('shellcheck is not installed');
    const text = 'FROM debian:12-slim\nRUN apt-get update && \\\n    echo `date` $undefined_var\n';
    assert.deepEqual(await check(text), ['SC2046 3:10-3:16', 'SC2006 3:10-3:16', 'SC2154 3:17-3:31', 'SC2086 3:17-3:31']);
  });

  it('knows ARG and ENV names (also from the parent stage), skips exec form and non-POSIX shells', async (t) => {
    if (!available) return t.skip('shellcheck is not installed');
    const text = 'FROM debian:12-slim AS base\nENV app_home=/app\nFROM base\nARG version\nRUN echo "$app_home" "$version"\nRUN ["sh", "-c", "echo `date`"]\nSHELL ["pwsh", "-c"]\nRUN echo `date`\n';
    assert.deepEqual(await check(text), []);
  });

  it('uses the stage SHELL as the dialect, and heredoc shebangs', async (t) => {
    if (!available) return t.skip('shellcheck is not installed');
    const sh = 'FROM debian:12-slim\nRUN [[ -n "$HOME" ]] && echo ok\n';
    assert.deepEqual(await check(sh), ['SC3010 2:5-2:21']);
    assert.deepEqual(await check('FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN [[ -n "$HOME" ]] && echo ok\n'), []);
    assert.deepEqual(await check('FROM debian:12-slim\nRUN <<EOF\n#!/bin/bash\n[[ -n "$HOME" ]] && echo ok\nEOF\n'), []);
    assert.deepEqual(await check('FROM debian:12-slim\nRUN <<EOF\n[[ -n "$HOME" ]] && echo ok\nEOF\n'), ['SC3010 3:1-3:17']);
  });

  it('honours hadolint\'s shell pragma', async (t) => {
    if (!available) return t.skip('shellcheck is not installed');
    assert.deepEqual(await check('# hadolint shell=bash\nFROM debian:12-slim\nRUN [[ -n "$HOME" ]] && echo ok\n'), []);
    assert.deepEqual(await check('FROM debian:12-slim\n# hadolint shell=powershell\nRUN echo `date`\n'), []);
    assert.deepEqual(await check('FROM debian:12-slim\n# hadolint shell=bash\nSHELL ["/bin/sh", "-c"]\nRUN [[ -n "$HOME" ]] && echo ok\n'), ['SC3010 4:5-4:21']);
  });

  it('offers ShellCheck\'s own repairs as unsafe fixes', async (t) => {
    if (!available) return t.skip('shellcheck is not installed');
    const text = 'FROM debian:12-slim\nRUN echo `date`\n';
    const findings = await runShellcheck(new DockerfileModel(text));
    const sc2006 = findings.find((f) => f.rule === 'SC2006')!;
    assert.equal(sc2006.fixes[0].safety, 'unsafe');
    assert.equal(applyFix(text, sc2006.fixes[0]), 'FROM debian:12-slim\nRUN echo $(date)\n');
    assert.equal(sc2006.fixes[0].title, 'Apply ShellCheck\'s suggestion for SC2006');
    // The fix title in the user's language (ShellCheck's own message stays English).
    const ko = (await runShellcheck(new DockerfileModel(text), { locale: 'ko' })).find((f) => f.rule === 'SC2006')!;
    assert.equal(ko.fixes[0].title, 'SC2006에 대한 ShellCheck의 제안 적용');
    assert.equal(ko.message, sc2006.message);
  });
});
