import rule from '../../../server/src/engine/rules/prefer-cache-mount';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'pip with a cache mount', code: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.1.0\n' },
    { name: 'apt with both mounts, docker-clean removed', code: 'FROM debian:12-slim\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n' },
    { name: 'apt with a mount on an image without the hook', code: 'FROM nvidia/cuda:12.4.1-base-ubuntu22.04\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n' },
    { name: 'a mount where PIP_CACHE_DIR puts the cache', code: 'FROM python:3.13-slim\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/pipcache pip install flask==3.1.0\n' },
    { name: 'pip of a non-root user: its home is not known', code: 'FROM python:3.13-slim\nUSER app\nRUN pip install --user flask==3.1.0\n' },
    { name: 'yarn of a non-root user', code: 'FROM node:22-slim\nUSER node\nRUN yarn install\n' },
    { name: 'echo of an install', code: 'FROM python:3.13-slim\nRUN echo pip install flask\n' },
    { name: 'apt-get remove downloads nothing', code: 'FROM debian:12-slim\nRUN apt-get remove -y curl\n' },
    { name: 'go version and go env', code: 'FROM golang:1.23\nRUN go version && go env\n' },
    { name: 'cargo with CARGO_HOME mounts', code: 'FROM rust:1.83\nRUN --mount=type=cache,target=/usr/local/cargo/registry cargo build --release\n' },
    { name: 'Windows has no mounts', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN pip install flask\n' },
    { name: 'mvn --version', code: 'FROM maven:3.9-eclipse-temurin-21\nRUN mvn --version\n' },
  ],
  invalid: [
    {
      name: 'pip: the mount, and --no-cache-dir dropped',
      code: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ at: '2:5-2:8', messageId: 'noCacheMount', data: { command: 'pip install', dirs: '`/root/.cache/pip`' }, fixes: ['addCacheMount'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    },
    {
      name: 'apt in a Debian image: both directories, locked; then the docker-clean hook',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ at: '2:5-2:12', messageId: 'noCacheMount', data: { command: 'apt-get update', dirs: '`/var/cache/apt` and `/var/lib/apt`' }, fixes: ['addCacheMount'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'an apt cache mount that docker-clean empties',
      code: 'FROM ubuntu:24.04\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n',
      errors: [{ at: '2:5-2:60', messageId: 'dockerCleanEmpties' }],
      output: null,
    },
    {
      name: 'apk: --no-cache becomes --update-cache',
      code: 'FROM alpine:3.21\nRUN apk add --no-cache curl\n',
      errors: [{ at: '2:5-2:8', messageId: 'noCacheMount', data: { command: 'apk add', dirs: '`/var/cache/apk`' }, fixes: ['addCacheMount'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN --mount=type=cache,target=/var/cache/apk apk add --update-cache curl\n',
    },
    {
      name: 'go in the golang image: GOPATH is /go',
      code: 'FROM golang:1.23 AS build\nRUN go mod download\n',
      errors: [{ at: '2:5-2:7', messageId: 'noCacheMount', data: { command: 'go mod download', dirs: '`/go/pkg/mod` and `/root/.cache/go-build`' }, fixes: ['addCacheMount'] }],
      output: null,
      unsafeOutput: 'FROM golang:1.23 AS build\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go mod download\n',
    },
    {
      name: 'cargo with CARGO_HOME from an ENV, under sh -c, with other flags kept',
      code: 'FROM debian:12-slim\nENV CARGO_HOME=/opt/cargo\nRUN --network=host sh -c \'cargo build --release\'\n',
      errors: [{ at: '3:27-3:32', messageId: 'noCacheMount', data: { command: 'cargo build', dirs: '`/opt/cargo/registry` and `/opt/cargo/git`' }, fixes: ['addCacheMount'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nENV CARGO_HOME=/opt/cargo\nRUN --mount=type=cache,target=/opt/cargo/registry --mount=type=cache,target=/opt/cargo/git --network=host sh -c \'cargo build --release\'\n',
    },
    {
      name: 'npm and yarn in one RUN: one finding each; gradle wrapper',
      code: 'FROM node:22\nRUN npm ci && yarn\nRUN ./gradlew build\n',
      errors: [
        { at: '2:5-2:8', messageId: 'noCacheMount', data: { command: 'npm ci', dirs: '`/root/.npm`' }, fixes: ['addCacheMount'] },
        { at: '2:15-2:19', messageId: 'noCacheMount', data: { command: 'yarn', dirs: '`/usr/local/share/.cache/yarn`' }, fixes: ['addCacheMount'] },
        { at: '3:5-3:14', messageId: 'noCacheMount', data: { command: 'gradlew build', dirs: '`/root/.gradle`' }, fixes: ['addCacheMount'] },
      ],
      output: null,
      unsafeOutput: 'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn --mount=type=cache,target=/root/.npm npm ci && yarn\nRUN --mount=type=cache,target=/root/.gradle ./gradlew build\n',
    },
    {
      name: 'PIP_NO_CACHE_DIR in the environment: no fix',
      code: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=1\nRUN sudo pip3 install flask==3.1.0\n',
      errors: [{ at: '3:10-3:14', messageId: 'noCacheMount', data: { command: 'pip3 install', dirs: '`/root/.cache/pip`' } }],
      output: null,
    },
  ],
});
