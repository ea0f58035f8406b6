import { defineRule, type FixInput } from '../rule';
import type { Instr, Stage } from '../model/dockerfile';
import { deprecatedImage } from '../model/image-lifecycle';
import { isCommand } from '../model/commands';
import { packageCommand } from '../model/package-managers';
import { REPLACEMENT_MESSAGES } from '../data/base-image-lifecycle';

const TEMURIN_MAJORS = new Set(['8', '11', '17', '21', '25']);

/**
 * openjdk:<major>[-jdk|-jre][-slim|-alpine…] → the matching eclipse-temurin tag, when there is one. A tag that pins
 * a release (8u292-jre, 11.0.11-jdk) has none: Temurin tags pin it with a build number (8u292-b10, 11.0.11_9)
 * that the openjdk tag does not give, and dropping the pin would move the image to the newest release.
 */
export function temurinFor(tag: string | undefined): string | undefined {
  const m = /^(\d+)(?:-(jdk|jre))?(?:-(slim|alpine|bullseye|bookworm|buster|slim-bullseye|slim-bookworm|slim-buster))?$/.exec(tag ?? '');
  if (!m || !TEMURIN_MAJORS.has(m[1])) return undefined;
  const kind = m[2] ?? 'jdk';
  return `eclipse-temurin:${m[1]}-${kind}${m[3] === 'alpine' ? '-alpine' : ''}`;
}

/** A RUN that installs system packages (apt, apk, yum/dnf, zypper, through xargs or sudo too), or runs rpm or dpkg. */
function installsPackages(instr: Instr): boolean {
  return !!instr.run?.commands.some((c) => {
    const pc = packageCommand(c);
    return (pc?.manager.system && pc.action === 'install') || isCommand(c, 'rpm', 'dpkg');
  });
}

function replacementFix(stage: Stage): FixInput | undefined {
  const img = stage.image;
  // A named context's image is written in the compose or bake file, not here.
  if (img.raw !== img.resolved || img.digest || img.context) return undefined;
  const target = temurinFor(img.tag);
  if (!target) return undefined;
  // Temurin images run on Ubuntu (or a newer Alpine) where openjdk's ran on Debian, Alpine 3.9 or Oracle Linux:
  // package names and versions change under the file's installs (`python` is gone from Ubuntu). A stage that
  // installs packages, or a stage built FROM it that does, gets no fix.
  const users = stage.usedBy.filter((i) => i.keyword === 'FROM' && i.stage).map((i) => i.stage!);
  if ([stage, ...users].some((s) => s.instructions.some(installsPackages))) return undefined;
  return { titleId: 'replaceWithTemurin', data: { image: target }, safety: 'unsafe', edits: [{ start: stage.imageStart, end: stage.imageEnd, text: target }] };
}

export default defineRule({
  meta: {
    id: 'deprecated-base-image',
    aliases: {},
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      deprecatedImage: '{image} is deprecated and no longer updated; use {replacement}',
      replaceWithTemurin: 'Replace with {image} (unsafe: another vendor\'s build, on Ubuntu or a newer Alpine)',
      ...REPLACEMENT_MESSAGES,
    },
    docs: {
      summary: 'A deprecated base image',
      why: 'Deprecated official images no longer get security updates: every CVE found after deprecation stays in your image. `openjdk` is the common case. Its Docker Hub image has received no GA updates since 2022, and Eclipse Temurin (or Amazon Corretto, IBM Semeru) provides maintained builds of the same OpenJDK.',
      examples: [
        { bad: 'FROM openjdk:17-jdk-slim\nCOPY app.jar /app.jar\n', good: 'FROM eclipse-temurin:17-jdk\nCOPY app.jar /app.jar\n' },
        { bad: 'FROM centos:7\n', good: 'FROM almalinux:9\n' },
      ],
      fixSafety: 'Unsafe: Temurin images are built by a different vendor on Ubuntu (or a newer Alpine) rather than Debian, Alpine 3.9 or Oracle Linux, and paths such as JAVA_HOME differ. The fix is offered only for a tag that names a Java major (openjdk:17-jdk-slim), never for one that pins a release (8u292-jre), whose Temurin tag carries a build number the openjdk tag does not give; and not when the stage, or a stage built FROM it, installs system packages, whose names and versions change with the distribution.',
      references: ['https://hub.docker.com/_/openjdk', 'https://hub.docker.com/_/eclipse-temurin'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (stage.parent) continue;
      const dep = deprecatedImage(stage.image);
      if (!dep) continue;
      const fix = dep.image === 'openjdk' ? replacementFix(stage) : undefined;
      ctx.report({
        start: stage.imageStart,
        end: stage.imageEnd,
        // The replacement is one of the lifecycle table's wordings (data/base-image-lifecycle.ts), declared here.
        messageId: 'deprecatedImage',
        data: { image: dep.image, replacement: dep.replacement },
        fixes: fix ? [fix] : [],
        related: ctx.model.contextDeclaredAt(stage.image.context),
      });
    }
  },
});
