import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand, ShellWord } from '../model/shell';
import { FALSE_WORD, NPM_OPTIONS, STRICT_SSL_KEY, VERIFICATION_VARIABLES } from '../data/verification-off';
import { optionText, readOptions, removeCommandEdit, removeOptionEdit, removeWordsEdit, verificationHandlers, type VerificationFinding } from '../model/verification';

export default defineRule({
  meta: {
    id: 'npm-strict-ssl-off',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_12', 'CKV2_DOCKER_13'], differences: 'Reads the command as npm does: `npm c set`, `npm set`, `key=value` pairs, `--strict-ssl=false` and `--no-strict-ssl` on any npm command, pnpm and Yarn 2\'s `enableStrictSsl`, and the variable where a RUN command exports it.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      configOff: '`{key} {value}` turns off the registry\'s certificate checks for every later {tool} command',
      flagOff: '`{flag}` turns off the registry\'s certificate checks for this npm command',
      variableOff: '`{name}={value}` turns off the registry\'s certificate checks for npm',
      removeSetting: 'Remove `{key} {value}` (the registry\'s certificate is then checked, and installs fail if it is not valid)',
      removeCommand: 'Remove this command (the registry\'s certificate is then checked, and installs fail if it is not valid)',
      removeFlag: 'Remove `{flag}` (the registry\'s certificate is then checked, and installs fail if it is not valid)',
      removeVariable: 'Remove `{name}` (the registry\'s certificate is then checked, and installs fail if it is not valid)',
    },
    docs: {
      summary: 'npm, pnpm or Yarn with `strict-ssl` off',
      why: 'With `strict-ssl` false, npm (pnpm, Yarn) fetches packages from a registry without checking its certificate: anyone on the path can serve the build other packages, whose install scripts then run in it. It is usually a workaround for a private registry or a proxy with its own CA. Give npm that CA with `npm config set cafile` or `NODE_EXTRA_CA_CERTS` and keep `strict-ssl` on.',
      examples: [
        { bad: 'FROM node:22-slim\nRUN npm config set strict-ssl false && npm ci\n', good: 'FROM node:22-slim\nCOPY corp-ca.pem /etc/ssl/corp-ca.pem\nRUN npm config set cafile /etc/ssl/corp-ca.pem && npm ci\n' },
        { bad: 'FROM node:22-slim\nENV NPM_CONFIG_STRICT_SSL=false\n', good: 'FROM node:22-slim\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/corp-ca.pem\n' },
      ],
      fixSafety: 'The registry\'s certificate is then checked: installs through a proxy or from a registry whose CA the image does not trust fail until that CA is configured.',
      references: ['https://docs.npmjs.com/cli/using-npm/config#strict-ssl'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const judge = (tool: string) => (cmd: ShellCommand, instr: Instr): VerificationFinding[] => {
      const out: VerificationFinding[] = [];
      if (tool === 'npm') {
        for (const o of readOptions(cmd.args, NPM_OPTIONS)) {
          if (!(o.long && ((o.name === 'strict-ssl' && FALSE_WORD.test(o.value ?? '')) || (o.name === 'no-strict-ssl' && o.value === undefined)))) continue;
          out.push({ start: o.start, end: o.end, messageId: 'flagOff', data: { flag: optionText(o) }, fixTitleId: 'removeFlag', fixData: { flag: optionText(o) }, edit: removeOptionEdit(model, cmd, o) });
        }
      }
      // `config set K V…` (`npm c set`, `npm set`), with `K=V` pairs too (npm 7+).
      const operands = cmd.args.filter((w) => !w.value.startsWith('-'));
      let at = -1;
      if (['config', 'c'].includes(operands[0]?.value ?? '') && operands[1]?.value === 'set') at = 2;
      else if (tool === 'npm' && operands[0]?.value === 'set') at = 1;
      if (at < 0) return out;
      const pairs: Array<{ key: string; value: string; words: ShellWord[] }> = [];
      for (let i = at; i < operands.length; i++) {
        const w = operands[i];
        const eq = w.value.indexOf('=');
        if (eq > 0) pairs.push({ key: w.value.slice(0, eq), value: w.value.slice(eq + 1), words: [w] });
        else if (i + 1 < operands.length) { pairs.push({ key: w.value, value: operands[i + 1].value, words: [w, operands[i + 1]] }); i++; }
      }
      for (const p of pairs) {
        if (!STRICT_SSL_KEY.test(p.key) || !FALSE_WORD.test(p.value)) continue;
        const first = p.words[0];
        const last = p.words[p.words.length - 1];
        const edit = pairs.length === 1 ? removeCommandEdit(model, instr, cmd) : removeWordsEdit(model, cmd.nameWord, cmd.args, cmd.args.indexOf(first), cmd.args.indexOf(last));
        out.push({ start: first.start, end: last.end, messageId: 'configOff', data: { key: p.key, value: p.value, tool }, fixTitleId: pairs.length === 1 ? 'removeCommand' : 'removeSetting', fixData: pairs.length === 1 ? undefined : { key: p.key, value: p.value }, edit });
      }
      return out;
    };
    return verificationHandlers(ctx, {
      commands: { npm: judge('npm'), pnpm: judge('pnpm'), yarn: judge('yarn') },
      variables: VERIFICATION_VARIABLES.npm,
      variable: ({ setting }) => ({ start: setting.start, end: setting.end, messageId: 'variableOff', data: { name: setting.name, value: setting.value ?? '' }, fixTitleId: 'removeVariable', fixData: { name: setting.name }, edit: setting.edit }),
    });
  },
});
