// What the server knows about the open documents: each version is parsed and linted once, and diagnostics, code
// actions, hover and folding all read that entry. Settings come from the client per document; config files,
// files beside a Dockerfile and ShellCheck go through the workspace layer, so the server reads nothing itself.
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules, DockerfileModel, lintIncremental, lintModel, type Finding, type LintMemo, type LintOptions, type Rule } from '../engine';
import type { Locale } from '../engine/i18n/locale';
import type { Host } from '../workspace/host';
import { Workspace, type DocumentOptions } from '../workspace/workspace';
import { findInvocations, type ChosenFiles, type FoundInvocations, type InvocationCache } from '../workspace/invocations';
import { lintInvocations } from '../workspace/invocation-lint';
import { ALL_BUILDS, applyChoice, type InvocationChoice } from '../workspace/invocation-choice';
import { hasFolder, uriDirname, uriWithin } from '../workspace/uri';
import { BuildFileProblems } from './build-file-problems';
import { INVOCATIONS_CHANGED_NOTIFICATION } from './invocations';
import { RulePages } from './rule-pages';
import { configFileUri, readSettings, type DockwiseSettings } from './settings';

export interface Entry {
  version: number;
  text: string;
  /** The next version's model is built from it; it never changes once built. */
  model: DockerfileModel;
  findings: Finding[];
  /** The stage-scoped findings the next version's lint can reuse. */
  memo?: LintMemo;
  options: DocumentOptions;
  settings: DockwiseSettings;
  /** ShellCheck findings were added (or are being computed) for this version. */
  shellchecked?: boolean;
  /** The build it was linted as (invocation-choice.ts): an analysis made under another choice is not reused. */
  choice: InvocationChoice;
  /** Linted as compose services or bake targets build it: each build's model and stage memo, for the next version. */
  builds?: Map<string, { model: DockerfileModel; memo: LintMemo }>;
}

export interface SessionOptions {
  host: Host;
  /** Extra rules to run (tests use this to prove a throwing rule does not take the others down). */
  extraRules?: readonly Rule[];
}

export class Session {
  readonly documents = new TextDocuments(TextDocument);
  readonly workspace: Workspace;
  readonly cache = new Map<string, Entry>();
  private readonly settingsCache = new Map<string, Promise<DockwiseSettings>>();
  private readonly loggedRuleErrors = new Set<string>();
  private reportedIncrementalFailure = false;
  /** The extra rules tests add, in one array for the life of the server (the lint memo is kept per rule list). */
  private readonly rules?: Rule[];
  canConfigure = false;
  /** The editor asks for a code action's edit when the user picks it (codeAction/resolve), so costly edits wait till then. */
  resolvesCodeActionEdits = false;
  /** The editor shows an action it cannot take greyed out with the reason (codeAction.disabledSupport). */
  showsDisabledActions = false;
  /** What the editor's workspace edits can carry: file operations and annotations (a preview before applying). */
  editCapabilities = { changeAnnotations: false };
  /** The client answers `dockwise/quickPick` (VS Code's does): a refactoring's question is a quick pick, not message buttons. */
  quickPick = false;
  /** The `dockwise` section the client last pushed (didChangeConfiguration, else initializationOptions), if any. */
  pushedSettings: unknown;
  dockerExtensionActive = false;
  /** The editor's display language (`initialize`'s locale), for `dockwise.locale: auto`. */
  editorLocale: Locale = 'en';
  /** ShellCheck is an external program: it only runs when the workspace is trusted (the client says so). */
  workspaceTrusted = true;
  /** The client's command that shows references from JSON locations (VS Code's client has one); none: lenses are labels. */
  showReferencesCommand: string | undefined;
  roots: string[] = [];
  pages = new RulePages(undefined);
  ready: Promise<void> = Promise.resolve();

  /** Per document, the compose services and bake targets that build it, found once (again after such a file changes). */
  private readonly invocations = new Map<string, Promise<FoundInvocations | undefined>>();
  /** What each folder's compose and bake files declare, read once for all the documents below it. */
  private readonly invocationFolders: InvocationCache = new Map();
  /** Problems in the compose and bake files read, shown on those files. */
  private readonly buildFileProblems: BuildFileProblems;
  /** Per open document, the build the user chose to lint it as (dockwise/chooseInvocation); none: every build. */
  private readonly choices = new Map<string, InvocationChoice>();

