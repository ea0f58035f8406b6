import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { normalize, withoutTrailingSlashes } from '../model/paths';
import { substitute } from '../model/variables';

// Filesystems the container runtime mounts over at run time, and directories the system owns.
const MOUNTED = ['/proc', '/sys', '/dev'];
const SYSTEM = ['/boot', '/lost+found', '/initrd'];

const under = (path: string, dir: string) => path === dir || path.startsWith(dir + '/');

export default defineRule({
  meta: {
    id: 'workdir-system-dir',
    aliases: {},
    counterparts: { trivy: ['DS-0030'], differences: 'Resolves ARG and ENV values and `..` before judging, also catches /sys and the directories themselves, and says which of them the runtime mounts over.' },
    category: 'runtime',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      mounted: 'WORKDIR `{path}` is inside `{dir}`, which the container runtime mounts over: what the build puts there is gone when the container runs',
      system: 'WORKDIR `{path}` is inside `{dir}`, a directory the system owns: keep the application in its own directory such as /app',
    },
    docs: {
      summary: 'WORKDIR inside /proc, /sys, /dev, /boot or /lost+found',
      why: 'When a container starts, the runtime mounts the kernel\'s /proc and /sys and a fresh /dev over the image\'s: files the build wrote to a WORKDIR there are hidden, and the working directory may not even be creatable, so the container fails to start. /boot, /lost+found and /initrd belong to the operating system, not to an application. Use a directory of its own, such as /app or /srv/app.',
      examples: [
        { bad: 'FROM debian:12-slim\nWORKDIR /dev/app\nCOPY . .\n', good: 'FROM debian:12-slim\nWORKDIR /app\nCOPY . .\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#workdir'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const workdir = (instr: Instr): void => {
      const first = instr.args[0];
      if (!first) return;
      const last = instr.args[instr.args.length - 1];
      const { value, unresolved } = substitute(instr.args.map((a) => a.value.replace(/^(["'])(.*)\1$/, '$2')).join(' '), (n) => model.lookupVariable(n, instr.onbuild ?? instr)?.value, model.escapeChar);
      // Relative paths depend on the WORKDIR before; unresolved variables on the build.
      if (unresolved.length || !value.startsWith('/')) return;
      const path = withoutTrailingSlashes(normalize(value));
      const mounted = MOUNTED.find((d) => under(path, d));
      const system = SYSTEM.find((d) => under(path, d));
      const dir = mounted ?? system;
      if (!dir) return;
      ctx.report({ start: first.start, end: last.end, messageId: mounted ? 'mounted' : 'system', data: { path, dir } });
    };
    return { instructions: { WORKDIR: workdir }, triggers: { WORKDIR: workdir } };
  },
});
