// The downloaders a RUN fetches files with: which options take a value (for every rule that reads their command
// lines), and which options leave a request ADD makes the same way (anything else, such as a header, credentials
// or `--insecure`, is a request ADD cannot make). Recorded 2026-12-06 from curl(1) and wget(1).

/** curl's options that take the next word as their value (short letters and long names; curl takes no abbreviations). */
export const CURL_VALUE_FLAGS: readonly string[] = [
  'A', 'b', 'c', 'C', 'd', 'D', 'e', 'E', 'F', 'H', 'K', 'm', 'o', 'P', 'Q', 'r', 't', 'T', 'u', 'U', 'w', 'x', 'X',
  'Y', 'y', 'z', 'user-agent', 'cookie', 'cookie-jar', 'continue-at', 'data', 'data-ascii', 'data-binary',
  'data-raw', 'data-urlencode', 'dump-header', 'referer', 'cert', 'cert-type', 'key', 'key-type', 'pass', 'form',
  'form-string', 'header', 'proxy-header', 'config', 'max-time', 'connect-timeout', 'output', 'output-dir',
  'ftp-port', 'quote', 'range', 'telnet-option', 'upload-file', 'user', 'proxy-user', 'write-out', 'proxy',
  'request', 'speed-limit', 'speed-time', 'time-cond', 'cacert', 'capath', 'ciphers', 'retry', 'retry-delay',
  'retry-max-time', 'max-redirs', 'max-filesize', 'limit-rate', 'interface', 'resolve', 'connect-to', 'proto',
  'proto-redir', 'proto-default', 'netrc-file', 'oauth2-bearer', 'pinnedpubkey', 'preproxy', 'socks4', 'socks4a',
  'socks5', 'socks5-hostname', 'unix-socket', 'abstract-unix-socket', 'url', 'aws-sigv4', 'local-port',
  'keepalive-time', 'expect100-timeout', 'parallel-max', 'create-file-mode', 'tls-max', 'tlsuser', 'tlspassword',
  'variable', 'json', 'url-query', 'trace', 'trace-ascii', 'stderr', 'noproxy', 'dns-servers', 'doh-url', 'hsts',
  'alt-svc', 'etag-save', 'etag-compare', 'happy-eyeballs-timeout-ms', 'login-options', 'sasl-authzid',
  'service-name', 'mail-from', 'mail-rcpt', 'mail-auth', 'ftp-method', 'ftp-account', 'ftp-alternative-to-user',
  'krb', 'delegation', 'engine', 'random-file', 'egd-file', 'crlfile', 'proxy-cacert', 'proxy-capath', 'proxy-cert',
  'proxy-key', 'proxy-ciphers',
];

/** GNU wget's options that take the next word as their value (it also accepts any unambiguous start of a long one). */
export const WGET_VALUE_FLAGS: readonly string[] = [
  'o', 'a', 'e', 'i', 'B', 't', 'O', 'T', 'w', 'Q', 'P', 'U', 'l', 'A', 'R', 'D', 'I', 'X', 'output-file',
  'append-output', 'execute', 'input-file', 'base', 'tries', 'output-document', 'timeout', 'wait', 'quota',
  'directory-prefix', 'user-agent', 'level', 'accept', 'reject', 'domains', 'include-directories',
  'exclude-directories', 'header', 'user', 'password', 'ca-certificate', 'ca-directory', 'certificate',
  'private-key', 'http-user', 'http-password', 'progress', 'post-data', 'method', 'body-data', 'Y', 'proxy',
];

export interface Downloader {
  /** Options (without dashes) that take the next word as their value. */
  valueFlags: readonly string[];
  /** Options that change nothing ADD would do differently: failing on HTTP errors, redirects, retries, quietness. */
  plainFlags: readonly string[];
  /** Options that name the output file, and the value that means standard output. */
  outputFlags: readonly string[];
}

export const DOWNLOADERS: Readonly<Record<'curl' | 'wget', Downloader>> = {
  curl: {
    valueFlags: CURL_VALUE_FLAGS,
    plainFlags: ['f', 'fail', 'fail-with-body', 's', 'silent', 'S', 'show-error', 'L', 'location', 'retry', 'retry-delay', 'retry-max-time', 'retry-all-errors', 'retry-connrefused', 'connect-timeout', 'm', 'max-time', 'proto', 'proto-redir', 'tlsv1.2', 'tlsv1.3', '#', 'progress-bar', 'v', 'verbose', 'o', 'output', 'O', 'remote-name', 'max-redirs', 'q'],
    outputFlags: ['o', 'output'],
  },
  wget: {
    valueFlags: WGET_VALUE_FLAGS,
    plainFlags: ['q', 'quiet', 'nv', 'no-verbose', 'O', 'output-document', 't', 'tries', 'T', 'timeout', 'progress', 'show-progress', 'v', 'verbose'],
    outputFlags: ['O', 'output-document'],
  },
};
