import { defineRule } from '../rule';
import { namedToTrackLatest } from './support';

export default defineRule({
  meta: {
    id: 'base-image-latest',
    aliases: { hadolint: 'DL3007' },
    counterparts: {
      tally: ['hadolint/DL3007'],
      checkov: ['CKV_DOCKER_7'],
      trivy: ['DS-0001'],
      kics: ["Image Version Using 'latest'"],
      sonar: ['S6596'],
      differences: 'Reports an explicit `latest` apart from a missing tag (base-image-untagged), where Trivy, Checkov and Sonar report both in one check, and skips files named for the purpose such as `Dockerfile.latest`.',
    },
    category: 'reproducibility',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      latestTag: 'Base image {image} uses the moving "latest" tag; pin a version',
    },
    docs: {
      summary: 'Base image tagged `latest`',
      why: '`latest` is not a version: it moves whenever the image is republished, so two builds of the same Dockerfile can differ in OS, runtime and security patches. Use a version tag (and ideally a digest) to make builds reproducible. Not reported in a file named for the purpose (`Dockerfile.latest`, `Dockerfile-nightly`, `edge.Dockerfile`), which follows the newest base on purpose.',
      examples: [
        { bad: 'FROM alpine:latest\n', good: 'FROM alpine:3.21\n' },
        { bad: 'ARG TAG=latest\nFROM nginx:${TAG}\n', good: 'ARG TAG=1.27\nFROM nginx:${TAG}\n' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#from'],
    },
  },
  check(ctx) {
    // A `Dockerfile.latest` beside the pinned one follows the newest base by design.
    if (namedToTrackLatest(ctx.files)) return;
    for (const stage of ctx.model.stages) {
      const img = stage.image;
      if (img.tag !== 'latest' || img.digest) continue;
      const tag = img.spans?.tag;
      const start = tag ? stage.imageStart + tag.start : stage.imageStart;
      const end = tag ? stage.imageStart + tag.end : stage.imageEnd;
      ctx.report({ start, end, messageId: 'latestTag', data: { image: img.resolved }, related: ctx.model.contextDeclaredAt(img.context) });
    }
  },
});
