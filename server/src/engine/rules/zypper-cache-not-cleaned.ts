import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { cacheNotCleanedHandlers } from './support';

const MANAGER = PACKAGE_MANAGERS.zypper;

export default defineRule({
  meta: {
    id: 'zypper-cache-not-cleaned',
    aliases: { hadolint: 'DL3036' },
    counterparts: {
      trivy: ['DS-0020'],
      kics: ['Missing Zypper Clean'],
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
      summary: '`zypper install` or `zypper update` without `zypper clean`',
      why: 'zypper keeps repository metadata and packages in /var/cache/zypp. Unless the same RUN runs `zypper clean` (or removes /var/cache/zypp, or mounts a cache there), it ships in the layer. Stages that are only copied from are exempt: their files never ship.',
      examples: [
        { bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0\n', good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && \\\n    zypper clean\n' },
      ],
      references: ['https://en.opensuse.org/SDB:Zypper_manual'],
    },
  },
  create(ctx) {
    return cacheNotCleanedHandlers(ctx, MANAGER, () => MANAGER.cleanCommand!);
  },
});
