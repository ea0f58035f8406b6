// What turns off the checks a download tool or package manager makes on what it fetches (TLS certificates,
// package signatures, checksum databases): the options, per tool, and the environment variables, in one table
// the verification rules share. Read from each tool's manual (curl(1), wget(1), pip's, apk(8), apt.conf(5),
// dnf.conf(5), rpm(8), npm-config(7), git-config(1), `go help environment`).
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { CURL_VALUE_FLAGS, WGET_VALUE_FLAGS } from './downloaders';

/**
 * How a tool reads its options: the ones that take the next word as their value when not written `--opt=value`
 * (letters and long names), and the long options it accepts by any unambiguous start (getopt_long, optparse,
 * argparse), each with the shortest start that still names it.
 */
export interface OptionGrammar {
  valueFlags: readonly string[];
  prefixes?: Readonly<Record<string, string>>;
}

// curl takes no abbreviations.
export const CURL_OPTIONS: OptionGrammar = { valueFlags: CURL_VALUE_FLAGS };

// GNU wget reads long options with getopt_long: `--no-check-cert` is `--no-check-certificate`.
export const WGET_OPTIONS: OptionGrammar = {
  valueFlags: WGET_VALUE_FLAGS,
  prefixes: { 'no-check-certificate': 'no-check-c' },
};

/** `wget -e check_certificate=off`: the wgetrc command (case, `-` and `_` do not matter) with a false value. */
export const WGETRC_CHECK_OFF = /^check[-_]?certificate\s*=\s*(off|no|0|false)$/i;

// pip reads options with optparse, which takes any unambiguous start.
export const PIP_OPTIONS: OptionGrammar = { valueFlags: PACKAGE_MANAGERS.pip.valueFlags, prefixes: { 'trusted-host': 'trusted' } };

// apk-tools takes any unambiguous start of a long option.
export const APK_OPTIONS: OptionGrammar = { valueFlags: PACKAGE_MANAGERS.apk.valueFlags, prefixes: { 'allow-untrusted': 'allow-u' } };

// apt's own parser takes whole names only.
export const APT_OPTIONS: OptionGrammar = { valueFlags: PACKAGE_MANAGERS.apt.valueFlags };

// yum (optparse), dnf (argparse) and tdnf read the same options.
export const RPM_MANAGER_OPTIONS: OptionGrammar = { valueFlags: PACKAGE_MANAGERS.dnf.valueFlags, prefixes: { nogpgcheck: 'nogpg' } };

/** The programs that take yum's options (`--nogpgcheck`, `--setopt`), config managers included. */
export const RPM_MANAGER_COMMANDS = ['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf', 'yum-config-manager', 'dnf-config-manager'] as const;

// rpm (popt) takes whole names only; these take a value.
export const RPM_OPTIONS: OptionGrammar = { valueFlags: ['D', 'define', 'E', 'eval', 'r', 'root', 'dbpath', 'rcfile', 'macros', 'predefine', 'excludepath', 'prefix', 'relocate', 'pipe'] };

// npm reads `--strict-ssl false` (a boolean's value as the next word) as well as `--strict-ssl=false`.
export const NPM_OPTIONS: OptionGrammar = { valueFlags: [...PACKAGE_MANAGERS.npm.valueFlags, 'strict-ssl'] };

/** npm, pnpm and Yarn settings (`config set KEY VALUE`) that turn TLS checks off with a false value. */
export const STRICT_SSL_KEY = /^(strict-ssl|enableStrictSsl)$/;

// git's global options before the subcommand, and `git config`'s own, that take a value.
export const GIT_OPTIONS: OptionGrammar = { valueFlags: ['C', 'c', 'git-dir', 'work-tree', 'namespace', 'exec-path', 'config-env', 'f', 'file', 'blob', 'type', 'default', 'comment'] };

/** The option letters and long names, per tool, that switch the check off whatever their value. */
export const OFF_FLAGS = {
  curl: { letters: ['k'], long: ['insecure', 'proxy-insecure', 'doh-insecure'] },
  wget: { letters: [], long: ['no-check-certificate'] },
  pip: { letters: [], long: ['trusted-host'] },
  apk: { letters: [], long: ['allow-untrusted'] },
  apt: { letters: [], long: ['allow-unauthenticated', 'force-yes', 'allow-insecure-repositories', 'allow-downgrade-to-insecure-repositories'] },
  rpmManager: { letters: [], long: ['nogpgcheck', 'no-gpgchecks'] },
  rpm: { letters: [], long: ['nosignature', 'nodigest', 'nofiledigest', 'noverify'] },
} as const;

