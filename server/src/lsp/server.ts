// The language server: a thin layer over the engine. Each document version is parsed and linted once;
// diagnostics, code actions and hover all read that cache.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction, CodeActionKind, type Command, DiagnosticSeverity, DiagnosticTag, DidChangeConfigurationNotification, TextDocumentSyncKind, TextDocuments,
  type CodeActionParams, type Connection, type Diagnostic, type InitializeParams, type InitializeResult, type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  allRules, buildLintOptions, cachedFiles, diskFiles, DockerfileModel, findConfigFile, findRules, fixAll, fixProblem, ignoreEdit, initShellParser, lintIncremental, lintModel, loadConfigFile, ruleMarkdown,
  type FileAccess, type Finding, type LintMemo, type Fix, type LoadedConfig, type ResolvedOptions, type Rule, type Severity, type UserSettings,
} from '../engine';
import { hoverAt } from './hover';
import { documentationOptions, findRulePagesDir, RulePages } from './rule-pages';
import { runShellcheck } from '../engine/shellcheck';

export interface DockwiseSettings {
  enable: boolean;
  /** A profile name; empty: the config file's, else the default. */
  profile: string;
  rules: Record<string, string>;
  ignore: string[];
  trustedRegistries: string[];
  configFile: string;
  fix: { unsafe: boolean };
  hover: { instructions: 'auto' | 'on' | 'off' };
  shellcheck: { enable: boolean };
}

export const DEFAULT_SETTINGS: DockwiseSettings = { enable: true, profile: '', rules: {}, ignore: [], trustedRegistries: [], configFile: '', fix: { unsafe: false }, hover: { instructions: 'auto' }, shellcheck: { enable: false } };

export interface ServerOptions {
  /** Extra rules to run (tests use this to prove a throwing rule does not take the others down). */
  extraRules?: readonly Rule[];
  /** The folder of the rule pages; default: docs/rules of the package the server runs from. */
  rulePagesDir?: string;
}

