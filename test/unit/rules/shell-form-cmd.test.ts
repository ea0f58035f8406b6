import rule from '../../../server/src/engine/rules/shell-form-cmd';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'a daemon started, then only kept alive: no form forwards signals to it', code: 'FROM debian:12-slim\nCMD ambari-server start && sleep infinity\n' },
    'FROM node:22\nCMD ["node", "server.js"]\n',
    'FROM node:22\nENTRYPOINT ["docker-entrypoint.sh"]\n',
    { name: 'SHELL makes shell form deliberate', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Write-Host hi\n' },
    { name: 'SHELL in a parent stage', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nCMD echo hi\n' },
    { name: 'HEALTHCHECK CMD is not about signals', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
    { name: 'exec replaces the shell: the program receives the signals', code: 'FROM eclipse-temurin:21-jre\nCMD exec java $JAVA_OPTS -jar /app.jar\n' },
    { name: 'setup, then exec', code: "FROM nginx:1.27\nCMD set -e; mkdir -p /run/nginx && exec nginx -g 'daemon off;'\n" },
    { name: 'exec at the end of continuation lines', code: 'FROM alpine:3.21\nENTRYPOINT set -e \\\n    && mkdir -p /data \\\n    && exec /bin/app --data /data\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13\nCMD python app.py\n',
      errors: [{ at: '2:5-2:18', message: /signals/ }],
      output: 'FROM python:3.13\nCMD ["python", "app.py"]\n',
    },
    {
      // Was a safe fix: node's image has ENTRYPOINT ["docker-entrypoint.sh"], which then receives other arguments.
      name: "the base image's ENTRYPOINT receives CMD as arguments: unsafe",
      code: 'FROM node:22\nCMD node server.js\n',
      errors: [{ at: '2:5-2:19', message: /signals/ }],
      output: null,
      unsafeOutput: 'FROM node:22\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'an exec-form ENTRYPOINT of the stage receives CMD as arguments: unsafe',
      code: 'FROM alpine:3.21\nENTRYPOINT ["/bin/app"]\nCMD serve --port 80\n',
      errors: [{ at: '3:5-3:20' }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nENTRYPOINT ["/bin/app"]\nCMD ["serve", "--port", "80"]\n',
    },
    {
      name: 'an exec-form ENTRYPOINT of the stage built FROM: unsafe',
      code: 'FROM alpine:3.21 AS base\nENTRYPOINT ["/bin/app"]\nFROM base\nCMD serve\n',
      errors: [{ at: '4:5-4:10' }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21 AS base\nENTRYPOINT ["/bin/app"]\nFROM base\nCMD ["serve"]\n',
    },
    {
      name: 'ENTRYPOINT [] clears the entrypoint: safe',
      code: 'FROM node:22\nENTRYPOINT []\nCMD node server.js\n',
      errors: [{ at: '3:5-3:19' }],
      output: 'FROM node:22\nENTRYPOINT []\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'a shell-form ENTRYPOINT ignores CMD: safe',
      code: 'FROM alpine:3.21\nENTRYPOINT exec /bin/app\nCMD serve\n',
      errors: [{ at: '3:5-3:10' }],
      output: 'FROM alpine:3.21\nENTRYPOINT exec /bin/app\nCMD ["serve"]\n',
    },
    {
      name: 'NAME=value sets a variable, it is never the program',
      code: 'FROM python:3.13\nCMD FOO=bar python app.py\n',
      errors: [{ at: '2:5-2:26' }],
      output: null,
      unsafeOutput: 'FROM python:3.13\nCMD ["/bin/sh", "-c", "FOO=bar exec python app.py"]\n',
    },
    {
      name: 'a continuation joins the lines as Docker does: no space added',
      code: 'FROM python:3.13\nCMD echo a\\\nb\n',
      errors: [{ at: '2:5-3:2' }],
      output: 'FROM python:3.13\nCMD ["echo", "ab"]\n',
    },
    {
      name: 'a shell builtin has no program: no fix',
      code: 'FROM python:3.13\nCMD cd /app\n',
      errors: [{ at: '2:5-2:12' }],
      output: null,
    },
    {
      name: 'blanks inside quotes are kept when a shell stays',
      code: 'FROM eclipse-temurin:21-jre\nENTRYPOINT java -Dname="a  b"   $JAVA_OPTS \\\n    -jar /app.jar\n',
      errors: [{ at: '2:12-3:18' }],
      output: null,
      unsafeOutput: 'FROM eclipse-temurin:21-jre\nENTRYPOINT ["/bin/sh", "-c", "exec java -Dname=\\"a  b\\" $JAVA_OPTS -jar /app.jar"]\n',
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
