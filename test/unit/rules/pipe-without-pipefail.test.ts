import rule from '../../../server/src/engine/rules/pipe-without-pipefail';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -s https://x | tar xz\n',
    { name: 'combined -eo flag', code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b\n' },
    { name: 'set -o pipefail inside the RUN (hadolint flags it)', code: 'FROM debian:12-slim\nRUN set -euxo pipefail; curl -s https://x | tar xz\n' },
    { name: 'SHELL inherited from the parent stage', code: 'FROM debian:12-slim AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n' },
    { name: 'PowerShell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item\n' },
    'FROM debian:12-slim\nRUN a && b || c\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt-get update\n# key\nRUN curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\nRUN echo a | tee /b\n',
      errors: [{ at: '4:5-4:55', message: /pipefail/ }, { at: '5:5-5:20' }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get update\n# key\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\nRUN echo a | tee /b\n',
    },
    {
      name: 'alpine gets ash; pipefail set after the pipe does not count',
      code: 'FROM alpine:3.21\nRUN wget -qO- https://x | sort > /l; set -o pipefail\n',
      errors: [{ at: '2:5-2:31' }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://x | sort > /l; set -o pipefail\n',
    },
    { name: 'unknown base: no fix', code: 'FROM mycorp/base:1\nRUN a | b\n', errors: [{ at: '2:5-2:10' }], output: null },
  ],
});
