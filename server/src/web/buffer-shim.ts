// dockerfile-ast, which the engine parses Dockerfiles with, calls Node's global Buffer once: Buffer.from(char,
// 'UTF-8'), to test the first character for a byte order mark. A worker has no Buffer; the web bundle gets this one
// in its place (esbuild's inject), which encodes strings as UTF-8 and does nothing else.
export const Buffer = {
  from(value: string): Uint8Array {
    if (typeof value !== 'string') throw new TypeError('Dockwise in a browser: Buffer.from takes only a string here');
    return new TextEncoder().encode(value);
  },
};
