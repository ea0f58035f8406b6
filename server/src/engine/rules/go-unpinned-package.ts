import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand, ShellWord } from '../model/shell';
import { isCommand, parseArgs } from '../model/commands';
import { packageCommand, PACKAGE_MANAGERS, PIN_MESSAGES } from '../model/package-managers';
import { reportUnpinned } from './support';

const GO = PACKAGE_MANAGERS.go;

/** `git checkout v1.2`, `git -C dir switch …`, `git reset --hard …`: picks the revision of a checkout. */
function picksRevision(c: ShellCommand): boolean {
  if (!isCommand(c, 'git')) return false;
  const sub = parseArgs(c, ['C', 'c', 'git-dir', 'work-tree']).operands[0]?.value;
  return sub === 'checkout' || sub === 'switch' || sub === 'reset';
}

/**
 * Whether, after `cmd`, the stage checks out a revision with git: in GOPATH mode `go get` clones the default
 * branch into $GOPATH/src, and a later `git checkout $VERSION` there (same RUN or a later one) pins it.
 */
function checkedOutLater(instr: Instr, cmd: ShellCommand): boolean {
  const cmds = instr.run!.commands;
  if (cmds.slice(cmds.indexOf(cmd) + 1).some(picksRevision)) return true;
  const later = instr.onbuild ? [] : instr.stage?.instructions.filter((i) => i.start > instr.start && i.run) ?? [];
  return later.some((i) => i.run!.commands.some(picksRevision));
}

export default defineRule({
  meta: {
    id: 'go-unpinned-package',
    aliases: { hadolint: 'DL3062' },
    category: 'reproducibility',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      unpinned: 'Pin {packages}',
      ...PIN_MESSAGES,
    },
    docs: {
      summary: '`go install` / `go get` / `go run` of a module without a version',
      why: 'Without `@version` (or with `@latest`), `go install example.com/tool` resolves the newest release on the day of the build, so rebuilds can differ. Name the version: `go install example.com/tool@v1.2.3`. The Go module proxy keeps every version, and the checksum database verifies it. In GOPATH mode, `go get` followed by `git checkout <version>` in the cloned source (in the same RUN or a later one of the stage) picks the revision that way and is not reported.',
      examples: [
        { bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n', good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n' },
      ],
      references: ['https://go.dev/ref/mod#go-install', 'https://go.dev/ref/mod#go-get'],
    },
  },
  create(ctx) {
    return {
      commands: {
        go(cmd, instr) {
          const pc = packageCommand(cmd);
          if (!pc || pc.manager !== GO) return;
          let packages: ShellWord[];
          if (pc.action === 'install') {
            if (pc.subcommand === 'get' && checkedOutLater(instr, pc.cmd)) return;
            packages = pc.operands;
          } else if (pc.subcommand === 'run') {
            // Only the package of `go run`: later words are the program's own arguments.
            const p = pc.operands[0];
            packages = p && p.value.includes('/') && !p.value.endsWith('.go') && (p.value.split('/')[0].includes('.') || p.value.includes('@')) ? [p] : [];
          } else return;
          reportUnpinned(ctx, instr, pc, packages);
        },
      },
    };
  },
});
