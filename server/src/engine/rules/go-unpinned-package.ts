import { defineRule } from '../rule';
import type { ShellWord } from '../model/shell';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { packageCommands, resolvedOperand } from './support';

const GO = PACKAGE_MANAGERS.go;

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
      for (const pc of packageCommands(instr)) {
        if (pc.manager !== GO) continue;
        let packages: ShellWord[];
        if (pc.action === 'install') packages = pc.operands;
        else if (pc.subcommand === 'run') {
          // Only the package of `go run`: later words are the program's own arguments.
          const p = pc.operands[0];
          packages = p && p.value.includes('/') && !p.value.endsWith('.go') && (p.value.split('/')[0].includes('.') || p.value.includes('@')) ? [p] : [];
        } else continue;
        for (const w of packages) {
          const values = resolvedOperand(ctx.model, instr, w);
          if (!values) continue;
          const unpinned = values.filter((v) => GO.unpinned(v, pc));
          if (!unpinned.length) continue;
          ctx.report({ start: w.start, end: w.end, message: `Pin the version of \`${unpinned.join(' ')}\` (\`go ${pc.subcommand} <module>@<version>\`; @latest is not a version)` });
        }
      }
    }
  },
});
