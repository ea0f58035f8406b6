import rule from '../../../server/src/engine/rules/sorted-package-list';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get install -y ca-certificates curl git\n',
    { name: 'groups split by a comment line or an empty continuation', code: 'FROM debian:12-slim\nRUN apt-get install -y \\\n  wget \\\n  xz-utils \\\n# build\n  curl \\\n  \\\n  bash \\\n  dpkg-dev \\\n  gcc\n' },
    { name: 'a pair on one line in a sorted list', code: 'FROM alpine:3.21\nRUN apk add \\\n    bzip2-dev \\\n    dpkg-dev dpkg \\\n    gcc\n' },
    { name: 'sorted the way `sort` does in a UTF-8 locale (punctuation ignored)', code: 'FROM debian:12-slim\nRUN apt-get install -y libssl1.0.0 libssl-dev libxslt1.1 libxslt1-dev\n' },
    { name: 'sorted by bytes', code: 'FROM debian:12-slim\nRUN apt-get install -y libssl-dev libssl1.0.0 libxslt1-dev libxslt1.1\n' },
    { name: 'two packages', code: 'FROM debian:12-slim\nRUN apt-get install -y git curl\n' },
    { name: 'a variable in the list', code: 'FROM php:8.3-cli\nRUN apk add --no-cache --virtual .build-deps $PHPIZE_DEPS zlib-dev curl-dev\n' },
    { name: 'quoted word', code: 'FROM debian:12-slim\nRUN apt-get install -y "git" curl bash\n' },
    { name: 'case is ignored', code: 'FROM python:3.13-slim\nRUN pip install Flask gunicorn Jinja2\n' },
    { name: 'option values are not packages', code: 'FROM debian:12-slim\nRUN apt-get install -y -t bookworm-backports curl git zsh\n' },
    { name: 'echo of an install', code: 'FROM debian:12-slim\nRUN echo apt-get install zsh git curl\n' },
    { name: 'apt-get remove is not an install', code: 'FROM debian:12-slim\nRUN apt-get purge -y zsh git curl\n' },
    { name: 'npm is not judged', code: 'FROM node:22\nRUN npm install -g typescript eslint prettier\n' },
    { name: 'a glob', code: 'FROM debian:12-slim\nRUN apt-get install -y zsh php8.2-* curl\n' },
  ],
  invalid: [
    {
      name: 'one package per line: the layout stays; a group after a comment line is sorted on its own',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    git \\\n    curl \\\n    ca-certificates \\\n# build tools\n    make \\\n    gcc \\\n    \\\n    zsh \\\n    bash \\\n    vim \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: [
        { at: '4:5-4:9', messageId: 'unsorted', data: { package: 'curl', previous: 'git' }, fixes: ['sortPackages'] },
        { at: '11:5-11:9', messageId: 'unsorted', data: { package: 'bash', previous: 'zsh' }, fixes: ['sortPackages'] },
      ],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    ca-certificates \\\n    curl \\\n    git \\\n# build tools\n    make \\\n    gcc \\\n    \\\n    bash \\\n    vim \\\n    zsh \\\n && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'lines are the units: a pair on one line is not judged inside, and not split (no fix)',
      code: 'FROM alpine:3.21\nRUN apk add --no-cache \\\n    gcc \\\n    dpkg-dev dpkg \\\n    bzip2-dev\n',
      errors: [{ at: '4:5-4:13', messageId: 'unsorted', data: { package: 'dpkg-dev', previous: 'gcc' } }],
      output: null,
    },
    {
      name: 'apk with a flag between packages, inside sh -c',
      code: 'FROM alpine:3.21\nRUN sh -c "apk add --no-cache zsh bash --virtual .x curl"\n',
      errors: [{ at: '2:35-2:39', messageId: 'unsorted', data: { package: 'bash', previous: 'zsh' }, fixes: ['sortPackages'] }],
      output: 'FROM alpine:3.21\nRUN sh -c "apk add --no-cache bash curl --virtual .x zsh"\n',
    },
    {
      name: 'pip: unsafe',
      code: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir requests==2.32.3 flask==3.1.0 gunicorn==23.0.0\n',
      errors: [{ at: '2:49-2:61', messageId: 'unsorted', data: { package: 'flask==3.1.0', previous: 'requests==2.32.3' }, fixes: ['sortPipPackages'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask==3.1.0 gunicorn==23.0.0 requests==2.32.3\n',
    },
    {
      name: 'sudo dnf with versions',
      code: 'FROM fedora:41\nRUN sudo dnf install -y vim-enhanced-9.1 git tar\n',
      errors: [{ at: '2:42-2:45', messageId: 'unsorted', data: { package: 'git', previous: 'vim-enhanced-9.1' }, fixes: ['sortPackages'] }],
      output: 'FROM fedora:41\nRUN sudo dnf install -y git tar vim-enhanced-9.1\n',
    },
  ],
});
