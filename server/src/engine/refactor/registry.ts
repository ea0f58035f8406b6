// Every refactoring, in the order the refactor menu lists them. One file each, beside this one.
import type { Refactoring } from './types';
import { pinDigest } from './pin-digest';

export const REFACTORINGS: readonly Refactoring[] = [
  pinDigest,
];

export function findRefactoring(id: string): Refactoring | undefined {
  return REFACTORINGS.find((r) => r.id === id);
}
