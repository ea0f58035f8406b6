import { defineRule } from '../rule';
import { mountFrom, type Instr } from '../model/dockerfile';
import { parseImageReference } from '../model/image';
import { substitute } from '../model/variables';

/** Registry patterns as hadolint reads them: `*`, `*.suffix`, `prefix*`, or an exact name. */
export function registryAllowed(registry: string, patterns: string[]): boolean {
  return patterns.some((p) => {
    if (p === '*') return true;
    if (p.startsWith('*')) return registry.endsWith(p.slice(1));
    if (p.endsWith('*')) return registry.startsWith(p.slice(0, -1));
    return registry === p;
  });
}

export default defineRule({
  meta: {
    id: 'trusted-registry',
    aliases: { hadolint: 'DL3026' },
    counterparts: {
      tally: ['hadolint/DL3026'],
    },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      untrustedRegistry: '`{image}` comes from registry `{registry}`, which is not in trustedRegistries',
      untrustedDockerHub: '`{image}` comes from Docker Hub, which is not in trustedRegistries',
    },
    docs: {
      summary: 'Image from a registry that is not trusted',
      why: 'With `trustedRegistries` configured, every image the build pulls (FROM, `COPY --from=<image>`, `RUN --mount=from=<image>`) must come from one of them: images from elsewhere bypass the scanning, mirroring and access control of the approved registries. Images without a registry come from Docker Hub (`docker.io`). Patterns: `*`, `*.example.com`, `registry.example.com*`, or an exact name. Inactive until `trustedRegistries` is set.',
      examples: [
        {
          bad: 'FROM ghcr.io/acme/base:1.0\n',
          good: 'FROM registry.example.com/acme/base:1.0\n',
          settings: { trustedRegistries: ['registry.example.com'] },
          note: 'With `trustedRegistries: [registry.example.com]`.',
        },
      ],
      references: ['https://github.com/hadolint/hadolint#configure'],
    },
  },
  check(ctx) {
    const trusted = ctx.settings.trustedRegistries;
    if (!trusted.length) return;
    const { model } = ctx;
    const check = (instr: Instr, raw: string, start: number, end: number) => {
      const lookup = (n: string) => (instr.keyword === 'FROM' ? model.globalArgs.get(n) : model.lookupVariable(n, instr))?.value;
      const { value: written, unresolved } = substitute(raw, lookup, model.escapeChar);
      if (unresolved.length || !written || written === 'scratch') return;
      const stage = instr.keyword === 'FROM' ? model.stages.find((s) => s.from === instr) : instr.stage ?? undefined;
      // A named context reads its `docker-image://` image instead; any other context pulls no image.
      const context = model.namedContext(written);
      if (context ? !context.image : model.stageByName(written, stage)) return;
      const value = context?.image ?? written;
      const ref = parseImageReference(value, value, []);
      const registry = ref.registry ?? 'docker.io';
      const hub = registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io';
      if (registryAllowed(registry, trusted) || (hub && (registryAllowed('docker.io', trusted) || registryAllowed('hub.docker.com', trusted)))) return;
      const related = model.contextDeclaredAt(context);
      if (ref.registry) ctx.report({ start, end, messageId: 'untrustedRegistry', data: { image: value, registry }, related });
      else ctx.report({ start, end, messageId: 'untrustedDockerHub', data: { image: value }, related });
    };
    for (const instr of model.instructions) {
      if (instr.keyword === 'FROM') {
        const stage = model.stages.find((s) => s.from === instr);
        if (stage && stage.image.raw) check(instr, stage.image.raw, stage.imageStart, stage.imageEnd);
      } else if (instr.keyword === 'COPY') {
        const from = instr.flags.find((f) => f.name === 'from');
        if (from?.value && !/^\d+$/.test(from.value)) check(instr, from.value, from.valueStart ?? from.start, from.end);
      } else if (instr.keyword === 'RUN') {
        for (const f of instr.flags) {
          const mount = mountFrom(f);
          if (mount) check(instr, mount.value, mount.start, mount.end);
        }
      }
    }
  },
});
