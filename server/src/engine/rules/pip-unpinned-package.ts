import { defineRule } from '../rule';
import type { ShellCommand, ShellWord } from '../model/shell';
import { baseName, parseArgs } from '../model/commands';
import { resolvedOperand } from './support';

// pip install options that take a value (their value is never a package).
const PIP_VALUE_FLAGS = ['r', 'requirement', 'c', 'constraint', 'e', 'editable', 'i', 'index-url', 'extra-index-url', 'f', 'find-links', 't', 'target', 'prefix', 'root', 'src', 'platform', 'python-version', 'implementation', 'abi', 'upgrade-strategy', 'global-option', 'config-settings', 'C', 'progress-bar', 'root-user-action', 'report', 'python', 'log', 'proxy', 'retries', 'timeout', 'exists-action', 'trusted-host', 'cert', 'client-cert', 'cache-dir', 'no-binary', 'only-binary', 'keyring-provider', 'use-feature', 'use-deprecated', 'group', 'build', 'b'];

/** The packages of a `pip install` (also `pip3`, `python -m pip`), or undefined when `cmd` is not one. */
export function pipInstallPackages(cmd: ShellCommand): ShellWord[] | undefined {
  const name = baseName(cmd);
  let words = cmd.args;
  if (/^python[\d.]*$/.test(name)) {
    const m = words.findIndex((w) => w.value === '-m');
    if (m < 0 || words[m + 1]?.value !== 'pip') return undefined;
    words = words.slice(m + 2);
  } else if (!/^pip[\d.]*$/.test(name)) return undefined;
  const { operands } = parseArgs({ ...cmd, args: words }, PIP_VALUE_FLAGS);
  if (operands[0]?.value !== 'install') return undefined;
  return operands.slice(1);
}

function pinned(spec: string): boolean {
  if (/(===|==|>=|<=|~=|!=|<|>)/.test(spec)) return true;
  // A VCS URL names a revision with `@` in its path: `git+https://host/repo.git@v1.0#egg=x`.
  const vcs = /^(?:[\w.-]+\s*@\s*)?(?:git|hg|svn|bzr)\+[a-z]+:\/\/[^/]*(\/[^#]*)/.exec(spec);
  if (vcs) return vcs[1].includes('@');
  if (spec.includes('@')) return true; // `pkg @ https://…/pkg.zip` direct reference
  if (/\.(whl|tar\.gz|tgz|zip)$/.test(spec)) return true;
  return spec.includes('/') || spec.startsWith('.');
}

export default defineRule({
  meta: {
    id: 'pip-unpinned-package',
    aliases: { hadolint: 'DL3013' },
    defaultSeverity: 'warning',
    scope: 'stage',
    docs: {
      summary: '`pip install` of a package without a version',
      why: 'Without a version specifier, `pip install flask` installs the newest release on the day of the build: two builds can ship different code, and a new major release can break the image. Pin with `flask==3.0.3` (or a compatible range such as `flask~=3.0`), or install from a requirements or constraints file (`-r requirements.txt`, `-c constraints.txt`) that pins everything. PyPI keeps old versions, so pins do not rot the way apt pins do.',
      examples: [
        { bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n', good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n' },
        { bad: 'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir -r requirements.txt gunicorn\n', good: 'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir -r requirements.txt gunicorn==22.0.0\n', note: 'Packages named beside `-r` are still checked.' },
      ],
      references: ['https://pip.pypa.io/en/stable/topics/repeatable-installs/', 'https://peps.python.org/pep-0440/#version-specifiers'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        const packages = pipInstallPackages(cmd);
        if (!packages) continue;
        // A constraints file pins what the command line names.
        if (cmd.args.some((w) => /^(-c|--constraint)(=|$)|^-c./.test(w.value))) continue;
        for (const w of packages) {
          const values = resolvedOperand(ctx.model, instr, w);
          if (!values) continue;
          const unpinned = values.filter((v) => !pinned(v));
          if (!unpinned.length) continue;
          ctx.report({ start: w.start, end: w.end, message: `Pin the version of \`${unpinned.join(' ')}\` (\`pip install <package>==<version>\`)` });
        }
      }
    }
  },
});
