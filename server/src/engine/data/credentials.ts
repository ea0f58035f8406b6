// Credential-shaped values: the formats issuers give their keys and tokens, so that a value in a Dockerfile can be
// recognised as a credential whatever it is called. Each pattern matches the whole value; `secret` is the part
// that is random, which a placeholder fills with one repeated character (`ghp_xxxx…`).

export interface CredentialPattern {
  /** What the value is: the rule's message id for it. */
  kind: 'awsAccessKey' | 'privateKey' | 'githubToken' | 'gitlabToken' | 'slackToken' | 'stripeKey' | 'googleApiKey' | 'npmToken' | 'jwt';
  pattern: RegExp;
}

const B64URL = '[A-Za-z0-9_-]';

export const CREDENTIAL_PATTERNS: readonly CredentialPattern[] = [
  { kind: 'awsAccessKey', pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g },
  { kind: 'privateKey', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:\\[nr]|[\s'"\\])*[A-Za-z0-9+/=]{40,}/g },
  { kind: 'githubToken', pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g },
  { kind: 'gitlabToken', pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g },
  { kind: 'slackToken', pattern: /(?<![A-Za-z0-9])xox[baprs]-[0-9]{8,13}-[A-Za-z0-9-]{8,}(?![A-Za-z0-9-])/g },
  { kind: 'stripeKey', pattern: /(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{20,}(?![A-Za-z0-9])/g },
  { kind: 'googleApiKey', pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g },
  { kind: 'npmToken', pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g },
  { kind: 'jwt', pattern: new RegExp(`(?<!${B64URL})eyJ${B64URL}{10,}\\.eyJ${B64URL}{10,}\\.${B64URL}{16,}(?!${B64URL})`, 'g') },
];

/**
 * Values published as examples in the issuers' own documentation (AWS's `AKIAIOSFODNN7EXAMPLE`, jwt.io's token),
 * by a part they contain: they authorise nothing.
 */
const DOCUMENTED_EXAMPLES = [/EXAMPLE/i, /SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c/];

/** A placeholder rather than a key: a documented example, or a random part of a few characters repeated. */
export function isPlaceholderCredential(value: string): boolean {
  if (DOCUMENTED_EXAMPLES.some((r) => r.test(value))) return true;
  const body = value.replace(/^-----BEGIN [A-Z ]+-----/, '').replace(/^(AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[baprs]-|[sr]k_live_|AIza|npm_)/, '');
  return /(x{6,}|X{6,}|0{8,}|\.\.\.|_{6,})/.test(body) || new Set(body.replace(/[^A-Za-z0-9]/g, '')).size < 8;
}

/** Each credential in `text` that is not a placeholder, with its offsets in `text`. */
export function findCredentials(text: string): Array<{ kind: CredentialPattern['kind']; start: number; end: number }> {
  const out: Array<{ kind: CredentialPattern['kind']; start: number; end: number }> = [];
  for (const { kind, pattern } of CREDENTIAL_PATTERNS) {
    for (const m of text.matchAll(pattern)) if (!isPlaceholderCredential(m[0])) out.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}
