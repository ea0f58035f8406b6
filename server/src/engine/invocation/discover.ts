// Which files declare invocations, and which invocations build a given Dockerfile.
import { normalize } from '../model/paths';
import type { Invocation } from './types';

/**
 * The compose and bake file names the tools look for in a folder, in the order they read them: compose reads
 * the first of its four names plus the matching override; bake reads its override files after the base ones.
 */
export const invocationFileNames = {
  compose: ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'],
  composeOverride: ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yml', 'docker-compose.override.yaml'],
  bake: ['docker-bake.json', 'docker-bake.hcl'],
  bakeOverride: ['docker-bake.override.json', 'docker-bake.override.hcl'],
} as const;

/** Every name above, for a file watcher or a folder scan. */
export const allInvocationFileNames: readonly string[] = Object.values(invocationFileNames).flat();

/**
 * The files of one compose project among the names present in a folder: the first compose file found and the
 * override beside it (compose's own choice when no -f is given); none when there is no compose file.
 */
export function composeProjectFiles(namesInFolder: Iterable<string>): string[] {
  const present = new Set(namesInFolder);
  const main = invocationFileNames.compose.findIndex((n) => present.has(n));
  if (main < 0) return [];
  const override = invocationFileNames.composeOverride.find((n) => present.has(n));
  return override ? [invocationFileNames.compose[main], override] : [invocationFileNames.compose[main]];
}

/** The bake files among the names present in a folder, in the order bake merges them (overrides last). */
export function bakeProjectFiles(namesInFolder: Iterable<string>): string[] {
  const present = new Set(namesInFolder);
  return [...invocationFileNames.bake, ...invocationFileNames.bakeOverride].filter((n) => present.has(n));
}

/** The invocations that build `dockerfilePath` (relative to the same root, '/'-separated). */
export function invocationsFor(dockerfilePath: string, all: readonly Invocation[]): Invocation[] {
  const wanted = normalize(dockerfilePath);
  return all.filter((i) => normalize(i.dockerfile) === wanted);
}
