import { defineRule } from '../rule';
import { argDefinitions, envDefinitions } from '../model/dockerfile';

// Well-known secret variable names (the kind hadolint's DL3064 lists), matched exactly.
const KNOWN = new Set([
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AZURE_CLIENT_SECRET', 'AZURE_STORAGE_KEY', 'GOOGLE_APPLICATION_CREDENTIALS',
  'GITHUB_TOKEN', 'GH_TOKEN', 'GITLAB_TOKEN', 'CI_JOB_TOKEN', 'NPM_TOKEN', 'NPM_AUTH_TOKEN', 'NODE_AUTH_TOKEN', 'PYPI_TOKEN', 'TWINE_PASSWORD',
  'DOCKER_PASSWORD', 'DOCKERHUB_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'STRIPE_SECRET_KEY', 'SLACK_TOKEN', 'SENTRY_AUTH_TOKEN',
  'DATABASE_URL', 'DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD', 'POSTGRES_PASSWORD', 'PGPASSWORD', 'REDIS_PASSWORD', 'MONGO_INITDB_ROOT_PASSWORD',
  'SECRET_KEY', 'SECRET_KEY_BASE', 'JWT_SECRET', 'SESSION_SECRET', 'ENCRYPTION_KEY', 'PRIVATE_KEY', 'SSH_PRIVATE_KEY', 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN',
]);
// Name parts that read as a secret (BuildKit's SecretsUsedInArgOrEnv tokens), and parts that say it is not one.
const SECRET_PARTS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'passwd', 'pword', 'secret', 'token', 'privatekey']);
const SAFE_PARTS = new Set(['public', 'file', 'version', 'path', 'dir', 'id']);

export function looksLikeSecret(name: string): boolean {
  if (KNOWN.has(name.toUpperCase())) return true;
  const parts = name.toLowerCase().split(/[_\-.]+/).filter(Boolean);
  if (parts.some((p) => SAFE_PARTS.has(p))) return false;
  return parts.some((p) => SECRET_PARTS.has(p)) || /api_?key|private_?key|client_?secret/i.test(name);
}

export default defineRule({
  meta: {
    id: 'secret-in-arg-or-env',
    aliases: { hadolint: 'DL3064', buildkit: 'SecretsUsedInArgOrEnv' },
    defaultSeverity: 'warning',
    needs: { keywords: ['ARG', 'ENV'] },
    scope: 'stage',
    docs: {
      summary: 'A secret passed through ARG or ENV',
      why: 'ENV values are stored in the image config, and ARG values in the build history (`docker history`) and in provenance attestations. Anyone who can pull the image can read them. BuildKit secret mounts (`RUN --mount=type=secret,id=npm_token …`) give a build step a secret without it ever entering a layer or the metadata.',
      examples: [
        { bad: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n', good: 'FROM node:22-slim\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n' },
        { bad: 'FROM python:3.13-slim\nENV DB_PASSWORD=hunter2\n', good: 'FROM python:3.13-slim\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n', note: 'Read the secret at run time from a file the orchestrator mounts.' },
      ],
      references: ['https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/', 'https://docs.docker.com/build/building/secrets/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of [...model.instructions, ...model.triggers]) {
      if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') continue;
      const defs = instr.keyword === 'ARG' ? argDefinitions(instr) : envDefinitions(instr);
      defs.forEach((d, i) => {
        if (!looksLikeSecret(d.name)) return;
        const p = instr.props[i];
        const literal = d.value !== undefined && d.value !== '' && !d.value.includes('$');
        ctx.report({
          start: p.nameStart,
          end: p.nameEnd,
          message: literal
            ? `${d.name} looks like a secret and its value is written into the image ${instr.keyword === 'ENV' ? 'config' : 'history'}; use a secret mount`
            : `${d.name} looks like a secret; ${instr.keyword} values end up in the image ${instr.keyword === 'ENV' ? 'config' : 'history'}. Use RUN --mount=type=secret`,
        });
      });
    }
  },
});
