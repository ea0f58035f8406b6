// `dockwise --explain-context`: for each Dockerfile, the compose services and bake targets that build it, as the
// command finds them from the current folder (or the Dockerfile's own folder when it lies outside): the context,
// the Dockerfile, the args, the target and the rest each passes to the build, and what could not be read.
import type { Invocation } from '../engine/invocation';
import type { Locale } from '../engine/i18n/locale';
import { fileUri, nodeHost } from '../host/node';
import { findInvocations, invocationRoot } from '../workspace/invocations';
import type { CliIo } from './command';
import type { Target } from './files';
import { cliSpeaker } from './strings';

function describe(i: Invocation, t: ReturnType<typeof cliSpeaker>): string {
  const where = `${i.source.file}${i.source.line ? `:${i.source.line}` : ''}`;
  const head = t(i.source.kind === 'bake' ? 'cli.context.bakeTarget' : 'cli.context.composeService', { name: i.name, where });
  const lines = [`  ${head}`, `    ${t('cli.context.context', { context: i.context })}`];
  if (i.target) lines.push(`    ${t('cli.context.target', { target: i.target })}`);
  const args = Object.entries(i.args);
  if (args.length) lines.push(`    ${t('cli.context.args', { args: args.map(([k, v]) => `${k}=${v}`).join(' ') })}`);
  if (i.platforms.length) lines.push(`    ${t('cli.context.platforms', { platforms: i.platforms.join(', ') })}`);
  if (i.secrets.length) lines.push(`    ${t('cli.context.secrets', { secrets: i.secrets.join(', ') })}`);
  const contexts = Object.entries(i.additionalContexts);
  if (contexts.length) lines.push(`    ${t('cli.context.contexts', { contexts: contexts.map(([k, v]) => `${k}=${v}`).join(' ') })}`);
  return lines.join('\n');
}

/** Prints what builds each target; the exit code (0, or 2 when a file could not be read). */
export async function explainContext(targets: readonly Target[], io: CliIo, locale: Locale): Promise<number> {
  const t = cliSpeaker(locale);
  const env = Object.fromEntries(Object.entries(io.env).filter((e): e is [string, string] => e[1] !== undefined));
  const cwd = fileUri(io.cwd);
  for (const target of targets) {
    if (!target.file) {
      io.stdout(`${target.display}\n  ${t('cli.context.stdin')}\n`);
      continue;
    }
    const uri = fileUri(target.file);
    const found = await findInvocations(nodeHost.fs, uri, invocationRoot(uri, cwd), env, locale);
    io.stdout(`${target.display}\n`);
    if (!found.invocations.length) io.stdout(`  ${t(found.files.length ? 'cli.context.noneOf' : 'cli.context.none', { files: found.files.join(', ') })}\n`);
    for (const i of found.invocations) io.stdout(`${describe(i, t)}\n`);
    for (const p of found.problems) io.stdout(`  ${t('cli.context.problem', { where: `${p.file}:${p.line}`, message: p.message })}\n`);
  }
  return 0;
}
