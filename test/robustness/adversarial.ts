// Long adversarial lines aimed at the engine's regular expressions and loops, through the whole path the
// command and the server take (every rule on, label schema set, pragmas applied, fix-all with unsafe
// fixes). Run in a child process by hostile.test.ts: a case that backtracks exponentially hangs the child
// (the parent's guard against a hang fails the test and the last name printed is the culprit); a case whose
// cost grows faster than linearly (CPU time at 2n against n, see test/support/growth.ts) exits with its name.
// No case is judged by its time alone: a busy machine is slow at every size.
import { buildLintOptions, fixAll, lintText } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { growth } from '../support/growth';

/** The adversarial Dockerfiles, by name; `n` is the length of the long part. */
export function adversarialCases(n: number): Array<[string, string]> {
  const half = n >> 1;
  const slashes = '/'.repeat(n) + 'x';
  const spaces = ' '.repeat(n);
  const lines: Array<[string, string]> = [
    ['long image name', `FROM ${'a'.repeat(n)}!`],
    ['ENV A=A=A=…', `ENV ${'A='.repeat(half)}"`],
    ['RUN $$$…{', `RUN ${'$'.repeat(n)}{`],
    ['LABEL a.a.a.…=x', `LABEL ${'a.'.repeat(half)}=x`],
    ['COPY --a=b …', `COPY ${'--a=b '.repeat(n / 6)}.`],
    ['EXPOSE 1111…/', `EXPOSE ${'1'.repeat(n)}/`],
    ['EXPOSE many ports', `EXPOSE ${'80 '.repeat(n / 3)}`],
    ['apt-get install -o -o …', `RUN apt-get install ${'-o '.repeat(n / 3)}`],
    ['USER :::…', `USER ${':'.repeat(n)}`],
    // Every unknown name is a finding, and every finding was matched against every name: 34 s at 40 KB.
    ['# dockwise ignore=a,a,…', `# dockwise ignore=${'a,'.repeat(half)}`],
    ['# dockwise ignore=<distinct names>', `# dockwise ignore=${Array.from({ length: n / 40 }, (_, i) => `consecutive-ru${i}`).join(',')}`],
    ['# hadolint ignore=DL3008,…', `# hadolint ignore=${'DL3008,'.repeat(n / 7)}`],
    ['# check=skip=JSONArgs,…', `# check=skip=${'JSONArgs,'.repeat(n / 9)}`],
    ['# dockwise ignore=a<spaces>!', `# dockwise ignore=a${spaces}!`],
    ['# hadolint ignore=a<spaces>x', `# hadolint ignore=a${spaces}x`],
    ['# check=skip=a<spaces>!', `# check=skip=a${spaces}!`],
    ['FROM openjdk:<digits>!', `FROM openjdk:${'1'.repeat(n)}!`],
    ['apt-get update && rm -rf ///…x', `RUN apt-get update && rm -rf ${slashes}`],
    ['cache mount target ///…x (apt)', `RUN --mount=type=cache,target=${slashes} apt-get update`],
    ['cache mount target ///…x (apk)', `RUN --mount=type=cache,target=${slashes} apk add curl`],
    ['cache mount target ///…x (yum)', `RUN --mount=type=cache,target=${slashes} yum install -y x`],
    ['COPY and chown ///…x', `COPY a ${slashes}\nRUN chown -R 1 ${slashes}`],
    ['COPY ///…x.tgz then tar', `COPY ${slashes}.tgz /x/\nRUN tar -xzf /x/a.tgz`],
    ['yum rm ///…x', `RUN yum install -y x && rm -rf ${slashes}`],
    ['zypper rm ///…x', `RUN zypper install -y x && rm -rf ${slashes}`],
    ['tar xxx…1', `COPY a.tgz /tmp/\nRUN tar ${'x'.repeat(n)}1 /tmp/a.tgz`],
    ['apt-get install "===…<newline>"', `RUN <<EOF\napt-get install -y "${'='.repeat(n)}\n"\nEOF`],
    ["CMD echo '${${…'", `CMD echo '${'${'.repeat(half)}'`],
    ['exec form, unterminated', `CMD [${'"a\\",'.repeat(n / 5)}`],
    ['COPY exec form, unterminated', `COPY [${'"a", '.repeat(n / 5)}`],
    ['secret path a/a/…/.env', `COPY ${'a/'.repeat(half)}.env /x/`],
    ['ENV A=${${…', `ENV A=${'${'.repeat(half)}`],
    ['LABEL email a.a.…@', `LABEL x.email="${'a.'.repeat(half)}@"`],
    ['LABEL email a@a-a-…!', `LABEL x.email="a@${'a-'.repeat(half)}!"`],
    ['LABEL semver 1.0.0-a.a.…!', `LABEL x.semver="1.0.0-${'a.'.repeat(half)}!"`],
    ['LABEL semver 0.0.0.…', `LABEL x.semver="${'0.'.repeat(half)}"`],
    ['LABEL url http://aaa…!', `LABEL x.url="http://${'a'.repeat(n)}!"`],
    ['LABEL rfc3339 2024-01-01T111…', `LABEL x.date="2024-01-01T${'1'.repeat(n)}"`],
    ['LABEL spdx MIT AND …(', `LABEL x.spdx="${'MIT AND '.repeat(n / 8)}("`],
    ['LABEL hash aaa…!', `LABEL x.hash="${'a'.repeat(n)}!"`],
  ];
  const head = '# syntax=docker/dockerfile:1\nFROM debian:12 AS build\n';
  const cases = lines.map(([name, line]): [string, string] => [name, `${head}${line}\nRUN apt-get install curl\n`]);
  cases.push(['# syntax=a<spaces>x (directive)', `# syntax=a${spaces}x\nFROM debian:12\n`]);
  return cases;
}

export async function main(n = 12500): Promise<void> {
  await initShellParser();
  const options = buildLintOptions({ settings: { profile: 'strict' } });
  options.settings = { ...options.settings, labelSchema: { 'x.email': 'email', 'x.semver': 'semver', 'x.url': 'url', 'x.date': 'rfc3339', 'x.spdx': 'spdx', 'x.hash': 'hash' } };
  const names = adversarialCases(16).map(([name]) => name);
  // Warm: the first case's small size would otherwise pay for compiling the engine, and look cheap next to its large one.
  fixAll(adversarialCases(16)[0][1], { ...options, unsafe: true });
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    process.stdout.write(`${name}: `);
    const g = await growth((size) => {
      const text = adversarialCases(size)[i][1];
      const r = lintText(text, options);
      if (r.ruleErrors.length) throw new Error(`${name}: rule threw: ${r.ruleErrors.map((e) => `${e.rule}: ${(e.error as Error)?.message}`).join('; ')}`);
      fixAll(text, { ...options, unsafe: true });
    }, n);
    const report = `${g.smallMs.toFixed(0)} ms CPU at ${g.n} characters, ${g.largeMs.toFixed(0)} ms at ${g.large}: x${g.ratio.toFixed(2)}`;
    process.stdout.write(`${report}\n`);
    if (g.ratio > 8) throw new Error(`${name}: ${report}: the cost grows faster than the length (linear would be about x4): a regex or loop is not linear`);
  }
  process.stdout.write('DONE\n');
}
