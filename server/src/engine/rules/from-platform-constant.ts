import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'from-platform-constant',
    aliases: { hadolint: 'DL3029', buildkit: 'FromPlatformFlagConstDisallowed' },
    counterparts: {
      kics: ['Using Platform Flag with FROM Command'],
      differences: 'Reports only a constant platform, not `--platform=$BUILDPLATFORM`, where KICS reports every `--platform` flag.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      constantPlatform: '--platform={platform} pins this stage to one platform; use $BUILDPLATFORM or leave it out',
    },
    docs: {
      summary: '`FROM --platform` with a fixed platform',
      why: 'A constant such as `--platform=linux/amd64` pins the stage to one architecture: a multi-platform build then emulates it on every other platform, or ships the wrong binaries. Use `$BUILDPLATFORM` for stages that cross-compile, or leave the flag out. A stage named after its platform (`AS build-amd64`) is clearly meant to be pinned and is not reported.',
      examples: [
        { bad: 'FROM --platform=linux/amd64 node:22-slim\n', good: 'FROM node:22-slim\n' },
        { bad: 'FROM --platform=linux/arm64 golang:1.25 AS build\n', good: 'FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n' },
      ],
      references: ['https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      const value = flag?.value;
      if (!flag || !value || value.includes('$')) continue;
      // BuildKit's exemption: the stage name mentions the platform's OS or architecture.
      const parts = value.toLowerCase().split('/').filter(Boolean);
      const alias = stage.alias?.toLowerCase() ?? '';
      if (alias && parts.some((p) => alias.includes(p))) continue;
      ctx.report({ start: flag.start, end: flag.end, messageId: 'constantPlatform', data: { platform: value } });
    }
  },
});
