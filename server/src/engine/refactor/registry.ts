// Every refactoring, in the order the refactor menu lists them. One file each, beside this one.
import type { Refactoring } from './types';
import addHealthcheck from './add-healthcheck';
import currentBaseImage from './current-base-image';
import dockerignoreEntries from './dockerignore-entries';
import { pinDigest } from './pin-digest';
import splitBuilderStage from './split-builder-stage';

export const REFACTORINGS: readonly Refactoring[] = [
  addHealthcheck,
  currentBaseImage,
  pinDigest,
  dockerignoreEntries,
  splitBuilderStage,
];

export function findRefactoring(id: string): Refactoring | undefined {
  return REFACTORINGS.find((r) => r.id === id);
}
