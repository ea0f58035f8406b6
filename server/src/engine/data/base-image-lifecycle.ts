// Reviewed facts about base images: official images that are deprecated as a whole.
// Every entry names its source and the date it was recorded; a test fails when one does not.
// End-of-life release lines are not kept here: release-lines.generated.ts is generated from endoflife.date
// (npm run update:lifecycle), and model/image-lifecycle.ts says which images and tags name which line.

import type { MessageRef } from '../messages';

export interface DeprecatedImage {
  /** Official image name as written in FROM (without registry or library/). */
  image: string;
  since: string;
  /** What to use instead: one of REPLACEMENT_MESSAGES, whose words the rule reporting it translates. */
  replacement: MessageRef;
  source: string;
  recorded: string;
}

const R = '2026-11-22';

/** The wordings of the replacements, declared among the messages of deprecated-base-image (the hover uses them too). */
export const REPLACEMENT_MESSAGES = {
  useImage: '{image}',
  useImageOrOthers: '{image} (or {others})',
  useRhelCompatibleOr: '{first} or {second} (RHEL-compatible), or {third}',
  useImageWithPackage: '{image} with {package} installed by {installer}',
} as const;

const use = (image: string): MessageRef => ({ messageId: 'useImage', data: { image } });
const withPackage = (image: string, pkg: string, installer: string): MessageRef => ({ messageId: 'useImageWithPackage', data: { image, package: pkg, installer } });

export const DEPRECATED_IMAGES: DeprecatedImage[] = [
  { image: 'openjdk', since: '2022-07-01', replacement: { messageId: 'useImageOrOthers', data: { image: 'eclipse-temurin', others: 'amazoncorretto, ibm-semeru-runtimes' } }, source: 'https://hub.docker.com/_/openjdk', recorded: R },
  { image: 'java', since: '2017-01-01', replacement: use('eclipse-temurin'), source: 'https://hub.docker.com/_/java', recorded: R },
  { image: 'adoptopenjdk', since: '2021-08-01', replacement: use('eclipse-temurin'), source: 'https://hub.docker.com/_/adoptopenjdk', recorded: R },
  { image: 'centos', since: '2022-01-01', replacement: { messageId: 'useRhelCompatibleOr', data: { first: 'almalinux', second: 'rockylinux', third: 'quay.io/centos/centos:stream9' } }, source: 'https://hub.docker.com/_/centos', recorded: R },
  { image: 'django', since: '2016-12-31', replacement: withPackage('python', 'Django', 'pip'), source: 'https://hub.docker.com/_/django', recorded: R },
  { image: 'rails', since: '2016-12-31', replacement: withPackage('ruby', 'Rails', 'bundler'), source: 'https://hub.docker.com/_/rails', recorded: R },
  { image: 'iojs', since: '2016-12-31', replacement: use('node'), source: 'https://hub.docker.com/_/iojs', recorded: R },
  { image: 'celery', since: '2017-06-30', replacement: withPackage('python', 'Celery', 'pip'), source: 'https://hub.docker.com/_/celery', recorded: R },
];
