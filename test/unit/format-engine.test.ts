// The formatter engine (server/src/engine/format): each option does what options.ts says, what it must never touch
// stays byte for byte, every result means the same to Docker, edits are small and give the text, and a second run
// changes nothing.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, detectStyle, DockerfileModel, formatDockerfile, meaningOf, type FormatOptions, type FormatScope } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

before(async () => { await initShellParser(); });

/** Formats, checks the invariants every result has, and returns the text. */
function format(text: string, options: Partial<FormatOptions> = {}, scope?: FormatScope): string {
  const r = formatDockerfile(text, options, scope);
  assert.equal(applyEdits(text, r.edits), r.text, 'the edits give the text');
  for (let i = 1; i < r.edits.length; i++) assert.ok(r.edits[i - 1].end <= r.edits[i].start, 'edits are sorted and apart');
  if (!options.sortPackages) assert.deepEqual(meaningOf(new DockerfileModel(r.text)).instructions, meaningOf(new DockerfileModel(text)).instructions, 'the meaning is the same');
  assert.equal(formatDockerfile(r.text, options, scope && { ...scope, range: undefined }).text, formatDockerfile(r.text, options).text);
  assert.equal(formatDockerfile(r.text, options).text, scope?.range ? formatDockerfile(r.text, options).text : r.text, 'a second run changes nothing');
  return r.text;
}

const unchanged = (text: string, options: Partial<FormatOptions> = {}) => assert.equal(format(text, options), text);

describe('format: keywords, flags and spacing', () => {
  it('keyword case: upper by default, lower, or as written', () => {
    assert.equal(format('from alpine:3.21\nrun echo hi\n'), 'FROM alpine:3.21\nRUN echo hi\n');
    assert.equal(format('FROM alpine:3.21\nRUN echo hi\n', { keywordCase: 'lower' }), 'from alpine:3.21\nrun echo hi\n');
    unchanged('From alpine:3.21\nrun echo hi\n', { keywordCase: 'preserve' });
  });

  it('one space after the keyword and between flags; the words of the command stay as written', () => {
    assert.equal(format('FROM alpine:3.21\nRUN   --mount=type=cache,target=/root/.cache    --network=none   pip  install x\n'), 'FROM alpine:3.21\nRUN --mount=type=cache,target=/root/.cache --network=none pip  install x\n');
    assert.equal(format('FROM alpine:3.21\nCOPY  --chown=1:1   a /b\n'), 'FROM alpine:3.21\nCOPY --chown=1:1 a /b\n');
  });

  it('FROM\'s AS takes the keywords\' case (BuildKit warns when FROM and AS differ)', () => {
    assert.equal(format('from alpine:3.21 as build\n\nFROM build\n'), 'FROM alpine:3.21 AS build\n\nFROM build\n');
    assert.equal(format('FROM alpine:3.21 AS build\n', { keywordCase: 'lower' }), 'from alpine:3.21 as build\n');
    unchanged('from alpine:3.21 as build\n', { keywordCase: 'preserve' });
  });

  it('one space between the words of FROM, COPY, ADD and EXPOSE; WORKDIR, LABEL and JSON strings keep their blanks', () => {
    assert.equal(format('FROM  alpine:3.21   AS   base\nCOPY   a   b   /dst/\nEXPOSE  80   443\nADD --chmod=755   x   /y\n'), 'FROM alpine:3.21 AS base\nCOPY a b /dst/\nEXPOSE 80 443\nADD --chmod=755 x /y\n');
    unchanged('FROM alpine:3.21\nWORKDIR /my   dir\nCOPY ["a  b", "/c"]\nLABEL a="x   y"\n');
    assert.equal(format('FROM alpine:3.21\nONBUILD COPY   a   /b\n'), 'FROM alpine:3.21\nONBUILD COPY a /b\n');
  });

  it('ONBUILD: its keyword and its trigger\'s', () => {
    assert.equal(format('FROM alpine:3.21\nonbuild   run   echo hi\n'), 'FROM alpine:3.21\nONBUILD RUN echo hi\n');
  });

  it('exec form: `["a", "b"]`, or as written', () => {
    assert.equal(format('FROM alpine:3.21\nCMD [ "node" ,"server.js"]\nENTRYPOINT ["/tini","--"]\n'), 'FROM alpine:3.21\nCMD ["node", "server.js"]\nENTRYPOINT ["/tini", "--"]\n');
    assert.equal(format('FROM alpine:3.21\nHEALTHCHECK --interval=5s CMD [ "curl","-f" ]\n'), 'FROM alpine:3.21\nHEALTHCHECK --interval=5s CMD ["curl", "-f"]\n');
    unchanged('FROM alpine:3.21\nCMD [ "node" ,"server.js"]\n', { execForm: 'preserve' });
    // The strings as written: escapes are not rewritten.
    assert.equal(format('FROM alpine:3.21\nCMD ["echo","caf\\u00e9 \\"x\\""]\n'), 'FROM alpine:3.21\nCMD ["echo", "caf\\u00e9 \\"x\\""]\n');
    // Not an array of strings: shell form, left alone.
    unchanged('FROM alpine:3.21\nCMD [ "a", 1 ]\n');
  });
});

