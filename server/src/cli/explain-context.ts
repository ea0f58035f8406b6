// The compose services and bake targets that build a Dockerfile, as the command finds them from the current folder
// (or the Dockerfile's own folder when it lies outside), or in the files --compose and --bake name, narrowed by
// --service and --target: what linting builds on, and what `dockwise --explain-context` prints (the context, the
// Dockerfile, the args, the target and the rest each passes to the build, and what could not be read).
import * as path from 'node:path';
import type { Invocation } from '../engine/invocation';
import type { Locale } from '../engine/i18n/locale';
import { fileUri, nodeHost } from '../host/node';
import { findInvocations, invocationRoot, type ChosenFiles, type FoundInvocations, type InvocationCache } from '../workspace/invocations';
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

/**
 * What the command line says about builds: the files to read (none: look for them) and the names to keep; and what
 * each folder declares, read once for the whole run.
 */
export interface BuildFiles { chosen?: ChosenFiles; services: string[]; targets: string[]; cache: InvocationCache }

/** The --compose, --bake, --service and --target options; undefined with --standalone (each file built alone). */
export function buildFiles(o: { compose: string[]; bake: string[]; services: string[]; bakeTargets: string[]; standalone: boolean }, io: CliIo): BuildFiles | undefined {
  if (o.standalone) return undefined;
  const uris = (files: string[]) => files.map((f) => fileUri(path.resolve(io.cwd, f)));
  const chosen = o.compose.length || o.bake.length ? { compose: uris(o.compose), bake: uris(o.bake) } : undefined;
  return { chosen, services: o.services, targets: o.bakeTargets, cache: new Map() };
}

/**
 * The invocations that build the Dockerfile `uri`, with what could not be read in their files said once per
 * place (`reported` remembers across files).
 */
export async function invocationsOf(uri: string, builds: BuildFiles, io: CliIo, locale: Locale, reported?: Set<string>): Promise<FoundInvocations> {
  const env = Object.fromEntries(Object.entries(io.env).filter((e): e is [string, string] => e[1] !== undefined));
  const found = await findInvocations(nodeHost.fs, uri, invocationRoot(uri, fileUri(io.cwd)), env, locale, builds.chosen, builds.cache);
  found.invocations = found.invocations.filter((i) => (i.source.kind === 'compose' ? !builds.services.length || builds.services.includes(i.name) : !builds.targets.length || builds.targets.includes(i.name)));
  if (reported) {
    for (const p of found.problems) {
      const line = `${p.file}:${p.line}: ${p.message}`;
      if (reported.has(line)) continue;
      reported.add(line);
      io.stderr(`dockwise: ${line}\n`);
    }
  }
  return found;
}

/** Prints what builds each target; the exit code. */
export async function explainContext(targets: readonly Target[], io: CliIo, locale: Locale, builds: BuildFiles | undefined): Promise<number> {
  const t = cliSpeaker(locale);
  for (const target of targets) {
    if (!target.file) {
      io.stdout(`${target.display}\n  ${t('cli.context.stdin')}\n`);
      continue;
    }
    const found = builds ? await invocationsOf(fileUri(target.file), builds, io, locale) : undefined;
    if (!found) {
      io.stdout(`${target.display}\n  ${t('cli.context.standalone')}\n`);
      continue;
    }
    io.stdout(`${target.display}\n`);
    if (!found.invocations.length) io.stdout(`  ${t(found.files.length ? 'cli.context.noneOf' : 'cli.context.none', { files: found.files.join(', ') })}\n`);
    for (const i of found.invocations) io.stdout(`${describe(i, t)}\n`);
    for (const p of found.problems) io.stdout(`  ${t('cli.context.problem', { where: `${p.file}:${p.line}`, message: p.message })}\n`);
  }
  return 0;
}
