// Runs our TextMate grammar in vscode-textmate with vscode-oniguruma, the engine VS Code itself uses.
// `source.shell` is VS Code's built-in grammar; tests use a small stand-in for it.
import fs from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
let registry: Promise<textmate.Registry> | undefined;

function load(): Promise<textmate.Registry> {
  registry ??= (async () => {
    await oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
    const grammars: Record<string, string> = {
      'source.dockerfile': path.join(root, 'syntaxes/dockerfile.tmLanguage.json'),
      'source.shell': path.join(root, 'test/fixtures/grammar/shell-stub.tmLanguage.json'),
    };
    return new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) => (grammars[scope] ? textmate.parseRawGrammar(fs.readFileSync(grammars[scope], 'utf8'), grammars[scope]) : null),
    });
  })();
  return registry;
}

export interface Token { text: string; scopes: string[]; line: number }

export async function tokenize(text: string): Promise<Token[]> {
  const grammar = await (await load()).loadGrammar('source.dockerfile');
  if (!grammar) throw new Error('grammar not found');
  const out: Token[] = [];
  let stack = textmate.INITIAL;
  text.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes, line: i });
    stack = r.ruleStack;
  });
  return out;
}

/** The scopes of the first token whose text is `text` (after `from` tokens with that text). */
export function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
  const hits = tokens.filter((t) => t.text === text);
  if (!hits[nth]) throw new Error(`no token "${text}" (#${nth}); tokens: ${tokens.map((t) => JSON.stringify(t.text)).join(' ')}`);
  return hits[nth].scopes;
}
