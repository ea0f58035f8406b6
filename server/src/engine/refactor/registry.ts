// Every refactoring, in the order the refactor menu lists them. One file each, beside this one.
import type { Refactoring } from './types';

export const REFACTORINGS: readonly Refactoring[] = [
];

export function findRefactoring(id: string): Refactoring | undefined {
  return REFACTORINGS.find((r) => r.id === id);
}
