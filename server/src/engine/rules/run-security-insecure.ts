import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { removeFlagEdit } from './support';

export default defineRule({
  meta: {
    id: 'run-security-insecure',
    aliases: {},
    counterparts: { sonar: ['S6502'], differences: 'Reports the flag itself, in ONBUILD triggers too, and offers to remove it.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      insecure: '`--security=insecure` runs this step without the build sandbox, with every capability of the host\'s root',
      removeFlag: 'Remove --security=insecure (unsafe: a step that needs privileges fails)',
    },
    docs: {
      summary: '`RUN --security=insecure`: a build step outside the sandbox',
      why: '`RUN --security=insecure` runs the step like `docker run --privileged`: all capabilities, no seccomp or AppArmor profile, the host\'s devices. Whatever the step downloads or runs (a package\'s install script, a compromised dependency) can take over the build host. Builders refuse it unless started with `--allow security.insecure`; do the privileged work (mounting, loop devices) outside the image build instead.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN --security=insecure mount -t tmpfs none /mnt\n', good: 'FROM debian:12-slim\nRUN --security=sandbox make install\n' },
      ],
      fixSafety: 'A step that really needs privileges (mounting filesystems, creating devices) fails without the flag.',
      references: ['https://docs.docker.com/reference/dockerfile/#run---security'],
    },
  },
  create(ctx) {
    const run = (instr: Instr): void => {
      for (const flag of instr.flags) {
        if (flag.name !== 'security' || flag.value?.toLowerCase() !== 'insecure') continue;
        ctx.report({ start: flag.start, end: flag.end, messageId: 'insecure', fixes: [{ titleId: 'removeFlag', safety: 'unsafe', edits: [removeFlagEdit(ctx.model, flag)] }] });
      }
    };
    return { instructions: { RUN: run }, triggers: { RUN: run } };
  },
});
