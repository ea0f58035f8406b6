// The corpus check of the refactorings, shared by `npm run refactor:corpus` and its unit test on the committed
// Dockerfiles: every offer in a file is applied (a question answered with its first candidate) and must give a
// change that passes the engine's checks, parses no worse and gains no error; where build-toolchain-in-final-stage
// fires, "split into a builder stage" must be offered and its final stage must no longer fire it.
import { allRefactorings, buildLintOptions, lintText, memoryFiles, parseProblemCount, runRefactoring, type FileAccess, type Finding, type RefactorContext, type RegistryClient } from '../../server/src/engine';
import { DockerfileModel } from '../../server/src/engine/model/dockerfile';

const SPLIT = 'split-builder-stage';
const TOOLCHAIN_RULE = 'build-toolchain-in-final-stage';

export interface RefactorVerdict {
  /** Offers per refactoring id. */
  offered: Record<string, number>;
  /** Offers that say why they cannot be done here (greyed out in the editor), per refactoring id. */
  unavailable: Record<string, number>;
  /** Offers whose change passed every check, per refactoring id. */
  applied: Record<string, number>;
  /** What went wrong, one line each: `<id> at line N: why`. */
  failures: string[];
  /** build-toolchain-in-final-stage fires on the file. */
  toolchainInFinalStage: boolean;
  splitOffered: boolean;
  /** After the split, the final stage no longer fires it (undefined: not split). */
  splitClears?: boolean;
}

const lintOptions = buildLintOptions({});

function errors(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'error').length;
}

/** Whether the final stage of `text` fires build-toolchain-in-final-stage. */
function toolchainInFinal(text: string, files?: FileAccess): boolean {
  // Off in the recommended profile (a toolchain is sometimes needed at run time): judged on here.
  const { findings, model } = lintText(text, { ...lintOptions, severities: { ...lintOptions.severities, [TOOLCHAIN_RULE]: 'warning' }, files });
  const last = model.stages[model.stages.length - 1];
  return !!last && findings.some((f) => f.rule === TOOLCHAIN_RULE && f.start >= last.from.start);
}

/**
 * A registry that knows every image: the digest of a reference is made from its text, so pinning is exercised on
 * every FROM without a network (the real registry client has its own tests).
 */
const everyImage: RegistryClient = {
  digest: async (reference) => ({ digest: `sha256:${[...reference].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(16).padStart(8, '0').repeat(8)}` }),
};

/**
 * Checks every refactoring offered in `text`. `files` are the files beside it; a corpus file alone gets a
 * .dockerignore of one line, so the refactoring that completes one is exercised too.
 */
export async function checkRefactorings(text: string, files: Record<string, string> = { '.dockerignore': 'node_modules\n' }): Promise<RefactorVerdict> {
  const access = memoryFiles(files);
  const model = new DockerfileModel(text);
  const ctx: RefactorContext = { model, settings: { trustedRegistries: [], today: '2026-12-07', locale: 'en' }, files: access, registry: everyImage };
  const verdict: RefactorVerdict = { offered: {}, unavailable: {}, applied: {}, failures: [], toolchainInFinalStage: toolchainInFinal(text, access), splitOffered: false };
  const before = { parse: parseProblemCount(text), errors: errors(lintText(text, { ...lintOptions, files: access }).findings) };
  for (const offer of allRefactorings(ctx)) {
    const id = offer.refactoring;
    const line = model.lines.positionAt(offer.start).line + 1;
    verdict.offered[id] = (verdict.offered[id] ?? 0) + 1;
    if (id === SPLIT) verdict.splitOffered = true;
    if (offer.unavailable) { verdict.unavailable[id] = (verdict.unavailable[id] ?? 0) + 1; continue; }
    const answers = offer.question ? [offer.question.candidates[0]?.value].filter((v): v is string => v !== undefined) : undefined;
    const out = await runRefactoring(ctx, offer, answers);
    if ('error' in out) { verdict.failures.push(`${id} at line ${line}: ${out.error}`); continue; }
    if (parseProblemCount(out.text) > before.parse) { verdict.failures.push(`${id} at line ${line}: the result parses worse`); continue; }
    if (errors(lintText(out.text, { ...lintOptions, files: access }).findings) > before.errors) { verdict.failures.push(`${id} at line ${line}: the result gains an error`); continue; }
    verdict.applied[id] = (verdict.applied[id] ?? 0) + 1;
    if (id === SPLIT && offer.key === String(model.stages.length - 1)) {
      verdict.splitClears = !toolchainInFinal(out.text, access);
      if (!verdict.splitClears) verdict.failures.push(`${id} at line ${line}: the final stage still fires ${TOOLCHAIN_RULE}`);
    }
  }
  if (verdict.toolchainInFinalStage && !verdict.splitOffered) verdict.failures.push(`${SPLIT}: not offered, though ${TOOLCHAIN_RULE} fires on the final stage`);
  return verdict;
}
