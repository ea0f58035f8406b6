import rule from '../../../server/src/engine/rules/npm-strict-ssl-off';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nRUN npm config set strict-ssl true && npm ci\n',
    { name: 'other settings, echo, a comment', code: 'FROM node:22-slim\n# npm config set strict-ssl false\nRUN npm config set registry https://r.example && echo npm config set strict-ssl false\n' },
    { name: 'true values, unknown values, config get', code: 'FROM node:22-slim\nENV NPM_CONFIG_STRICT_SSL=true npm_config_strict_ssl=$SSL\nRUN npm config get strict-ssl && npm --strict-ssl=true ci\n' },
  ],
  invalid: [
    {
      name: 'the command goes with its &&',
      code: 'FROM node:22-slim\nRUN npm config set strict-ssl false && npm ci\n',
      errors: [{ at: '2:20-2:36', messageId: 'configOff', data: { key: 'strict-ssl', value: 'false', tool: 'npm' }, fixes: ['removeCommand'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nRUN npm ci\n',
    },
    {
      name: 'npm c set with =, npm set among other pairs, yarn and pnpm',
      code: 'FROM node:22-slim\nRUN npm ci && npm c set strict-ssl=false\nRUN npm set registry=https://r.example strict-ssl=false && npm ci\nRUN yarn config set enableStrictSsl false && pnpm config set strict-ssl false -g\n',
      errors: [
        { at: '2:25-2:41', messageId: 'configOff', fixes: ['removeCommand'] },
        { at: '3:40-3:56', messageId: 'configOff', fixes: ['removeSetting'] },
        { at: '4:21-4:42', messageId: 'configOff', data: { key: 'enableStrictSsl', value: 'false', tool: 'yarn' }, fixes: ['removeCommand'] },
        { at: '4:62-4:78', messageId: 'configOff', data: { key: 'strict-ssl', value: 'false', tool: 'pnpm' }, fixes: ['removeCommand'] },
      ],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nRUN npm ci\nRUN npm set registry=https://r.example && npm ci\n',
    },
    {
      name: 'flags on an npm command',
      code: 'FROM node:22-slim\nRUN npm ci --strict-ssl=false && npm install --no-strict-ssl x && npm --strict-ssl false ci\n',
      errors: [
        { at: '2:12-2:30', messageId: 'flagOff', data: { flag: '--strict-ssl=false' }, fixes: ['removeFlag'] },
        { at: '2:46-2:61', messageId: 'flagOff', fixes: ['removeFlag'] },
        { at: '2:71-2:89', messageId: 'flagOff', data: { flag: '--strict-ssl false' }, fixes: ['removeFlag'] },
      ],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nRUN npm ci && npm install x && npm ci\n',
    },
    {
      name: 'the variable in any case',
      code: 'FROM node:22-slim\nENV NPM_CONFIG_STRICT_SSL=false\nRUN npm_config_strict_ssl=false npm ci\nENV YARN_ENABLE_STRICT_SSL=0\n',
      errors: [
        { at: '2:5-2:32', messageId: 'variableOff', data: { name: 'NPM_CONFIG_STRICT_SSL', value: 'false' }, fixes: ['removeVariable'] },
        { at: '3:5-3:32', messageId: 'variableOff', fixes: ['removeVariable'] },
        { at: '4:5-4:29', messageId: 'variableOff', fixes: ['removeVariable'] },
      ],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nRUN npm ci\n',
    },
  ],
});
