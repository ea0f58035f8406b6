import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { removedLater } from '../model/package-managers';
import { commandsAfter, packageCommands } from './support';
import type { ShellWord } from '../model/shell';
import { officialName } from '../model/image-lifecycle';
import { rootStage } from '../model/base-images';

const TOOLCHAIN = /^(gcc(-\d+)?|g\+\+(-\d+)?|gcc-c\+\+|clang(-\d+)?|make|cmake|build-essential|build-base|autoconf|automake|libtool|git|linux-headers|[\w.+-]+-(dev|devel))$/;
const SDK_IMAGES = new Set(['golang', 'maven', 'gradle', 'rust', 'buildpack-deps']);

function packageName(w: ShellWord): string {
  // [\s\S], not `.`: a value with a line break in it would make `.*$` retry at every operator (quadratic).
  return w.value.replace(/[=<>~][\s\S]*$/, '');
}

/** Toolchain packages this RUN installs and does not remove again in the same RUN. */
function toolchainLeft(instr: Instr): ShellWord[] {
  const cmds = instr.run!.commands;
  const left: ShellWord[] = [];
  for (const pc of packageCommands(instr)) {
    if (!pc.manager.system || pc.action !== 'install') continue;
    const removed = removedLater(pc, commandsAfter(instr, pc.cmd), cmds);
    left.push(...pc.operands.filter((w) => TOOLCHAIN.test(packageName(w)) && !removed(w.value)));
  }
  return left;
}

export default defineRule({
  meta: {
    id: 'build-toolchain-in-final-stage',
    aliases: {},
    defaultSeverity: 'warning',
    docs: {
      summary: 'The shipped image carries a build toolchain',
      why: 'Compilers, headers and git are needed to build, not to run. In the final image they add hundreds of megabytes and give an attacker who gets a shell the tools to build exploits. A multi-stage build compiles in a builder stage and copies only the result into a small runtime stage.',
      examples: [
        {
          bad: 'FROM python:3.13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
          good: 'FROM python:3.13-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip wheel --no-cache-dir -w /wheels -r requirements.txt\n\nFROM python:3.13-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\n',
        },
        { bad: 'FROM golang:1.25\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n', good: 'FROM golang:1.25 AS build\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n' },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const final = model.finalStage;
    if (!final) return;
    const base = rootStage(final);
    const sdk = officialName(base.image);
    if (sdk && SDK_IMAGES.has(sdk) && base === final) {
      ctx.report({ start: final.imageStart, end: final.imageEnd, message: `The final stage runs on the ${sdk} SDK image; build in a separate stage and copy the result into a small runtime image` });
    }
    for (let s: typeof final | undefined = final; s; s = s.parent) {
      for (const instr of s.instructions) {
        if (!instr.run) continue;
        const left = toolchainLeft(instr);
        if (!left.length) continue;
        const names = [...new Set(left.map(packageName))];
        ctx.report({
          start: left[0].start,
          end: left[0].end,
          message: `The shipped image keeps build tools (${names.join(', ')}); compile in a builder stage and copy only the result`,
        });
      }
    }
  },
});
