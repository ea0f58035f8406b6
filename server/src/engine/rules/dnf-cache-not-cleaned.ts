import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { cacheNotCleanedHandlers } from './support';

const MANAGER = PACKAGE_MANAGERS.dnf;


export default defineRule({
  meta: {
    id: 'dnf-cache-not-cleaned',
    aliases: { hadolint: 'DL3040' },
    counterparts: {
      trivy: ['DS-0019'],
      kics: ['Missing Dnf Clean All'],
      differences: 'Accepts removing the cache or mounting one there instead of `dnf clean all`, exempts stages that are only copied from, and offers a fix.',
    },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      cacheNotCleaned: 'The {tool} cache stays in this layer; run `{command}` in the same RUN',
      appendClean: 'Append {command}',
    },
    docs: {
      summary: '`dnf install` or `dnf upgrade` without `dnf clean all`',
      why: 'dnf keeps repository metadata and downloaded packages in /var/cache/dnf (/var/cache/libdnf5 for dnf5). Unless the same RUN runs `dnf clean all` (or removes the cache, or mounts a cache there), it ships in the layer. Stages that are only copied from are exempt: their files never ship.',
      examples: [
        { bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n', good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && \\\n    dnf clean all\n' },
      ],
      references: ['https://dnf.readthedocs.io/en/latest/command_ref.html#clean-command'],
    },
  },
  create(ctx) {
    return cacheNotCleanedHandlers(ctx, MANAGER, (pc) => `${pc.tool} clean all`);
  },
});
