// What the workspace layer needs from the place it runs in: Node (the command, the desktop language server) or a
// browser worker (vscode.dev, github.dev). The engine itself never touches a host: files reach it as a FileAccess
// and the shell grammar as bytes or URLs. Files are named by URI strings (`file:///…`, `vscode-vfs://…`,
// `untitled:…`), so one layer serves both.
import type { DockerfileModel } from '../engine/model/dockerfile';
import type { Finding } from '../engine/types';
import type { Locale } from '../engine/i18n/locale';
import type { RegistryClient } from '../engine/refactor/types';

/** A file's text, or why there is none (`missing`: no such file; `tooLarge`: over the limit asked for). */
export type ReadResult = { text: string } | { error: string; missing?: boolean; tooLarge?: boolean };

/** An entry of a folder: a file or a folder (links to folders, devices and the like are left out). */
export interface FolderEntry { name: string; folder: boolean }

/** What tells one version of a file on disk from the next without reading it. */
export interface FileStamp { size: number; mtime: number }

export interface HostFileSystem {
  read(uri: string, maxBytes: number): Promise<ReadResult>;
  /** Whether a regular file exists there (a folder, a missing path or an unreadable one: false). */
  isFile(uri: string): Promise<boolean>;
  /** The first `length` bytes of a regular file (fewer when it is shorter), or undefined when there is none. */
  readHead(uri: string, length: number): Promise<Uint8Array | undefined>;
  /** A folder's entries, where the host can list folders (workspace/dockerfiles.ts walks them); undefined: no such folder. */
  list?(folderUri: string): Promise<FolderEntry[] | undefined>;
  /** A regular file's size and modification time, where the host lists folders; undefined: no such file. */
  stamp?(uri: string): Promise<FileStamp | undefined>;
  /**
   * The same, synchronously, where the host has it (Node's disk). With it a lint reads the files beside a
   * Dockerfile as its rules ask; without it they are fetched before the lint (see workspace/files.ts).
   */
  sync?: {
    read(uri: string, maxBytes: number): ReadResult;
    isFile(uri: string): boolean;
    readHead(uri: string, length: number): Uint8Array | undefined;
  };
}

export interface ShellcheckHost {
  available(): Promise<boolean>;
  /** ShellCheck's findings on the model's RUN scripts, fix titles in `locale`. */
  run(model: DockerfileModel, locale: Locale): Promise<Finding[]>;
}

export interface Host {
  fs: HostFileSystem;
  /** The user's own config files outside any project (XDG, home), most specific first, as URIs. */
  userConfigUris(): string[];
  /** Where web-tree-sitter's runtime and the bash grammar are: file paths on Node, URLs in a browser. */
  shellParserWasm(): { runtime: string; grammar: string };
  /** ShellCheck, where the host can run programs; absent in a browser. */
  shellcheck?: ShellcheckHost;
  /** How messages name a file (a path on Node); default: the URI. */
  displayName?(uri: string): string;
  /** A file path as a URI (Node: a file: URI, resolved against the current folder); absent where paths mean nothing. */
  pathUri?(path: string): string;
  /** Image digests from registries (pinning by digest); absent where the host cannot reach them. */
  registry?: RegistryClient;
  /** The environment compose and bake files are interpolated with (the editor's); absent: none. */
  environment?(): Readonly<Record<string, string>>;
}
