import { defineRule } from '../rule';
import { secretUse } from '../model/build-secrets';

export default defineRule({
  meta: {
    id: 'secret-not-mounted',
    aliases: {},
    counterparts: { differences: 'Judges the build a compose service or bake target runs: only the stages its target needs count as mounting a secret. The git credentials BuildKit reads itself (`GIT_AUTH_TOKEN`, `GIT_AUTH_HEADER`) are never reported.' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'info',
    messages: {
      notMounted: 'The build provides the secret `{id}`, but no RUN of the stages it builds mounts it (`RUN --mount=type=secret,id={id}`)',
      notMountedClose: 'The build provides the secret `{id}`, but no RUN of the stages it builds mounts it; a RUN mounts `{close}`, which the build does not provide: did you mean `{id}` there?',
    },
    docs: {
      summary: 'A secret the compose service or bake target provides that no RUN mounts',
      why: 'A build secret reaches only the RUN steps that mount it with `--mount=type=secret,id=<id>`. A secret that the service\'s `build.secrets` or the target\'s `secret` list provides and that no RUN of the built stages mounts is either left over (a credential handed to every build for nothing) or meant for a mount whose id is spelt differently, or for a stage this build does not run (its target builds another one). The finding is on the first line of the stage the build produces, and points at where the secret is declared.',
      examples: [
        {
          bad: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
          good: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN --mount=type=secret,id=pipconf,target=/etc/pip.conf pip install --no-cache-dir -r requirements.txt\n',
          note: 'Built by a compose service whose `build.secrets` lists `pipconf`.',
          invocation: { secrets: ['pipconf'] },
        },
      ],
      references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/compose-file/build/#secrets', 'https://docs.docker.com/build/bake/reference/#targetsecret'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const use = secretUse(model);
    const stage = model.finalStage;
    if (!use || !stage) return;
    for (const { id, close } of use.unmounted) {
      // No line of the Dockerfile is wrong: the finding sits on the FROM of the image the build produces.
      ctx.report({ start: stage.from.keywordStart, end: stage.imageEnd, messageId: close ? 'notMountedClose' : 'notMounted', data: close ? { id, close } : { id }, related: model.declaredAt(`secret:${id}`) });
    }
  },
});
