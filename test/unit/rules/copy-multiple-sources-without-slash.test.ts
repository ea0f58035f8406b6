import rule from '../../../server/src/engine/rules/copy-multiple-sources-without-slash';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nCOPY package.json package-lock.json /app/\n',
    'FROM node:22-slim\nCOPY package.json /app/package.json\n',
    'FROM node:22-slim\nCOPY ["a", "b", "/app/"]\n',
    'FROM node:22-slim\nCOPY a b $DEST\n',
    { name: 'a Windows folder ends in a backslash', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from=build C:\\\\a.dll C:\\\\b.dll C:\\\\Windows\\\\System32\\\\\n\nENV A=1\n' },
    { name: '--from without = is a flag Docker rejects, not a source', code: 'FROM nginx:1.27\nCOPY --from build /app/public/* /usr/share/nginx/html\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nCOPY --chown=node package.json package-lock.json /app\n',
      errors: [{ at: '2:50-2:54', messageId: 'destinationNotFolder', data: { count: '2' }, message: /2 sources/, fixes: ['addTrailingSlash'] }],
      output: 'FROM node:22-slim\nCOPY --chown=node package.json package-lock.json /app/\n',
    },
    {
      name: 'JSON form, quotes, ADD, and ONBUILD',
      code: 'FROM node:22-slim\nCOPY ["a", "b", "/app"]\nADD a.txt b.txt "/srv"\nONBUILD COPY x y z\n',
      errors: [{ at: '2:18-2:22', messageId: 'destinationNotFolder', fixes: ['addTrailingSlash'] }, { at: '3:18-3:22', messageId: 'destinationNotFolder', fixes: ['addTrailingSlash'] }, { at: '4:18-4:19', messageId: 'destinationNotFolder', data: { count: '2' }, fixes: ['addTrailingSlash'] }],
      output: 'FROM node:22-slim\nCOPY ["a", "b", "/app/"]\nADD a.txt b.txt "/srv/"\nONBUILD COPY x y z/\n',
    },
  ],
});
