import rule from '../../../server/src/engine/rules/package-manager-mismatch';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-alpine\nRUN apk add --no-cache git\n',
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y git\n',
    'FROM fedora:41\nRUN dnf install -y git && yum clean all\n',
    { name: 'a base whose distribution is not certain', code: 'FROM traefik:v3\nRUN apt-get update\nFROM myorg/base:1\nRUN apk add git\n' },
    { name: 'a variable base', code: 'ARG BASE=alpine:3.20\nFROM ${BASE}\nRUN apt-get update\n' },
    { name: 'a script for several distributions', code: 'FROM alpine:3.20\nRUN if command -v apt-get; then apt-get install -y git; else apk add git; fi\n' },
    { name: 'an || fallback', code: 'FROM alpine:3.20\nRUN apk add git || apt-get install -y git\n' },
    { name: 'several managers in one RUN', code: 'FROM alpine:3.20\nRUN apk add git; apt-get install -y git; true\n' },
    { name: 'the manager installed first', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y dnf\nRUN dnf --installroot=/srv/root install -y bash\n' },
    { name: 'mentioned, not run', code: 'FROM alpine:3.20\nRUN echo apt-get install git\n' },
    { name: 'a template', code: 'FROM php:{{ env.version }}-{{ env.variant }}\nRUN apk add git\n' },
    { name: 'a Windows base', code: 'FROM python:3.12-windowsservercore-ltsc2022\nRUN apk add git\n' },
  ],
  invalid: [
    {
      name: 'apt-get on an Alpine variant',
      code: 'FROM node:22-alpine\nRUN apt-get update && apt-get install -y git\n',
      errors: [{ at: '2:5-2:12', messageId: 'mismatch', data: { command: 'apt-get', image: 'node:22-alpine', use: 'apk' } }],
    },
    {
      name: 'apk on Debian, through a stage and sudo',
      code: 'FROM python:3.12-slim-bookworm AS base\nFROM base\nRUN sudo apk add --no-cache git\n',
      errors: [{ at: '3:10-3:13', messageId: 'mismatch', data: { command: 'apk', image: 'python:3.12-slim-bookworm', use: 'apt-get' } }],
    },
    {
      name: 'yum on ubuntu, apt on Rocky',
      code: 'FROM ubuntu:24.04\nRUN yum install -y git\nFROM rockylinux:9\nRUN apt install -y git\n',
      errors: [{ at: '2:5-2:8', messageId: 'mismatch', data: { command: 'yum', image: 'ubuntu:24.04', use: 'apt-get' } }, { at: '4:5-4:8', messageId: 'mismatch', data: { command: 'apt', image: 'rockylinux:9', use: 'yum' } }],
    },
  ],
});
