import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';

// Files that hold credentials by convention. `.env.example` and friends are documentation, not secrets.
const SECRET_FILE = /(^|\/)(\.env(\.(?!example$|sample$|template$|dist$)[^/]+)?|[^/]*\.pem|[^/]*\.key|[^/]*\.p12|[^/]*\.pfx|id_(rsa|dsa|ecdsa|ed25519)[^/]*|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.git|\.ssh|\.aws|credentials\.json|\.docker\/config\.json)\/?$/;

export default defineRule({
  meta: {
    id: 'secret-file-copied',
    aliases: {},
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      secretFile: '{path} holds credentials; once copied it stays in the image. Use a secret mount instead',
    },
    docs: {
      summary: 'A credentials file copied into the image',
      why: 'A file copied into a layer stays in the image, even when a later RUN deletes it. `.env` files, private keys, `.npmrc`/`.pypirc` tokens and the `.git` folder (with its history and remotes) are then readable by anyone who can pull the image. Give build steps secrets through `RUN --mount=type=secret`, and provide runtime secrets when the container starts.',
      examples: [
        { bad: 'FROM node:22-slim\nCOPY .npmrc package.json package-lock.json ./\nRUN npm ci\n', good: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n' },
        { bad: 'FROM python:3.13-slim\nCOPY .env /app/.env\n', good: 'FROM python:3.13-slim\nCOPY .env.example /app/.env.example\n' },
      ],
      references: ['https://docs.docker.com/build/building/secrets/'],
    },
  },
  create(ctx) {
    const copy = (instr: Instr): void => {
      if (instr.flags.some((f) => f.name === 'from') || instr.execForm) return;
      for (const src of instr.args.slice(0, -1)) {
        const path = src.value.replace(/^\.\//, '');
        if (!SECRET_FILE.test(path)) continue;
        ctx.report({ start: src.start, end: src.end, messageId: 'secretFile', data: { path: src.value } });
      }
    };
    return { instructions: { COPY: copy, ADD: copy }, triggers: { COPY: copy, ADD: copy } };
  },
});
