import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { OffsetEdit } from '../rule';
import { distroFamily, rootStage } from '../model/base-images';
import { commandRunBy } from '../model/commands';
import { CACHE_TOOL_PROGRAMS, cacheMountPlans, keepsDebs } from '../model/cache-targets';

export default defineRule({
  meta: {
    id: 'prefer-cache-mount',
    aliases: {},
    counterparts: {
      tally: ['prefer-package-cache-mounts'],
      differences: 'Finds the tool through `sudo`, `xargs` and `sh -c`, moves the mount target with the ENV that moves the cache (`PIP_CACHE_DIR`, `GOPATH`, `CARGO_HOME`) and the user\'s home, and tells when Debian\'s docker-clean hook empties an apt cache mount.',
    },
    category: 'cache',
    // Right on real files (ecosystem ledger), but advice for builders that keep a cache: off in recommended, on in modern.
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      noCacheMount: '`{command}` downloads into {dirs} on every build: a cache mount there keeps the downloads between builds and out of the image',
      dockerCleanEmpties: 'The `docker-clean` hook of Debian and Ubuntu images deletes downloaded packages after each install, so this cache mount keeps only the package lists; remove `/etc/apt/apt.conf.d/docker-clean` in an earlier RUN',
      addCacheMount: 'Add a cache mount for {tool} (unsafe: the cache leaves the layer, and later RUNs no longer find it)',
    },
    docs: {
      summary: 'An install or build command without a BuildKit cache mount at its tool\'s cache',
      why: 'Package managers and build tools download into a cache directory (apt into /var/cache/apt and /var/lib/apt, pip into ~/.cache/pip, Go into its module and build caches). Without a cache mount each rebuild downloads everything again, and the cache either lands in the layer or has to be deleted in the same RUN. `RUN --mount=type=cache,target=<dir>` keeps the directory between builds on the builder and never puts it in the image; apt needs `sharing=locked`, and on Debian and Ubuntu images the `docker-clean` hook must be removed for apt to keep its downloaded packages. The rule is for the `modern` profile, which turns the delete-the-cache rules off.',
      examples: [
        {
          bad: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
          good: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
        },
        {
          bad: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\n',
          good: 'FROM golang:1.23\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n',
          note: 'The golang image sets GOPATH=/go, so its module cache is /go/pkg/mod.',
        },
      ],
      fixSafety: 'The fix adds the mount flags to the RUN (and drops the flags that turn the cache off, such as `--no-cache-dir`; `apk add --no-cache` becomes `apk add --update-cache`). What the tool downloads no longer lands in the layer, so a later RUN that reads it (an `apt-get install` without its own `apt-get update`) fails, and the cache lives on the builder instead.',
      references: ['https://docs.docker.com/build/cache/optimize/#use-cache-mounts', 'https://docs.docker.com/reference/dockerfile/#run---mounttypecache'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const run = (instr: Instr): void => {
      for (const plan of cacheMountPlans(model, instr)) {
        if (plan.covered) {
          if (plan.tool.manager === 'apt' && distroFamily(rootStage(instr.stage!).image) === 'debian' && !keepsDebs(instr)) {
            const flag = instr.flags.find((f) => f.name === 'mount' && /\/var\/cache\/apt\b/.test(f.value ?? ''));
            if (flag) ctx.report({ start: flag.start, end: flag.end, messageId: 'dockerCleanEmpties' });
          }
          continue;
        }
        const c = plan.cmd;
        const edits: OffsetEdit[] = [{ start: instr.keywordEnd, end: instr.keywordEnd, text: ` ${plan.mounts.join(' ')}` }, ...plan.flagEdits];
        ctx.report({
          start: commandRunBy(c).nameWord.start,
          end: commandRunBy(c).nameWord.end,
          messageId: 'noCacheMount',
          data: { command: plan.command, dirs: plan.dirs.map((d) => `\`${d.dir}\``).join(' and ') },
          fixes: plan.fixable ? [{ titleId: 'addCacheMount', data: { tool: plan.tool.name }, safety: 'unsafe', edits }] : [],
        });
      }
    };
    return { runs: Object.fromEntries(CACHE_TOOL_PROGRAMS.map((n) => [n, run])) };
  },
});
