// The files of the build context a COPY or ADD names literally: no wildcard, no variable, no URL, not from a stage
// or another context. The editor links them to the file.
import type { DockerfileModel } from '../model/dockerfile';

export interface ContextPath { path: string; start: number; end: number }

const NOT_A_PLAIN_PATH = /[*?[\]$]|^[a-z][a-z0-9+.-]*:\/\/|^git@/i;

export function contextSourcePaths(model: DockerfileModel): ContextPath[] {
  const out: ContextPath[] = [];
  for (const instr of model.instructions) {
    if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.heredocs.length) continue;
    if (instr.flags.some((f) => f.name === 'from')) continue;
    const args = instr.args;
    if (args.length < 2 || args[0].value.startsWith('[')) continue;
    for (const arg of args.slice(0, -1)) {
      const path = arg.value.replace(/^\.\/+/, '').replace(/\/+$/, '');
      if (!path || path === '.' || NOT_A_PLAIN_PATH.test(arg.value) || path.split('/').includes('..')) continue;
      out.push({ path: path.replace(/^\/+/, ''), start: arg.start, end: arg.end });
    }
  }
  return out;
}