/** Boolean words as the tools read them (apt.conf, dnf.conf, git-config, npm): false ones, and true ones. */
export const FALSE_WORD = /^(0|false|no|off|disable|without)$/i;
export const TRUE_WORD = /^(1|true|yes|on|enable|with)$/i;

/**
 * apt configuration (`-o Key=value`, keys read in any case) that turns a check off: with a true value for the
 * first ones, a false value for the others.
 */
export const APT_CONFIG_OFF: ReadonlyArray<{ key: RegExp; off: RegExp }> = [
  { key: /^APT::Get::AllowUnauthenticated$/i, off: TRUE_WORD },
  { key: /^Acquire::AllowInsecureRepositories$/i, off: TRUE_WORD },
  { key: /^Acquire::AllowDowngradeToInsecureRepositories$/i, off: TRUE_WORD },
  { key: /^APT::Get::force-yes$/i, off: TRUE_WORD },
  { key: /^Acquire::https(::[^:=]+)?::Verify-(Peer|Host)$/i, off: FALSE_WORD },
];

/** yum/dnf `--setopt=[repo.]key=value` keys that turn package signature or TLS checks off with a false value. */
export const RPM_SETOPT_OFF = /^(?:[^=]*\.)?(gpgcheck|localpkg_gpgcheck|pkg_gpgcheck|sslverify)$/i;

/** A git config key that turns TLS checks off with a false value (`http.sslVerify`, `http.<url>.sslVerify`). */
export const GIT_SSL_VERIFY_KEY = /^http(\..+)?\.sslverify$/i;

/**
 * Environment variables that turn a check off, per rule: `off` says which values do (undefined: unknown, such as
 * an unresolved `$VAR`, never does). `anyValue`: the variable turns the check off by being set at all.
 */
export interface VerificationVariable {
  name: string;
  /** The tool reads the name in any letter case (npm's `npm_config_*`). */
  anyCase?: boolean;
  off: (value: string) => boolean;
  anyValue?: boolean;
}

const nonEmpty = (v: string) => v !== '';

export const VERIFICATION_VARIABLES = {
  // Python's ssl module: "If set to 0, disables certificate verification".
  python: [{ name: 'PYTHONHTTPSVERIFY', off: (v: string) => v === '0' }],
  // Node.js: "If value equals '0', certificate validation is disabled for TLS connections".
  node: [{ name: 'NODE_TLS_REJECT_UNAUTHORIZED', off: (v: string) => v === '0' }],
  // npm reads `npm_config_*` in any case; Yarn 2+ reads its settings from `YARN_*`.
  npm: [
    { name: 'npm_config_strict_ssl', anyCase: true, off: (v: string) => /^false$/i.test(v) },
    { name: 'YARN_ENABLE_STRICT_SSL', off: (v: string) => /^(false|0)$/i.test(v) },
  ],
  // git reads only whether the variable is set: `GIT_SSL_NO_VERIFY=false` turns checks off too.
  git: [{ name: 'GIT_SSL_NO_VERIFY', off: () => true, anyValue: true }],
  pip: [{ name: 'PIP_TRUSTED_HOST', off: nonEmpty }],
  // GOINSECURE fetches the modules it names over plain HTTP and without certificate checks; GOSUMDB=off stops
  // checking every module against the checksum database; GOFLAGS=-insecure is the old `go get -insecure`.
  // GONOSUMDB and GOPRIVATE only exempt the private module paths they name: normal practice, not reported.
  go: [
    { name: 'GOINSECURE', off: nonEmpty },
    { name: 'GOSUMDB', off: (v: string) => v.trim() === 'off' },
    { name: 'GOFLAGS', off: (v: string) => v.split(/\s+/).some((f) => /^--?insecure(=(true|1))?$/.test(f)) },
  ],
} as const satisfies Record<string, readonly VerificationVariable[]>;

/** Programs that compute or check a file's digest (`sha256sum -c`, `shasum -a 256`): a download checked by one is verified. */
export const CHECKSUM_TOOLS = ['md5sum', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'b2sum', 'shasum'] as const;

/** Programs that check a detached signature (`gpg --verify`, `gpgv`, `cosign verify-blob`, `minisign -V`). */
export const SIGNATURE_TOOLS = ['gpg', 'gpg2', 'gpgv', 'gpgv2', 'cosign', 'minisign', 'signify'] as const;

/** Hosts that name the build machine itself: plain HTTP to them never crosses a network. */
export const LOCAL_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|host\.docker\.internal)$/i;
