// The meaning of a Dockerfile as Docker reads it (fix/meaning.ts), and the fix engine's use of it: a safe fix that
// changes more than it declares is rejected.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel, fixAll, fixProblem, lintText, meaningOf, unexplainedChange, type MeaningChange } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { defineRule, type RuleContext } from '../../server/src/engine/rule';
import type { Fix } from '../../server/src/engine/types';

before(async () => { await initShellParser(); });

const meaning = (text: string) => meaningOf(new DockerfileModel(text));
const sameMeaning = (a: string, b: string) => assert.deepEqual(meaning(b).instructions, meaning(a).instructions, `${JSON.stringify(a)} and ${JSON.stringify(b)} should mean the same`);
const differ = (a: string, b: string) => assert.notDeepEqual(meaning(b).instructions, meaning(a).instructions, `${JSON.stringify(a)} and ${JSON.stringify(b)} should differ`);

describe('meaning: what Docker ignores does not count', () => {
  it('whitespace, continuations and the comment lines inside them', () => {
    sameMeaning('FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', 'FROM debian:12\nRUN apt-get update \\\n  # refresh first\n  &&   apt-get install -y curl   \n');
    sameMeaning('FROM debian:12\nRUN a && b\n', 'FROM debian:12\nRUN a \\\n\n    && b\n');
    sameMeaning('FROM debian:12\nRUN a; b\n', 'FROM debian:12\nRUN a\\\n;b # done\n');
  });

  it('keyword case, exec-form spacing, ENV quoting, legacy ENV', () => {
    sameMeaning('FROM alpine:3.21\nRUN echo hi\n', 'from alpine:3.21\nrun echo hi\n');
    sameMeaning('FROM alpine:3.21\nCMD ["a", "b"]\n', 'FROM alpine:3.21\nCMD [ "a","b" ]\n');
    sameMeaning('FROM alpine:3.21\nENV A=1 B="x y"\n', "FROM alpine:3.21\nENV A=1 \\\n    B='x y'\n");
    sameMeaning('FROM alpine:3.21\nENV HOME /srv/app\n', 'FROM alpine:3.21\nENV HOME=/srv/app\n');
    sameMeaning('FROM alpine:3.21\nLABEL description="A small service"\n', 'FROM alpine:3.21\nLABEL description A small service\n');
  });

  it('what Docker records the same: stage name case, EXPOSE host parts and protocol case, a redundant --platform', () => {
    sameMeaning('FROM golang:1.25 AS Build\nFROM scratch\nCOPY --from=Build /a /a\n', 'FROM golang:1.25 AS build\nFROM scratch\nCOPY --from=build /a /a\n');
    sameMeaning('FROM nginx:1.27\nEXPOSE 127.0.0.1:8080:80/TCP 53/udp\n', 'FROM nginx:1.27\nEXPOSE 80/tcp 53/UDP\n');
    sameMeaning('FROM --platform=$TARGETPLATFORM alpine:3.21\n', 'FROM alpine:3.21\n');
    sameMeaning('FROM alpine:3.21\nCOPY a b /app\n', 'FROM alpine:3.21\nCOPY a b /app/\n');
  });

  it('a line continuation joins the lines with nothing between, as Docker does', () => {
    sameMeaning('FROM alpine:3.21\nRUN echo ab\\\ncd\n', 'FROM alpine:3.21\nRUN echo abcd\n');
    differ('FROM alpine:3.21\nRUN echo ab\\\ncd\n', 'FROM alpine:3.21\nRUN echo ab cd\n');
  });
});

