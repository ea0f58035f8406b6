import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { cacheNotCleanedHandlers } from './support';

const MANAGER = PACKAGE_MANAGERS.yum;

export default defineRule({
  meta: {
    id: 'yum-cache-not-cleaned',
    aliases: { hadolint: 'DL3032' },
    counterparts: {
      trivy: ['DS-0015'],
      kics: ['Yum Clean All Missing'],
      differences: 'Accepts removing /var/cache/yum instead of `yum clean all`, exempts stages that are only copied from, and offers a fix.',
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
      summary: '`yum install` or `yum update` without `yum clean all`',
      why: 'yum keeps repository metadata and downloaded packages in /var/cache/yum. Unless the same RUN runs `yum clean all` (or removes /var/cache/yum), that cache ships in the layer. Stages that are only copied from are exempt: their files never ship.',
      examples: [
        { bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n', good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && \\\n    yum clean all\n' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#run'],
    },
  },
  create(ctx) {
    return cacheNotCleanedHandlers(ctx, MANAGER, () => MANAGER.cleanCommand!);
  },
});
