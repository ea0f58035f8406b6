import rule from '../../../server/src/engine/rules/apt-key-deprecated';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSL https://x/key -o /etc/apt/keyrings/x.asc\n',
    { name: 'older than the deprecation', code: 'FROM debian:buster\nRUN curl -fsSL https://x/key | apt-key add -\n' },
    { name: 'Ubuntu 20.04', code: 'FROM ubuntu:20.04\nRUN apt-key adv --keyserver keyserver.ubuntu.com --recv-keys ABCD\n' },
    { name: 'apt-key list', code: 'FROM debian:12\nRUN apt-key list\n' },
    { name: 'mentioned, not run', code: 'FROM debian:12\nRUN echo apt-key add - && true\n' },
  ],
  invalid: [
    {
      name: 'on bookworm',
      code: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://x/key | apt-key add -\n',
      errors: [{ at: '2:32-2:43', messageId: 'aptKeyDeprecated', data: { subcommand: 'add' } }],
    },
    {
      name: 'an unknown release, adv, with --keyring before it',
      code: 'FROM node:22\nRUN apt-key --keyring /etc/apt/trusted.gpg.d/x.gpg adv --recv-keys ABCD\n',
      errors: [{ at: '2:5-2:55', messageId: 'aptKeyDeprecated', data: { subcommand: 'adv' } }],
    },
    {
      name: 'on trixie, through a stage and sudo',
      code: 'FROM python:3.13-slim-trixie AS base\nFROM base\nRUN wget -qO- https://x/key | sudo apt-key add -\n',
      errors: [{ at: '3:36-3:47', messageId: 'aptKeyRemoved', data: { release: 'python:3.13-slim-trixie' } }],
    },
    {
      name: 'on Ubuntu 25.04 and debian:13',
      code: 'FROM ubuntu:25.04\nRUN apt-key add /tmp/k.asc\nFROM debian:13\nRUN apt-key add /tmp/k.asc\n',
      errors: [{ at: '2:5-2:16', messageId: 'aptKeyRemoved', data: { release: 'ubuntu:25.04' } }, { at: '4:5-4:16', messageId: 'aptKeyRemoved', data: { release: 'debian:13' } }],
    },
  ],
});
