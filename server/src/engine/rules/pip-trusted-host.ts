import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { baseName, isPythonName, pythonPipWords } from '../model/commands';
import { OFF_FLAGS, PIP_OPTIONS, VERIFICATION_VARIABLES } from '../data/verification-off';
import { optionText, readOptions, removeCommandEdit, removeOptionEdit, verificationHandlers, type VerificationFinding } from '../model/verification';

export default defineRule({
  meta: {
    id: 'pip-trusted-host',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_4', 'CKV2_DOCKER_16'], differences: 'Reads pip\'s options as pip does (also under `python -m pip` and as an abbreviation such as `--trusted`), finds `pip config set global.trusted-host` and PIP_TRUSTED_HOST where a RUN command exports it, and leaves `echo pip --trusted-host` alone.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      trustedHost: '`{flag}` makes pip accept that host over plain HTTP or with any certificate',
      trustedHostVariable: '`{name}` makes pip accept {value} over plain HTTP or with any certificate',
      trustedHostConfig: '`{key}` makes pip accept {value} over plain HTTP or with any certificate, in every later pip command',
      removeFlag: 'Remove `{flag}` (pip then checks that host\'s certificate, and fails if it is not valid)',
      removeVariable: 'Remove `{name}` (pip then checks that host\'s certificate, and fails if it is not valid)',
      removeCommand: 'Remove this command (pip then checks that host\'s certificate, and fails if it is not valid)',
    },
    docs: {
      summary: 'pip with `--trusted-host` or `PIP_TRUSTED_HOST`',
      why: 'A trusted host is one pip fetches from without checking its certificate, or over plain HTTP: anyone on the path can serve the build other packages, and pip installs them and runs their setup code. It is usually a workaround for a private index behind a self-signed certificate or a proxy that intercepts TLS. Serve the index over HTTPS and give pip its CA with `--cert` or `PIP_CERT` (or install it in the system store), then drop the trusted host.',
      examples: [
        { bad: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir --trusted-host pypi.example.com -i http://pypi.example.com/simple app==1.2\n', good: 'FROM python:3.13-slim\nCOPY corp-ca.pem /etc/ssl/corp-ca.pem\nRUN pip install --no-cache-dir --cert /etc/ssl/corp-ca.pem -i https://pypi.example.com/simple app==1.2\n' },
        { bad: 'FROM python:3.13-slim\nENV PIP_TRUSTED_HOST=pypi.example.com\n', good: 'FROM python:3.13-slim\nENV PIP_CERT=/etc/ssl/corp-ca.pem\n' },
      ],
      fixSafety: 'pip then checks the host\'s certificate (and refuses plain HTTP): a build that reaches its index over HTTP or through an untrusted certificate fails until the index URL and the CA are fixed.',
      references: ['https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host', 'https://pip.pypa.io/en/stable/topics/https-certificates/'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const pip = (cmd: ShellCommand, instr: Instr): VerificationFinding[] => {
      const words = isPythonName(baseName(cmd)) ? pythonPipWords(cmd) : cmd.args;
      if (!words) return [];
      const options = readOptions(words, PIP_OPTIONS);
      const out: VerificationFinding[] = options
        .filter((o) => o.long && (OFF_FLAGS.pip.long as readonly string[]).includes(o.name))
        .map((o) => ({ start: o.start, end: o.end, messageId: 'trustedHost', data: { flag: optionText(o) }, fixTitleId: 'removeFlag', fixData: { flag: optionText(o) }, edit: removeOptionEdit(model, cmd, o) }));
      // `pip config [--global|--user|--site] set global.trusted-host host`
      const operands = words.filter((w) => !w.value.startsWith('-'));
      if (operands[0]?.value === 'config' && operands[1]?.value === 'set' && /(^|\.)trusted-host$/.test(operands[2]?.value ?? '') && operands[3]) {
        out.push({ start: operands[2].start, end: operands[3].end, messageId: 'trustedHostConfig', data: { key: operands[2].value, value: `\`${operands[3].value}\`` }, fixTitleId: 'removeCommand', edit: removeCommandEdit(model, instr, cmd) });
      }
      return out;
    };
    return verificationHandlers(ctx, {
      commands: { pip, pip3: pip, python: pip, python3: pip },
      variables: VERIFICATION_VARIABLES.pip,
      variable: ({ setting }) => ({ start: setting.start, end: setting.end, messageId: 'trustedHostVariable', data: { name: setting.name, value: `\`${setting.value ?? ''}\`` }, fixTitleId: 'removeVariable', fixData: { name: setting.name }, edit: setting.edit }),
    });
  },
});
