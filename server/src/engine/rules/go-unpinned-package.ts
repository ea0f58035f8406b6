import { defineRule } from '../rule';
import type { ShellWord } from '../model/shell';
import { isCommand } from '../model/commands';
import { resolvedOperand } from './support';

// go build flags that take the next word as their value (go flags are single-dash long names).
const GO_VALUE_FLAGS = new Set(['C', 'o', 'p', 'asmflags', 'buildmode', 'buildvcs', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags', 'mod', 'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'exec', 'covermode', 'coverpkg']);

function goOperands(args: ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') { out.push(...args.slice(i + 1)); break; }
    if (v.startsWith('-') && !args[i].quoted) {
      const name = v.replace(/^--?/, '');
      if (!name.includes('=') && GO_VALUE_FLAGS.has(name)) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

const local = (p: string) => p === '.' || p.startsWith('./') || p.startsWith('../') || p.startsWith('/') || p.startsWith('.');

function pinned(p: string): boolean {
  if (local(p)) return true;
  const at = p.lastIndexOf('@');
  return at > 0 && !['latest', 'none', 'upgrade', 'patch', ''].includes(p.slice(at + 1));
}

export default defineRule({
  meta: {
    id: 'go-unpinned-package',
    aliases: { hadolint: 'DL3062' },
    defaultSeverity: 'warning',
    needs: { commands: ['go'] },
    scope: 'stage',
    docs: {
      summary: '`go install` / `go get` / `go run` of a module without a version',
      why: 'Without `@version` (or with `@latest`), `go install example.com/tool` resolves the newest release on the day of the build, so rebuilds can differ. Name the version: `go install example.com/tool@v1.2.3`. The Go module proxy keeps every version, and the checksum database verifies it.',
      examples: [
        { bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n', good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n' },
      ],
      references: ['https://go.dev/ref/mod#go-install', 'https://go.dev/ref/mod#go-get'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        if (!isCommand(cmd, 'go')) continue;
        const ops = goOperands(cmd.args);
        const sub = ops[0]?.value;
        let packages: ShellWord[];
        if (sub === 'install' || sub === 'get') packages = ops.slice(1);
        else if (sub === 'run') {
          // Only the package of `go run`: later words are the program's own arguments.
          const p = ops[1];
          packages = p && p.value.includes('/') && !p.value.endsWith('.go') && (p.value.split('/')[0].includes('.') || p.value.includes('@')) ? [p] : [];
        } else continue;
        for (const w of packages) {
          const values = resolvedOperand(ctx.model, instr, w);
          if (!values) continue;
          const unpinned = values.filter((v) => !v.endsWith('.go') && !pinned(v));
          if (!unpinned.length) continue;
          ctx.report({ start: w.start, end: w.end, message: `Pin the version of \`${unpinned.join(' ')}\` (\`go ${sub} <module>@<version>\`; @latest is not a version)` });
        }
      }
    }
  },
});
