// Regression tests for what the property tests, the corpus check and fix-safety review found: each case is
// the minimal Dockerfile, the text fix-all must produce (safe fixes only, and with unsafe ones), and the
// robustness properties (test/robustness/properties.ts) on it.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { checkText } from './properties';

interface Case {
  name: string;
  code: string;
  /** fix-all with safe fixes only; omitted: the text stays as it is. */
  safe?: string;
  /** fix-all with unsafe fixes too; omitted: same as `safe`. */
  unsafe?: string;
  /** Only these rules' fixes (keeps the expected text short). */
  rules?: string[];
}

const cases: Case[] = [
  // Merging RUNs appends later bodies after ` && `; only a pure `&&` chain keeps every failure fatal.
  {
    name: 'a backgrounded RUN is not merged (`a && b &` would background a)',
    code: 'FROM debian:12-slim\nRUN mkdir /a\nRUN sleep 1 &\n',
    rules: ['consecutive-run'],
  },
  {
    name: 'nothing is appended after exit (it would never run)',
    code: 'FROM debian:12-slim\nRUN mkdir /a\nRUN exit 0\nRUN ls\n',
    rules: ['consecutive-run'],
  },
  {
    name: 'nothing is appended after exec',
    code: 'FROM debian:12-slim\nRUN exec /bin/true\nRUN ls\n',
    rules: ['consecutive-run'],
  },
  {
    name: 'a cleanup RUN joined by `;` is not merged (`install && rm a; rm b` ignores a failed install)',
    code: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\nRUN rm -rf /tmp/x; rm -rf /y\n',
    rules: ['cleanup-in-separate-layer'],
  },
  {
    name: 'a cleanup RUN joined by `&&` still merges',
    code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/* && rm -rf /var/cache/apt/*;\n',
    safe: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && \\\n    rm -rf /var/lib/apt/lists/* && rm -rf /var/cache/apt/*\n',
    rules: ['cleanup-in-separate-layer'],
  },
  {
    name: 'apt-get update is not merged into `install || echo` (a failed update would pass)',
    code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends x || echo failed\n',
    rules: ['apt-get-update-alone'],
  },
  // Found reviewing fix-all on the committed corpus (bench/corpus/own/mixed-bad-practices.Dockerfile).
  {
    name: 'apt lists are not deleted when a later RUN installs without its own update (the install would fail)',
    code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get upgrade -y\nRUN apt-get install -y --no-install-recommends curl\n',
    rules: ['apt-lists-not-removed'],
  },
  {
    name: 'apt lists are not deleted when a stage built FROM this one installs',
    code: 'FROM ubuntu:24.04 AS base\nRUN apt-get update && apt-get upgrade -y\nFROM base\nRUN apt-cache policy curl\n',
    rules: ['apt-lists-not-removed'],
  },
  {
    name: 'apt lists are still deleted when the later RUN updates first',
    code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get upgrade -y\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    safe: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get upgrade -y && \\\n    rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    rules: ['apt-lists-not-removed'],
  },
  // Found by the property tests (fast-check), seed 7.
  {
    name: 'cd-in-run keeps a comment line between `cd` and `&&`',
    code: 'FROM alpine:3.21\nRUN cd /tmp \\\n  # note\n  && apk add --no-cache curl\n',
    rules: ['cd-in-run'],
  },
  {
    name: 'legacy-key-value-format writes nothing for a quoted name (`ENV "[ "a b"`)',
    code: 'FROM scratch\nENV "[ "quoted value"\n',
    rules: ['legacy-key-value-format'],
  },
  {
    name: 'legacy-key-value-format writes nothing for a stray quote (`ENV A x"` would become an open string)',
    code: 'FROM scratch\nENV A x"\nENV B it\'s\n',
    rules: ['legacy-key-value-format'],
  },
  {
    name: 'legacy-key-value-format still converts plain and fully quoted values',
    code: 'FROM scratch\nENV A x\nENV B "a b"\nENV C a b\n',
    safe: 'FROM scratch\nENV A=x\nENV B="a b"\nENV C="a b"\n',
    rules: ['legacy-key-value-format'],
  },
  // Found by the property tests, seeds 12-14.
  {
    name: 'nothing is appended to a RUN that ends in a comment line (it would land in the comment, and the next line join the command)',
    code: 'FROM fedora:41\nRUN dnf install -y httpd \\\n  # web server\n',
    rules: ['dnf-cache-not-cleaned'],
  },
  {
    name: 'RUNs that end in comment lines are not merged',
    code: 'FROM debian:12-slim\nRUN mkdir /a\nRUN ls \\\n  # list it\n',
    rules: ['consecutive-run'],
  },
  {
    name: 'legacy-key-value-format does not rewrite a pair across a continuation with a comment in it',
    code: 'FROM alpine:3.21\nENV curl \\\n# comment\n  value\n',
    rules: ['legacy-key-value-format'],
  },
  {
    name: 'a heredoc marker is not a COPY destination (a `/` appended to `<<EOF` swallowed the rest of the file)',
    code: 'FROM alpine:3.21\nCOPY a b <<EOF\nx\nEOF\nRUN --mount=type=cache,target=/root/.cache true\n',
    rules: ['copy-multiple-sources-without-slash'],
  },
  // Found by the property tests, seed 21: the fix-all guard against fixes that do not remove their finding
  // keyed on the finding's position only, so a different finding that moved onto it was rejected.
  {
    name: 'fix-all applies a second merge whose finding moved onto the place of one applied before',
    code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get clean\nRUN apt-get clean\n',
    safe: 'FROM debian:12-slim\nRUN apt-get update && \\\n    rm -rf /var/lib/apt/lists/* && \\\n    apt-get clean && \\\n    apt-get clean\n',
    rules: ['apt-lists-not-removed', 'cleanup-in-separate-layer'],
  },
  // Found by the property tests, seeds 22-24 (and the very first run): Docker reads `RUN a \ # note` as one
  // line, but an instruction right after it is reported as swallowed (invalid-syntax): no USER there.
  {
    name: 'runs-as-root adds no USER right after a line ending in `\ # text`',
    // (The CMD comes from the parent stage: an image without one that opens a shell is a base image, not reported.)
    code: 'FROM alpine:3.21 AS base\nCMD ["/app"]\nFROM base\nRUN apk add --no-cache curl \\ # && apk add git\n',
    rules: ['runs-as-root'],
  },
  {
    name: 'runs-as-root adds no USER above comments that follow a line ending in `\ # text`',
    code: 'FROM alpine:3.21\nENV A=1 \\ #\n# start\nCMD ["x"]\n',
    rules: ['runs-as-root'],
  },
  {
    name: 'runs-as-root still adds USER after an ordinary last line',
    code: 'FROM alpine:3.21 AS base\nCMD ["/app"]\nFROM base\nRUN apk add --no-cache curl\n',
    unsafe: 'FROM alpine:3.21 AS base\nCMD ["/app"]\nFROM base\nRUN apk add --no-cache curl\nRUN addgroup -S app && adduser -S -G app app\nUSER app\n',
    rules: ['runs-as-root'],
  },
  // Found reviewing fix-all on the real-world corpus (docker/awesome-compose apache-php): a heredoc script
  // exits with its last command's status, so a cleanup line added after the install let a failed install pass.
  {
    name: 'no cleanup line is added to a heredoc script that does not stop on errors',
    code: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends git\nEOF\n',
    rules: ['apt-lists-not-removed'],
  },
  {
    name: 'a heredoc script with set -eux gets the cleanup line',
    code: 'FROM debian:12-slim\nRUN <<EOF\nset -eux\napt-get update\napt-get install -y --no-install-recommends git\nEOF\n',
    safe: 'FROM debian:12-slim\nRUN <<EOF\nset -eux\napt-get update\napt-get install -y --no-install-recommends git\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    rules: ['apt-lists-not-removed'],
  },
  // Found reviewing fix-all on the real-world corpus (vimagick/dockerfiles kafka/arm: FROM easypi/alpine-arm):
  // BusyBox wget has no --progress and fails on it; the fix assumed GNU wget whenever it did not know the image.
  {
    name: 'wget-without-progress adds --progress only on images known to have GNU wget',
    code: 'FROM easypi/alpine-arm\nRUN wget https://example.com/a.tgz\nFROM ${BASE}\nRUN wget https://example.com/b.tgz\n',
    rules: ['wget-without-progress'],
  },
  {
    name: 'wget-without-progress still fixes Debian- and RHEL-based images',
    code: 'FROM debian:12-slim\nRUN wget https://example.com/a.tgz\nFROM fedora:41\nRUN wget https://example.com/b.tgz\n',
    safe: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a.tgz\nFROM fedora:41\nRUN wget --progress=dot:giga https://example.com/b.tgz\n',
    rules: ['wget-without-progress'],
  },
  // Found by the property tests, seeds 31-33.
  {
    name: 'a RUN whose body starts after a comment line is not merged (the comment went with the keyword)',
    code: 'FROM alpine:3.21\nRUN mkdir /a\nRUN \\\n# why\n  touch /a/b\n',
    rules: ['consecutive-run'],
  },
  {
    name: 'an empty RUN body (`RUN ;`) is not merged (it left a dangling `&&`)',
    code: 'FROM scratch\nRUN wget https://example.com/x\nRUN ;\n',
    rules: ['consecutive-run'],
  },
  // Found by the property tests, seeds 41 and 43.
  {
    name: 'fix-all applies a fix to a second, identical finding that moved onto the place of the first',
    code: 'RUN apt-get update\nFROM alpine:3.21\nRUN apt-get update\nRUN apt-get install curl\nRUN apt-get install curl && apt-get update\n',
    safe: 'RUN apt-get update && \\\n    rm -rf /var/lib/apt/lists/*\nFROM alpine:3.21\nRUN apt-get update && \\\n    apt-get install -y curl\nRUN apt-get install -y curl && apt-get update && \\\n    rm -rf /var/lib/apt/lists/*\n',
    rules: ['apt-get-missing-yes', 'apt-get-update-alone', 'apt-lists-not-removed'],
  },
  {
    name: 'cd-in-run offers no WORKDIR when the rest of the RUN would start with a dash (it would become a RUN flag)',
    code: 'FROM alpine:3.21\nRUN cd /tmp && --flag curl\n',
    rules: ['cd-in-run'],
  },
  // Found by the property tests, FUZZ_SEED=1165605862 (1,500 runs).
  {
    name: 'several empty lines inside a continuation (lone CR line endings) are one finding, removed by one fix',
    code: 'FROM alpine:3.21\rRUN curl \\\r\r\r\r  && curl\r\r',
    safe: 'FROM alpine:3.21\rRUN curl \\\r  && curl\r\r',
    rules: ['no-empty-continuation'],
  },
  // Found by the property tests, FUZZ_SEED=271828182 (5,000 runs).
  {
    name: 'undefined-var never suggests a name no $NAME can reach (ENV $HOME made $HOME into $$$$$$HOME)',
    code: 'FROM alpine:3.21\nENV $HOME\nCOPY $HOME curl /dest/\n',
    rules: ['undefined-var'],
  },
  {
    name: 'a line inserted at the start of a file goes after its byte-order mark',
    code: '\uFEFFFROM ${BASE}',
    unsafe: '\uFEFFARG BASE\nFROM ${BASE}',
    rules: ['undefined-arg-in-from'],
  },
  {
    name: 'a fix before a shell syntax error does not change what is read after it (dnf -y "added" sudo-in-run)',
    // A script that does not parse cannot be shown to mean the same after a fix: the fix is offered as unsafe.
    code: 'RUN dnf install y; [ curl; sudo make\n',
    unsafe: 'RUN dnf install -y y; [ curl; sudo make\n',
    rules: ['dnf-missing-yes'],
  },
  {
    name: 'chown-after-copy does not drop a RUN that has flags (its --mount went with it)',
    code: 'FROM alpine:3.21\nADD app.tar.gz /srv/\nRUN --mount=type=secret,id=npm,target=/root/.npmrc chown -R 1:1 /srv\n',
    rules: ['chown-after-copy'],
  },
  // Found by the property tests, FUZZ_SEED=314159265 (5,000 runs).
  {
    name: 'cd-in-run: the second `cd /tmp` of a merged RUN is dropped under WORKDIR /tmp, not refused as a repeat',
    code: ' FROM alpine:3.21\nRUN cd /tmp\nRUN cd /tmp\nRUN curl\n',
    // The container starts where the last RUN's cd left nothing behind: alpine's `/`.
    unsafe: ' FROM alpine:3.21\nWORKDIR /tmp\nRUN curl\nWORKDIR /\n',
    rules: ['cd-in-run', 'consecutive-run'],
  },
  // Found by the property tests, FUZZ_SEED=577215664 (5,000 runs).
  {
    name: 'no word is inserted before a glued `<<` (a space there makes a heredoc of the lines below)',
    code: 'FROM debian:12-slim\nRUN apt-get install<<EOF -y git\nRUN --mount= <<EOF\nyum clean all\nEOF\n',
    rules: ['apt-get-missing-yes', 'apt-get-missing-no-install-recommends'],
  },
  // Found by the property tests after the meaning check (FUZZ_SEED 1 to 16, 500 runs each): safe fixes that
  // changed more than they declared.
  {
    name: 'a RUN whose command is an expansion may change shell state: merged only as unsafe',
    code: 'FROM alpine:3.21\nRUN ${VERSION:-1}\nRUN apt-get update\n',
    rules: ['consecutive-run'],
    unsafe: 'FROM alpine:3.21\nRUN ${VERSION:-1} && \\\n    apt-get update\n',
  },
  {
    name: 'no POSIX command appended under Windows cmd',
    code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN curl\nRUN apt-get update\n',
    rules: ['apt-lists-not-removed'],
  },
  {
    name: 'ENV --flag x has no key=value form (Docker reads --flag as a flag)',
    code: 'ENV --flag curl\n',
    rules: ['legacy-key-value-format'],
  },
  {
    name: 'ENV with an escape between name and value is not converted',
    code: 'ENV curl \\ curl\n',
    rules: ['legacy-key-value-format'],
  },
  {
    name: 'exec-form ENTRYPOINT in a shell-less image with a CMD: the CMD becomes its arguments, so no fix for it',
    code: 'FROM gcr.io/distroless/static-debian12\nENTRYPOINT java -Xmx2g -jar /app.jar\nCMD node server.js\n',
    rules: ['shell-form-in-shell-less-image'],
    safe: 'FROM gcr.io/distroless/static-debian12\nENTRYPOINT java -Xmx2g -jar /app.jar\nCMD ["node", "server.js"]\n',
  },
  {
    name: 'exec form under cmd on Windows is unsafe (cmd reads quotes its own way)',
    code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENTRYPOINT java -Xmx2g -jar /app.jar\n',
    rules: ['shell-form-cmd'],
    unsafe: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENTRYPOINT ["java", "-Xmx2g", "-jar", "/app.jar"]\n',
  },
  {
    name: '-y under PowerShell and in its ONBUILD trigger (the text compared with -y left out)',
    code: 'FROM alpine:3.21\nSHELL ["powershell", "-Command"]\nRUN yum install x\nONBUILD RUN apt-get install x\n',
    rules: ['yum-missing-yes', 'apt-get-missing-yes'],
    safe: 'FROM alpine:3.21\nSHELL ["powershell", "-Command"]\nRUN yum install -y x\nONBUILD RUN apt-get install -y x\n',
  },
  {
    name: 'a quoted flag Docker reads on to the end of the line: safe fixes become unsafe',
    code: "RUN --'network=none apt-get update\n",
    rules: ['apt-lists-not-removed'],
    unsafe: "RUN --'network=none apt-get update && \\\n    rm -rf /var/lib/apt/lists/*\n",
  },
  {
    name: 'COPY words joined by quotes are not read as sources',
    code: 'copy /bin/bash", "-o", "pipefail", "-c"]\n',
    rules: ['copy-multiple-sources-without-slash'],
  },
  {
    name: 'apk update inside an if is removed with its operator',
    code: 'FROM alpine:3.21\nRUN for m in a b; do if [ -f /m/$m ]; then echo "$m"; apk update && apk add $(cat /m/$m); fi; done\nCMD ["sh"]\n',
    rules: ['apk-add-missing-no-cache'],
    safe: 'FROM alpine:3.21\nRUN for m in a b; do if [ -f /m/$m ]; then echo "$m"; apk add --no-cache $(cat /m/$m); fi; done\nCMD ["sh"]\n',
  },
  // FUZZ_SEED=2718 and 31415 (5,000 runs).
  {
    name: 'RUNs that escape a blank inside a line are not merged (`\ curl`: a word starting with a space)',
    code: 'FROM alpine:3.21\nRUN curl \\ ;\nRUN  apt-get update\nRUN \\ a=b curl\nRUN ls\n',
    rules: ['consecutive-run'],
  },
  {
    name: 'a cleanup is merged after an assignment only as unsafe',
    code: 'FROM alpine:3.21\nRUN a=b && apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n',
    rules: ['cleanup-in-separate-layer'],
    unsafe: 'FROM alpine:3.21\nRUN a=b && apt-get update && \\\n    rm -rf /var/lib/apt/lists/*\n',
  },
  // FUZZ_SEED=14142, 16180 and 17320 (5,000 runs), and a lone-CR file from an earlier run.
  {
    name: 'lines a fix inserts in a lone-CR file end in CR (a `\n` after the file\'s `\r` read as one break)',
    code: '# escape=`\rFROM alpine:3.21\rRUN cd /tmp && make\r',
    unsafe: '# escape=`\rFROM alpine:3.21\rWORKDIR /tmp\rRUN make\rWORKDIR /\r',
    rules: ['cd-in-run'],
  },
  {
    name: '`useradd$` is another program than useradd (a word\'s literal `$` was dropped from its value)',
    code: 'FROM debian:12-slim\nRUN useradd$ -u 123456 app\n',
    rules: ['useradd-high-uid-without-l'],
  },
  {
    name: 'a merge under cmd keeps a trailing `;` (an argument there, not a separator)',
    code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dnf install y\nRUN curl ;\n',
    safe: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dnf install y && \\\n    curl ;\n',
    rules: ['consecutive-run'],
  },
  {
    name: 'COPY splits its words at every blank, escaped or not (`a\\ b c` has two sources)',
    code: 'FROM alpine:3.21\nCOPY a\\ b c\n',
    safe: 'FROM alpine:3.21\nCOPY a\\ b c/\n',
    rules: ['copy-multiple-sources-without-slash'],
  },
  {
    name: 'an unterminated heredoc with no lines has no content (its marker line was read as its body: `COPY <<FROM a b`)',
    code: 'FROM alpine:3.21\nCOPY <<FROM a b\n',
    safe: 'FROM alpine:3.21\nCOPY <<FROM a b/\n',
    rules: ['copy-multiple-sources-without-slash'],
  },
  // FUZZ_SEED=27182 (5,000 runs).
  {
    name: '`\\as` is no AS to BuildKit (it compares the word as written): not a stage name, and not rewritten to AS',
    code: 'FROM alpine:3.21 \\as Other\n',
    rules: ['from-as-casing', 'stage-name-casing'],
  },
  {
    name: '`as\\ Other` is no AS either (BuildKit splits FROM at every blank: `as\\` and `Other`)',
    code: 'FROM alpine:3.21 as\\ Other\n',
    rules: ['from-as-casing', 'stage-name-casing'],
  },
  // FUZZ_SEED=31415 (5,000 runs).
  {
    name: '`RUN \\--mount=…` has no flag: BuildKit reads flags only from a literal `--`, so pip is an argument here',
    code: 'FROM python:3.13-slim\nRUN \\--mount=type=cache,target=/root/.cache pip install flask\n',
    rules: ['pip-install-missing-no-cache-dir'],
  },
  // FUZZ_SEED=57721 (5,000 runs).
  {
    name: 'a RUN body starts at its first character: `` RUN ` curl `` (backtick escape) hands the shell an open command substitution, so nothing is appended',
    code: '# escape=`\nFROM debian:12-slim\nRUN ` curl && apt-get update\n',
    rules: ['apt-lists-not-removed'],
  },
];

before(async () => { await initShellParser(); });

describe('regressions', () => {
  for (const c of cases) {
    it(c.name, () => {
      const onlyRules = c.rules;
      const safe = fixAll(c.code, { onlyRules });
      assert.equal(safe.text, c.safe ?? c.code, 'safe fix-all');
      const unsafe = fixAll(c.code, { onlyRules, unsafe: true });
      assert.equal(unsafe.text, c.unsafe ?? c.safe ?? c.code, 'fix-all with unsafe fixes');
      assert.deepEqual(checkText(c.code), []);
    });
  }
});
