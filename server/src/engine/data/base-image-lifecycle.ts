// Reviewed facts about base images: official images that are deprecated as a whole.
// Every entry names its source and the date it was recorded; a test fails when one does not.
// End-of-life release lines are not kept here: release-lines.generated.ts is generated from endoflife.date
// (npm run update:lifecycle), and model/image-lifecycle.ts says which images and tags name which line.

export interface DeprecatedImage {
  /** Official image name as written in FROM (without registry or library/). */
  image: string;
  since: string;
  replacement: string;
  source: string;
  recorded: string;
}

const R = '2026-11-22';

export const DEPRECATED_IMAGES: DeprecatedImage[] = [
  { image: 'openjdk', since: '2022-07-01', replacement: 'eclipse-temurin (or amazoncorretto, ibm-semeru-runtimes)', source: 'https://hub.docker.com/_/openjdk', recorded: R },
  { image: 'java', since: '2017-01-01', replacement: 'eclipse-temurin', source: 'https://hub.docker.com/_/java', recorded: R },
  { image: 'adoptopenjdk', since: '2021-08-01', replacement: 'eclipse-temurin', source: 'https://hub.docker.com/_/adoptopenjdk', recorded: R },
  { image: 'centos', since: '2022-01-01', replacement: 'almalinux or rockylinux (RHEL-compatible), or quay.io/centos/centos:stream9', source: 'https://hub.docker.com/_/centos', recorded: R },
  { image: 'django', since: '2016-12-31', replacement: 'python with Django installed by pip', source: 'https://hub.docker.com/_/django', recorded: R },
  { image: 'rails', since: '2016-12-31', replacement: 'ruby with Rails installed by bundler', source: 'https://hub.docker.com/_/rails', recorded: R },
  { image: 'iojs', since: '2016-12-31', replacement: 'node', source: 'https://hub.docker.com/_/iojs', recorded: R },
  { image: 'celery', since: '2017-06-30', replacement: 'python with Celery installed by pip', source: 'https://hub.docker.com/_/celery', recorded: R },
];