describe('format: ENV, LABEL and ARG', () => {
  it('the legacy `ENV key value` as `key=value`, a phrase in double quotes; or as written', () => {
    assert.equal(format('FROM alpine:3.21\nENV PATH /usr/local/bin:$PATH\nLABEL description A small service\n'), 'FROM alpine:3.21\nENV PATH=/usr/local/bin:$PATH\nLABEL description="A small service"\n');
    unchanged('FROM alpine:3.21\nENV PATH /usr/local/bin:$PATH\n', { keyValueForm: false });
    // A value with quotes or escapes of its own stays legacy: re-quoting it could change it.
    unchanged('FROM alpine:3.21\nENV GREETING it\'s "here"\n');
  });

  it('quotes removed where they change nothing (as-needed), kept by default', () => {
    const text = 'FROM alpine:3.21\nENV A="1.0" B="two words" C=\'$HOME\' D=""\nARG V="3"\nLABEL version="1.2"\n';
    unchanged(text);
    assert.equal(format(text, { quoteValues: 'as-needed' }), 'FROM alpine:3.21\nENV A=1.0 B="two words" C=\'$HOME\' D=""\nARG V=3\nLABEL version=1.2\n');
    assert.equal(format('FROM alpine:3.21\nENV LANG "C.UTF-8"\n', { quoteValues: 'as-needed' }), 'FROM alpine:3.21\nENV LANG=C.UTF-8\n');
  });
});

