// The workspace layer: everything between "this document, with these settings" and the engine's lint, shared by
// the command, the desktop language server and the web worker. Per document it resolves the settings over the
// config file that applies (found once per folder, its problems reported once) over the profile, gives the
// rules the files beside the Dockerfile, runs ShellCheck where the host can, and applies the pragmas to its
// findings.
import { buildLintOptions, type ConfigProblem, type LoadedConfig, type ResolvedOptions, type UserSettings } from '../engine/config';
import type { DockerfileModel } from '../engine/model/dockerfile';
import type { FileAccess } from '../engine/rule';
import type { Finding } from '../engine/types';
import type { Locale } from '../engine/i18n/locale';
import { ConfigFiles } from './config';
import { DockerfileFiles } from './files';
import type { Host } from './host';
import { hasFolder, uriDirname, uriWithin } from './uri';

export interface DocumentSettings extends UserSettings {
  /** A config file to use instead of the one found (a URI); `null`: none at all. */
  configFile?: string | null;
  /** The day end-of-life is judged on (YYYY-MM-DD); default today. */
  today?: string;
}

export interface DocumentOptions extends ResolvedOptions {
  files?: FileAccess;
  config?: LoadedConfig;
}

export class Workspace {
  private readonly configs: ConfigFiles;
  private readonly beside = new Map<string, DockerfileFiles>();
  private readonly reported = new Set<string>();
  private roots: string[] = [];
  private language: Locale;

  constructor(readonly host: Host, private readonly onProblem: (problem: ConfigProblem, text: string) => void, locale: Locale = 'en') {
    this.language = locale;
    this.configs = new ConfigFiles(host, () => this.language);
  }

  /** The language of findings, fix titles and config problems. */
  get locale(): Locale {
    return this.language;
  }

  /** Speaks another language from now on: config problems are read and reported again in it. */
  setLocale(locale: Locale): void {
    if (locale === this.language) return;
    this.language = locale;
    this.clear();
  }

  /** The workspace folders (URIs): config files are looked for up to the one holding the document. */
  setRoots(roots: string[]): void {
    this.roots = roots;
    this.configs.clear();
  }

  /** Forgets config files and files beside Dockerfiles (they changed), and which problems were reported. */
  clear(): void {
    this.configs.clear();
    this.beside.clear();
    this.reported.clear();
  }

  /** Forgets what was read for one document (it was closed). */
  forget(uri: string): void {
    for (const key of this.beside.keys()) if (key === uri || key.startsWith(`${uri}\u0000`)) this.beside.delete(key);
  }

  private name(uri: string): string {
    return this.host.displayName?.(uri) ?? uri;
  }

  /** Reports each problem once (until `clear()`), as `file:line: message`. */
  report(problems: ConfigProblem[]): void {
    for (const p of problems) {
      const text = `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
      if (this.reported.has(text)) continue;
      this.reported.add(text);
      this.onProblem(p, text);
    }
  }

  /** The config file that applies to a document (a URI), if any; a document in no folder (untitled:) has none. */
  configFileFor(uri: string): Promise<string | undefined> {
    if (!hasFolder(uri)) return Promise.resolve(undefined);
    const folder = uriDirname(uri);
    return this.configs.find(folder, this.roots.find((r) => uriWithin(folder, r)));
  }

  /** Lint options for a document: its settings over its config file over the profile, and the files beside it. */
  async optionsFor(uri: string | undefined, settings: DocumentSettings): Promise<DocumentOptions> {
    let configUri: string | undefined;
    if (settings.configFile !== undefined) configUri = settings.configFile ?? undefined;
    else if (uri) configUri = await this.configFileFor(uri);
    let config: LoadedConfig | undefined;
    if (configUri) {
      const loaded = await this.configs.load(configUri, this.name(configUri));
      this.report(loaded.problems);
      config = loaded.config;
    }
    const options = buildLintOptions({ config, settings, today: settings.today, locale: this.language });
    this.report(options.problems);
    return { ...options, config, files: uri && hasFolder(uri) ? this.filesFor(uri).access : undefined };
  }

  private filesFor(uri: string, contextUri?: string): DockerfileFiles {
    const key = contextUri ? `${uri}\u0000${contextUri}` : uri;
    let files = this.beside.get(key);
    if (!files) this.beside.set(key, files = new DockerfileFiles(this.host.fs, uri, contextUri));
    return files;
  }

  /** The files of a build context other than the Dockerfile's folder, as the rules read them (see DockerfileFiles). */
  contextFiles(uri: string, contextUri: string): FileAccess {
    return this.filesFor(uri, contextUri).access;
  }

  /**
   * Runs `lint` (a lint or a fix-all of the document) so that it sees the files beside the document: on a host
   * without synchronous reads, what it asked for is fetched and it runs again (a rule asks for more only when an
   * answer leads it there, so this ends within a few rounds).
   */
  async withFiles<T>(uri: string | undefined, lint: () => T): Promise<T> {
    let result = lint();
    const files = uri ? this.beside.get(uri) : undefined;
    for (let round = 0; files?.missing && round < 4; round++) {
      await files.fetchMissing();
      result = lint();
    }
    return result;
  }

  /** ShellCheck's findings for a linted model, with the pragmas applied; none where the host cannot run it. */
  async shellcheck(model: DockerfileModel, options: DocumentOptions): Promise<Finding[]> {
    const sc = this.host.shellcheck;
    if (!sc || !(await sc.available())) return [];
    const found = await sc.run(model, this.language);
    return options.postprocess ? options.postprocess(model, found) : found;
  }

  /** Whether ShellCheck can run here. */
  shellcheckAvailable(): Promise<boolean> {
    return this.host.shellcheck?.available() ?? Promise.resolve(false);
  }
}
