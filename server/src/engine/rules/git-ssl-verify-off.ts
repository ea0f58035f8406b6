import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { FALSE_WORD, GIT_OPTIONS, GIT_SSL_VERIFY_KEY, VERIFICATION_VARIABLES } from '../data/verification-off';
import { readOptions, removeCommandEdit, removeOptionEdit, verificationHandlers, type VerificationFinding } from '../model/verification';

/** A git boolean that is false: `false`, `no`, `off`, `0`, or empty. */
const gitFalse = (v: string) => v === '' || FALSE_WORD.test(v);

export default defineRule({
  meta: {
    id: 'git-ssl-verify-off',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_14'], differences: 'Also reads `git config` (any case of the key, `http.<url>.sslVerify`, the `git config set` form) and `git -c http.sslVerify=false`, and finds GIT_SSL_NO_VERIFY where a RUN command exports it; an ARG without a default is not reported, as it sets nothing.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      configOff: '`{key} {value}` turns off git\'s certificate checks for every later git command',
      optionOff: '`{option}` turns off git\'s certificate checks for this command',
      variableOff: '`{name}` turns off git\'s certificate checks, whatever its value',
      removeCommand: 'Remove this command (git then checks certificates, and fetches from servers without a valid one fail)',
      removeOption: 'Remove `{option}` (git then checks certificates, and fetches from servers without a valid one fail)',
      removeVariable: 'Remove `{name}` (git then checks certificates, and fetches from servers without a valid one fail)',
    },
    docs: {
      summary: 'git with `http.sslVerify` false or `GIT_SSL_NO_VERIFY` set',
      why: 'With `http.sslVerify` false, or `GIT_SSL_NO_VERIFY` set to anything (git only asks whether it is set, so `GIT_SSL_NO_VERIFY=false` turns checks off too), git clones and fetches over HTTPS without checking the server\'s certificate: anyone on the path can hand the build other source code. Set in `git config --global` or an ENV, it stays that way for every later command and container. Give git the CA it needs with `http.sslCAInfo` (or install it in the system store) instead.',
      examples: [
        { bad: 'FROM alpine:3.21\nRUN git config --global http.sslVerify false && git clone https://git.example/app.git\n', good: 'FROM alpine:3.21\nCOPY corp-ca.pem /etc/ssl/corp-ca.pem\nRUN git config --global http.sslCAInfo /etc/ssl/corp-ca.pem && git clone https://git.example/app.git\n' },
        { bad: 'FROM alpine:3.21\nENV GIT_SSL_NO_VERIFY=1\n', good: 'FROM alpine:3.21\nENV GIT_SSL_CAINFO=/etc/ssl/corp-ca.pem\n' },
      ],
      fixSafety: 'git then checks certificates again: a clone from a server with a self-signed certificate or a CA the image does not have fails until that CA is configured.',
      references: ['https://manpages.debian.org/git-config.1', 'https://manpages.debian.org/git.1'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const git = (cmd: ShellCommand, instr: Instr): VerificationFinding[] => {
      const out: VerificationFinding[] = [];
      const options = readOptions(cmd.args, GIT_OPTIONS);
      const consumed = new Set(options.flatMap((o) => [o.first, o.last]));
      const operands = cmd.args.filter((w) => !consumed.has(w) && !w.value.startsWith('-'));
      const sub = operands[0];
      for (const o of options) {
        // `-c key=value` belongs to git itself: before the subcommand.
        if (o.name !== 'c' || o.long || (sub && o.first.start > sub.start) || !o.value) continue;
        const eq = o.value.indexOf('=');
        if (eq < 0 || !GIT_SSL_VERIFY_KEY.test(o.value.slice(0, eq)) || !gitFalse(o.value.slice(eq + 1))) continue;
        const option = `-c ${o.value}`;
        out.push({ start: o.start, end: o.end, messageId: 'optionOff', data: { option }, fixTitleId: 'removeOption', fixData: { option }, edit: removeOptionEdit(model, cmd, o) });
      }
      if (sub?.value !== 'config' || options.some((o) => o.long && /^(unset|unset-all|get|get-all|get-regexp|get-urlmatch|list)$/.test(o.name))) return out;
      const k = operands[1]?.value === 'set' ? 2 : 1;
      const key = operands[k];
      const value = operands[k + 1];
      if (key && value && GIT_SSL_VERIFY_KEY.test(key.value) && gitFalse(value.value)) {
        out.push({ start: key.start, end: value.end, messageId: 'configOff', data: { key: key.value, value: value.value }, fixTitleId: 'removeCommand', edit: removeCommandEdit(model, instr, cmd) });
      }
      return out;
    };
    return verificationHandlers(ctx, {
      commands: { git },
      variables: VERIFICATION_VARIABLES.git,
      variable: ({ setting }) => ({ start: setting.start, end: setting.end, messageId: 'variableOff', data: { name: setting.name }, fixTitleId: 'removeVariable', fixData: { name: setting.name }, edit: setting.edit }),
    });
  },
});
