import { defineRule } from '../rule';
import { PACKAGE_MANAGERS, PIN_MESSAGES } from '../model/package-managers';
import { packageCommands, reportUnpinned } from './support';

const PIP = PACKAGE_MANAGERS.pip;

export default defineRule({
  meta: {
    id: 'pip-unpinned-package',
    aliases: { hadolint: 'DL3013' },
    counterparts: {
      kics: ['Unpinned Package Version in Pip Install'],
    },
    category: 'reproducibility',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      unpinned: 'Pin {packages}',
      ...PIN_MESSAGES,
    },
    docs: {
      summary: '`pip install` of a package without a version',
      why: 'Without a version specifier, `pip install flask` installs the newest release on the day of the build: two builds can ship different code, and a new major release can break the image. Pin with `flask==3.0.3` (or a compatible range such as `flask~=3.0`), or install from a requirements or constraints file (`-r requirements.txt`, `-c constraints.txt`) that pins everything. PyPI keeps old versions, so pins do not rot the way apt pins do. A VCS requirement (`git+https://…/repo.git`) names its revision after `@` (`…/repo.git@v1.2.0`).',
      examples: [
        { bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n', good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n' },
        { bad: 'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir -r requirements.txt gunicorn\n', good: 'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir -r requirements.txt gunicorn==22.0.0\n', note: 'Packages named beside `-r` are still checked.' },
      ],
      references: ['https://pip.pypa.io/en/stable/topics/repeatable-installs/', 'https://peps.python.org/pep-0440/#version-specifiers'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const pc of packageCommands(instr)) {
        if (pc.manager !== PIP || pc.action !== 'install') continue;
        reportUnpinned(ctx, instr, pc);
      }
    }
  },
});
