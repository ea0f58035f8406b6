import rule from '../../../server/src/engine/rules/node-tls-verify-off';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n',
    { name: 'only 0 turns it off; unknown values; no default', code: 'FROM node:22-slim\nARG NODE_TLS_REJECT_UNAUTHORIZED\nENV NODE_TLS_REJECT_UNAUTHORIZED=${TLS:-1}\nRUN NODE_TLS_REJECT_UNAUTHORIZED=false node x.js\n' },
    { name: 'echo and a bare assignment', code: 'FROM node:22-slim\nRUN echo NODE_TLS_REJECT_UNAUTHORIZED=0 && NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nENV NODE_ENV=production \\\n    NODE_TLS_REJECT_UNAUTHORIZED=0\n',
      errors: [{ at: '3:5-3:35', messageId: 'verifyOff', data: { name: 'NODE_TLS_REJECT_UNAUTHORIZED' }, fixes: ['removeVariable'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nENV NODE_ENV=production\n',
    },
    {
      name: 'on a RUN command, in sh -c, exported among others',
      code: 'FROM node:22-slim\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\nRUN sh -c \'NODE_TLS_REJECT_UNAUTHORIZED=0 yarn install\'\nRUN export A=1 NODE_TLS_REJECT_UNAUTHORIZED=\'0\' && npm ci\n',
      errors: [
        { at: '2:5-2:35', messageId: 'verifyOff', fixes: ['removeVariable'] },
        { at: '3:12-3:42', messageId: 'verifyOff', fixes: ['removeVariable'] },
        { at: '4:16-4:48', messageId: 'verifyOff', fixes: ['removeVariable'] },
      ],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nRUN npm ci\nRUN sh -c \'yarn install\'\nRUN export A=1 && npm ci\n',
    },
  ],
});
