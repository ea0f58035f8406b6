import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { assumeYesHandlers } from './support';

const MANAGER = PACKAGE_MANAGERS.yum;

export default defineRule({
  meta: {
    id: 'yum-missing-yes',
    aliases: { hadolint: 'DL3030' },
    counterparts: {
      tally: ['hadolint/DL3030'],
      kics: ['Yum Install Allows Manual Input'],
      differences: 'Also checks update and remove, and offers a fix that adds `-y`.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      missingYes: '`yum {subcommand}` without `-y` stops at the confirmation prompt',
      addYes: 'Add -y',
    },
    docs: {
      summary: '`yum install` (or update, remove) without `-y`',
      why: 'yum asks "Is this ok [y/N]" before installing, updating or removing packages. A build cannot answer, so without `-y` (`--assumeyes`) yum reads end-of-input as "no" and the RUN fails.',
      examples: [
        { bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n', good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
      ],
      references: ['https://man7.org/linux/man-pages/man8/yum.8.html'],
    },
  },
  create(ctx) { return assumeYesHandlers(ctx, MANAGER, 'missingYes', (pc) => ({ subcommand: pc.subcommand })); },
});
