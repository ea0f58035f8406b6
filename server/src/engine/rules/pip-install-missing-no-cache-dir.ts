import { defineRule } from '../rule';
import { isCommand, pipInstall } from '../model/commands';
import { cacheMountTargets } from './support';

const TRUTHY = /^(1|true|on|yes)$/i;

export default defineRule({
  meta: {
    id: 'pip-install-missing-no-cache-dir',
    aliases: { hadolint: 'DL3042' },
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`pip install` without `--no-cache-dir`',
      why: 'pip keeps every downloaded wheel in ~/.cache/pip. In an image that cache is dead weight, often tens or hundreds of megabytes. `--no-cache-dir`, `PIP_NO_CACHE_DIR=1` or a BuildKit cache mount keeps it out of the layer.',
      examples: [
        { bad: 'FROM python:3.13-slim\nRUN pip install -r requirements.txt\n', good: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' },
        { bad: 'FROM python:3.13-slim\nRUN python -m pip install flask==3.1.0\n', good: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=1\nRUN python -m pip install flask==3.1.0\n' },
      ],
      references: ['https://pip.pypa.io/en/stable/topics/caching/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.runs) {
      const cmds = instr.run!.commands;
      if (!cmds.some((c) => pipInstall(c))) continue;
      if (cacheMountTargets(instr).some((t) => t.includes('.cache/pip'))) continue;
      const env = model.lookupVariable('PIP_NO_CACHE_DIR', instr);
      if (env?.kind === 'ENV' && TRUTHY.test(env.value ?? '')) continue;
      // `export PIP_NO_CACHE_DIR=1` earlier in the same RUN
      if (cmds.some((c) => isCommand(c, 'export') && c.args.some((a) => /^PIP_NO_CACHE_DIR=/.test(a.value) && TRUTHY.test(a.value.split('=')[1] ?? '')))) continue;
      for (const cmd of cmds) {
        const install = pipInstall(cmd);
        if (!install) continue;
        if (cmd.args.some((a) => a.value === '--no-cache-dir' || a.value.startsWith('--no-cache-dir='))) continue;
        if (cmd.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR' && TRUTHY.test(a.value))) continue;
        ctx.report({
          start: cmd.nameWord.start,
          end: cmd.nameWord.end,
          message: '`pip install` without `--no-cache-dir` leaves pip\'s download cache in the image',
          fixes: [{ title: 'Add --no-cache-dir', safety: 'safe', changes: [{ kind: 'adds-arguments', command: cmd.name, args: ['--no-cache-dir'] }], edits: [{ start: install.end, end: install.end, text: ' --no-cache-dir' }] }],
        });
      }
    }
  },
});
