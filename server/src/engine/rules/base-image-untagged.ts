import { defineRule } from '../rule';
import { namedToTrackLatest } from './support';

export default defineRule({
  meta: {
    id: 'base-image-untagged',
    aliases: { hadolint: 'DL3006' },
    counterparts: {
      tally: ['hadolint/DL3006'],
      checkov: ['CKV_DOCKER_7'],
      trivy: ['DS-0001'],
      kics: ['Image Version Not Explicit'],
      sonar: ['S6596'],
      differences: 'Reports a missing tag apart from an explicit `latest` (base-image-latest), where Trivy, Checkov and Sonar report both in one check, and skips files named for the purpose such as `Dockerfile-nightly`.',
    },
    category: 'reproducibility',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      untagged: 'Base image {image} has no tag, so every build pulls whatever "latest" is that day',
    },
    docs: {
      summary: 'Base image without a tag',
      why: 'Without a tag Docker pulls `latest`, which moves: the same Dockerfile builds a different image next month, possibly with a new major version of the OS or runtime. Pin a tag (and ideally a digest) so builds are reproducible and upgrades are deliberate. Not reported in a file named for the purpose (`Dockerfile.latest`, `Dockerfile-nightly`, `edge.Dockerfile`), which follows the newest base on purpose.',
      examples: [
        { bad: 'FROM python\n', good: 'FROM python:3.13-slim\n' },
        { bad: 'ARG BASE=node\nFROM ${BASE}\n', good: 'ARG BASE=node:22-slim\nFROM ${BASE}\n', note: 'ARG defaults are resolved.' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#from'],
    },
  },
  check(ctx) {
    // A `Dockerfile.latest` beside the pinned one follows the newest base by design.
    if (namedToTrackLatest(ctx.files)) return;
    for (const stage of ctx.model.stages) {
      const img = stage.image;
      // A variable without a default could be anything; stages, scratch and digests are exact.
      if (!img.resolved || img.unresolved.length || img.tag || img.digest || img.name.toLowerCase() === 'scratch' || stage.parent) continue;
      if (img.resolved.includes('$')) continue;
      // Docker rejects a repository name with capitals: `FROM REPLACE-ME` is a placeholder a script fills in, not
      // an image without a tag.
      if (/[A-Z]/.test(img.name)) continue;
      ctx.report({ start: stage.imageStart, end: stage.imageEnd, messageId: 'untagged', data: { image: img.resolved }, related: ctx.model.contextDeclaredAt(img.context) });
    }
  },
});
