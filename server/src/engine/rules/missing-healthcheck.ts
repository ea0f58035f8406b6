import { defineRule } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';

function chainHas(stage: Stage, keyword: string): boolean {
  for (let s: Stage | undefined = stage; s; s = s.parent) if (s.instructions.some((i) => i.keyword === keyword)) return true;
  return false;
}

/** The final stage when it is a service (it EXPOSEs a port) without a HEALTHCHECK, with its last EXPOSE. */
export function serviceWithoutHealthcheck(model: DockerfileModel): { stage: Stage; expose: Instr } | undefined {
  const stage = model.finalStage;
  if (!stage || chainHas(stage, 'HEALTHCHECK')) return undefined;
  const exposes = stage.instructions.filter((i) => i.keyword === 'EXPOSE');
  const expose = exposes[exposes.length - 1];
  return expose && { stage, expose };
}

export default defineRule({
  meta: {
    id: 'missing-healthcheck',
    aliases: { hadolint: 'DL3057' },
    counterparts: {
      tally: ['hadolint/DL3057'],
      checkov: ['CKV_DOCKER_2'],
      trivy: ['DS-0026'],
      kics: ['Healthcheck Instruction Missing'],
      differences: 'Reports only service images (ones that EXPOSE a port), where Trivy, Checkov and KICS report every file without a HEALTHCHECK.',
    },
    category: 'runtime',
    status: 'stable',
    defaultSeverity: 'info',
    messages: {
      noHealthcheck: 'The image exposes a port but has no HEALTHCHECK, so a hung service still counts as running',
    },
    docs: {
      summary: 'A service image without a HEALTHCHECK',
      why: 'An image that EXPOSEs a port is a service. Without a HEALTHCHECK, Docker and Compose only know whether the process exists, not whether it answers: a hung server stays "running", and `depends_on: condition: service_healthy` has nothing to wait for. Orchestrators with their own probes (Kubernetes) ignore HEALTHCHECK, so there it is optional.',
      examples: [
        { bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nEXPOSE 80\n', good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nEXPOSE 80\nHEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-fs", "http://localhost/"]\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#healthcheck'],
    },
  },
  check(ctx) {
    const service = serviceWithoutHealthcheck(ctx.model);
    if (service) ctx.report({ start: service.expose.keywordStart, end: service.expose.keywordEnd, messageId: 'noHealthcheck' });
  },
});
