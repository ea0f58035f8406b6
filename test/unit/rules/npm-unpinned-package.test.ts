import rule from '../../../server/src/engine/rules/npm-unpinned-package';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nRUN npm install\n',
    'FROM node:22-slim\nRUN npm ci --omit=dev\n',
    'FROM node:22-slim\nRUN npm install -g pm2@5.4.2 @scope/tool@1.0.0 ./local ../x.tgz\n',
    'FROM node:22-slim\nRUN npm install git+https://github.com/a/b.git#v1.2.0\n',
    'FROM node:22-slim\nRUN npm install --registry https://npm.example.com express@4.19.2\n',
  ],
  invalid: [
    { code: 'FROM node:22-slim\nRUN npm install -g pm2\n', errors: [{ at: '2:20-2:23', messageId: 'unpinned', message: /`pm2`/ }] },
    {
      name: 'a scope is not a version, @latest is not a version, i and add, git without a ref, ONBUILD',
      code: 'FROM node:22-slim\nRUN npm i @scope/tool && npm add express@latest git+ssh://git@github.com/a/b.git\nONBUILD RUN npm install typescript\n',
      errors: [{ at: '2:11-2:22', messageId: 'unpinned' }, { at: '2:34-2:81', messageId: 'unpinned', message: /^Pin the version of `express@latest` \(`npm install <package>@<version>`\); the revision of `git\+ssh:\/\/git@github.com\/a\/b.git` \(end the URL with `#<tag>`/ }, { at: '3:25-3:35', messageId: 'unpinned' }],
    },
  ],
});
