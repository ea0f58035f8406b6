// Writes LSP messages to a stream (stdio) at once, in order. vscode-jsonrpc's stream writer queues each
// message for a later turn of the event loop and serializes it as a whole; on every keystroke the server
// sends every diagnostic of the document again (hundreds on a long file, published or as the answer to a pull),
// most of them the very objects it sent the time before. Here each diagnostic is encoded once, and the message
// is written from the encoded pieces: no new string the size of the message on every keystroke (on a long file
// that string alone filled V8's young generation every few keystrokes, and each collection paused a keystroke).
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');
const END = Buffer.from(']}}');

interface PublishParams { uri: string; version?: number; diagnostics: object[] }
/** The answer to textDocument/diagnostic when it carries the diagnostics. */
interface FullReport { kind: 'full'; resultId?: string; items: object[] }

const only = (o: object, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));

/** The message up to its array of diagnostics, and the array, for the two messages that carry one; undefined for the others. */
function diagnosticsOf(msg: Message): { head: string; diagnostics: object[] } | undefined {
  const m = msg as Message & { method?: string; params?: PublishParams; id?: unknown; result?: FullReport };
  if (m.method === PUBLISH) {
    const params = m.params;
    if (!params || !Array.isArray(params.diagnostics) || !only(m, ['jsonrpc', 'method', 'params']) || !only(params, ['uri', 'version', 'diagnostics'])) return undefined;
    const version = params.version === undefined ? '' : `,"version":${JSON.stringify(params.version)}`;
    return { head: `{"jsonrpc":${JSON.stringify(m.jsonrpc)},"method":"${PUBLISH}","params":{"uri":${JSON.stringify(params.uri)}${version},"diagnostics":[`, diagnostics: params.diagnostics };
  }
  const result = m.result;
  if (m.method === undefined && result?.kind === 'full' && Array.isArray(result.items) && only(m, ['jsonrpc', 'id', 'result']) && only(result, ['kind', 'resultId', 'items'])) {
    const resultId = result.resultId === undefined ? '' : `,"resultId":${JSON.stringify(result.resultId)}`;
    return { head: `{"jsonrpc":${JSON.stringify(m.jsonrpc)},"id":${JSON.stringify(m.id)},"result":{"kind":"full"${resultId},"items":[`, diagnostics: result.items };
  }
  return undefined;
}

export class DirectMessageWriter extends AbstractMessageWriter implements MessageWriter {
  /** Diagnostics are never changed once published (the server makes a new object for a new finding). */
  private readonly encoded = new WeakMap<object, Buffer>();
  private errors = 0;
  /** The pieces of the publication being written, reused: on a long file hundreds per keystroke. */
  private readonly scratch: Buffer[] = [];

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (error: Error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    try {
      const { pieces, length } = this.encodePieces(msg);
      const header = `Content-Length: ${length}\r\n\r\n`;
      const frame = Buffer.allocUnsafe(header.length + length);
      frame.write(header, 0, 'ascii');
      copyInto(frame, pieces, header.length);
      this.out.write(frame);
      this.errors = 0;
      return Promise.resolve();
    } catch (error) {
      this.fireError(error as Error, msg, ++this.errors);
      return Promise.reject(error);
    }
  }

  end(): void {}

  /** The message as UTF-8 JSON: JSON.stringify's, except that a diagnostic published before reuses its encoding. */
  encode(msg: Message): Buffer {
    const { pieces, length } = this.encodePieces(msg);
    return copyInto(Buffer.allocUnsafe(length), pieces, 0);
  }

  private encodePieces(msg: Message): { pieces: Buffer[]; length: number } {
    const carrier = diagnosticsOf(msg);
    if (!carrier) {
      const whole = Buffer.from(JSON.stringify(msg), 'utf8');
      return { pieces: [whole], length: whole.byteLength };
    }
    const { diagnostics } = carrier;
    const pieces = this.scratch;
    let n = 0;
    pieces[n++] = Buffer.from(carrier.head, 'utf8');
    let length = pieces[0].byteLength + END.byteLength;
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i];
      let piece = this.encoded.get(d);
      if (piece === undefined) this.encoded.set(d, piece = Buffer.from(JSON.stringify(d), 'utf8'));
      if (i > 0) { pieces[n++] = COMMA; length += 1; }
      pieces[n++] = piece;
      length += piece.byteLength;
    }
    pieces[n++] = END;
    // Cut to this publication's pieces: a longer one before it must not stay referenced.
    pieces.length = n;
    return { pieces, length };
  }
}

/**
 * Copies `pieces` into `out` from offset `at`, in one plain loop. Buffer.concat does the same through a helper
 * per piece, which stays unoptimized for the first few hundred publications: on a long file (hundreds of
 * pieces) that was about 1 ms of every keystroke, and the header was then copied onto the body in a second pass.
 */
function copyInto(out: Buffer, pieces: Buffer[], at: number): Buffer {
  for (let i = 0; i < pieces.length; i++) {
    out.set(pieces[i], at);
    at += pieces[i].byteLength;
  }
  return out;
}