interface Entry {
  version: number;
  text: string;
  /** Read it before any await: the next version's model is built from it and moves its offsets. */
  model: DockerfileModel;
  findings: Finding[];
  /** The stage-scoped findings the next version's lint can reuse. */
  memo?: LintMemo;
  options: ResolvedOptions & { files?: FileAccess };
  settings: DockwiseSettings;
  /** ShellCheck findings were added (or are being computed) for this version. */
  shellchecked?: boolean;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, style: DiagnosticSeverity.Hint };
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dockwise`;

function filePath(uri: string): string | undefined {
  try { return uri.startsWith('file:') ? fileURLToPath(uri) : undefined; } catch { return undefined; }
}

function merge(s: Partial<DockwiseSettings> | null | undefined): DockwiseSettings {
  if (!s || typeof s !== 'object') return DEFAULT_SETTINGS;
  return {
    enable: s.enable !== false,
    profile: typeof s.profile === 'string' ? s.profile : '',
    rules: s.rules && typeof s.rules === 'object' ? s.rules : {},
    ignore: Array.isArray(s.ignore) ? s.ignore : [],
    trustedRegistries: Array.isArray(s.trustedRegistries) ? s.trustedRegistries : [],
    configFile: typeof s.configFile === 'string' ? s.configFile : '',
    fix: { unsafe: s.fix?.unsafe === true },
    hover: { instructions: s.hover?.instructions === 'on' || s.hover?.instructions === 'off' ? s.hover.instructions : 'auto' },
    shellcheck: { enable: s.shellcheck?.enable === true },
  };
}

export function startServer(connection: Connection, serverOptions: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, Entry>();
  const settingsCache = new Map<string, Promise<DockwiseSettings>>();
  const configCache = new Map<string, { config?: LoadedConfig }>();
  const reportedProblems = new Set<string>();
  const loggedRuleErrors = new Set<string>();
  let canConfigure = false;
  let canWatch = false;
  let dockerExtensionActive = false;
  // ShellCheck is an external program: it only runs when the workspace is trusted (the client says so).
  let workspaceTrusted = true;
  let workspaceRoots: string[] = [];
  let pages = new RulePages(undefined);
  let canShowDocument = false;
  const ready = initShellParser();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canConfigure = params.capabilities.workspace?.configuration === true;
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canShowDocument = params.capabilities.window?.showDocument?.support === true;
    const init = params.initializationOptions as { dockerExtensionActive?: boolean; workspaceTrusted?: boolean; documentation?: unknown } | undefined;
    pages = new RulePages('rulePagesDir' in serverOptions ? serverOptions.rulePagesDir : findRulePagesDir(), documentationOptions(init?.documentation));
    dockerExtensionActive = init?.dockerExtensionActive === true;
    workspaceTrusted = init?.workspaceTrusted !== false;
    workspaceRoots = (params.workspaceFolders ?? []).map((f) => filePath(f.uri)).filter((p): p is string => !!p);
    if (!workspaceRoots.length && params.rootUri) { const p = filePath(params.rootUri); if (p) workspaceRoots.push(p); }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: false },
        hoverProvider: true,
        foldingRangeProvider: true,
        executeCommandProvider: { commands: ['dockwise.server.fixAll', 'dockwise.server.explain', 'dockwise.server.showDocumentation'] },
      },
      serverInfo: { name: 'dockwise' },
    };
  });

  connection.onInitialized(() => {
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    if (canWatch) {
      void connection.client.register(
        { method: 'workspace/didChangeWatchedFiles' } as never,
        { watchers: [{ globPattern: '**/{.dockwise.yaml,.dockwise.yml,.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}' }] } as never,
      ).catch(() => undefined);
    }
  });

  connection.onNotification('dockwise/dockerExtensionActive', (p: { active?: boolean }) => { dockerExtensionActive = p?.active === true; });

  function settingsFor(uri: string): Promise<DockwiseSettings> {
    let s = settingsCache.get(uri);
    if (!s) {
      s = canConfigure
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'dockwise' }).then(merge, () => DEFAULT_SETTINGS)
        : Promise.resolve(DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  function reportProblemsOnce(problems: Array<{ file: string; line: number; message: string }>): void {
    for (const p of problems) {
      const key = `${p.file}:${p.line}:${p.message}`;
      if (reportedProblems.has(key)) continue;
      reportedProblems.add(key);
      const text = `Dockwise: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
      connection.console.warn(text);
      void connection.window.showWarningMessage(text);
    }
  }

  // Where a Dockerfile's config file is: looked up once per document, not on every keystroke (the lookup walks
  // up the folders and probes each one). A config file created or deleted in the workspace arrives as a
  // watched-file event, which empties this; one outside it (the user's own) counts from the next open.
  const configPaths = new Map<string, string | undefined>();
  function configPathFor(file: string): string | undefined {
    if (configPaths.has(file)) return configPaths.get(file);
    const found = findConfigFile(file, workspaceRoots.find((r) => file.startsWith(r + path.sep)));
    configPaths.set(file, found);
    return found;
  }

  function configFor(file: string | undefined, settings: DockwiseSettings): LoadedConfig | undefined {
    let configPath: string | undefined;
    if (settings.configFile) configPath = path.isAbsolute(settings.configFile) || !workspaceRoots[0] ? settings.configFile : path.join(workspaceRoots[0], settings.configFile);
    else if (file) configPath = configPathFor(file);
    if (!configPath) return undefined;
    let hit = configCache.get(configPath);
    if (!hit) {
      const { config, problems } = loadConfigFile(configPath);
      reportProblemsOnce(problems);
      hit = { config };
      configCache.set(configPath, hit);
    }
    return hit.config;
  }

  // Files beside a Dockerfile (.dockerignore) are read once, not on every keystroke: a change to them
  // arrives as a watched-file event, which empties this.
  const filesCache = new Map<string, FileAccess>();
  function filesFor(file: string | undefined): FileAccess | undefined {
    if (!file) return undefined;
    let hit = filesCache.get(file);
    if (!hit) filesCache.set(file, hit = cachedFiles(diskFiles(file)));
    return hit;
  }

  let reportedIncrementalFailure = false;
  function incrementalFailed(error: unknown): void {
    if (reportedIncrementalFailure) return;
    reportedIncrementalFailure = true;
    connection.console.error(`Dockwise: linting an edit incrementally failed; linting from scratch instead: ${(error as Error)?.stack ?? error}`);
  }

  // The extra rules tests add, in one array for the life of the server (the lint memo is kept per rule list).
  const rules = serverOptions.extraRules ? [...allRules, ...serverOptions.extraRules] : undefined;

  async function analyse(doc: TextDocument): Promise<Entry | undefined> {
    const early = cache.get(doc.uri);
    if (early && early.version === doc.version) return early;
    await ready;
    const settings = await settingsFor(doc.uri);
    const current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return undefined; // a newer version is on its way
    // Read again after the awaits: another analysis may have finished meanwhile.
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const file = filePath(doc.uri);
    const user: UserSettings = { profile: settings.profile, rules: settings.rules, ignore: settings.ignore, trustedRegistries: settings.trustedRegistries, fixUnsafe: settings.fix.unsafe };
    const options = { ...buildLintOptions({ config: configFor(file, settings), settings: user }), files: filesFor(file) };
    reportProblemsOnce(options.problems);
    // Unchanged text (e.g. an undo) reuses the previous model and findings.
    if (hit && hit.text === text && hit.settings === settings) {
      const entry = { ...hit, version: doc.version, shellchecked: false };
      cache.set(doc.uri, entry);
      return entry;
    }
    // Built from the previous version's model: only the edited instructions are parsed again. Should that ever
    // fail, the text is parsed and linted from scratch (and the failure logged once).
    let model: DockerfileModel;
    try {
      model = new DockerfileModel(text, hit?.model);
    } catch (error) {
      incrementalFailed(error);
      model = new DockerfileModel(text);
    }
    let findings: Finding[] = [];
    let memo: LintMemo | undefined;
    if (settings.enable) {
      const lintOptions = {
        ...options,
        ...(rules ? { rules } : {}),
        onRuleError: (rule: string, error: unknown) => {
          if (loggedRuleErrors.has(rule)) return;
          loggedRuleErrors.add(rule);
          connection.console.error(`Dockwise: rule ${rule} failed on ${doc.uri}: ${(error as Error)?.stack ?? error}`);
        },
      };
      try {
        const lint = lintIncremental(model, lintOptions, hit?.settings === settings ? hit.memo : undefined);
        findings = lint.result.findings;
        memo = lint.memo;
      } catch (error) {
        incrementalFailed(error);
        if (model.incremental) model = new DockerfileModel(text);
        findings = lintModel(model, lintOptions).findings;
      }
    }
    const entry: Entry = { version: doc.version, text, model, findings, memo, options, settings };
    cache.set(doc.uri, entry);
    return entry;
  }

  // Findings of the stages an edit left alone are the same objects from one version to the next: so are their diagnostics.
  const diagnostics = new WeakMap<Finding, Diagnostic>();
  function toDiagnostic(f: Finding): Diagnostic {
    let d = diagnostics.get(f);
    if (!d) diagnostics.set(f, d = makeDiagnostic(f));
    return d;
  }

  function makeDiagnostic(f: Finding): Diagnostic {
    const rule = findRules(f.rule)[0];
    const tags: DiagnosticTag[] = [];
    if (rule?.meta.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
    if (rule?.meta.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
    const href = pages.diagnosticHref(f.rule);
    return {
      range: f.range,
      severity: SEVERITY[f.severity],
      code: f.rule,
      ...(href ? { codeDescription: { href } } : {}),
      source: 'dockwise',
      message: f.message,
      ...(tags.length ? { tags } : {}),
      // Sent on every keystroke: a finding without fixes carries no data.
      ...(f.fixes.length ? { data: { fixes: f.fixes } } : {}),
    };
  }

  async function validate(doc: TextDocument): Promise<void> {
    try {
      const entry = await analyse(doc);
      const current = documents.get(doc.uri);
      if (!entry || !current || current.version !== entry.version) return;
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: entry.findings.map(toDiagnostic) });
      if (entry.settings.shellcheck.enable && workspaceTrusted && !entry.shellchecked) {
        entry.shellchecked = true;
        const sc = await runShellcheck(entry.model);
        const now = documents.get(doc.uri);
        if (!sc.length || !now || now.version !== entry.version || cache.get(doc.uri) !== entry) return;
        entry.findings = [...entry.findings, ...(entry.options.postprocess ? entry.options.postprocess(entry.model, sc) : sc)];
        await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: entry.findings.map(toDiagnostic) });
      }
    } catch (e) {
      connection.console.error(`Dockwise: could not lint ${doc.uri}: ${(e as Error)?.stack ?? e}`);
    }
  }

  function revalidateAll(): void {
    cache.clear();
    for (const d of documents.all()) void validate(d);
  }

  // Fires for opened documents too.
  documents.onDidChangeContent((e) => void validate(e.document));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    const file = filePath(e.document.uri);
    if (file) { filesCache.delete(file); configPaths.delete(file); }
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(() => { settingsCache.clear(); configCache.clear(); configPaths.clear(); reportedProblems.clear(); revalidateAll(); });
  connection.onDidChangeWatchedFiles(() => { configCache.clear(); configPaths.clear(); filesCache.clear(); reportedProblems.clear(); revalidateAll(); });

  function editFor(uri: string, doc: TextDocument, fix: Fix): WorkspaceEdit {
    if (!fix.createFiles?.length) return { changes: { [uri]: fix.edits } };
    const file = filePath(uri);
    const changes: NonNullable<WorkspaceEdit['documentChanges']> = [];
    for (const f of fix.createFiles) {
      if (!file) continue;
      const target = pathToFileURL(path.join(path.dirname(file), f.path)).toString();
      changes.push({ kind: 'create', uri: target, options: { ignoreIfExists: true } });
      changes.push({ textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: f.content }] });
    }
    if (fix.edits.length) changes.push({ textDocument: { uri, version: doc.version }, edits: fix.edits });
    return { documentChanges: changes };
  }

  function wholeDocumentEdit(doc: TextDocument, text: string): WorkspaceEdit {
    return { changes: { [doc.uri]: [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: text }] } };
  }

  async function fixAllEdit(doc: TextDocument, onlyRules?: string[]): Promise<WorkspaceEdit | undefined> {
    const entry = await analyse(doc);
    if (!entry) return undefined;
    const result = fixAll(entry.text, { ...entry.options, unsafe: entry.settings.fix.unsafe, onlyRules });
    if (result.text === entry.text && !result.createFiles.length) return undefined;
    const edit = wholeDocumentEdit(doc, result.text);
    if (result.createFiles.length) {
      const withFiles = editFor(doc.uri, doc, { title: 'fix all', safety: 'safe', edits: [], createFiles: result.createFiles });
      withFiles.documentChanges!.push({ textDocument: { uri: doc.uri, version: doc.version }, edits: edit.changes![doc.uri] });
      return withFiles;
    }
    return edit;
  }

  connection.onCodeAction(async (params: CodeActionParams) => {
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const entry = await analyse(doc);
      if (!entry) return [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions: CodeAction[] = [];
      if (only && wants(FIX_ALL_KIND) && !wants(CodeActionKind.QuickFix)) {
        const edit = await fixAllEdit(doc);
        return edit ? [{ title: 'Dockwise: fix all safe problems', kind: FIX_ALL_KIND, edit }] : [];
      }
      if (!wants(CodeActionKind.QuickFix)) return [];
      const ours = params.context.diagnostics.filter((d) => d.source === 'dockwise');
      // Before any await below: a newer version's model may be built from this one meanwhile.
      const ignores = ours.map((d) => ignoreEdit(entry.model, d.range.start.line, String(d.code)));
      let vetted: DockerfileModel | undefined;
      for (const [k, d] of ours.entries()) {
        const id = String(d.code);
        const finding = entry.findings.find((f) => f.rule === id && f.range.start.line === d.range.start.line && f.range.start.character === d.range.start.character);
        if (!finding) continue;
        for (const fix of finding.fixes) {
          const unsafe = fix.safety === 'unsafe';
          // A safe fix is offered only when, applied on its own, it parses and changes no more than it declares.
          const problem = unsafe ? undefined : fixProblem(vetted ??= new DockerfileModel(entry.text), fix);
          if (problem) {
            connection.console.warn(`Dockwise: withheld the fix "${fix.title}" of ${id}: ${problem}`);
            continue;
          }
          const title = unsafe && !/unsafe/i.test(fix.title) ? `${fix.title} (unsafe)` : fix.title;
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: !unsafe, edit: editFor(doc.uri, doc, fix) });
        }
        const same = entry.findings.filter((f) => f.rule === id && f.fixes.some((x) => x.safety === 'safe' || entry.settings.fix.unsafe));
        if (same.length > 1) {
          const edit = await fixAllEdit(doc, [id]);
          if (edit) actions.push({ title: `Fix all ${id} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit });
        }
        actions.push({ title: `Ignore ${id} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [ignores[k]] } } });
        const show = documentationCommand(id);
        if (show) actions.push({ title: show.title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: show });
      }
      return actions;
    } catch (e) {
      connection.console.error(`Dockwise: code actions failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  });

  /** The client's own command when it has one; else the server shows the shipped page with window/showDocument. */
  function documentationCommand(id: string): Command | undefined {
    if (!findRules(id).length) return undefined;
    const title = `Show documentation for ${id}`;
    if (pages.options.command) return { title, command: pages.options.command, arguments: [id] };
    if (canShowDocument && pages.fileUri(id)) return { title, command: 'dockwise.server.showDocumentation', arguments: [id] };
    return undefined;
  }

  connection.onHover(async (params) => {
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const entry = await analyse(doc);
      if (!entry) return null;
      const keywords = entry.settings.hover.instructions === 'on' || (entry.settings.hover.instructions === 'auto' && !dockerExtensionActive);
      const h = hoverAt(entry.model, entry.findings, doc.offsetAt(params.position), { today: entry.options.settings?.today ?? new Date().toISOString().slice(0, 10), keywords, pageLink: (id) => pages.hoverLink(id) });
      if (!h) return null;
      return { contents: { kind: 'markdown', value: h.markdown }, range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } };
    } catch (e) {
      connection.console.error(`Dockwise: hover failed: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  });

  // Folding by stage (FROM to the line before the next FROM) and by `# region` / `# endregion` comments.
  connection.onFoldingRanges(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const entry = doc && (await analyse(doc));
    if (!entry) return [];
    const { model } = entry;
    const ranges: Array<{ startLine: number; endLine: number; kind?: string }> = [];
    model.stages.forEach((stage, i) => {
      const next = model.stages[i + 1];
      let end = next ? next.from.line - 1 : model.lines.lineCount - 1;
      while (end > stage.from.line && model.lines.lineText(end).trim() === '') end--;
      if (end > stage.from.line) ranges.push({ startLine: stage.from.line, endLine: end });
    });
    const open: number[] = [];
    for (const c of model.comments) {
      if (/^#?\s*region\b/.test(c.text)) open.push(c.line);
      else if (/^#?\s*endregion\b/.test(c.text) && open.length) ranges.push({ startLine: open.pop()!, endLine: c.line, kind: 'region' });
    }
    for (const i of model.instructions) if (i.endLine > i.line) ranges.push({ startLine: i.line, endLine: i.endLine });
    return ranges;
  });

  connection.onExecuteCommand(async (params) => {
    try {
      if (params.command === 'dockwise.server.fixAll') {
        const uri = String(params.arguments?.[0] ?? '');
        const doc = documents.get(uri);
        if (!doc) return null;
        const edit = await fixAllEdit(doc);
        if (edit) await connection.workspace.applyEdit({ label: 'Dockwise: fix all problems', edit });
        return null;
      }
      if (params.command === 'dockwise.server.explain') {
        const rule = findRules(String(params.arguments?.[0] ?? ''))[0];
        return rule ? ruleMarkdown(rule) : null;
      }
      if (params.command === 'dockwise.server.showDocumentation') {
        const rule = findRules(String(params.arguments?.[0] ?? ''))[0];
        const uri = rule && pages.fileUri(rule.meta.id);
        if (!uri) return { success: false };
        return await connection.window.showDocument({ uri, takeFocus: true });
      }
    } catch (e) {
      connection.console.error(`Dockwise: command ${params.command} failed: ${(e as Error)?.stack ?? e}`);
    }
    return null;
  });

  documents.listen(connection);
  connection.listen();
}
