// Reviewed facts about base images: deprecated official images and end-of-life release lines.
// Every entry names its source and the date it was recorded; a test fails when one does not.
// EOL dates are the upstream projects' published schedules (day precision where the source gives it;
// where a source gives only a month, the last day of that month).

export interface DeprecatedImage {
  /** Official image name as written in FROM (without registry or library/). */
  image: string;
  since: string;
  replacement: string;
  source: string;
  recorded: string;
}

export interface EolLine {
  /** The product; for official images also the image name. */
  product: string;
  /** Release line as it appears at the start of a tag (node:18, python:3.9-slim) or a distro codename. */
  version: string;
  /** Codenames that stand for this line inside tags (`bullseye` in python:3.11-bullseye). */
  codenames?: string[];
  eol: string;
  source: string;
  recorded: string;
}

export interface SupportedLines { product: string; versions: string[]; source: string; recorded: string }

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

const NODE = 'https://github.com/nodejs/release#release-schedule';
const PY = 'https://devguide.python.org/versions/';
const GO = 'https://go.dev/doc/devel/release#policy';
const UBUNTU = 'https://ubuntu.com/about/release-cycle';
const DEBIAN = 'https://wiki.debian.org/LTS';
const ALPINE = 'https://alpinelinux.org/releases/';
const PHP = 'https://www.php.net/supported-versions.php';
const RUBY = 'https://www.ruby-lang.org/en/downloads/branches/';

export const EOL_LINES: EolLine[] = [
  ...([['12', '2022-04-30'], ['14', '2023-04-30'], ['16', '2023-09-11'], ['17', '2022-06-01'], ['18', '2025-04-30'], ['19', '2023-06-01'], ['20', '2026-04-30'], ['21', '2024-06-01'], ['23', '2025-06-01'], ['25', '2026-06-01']] as const)
    .map(([version, eol]) => ({ product: 'node', version, eol, source: NODE, recorded: R })),
  ...([['2.7', '2020-01-01'], ['3.6', '2021-12-23'], ['3.7', '2023-06-27'], ['3.8', '2024-10-07'], ['3.9', '2025-10-31'], ['3.10', '2026-10-31']] as const)
    .map(([version, eol]) => ({ product: 'python', version, eol, source: PY, recorded: R })),
  ...([['1.20', '2024-02-06'], ['1.21', '2024-08-13'], ['1.22', '2025-02-11'], ['1.23', '2025-08-12'], ['1.24', '2026-02-28']] as const)
    .map(([version, eol]) => ({ product: 'golang', version, eol, source: GO, recorded: R })),
  { product: 'ubuntu', version: '16.04', codenames: ['xenial'], eol: '2021-04-30', source: UBUNTU, recorded: R },
  { product: 'ubuntu', version: '18.04', codenames: ['bionic'], eol: '2023-05-31', source: UBUNTU, recorded: R },
  { product: 'ubuntu', version: '20.04', codenames: ['focal'], eol: '2025-05-31', source: UBUNTU, recorded: R },
  { product: 'ubuntu', version: '23.04', codenames: ['lunar'], eol: '2024-01-25', source: UBUNTU, recorded: R },
  { product: 'ubuntu', version: '23.10', codenames: ['mantic'], eol: '2024-07-11', source: UBUNTU, recorded: R },
  { product: 'ubuntu', version: '24.10', codenames: ['oracular'], eol: '2025-07-10', source: UBUNTU, recorded: R },
  { product: 'debian', version: '8', codenames: ['jessie'], eol: '2020-06-30', source: DEBIAN, recorded: R },
  { product: 'debian', version: '9', codenames: ['stretch'], eol: '2022-06-30', source: DEBIAN, recorded: R },
  { product: 'debian', version: '10', codenames: ['buster'], eol: '2024-06-30', source: DEBIAN, recorded: R },
  { product: 'debian', version: '11', codenames: ['bullseye'], eol: '2026-08-31', source: DEBIAN, recorded: R },
  ...([['3.15', '2023-11-01'], ['3.16', '2024-05-23'], ['3.17', '2024-11-22'], ['3.18', '2025-05-09'], ['3.19', '2025-11-01'], ['3.20', '2026-04-01']] as const)
    .map(([version, eol]) => ({ product: 'alpine', version, codenames: [`alpine${version}`], eol, source: ALPINE, recorded: R })),
  ...([['7.4', '2022-11-28'], ['8.0', '2023-11-26'], ['8.1', '2025-12-31']] as const)
    .map(([version, eol]) => ({ product: 'php', version, eol, source: PHP, recorded: R })),
  ...([['2.7', '2023-03-31'], ['3.0', '2024-04-23'], ['3.1', '2025-03-26'], ['3.2', '2026-03-31']] as const)
    .map(([version, eol]) => ({ product: 'ruby', version, eol, source: RUBY, recorded: R })),
];

/** Release lines still supported on the recorded date, for the hover's "use one of these". */
export const SUPPORTED_LINES: SupportedLines[] = [
  { product: 'node', versions: ['22', '24'], source: NODE, recorded: R },
  { product: 'python', versions: ['3.11', '3.12', '3.13', '3.14'], source: PY, recorded: R },
  { product: 'golang', versions: ['1.25', '1.26'], source: GO, recorded: R },
  { product: 'ubuntu', versions: ['22.04', '24.04'], source: UBUNTU, recorded: R },
  { product: 'debian', versions: ['12 (bookworm)', '13 (trixie)'], source: DEBIAN, recorded: R },
  { product: 'alpine', versions: ['3.21', '3.22'], source: ALPINE, recorded: R },
  { product: 'php', versions: ['8.2', '8.3', '8.4'], source: PHP, recorded: R },
  { product: 'ruby', versions: ['3.3', '3.4'], source: RUBY, recorded: R },
];
