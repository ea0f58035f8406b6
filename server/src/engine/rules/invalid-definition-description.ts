import { defineRule } from '../rule';
import { argDefinitions, type Instr } from '../model/dockerfile';

// Comment lines that are instructions to a tool, not descriptions.
const TOOL_COMMENT = /^#\s*(dockwise\s|hadolint\s|check\s*=|syntax\s*=|escape\s*=)/i;

export default defineRule({
  meta: {
    id: 'invalid-definition-description',
    aliases: { buildkit: 'InvalidDefinitionDescription' },
    // Experimental in BuildKit: off except in `strict`, with `# check=experimental=InvalidDefinitionDescription` or a setting.
    category: 'style',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    messages: {
      argDescription: 'A comment above ARG {name} describes it only when it starts with its name: "# {name} …"',
      argsDescription: 'A comment above an ARG describes it only when it starts with its name: "# <name> …"',
      stageDescription: 'A comment above stage {name} describes it only when it starts with its name: "# {name} …"',
    },
    docs: {
      summary: 'Comment above a stage or ARG that does not start with its name',
      why: 'BuildKit reads the comment line directly above `FROM … AS name` and `ARG name` as the description of that stage or argument (shown by `docker buildx build --call=outline` and by editors), but only when it starts with the name, as Go doc comments do. A comment that starts otherwise describes nothing. This check is experimental in BuildKit: only the `strict` profile, a setting or `# check=experimental=InvalidDefinitionDescription` turns it on.',
      examples: [
        { bad: '# The Go version to build with\nARG GO_VERSION=1.25\nFROM golang:${GO_VERSION}\n', good: '# GO_VERSION is the Go release to build with\nARG GO_VERSION=1.25\nFROM golang:${GO_VERSION}\n' },
        { bad: 'FROM alpine:3.21 AS base\n# Compiles the service\nFROM base AS build\n', good: 'FROM alpine:3.21 AS base\n# build compiles the service\nFROM base AS build\n' },
      ],
      references: ['https://docs.docker.com/reference/build-checks/invalid-definition-description/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const commentAt = new Map(model.comments.filter((c) => !c.embedded).map((c) => [c.line, c]));
    const check = (instr: Instr, names: string[], messageId: string) => {
      const comment = commentAt.get(instr.line - 1);
      if (!comment || !names.length) return;
      const line = model.lines.lineText(comment.line);
      const text = line.trim();
      // A blank `#` line separates the comment from the instruction; tool pragmas are not descriptions.
      if (!comment.text.trim() || TOOL_COMMENT.test(text)) return;
      const first = comment.text.trim().split(/\s+/)[0];
      if (names.some((n) => n === first)) return;
      const start = model.lines.lineStart(comment.line) + line.indexOf('#');
      ctx.report({ start, end: start + text.length, messageId, data: names.length === 1 ? { name: names[0] } : {} });
    };
    for (const instr of model.instructions) {
      if (instr.keyword === 'ARG') {
        const names = argDefinitions(instr).map((d) => d.name);
        check(instr, names, names.length === 1 ? 'argDescription' : 'argsDescription');
      }
      else if (instr.keyword === 'FROM' && instr.stage?.alias) check(instr, [instr.stage.alias], 'stageDescription');
    }
  },
});
