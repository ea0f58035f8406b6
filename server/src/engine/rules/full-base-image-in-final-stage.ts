import { defineRule } from '../rule';
import type { Stage } from '../model/dockerfile';
import { officialName } from '../model/image-lifecycle';
import { isCommand } from '../model/commands';
import { isEnvironmentImage } from '../model/base-images';
import { recordedSize } from '../data/image-sizes';

const CODENAME = '(?:bookworm|bullseye|buster|trixie)';

/** The slim tag for a full one, or undefined when there is none or the tag is already small. */
export function slimTag(name: string, tag: string, runsJar: boolean): string | undefined {
  if (/slim|alpine|windows|nanoserver|servercore|jre|distroless/.test(tag)) return undefined;
  let m: RegExpExecArray | null;
  switch (name) {
    case 'python':
    case 'ruby':
      if ((m = new RegExp(`^(\\d[\\w.]*?)(?:-(${CODENAME}))?$`).exec(tag))) return `${m[1]}-slim${m[2] ? `-${m[2]}` : ''}`;
      return undefined;
    case 'node':
      if ((m = new RegExp(`^(\\d[\\w.]*?)(?:-(${CODENAME}))?$`).exec(tag))) return m[2] ? `${m[1]}-${m[2]}-slim` : `${m[1]}-slim`;
      return undefined;
    case 'debian':
      if (new RegExp(`^(${CODENAME}|\\d+)$`).test(tag)) return `${tag}-slim`;
      return undefined;
    case 'perl':
      if (/^\d[\d.]*$/.test(tag)) return `${tag}-slim`;
      return undefined;
    case 'eclipse-temurin':
      if (!runsJar) return undefined;
      if ((m = /^(\d+)(?:-jdk)?(-.+)?$/.exec(tag))) return `${m[1]}-jre${m[2] ?? ''}`;
      return undefined;
    default:
      return undefined;
  }
}

/** How many MB smaller `image:slim` is than `image:tag` where Docker Hub's sizes of both are recorded (data/image-sizes.ts). */
export function slimSaving(image: string, tag: string, slim: string): number | undefined {
  const split = (t: string) => /^(\d+(?:\.\d+)*)(?:-(.+))?$/.exec(t);
  const full = split(tag);
  const small = split(slim);
  if (!full || !small) return undefined;
  const before = recordedSize(image, full[1], full[2] ?? '');
  const after = recordedSize(image, small[1], small[2] ?? '');
  return before && after && before.mb > after.mb ? Math.round(before.mb - after.mb) : undefined;
}

function runsJar(stage: Stage): boolean {
  return stage.instructions.some((i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && /\bjava\b[\s\S]*-jar\b/.test(i.args.map((a) => a.value).join(' ')));
}

export default defineRule({
  meta: {
    id: 'full-base-image-in-final-stage',
    aliases: {},
    category: 'size',
    status: 'stable',
    defaultSeverity: 'info',
    fixable: 'unsafe',
    messages: {
      fullVariant: '{image}:{tag} is the full variant; {image}:{slim} is much smaller',
      useSlim: 'Use {image}:{slim} (unsafe: fewer packages)',
      useSlimSaves: 'Use {image}:{slim}, about {mb} MB smaller (unsafe: fewer packages)',
    },
    docs: {
      summary: 'The shipped image is built on a full variant where a slim one exists',
      why: 'The default `python`, `node` and `ruby` tags carry a whole build toolchain and hundreds of packages (around 1 GB). The `-slim` variants carry what the runtime needs (around 150 MB). A smaller image pulls faster, starts faster and has fewer packages for scanners to flag. A JDK image that only runs a jar needs just the JRE.',
      examples: [
        { bad: 'FROM python:3.13\nCOPY app.py /app.py\nCMD ["python", "/app.py"]\n', good: 'FROM python:3.13-slim\nCOPY app.py /app.py\nCMD ["python", "/app.py"]\n' },
        { bad: 'FROM eclipse-temurin:21-jdk\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n', good: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n' },
      ],
      fixSafety: 'Unsafe: slim variants lack compilers, headers and some libraries. A RUN that compiles native extensions (pip wheels without binaries, node-gyp) may need those packages installed explicitly, or a separate build stage. Not reported for images meant to work in or build on (a Dev Container, a `dev` target, or an image whose command is a shell or language prompt, or that sets none): their full variant is the point.',
      references: ['https://hub.docker.com/_/python#image-variants', 'https://docs.docker.com/build/building/best-practices/#from'],
    },
  },
  check(ctx) {
    const stage = ctx.model.finalStage;
    if (!stage || stage.parent) return;
    // A Dev Container, a development target or a base image (a shell or prompt for a command, or none) is full on
    // purpose: people compile and fetch inside it, and slim variants have no compilers and no curl.
    if (isEnvironmentImage(stage)) return;
    const img = stage.image;
    const name = officialName(img);
    if (!name || !img.tag || img.digest) return;
    const slim = slimTag(name, img.tag, runsJar(stage));
    if (!slim) return;
    const tag = img.spans?.tag;
    // Compiling in the final stage is the toolchain rule's finding; slim would break that build.
    const compiles = stage.instructions.some((i) => i.run?.commands.some((c) => isCommand(c, 'gcc', 'make', 'cc', 'g++')));
    const saved = slimSaving(name, img.tag, slim);
    ctx.report({
      start: tag ? stage.imageStart + tag.start : stage.imageStart,
      end: tag ? stage.imageStart + tag.end : stage.imageEnd,
      messageId: 'fullVariant',
      data: { image: name, tag: img.tag, slim },
      fixes: tag && !compiles ? [{ ...(saved ? { titleId: 'useSlimSaves', data: { image: name, slim, mb: String(saved) } } : { titleId: 'useSlim', data: { image: name, slim } }), safety: 'unsafe', edits: [{ start: stage.imageStart + tag.start, end: stage.imageStart + tag.end, text: slim }] }] : [],
      related: ctx.model.contextDeclaredAt(img.context),
    });
  },
});
