import rule from '../../../server/src/engine/rules/build-toolchain-in-final-stage';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'the .NET runtime image', code: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY app /app\nENTRYPOINT ["dotnet", "/app/Web.dll"]\n' },
    { name: 'headers alone in a stage that compiles nothing (a runtime need)', code: 'FROM debian:12-slim\nRUN apt-get install -y libx11-xcb-dev make\nCMD ["/opt/app"]\n' },
    { name: 'toolchain in a builder stage', code: 'FROM debian:12-slim AS build\nRUN apt-get install -y gcc make\nFROM debian:12-slim\nCOPY --from=build /out /out\n' },
    { name: 'removed in the same RUN', code: 'FROM python:3.13-slim\nRUN apt-get install -y gcc libpq-dev && pip install psycopg && apt-get purge -y gcc libpq-dev\n' },
    { name: 'apk virtual package deleted', code: 'FROM python:3.13-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install uvloop && apk del .build-deps\n' },
    { name: 'docker-library apt-mark pattern', code: 'FROM debian:12-slim\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get install -y gcc; make; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove\n' },
    'FROM node:22-slim\nRUN apt-get install -y --no-install-recommends tini\n',
    // Images meant to work in or build on keep their toolchain: the three below were reported before.
    { name: 'no command on a language image: a base image', code: 'FROM python:3.13-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev curl\n' },
    { name: 'no command on an OS image, through a parent stage', code: 'FROM fedora:41 AS base\nRUN dnf install -y gcc-c++\nFROM base\nRUN echo ok\n' },
    { name: 'a toolchain image', code: 'FROM debian:12-slim\nRUN apt-get install -y build-essential=12.9\n' },
    { name: 'the golang image itself: built on buildpack-deps, no command', code: 'FROM buildpack-deps:bookworm-scm\nRUN apt-get install -y gcc libc6-dev make\n' },
    { name: 'a language prompt for a command', code: 'FROM buildpack-deps:bookworm\nRUN apt-get install -y libbluetooth-dev tk-dev\nCMD ["python3"]\n' },
    { name: 'a prompt behind an entrypoint script', code: 'FROM debian:12-slim\nRUN apt-get install -y gcc\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node"]\n' },
    { name: 'a shell as the entrypoint', code: 'FROM debian:12-slim\nRUN apt-get install -y gcc make bison flex\nENTRYPOINT ["bash"]\n' },
    { name: 'a dev target', code: 'FROM python:3.12-alpine AS builder\nCMD ["app.py"]\nFROM builder AS dev-envs\nRUN apk add git\n' },
    { name: 'a Dev Container', code: 'FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN apt-get install -y build-essential cmake\nCMD ["sleep", "infinity"]\n' },
    { name: 'kept alive for people to work in', code: 'FROM ubuntu:24.04\nRUN apt-get install -y build-essential\nCMD ["sleep", "infinity"]\n' },
    { name: 'git the build never runs is for run time: a git server', code: 'FROM alpine:3.22\nRUN apk --no-cache add git openssh\nENTRYPOINT ["/start.sh"]\nCMD ["/usr/sbin/sshd", "-D"]\n' },
    { name: 'a compiler server needs its compilers', code: 'FROM debian:12-slim\nRUN apt-get install -y distcc gcc g++ make\nENTRYPOINT ["distccd", "--daemon"]\n' },
    { name: 'bpftrace compiles when it runs', code: 'FROM debian:12-slim\nRUN apt-get install -y clang gcc\nENTRYPOINT ["bpftrace"]\n' },
    { name: 'removed with --auto-remove', code: 'FROM debian:12-slim\nRUN apt-get install -y build-essential && make && apt-get purge -y --auto-remove build-essential\nCMD ["/app"]\n' },
    { name: 'removed, then autoremove', code: 'FROM debian:12-slim\nRUN apt-get install -y build-essential && make && apt-get remove -y build-essential && apt-get autoremove -y\nCMD ["/app"]\n' },
    { name: 'apk del takes what only it needed', code: 'FROM alpine:3.22\nRUN apk add build-base && make && apk del build-base\nCMD ["/app"]\n' },
  ],
  invalid: [
    // These three ran no program of their own until the issue said such images (toolchain and base images) are
    // silent: the same files with an application command are still reported, the bare ones are valid above.
    { code: 'FROM python:3.13-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev curl\nCMD ["python", "app.py"]\n', errors: [{ at: '2:42-2:45', messageId: 'buildToolsKept', data: { packages: 'gcc, libpq-dev' }, message: /gcc, libpq-dev/ }] },
    { name: 'stage the final one is built from, dnf and apk', code: 'FROM fedora:41 AS base\nRUN dnf install -y gcc-c++\nFROM base\nRUN echo ok\nCMD ["/srv/app"]\n', errors: [{ at: '2:20-2:27', messageId: 'buildToolsKept' }] },
    { name: 'SDK image as the runtime', code: 'FROM golang:1.25\nRUN go build -o /app .\nCMD ["/app"]\n', errors: [{ at: '1:6-1:17', messageId: 'sdkImage', data: { image: 'golang' }, message: /golang SDK/ }] },
    { name: 'the .NET SDK image (not on Docker Hub) as the runtime', code: 'FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -o /app\nENTRYPOINT ["dotnet", "/app/Web.dll"]\n', errors: [{ at: '1:6-1:39', messageId: 'sdkImage', data: { image: 'dotnet/sdk' } }] },
    { name: 'version-pinned package', code: 'FROM debian:12-slim\nRUN apt-get install -y build-essential=12.9\nENTRYPOINT ["/usr/local/bin/app"]\n', errors: [{ at: '2:24-2:44', messageId: 'buildToolsKept' }] },
    { name: 'an entrypoint script runs the CMD it is given: the application', code: 'FROM node:22-slim\nRUN apt-get install -y python3 make g++ && npm ci\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n', errors: [{ at: '2:32-2:36', messageId: 'buildToolsKept', message: /make, g\+\+/ }] },
    { name: 'no command on a server image keeps its server', code: 'FROM php:8.3-apache\nRUN apt-get install -y libpng-dev && docker-php-ext-install gd\n', errors: [{ at: '2:24-2:34', messageId: 'buildToolsKept', message: /libpng-dev/ }] },
    { name: 'git the build clones with', code: 'FROM debian:12-slim\nRUN apt-get install -y git && git clone https://example.com/x.git /src\nCMD ["/src/run"]\n', errors: [{ at: '2:24-2:27', messageId: 'buildToolsKept', message: /\(git\)/ }] },
    { name: 'git the build fetches with through pip', code: 'FROM python:3.13-slim\nRUN apt-get install -y git && pip install git+https://example.com/x.git\nCMD ["x"]\n', errors: [{ at: '2:24-2:27', messageId: 'buildToolsKept' }] },
    // apt-get remove leaves what build-essential pulled in (gcc, g++, make) unless it removes auto-installed packages.
    { name: 'build-essential removed without --auto-remove', code: 'FROM debian:12-slim\nRUN apt-get install -y build-essential && make && apt-get remove -y build-essential\nCMD ["/app"]\n', errors: [{ at: '2:69-2:84', messageId: 'compilersLeft', data: { package: 'build-essential' }, message: /^Removing build-essential without --auto-remove leaves the compilers/ }] },
    { name: 'gcc purged without --auto-remove, in a RUN of its own', code: 'FROM debian:12-slim\nRUN apt-get install -y gcc && make\nRUN apt purge -y gcc\nCMD ["/app"]\n', errors: [{ at: '2:24-2:27', messageId: 'buildToolsKept' }, { at: '3:18-3:21', messageId: 'compilersLeft', data: { package: 'gcc' }, message: /Removing gcc/ }] },
  ],
});
