import { defineRule, type FixSpec } from '../rule';
import type { DockerfileModel, Stage } from '../model/dockerfile';
import { deprecatedImage } from '../model/image-lifecycle';
import { isCommand } from '../model/commands';
import { packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';

const TEMURIN_MAJORS = new Set(['8', '11', '17', '21', '25']);

/** openjdk:<v>[-jdk|-jre][-slim|-alpine…] → the matching eclipse-temurin tag, when there is one. */
export function temurinFor(tag: string | undefined): string | undefined {
  const m = /^(\d+)(?:u\d+|\.[.\d]*)?(?:-(jdk|jre))?(?:-(slim|alpine|bullseye|bookworm|buster|slim-bullseye|slim-bookworm|slim-buster))?$/.exec(tag ?? '');
  if (!m || !TEMURIN_MAJORS.has(m[1])) return undefined;
  const kind = m[2] ?? 'jdk';
  return `eclipse-temurin:${m[1]}-${kind}${m[3] === 'alpine' ? '-alpine' : ''}`;
}

function replacementFix(model: DockerfileModel, stage: Stage): FixSpec | undefined {
  const img = stage.image;
  if (img.raw !== img.resolved || img.digest) return undefined;
  const target = temurinFor(img.tag);
  if (!target) return undefined;
  // Temurin images are Ubuntu (or Alpine) based: a stage that uses yum/dnf/microdnf would break.
  const rpmTools = [PACKAGE_MANAGERS.yum, PACKAGE_MANAGERS.dnf];
  const usesRpm = stage.instructions.some((i) => i.run?.commands.some((c) => isCommand(c, 'rpm') || rpmTools.some((m) => m === packageCommand(c)?.manager)));
  if (usesRpm) return undefined;
  return { title: `Replace with ${target} (unsafe: different vendor build and base distribution)`, safety: 'unsafe', edits: [{ start: stage.imageStart, end: stage.imageEnd, text: target }] };
}

export default defineRule({
  meta: {
    id: 'deprecated-base-image',
    aliases: {},
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    docs: {
      summary: 'A deprecated base image',
      why: 'Deprecated official images no longer get security updates: every CVE found after deprecation stays in your image. `openjdk` is the common case. Its Docker Hub image has received no GA updates since 2022, and Eclipse Temurin (or Amazon Corretto, IBM Semeru) provides maintained builds of the same OpenJDK.',
      examples: [
        { bad: 'FROM openjdk:17-jdk-slim\nCOPY app.jar /app.jar\n', good: 'FROM eclipse-temurin:17-jdk\nCOPY app.jar /app.jar\n' },
        { bad: 'FROM centos:7\n', good: 'FROM almalinux:9\n' },
      ],
      fixSafety: 'Unsafe: Temurin images are built by a different vendor on Ubuntu (or Alpine) rather than Debian or Oracle Linux. apt-based steps keep working, but package names and paths such as JAVA_HOME may differ. The fix is not offered when the stage uses yum, dnf or microdnf.',
      references: ['https://hub.docker.com/_/openjdk', 'https://hub.docker.com/_/eclipse-temurin'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (stage.parent) continue;
      const dep = deprecatedImage(stage.image);
      if (!dep) continue;
      const fix = dep.image === 'openjdk' ? replacementFix(ctx.model, stage) : undefined;
      ctx.report({
        start: stage.imageStart,
        end: stage.imageEnd,
        message: `${dep.image} is deprecated and no longer updated; use ${dep.replacement}`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});
