import { defineRule } from '../rule';
import { isCommand, parseArgs } from '../model/commands';
import { resolvedOperand } from './support';

const GEM_VALUE_FLAGS = ['v', 'version', 'i', 'install-dir', 'n', 'bindir', 's', 'source', 'p', 'http-proxy', 'platform', 'P', 'trust-policy', 'build-root', 'g', 'file', 'config-file'];

export default defineRule({
  meta: {
    id: 'gem-unpinned-package',
    aliases: { hadolint: 'DL3028' },
    defaultSeverity: 'warning',
    needs: { commands: ['gem'] },
    scope: 'stage',
    docs: {
      summary: '`gem install` without a version',
      why: 'Without a version, `gem install bundler` installs the newest release on the day of the build, so rebuilds can differ and a new major version can break the image. Pin with `gem install bundler:2.5.22` or `-v 2.5.22`, or install from a Gemfile.lock with `bundle install`.',
      examples: [
        { bad: 'FROM ruby:3.3-slim\nRUN gem install --no-document bundler\n', good: 'FROM ruby:3.3-slim\nRUN gem install --no-document bundler:2.5.22\n' },
      ],
      references: ['https://guides.rubygems.org/command-reference/#gem-install'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        if (!isCommand(cmd, 'gem')) continue;
        const { flags, operands } = parseArgs(cmd, GEM_VALUE_FLAGS);
        if (!['install', 'i'].includes(operands[0]?.value ?? '')) continue;
        if (flags.some((f) => f.name === 'v' || f.name === 'version')) continue;
        // Words after `--` are build options for the gem, not gems.
        const dashdash = cmd.args.findIndex((w) => w.value === '--' && !w.quoted);
        const limit = dashdash >= 0 ? cmd.args[dashdash].start : Infinity;
        for (const w of operands.slice(1)) {
          if (w.start >= limit) break;
          const values = resolvedOperand(ctx.model, instr, w);
          if (!values) continue;
          const unpinned = values.filter((v) => !v.includes(':') && !v.endsWith('.gem'));
          if (!unpinned.length) continue;
          ctx.report({ start: w.start, end: w.end, message: `Pin the version of \`${unpinned.join(' ')}\` (\`gem install <gem>:<version>\`)` });
        }
      }
    }
  },
});
