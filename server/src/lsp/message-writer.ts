// Writes LSP messages to a stream (stdio) at once, in order. vscode-jsonrpc's stream writer queues each
// message for a later turn of the event loop and serializes it as a whole; on every keystroke the server
// publishes every diagnostic of the document again (hundreds on a long file), most of them the very objects
// it published the time before. Here each diagnostic is serialized once and its JSON reused.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';

interface PublishParams { uri: string; version?: number; diagnostics: object[] }

export class DirectMessageWriter extends AbstractMessageWriter implements MessageWriter {
  /** Diagnostics are never changed once published (the server makes a new object for a new finding). */
  private readonly json = new WeakMap<object, string>();
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (error: Error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    try {
      const body = Buffer.from(this.serialize(msg), 'utf8');
      this.out.write(Buffer.concat([Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body]));
      this.errors = 0;
      return Promise.resolve();
    } catch (error) {
      this.fireError(error as Error, msg, ++this.errors);
      return Promise.reject(error);
    }
  }

  end(): void {}

  /** The message as JSON: JSON.stringify's, except that a diagnostic published before reuses its text. */
  serialize(msg: Message): string {
    const m = msg as Message & { method?: string; params?: PublishParams };
    const params = m.method === PUBLISH ? m.params : undefined;
    if (!params || !Array.isArray(params.diagnostics) || Object.keys(m).length !== 3 || Object.keys(params).some((k) => k !== 'uri' && k !== 'version' && k !== 'diagnostics')) {
      return JSON.stringify(msg);
    }
    const parts: string[] = [];
    for (const d of params.diagnostics) {
      let text = this.json.get(d);
      if (text === undefined) this.json.set(d, text = JSON.stringify(d));
      parts.push(text);
    }
    const version = params.version === undefined ? '' : `,"version":${JSON.stringify(params.version)}`;
    return `{"jsonrpc":${JSON.stringify(m.jsonrpc)},"method":"${PUBLISH}","params":{"uri":${JSON.stringify(params.uri)}${version},"diagnostics":[${parts.join(',')}]}}`;
  }
}
