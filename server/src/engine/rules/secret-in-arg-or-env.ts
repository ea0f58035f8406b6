import { defineRule } from '../rule';
import { argDefinitions, envDefinitions, type Instr } from '../model/dockerfile';

// Well-known secret variable names (the kind hadolint's DL3064 lists), matched exactly.
const KNOWN = new Set([
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AZURE_CLIENT_SECRET', 'AZURE_STORAGE_KEY', 'GOOGLE_APPLICATION_CREDENTIALS',
  'GITHUB_TOKEN', 'GH_TOKEN', 'GITLAB_TOKEN', 'CI_JOB_TOKEN', 'NPM_TOKEN', 'NPM_AUTH_TOKEN', 'NODE_AUTH_TOKEN', 'PYPI_TOKEN', 'TWINE_PASSWORD',
  'DOCKER_PASSWORD', 'DOCKERHUB_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'STRIPE_SECRET_KEY', 'SLACK_TOKEN', 'SENTRY_AUTH_TOKEN',
  'DATABASE_URL', 'DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD', 'POSTGRES_PASSWORD', 'PGPASSWORD', 'REDIS_PASSWORD', 'MONGO_INITDB_ROOT_PASSWORD',
  'SECRET_KEY', 'SECRET_KEY_BASE', 'JWT_SECRET', 'SESSION_SECRET', 'ENCRYPTION_KEY', 'PRIVATE_KEY', 'SSH_PRIVATE_KEY', 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN',
]);
// Name parts that read as a secret (BuildKit's SecretsUsedInArgOrEnv tokens).
const SECRET_PARTS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'passwd', 'pword', 'secret', 'token', 'privatekey']);
// A part anywhere that says the value is public: a public key, a GPG/PGP key's fingerprint or id.
const PUBLIC_PARTS = new Set(['public', 'gpg', 'pgp', 'fingerprint', 'fingerprints', 'keyid', 'keyids']);
// A last part that says the value points at the secret or describes it, rather than being it (as BuildKit reads
// `_FILE`, `_PATH`, `_URL`, `_VERSION`): `DB_PASSWORD_FILE=/run/secrets/db`, `VAULT_TOKEN_PATH`, `KEY_ID`.
const POINTER_SUFFIXES = new Set(['file', 'files', 'path', 'url', 'version', 'dir', 'id', 'ids']);

export function looksLikeSecret(name: string): boolean {
  if (KNOWN.has(name.toUpperCase())) return true;
  const parts = name.toLowerCase().split(/[_\-.]+/).filter(Boolean);
  if (!parts.length || parts.some((p) => PUBLIC_PARTS.has(p)) || POINTER_SUFFIXES.has(parts[parts.length - 1])) return false;
  return parts.some((p) => SECRET_PARTS.has(p)) || /api_?key|private_?key|client_?secret/i.test(name);
}

// Values people ship as a default password: the image then runs with a credential everyone knows.
const DEFAULT_CREDENTIALS = new Set(['password', 'passw0rd', 'pass', 'passwd', 'changeme', 'change_me', 'changeit', 'secret', 'admin', 'root', 'toor', 'guest', 'test', 'default', 'example', 'letmein', 'qwerty', '123456', '12345678', '1234', 'postgres', 'mysql']);

/**
 * A literal value that is no secret whatever the name: a file path or a URL without credentials (where the
 * secret is, not what it is); a template placeholder (`{{ .token }}`, `<your-token>`, all zeros, `XXXXXXXX`);
 * for a name about a key, GPG fingerprints or key ids (40 or 16 hex digits, several allowed).
 */
function notASecret(name: string, value: string): boolean {
  if (/^(\/|\.{1,2}\/|~\/)\S*$/.test(value) || /^[\w.-]+(\/[\w.-]+)+\.[A-Za-z]{2,5}$/.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s/@]+(\/\S*)?$/i.test(value)) return true;
  if (/^\{\{[\s\S]*\}\}$|^<[^<>]+>$/.test(value)) return true;
  // At most two runs of one repeated character each, separators aside: `0000…`, `XXXX…`, `FFFF…0000…`.
  if (/^(\w)\1*(\w)?\2*$/.test(value.replace(/[-_:. ]/g, '')) && value.length >= 4) return true;
  const keyName = name.toLowerCase().split(/[_\-.]+/).some((p) => p === 'key' || p === 'keys');
  return keyName && /^(0x)?([0-9A-Fa-f]{40}|[0-9A-Fa-f]{16})(\s+(0x)?([0-9A-Fa-f]{40}|[0-9A-Fa-f]{16}))*$/.test(value);
}

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
      const defs = instr.keyword === 'ARG' ? argDefinitions(instr) : envDefinitions(instr);
      defs.forEach((d, i) => {
        if (!looksLikeSecret(d.name)) return;
        const p = instr.props[i];
        const value = d.value;
        const literal = value !== undefined && value !== '' && !value.includes('$');
        // An ENV set to nothing holds no secret (it is set when the container starts); an ARG's value comes from --build-arg.
        if (instr.keyword === 'ENV' && value === '') return;
        if (literal && notASecret(d.name, value)) return;
        // An ENV's value lands in the image config, an ARG's in its history: one wording each.
        const env = instr.keyword === 'ENV';
        if (literal && DEFAULT_CREDENTIALS.has(value.toLowerCase())) {
          ctx.report({ start: p.nameStart, end: p.nameEnd, messageId: env ? 'defaultCredentialEnv' : 'defaultCredentialArg', data: { name: d.name, value } });
        } else ctx.report({ start: p.nameStart, end: p.nameEnd, messageId: literal ? (env ? 'secretValueEnv' : 'secretValueArg') : (env ? 'secretEnv' : 'secretArg'), data: { name: d.name } });
      });
    };
    return { instructions: { ARG: variables, ENV: variables }, triggers: { ARG: variables, ENV: variables } };
  },
});
