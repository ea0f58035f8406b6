import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { scopesOf, tokenize } from './tokenize';
import { growth } from '../support/growth';

const has = (scopes: string[], scope: string) => assert.ok(scopes.includes(scope), `expected ${scope} in ${scopes.join(' ')}`);
const hasNot = (scopes: string[], scope: string) => assert.ok(!scopes.some((s) => s.startsWith(scope)), `did not expect ${scope} in ${scopes.join(' ')}`);

describe('grammar', () => {
  it('keywords in any case, ONBUILD triggers, FROM … AS stage', async () => {
    const t = await tokenize('from golang:1.25 as Build\nRun echo hi\nONBUILD RUN make\n');
    has(scopesOf(t, 'from'), 'keyword.control.instruction.dockerfile');
    has(scopesOf(t, 'Run'), 'keyword.control.instruction.dockerfile');
    has(scopesOf(t, 'ONBUILD'), 'keyword.control.instruction.onbuild.dockerfile');
    has(scopesOf(t, 'RUN'), 'keyword.control.instruction.dockerfile');
    has(scopesOf(t, 'as'), 'keyword.control.as.dockerfile');
    has(scopesOf(t, 'Build'), 'entity.name.type.stage.dockerfile');
  });

  it('parser directives and pragmas are not plain comments', async () => {
    const t = await tokenize('# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended\n# dockwise ignore=consecutive-run,DL3008\n# hadolint global ignore=DL3059 # why\n# just a comment\nFROM alpine:3.21\n');
    has(scopesOf(t, 'syntax'), 'keyword.other.directive.dockerfile');
    has(scopesOf(t, 'docker/dockerfile:1'), 'string.unquoted.directive-value.dockerfile');
    has(scopesOf(t, 'check'), 'keyword.other.directive.dockerfile');
    has(scopesOf(t, 'dockwise'), 'keyword.other.pragma.dockerfile');
    has(scopesOf(t, 'consecutive-run'), 'constant.other.rule-id.dockerfile');
    has(scopesOf(t, 'DL3008'), 'constant.other.rule-id.dockerfile');
    has(scopesOf(t, 'global'), 'storage.modifier.pragma-scope.dockerfile');
    has(scopesOf(t, 'DL3059'), 'constant.other.rule-id.dockerfile');
    has(scopesOf(t, '# why'), 'comment.line.number-sign.dockerfile');
    has(scopesOf(t, ' just a comment'), 'comment.line.number-sign.dockerfile');
  });

  it('image references: registry, name, tag, digest, scratch, variables', async () => {
    const t = await tokenize('FROM registry.example.com:5000/team/api:1.2@sha256:abcdef0123\nFROM scratch\nFROM node:${NODE_VERSION}-slim\n');
    has(scopesOf(t, 'registry.example.com:5000'), 'entity.name.namespace.registry.dockerfile');
    has(scopesOf(t, 'team/api'), 'entity.name.type.image.dockerfile');
    has(scopesOf(t, '1.2'), 'constant.other.tag.dockerfile');
    has(scopesOf(t, 'sha256:abcdef0123'), 'constant.other.digest.dockerfile');
    has(scopesOf(t, 'scratch'), 'constant.language.scratch.dockerfile');
    has(scopesOf(t, 'NODE_VERSION'), 'variable.other.dockerfile');
  });

  it('flags with keys and values', async () => {
    const t = await tokenize('COPY --from=build --chown=app:app --link /out /srv\nRUN --mount=type=cache,target=/root/.npm npm ci\nFROM --platform=$BUILDPLATFORM alpine:3.21\nHEALTHCHECK --interval=30s --retries=3 CMD ["true"]\n');
    has(scopesOf(t, 'from'), 'entity.other.attribute-name.flag.dockerfile');
    has(scopesOf(t, 'build'), 'string.unquoted.flag-value.dockerfile');
    has(scopesOf(t, 'link'), 'entity.other.attribute-name.flag.dockerfile');
    has(scopesOf(t, 'type'), 'variable.parameter.flag-option.dockerfile');
    has(scopesOf(t, 'cache'), 'string.unquoted.flag-value.dockerfile');
    has(scopesOf(t, 'BUILDPLATFORM'), 'variable.other.dockerfile');
    has(scopesOf(t, '30s'), 'constant.numeric.duration.dockerfile');
  });

  it('variables in every form, and escaped dollars', async () => {
    const t = await tokenize('ENV A=${B:-fallback} C=$D E=\\$F\nWORKDIR ${APP_HOME:+/x}\n');
    has(scopesOf(t, 'B'), 'variable.other.dockerfile');
    has(scopesOf(t, ':-'), 'keyword.operator.expansion.dockerfile');
    has(scopesOf(t, 'D'), 'variable.other.dockerfile');
    has(scopesOf(t, '\\$'), 'constant.character.escape.dockerfile');
    has(scopesOf(t, 'APP_HOME'), 'variable.other.dockerfile');
    has(scopesOf(t, ':+'), 'keyword.operator.expansion.dockerfile');
  });

  it('shell form embeds the shell grammar across continuations; exec form is a JSON array', async () => {
    const t = await tokenize('RUN apt-get update && \\\n    # refresh\n    apt-get install -y curl\nCMD ["node", "server.js", "a\\"b"]\nENTRYPOINT echo $HOME\n');
    has(scopesOf(t, '&&'), 'keyword.operator.list.shell');
    has(scopesOf(t, '&&'), 'source.shell');
    has(scopesOf(t, '\\'), 'constant.character.escape.line-continuation.dockerfile');
    has(scopesOf(t, '    apt-get install -y curl'), 'source.shell');
    has(scopesOf(t, 'node'), 'string.quoted.double.json.dockerfile');
    has(scopesOf(t, '\\"'), 'constant.character.escape.dockerfile');
    has(scopesOf(t, '['), 'punctuation.definition.array.begin.dockerfile');
    has(scopesOf(t, '$HOME'), 'source.shell');
  });

  it('heredocs: RUN bodies are shell, COPY bodies are text, both end exactly at the delimiter', async () => {
    const t = await tokenize('RUN <<EOF\necho EOFX && ls\nEOF\nCOPY <<-"CONF" /etc/app.conf\n\tkey=$VALUE\n\tCONF\nRUN echo after\n');
    has(scopesOf(t, '<<'), 'keyword.operator.heredoc.dockerfile');
    has(scopesOf(t, 'EOF'), 'entity.name.tag.heredoc.dockerfile');
    has(scopesOf(t, '&&'), 'source.shell');
    has(scopesOf(t, 'EOF', 1), 'entity.name.tag.heredoc.dockerfile');
    has(scopesOf(t, '\tkey=$VALUE'), 'string.unquoted.heredoc.dockerfile');
    has(scopesOf(t, 'CONF', 1), 'entity.name.tag.heredoc.dockerfile');
    const after = t.filter((x) => x.line === 6);
    has(after[0].scopes, 'keyword.control.instruction.dockerfile');
    hasNot(after[0].scopes, 'string.unquoted.heredoc');
  });

  it('ENV/ARG/LABEL keys and values, both forms; EXPOSE ports and protocols', async () => {
    const t = await tokenize('ENV APP_HOME=/srv "QUOTED"=1\nENV LEGACY some value\nLABEL org.opencontainers.image.title="api"\nARG VERSION\nEXPOSE 8080/tcp 53/UDP 9000-9010\n');
    has(scopesOf(t, 'APP_HOME'), 'variable.other.key.dockerfile');
    has(scopesOf(t, '/srv'), 'string.unquoted.value.dockerfile');
    has(scopesOf(t, 'LEGACY'), 'variable.other.key.dockerfile');
    has(scopesOf(t, 'org.opencontainers.image.title'), 'variable.other.key.dockerfile');
    has(scopesOf(t, 'VERSION'), 'variable.other.key.dockerfile');
    has(scopesOf(t, '8080'), 'constant.numeric.port.dockerfile');
    has(scopesOf(t, 'tcp'), 'keyword.other.protocol.dockerfile');
    has(scopesOf(t, 'UDP'), 'keyword.other.protocol.dockerfile');
    has(scopesOf(t, '9000-9010'), 'constant.numeric.port.dockerfile');
  });

  it('backtick continuation under # escape=`', async () => {
    const t = await tokenize('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\ `\n    && echo done\nUSER ContainerUser\n');
    has(scopesOf(t, '`', 1), 'constant.character.escape.line-continuation.dockerfile');
    has(scopesOf(t, '&&'), 'source.shell');
    has(scopesOf(t, 'USER'), 'keyword.control.instruction.dockerfile');
  });

  it('every example tokenizes with every instruction keyword recognised', async () => {
    const root = path.resolve(__dirname, '../../..');
    for (const dir of fs.readdirSync(path.join(root, 'examples'))) {
      const file = path.join(root, 'examples', dir, 'Dockerfile');
      if (!fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      const tokens = await tokenize(text);
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        const m = /^(FROM|RUN|CMD|COPY|ADD|ENV|ARG|WORKDIR|EXPOSE|USER|LABEL|ENTRYPOINT|HEALTHCHECK|MAINTAINER)\b/.exec(line);
        if (!m) return;
        const first = tokens.find((t) => t.line === i && t.text === m[1]);
        assert.ok(first?.scopes.includes('keyword.control.instruction.dockerfile'), `${dir}:${i + 1} ${line}`);
      });
    }
  });

  it('long lines and unbalanced quotes: every line gets tokens, at a cost that grows linearly with their length', async () => {
    const nasty = (n: number) => ['RUN echo "' + 'a'.repeat(10 * n), 'ENV X="unterminated \\', '  more ' + '${'.repeat(n), 'FROM ' + 'a/'.repeat(2.5 * n), "LABEL a='" + "\\'".repeat(2.5 * n), 'COPY --from=' + '-'.repeat(5 * n), 'EXPOSE ' + '1/'.repeat(2.5 * n)];
    const text = (n: number) => nasty(n).join('\n') + '\nUSER app\n';
    const tokens = await tokenize(text(2000));
    for (let i = 0; i < nasty(2000).length; i++) assert.ok(tokens.some((t) => t.line === i), `line ${i + 1} has tokens`);
    // Linear is about x4 from n to 4n, quadratic about x16 (test/support/growth.ts).
    const g = await growth((n) => tokenize(text(n)), 500);
    assert.ok(g.ratio <= 8, `x${g.ratio.toFixed(2)}: ${g.smallMs.toFixed(0)} ms CPU at n=${g.n}, ${g.largeMs.toFixed(0)} ms at ${g.large}`);
  });
});
