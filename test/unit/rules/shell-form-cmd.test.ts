import rule from '../../../server/src/engine/rules/shell-form-cmd';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]\n',
    'FROM node:22\nENTRYPOINT ["docker-entrypoint.sh"]\n',
    { name: 'SHELL makes shell form deliberate', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Write-Host hi\n' },
    { name: 'SHELL in a parent stage', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nCMD echo hi\n' },
    { name: 'HEALTHCHECK CMD is not about signals', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD node server.js\n',
      errors: [{ at: '2:5-2:19', message: /signals/ }],
      output: 'FROM node:22\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'quotes and continuation lines',
      code: 'FROM python:3.13\nCMD gunicorn --bind "0.0.0.0:8000" \\\n    app:app\n',
      errors: [{ at: '2:5-3:12' }],
      output: 'FROM python:3.13\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
    },
    {
      name: 'variables need a shell: unsafe sh -c exec',
      code: 'FROM eclipse-temurin:21-jre\nENTRYPOINT java $JAVA_OPTS -jar /app.jar\n',
      errors: [{ at: '2:12-2:41' }],
      output: null,
      unsafeOutput: 'FROM eclipse-temurin:21-jre\nENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar /app.jar"]\n',
    },
    {
      name: 'pipelines and chains: no fix',
      code: 'FROM alpine:3.21\nCMD ./migrate && ./serve\n',
      errors: [{ at: '2:5-2:25' }],
      output: null,
    },
    {
      name: 'ENTRYPOINT with a CMD: exec form changes what CMD means',
      code: 'FROM alpine:3.21\nENTRYPOINT /bin/app\nCMD ["--help"]\n',
      errors: [{ at: '2:12-2:20' }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nENTRYPOINT ["/bin/app"]\nCMD ["--help"]\n',
    },
    {
      name: 'invalid JSON is shell form',
      code: "FROM alpine:3.21\nCMD ['sleep', '1']\n",
      errors: [{ at: '2:5-2:19' }],
      output: null,
    },
  ],
});
