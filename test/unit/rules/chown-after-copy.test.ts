import rule from '../../../server/src/engine/rules/chown-after-copy';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node . .\n',
    { name: 'chown of a path nothing was copied to', code: 'FROM node:22-slim\nCOPY . /app\nRUN chown -R node:node /data\n' },
    { name: 'chown before the COPY', code: 'FROM node:22-slim\nRUN mkdir /app && chown -R node /app\nCOPY . /app\n' },
    { name: 'not recursive', code: 'FROM node:22-slim\nCOPY . /app\nRUN chown node /app\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nCOPY src ./src\nRUN chown -R node:node /app\nUSER node\n',
      errors: [{ at: '5:5-5:28', messageId: 'chownRewritesCopy', data: { lines: '3, 4', owner: 'node:node' }, message: /line 3, 4/, fixes: ['useCopyChown'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node package*.json ./\nCOPY --chown=node:node src ./src\nUSER node\n',
    },
    {
      // Found by the property tests (FUZZ_SEED=271828182): dropping the RUN dropped its --mount.
      name: 'a RUN with flags of its own: reported without a fix',
      code: 'FROM alpine:3.21\nCOPY app /srv/\nRUN --mount=type=secret,id=npm,target=/root/.npmrc chown -R 1:1 /srv\n',
      errors: [{ at: '3:52-3:69', messageId: 'chownRewritesCopy' }],
      output: null,
    },
    {
      name: 'another target nothing was copied to: the RUN stays',
      code: 'FROM node:22-slim\nCOPY . /app\nRUN chown -R node:node /app /data\n',
      errors: [{ at: '3:5-3:34', messageId: 'chownRewritesCopy' }],
      output: null,
    },
    {
      name: 'the folder around the copied file holds other files: the RUN stays',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache privoxy\nCOPY privoxy.conf /etc/privoxy/config\nRUN chown -R privoxy /etc/privoxy\n',
      errors: [{ at: '4:5-4:34', messageId: 'chownRewritesCopy' }],
      output: null,
    },
    {
      name: 'the copied file itself',
      code: 'FROM debian:12-slim\nCOPY torrc /etc/tor/torrc\nRUN chown -R debian-tor /etc/tor/torrc\n',
      errors: [{ at: '3:5-3:39', messageId: 'chownRewritesCopy', fixes: ['useCopyChown'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nCOPY --chown=debian-tor torrc /etc/tor/torrc\n',
    },
    {
      name: 'chained with other work: reported without a fix',
      code: 'FROM python:3.13-slim\nCOPY . /srv/app\nRUN useradd -r app && chown -R app:app /srv\n',
      errors: [{ at: '3:23-3:44', messageId: 'chownRewritesCopy' }],
      output: null,
    },
  ],
});
