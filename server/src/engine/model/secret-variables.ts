// Which ARG and ENV pairs carry a secret: by name (the well-known ones, and names made of secret-sounding parts)
// and by value (public values, pointers and placeholders are no secret). The secret-in-arg-or-env rule reports
// them and the secrets-as-mounts refactoring moves them into secret mounts: both read this one predicate.
import { argDefinitions, envDefinitions, type Instr, type InstructionProperty, type VariableDefinition } from './dockerfile';

// Well-known secret variable names (the kind hadolint's DL3064 lists), matched exactly.
const KNOWN = new Set([
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AZURE_CLIENT_SECRET', 'AZURE_STORAGE_KEY', 'GOOGLE_APPLICATION_CREDENTIALS',
  'GITHUB_TOKEN', 'GH_TOKEN', 'GITLAB_TOKEN', 'CI_JOB_TOKEN', 'NPM_TOKEN', 'NPM_AUTH_TOKEN', 'NODE_AUTH_TOKEN', 'PYPI_TOKEN', 'TWINE_PASSWORD',
  'DOCKER_PASSWORD', 'DOCKERHUB_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'STRIPE_SECRET_KEY', 'SLACK_TOKEN', 'SENTRY_AUTH_TOKEN',
  'DATABASE_URL', 'DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD', 'POSTGRES_PASSWORD', 'PGPASSWORD', 'REDIS_PASSWORD', 'MONGO_INITDB_ROOT_PASSWORD',
  'SECRET_KEY', 'SECRET_KEY_BASE', 'JWT_SECRET', 'SESSION_SECRET', 'ENCRYPTION_KEY', 'PRIVATE_KEY', 'SSH_PRIVATE_KEY', 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN',
]);
// Name parts that read as a secret (BuildKit's SecretsUsedInArgOrEnv tokens).
const SECRET_PARTS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'passwd', 'pword', 'secret', 'token', 'privatekey']);
// A part anywhere that says the value is public: a public key, a GPG/PGP key's fingerprint or id.
const PUBLIC_PARTS = new Set(['public', 'gpg', 'pgp', 'fingerprint', 'fingerprints', 'keyid', 'keyids']);
// A last part that says the value points at the secret or describes it, rather than being it (as BuildKit reads
// `_FILE`, `_PATH`, `_URL`, `_VERSION`): `DB_PASSWORD_FILE=/run/secrets/db`, `VAULT_TOKEN_PATH`, `KEY_ID`.
const POINTER_SUFFIXES = new Set(['file', 'files', 'path', 'url', 'version', 'dir', 'id', 'ids']);

export function looksLikeSecret(name: string): boolean {
  if (KNOWN.has(name.toUpperCase())) return true;
  const parts = name.toLowerCase().split(/[_\-.]+/).filter(Boolean);
  if (!parts.length || parts.some((p) => PUBLIC_PARTS.has(p)) || POINTER_SUFFIXES.has(parts[parts.length - 1])) return false;
  return parts.some((p) => SECRET_PARTS.has(p)) || /api_?key|private_?key|client_?secret/i.test(name);
}

// Values people ship as a default password: the image then runs with a credential everyone knows.
export const DEFAULT_CREDENTIALS = new Set(['password', 'passw0rd', 'pass', 'passwd', 'changeme', 'change_me', 'changeit', 'secret', 'admin', 'root', 'toor', 'guest', 'test', 'default', 'example', 'letmein', 'qwerty', '123456', '12345678', '1234', 'postgres', 'mysql']);

/**
 * A literal value that is no secret whatever the name: a file path or a URL without credentials (where the
 * secret is, not what it is); a template placeholder (`{{ .token }}`, `<your-token>`, all zeros, `XXXXXXXX`);
 * for a name about a key, GPG fingerprints or key ids (40 or 16 hex digits, several allowed).
 */
function notASecret(name: string, value: string): boolean {
  if (/^(\/|\.{1,2}\/|~\/)\S*$/.test(value) || /^[\w.-]+(\/[\w.-]+)+\.[A-Za-z]{2,5}$/.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s/@]+(\/\S*)?$/i.test(value)) return true;
  if (/^\{\{[\s\S]*\}\}$|^<[^<>]+>$/.test(value)) return true;
  // At most two runs of one repeated character each, separators aside: `0000…`, `XXXX…`, `FFFF…0000…`.
  if (/^(\w)\1*(\w)?\2*$/.test(value.replace(/[-_:. ]/g, '')) && value.length >= 4) return true;
  const keyName = name.toLowerCase().split(/[_\-.]+/).some((p) => p === 'key' || p === 'keys');
  return keyName && /^(0x)?([0-9A-Fa-f]{40}|[0-9A-Fa-f]{16})(\s+(0x)?([0-9A-Fa-f]{40}|[0-9A-Fa-f]{16}))*$/.test(value);
}

/** How a secret pair is written: a name only (its value comes later), a literal value, or a well-known default. */
export type SecretVariableKind = 'name' | 'value' | 'defaultCredential';

export interface SecretVariable {
  def: VariableDefinition;
  prop: InstructionProperty;
  kind: SecretVariableKind;
}

/** The pairs of an ARG or ENV that carry a secret, in order (none for another instruction). */
export function secretVariables(instr: Instr): SecretVariable[] {
  const defs = instr.keyword === 'ARG' ? argDefinitions(instr) : envDefinitions(instr);
  const out: SecretVariable[] = [];
  defs.forEach((def, i) => {
    if (!looksLikeSecret(def.name)) return;
    const value = def.value;
    const literal = value !== undefined && value !== '' && !value.includes('$');
    // An ENV set to nothing holds no secret (it is set when the container starts); an ARG's value comes from --build-arg.
    if (instr.keyword === 'ENV' && value === '') return;
    if (literal && notASecret(def.name, value)) return;
    out.push({ def, prop: instr.props[i], kind: literal ? (DEFAULT_CREDENTIALS.has(value.toLowerCase()) ? 'defaultCredential' : 'value') : 'name' });
  });
  return out;
}
