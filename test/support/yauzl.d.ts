// The part of yauzl (a devDependency, for reading .vsix files) the tests use; it ships no types.
declare module 'yauzl' {
  import type { EventEmitter } from 'node:events';
  import type { Readable } from 'node:stream';
  interface Entry { fileName: string }
  interface ZipFile extends EventEmitter {
    readEntry(): void;
    openReadStream(entry: Entry, cb: (err: Error | null, stream: Readable) => void): void;
    close(): void;
  }
  export function open(path: string, options: { lazyEntries: boolean }, cb: (err: Error | null, zip: ZipFile) => void): void;
}
