import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'redundant-target-platform',
    aliases: { hadolint: 'DL3065', buildkit: 'RedundantTargetPlatform' },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      redundantPlatform: '--platform=$TARGETPLATFORM is what FROM does anyway',
      removePlatform: 'Remove the redundant --platform',
    },
    docs: {
      summary: '`FROM --platform=$TARGETPLATFORM` is the default',
      why: 'A stage is built for the target platform unless told otherwise, so `--platform=$TARGETPLATFORM` changes nothing and suggests to a reader that it does. `--platform=$BUILDPLATFORM` is the flag that matters, for stages that cross-compile.',
      examples: [{ bad: 'FROM --platform=$TARGETPLATFORM alpine:3.21\n', good: 'FROM alpine:3.21\n' }],
      references: ['https://docs.docker.com/reference/build-checks/redundant-target-platform/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      if (!flag || !/^\$(\{TARGETPLATFORM\}|TARGETPLATFORM)$/.test(flag.value ?? '')) continue;
      // Remove the flag and the whitespace after it.
      let end = flag.end;
      while (end < model.text.length && (model.text[end] === ' ' || model.text[end] === '\t')) end++;
      ctx.report({ start: flag.start, end: flag.end, messageId: 'redundantPlatform', fixes: [{ titleId: 'removePlatform', safety: 'safe', edits: [{ start: flag.start, end, text: '' }] }] });
    }
  },
});
