import { it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/engine/rules/eol-base-image';
import { testRule } from '../../support/rule-tester';
import { lintText } from '../../../server/src/engine';
import { DEPRECATED_IMAGES } from '../../../server/src/engine/data/base-image-lifecycle';

// A fixed day for the cases whose answer changes with time.
const TODAY = '2026-12-05';

testRule(rule, {
  valid: [
    'FROM node:22-slim\n',
    'FROM python:3.13-slim-bookworm\n',
    { name: '3.1x is not 3.1', code: 'FROM python:3.11\n' },
    { name: 'untagged is another rule', code: 'FROM node\n' },
    { name: 'alpine 3.21 before its end', code: 'FROM alpine:3.21\n', settings: { today: '2026-10-31' } },
    { name: 'a floating major follows its newest line', code: 'FROM python:3-alpine\n', settings: { today: TODAY } },
    { name: 'mysql:8 is 8.4', code: 'FROM mysql:8\n', settings: { today: TODAY } },
    { name: '1809 is the ltsc2019 image, not the ended semi-annual release', code: 'FROM mcr.microsoft.com/windows/servercore:1809\n', settings: { today: TODAY } },
    { name: 'a Windows build number', code: 'FROM mcr.microsoft.com/windows/nanoserver:10.0.20348.2340\n', settings: { today: TODAY } },
    { name: 'a Dev Container image version is not a node version', code: 'FROM mcr.microsoft.com/devcontainers/javascript-node:4-24-bookworm\n', settings: { today: TODAY } },
    { name: 'a bare Dev Container tag may be the image version', code: 'FROM mcr.microsoft.com/devcontainers/javascript-node:1\n' },
    { name: 'a tag with an unresolved variable', code: 'FROM mcr.microsoft.com/devcontainers/javascript-node:4-${VARIANT}\n' },
    { name: 'a deprecated image is the deprecation rule\'s', code: 'FROM openjdk:11-jdk-slim-buster\n' },
    { name: 'tags of other images mean anything', code: 'FROM example/tool:buster-3.9\n' },
    { name: 'Debian LTS still ships fixes', code: 'FROM debian:bookworm-slim\n', settings: { today: TODAY } },
  ],
  invalid: [
    { code: 'FROM python:3.8-slim\n', unsafeOutput: 'FROM python:3.11-slim\n', errors: [{ at: '1:13-1:21', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /python 3\.8 reached end of life on 2024-10-07; supported: 3\.11/ }] },
    { name: 'patch version and variant', code: 'FROM node:18.20.4-alpine AS web\n', unsafeOutput: 'FROM node:22-alpine AS web\n', errors: [{ at: '1:11-1:25', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /node 18/ }] },
    { name: 'distro codename inside another image\'s tag', code: 'FROM ruby:3.3-buster\n', unsafeOutput: 'FROM ruby:3.3-bookworm\n', errors: [{ at: '1:11-1:21', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /debian 10/ }] },
    { name: 'alpine release inside a tag, resolved through ARG', code: 'ARG V=20-alpine3.18\nFROM node:${V}\n', errors: [{ at: '2:6-2:15', messageId: 'endOfLifeSupported', message: /node 20 reached end of life on 2026-04-30/ }] },
    // The data used to start at Alpine 3.15, Go 1.20 and node 12: older lines passed unseen.
    { name: 'alpine older than the old table', code: 'FROM alpine:3.9\n', unsafeOutput: 'FROM alpine:3.22\n', errors: [{ at: '1:13-1:16', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /^alpine 3\.9 reached end of life on 2020-11-01; supported: / }] },
    // The old table listed 3.21 as supported after its end (2026-11-01).
    { name: 'alpine 3.21 after its end', code: 'FROM alpine:3.21\n', settings: { today: TODAY }, unsafeOutput: 'FROM alpine:3.22\n', errors: [{ at: '1:13-1:17', messageId: 'endOfLifeSupported', fixes: ['moveTo'], data: { endOfLife: 'alpine 3.21 reached end of life on 2026-11-01', supported: '3.22, 3.23, 3.24' }, message: /^alpine 3\.21 reached end of life on 2026-11-01; supported: 3\.22, 3\.23, 3\.24$/ }] },
    { name: 'a floating major tag on an ended major', code: 'FROM python:2-alpine\n', unsafeOutput: 'FROM python:3.11-alpine\n', errors: [{ at: '1:13-1:21', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /^python 2\.7 reached end of life on 2020-01-01/ }] },
    { code: 'FROM golang:1.18 AS build\n', unsafeOutput: 'FROM golang:1.26 AS build\n', errors: [{ at: '1:13-1:17', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /^golang 1\.18 reached end of life on 2023-02-01/ }] },
    { name: 'an Ubuntu interim release by codename', code: 'FROM ubuntu:cosmic\n', unsafeOutput: 'FROM ubuntu:jammy\n', errors: [{ at: '1:13-1:19', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /^ubuntu 18\.10 \(cosmic\) reached end of life on 2019-07-18/ }] },
    { name: 'an Ubuntu interim release by number', code: 'FROM ubuntu:23.10\n', settings: { today: TODAY }, unsafeOutput: 'FROM ubuntu:24.04\n', errors: [{ at: '1:13-1:18', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /^ubuntu 23\.10 \(mantic\) reached end of life on 2024-07-12; supported: 22\.04 \(jammy\), 24\.04 \(noble\), 26\.04 \(resolute\)$/ }] },
    { name: 'an architecture namespace', code: 'FROM arm32v7/debian:buster\n', unsafeOutput: 'FROM arm32v7/debian:bookworm\n', errors: [{ at: '1:21-1:27', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /^debian 10 \(buster\) reached end of life on 2024-06-30/ }] },
    { name: 'docker.io/library/', code: 'FROM docker.io/library/node:12\n', unsafeOutput: 'FROM docker.io/library/node:22\n', errors: [{ at: '1:29-1:31', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /^node 12 reached end of life on 2022-04-30/ }] },
    { name: '.NET on mcr.microsoft.com', code: 'FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build\n', errors: [{ at: '1:35-1:38', messageId: 'endOfLifeSupported', message: /^\.NET 6 reached end of life on 2024-11-12/ }] },
    { name: 'a Windows Server Core release', code: 'FROM mcr.microsoft.com/windows/servercore:1903\n', errors: [{ at: '1:43-1:47', messageId: 'endOfLifeSupported', message: /^Windows Server Core 1903 reached end of life on 2020-12-08/ }] },
    { name: 'a Windows base inside another image\'s tag', code: 'FROM python:3.13-windowsservercore-1903\n', errors: [{ at: '1:13-1:40', messageId: 'endOfLifeSupported', message: /^Windows Server Core 1903 reached end of life/ }] },
    { name: 'a supported image on an ended distro', code: 'FROM node:22-bullseye\n', settings: { today: TODAY }, unsafeOutput: 'FROM node:22-bookworm\n', errors: [{ at: '1:11-1:22', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /^debian 11 \(bullseye\) reached end of life on 2026-08-31/ }] },
    { name: 'a Dev Container tag: image version, language version, distro', code: 'FROM mcr.microsoft.com/devcontainers/python:1-3.8-bullseye\n', errors: [{ at: '1:45-1:59', messageId: 'endOfLifeSupported', message: /^python 3\.8 reached end of life/ }] },
    { name: 'a Dev Container base on an ended Ubuntu', code: 'FROM mcr.microsoft.com/devcontainers/base:ubuntu-20.04\n', errors: [{ at: '1:43-1:55', messageId: 'endOfLifeSupported', message: /^ubuntu 20\.04 \(focal\) reached end of life on 2025-05-31/ }] },
    { name: 'the Debian release in a distroless image name', code: 'FROM gcr.io/distroless/static-debian11\n', settings: { today: TODAY }, errors: [{ at: '1:6-1:39', messageId: 'endOfLifeSupported', message: /^debian 11 \(bullseye\)/ }] },
    { name: 'a line older than the data, judged by the next one of its major', code: 'FROM perl:5.24-slim\n', unsafeOutput: 'FROM perl:5.40-slim\n', errors: [{ at: '1:11-1:20', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /^perl 5\.24 reached end of life \(5\.26, a later line, ended on 2020-05-30\)/ }] },
    { name: 'an end without a day', code: 'FROM haskell:8.8\n', unsafeOutput: 'FROM haskell:9.6\n', errors: [{ at: '1:14-1:17', messageId: 'endOfLifeSupported', fixes: ['moveTo'], message: /^haskell \(GHC\) 8\.8 reached end of life; supported: / }] },
    { name: 'no line of the product supported any more', code: 'FROM python:3.8-slim\n', settings: { today: '2099-01-01' }, errors: [{ at: '1:13-1:21', messageId: 'endOfLife', data: { endOfLife: 'python 3.8 reached end of life on 2024-10-07' }, message: /^python 3\.8 reached end of life on 2024-10-07$/ }] },
  ],
});

it('is judged against the date it is given', () => {
  const before = lintText('FROM node:20-slim\n', { rules: [rule], settings: { today: '2026-04-01' } }).findings;
  const after = lintText('FROM node:20-slim\n', { rules: [rule], settings: { today: '2026-05-01' } }).findings;
  assert.equal(before.length, 0);
  assert.equal(after.length, 1);
});

it('every lifecycle entry names its source and the date it was recorded', () => {
  for (const e of DEPRECATED_IMAGES) {
    assert.match(e.source, /^https:\/\//, JSON.stringify(e));
    assert.match(e.recorded, /^\d{4}-\d{2}-\d{2}$/, JSON.stringify(e));
  }
});
