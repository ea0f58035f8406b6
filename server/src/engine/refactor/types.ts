// Refactorings ("assists"): bigger changes than a finding's fix, offered where the cursor is and computed only when
// the user picks one (the editor's refactor menu, `dockwise refactor NAME FILE`). Each declares where it applies
// (`offers`, cheap: asked on every cursor move) and builds its change on request (`apply`). The engine checks
// every result (refactor/run.ts) before anyone sees it: it parses, keeps every comment, and lints no worse.
import type { DockerfileModel } from '../model/dockerfile';
import type { EngineSettings, FileAccess } from '../rule';
import type { MeaningChange, OffsetEdit } from '../types';
import type { LintOptions } from '../linter';
import type { Locale } from '../i18n/locale';

/** LSP code action kinds: a rewrite in place, or a part moved out (a builder stage). */
export type RefactorKind = 'refactor.rewrite' | 'refactor.extract';

/**
 * What a registry says about an image reference, for digest pinning. The host provides it (host/node/registry.ts
 * over the OCI distribution API); the engine never reaches the network itself.
 */
export interface RegistryClient {
  /**
   * The digest `image:tag` points at now (the manifest list's or index's digest for a multi-platform image), or
   * why it could not be known (offline, no such tag, denied) as a sentence for the user, in `locale` (English
   * without).
   */
  digest(reference: string, locale?: Locale): Promise<{ digest: string } | { error: string }>;
}

export interface RefactorContext {
  readonly model: DockerfileModel;
  readonly settings: EngineSettings;
  /** Files beside the Dockerfile (its .dockerignore, the build context's manifests), when the host has them. */
  readonly files?: FileAccess;
  /** Where digests come from; absent: the refactorings that need a registry are not offered. */
  readonly registry?: RegistryClient;
  /** The severities (profile, config) the result is linted with to check it is no worse; the engine's defaults without. */
  readonly lint?: Pick<LintOptions, 'severities' | 'severitiesFor' | 'postprocess'>;
}

/** A choice the refactoring cannot make for certain: the user picks (a quick pick in VS Code, `--choose` on the command line). */
export interface RefactorQuestion {
  /** The sentence shown above the candidates. */
  prompt: string;
  candidates: ReadonlyArray<{ value: string; label?: string; detail?: string }>;
  /** Several may be picked (the paths a runtime stage copies). */
  many?: boolean;
}

/** One place a refactoring applies. */
export interface RefactorOffer {
  /** The refactoring's id (`split-builder-stage`). */
  refactoring: string;
  /** Tells offers of one refactoring in one file apart (a stage index, an instruction's start); stable between requests on the same text. */
  key: string;
  /** The menu title, in the context's locale: what it does, and what it saves where that is known. */
  title: string;
  kind: RefactorKind;
  /** The text it is about (the instruction or stage), by offsets: the editor offers it when the cursor is there. */
  start: number;
  end: number;
  /** unsafe: the built image changes in a way the user must judge (a newer base, a cache that leaves the layer). */
  safety: 'safe' | 'unsafe';
  /** Asked before `apply` when the refactoring cannot decide alone. */
  question?: RefactorQuestion;
  /**
   * Why it cannot be done here, when the reason is worth telling (no HTTP client in the image to probe with):
   * the editor shows the action greyed out with this reason, the command lists it, and `apply` is not called.
   */
  unavailable?: string;
  /**
   * Markdown the hover shows on the offer's text, beside the finding it repairs: what the change brings with it
   * (the `docker build --secret` line, what a newer base changes). Only for offers on a word or an instruction.
   */
  hint?: string;
}

/** A file beside the Dockerfile the change writes (the .dockerignore): its whole new content. */
export interface RefactorFileChange {
  /** Relative to the Dockerfile's folder. */
  path: string;
  content: string;
  /** Whether the file exists now (the change replaces it) or is created. */
  exists: boolean;
}

export interface RefactorResult {
  edits: OffsetEdit[];
  files?: RefactorFileChange[];
  /**
   * What the user should know, as Markdown sentences in the context's locale: the `docker build --secret` and
   * compose `secrets:` lines to add, what a newer base changes, what the size becomes. Shown in the preview, the
   * hover of the action and on the command line.
   */
  notes: string[];
  /** For a safe refactoring: what it changes in the build, checked as a safe fix's declaration is (fix/meaning.ts). */
  changes?: MeaningChange[];
}

export interface RefactoringDocs {
  /** One line: what it does. */
  summary: string;
  /** A paragraph: when it is offered, what it changes, what it leaves alone and why. */
  details: string;
  /** Before and after, checked by a test: `apply` on `before` gives exactly `after`. */
  example: {
    before: string;
    after: string;
    answers?: readonly string[];
    /** Files beside the Dockerfile before (a .dockerignore), by relative path; and the ones the change writes, as they are after. */
    files?: Readonly<Record<string, string>>;
    filesAfter?: Readonly<Record<string, string>>;
    /** For a refactoring that asks a registry: the digest each image reference gets (the example's registry). */
    digests?: Readonly<Record<string, string>>;
  };
}

export interface Refactoring {
  id: string;
  kind: RefactorKind;
  docs: RefactoringDocs;
  /** Where it applies in the file, each overlapping [start, end] (both inclusive: a cursor at either end counts). Cheap, no network. */
  offers(ctx: RefactorContext, start: number, end: number): RefactorOffer[];
  /**
   * The change for `offer` (one of this refactoring's offers on the same text); `answers` are the values picked
   * for its question. An error: a sentence saying why it cannot be done (offline, no candidate picked).
   */
  apply(ctx: RefactorContext, offer: RefactorOffer, answers?: readonly string[]): Promise<RefactorResult | { error: string }>;
}

export function defineRefactoring(r: Refactoring): Refactoring {
  return r;
}
