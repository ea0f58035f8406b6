import { defineRule } from '../rule';
import { secretUse } from '../model/build-secrets';

export default defineRule({
  meta: {
    id: 'secret-not-provided',
    aliases: {},
    counterparts: { differences: 'Judges the build a compose service or bake target runs: only the stages its target needs, with the secrets it declares; a plain `docker build` may pass any `--secret`, so without a compose or bake file nothing is reported.' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    messages: {
      notProvided: 'The build does not provide the secret `{id}`: this step runs without it (nothing at its mount), so what needs it fails or quietly does without',
      notProvidedClose: 'The build does not provide the secret `{id}`, but provides `{close}`: this step runs without it (nothing at its mount); did you mean `{close}`?',
      requiredNotProvided: 'The build does not provide the secret `{id}`, which this step requires (`required=true`): the build fails here',
      requiredNotProvidedClose: 'The build does not provide the secret `{id}`, which this step requires (`required=true`), but provides `{close}`: the build fails here; did you mean `{close}`?',
    },
    docs: {
      summary: 'A secret mount whose id the compose service or bake target does not provide',
      why: 'A `RUN --mount=type=secret` gets its secret from the build: `docker compose build` passes the service\'s `build.secrets`, `docker buildx bake` the target\'s `secret` list. When the build does not provide the id, BuildKit runs the step without the secret: no file at the mount\'s target (`/run/secrets/<id>` by default) and no variable for `env=`. A private package install then falls back to the public registry or fails with an authentication error far from its cause. With `required=true` the build stops at the step instead. The id is `id=`, or else the file name of `target=`; ids are compared exactly, case included. Only the stages the build runs count: the target and the stages it is built from, copies from or mounts from.',
      examples: [
        {
          bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n',
          good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npm_token,target=/root/.npmrc npm ci\n',
          note: 'Built by a compose service whose `build.secrets` lists `npm_token` only.',
          invocation: { secrets: ['npm_token'] },
        },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#run---mounttypesecret', 'https://docs.docker.com/reference/compose-file/build/#secrets', 'https://docs.docker.com/build/bake/reference/#targetsecret'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const use = secretUse(model);
    if (!use) return;
    for (const { mount, close } of use.missing) {
      const messageId = mount.required ? (close ? 'requiredNotProvidedClose' : 'requiredNotProvided') : (close ? 'notProvidedClose' : 'notProvided');
      ctx.report({ start: mount.start, end: mount.end, messageId, data: close ? { id: mount.id, close } : { id: mount.id }, related: model.declaredAt('') });
    }
  },
});
