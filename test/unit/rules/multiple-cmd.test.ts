import rule from '../../../server/src/engine/rules/multiple-cmd';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nCMD ["node", "server.js"]\n',
    { name: 'a child stage may override its parent', code: 'FROM node:22-slim AS base\nCMD ["node"]\nFROM base\nCMD ["node", "server.js"]\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nCMD ["node", "worker.js"]\n# the real one\nCMD ["node", "server.js"]\n',
      errors: [{ at: '2:1-2:4', messageId: 'overridden', message: /line 4/, fixes: ['removeIgnored'] }],
      output: 'FROM node:22-slim\n# the real one\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'multi-line CMD removed whole, twice',
      code: 'FROM node:22-slim\nCMD node \\\n  a.js\nCMD node b.js\nCMD ["node", "c.js"]\n',
      errors: [{ at: '2:1-2:4', messageId: 'overridden', fixes: ['removeIgnored'] }, { at: '4:1-4:4', messageId: 'overridden', fixes: ['removeIgnored'] }],
      output: 'FROM node:22-slim\nCMD ["node", "c.js"]\n',
    },
  ],
});
