import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { removeFlagEdit } from './support';

export default defineRule({
  meta: {
    id: 'run-network-host',
    aliases: {},
    counterparts: { sonar: ['S6431'], differences: 'Reports the flag itself, in ONBUILD triggers too, leaves `--network=none` and `default` alone, and offers to remove it.' },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      hostNetwork: '`--network=host` gives this step the build host\'s network: its local services and interfaces',
      removeFlag: 'Remove --network=host (unsafe: a step that reaches a service on the host fails)',
    },
    docs: {
      summary: '`RUN --network=host`: a build step in the host\'s network',
      why: 'A RUN step normally has its own network namespace. With `--network=host` it shares the build host\'s: it can reach services bound to the host\'s localhost (databases, the Docker API, cloud metadata endpoints) and listen on its interfaces, and so can every script the step downloads. It also makes the build depend on what runs on that machine. Reach the service through a normal address, or pass what the step needs as a secret or build context; `--network=none` is the safe way to change the network.',
      examples: [
        { bad: 'FROM python:3.13-slim\nRUN --network=host pip install --index-url http://localhost:3141/root/pypi/ requests\n', good: 'FROM python:3.13-slim\nRUN pip install --index-url https://pypi.example.com/simple/ requests\n' },
      ],
      fixSafety: 'A step that reaches a service on the build host (a local package mirror, a proxy on localhost) fails without the flag.',
      references: ['https://docs.docker.com/reference/dockerfile/#run---network'],
    },
  },
  create(ctx) {
    const run = (instr: Instr): void => {
      for (const flag of instr.flags) {
        if (flag.name !== 'network' || flag.value?.toLowerCase() !== 'host') continue;
        ctx.report({ start: flag.start, end: flag.end, messageId: 'hostNetwork', fixes: [{ titleId: 'removeFlag', safety: 'unsafe', edits: [removeFlagEdit(ctx.model, flag)] }] });
      }
    };
    return { instructions: { RUN: run }, triggers: { RUN: run } };
  },
});
