import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand, ShellWord } from '../model/shell';
import { packageCommand } from '../model/package-managers';
import { FALSE_WORD, OFF_FLAGS, RPM_MANAGER_COMMANDS, RPM_MANAGER_OPTIONS, RPM_SETOPT_OFF } from '../data/verification-off';
import { onlyBuiltHere, optionText, readOptions, removeOptionEdit, removeWordsEdit, verificationHandlers, type VerificationFinding } from '../model/verification';

export default defineRule({
  meta: {
    id: 'rpm-gpg-check-off',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_9', 'CKV2_DOCKER_15'], differences: 'Reads the options of yum, dnf, microdnf, tdnf and their config managers as they do: `--setopt` with `=` or a separate value, for a repository (`*.gpgcheck=0`) or all, with any false word (`0`, `False`, `no`), and dnf5\'s `config-manager setopt`; packages another stage of the same build made (mounted `from=` a stage, or brought by `COPY --from`) are not reported.' },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      gpgOff: '`{flag}` installs packages without checking their signatures',
      sslOff: '`{flag}` fetches from the repositories without checking their certificates',
      removeFlag: 'Remove `{flag}` (packages and repositories are then checked, and the install fails where they are not signed or trusted)',
    },
    docs: {
      summary: 'yum/dnf with `--nogpgcheck`, `gpgcheck=0` or `sslverify=0`',
      why: 'yum and dnf check every package\'s GPG signature against the repository\'s key, and the repository\'s TLS certificate. `--nogpgcheck` or `--setopt=gpgcheck=0` installs whatever arrives, signed or not, and `sslverify=0` accepts any server: anyone on the path, or a compromised mirror, can then put their own packages into the image. Import the vendor\'s key (`rpm --import`) or install the repository\'s release package, which brings it. Not reported: `--nogpgcheck` for package files another stage of the same build made (mounted `from=` a stage, or brought by `COPY --from`), which never crossed a network.',
      examples: [
        { bad: 'FROM rockylinux:9\nRUN dnf install -y --nogpgcheck nginx && dnf clean all\n', good: 'FROM rockylinux:9\nRUN dnf install -y nginx && dnf clean all\n' },
        { bad: 'FROM rockylinux:9\nRUN dnf config-manager --setopt=*.sslverify=0 --save\n', good: 'FROM rockylinux:9\nCOPY corp-ca.pem /etc/pki/ca-trust/source/anchors/\nRUN update-ca-trust\n' },
      ],
      fixSafety: 'Signatures and certificates are then checked: an install of a package that is not signed with a key the image knows, or from a repository with an untrusted certificate, fails until the key or CA is installed.',
      references: ['https://dnf.readthedocs.io/en/latest/command_ref.html#options', 'https://dnf.readthedocs.io/en/latest/conf_ref.html'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const setopt = (text: string): string | undefined => {
      const eq = text.indexOf('=');
      if (eq < 0 || !RPM_SETOPT_OFF.test(text.slice(0, eq)) || !FALSE_WORD.test(text.slice(eq + 1))) return undefined;
      return /sslverify$/i.test(text.slice(0, eq)) ? 'sslOff' : 'gpgOff';
    };
    const judge = (cmd: ShellCommand, instr: Instr, written: ShellCommand): VerificationFinding[] => {
      const out: VerificationFinding[] = [];
      // Packages another stage of this build made are not signed, and never crossed a network.
      const local = onlyBuiltHere(model, instr, packageCommand(written)?.operands ?? []);
      for (const o of readOptions(cmd.args, RPM_MANAGER_OPTIONS)) {
        const messageId = !o.long ? undefined : (OFF_FLAGS.rpmManager.long as readonly string[]).includes(o.name) ? 'gpgOff' : o.name === 'setopt' ? setopt(o.value ?? '') : undefined;
        if (!messageId || (local && messageId === 'gpgOff')) continue;
        const flag = optionText(o);
        out.push({ start: o.start, end: o.end, messageId, data: { flag }, fixTitleId: 'removeFlag', fixData: { flag }, edit: removeOptionEdit(model, cmd, o) });
      }
      // dnf5: `dnf config-manager setopt KEY=VALUE…`
      const operands = cmd.args.filter((w) => !w.value.startsWith('-'));
      if (operands[0]?.value === 'config-manager' && operands[1]?.value === 'setopt') {
        const pairs = operands.slice(2);
        pairs.forEach((w: ShellWord) => {
          const messageId = setopt(w.value);
          if (!messageId) return;
          const i = cmd.args.indexOf(w);
          out.push({ start: w.start, end: w.end, messageId, data: { flag: w.value }, fixTitleId: 'removeFlag', fixData: { flag: w.value }, edit: pairs.length > 1 ? removeWordsEdit(model, cmd.nameWord, cmd.args, i, i) : undefined });
        });
      }
      return out;
    };
    return verificationHandlers(ctx, { commands: Object.fromEntries(RPM_MANAGER_COMMANDS.map((name) => [name, judge])) });
  },
});
