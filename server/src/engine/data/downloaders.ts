// The downloaders a RUN fetches files with, read for the rules that suggest ADD instead: which options take a
// value, and which options leave a request ADD makes the same way (anything else, such as a header, credentials
// or `--insecure`, is a request ADD cannot make). Recorded 2026-12-06 from curl(1) and wget(1).

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
    valueFlags: ['o', 'output', 'H', 'header', 'u', 'user', 'A', 'user-agent', 'e', 'referer', 'd', 'data', 'data-binary', 'data-raw', 'X', 'request', 'retry', 'retry-delay', 'retry-max-time', 'connect-timeout', 'm', 'max-time', 'x', 'proxy', 'cacert', 'cert', 'key', 'C', 'continue-at', 'w', 'write-out', 'T', 'upload-file', 'b', 'cookie', 'c', 'cookie-jar', 'r', 'range', 'limit-rate', 'K', 'config', 'output-dir', 'proto', 'proto-redir', 'resolve', 'max-redirs', 'F', 'form', 'U', 'proxy-user', 'D', 'dump-header', 'z', 'time-cond'],
    plainFlags: ['f', 'fail', 'fail-with-body', 's', 'silent', 'S', 'show-error', 'L', 'location', 'retry', 'retry-delay', 'retry-max-time', 'retry-all-errors', 'retry-connrefused', 'connect-timeout', 'm', 'max-time', 'proto', 'proto-redir', 'tlsv1.2', 'tlsv1.3', '#', 'progress-bar', 'v', 'verbose', 'o', 'output', 'O', 'remote-name', 'max-redirs', 'q'],
    outputFlags: ['o', 'output'],
  },
  wget: {
    valueFlags: ['O', 'output-document', 't', 'tries', 'T', 'timeout', 'U', 'user-agent', 'header', 'user', 'password', 'http-user', 'http-password', 'P', 'directory-prefix', 'o', 'output-file', 'a', 'append-output', 'e', 'execute', 'progress', 'ca-certificate', 'certificate', 'private-key', 'post-data', 'method', 'body-data', 'i', 'input-file', 'w', 'wait', 'Y', 'proxy'],
    plainFlags: ['q', 'quiet', 'nv', 'no-verbose', 'O', 'output-document', 't', 'tries', 'T', 'timeout', 'progress', 'show-progress', 'v', 'verbose'],
    outputFlags: ['O', 'output-document'],
  },
};