describe('meaning: what changes the build counts', () => {
  it('values, quoting that changes words, expansions against literal dollars', () => {
    differ('FROM alpine:3.21\nENV A=1\n', 'FROM alpine:3.21\nENV A=2\n');
    differ('FROM alpine:3.21\nENV A="$B"\n', "FROM alpine:3.21\nENV A='$B'\n");
    differ('FROM alpine:3.21\nENV A=$B\n', 'FROM alpine:3.21\nENV A=\\$B\n');
    differ('FROM alpine:3.21\nRUN echo a b\n', 'FROM alpine:3.21\nRUN echo "a b"\n');
    differ('FROM alpine:3.21\nRUN echo $a$b\n', 'FROM alpine:3.21\nRUN echo $a $b\n');
    differ('FROM alpine:3.21\nRUN x= y\n', 'FROM alpine:3.21\nRUN x=y\n');
    differ('FROM alpine:3.21\nCOPY a /b\n', 'FROM alpine:3.21\nCOPY a /c\n');
    differ('FROM alpine:3.21\nUSER app\n', 'FROM alpine:3.21\nUSER root\n');
  });

  it('the operators between commands', () => {
    differ('FROM alpine:3.21\nRUN a && b\n', 'FROM alpine:3.21\nRUN a; b\n');
    differ('FROM alpine:3.21\nRUN a && b\n', 'FROM alpine:3.21\nRUN a || b\n');
    differ('FROM alpine:3.21\nRUN a | b\n', 'FROM alpine:3.21\nRUN a b\n');
    differ('FROM alpine:3.21\nRUN a &\n', 'FROM alpine:3.21\nRUN a\n');
  });

  it('the shell that runs a RUN, a heredoc body, the parser directives', () => {
    differ('FROM alpine:3.21\nRUN a\n', 'FROM alpine:3.21\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN a\n');
    assert.deepEqual(meaning('FROM alpine:3.21\nSHELL ["/bin/bash", "-c"]\nRUN a\n').instructions[2].shell, ['/bin/bash', '-c']);
    differ('FROM alpine:3.21\nRUN <<EOF\necho a\nEOF\n', 'FROM alpine:3.21\nRUN <<EOF\necho b\nEOF\n');
    differ('FROM alpine:3.21\nCOPY <<EOF /a\nx\nEOF\n', 'FROM alpine:3.21\nCOPY <<EOF /a\ny\nEOF\n');
    assert.notDeepEqual(meaning('# syntax=docker/dockerfile:1\nFROM alpine:3.21\n').directives, meaning('FROM alpine:3.21\n').directives);
  });

  it('commands inside sh -c are read as a script', () => {
    sameMeaning("FROM alpine:3.21\nRUN sh -c 'a &&  b'\n", 'FROM alpine:3.21\nRUN sh -c "a && b"\n');
    differ("FROM alpine:3.21\nRUN sh -c 'a && b'\n", "FROM alpine:3.21\nRUN sh -c 'a || b'\n");
  });
});

describe('meaning: the escape character', () => {
  const windows = (body: string, escape = '`') => `# escape=${escape}\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n${body}`;

  it('a backslash is a plain character in a backtick-escaped file, and the backtick escapes', () => {
    const env = (text: string) => meaning(windows(text)).instructions[1].pairs;
    assert.deepEqual(env('ENV P=C:\\dir\\bin Q=x`y R="a`"b"\n'), [['P', 'C:\\dir\\bin'], ['Q', 'xy'], ['R', 'a"b']]);
    sameMeaning(windows('ENV P=C:\\dir\n'), windows('ENV P="C:\\dir"\n'));
    differ(windows('ENV P=C:\\dir\n'), windows('ENV P=C:dir\n'));
    // The same text in a backslash-escaped file: the backslash escapes the d.
    sameMeaning(windows('ENV P=C:\\dir\n', '\\'), windows('ENV P=C:dir\n', '\\'));
  });

  it('continuations end in the backtick; the command runs under cmd, read as text', () => {
    sameMeaning(windows('RUN dir `\n    C:\\\n'), windows('RUN dir     C:\\\n'));
    const run = meaning(windows('RUN dir `\n    C:\\\n')).instructions[1];
    assert.deepEqual([run.shell, run.text], [['cmd', '/S', '/C'], 'dir     C:\\']);
    differ(windows('RUN dir C:\\\n'), windows('RUN dir D:\\\n'));
  });
});

