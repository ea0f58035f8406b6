import rule from '../../../server/src/engine/rules/manifest-without-lockfile';
import { testRule } from '../../support/rule-tester';

const npm = { 'package.json': '{}\n', 'package-lock.json': '{}\n' };

testRule(rule, {
  valid: [
    { name: 'lockfile copied', code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n', files: npm },
    { name: 'glob brings the lockfile', code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n', files: npm },
    { name: 'lockfile copied by another COPY', code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nCOPY yarn.lock ./\nRUN yarn install\n', files: { 'package.json': '{}', 'yarn.lock': '' } },
    { name: 'no lockfile in the context', code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\n', files: { 'package.json': '{}' } },
    { name: 'no install after', code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nRUN node -e "1"\n', files: npm },
    { name: 'from another stage', code: 'FROM node:22-slim AS a\nFROM node:22-slim\nCOPY --from=a /app/package.json ./\nRUN npm ci\n', files: npm },
    { name: 'without the context', code: 'FROM node:22-slim\nCOPY package.json ./\nRUN npm ci\n' },
    { name: 'pip reads no poetry.lock', code: 'FROM python:3.13-slim\nCOPY pyproject.toml ./\nRUN pip install .\n', files: { 'pyproject.toml': '', 'poetry.lock': '' } },
    { name: 'npm with only a yarn.lock', code: 'FROM node:22-slim\nCOPY package.json ./\nRUN npm install\n', files: { 'package.json': '{}', 'yarn.lock': '' } },
    { name: 'go.sum copied', code: 'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN go mod download\n', files: { 'go.mod': '', 'go.sum': '' } },
  ],
  invalid: [
    {
      name: 'package.json without package-lock.json',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\n',
      files: npm,
      errors: [{ at: '3:6-3:18', messageId: 'missingLockfile', data: { manifest: 'package.json', installer: 'npm', lockfile: 'package-lock.json' }, fixes: ['addLockfile'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\n',
    },
    {
      name: 'in a folder, JSON form',
      code: 'FROM golang:1.23\nWORKDIR /src\nCOPY ["svc/go.mod", "./"]\nRUN go mod download\n',
      files: { 'svc/go.mod': '', 'svc/go.sum': '' },
      errors: [{ at: '3:8-3:18', messageId: 'missingLockfile', data: { manifest: 'svc/go.mod', installer: 'go', lockfile: 'svc/go.sum' }, fixes: ['addLockfile'] }],
      output: null,
      unsafeOutput: 'FROM golang:1.23\nWORKDIR /src\nCOPY ["svc/go.mod", "svc/go.sum", "./"]\nRUN go mod download\n',
    },
    {
      name: 'destination is a file: no fix; several manifests',
      code: 'FROM ruby:3.3\nCOPY Gemfile /app/Gemfile\nCOPY "composer.json" ./\nRUN bundle install && composer install\n',
      files: { Gemfile: '', 'Gemfile.lock': '', 'composer.json': '{}', 'composer.lock': '{}' },
      errors: [
        { at: '2:6-2:13', messageId: 'missingLockfile', data: { manifest: 'Gemfile', installer: 'bundle', lockfile: 'Gemfile.lock' } },
        { at: '3:7-3:20', messageId: 'missingLockfile', data: { manifest: 'composer.json', installer: 'composer', lockfile: 'composer.lock' }, fixes: ['addLockfile'] },
      ],
      output: null,
      unsafeOutput: 'FROM ruby:3.3\nCOPY Gemfile /app/Gemfile\nCOPY "composer.json" composer.lock ./\nRUN bundle install && composer install\n',
    },
  ],
});
