// Every refactoring, in the order the refactor menu lists them (the order of the guides' lessons). One file each,
// beside this one.
import type { Refactoring } from './types';
import splitBuilderStage from './split-builder-stage';
import secretsAsMounts from './secrets-as-mounts';
import cachesAsMounts from './caches-as-mounts';
import addHealthcheck from './add-healthcheck';
import currentBaseImage from './current-base-image';
import { pinDigest } from './pin-digest';
import dockerignoreEntries from './dockerignore-entries';

export const REFACTORINGS: readonly Refactoring[] = [
  splitBuilderStage,
  secretsAsMounts,
  cachesAsMounts,
  addHealthcheck,
  currentBaseImage,
  pinDigest,
  dockerignoreEntries,
];

export function findRefactoring(id: string): Refactoring | undefined {
  return REFACTORINGS.find((r) => r.id === id);
}
