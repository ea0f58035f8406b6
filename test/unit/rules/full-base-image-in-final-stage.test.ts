import rule from '../../../server/src/engine/rules/full-base-image-in-final-stage';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM python:3.13-slim\n',
    'FROM node:22-alpine\n',
    { name: 'builder stage may be full', code: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\n' },
    { name: 'temurin JDK that does not just run a jar', code: 'FROM eclipse-temurin:21-jdk\nCMD ["jshell"]\n' },
    { name: 'no slim variant', code: 'FROM php:8.3-apache\n' },
    // Images meant to work in or build on are full on purpose (slim has no compilers, no curl); these four bare
    // files were reported before the issue said so. With an application command they still are (below).
    { name: 'no command: a base image', code: 'FROM node:22-bookworm\n' },
    { name: 'no command, with a codename', code: 'FROM python:3.12-bookworm\n' },
    { name: 'no command, compiling', code: 'FROM python:3.13\nRUN make\n' },
    { name: 'no command, tag from an ARG: a Dev Container definition', code: 'ARG VARIANT=3-trixie\nFROM python:${VARIANT}\nRUN apt-get update && apt-get purge -y imagemagick\n' },
    { name: 'buildpack-deps built on debian', code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl wget\n' },
    { name: 'a language prompt for a command', code: 'FROM python:3.13\nCMD ["python3"]\n' },
    { name: 'a dev target', code: 'FROM node:22 AS dev\nCMD ["npm", "run", "dev"]\n' },
    { name: 'kept alive for people to work in', code: 'FROM ubuntu:24.04 AS base\nFROM debian:bookworm\nCMD ["sleep", "infinity"]\n' },
  ],
  invalid: [
    { code: 'FROM python:3.13\nCMD ["python", "app.py"]\n', errors: [{ at: '1:13-1:17', messageId: 'fullVariant', data: { image: 'python', tag: '3.13', slim: '3.13-slim' }, message: /python:3\.13-slim/, fixes: ['useSlim'] }], output: null, unsafeOutput: 'FROM python:3.13-slim\nCMD ["python", "app.py"]\n' },
    { name: 'node with codename', code: 'FROM node:22-bookworm\nCMD ["node", "server.js"]\n', errors: [{ at: '1:11-1:22', messageId: 'fullVariant', fixes: ['useSlim'] }], output: null, unsafeOutput: 'FROM node:22-bookworm-slim\nCMD ["node", "server.js"]\n' },
    { name: 'python with codename', code: 'FROM python:3.12-bookworm\nENTRYPOINT ["gunicorn", "app:app"]\n', errors: [{ at: '1:13-1:26', messageId: 'fullVariant', fixes: ['useSlim'] }], output: null, unsafeOutput: 'FROM python:3.12-slim-bookworm\nENTRYPOINT ["gunicorn", "app:app"]\n' },
    { name: 'JDK running a jar', code: 'FROM eclipse-temurin:21-jdk-jammy\nENTRYPOINT ["java", "-jar", "/app.jar"]\n', errors: [{ at: '1:22-1:34', messageId: 'fullVariant', data: { image: 'eclipse-temurin', tag: '21-jdk-jammy', slim: '21-jre-jammy' }, message: /21-jre-jammy/, fixes: ['useSlim'] }], output: null, unsafeOutput: 'FROM eclipse-temurin:21-jre-jammy\nENTRYPOINT ["java", "-jar", "/app.jar"]\n' },
    { name: 'compiles in the final stage: reported without a fix', code: 'FROM python:3.13\nRUN make\nCMD ["python", "app.py"]\n', errors: [{ at: '1:13-1:17', messageId: 'fullVariant' }], output: null },
    { name: 'tag from an ARG: reported without a fix', code: 'ARG V=3.13\nFROM python:${V}\nCMD ["python", "app.py"]\n', errors: [{ at: '2:6-2:17', messageId: 'fullVariant', data: { image: 'python', tag: '3.13', slim: '3.13-slim' } }], output: null },
    { name: 'a shell running a script is an application', code: 'FROM debian:bookworm\nCMD ["sh", "-c", "exec /srv/run"]\n', errors: [{ at: '1:13-1:21', messageId: 'fullVariant', fixes: ['useSlim'] }], output: null, unsafeOutput: 'FROM debian:bookworm-slim\nCMD ["sh", "-c", "exec /srv/run"]\n' },
  ],
});