describe('format: continuation lines', () => {
  const run = 'FROM debian:12\nRUN apt-get update && \\\n  apt-get install -y curl \\\n        && rm -rf /var/lib/apt/lists/*\n';

  it('indent: the file\'s own (auto), tab, or a number of spaces; nested levels stay nested', () => {
    assert.equal(format('FROM debian:12\nRUN a \\\n  && b \\\n  && c\nRUN d \\\n    && e\n'), 'FROM debian:12\nRUN a \\\n  && b \\\n  && c\nRUN d \\\n  && e\n');
    assert.equal(format(run, { indent: 4, operators: 'preserve' }), 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl \\\n        && rm -rf /var/lib/apt/lists/*\n');
    assert.equal(format('FROM debian:12\nRUN a \\\n  && b\n', { indent: 'tab' }), 'FROM debian:12\nRUN a \\\n\t&& b\n');
    // Nothing to learn from: the editor's indent, else 4 spaces.
    assert.equal(format('FROM debian:12\nRUN apt-get install -y curl git\n', { onePackagePerLine: true }, { defaultIndent: 2 }), 'FROM debian:12\nRUN apt-get install -y \\\n  curl \\\n  git\n');
    assert.equal(format('FROM debian:12\nRUN apt-get install -y curl git\n', { onePackagePerLine: true }), 'FROM debian:12\nRUN apt-get install -y \\\n    curl \\\n    git\n');
  });

  it('operators at the start or the end of lines; auto follows the majority, preserve leaves them', () => {
    assert.equal(format(run, { operators: 'start', indent: 4 }), 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl \\\n        && rm -rf /var/lib/apt/lists/*\n');
    assert.equal(format(run, { operators: 'end', indent: 4 }), 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl && \\\n        rm -rf /var/lib/apt/lists/*\n');
    const mixed = 'FROM debian:12\nRUN a && \\\n    b && \\\n    c \\\n    || d\n';
    assert.equal(format(mixed), 'FROM debian:12\nRUN a && \\\n    b && \\\n    c || \\\n    d\n');
    unchanged(mixed, { operators: 'preserve' });
    assert.equal(format('FROM debian:12\nRUN curl -fsSL x |\\\n    sh\n', { operators: 'start' }), 'FROM debian:12\nRUN curl -fsSL x \\\n    | sh\n');
  });

  it('backslashes one space after the text, or lined up in one column', () => {
    assert.equal(format('FROM debian:12\nRUN a    \\\n    && bb\\   \n    && c\n'), 'FROM debian:12\nRUN a \\\n    && bb \\\n    && c\n');
    assert.equal(format('FROM debian:12\nRUN a \\\n    && bbbbbb \\\n    && c\n', { alignBackslashes: true }), 'FROM debian:12\nRUN a         \\\n    && bbbbbb \\\n    && c\n');
  });

  it('a line that is only the escape character (a spacer) stays as written', () => {
    unchanged('FROM debian:12\nRUN set -eux; \\\n\t\\\n\techo hi\n');
  });

  it('words that go on with the keyword line\'s command may sit a level deeper, and stay there', () => {
    unchanged('FROM alpine:3.21\nRUN set -eux; \\\n\tapk add x; \\\n\tapk del y; \\\n\ttrue\nRUN apk add --no-cache \\\n\t\tca-certificates \\\n\t\tcurl\n');
    assert.equal(format('FROM alpine:3.21\nRUN a \\\n\t&& b\nRUN c \\\n\t\t&& d\n'), 'FROM alpine:3.21\nRUN a \\\n\t&& b\nRUN c \\\n\t&& d\n');
  });

  it('detectStyle: the continuation indent and operator position of a file', () => {
    const style = detectStyle(new DockerfileModel('FROM a\nRUN a \\\n\t&& b \\\n\t\tc \\\n\t&& d\nRUN e \\\n\t&& f\n'));
    assert.deepEqual(style, { indent: 'tab', operators: 'start', levels: ['\t', '\t\t'] });
    assert.deepEqual(detectStyle(new DockerfileModel('FROM a\nRUN a\n')), { indent: undefined, operators: undefined, levels: [] });
    // Half and half: line ends, and a RUN that mixes them is made consistent.
    assert.equal(detectStyle(new DockerfileModel('FROM a\nRUN a && \\\n  b \\\n  && c\n')).operators, 'end');
    assert.equal(format('FROM a\nRUN a && \\\n  b \\\n  && c\n'), 'FROM a\nRUN a && \\\n  b && \\\n  c\n');
  });
});

describe('format: packages (off by default)', () => {
  const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends git curl ca-certificates && pip install zz aa\n';

  it('sorted: the distributions\' managers only (pip installs in the order given)', () => {
    unchanged(text);
    assert.equal(format(text, { sortPackages: true }), 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl git && pip install zz aa\n');
  });

  it('one a line, one level deeper than the command; a second run changes nothing', () => {
    assert.equal(format(text, { onePackagePerLine: true, sortPackages: true }),
      'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    ca-certificates \\\n    curl \\\n    git && pip install \\\n    zz \\\n    aa\n');
    assert.equal(format('FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n        b a \\\n    && rm -rf x\n', { onePackagePerLine: true, sortPackages: true }),
      'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n        a \\\n        b \\\n    && rm -rf x\n');
  });
});

describe('format: blank lines, trailing blanks, the end of the file', () => {
  it('runs of blank lines collapsed, one before each stage after the first (above its comments); or as written', () => {
    assert.equal(format('FROM a AS build\nRUN make\n\n\n\nRUN check\n# the runtime\nFROM b\nCOPY --from=build /x /x\n'), 'FROM a AS build\nRUN make\n\nRUN check\n\n# the runtime\nFROM b\nCOPY --from=build /x /x\n');
    unchanged('FROM a\n\n\n\nRUN make\nFROM b\n', { blankLines: 'preserve' });
  });

  it('trailing blanks removed outside heredoc bodies, or kept', () => {
    assert.equal(format('FROM a   \n# note   \nRUN x  \n'), 'FROM a\n# note\nRUN x\n');
    assert.equal(format('FROM a\n# note   \n', { trimTrailingWhitespace: false }), 'FROM a\n# note   \n');
  });

  it('exactly one final line break, or the end as written', () => {
    assert.equal(format('FROM a\nRUN x'), 'FROM a\nRUN x\n');
    assert.equal(format('FROM a\nRUN x\n\n\n   \n'), 'FROM a\nRUN x\n');
    unchanged('FROM a\nRUN x', { finalNewline: false });
    assert.equal(format(''), '');
    assert.equal(format('\n\n'), '');
  });
});

describe('format: what it never touches', () => {
  it('heredoc bodies, their blanks included', () => {
    const text = 'FROM alpine:3.21\nrun <<EOF   \n  echo "hi"   \n\n\n\nEOF\nCOPY <<-X /etc/x\n\tkeep   \nX\n';
    assert.equal(format(text), 'FROM alpine:3.21\nRUN <<EOF\n  echo "hi"   \n\n\n\nEOF\nCOPY <<-X /etc/x\n\tkeep   \nX\n');
    // Unterminated: the rest of the file is its body.
    unchanged('FROM alpine:3.21\nRUN <<EOF\nrun  x   \n\n\n');
  });

  it('a quoted string continued over lines keeps its blanks', () => {
    unchanged('FROM alpine:3.21\nRUN echo "a \\\n  b" \\\n    && ls\n');
    unchanged('FROM alpine:3.21\nENV A="x \\\n      y"\n');
  });

  it('a join with nothing between stays glued', () => {
    unchanged('FROM alpine:3.21\nRUN echo ab\\\ncd\n');
  });

  it('comments inside a RUN stay where they are, with their text and indent', () => {
    unchanged('FROM debian:12\nRUN apt-get update \\\n# refresh first\n    && apt-get install -y curl \\\n        # then curl   it\n    && true\n', { trimTrailingWhitespace: false });
    assert.equal(format('FROM debian:12\nRUN a \\\n  # c  \n  && b\n', { indent: 4 }), 'FROM debian:12\nRUN a \\\n  # c\n    && b\n');
  });

  it('a backtick-escaped Windows file stays backtick-escaped; cmd and PowerShell lines keep their layout', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nrun Invoke-WebRequest x `\n      -OutFile y;   `\n  Expand-Archive y\nCOPY  a C:\\app\\\n';
    assert.equal(format(text), '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Invoke-WebRequest x `\n      -OutFile y;   `\n  Expand-Archive y\nCOPY a C:\\app\\\n');
    assert.equal(format('# escape=`\nFROM alpine:3.21\nRUN a `\n  && b\n', { indent: 4 }), '# escape=`\nFROM alpine:3.21\nRUN a `\n    && b\n');
  });

  it('line endings: CRLF stays CRLF, mixed stay as they are, line by line', () => {
    assert.equal(format('from a\r\nrun x &&\\\r\n  y  \r\n\r\n\r\n'), 'FROM a\r\nRUN x && \\\r\n  y\r\n');
    assert.equal(format('from a\r\nrun x\nlabel a=b\r\n'), 'FROM a\r\nRUN x\nLABEL a=b\r\n');
    assert.equal(format('FROM a\r\nRUN x'), 'FROM a\r\nRUN x\r\n');
  });

  it('parser directives, and a byte-order mark', () => {
    unchanged('# syntax=docker/dockerfile:1\n# escape=\\\n\nFROM a\n');
    assert.equal(format('\uFEFFfrom a\n'), '\uFEFFFROM a\n');
  });

  it('what Docker does not understand is left byte for byte and listed', () => {
    const r = formatDockerfile('from a\nBOGUS   x   \nrun   y\n');
    assert.equal(r.text, 'FROM a\nBOGUS   x   \nRUN y\n');
    assert.deepEqual(r.kept, [{ line: 2, reason: 'unparsed' }]);
  });

  it('an instruction whose printing would change its meaning is kept as written and listed', () => {
    // Splitting the heredoc's marker line for one package a line would move the start of its body.
    const r = formatDockerfile('from debian:12\nRUN cat <<EOF > /x && apt-get install -y curl git\nhello\nEOF\n', { onePackagePerLine: true });
    assert.equal(r.text, 'FROM debian:12\nRUN cat <<EOF > /x && apt-get install -y curl git\nhello\nEOF\n');
    assert.deepEqual(r.kept, [{ line: 2, reason: 'meaning' }]);
  });

  it('a legacy ENV value over lines keeps its layout: its blanks are part of the value', () => {
    unchanged('FROM a\nENV DEPS \\\n\t\tgcc \\\n\t\tmake\n', { indent: 4 });
  });
});

describe('format: edits and range', () => {
  it('option values an option does not accept (from untyped settings) count as its default', () => {
    const text = 'from a\nRUN x \\\n  && y\n';
    assert.equal(formatDockerfile(text, { indent: -3, keywordCase: 'shout', finalNewline: 'yes' } as unknown as Partial<FormatOptions>).text, formatDockerfile(text).text);
    assert.equal(formatDockerfile('FROM a', { finalNewline: 'false' } as unknown as Partial<FormatOptions>).text, 'FROM a');
  });

  it('one small edit per changed region, never the whole file', () => {
    const text = 'from a\nrun x\nRUN y\nrun z\n';
    const r = formatDockerfile(text);
    assert.deepEqual(r.edits, [{ start: 0, end: 4, text: 'FROM' }, { start: 7, end: 10, text: 'RUN' }, { start: 19, end: 22, text: 'RUN' }]);
    // A line split in two: one edit for it.
    assert.deepEqual(formatDockerfile('FROM a\nRUN apt-get install -y b\n', { onePackagePerLine: true }).edits, [{ start: 30, end: 30, text: '\\\n    ' }]);
  });

  it('a range formats only the instructions and lines it touches', () => {
    const text = 'from a\nrun  x   \nrun y\n';
    const r = formatDockerfile(text, {}, { range: { start: 8, end: 9 } });
    assert.equal(r.text, 'from a\nRUN x\nrun y\n');
    assert.equal(applyEdits(text, r.edits), r.text);
  });
});
