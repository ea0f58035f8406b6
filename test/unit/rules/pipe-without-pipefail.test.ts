import rule from '../../../server/src/engine/rules/pipe-without-pipefail';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -s https://x | tee /x\n',
    { name: 'combined -eo flag', code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b\n' },
    { name: 'set -o pipefail inside the RUN (hadolint flags it)', code: 'FROM debian:12-slim\nRUN set -euxo pipefail; curl -s https://x | tee /x\n' },
    { name: 'SHELL inherited from the parent stage', code: 'FROM debian:12-slim AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n' },
    { name: 'PowerShell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item\n' },
    'FROM debian:12-slim\nRUN a && b || c\n',
    // Producers that cannot fail: pipefail would change nothing (and `yes` would fail with 141 under it).
    { name: 'echo into a checksum check', code: 'FROM debian:12-slim\nRUN echo "$SHA256  node.tar.xz" | sha256sum -c -\n' },
    { name: 'a group of echo and printf', code: "FROM debian:12-slim\nRUN { echo a; printf 'b\\n'; } | tee /etc/x.conf\n" },
    { name: 'echo | tr in a command substitution', code: 'FROM debian:12-slim\nRUN ARCH="$(echo "$TARGETARCH" | tr a-z A-Z)" && ./build "$ARCH"\n' },
    { name: 'echo of a command substitution (its status is lost in the echo\'s, pipefail or not)', code: 'FROM debian:12-slim\nRUN echo "$(curl -fsSL https://x/sum) *f.zip" | sha256sum -c -\n' },
    { name: 'a download into tar -x: tar fails on empty or cut-off input', code: 'FROM debian:12-slim\nRUN curl -sL https://x/a.tgz | tar -xz -C /opt\n' },
    { name: 'a download into grep and into a checksum check', code: 'FROM debian:12-slim\nRUN wget -qO- https://x/SHASUMS | grep " a.tgz$" | sha256sum -c -\n' },
    { name: 'local producers: docker-library\'s runtime-dependency pattern', code: "FROM debian:12-slim\nRUN find /usr/local -type f -executable -exec ldd '{}' ';' | awk '/=>/ { print $(NF-1) }' | sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u | xargs -r apt-mark manual\n" },
    { name: 'a local query into awk', code: "FROM debian:12-slim\nRUN dpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; echo $dpkgArch\n" },
    { name: 'yes answering a prompt', code: 'FROM php:8.3-apache\nRUN yes | pecl install imagick\n' },
  ],
  invalid: [
    {
      // Debian's /bin/sh (dash) has no pipefail: a bash SHELL. (`echo a | tee` is fed by echo: not reported.)
      code: 'FROM debian:12-slim\nRUN apt-get update\n# key\nRUN curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\nRUN echo a | tee /b\n',
      errors: [{ at: '4:5-4:55', messageId: 'pipeHidesFailure', data: {}, message: /pipefail/, fixes: ['addShellWithPipefail'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get update\n# key\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\nRUN echo a | tee /b\n',
    },
    {
      name: 'alpine: BusyBox sh has pipefail, the RUN sets it; pipefail set after the pipe does not count',
      code: 'FROM alpine:3.21\nRUN wget -qO- https://x | sort > /l; set -o pipefail\n',
      errors: [{ at: '2:5-2:31', messageId: 'pipeHidesFailure', fixes: ['startWithPipefail', 'addShellWithPipefail'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN set -o pipefail && wget -qO- https://x | sort > /l; set -o pipefail\n',
    },
    {
      name: 'the RHEL family: /bin/sh is bash',
      code: 'FROM rockylinux:9\nRUN curl -s https://x | tee /x\n',
      errors: [{ at: '2:5-2:31', messageId: 'pipeHidesFailure', fixes: ['startWithPipefail', 'addShellWithPipefail'] }],
      output: null,
      unsafeOutput: 'FROM rockylinux:9\nRUN set -o pipefail && curl -s https://x | tee /x\n',
    },
    {
      name: 'the range covers a brace group that feeds the pipe',
      code: 'FROM alpine:3.21\nRUN { curl -s https://x; echo; } | tee /f\n',
      errors: [{ at: '2:5-2:42', messageId: 'pipeHidesFailure', fixes: ['startWithPipefail', 'addShellWithPipefail'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN set -o pipefail && { curl -s https://x; echo; } | tee /f\n',
    },
    {
      name: 'a redirected or variable-prefixed producer is still a command that can fail',
      code: 'FROM alpine:3.21\nRUN LC_ALL=C curl -s https://x 2>&1 | sort\n',
      errors: [{ at: '2:5-2:43', messageId: 'pipeHidesFailure', fixes: ['startWithPipefail', 'addShellWithPipefail'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN set -o pipefail && LC_ALL=C curl -s https://x 2>&1 | sort\n',
    },
    {
      name: 'the range is the pipe, not the && after it',
      code: 'FROM alpine:3.21\nRUN curl -s https://x | tee /x | sort && ls\n',
      errors: [{ at: '2:5-2:38', messageId: 'pipeHidesFailure', fixes: ['startWithPipefail', 'addShellWithPipefail'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN set -o pipefail && curl -s https://x | tee /x | sort && ls\n',
    },
    {
      name: 'an existing SHELL gets -o pipefail instead of a second SHELL (a heredoc RUN gets no set -o pipefail)',
      code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN <<EOF\ncurl -s https://x | tee /x\nEOF\n',
      errors: [{ at: '4:1-4:27', messageId: 'pipeHidesFailure', fixes: ['addPipefailToShell'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN <<EOF\ncurl -s https://x | tee /x\nEOF\n',
    },
    {
      name: 'an existing SHELL with the shell that has pipefail: set -o pipefail in the RUN comes first',
      code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN curl -s https://x | tee /x\n',
      errors: [{ at: '3:5-3:31', messageId: 'pipeHidesFailure', fixes: ['startWithPipefail', 'addPipefailToShell'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN set -o pipefail && curl -s https://x | tee /x\n',
    },
    {
      // docker-library's php:apache images write Apache config with dash's echo: under bash the `\t` stays literal.
      name: 'no switch from dash to bash over an echo that depends on it',
      code: "FROM debian:12-slim\nRUN curl -s https://x | tee /x\nRUN echo '<FilesMatch \\.php$>\\n\\tSetHandler application/x-httpd-php\\n</FilesMatch>' > /etc/apache2/conf-available/php.conf\n",
      errors: [{ at: '2:5-2:31', messageId: 'pipeHidesFailure' }],
      output: null,
    },
    {
      name: 'no switch from dash to bash over echo -e in a shell-form CMD',
      code: 'FROM debian:12-slim\nRUN curl -s https://x | tee /x\nCMD echo -e "ready" && exec app\n',
      errors: [{ at: '2:5-2:31', messageId: 'pipeHidesFailure' }],
      output: null,
    },
    {
      name: 'no pipefail where a RUN it would cover pipes yes into a command',
      code: 'FROM debian:12-slim\nRUN curl -s https://x | tee /x\nRUN yes | pecl install redis\n',
      errors: [{ at: '2:5-2:31', messageId: 'pipeHidesFailure' }],
      output: null,
    },
    {
      name: 'no set -o pipefail in a RUN that also pipes yes, and no SHELL over it',
      code: 'FROM alpine:3.21\nRUN curl -s https://x | tee /x && yes | pecl install redis\n',
      errors: [{ at: '2:5-2:31', messageId: 'pipeHidesFailure' }],
      output: null,
    },
    { name: 'unknown base: no fix', code: 'FROM mycorp/base:1\nRUN curl -s https://x | tee /x\n', errors: [{ at: '2:5-2:31', messageId: 'pipeHidesFailure' }], output: null },
  ],
});
