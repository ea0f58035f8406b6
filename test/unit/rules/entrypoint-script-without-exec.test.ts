import rule from '../../../server/src/engine/rules/entrypoint-script-without-exec';
import { testRule } from '../../support/rule-tester';

const good = '#!/bin/sh\nset -e\nmkdir -p /tmp/cache\nexec "$@"\n';
const bad = '#!/bin/sh\nset -e\nmkdir -p /tmp/cache\n"$@"\n';

testRule(rule, {
  valid: [
    { name: 'exec "$@"', code: 'FROM node:22-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n', files: { 'docker-entrypoint.sh': good } },
    { name: 'script not in the context', code: 'FROM node:22-slim\nENTRYPOINT ["docker-entrypoint.sh"]\n', files: {} },
    { name: 'trap', code: 'FROM alpine:3.21\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n', files: { 'run.sh': '#!/bin/sh\ntrap "kill $pid" TERM\nnginx\n' } },
    { name: 'last command in an if', code: 'FROM alpine:3.21\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n', files: { 'run.sh': '#!/bin/sh\nif [ -n "$A" ]; then\n  nginx\nfi\n' } },
    { name: 'a function', code: 'FROM alpine:3.21\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n', files: { 'run.sh': '#!/bin/bash\nmain() {\n  exec nginx\n}\nmain "$@"\n' } },
    { name: 'not a shell script', code: 'FROM python:3.13-slim\nCOPY run.py /run.py\nCMD ["/run.py"]\n', files: { 'run.py': '#!/usr/bin/env python3\nprint(1)\n' } },
    { name: 'copied elsewhere', code: 'FROM alpine:3.21\nCOPY run.sh /opt/run.sh\nCMD ["/usr/bin/run.sh"]\n', files: { 'run.sh': bad } },
    { name: 'shell form', code: 'FROM alpine:3.21\nCOPY run.sh /run.sh\nCMD /run.sh\n', files: { 'run.sh': bad } },
    { name: 'ends with wait', code: 'FROM alpine:3.21\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n', files: { 'run.sh': '#!/bin/sh\nnginx &\nphp-fpm &\nwait\n' } },
  ],
  invalid: [
    {
      name: '"$@" without exec',
      code: 'FROM node:22-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n',
      files: { 'docker-entrypoint.sh': bad },
      errors: [{ at: '3:14-3:34', messageId: 'noExec', data: { script: 'docker-entrypoint.sh', command: '"$@"', line: '4' } }],
      output: null,
    },
    {
      name: 'behind tini, in a folder, bash',
      code: 'FROM debian:12-slim\nCOPY scripts/start.sh /app/start.sh\nENTRYPOINT ["tini", "--", "/app/start.sh"]\n',
      files: { 'scripts/start.sh': '#!/usr/bin/env bash\nset -euo pipefail\ncd /app\nnode server.js --port 80 # start\n' },
      errors: [{ at: '3:28-3:41', messageId: 'noExec', data: { script: 'scripts/start.sh', command: 'node server.js --port 80', line: '4' } }],
      output: null,
    },
    {
      name: 'CMD run by sh from a parent stage copy',
      code: 'FROM alpine:3.21 AS base\nCOPY run.sh /usr/local/bin/\nFROM base\nCMD ["sh", "/usr/local/bin/run.sh"]\n',
      files: { 'run.sh': '#!/bin/sh\nnginx -g "daemon off;"\n' },
      errors: [{ at: '4:13-4:34', messageId: 'noExec', data: { script: 'run.sh', command: 'nginx -g "daemon off;"', line: '2' } }],
      output: null,
    },
  ],
});
