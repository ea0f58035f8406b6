// How curl reads its arguments: the options that take a value (so that `-o file` or `-H "-x"` are read right),
// and what a command line asks for: failing on HTTP errors, where the body goes.
import { parseArgs, type ParsedArgs } from './commands';
import type { ShellCommand } from './shell';

/** curl's options that take the next word as their value (short letters and long names). */
export const CURL_VALUE_FLAGS: readonly string[] = [
  'A', 'b', 'c', 'C', 'd', 'D', 'e', 'E', 'F', 'H', 'K', 'm', 'o', 'P', 'Q', 'r', 't', 'T', 'u', 'U', 'w', 'x', 'X', 'Y', 'y', 'z',
  'user-agent', 'cookie', 'cookie-jar', 'continue-at', 'data', 'data-ascii', 'data-binary', 'data-raw', 'data-urlencode', 'dump-header',
  'referer', 'cert', 'cert-type', 'key', 'key-type', 'pass', 'form', 'form-string', 'header', 'proxy-header', 'config', 'max-time',
  'connect-timeout', 'output', 'output-dir', 'ftp-port', 'quote', 'range', 'telnet-option', 'upload-file', 'user', 'proxy-user',
  'write-out', 'proxy', 'request', 'speed-limit', 'speed-time', 'time-cond', 'cacert', 'capath', 'ciphers', 'retry', 'retry-delay',
  'retry-max-time', 'max-redirs', 'max-filesize', 'limit-rate', 'interface', 'resolve', 'connect-to', 'proto', 'proto-redir',
  'proto-default', 'netrc-file', 'oauth2-bearer', 'pinnedpubkey', 'preproxy', 'socks4', 'socks4a', 'socks5', 'socks5-hostname',
  'unix-socket', 'abstract-unix-socket', 'url', 'aws-sigv4', 'local-port', 'keepalive-time', 'expect100-timeout', 'parallel-max',
  'create-file-mode', 'tls-max', 'tlsuser', 'tlspassword', 'variable', 'json', 'url-query', 'trace', 'trace-ascii', 'stderr', 'noproxy',
  'dns-servers', 'doh-url', 'hsts', 'alt-svc', 'etag-save', 'etag-compare', 'happy-eyeballs-timeout-ms', 'login-options', 'sasl-authzid',
  'service-name', 'mail-from', 'mail-rcpt', 'mail-auth', 'ftp-method', 'ftp-account', 'ftp-alternative-to-user', 'krb', 'delegation',
  'engine', 'random-file', 'egd-file', 'crlfile', 'proxy-cacert', 'proxy-capath', 'proxy-cert', 'proxy-key', 'proxy-ciphers',
];

/** The command's options as curl reads them. */
export function curlArgs(cmd: ShellCommand): ParsedArgs {
  return parseArgs(cmd, CURL_VALUE_FLAGS);
}

/**
 * Whether curl fails on an HTTP error (`-f`, `--fail`, `--fail-with-body`; the last of these and `--no-fail`
 * wins), rather than saving the error page and exiting 0.
 */
export function curlFailsOnHttpError(args: ParsedArgs): boolean {
  let fail = false;
  for (const f of args.flags) {
    if ((!f.long && f.name === 'f') || (f.long && (f.name === 'fail' || f.name === 'fail-with-body'))) fail = true;
    else if (f.long && (f.name === 'no-fail' || f.name === 'no-fail-with-body')) fail = false;
  }
  return fail;
}
