import rule from '../../../server/src/engine/rules/package-upgrade-in-build';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { name: 'named packages', code: 'FROM alpine:3.21\nRUN apk upgrade --no-cache openssl\nRUN dnf -y upgrade openssl\n' },
    { name: 'install --only-upgrade', code: 'FROM debian:12-slim\nRUN apt-get install -y --only-upgrade openssl\n' },
    { name: 'zypper dist-upgrade has its own rule', code: 'FROM opensuse/leap:15.6\nRUN zypper -n dup\n' },
    { name: 'index refresh', code: 'FROM alpine:3.21\nRUN apk update\n' },
    { name: 'echo', code: 'FROM debian:12-slim\nRUN echo apt-get upgrade\n' },
    { name: 'simulation', code: 'FROM debian:12-slim\nRUN apt-get -s upgrade\n' },
    { name: 'pip upgrade', code: 'FROM python:3.13-slim\nRUN pip install --upgrade pip\n' },
  ],
  invalid: [
    {
      name: 'apt-get upgrade and dist-upgrade',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get -y upgrade && apt-get dist-upgrade -y\n',
      errors: [
        { at: '2:34-2:41', messageId: 'upgradesAll', data: { command: 'apt-get upgrade' } },
        { at: '2:53-2:65', messageId: 'upgradesAll', data: { command: 'apt-get dist-upgrade' } },
      ],
      output: null,
    },
    {
      name: 'apk, yum, dnf, zypper, sudo',
      code: 'FROM alpine:3.21\nRUN apk -U upgrade --no-cache\nRUN yum -y update\nRUN sudo dnf -q up -y\nRUN zypper -n patch\n',
      errors: [
        { at: '2:12-2:19', messageId: 'upgradesAll', data: { command: 'apk upgrade' } },
        { at: '3:12-3:18', messageId: 'upgradesAll', data: { command: 'yum update' } },
        { at: '4:17-4:19', messageId: 'upgradesAll', data: { command: 'dnf up' } },
        { at: '5:15-5:20', messageId: 'upgradesAll', data: { command: 'zypper patch' } },
      ],
      output: null,
    },
    {
      name: 'inside sh -c and ONBUILD',
      code: "FROM debian:12-slim\nRUN sh -c 'apt-get full-upgrade -y'\nONBUILD RUN apt upgrade -y\n",
      errors: [
        { at: '2:20-2:32', messageId: 'upgradesAll', data: { command: 'apt-get full-upgrade' } },
        { at: '3:17-3:24', messageId: 'upgradesAll', data: { command: 'apt upgrade' } },
      ],
      output: null,
    },
  ],
});
