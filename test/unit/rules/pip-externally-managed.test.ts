import rule from '../../../server/src/engine/rules/pip-externally-managed';
import { testRule } from '../../support/rule-tester';

const APT = 'RUN apt-get update && apt-get install -y --no-install-recommends python3-pip\n';

testRule(rule, {
  valid: [
    { name: 'the official python image', code: 'FROM python:3.12-slim-bookworm\nRUN pip install requests\n' },
    { name: 'bullseye is not marked', code: `FROM debian:bullseye\n${APT}RUN pip3 install requests\n` },
    { name: 'Ubuntu 22.04 is not marked', code: `FROM ubuntu:22.04\n${APT}RUN pip3 install requests\n` },
    { name: 'a virtual environment', code: `FROM debian:12\n${APT}RUN python3 -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install requests\n` },
    { name: 'the venv\'s pip by its path', code: `FROM debian:12\n${APT}RUN /opt/venv/bin/pip install requests\n` },
    { name: '--break-system-packages, abbreviated too', code: `FROM debian:12\n${APT}RUN pip3 install --break-system-packages requests && pip3 install --break-system x\n` },
    { name: 'the override in ENV', code: `FROM debian:12\nENV PIP_BREAK_SYSTEM_PACKAGES=1\n${APT}RUN pip3 install requests\n` },
    { name: 'the override as a prefix', code: `FROM ubuntu:24.04\n${APT}RUN PIP_BREAK_SYSTEM_PACKAGES=1 pip3 install requests\n` },
    { name: 'into a target directory', code: `FROM debian:12\n${APT}RUN pip3 install --target /app/deps requests && pip3 install -t /x y && pip3 install --prefix=/usr/local z\n` },
    { name: 'the marker removed', code: `FROM debian:12\n${APT}RUN rm /usr/lib/python3.11/EXTERNALLY-MANAGED && pip3 install requests\n` },
    { name: 'pip not installed by apt: not certain', code: 'FROM debian:12\nRUN pip install requests\n' },
    { name: 'an unknown release', code: `FROM debian:latest\n${APT}RUN pip3 install requests\n` },
    { name: 'a pip.conf copied in', code: `FROM debian:12\n${APT}COPY pip.conf /etc/pip.conf\nRUN pip3 install requests\n` },
    { name: 'pip download is no install', code: `FROM debian:12\n${APT}RUN pip3 download requests\n` },
  ],
  invalid: [
    {
      name: 'pip3 on bookworm',
      code: `FROM debian:bookworm-slim\n${APT}RUN pip3 install --no-cache-dir requests\n`,
      errors: [{ at: '3:5-3:17', messageId: 'externallyManaged', data: { command: 'pip3 install', image: 'debian:bookworm-slim' } }],
    },
    {
      name: 'python3 -m pip --user on Ubuntu 24.04, in the same RUN',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3-pip && python3 -m pip install --user requests\n',
      errors: [{ at: '2:57-2:79', messageId: 'externallyManaged', data: { command: 'python3 -m pip install', image: 'ubuntu:24.04' } }],
    },
    {
      name: 'a stage built FROM another, node on bookworm',
      code: `FROM node:22-bookworm AS base\n${APT}FROM base\nRUN pip install awscli\n`,
      errors: [{ at: '4:5-4:16', messageId: 'externallyManaged', data: { command: 'pip install', image: 'node:22-bookworm' } }],
    },
  ],
});
