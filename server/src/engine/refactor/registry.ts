// Every refactoring, in the order the refactor menu lists them. One file each, beside this one.
import type { Refactoring } from './types';
import addHealthcheck from './add-healthcheck';
import currentBaseImage from './current-base-image';
import dockerignoreEntries from './dockerignore-entries';
import { pinDigest } from './pin-digest';
import secretsAsMounts from './secrets-as-mounts';
import cachesAsMounts from './caches-as-mounts';

export const REFACTORINGS: readonly Refactoring[] = [
  addHealthcheck,
  currentBaseImage,
  pinDigest,
  dockerignoreEntries,
  secretsAsMounts,
  cachesAsMounts,
];

export function findRefactoring(id: string): Refactoring | undefined {
  return REFACTORINGS.find((r) => r.id === id);
}
