import { defineRule } from '../rule';
import { OFF_FLAGS, RPM_OPTIONS } from '../data/verification-off';
import { onlyBuiltHere, optionText, readOptions, removeOptionEdit, verificationHandlers } from '../model/verification';

// rpm's modes that install packages: `-i`, `-U`, `-F` (in clusters such as `-ivh`) and their long names.
const INSTALL_LETTERS = ['i', 'U', 'F'];
const INSTALL_LONG = ['install', 'upgrade', 'freshen', 'reinstall'];

export default defineRule({
  meta: {
    id: 'rpm-no-signature-check',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_10'], differences: 'Only reports rpm commands that install (`-i`, `-U`, `-F`, in clusters such as `-ivh`): `rpm -qa --nosignature` and other queries read the local database and verify nothing anyway; nor package files another stage of the same build made (mounted `from=` a stage, or brought by `COPY --from`).' },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      noCheck: '`{flag}` installs the package without checking its {what}',
      signature: 'signature',
      digest: 'digests',
      removeFlag: 'Remove `{flag}` (rpm then checks the package, and the install fails where it is not signed with a key the image knows)',
    },
    docs: {
      summary: '`rpm -i`/`-U` with `--nosignature`, `--nodigest` or `--noverify`',
      why: 'rpm checks a package\'s signature against the keys in its database and the digests of its contents before installing it. `--nosignature`, `--nodigest`, `--nofiledigest` and `--noverify` skip those checks, so a package changed on the server or on the way installs as if it were the vendor\'s. Import the vendor\'s key with `rpm --import` first, or install through dnf or yum from a repository that has it. Not reported: package files another stage of the same build made (mounted `from=` a stage, or brought by `COPY --from`), which never crossed a network.',
      examples: [
        { bad: 'FROM rockylinux:9\nRUN rpm -ivh --nosignature https://example.com/tool-1.2.x86_64.rpm\n', good: 'FROM rockylinux:9\nRUN rpm --import https://example.com/RPM-GPG-KEY-tool && rpm -ivh https://example.com/tool-1.2.x86_64.rpm\n' },
      ],
      fixSafety: 'rpm then checks the package: an install of a package signed with a key the image has not imported fails until the key is imported.',
      references: ['https://manpages.debian.org/rpm.8'],
    },
  },
  create(ctx) {
    return verificationHandlers(ctx, {
      commands: {
        rpm: (cmd, instr) => {
          const options = readOptions(cmd.args, RPM_OPTIONS);
          if (!options.some((o) => (o.long ? INSTALL_LONG.includes(o.name) : INSTALL_LETTERS.includes(o.name)))) return [];
          // Package files another stage of this build made are not signed, and never crossed a network.
          const consumed = new Set(options.flatMap((o) => [o.first, o.last]));
          if (onlyBuiltHere(ctx.model, instr, cmd.args.filter((w) => !consumed.has(w) && !w.value.startsWith('-')))) return [];
          return options.filter((o) => o.long && (OFF_FLAGS.rpm.long as readonly string[]).includes(o.name)).map((o) => {
            const flag = optionText(o);
            return { start: o.start, end: o.end, messageId: 'noCheck', data: { flag, what: { messageId: /digest/.test(o.name) ? 'digest' : 'signature' } }, fixTitleId: 'removeFlag', fixData: { flag }, edit: removeOptionEdit(ctx.model, cmd, o) };
          });
        },
      },
    });
  },
});
