import { defineRule, type FixSpec } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { isCommand } from '../model/commands';
import { distroFamily, rootStage } from '../model/base-images';
import type { ShellCommand } from '../model/shell';
import { shellFacts, shellInstructionArgv, shellInstructionFor } from '../model/shells';

function hasPipefailOption(words: readonly string[]): boolean {
  return words.some((w, i) => w === 'pipefail' && i > 0 && /^-[a-z]*o$/.test(words[i - 1]));
}

/** `set -o pipefail` (or `set -eo pipefail`, `set -euxo pipefail`) before `offset` in the RUN. */
function setsPipefail(cmds: ShellCommand[], offset: number): boolean {
  return cmds.some((c) => c.start < offset && isCommand(c, 'set') && hasPipefailOption(c.args.map((a) => a.value)));
}

function shellFix(model: DockerfileModel, stage: Stage, firstRun: Instr): FixSpec | undefined {
  const family = distroFamily(rootStage(stage).image);
  const shell = family === 'alpine' ? '/bin/ash' : family === 'debian' || family === 'rhel' ? '/bin/bash' : undefined;
  if (!shell || rootStage(stage).image.unresolved.length) return undefined;
  const at = model.lines.lineStart(firstRun.line);
  const line = `SHELL ["${shell}", "-o", "pipefail", "-c"]${model.lines.eol}`;
  return { title: `Add ${line.trim()} before the first RUN with a pipe (unsafe: later RUNs use ${shell.split('/').pop()})`, safety: 'unsafe', edits: [{ start: at, end: at, text: line }] };
}

export default defineRule({
  meta: {
    id: 'pipe-without-pipefail',
    aliases: { hadolint: 'DL4006' },
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    docs: {
      summary: 'A pipe in RUN without `pipefail`',
      why: 'A pipeline\'s exit status is that of its last command. In `RUN curl -fsSL https://x/key | gpg --dearmor > key.gpg`, a failed download still lets the build continue, with an empty key. With `set -o pipefail`, or a `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, any failing stage fails the RUN.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /usr/share/keyrings/example.gpg\n', good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /usr/share/keyrings/example.gpg\n' },
        { bad: 'FROM alpine:3.21\nRUN wget -qO- https://example.com/list | sort > /list\n', good: 'FROM alpine:3.21\nRUN set -o pipefail && wget -qO- https://example.com/list | sort > /list\n', note: 'Setting pipefail inside the RUN works too.' },
      ],
      fixSafety: 'Unsafe: the SHELL applies to every later RUN, and to shell-form CMD and ENTRYPOINT, in the stage. They then run under bash (or ash), not /bin/sh.',
      references: ['https://docs.docker.com/build/building/best-practices/#using-pipes'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const family = distroFamily(rootStage(stage).image);
      if (family === 'scratch' || family === 'distroless' || family === 'windows') continue;
      const offending: Array<{ instr: Instr; first: ShellCommand; last: ShellCommand }> = [];
      for (const instr of stage.instructions) {
        if (!instr.run || instr.run.execForm || !instr.run.hasPipe) continue;
        const shell = shellInstructionFor(stage, instr);
        const argv = shell && shellInstructionArgv(shell);
        if (shell && (!argv || shellFacts(argv).kind !== 'posix' || hasPipefailOption(argv))) continue;
        const cmds = instr.run.commands;
        const piped = cmds.filter((c) => c.pipeline !== undefined);
        const first = piped.find((c) => !setsPipefail(cmds, c.start));
        if (!first) continue;
        const members = piped.filter((c) => c.pipeline === first.pipeline);
        offending.push({ instr, first, last: members[members.length - 1] });
      }
      if (!offending.length) continue;
      const fix = shellFix(model, stage, offending[0].instr);
      for (const o of offending) {
        ctx.report({
          start: o.first.start,
          end: o.last.end,
          message: 'Only the last command of this pipe decides whether the RUN fails; set -o pipefail',
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});