describe('meaning: declared changes', () => {
  const check = (a: string, b: string, changes: MeaningChange[] = []) => unexplainedChange(meaning(a), meaning(b), changes);
  const base = 'FROM debian:12\n';

  it('adds-arguments: only the declared words, only on the declared command', () => {
    assert.equal(check(`${base}RUN apt-get install curl\n`, `${base}RUN apt-get install -y curl\n`, [{ kind: 'adds-arguments', command: 'apt-get', args: ['-y'] }]), undefined);
    assert.match(check(`${base}RUN apt-get install curl\n`, `${base}RUN apt-get install -y --force-yes curl\n`, [{ kind: 'adds-arguments', command: 'apt-get', args: ['-y'] }])!, /line 2, RUN became RUN/);
    assert.ok(check(`${base}RUN apt-get install curl && apk add x\n`, `${base}RUN apt-get install curl && apk add -y x\n`, [{ kind: 'adds-arguments', command: 'apt-get', args: ['-y'] }]));
    assert.ok(check(`${base}RUN apt-get install curl\n`, `${base}RUN apt-get install -y curl\n`));
  });

  it('renames-command: the name only', () => {
    assert.equal(check(`${base}RUN apt update && apt install -y x\n`, `${base}RUN apt-get update && apt-get install -y x\n`, [{ kind: 'renames-command', from: 'apt', to: 'apt-get' }]), undefined);
    assert.ok(check(`${base}RUN apt full-upgrade\n`, `${base}RUN apt-get dist-upgrade\n`, [{ kind: 'renames-command', from: 'apt', to: 'apt-get' }]));
  });

  it('appends-command: that command, after the rest succeeded', () => {
    const rm: MeaningChange[] = [{ kind: 'appends-command', command: 'rm -rf /var/lib/apt/lists/*' }];
    assert.equal(check(`${base}RUN apt-get update; apt-get install -y x\n`, `${base}RUN apt-get update; apt-get install -y x && \\\n    rm -rf /var/lib/apt/lists/*\n`, rm), undefined);
    assert.ok(check(`${base}RUN apt-get update && apt-get install -y x\n`, `${base}RUN apt-get update && apt-get install -y x; rm -rf /var/lib/apt/lists/*\n`, rm), 'after a failure too');
    assert.ok(check(`${base}RUN apt-get update && apt-get install -y x\n`, `${base}RUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists\n`, rm), 'another command');
    assert.ok(check(`${base}RUN apt-get update && apt-get install -y x\n`, `${base}RUN apt-get update && rm -rf /var/lib/apt/lists/* && apt-get install -y x\n`, rm), 'not at the end');
    // A heredoc script takes a new last line only when it stops at the first failure.
    assert.equal(check(`${base}RUN <<EOF\nset -e\napt-get update\nEOF\n`, `${base}RUN <<EOF\nset -e\napt-get update\nrm -rf /var/lib/apt/lists/*\nEOF\n`, rm), undefined);
    assert.ok(check(`${base}RUN <<EOF\napt-get update\nEOF\n`, `${base}RUN <<EOF\napt-get update\nrm -rf /var/lib/apt/lists/*\nEOF\n`, rm));
  });

  it('merges-runs: joined with && only, no shell state carried into the later part', () => {
    const merge: MeaningChange[] = [{ kind: 'merges-runs' }];
    assert.equal(check(`${base}RUN a\n# why b\nRUN b && c\n`, `${base}# why b\nRUN a && \\\n    b && c\n`, merge), undefined);
    assert.ok(check(`${base}RUN a\nRUN b\n`, `${base}RUN a; b\n`, merge), 'joined with ;');
    assert.ok(check(`${base}RUN a\nRUN b || c\n`, `${base}RUN a && b || c\n`, merge), 'a later part with ||');
    assert.ok(check(`${base}RUN cd /src\nRUN make\n`, `${base}RUN cd /src && make\n`, merge), 'cd carries over');
    assert.ok(check(`${base}RUN export A=1\nRUN make\n`, `${base}RUN export A=1 && make\n`, merge), 'export carries over');
    assert.ok(check(`${base}RUN --network=none a\nRUN b\n`, `${base}RUN --network=none a && b\n`, merge), 'flags differ');
    assert.ok(check(`${base}RUN a\nRUN b\n`, `${base}RUN a && c\n`, merge), 'different commands');
    // PowerShell 5.1 has no &&: a merge with it is wrong.
    const ps = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\n';
    assert.ok(check(`${ps}RUN a\nRUN b\n`, `${ps}RUN a && b\n`, merge));
  });

  it('exec-form: the same plain words, and no ENTRYPOINT to hand them to', () => {
    const exec: MeaningChange[] = [{ kind: 'exec-form' }];
    assert.equal(check(`${base}CMD node server.js --port 80\n`, `${base}CMD ["node", "server.js", "--port", "80"]\n`, exec), undefined);
    assert.equal(check(`${base}CMD echo 'a b'\n`, `${base}CMD ["echo", "a b"]\n`, exec), undefined);
    assert.ok(check(`${base}CMD echo $HOME\n`, `${base}CMD ["echo", "$HOME"]\n`, exec), 'the shell expanded it');
    assert.ok(check(`${base}CMD ls *.txt\n`, `${base}CMD ["ls", "*.txt"]\n`, exec), 'the shell globbed it');
    assert.ok(check(`${base}CMD a b\n`, `${base}CMD ["a", "c"]\n`, exec));
    assert.ok(check(`${base}ENTRYPOINT ["tini", "--"]\nCMD node app.js\n`, `${base}ENTRYPOINT ["tini", "--"]\nCMD ["node", "app.js"]\n`, exec), 'CMD is the ENTRYPOINT\'s arguments');
    assert.ok(check(`${base}ENTRYPOINT run.sh\nCMD ["x"]\n`, `${base}ENTRYPOINT ["run.sh"]\nCMD ["x"]\n`, exec), 'the exec form receives CMD');
  });

  it('removes-overridden: only one that a later one in its stage overrides', () => {
    const rm: MeaningChange[] = [{ kind: 'removes-overridden' }];
    assert.equal(check(`${base}CMD ["a"]\nCMD ["b"]\n`, `${base}CMD ["b"]\n`, rm), undefined);
    assert.equal(check(`${base}CMD ["a"]\nCMD ["a"]\n`, `${base}CMD ["a"]\n`, rm), undefined);
    assert.ok(check(`${base}CMD ["a"]\nCMD ["b"]\n`, `${base}CMD ["a"]\n`, rm), 'the last one');
    assert.ok(check(`${base}CMD ["a"]\nFROM debian:12\nCMD ["b"]\n`, `${base}FROM debian:12\nCMD ["b"]\n`, rm), 'another stage');
    // Two at once (two fixes of one fix-all pass): each overridden by the one that stays.
    assert.equal(check(`${base}CMD ["a"]\nCMD ["b"]\nCMD ["c"]\n`, `${base}CMD ["c"]\n`, rm), undefined);
    assert.ok(check(`${base}CMD ["a"]\nCMD ["b"]\nUSER x\n`, `${base}USER x\n`, rm), 'none stays');
  });

  it('replaces-instruction: ADD to COPY with the same values, MAINTAINER to the authors label', () => {
    const copy: MeaningChange[] = [{ kind: 'replaces-instruction', from: 'ADD', to: 'COPY' }];
    assert.equal(check(`${base}ADD --chown=app a.txt /srv/\n`, `${base}COPY --chown=app a.txt /srv/\n`, copy), undefined);
    assert.ok(check(`${base}ADD a.txt /srv/\n`, `${base}COPY a.txt /opt/\n`, copy));
    const label: MeaningChange[] = [{ kind: 'replaces-instruction', from: 'MAINTAINER', to: 'LABEL' }];
    assert.equal(check(`${base}MAINTAINER Jane <j@x.org>\n`, `${base}LABEL org.opencontainers.image.authors="Jane <j@x.org>"\n`, label), undefined);
    assert.ok(check(`${base}MAINTAINER $USER\n`, `${base}LABEL org.opencontainers.image.authors="$USER"\n`, label), 'LABEL expands the variable');
  });

  it('nothing declared: any difference is too much, and a change elsewhere is not covered by a declaration', () => {
    assert.equal(check(`${base}run a\n`, `${base}RUN a\n`), undefined);
    assert.match(check(`${base}ENV A=1\n`, `${base}ENV A=2\n`)!, /at line 2, ENV became ENV in a way that is not no change/);
    assert.ok(check(`${base}RUN a\nRUN b\nENV A=1\n`, `${base}RUN a && b\nENV A=2\n`, [{ kind: 'merges-runs' }]));
    assert.match(check(`# escape=\\\n${base}`, `# escape=\`\n${base}`)!, /directives/);
  });
});