  constructor(readonly connection: Connection, readonly host: Host, options: Omit<SessionOptions, 'host'> = {}) {
    this.buildFileProblems = new BuildFileProblems(connection);
    this.workspace = new Workspace(host, (_problem, text) => {
      connection.console.warn(`Dockwise: ${text}`);
      void connection.window.showWarningMessage(`Dockwise: ${text}`);
    });
    this.rules = options.extraRules ? [...allRules, ...options.extraRules] : undefined;
  }

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.workspace.setRoots(roots);
  }

  /**
   * A document's settings: the client's answer to workspace/configuration where it gives one, else what it pushed
   * (settings.ts says where each comes from). What cannot be used is reported once, as config files' problems
   * are, and the default used instead.
   */
  settingsFor(uri: string): Promise<DockwiseSettings> {
    let s = this.settingsCache.get(uri);
    if (!s) {
      const asked: Promise<unknown> = this.canConfigure
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'dockwise' }).then((v: unknown) => v, () => undefined)
        : Promise.resolve(undefined);
      s = asked.then((section) => {
        const { settings, problems } = readSettings(section ?? this.pushedSettings);
        if (problems.length) {
          // In the language the settings choose: the workspace speaks it from here on (analyse sets the same).
          const locale = settings.locale === 'auto' ? this.editorLocale : settings.locale;
          this.workspace.setLocale(locale);
          this.workspace.report(problems.map((p) => p(locale)));
        }
        return settings;
      });
      this.settingsCache.set(uri, s);
    }
    return s;
  }

  private incrementalFailed(error: unknown): void {
    if (this.reportedIncrementalFailure) return;
    this.reportedIncrementalFailure = true;
    this.connection.console.error(`Dockwise: linting an edit incrementally failed; linting from scratch instead: ${(error as Error)?.stack ?? error}`);
  }

  /**
   * The compose services and bake targets that build `uri`, from the compose and bake files in its folder and above
   * it up to its workspace folder; undefined where the host cannot list folders.
   */
  invocationsOf(uri: string): Promise<FoundInvocations | undefined> {
    if (!hasFolder(uri) || !this.host.fs.list) return Promise.resolve(undefined);
    let found = this.invocations.get(uri);
    if (!found) {
      const root = this.roots.find((r) => uriWithin(uri, r)) ?? uriDirname(uri);
      // The files the settings name (as `-f` would), relative to the workspace folder; else those found from the document up.
      const chosen = this.settingsFor(uri).then(({ builds }): ChosenFiles | undefined => {
        const at = (files: string[]) => files.map((f) => configFileUri(f, [root], this.host.pathUri)).filter((u): u is string => !!u);
        return builds.composeFiles.length || builds.bakeFiles.length ? { compose: at(builds.composeFiles), bake: at(builds.bakeFiles) } : undefined;
      });
      found = chosen.then((files) => findInvocations(this.host.fs, uri, root, this.host.environment?.() ?? {}, this.workspace.locale, files, this.invocationFolders)).then((f) => {
        this.buildFileProblems.show(f);
        return f;
      }, (e: unknown) => {
        this.connection.console.error(`Dockwise: reading compose and bake files for ${uri} failed: ${(e as Error)?.stack ?? e}`);
        return undefined;
      });
      this.invocations.set(uri, found);
    }
    return found;
  }

  /** A compose, bake or .env file (or the settings naming them) changed: what builds each document is found again. */
  forgetInvocations(): void {
    this.invocations.clear();
    this.invocationFolders.clear();
    this.buildFileProblems.clear();
    // The editor's list of a document's builds (VS Code's status-bar item) is asked for again.
    void this.connection.sendNotification(INVOCATIONS_CHANGED_NOTIFICATION, {}).catch(() => undefined);
  }

  /** The build a document is linted as, as chosen: `all` unless the user chose one, or none (`alone`). */
  choiceOf(uri: string): InvocationChoice {
    return this.choices.get(uri) ?? ALL_BUILDS;
  }

  /** Lints an open document as `choice` from now on (until it closes); its analysis is made again. */
  choose(uri: string, choice: InvocationChoice): void {
    if (choice === ALL_BUILDS) this.choices.delete(uri);
    else this.choices.set(uri, choice);
    this.cache.delete(uri);
  }

  /**
   * The builds `uri` is linted as: those of `found` the choice keeps. A chosen build that no compose or bake file
   * declares any more is forgotten: every build again.
   */
  chosenInvocations(uri: string, found: FoundInvocations | undefined): { invocations: FoundInvocations['invocations']; choice: InvocationChoice } {
    // Not read (settings off, or no folder to look in): the choice is kept for when they are.
    if (!found) return { invocations: [], choice: this.choiceOf(uri) };
    const chosen = applyChoice(found.invocations, this.choiceOf(uri));
    if (chosen.choice === ALL_BUILDS) this.choices.delete(uri);
    return { invocations: [...chosen.invocations], choice: chosen.choice };
  }

  /** The analysis of a document's current version (undefined when a newer version arrived meanwhile). */
  async analyse(doc: TextDocument): Promise<Entry | undefined> {
    const early = this.cache.get(doc.uri);
    if (early && early.version === doc.version && early.choice === this.choiceOf(doc.uri)) return early;
    await this.ready;
    const settings = await this.settingsFor(doc.uri);
    const options = await this.optionsFor(doc.uri, settings);
    const found = settings.enable ? await this.invocationsOf(doc.uri) : undefined;
    const current = this.documents.get(doc.uri);
    if (!current || current.version !== doc.version) return undefined; // a newer version is on its way
    const { invocations, choice } = this.chosenInvocations(doc.uri, found);
    // Read again after the awaits: another analysis may have finished meanwhile.
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.choice === choice) return hit;
    const text = doc.getText();
    // Unchanged text (e.g. an undo) reuses the previous model and findings.
    if (hit && hit.text === text && hit.settings === settings && hit.choice === choice) {
      const entry = { ...hit, version: doc.version, shellchecked: false };
      this.cache.set(doc.uri, entry);
      return entry;
    }
    // Built from the previous version's model: only the edited instructions are parsed again. Should that ever
    // fail, the text is parsed and linted from scratch (and the failure logged once).
    let model: DockerfileModel;
    // A model keeps the build it was made for: one made under another choice is not built on.
    const previous = hit?.choice === choice ? hit.model : undefined;
    try {
      model = new DockerfileModel(text, previous);
    } catch (error) {
      this.incrementalFailed(error);
      model = new DockerfileModel(text);
    }
    let findings: Finding[] = [];
    let memo: LintMemo | undefined;
    let builds: Entry['builds'];
    if (settings.enable) {
      const lintOptions = this.lintOptions(doc.uri, options);
      const memoBefore = hit?.settings === settings && hit.choice === choice ? hit.memo : undefined;
      const lint = () => {
        try {
          const r = lintIncremental(model, lintOptions, memoBefore);
          return { findings: r.result.findings, memo: r.memo };
        } catch (error) {
          this.incrementalFailed(error);
          if (model.incremental) model = new DockerfileModel(text);
          return { findings: lintModel(model, lintOptions).findings, memo: undefined };
        }
      };
      // As each compose service and bake target builds it, when some do; each build re-lints the stage the edit
      // touched, from its own model and memo of the version before.
      if (found && invocations.length) {
        const before = hit?.settings === settings && hit.choice === choice ? hit.builds : undefined;
        const now: NonNullable<Entry['builds']> = new Map();
        const lintBuild = (t: string, o: LintOptions, key: string) => {
          const last = before?.get(key);
          try {
            const built = new DockerfileModel(t, last?.model, o.invocation);
            const r = lintIncremental(built, o, last?.memo);
            now.set(key, { model: built, memo: r.memo });
            return r.result;
          } catch (error) {
            this.incrementalFailed(error);
            return lintModel(new DockerfileModel(t, undefined, o.invocation), o);
          }
        };
        const result = await lintInvocations(this.workspace, doc.uri, found.root, text, lintOptions, invocations, lintBuild);
        builds = now;
        findings = result.findings;
        // Linted as one build: the document's model is that build's (its target ships, its args fill the ARGs), so
        // that lenses, the outline and hovers say what it builds; the next version's model keeps it.
        if (invocations.length === 1) model = result.model;
        else {
          // Builds that all ship one stage (each with its own args): the document's model ships it too.
          const targets = new Set(invocations.map((i) => i.target?.toLowerCase()));
          const [target] = targets;
          if (targets.size === 1 && target && model.invocation?.target?.toLowerCase() !== target) model = new DockerfileModel(text, model, { target });
        }
      } else ({ findings, memo } = await this.workspace.withFiles(doc.uri, lint));
      // Files fetched for this lint (in a browser) may have let a newer version be analysed meanwhile.
      const latest = this.cache.get(doc.uri);
      if (latest && latest.version > doc.version) return undefined;
      // Another build was chosen meanwhile: the request that chose it has the document linted as that one.
      if (choice !== this.choiceOf(doc.uri)) return undefined;
      if (latest && latest.version === doc.version && latest.choice === choice) return latest;
    }
    const entry: Entry = { version: doc.version, text, model, findings, memo, options, settings, choice, ...(builds ? { builds } : {}) };
    this.cache.set(doc.uri, entry);
    return entry;
  }

  /** The settings of a document over its config file over the profile, and the files beside it; in the settings' language. */
  private async optionsFor(uri: string, settings: DockwiseSettings): Promise<DocumentOptions> {
    this.workspace.setLocale(settings.locale === 'auto' ? this.editorLocale : settings.locale);
    const configFile = settings.configFile ? configFileUri(settings.configFile, this.roots, this.host.pathUri) ?? null : undefined;
    return this.workspace.optionsFor(uri, {
      profile: settings.profile, rules: settings.rules, ignore: settings.ignore, trustedRegistries: settings.trustedRegistries, fixUnsafe: settings.fix.unsafe,
      ...(configFile !== undefined ? { configFile } : {}),
    });
  }

  private lintOptions(uri: string, options: DocumentOptions) {
    return {
      ...options,
      ...(this.rules ? { rules: this.rules } : {}),
      onRuleError: (rule: string, error: unknown) => {
        if (this.loggedRuleErrors.has(rule)) return;
        this.loggedRuleErrors.add(rule);
        this.connection.console.error(`Dockwise: rule ${rule} failed on ${uri}: ${(error as Error)?.stack ?? error}`);
      },
    };
  }

  /**
   * The findings of a text linted for workspace diagnostics (a file the editor has not opened, from disk, or an
   * open one it has not asked about), with its settings and config file; the analysis is not kept.
   */
  async lintFile(uri: string, text: string): Promise<{ model: DockerfileModel; findings: Finding[] }> {
    await this.ready;
    const settings = await this.settingsFor(uri);
    const model = new DockerfileModel(text);
    if (!settings.enable) return { model, findings: [] };
    const options = await this.optionsFor(uri, settings);
    const found = await this.invocationsOf(uri);
    // An open document is linted as the build chosen for it.
    const { invocations } = this.chosenInvocations(uri, found);
    try {
      if (found && invocations.length) return { model, findings: (await lintInvocations(this.workspace, uri, found.root, text, this.lintOptions(uri, options), invocations)).findings };
      return { model, findings: (await this.workspace.withFiles(uri, () => lintModel(model, this.lintOptions(uri, options)))).findings };
    } finally {
      // What was read beside it stays for an open document's next analysis.
      if (!this.documents.get(uri)) this.workspace.forget(uri);
    }
  }

  /** Whether this document gets Dockwise's own completion, outline, navigation and rename (see `languageFeatures`). */
  ownsLanguageFeatures(settings: DockwiseSettings): boolean {
    return settings.languageFeatures === 'on' || (settings.languageFeatures === 'auto' && !this.dockerExtensionActive);
  }

  /** The current analysis of an open document, or undefined (closed, or a newer version is on its way). */
  async current(uri: string): Promise<Entry | undefined> {
    const doc = this.documents.get(uri);
    return doc && this.analyse(doc);
  }

  /** Forgets every analysis (settings or files changed) and lints the open documents again. */
  invalidate(what: { settings?: boolean }, revalidate: (doc: TextDocument) => void): void {
    if (what.settings) {
      this.settingsCache.clear();
      // The compose and bake files to read may be others now.
      this.forgetInvocations();
    }
    this.workspace.clear();
    this.cache.clear();
    for (const d of this.documents.all()) revalidate(d);
  }

  closed(uri: string): void {
    this.cache.delete(uri);
    this.choices.delete(uri);
    this.settingsCache.delete(uri);
    this.workspace.forget(uri);
  }
}
