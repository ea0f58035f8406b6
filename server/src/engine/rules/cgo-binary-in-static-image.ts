import { defineRule } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { isCommand, subcommand } from '../model/commands';
import { distroFamily, rootStage } from '../model/base-images';

/** A runtime image without a C library: scratch or distroless static. */
function withoutLibc(stage: Stage): boolean {
  const base = rootStage(stage).image;
  const family = distroFamily(base);
  return family === 'scratch' || (family === 'distroless' && /static/.test(base.name));
}

function cgoDisabled(model: DockerfileModel, at: Instr): boolean {
  return model.lookupVariable('CGO_ENABLED', at)?.value === '0';
}

export default defineRule({
  meta: {
    id: 'cgo-binary-in-static-image',
    aliases: {},
    category: 'runtime',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      linkedAgainstLibc: 'This binary is linked against libc, but line {line} copies it into an image without one; build with CGO_ENABLED=0',
      disableCgo: 'Build with CGO_ENABLED=0 (unsafe: disables cgo)',
    },
    docs: {
      summary: 'A Go binary built with cgo, shipped in an image without libc',
      why: 'The golang images contain gcc, so `go build` links against glibc by default (any use of net or os/user pulls in cgo). In `scratch` or `distroless/static` there is no libc, and the binary dies at start with a baffling "no such file or directory". Build with `CGO_ENABLED=0` for a static binary, or ship on `distroless/base` instead.',
      examples: [
        { bad: 'FROM golang:1.25 AS build\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n', good: 'FROM golang:1.25 AS build\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n' },
      ],
      fixSafety: 'Unsafe: a program that really needs cgo (sqlite3 bindings, some DNS setups) will not build or will behave differently. Then ship on gcr.io/distroless/base instead.',
      references: ['https://pkg.go.dev/cmd/cgo', 'https://github.com/GoogleContainerTools/distroless/blob/main/base/README.md'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const reported = new Set<number>();
    for (const target of model.stages) {
      if (!withoutLibc(target)) continue;
      for (const copy of target.instructions) {
        const from = copy.keyword === 'COPY' ? copy.flags.find((f) => f.name === 'from')?.value : undefined;
        const source = from ? model.stageByName(from, target) : undefined;
        if (!source) continue;
        // Alpine's golang image has no gcc, so Go turns cgo off by itself.
        if (distroFamily(rootStage(source).image) === 'alpine') continue;
        for (const instr of source.instructions) {
          for (const cmd of instr.run?.commands ?? []) {
            if (!isCommand(cmd, 'go') || subcommand(cmd)?.value !== 'build' || reported.has(cmd.start)) continue;
            if (cmd.assignments.some((a) => a.name === 'CGO_ENABLED') || cgoDisabled(model, instr)) continue;
            if (instr.run!.commands.some((c) => isCommand(c, 'export') && c.args.some((a) => a.value === 'CGO_ENABLED=0') && c.start < cmd.start)) continue;
            // Linked statically on purpose (`-ldflags '-extldflags "-static"'`): libc is inside the binary.
            if (cmd.args.some((a) => /-extldflags[= ]*["']?-static/.test(a.value))) continue;
            reported.add(cmd.start);
            ctx.report({
              start: cmd.start,
              end: cmd.end,
              messageId: 'linkedAgainstLibc',
              data: { line: copy.line + 1 },
              fixes: [{ titleId: 'disableCgo', safety: 'unsafe', edits: [{ start: cmd.start, end: cmd.start, text: 'CGO_ENABLED=0 ' }] }],
            });
          }
        }
      }
    }
  },
});