describe('fix engine: a safe fix that changes more than it declares', () => {
  function ruleWith(id: string, make: (ctx: RuleContext) => Fix | undefined) {
    return defineRule({
      meta: { id, aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', fixable: 'safe', docs: { summary: 's', why: 'w', examples: [{ bad: '', good: '' }], references: [] } },
      check(ctx) { const fix = make(ctx); if (fix) ctx.report({ start: 0, end: 4, message: 'm', fixes: [fix] }); },
    });
  }
  const code = 'FROM debian:12\nRUN apt-get install curl\nENV MODE=prod\n';
  const at = (ctx: RuleContext, s: string) => ctx.model.text.indexOf(s);

  it('is rejected by fix-all with the reason, and the file is left as it was', () => {
    // Says it adds -y, also switches the ENV.
    const wrong = ruleWith('test-wrong-safe-fix', (ctx) => {
      if (ctx.model.text.includes(' -y')) return undefined;
      const i = at(ctx, 'install') + 'install'.length;
      const v = at(ctx, 'prod');
      return { title: 'Add -y', safety: 'safe', changes: [{ kind: 'adds-arguments', command: 'apt-get', args: ['-y'] }], edits: [{ start: i, end: i, text: ' -y' }, { start: v, end: v + 4, text: 'dev' }] };
    });
    const r = fixAll(code, { rules: [wrong] });
    assert.equal(r.text, code);
    assert.equal(r.rejected.length, 1);
    assert.equal(r.rejected[0].rule, 'test-wrong-safe-fix');
    assert.match(r.rejected[0].reason!, /^at line 3, ENV became ENV in a way that is not adds-arguments$/);
  });

  it('the honest fix next to it is applied; with nothing declared, a RUN rewrite is rejected', () => {
    const honest = ruleWith('test-honest', (ctx) => {
      if (ctx.model.text.includes(' -y')) return undefined;
      const i = at(ctx, 'install') + 'install'.length;
      return { title: 'Add -y', safety: 'safe', changes: [{ kind: 'adds-arguments', command: 'apt-get', args: ['-y'] }], edits: [{ start: i, end: i, text: ' -y' }] };
    });
    const silent = ruleWith('test-silent', (ctx) => {
      const i = at(ctx, 'curl');
      return ctx.model.text.includes('wget') ? undefined : { title: 'curl to wget', safety: 'safe', edits: [{ start: i, end: i + 4, text: 'wget' }] };
    });
    const r = fixAll(code, { rules: [honest, silent] });
    assert.equal(r.text, 'FROM debian:12\nRUN apt-get install -y curl\nENV MODE=prod\n');
    // (Checked again on the second pass: its edits moved with the -y.)
    assert.deepEqual([...new Set(r.rejected.map((x) => x.rule))], ['test-silent']);
  });

  it('two fixes that are each fine but not together: one waits for the next pass', () => {
    // Removing the first CMD and converting the second touch neighbours: together they are one run of changes
    // that neither declaration explains alone.
    const both = defineRule({
      meta: { id: 'test-both', aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', fixable: 'safe', docs: { summary: 's', why: 'w', examples: [{ bad: '', good: '' }], references: [] } },
      check(ctx) {
        const cmds = ctx.model.instructions.filter((i) => i.keyword === 'CMD');
        if (cmds.length === 2) ctx.report({ start: cmds[0].start, end: cmds[0].end, message: 'm', fixes: [{ title: 'remove', safety: 'safe', changes: [{ kind: 'removes-overridden' }], edits: [{ start: cmds[0].start, end: cmds[1].start, text: '' }] }] });
        const last = cmds[cmds.length - 1];
        if (last && !last.execForm) ctx.report({ start: last.start, end: last.end, message: 'm', fixes: [{ title: 'exec', safety: 'safe', changes: [{ kind: 'exec-form' }], edits: [{ start: last.args[0].start, end: last.end, text: '["node", "app.js"]' }] }] });
      },
    });
    const r = fixAll('FROM node:22\nCMD npm start\nCMD node app.js\n', { rules: [both] });
    assert.equal(r.text, 'FROM node:22\nCMD ["node", "app.js"]\n');
    assert.deepEqual(r.rejected, []);
    assert.equal(r.converged, true);
  });

  it('unsafe fixes claim nothing and are applied with --unsafe-fixes', () => {
    const unsafe = defineRule({
      meta: { id: 'test-unsafe', aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', fixable: 'unsafe', docs: { summary: 's', why: 'w', examples: [{ bad: '', good: '' }], references: [], fixSafety: 'changes the value' } },
      check(ctx) {
        const v = ctx.model.text.indexOf('prod');
        if (v >= 0) ctx.report({ start: 0, end: 4, message: 'm', fixes: [{ title: 'dev', safety: 'unsafe', edits: [{ start: v, end: v + 4, text: 'dev' }] }] });
      },
    });
    const r = fixAll(code, { rules: [unsafe], unsafe: true });
    assert.equal(r.text, 'FROM debian:12\nRUN apt-get install curl\nENV MODE=dev\n');
    assert.deepEqual(r.rejected, []);
  });

  it('fixProblem judges one fix on its own (the code action path)', () => {
    const model = new DockerfileModel(code);
    const finding = lintText(code, { rules: [ruleWith('test-one', (ctx) => ({ title: 't', safety: 'safe', edits: [{ start: at(ctx, 'prod'), end: at(ctx, 'prod') + 4, text: 'dev' }] }))] }).findings[0];
    assert.match(fixProblem(model, finding.fixes[0])!, /changes more than it says: at line 3, ENV became ENV/);
    const line3 = model.lines.offsetAt({ line: 2, character: 0 });
    const breaks = { ...finding.fixes[0], edits: [{ start: line3, end: line3 + 3, text: 'ENVV' }] };
    assert.equal(fixProblem(model, breaks), 'its result does not parse');
    const fine = { ...finding.fixes[0], edits: [{ start: line3, end: line3 + 3, text: 'env' }] };
    assert.equal(fixProblem(model, fine), undefined);
  });
});
