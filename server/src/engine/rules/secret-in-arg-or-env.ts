import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { secretVariables } from '../model/secret-variables';

export default defineRule({
  meta: {
    id: 'secret-in-arg-or-env',
    aliases: { hadolint: 'DL3064', buildkit: 'SecretsUsedInArgOrEnv' },
    counterparts: {
      trivy: ['DS-0031'],
      sonar: ['S6472'],
      differences: 'Reads the value as well as the name: public values, file paths, URLs without credentials and placeholders are not reported, and a well-known default password gets its own message.',
    },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      secretArg: '{name} looks like a secret; ARG values end up in the image history. Use RUN --mount=type=secret',
      secretEnv: '{name} looks like a secret; ENV values end up in the image config. Use RUN --mount=type=secret',
      secretValueArg: '{name} looks like a secret and its value is written into the image history; use a secret mount',
      secretValueEnv: '{name} looks like a secret and its value is written into the image config; use a secret mount',
      defaultCredentialArg: '{name}={value} is a default credential everyone knows, written into the image history: do not ship a default credential, require one when the container starts',
      defaultCredentialEnv: '{name}={value} is a default credential everyone knows, written into the image config: do not ship a default credential, require one when the container starts',
    },
    docs: {
      summary: 'A secret passed through ARG or ENV',
      why: 'ENV values are stored in the image config, and ARG values in the build history (`docker history`) and in provenance attestations. Anyone who can pull the image can read them. Not reported: public values (GPG/PGP key fingerprints and ids, `*_PUBLIC_*`), names that point at the secret or describe it (ending `_FILE`, `_PATH`, `_URL`, `_VERSION`, `_ID`), and values that are no secret (a file path, a URL without credentials, a template placeholder, an empty ENV). A well-known default such as `PASSWORD=password` gets its own message: an image should not ship a credential everyone knows. BuildKit secret mounts (`RUN --mount=type=secret,id=npm_token …`) give a build step a secret without it ever entering a layer or the metadata.',
      examples: [
        { bad: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n', good: 'FROM node:22-slim\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n' },
        { bad: 'FROM python:3.13-slim\nENV DB_PASSWORD=hunter2\n', good: 'FROM python:3.13-slim\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n', note: 'Read the secret at run time from a file the orchestrator mounts.' },
      ],
      references: ['https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/', 'https://docs.docker.com/build/building/secrets/'],
    },
  },
  create(ctx) {
    const variables = (instr: Instr): void => {
      for (const { def, prop: p, kind } of secretVariables(instr)) {
        // An ENV's value lands in the image config, an ARG's in its history: one wording each.
        const env = instr.keyword === 'ENV';
        if (kind === 'defaultCredential') {
          ctx.report({ start: p.nameStart, end: p.nameEnd, messageId: env ? 'defaultCredentialEnv' : 'defaultCredentialArg', data: { name: def.name, value: def.value! } });
        } else ctx.report({ start: p.nameStart, end: p.nameEnd, messageId: kind === 'value' ? (env ? 'secretValueEnv' : 'secretValueArg') : (env ? 'secretEnv' : 'secretArg'), data: { name: def.name } });
      }
    };
    return { instructions: { ARG: variables, ENV: variables }, triggers: { ARG: variables, ENV: variables } };
  },
});
