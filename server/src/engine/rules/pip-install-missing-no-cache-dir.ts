import { defineRule } from '../rule';
import { isCommand } from '../model/commands';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { cacheCleanedAfter, cacheDirsAt, mountsCache, packageCommands, runShips } from './support';

const PIP = PACKAGE_MANAGERS.pip;

const TRUTHY = /^(1|true|on|yes)$/i;

export default defineRule({
  meta: {
    id: 'pip-install-missing-no-cache-dir',
    aliases: { hadolint: 'DL3042' },
    counterparts: {
      kics: ['Pip install Keeping Cached Packages'],
      differences: 'Accepts `PIP_NO_CACHE_DIR` and cache mounts, and offers a fix that adds `--no-cache-dir`.',
    },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      missingNoCacheDir: '`pip install` without `--no-cache-dir` leaves pip\'s download cache in the image',
      addNoCacheDir: 'Add --no-cache-dir',
    },
    docs: {
      summary: '`pip install` without `--no-cache-dir`',
      why: 'pip keeps every downloaded wheel in ~/.cache/pip. In an image that cache is dead weight, often tens or hundreds of megabytes. `--no-cache-dir`, `PIP_NO_CACHE_DIR=1` or a BuildKit cache mount keeps it out of the layer. Builder stages are not reported: what they leave behind never ships.',
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
      // The cache left in a builder stage never ships.
      if (!runShips(instr)) continue;
      const cmds = instr.run!.commands;
      const installs = packageCommands(instr).filter((pc) => pc.manager === PIP && pc.action === 'install');
      if (!installs.length) continue;
      if (mountsCache(instr, cacheDirsAt(model, instr, PIP))) continue;
      const envName = PIP.noCache!.env!;
      const env = model.lookupVariable(envName, instr);
      if (env?.kind === 'ENV' && TRUTHY.test(env.value ?? '')) continue;
      // `export PIP_NO_CACHE_DIR=1` earlier in the same RUN
      if (cmds.some((c) => isCommand(c, 'export') && c.args.some((a) => a.value.startsWith(`${envName}=`) && TRUTHY.test(a.value.split('=')[1] ?? '')))) continue;
      for (const pc of installs) {
        if (pc.flags.some((f) => PIP.noCache!.flags.includes(f.name))) continue;
        // `rm -rf /root/.cache/pip` or `pip cache purge` later in the RUN: nothing stays in the layer.
        if (cacheCleanedAfter(instr, pc, cacheDirsAt(model, instr, PIP))) continue;
        if (pc.cmd.assignments.some((a) => a.name === envName && TRUTHY.test(a.value))) continue;
        const install = pc.sub[0];
        ctx.report({
          start: pc.nameWord.start,
          end: pc.nameWord.end,
          messageId: 'missingNoCacheDir',
          fixes: [{ titleId: 'addNoCacheDir', safety: 'safe', changes: [{ kind: 'adds-arguments', command: pc.cmd.name, args: ['--no-cache-dir'] }], edits: [{ start: install.end, end: install.end, text: ' --no-cache-dir' }] }],
        });
      }
    }
  },
});
