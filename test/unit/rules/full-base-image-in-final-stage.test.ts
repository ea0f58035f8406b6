import rule from '../../../server/src/engine/rules/full-base-image-in-final-stage';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM python:3.13-slim\n',
    'FROM node:22-alpine\n',
    { name: 'builder stage may be full', code: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\n' },
    { name: 'temurin JDK that does not just run a jar', code: 'FROM eclipse-temurin:21-jdk\nCMD ["jshell"]\n' },
    { name: 'no slim variant', code: 'FROM php:8.3-apache\n' },
  ],
  invalid: [
    { code: 'FROM python:3.13\nCMD ["python", "app.py"]\n', errors: [{ at: '1:13-1:17', message: /python:3\.13-slim/ }], output: null, unsafeOutput: 'FROM python:3.13-slim\nCMD ["python", "app.py"]\n' },
    { name: 'node with codename', code: 'FROM node:22-bookworm\n', errors: [{ at: '1:11-1:22' }], output: null, unsafeOutput: 'FROM node:22-bookworm-slim\n' },
    { name: 'python with codename', code: 'FROM python:3.12-bookworm\n', errors: [{ at: '1:13-1:26' }], output: null, unsafeOutput: 'FROM python:3.12-slim-bookworm\n' },
    { name: 'JDK running a jar', code: 'FROM eclipse-temurin:21-jdk-jammy\nENTRYPOINT ["java", "-jar", "/app.jar"]\n', errors: [{ at: '1:22-1:34', message: /21-jre-jammy/ }], output: null, unsafeOutput: 'FROM eclipse-temurin:21-jre-jammy\nENTRYPOINT ["java", "-jar", "/app.jar"]\n' },
    { name: 'compiles in the final stage: reported without a fix', code: 'FROM python:3.13\nRUN make\n', errors: [{ at: '1:13-1:17' }], output: null },
    { name: 'tag from an ARG: reported without a fix', code: 'ARG V=3.13\nFROM python:${V}\n', errors: [{ at: '2:6-2:17' }], output: null },
  ],
});
