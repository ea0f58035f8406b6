// The command in Korean: --lang ko, or a Korean LC_ALL/LC_MESSAGES/LANG. English stays the default and is
// pinned byte for byte by cli.test.ts; here the same paths are held to the Korean catalog.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HELP, helpText, localeOfArgs, runCli } from '../../server/src/cli/run';
import { CLI_STRINGS, displayWidth } from '../../server/src/cli/strings';
import { CONFIG_STRINGS } from '../../server/src/engine/config/strings';
import { CATALOGS } from '../../server/src/engine';
import { placeholders } from '../../server/src/engine/messages';

let tmp: string;

async function run(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd: tmp,
    stdout: (s) => { stdout += s; },
    stderr: (s) => { stderr += s; },
    readStdin: () => Buffer.from(opts.stdin ?? ''),
    isTTY: false,
    env: { SOURCE_DATE_EPOCH: '1780272000', ...opts.env },
  }, '9.9.9');
  return { code, stdout, stderr };
}

function write(rel: string, text: string) {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

const BAD = 'FROM alpine:latest\nRUN apk add curl\nENTRYPOINT echo hi\n';
const SEE_HELP = '사용법은 "dockwise --help"로 볼 수 있습니다.\n';

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-cli-ko-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'no-user-config');
  write('ko/Dockerfile', BAD);
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the command in Korean', () => {
  it('has every text of the command and of config problems in the catalog, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [id, english] of Object.entries({ ...CLI_STRINGS, ...CONFIG_STRINGS })) {
      const text = CATALOGS.ko.strings[id];
      if (!text?.trim()) problems.push(`${id}: missing`);
      else if ([...placeholders(text)].sort().join() !== [...placeholders(english)].sort().join()) problems.push(`${id}: placeholders differ`);
    }
    assert.deepEqual(problems, []);
  });

  it('--lang ko prints the help in Korean, with the options and the profile list as they are, in one column', async () => {
    const r = await run(['--lang', 'ko', '--help']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, helpText('ko'));
    assert.notEqual(r.stdout, HELP);
    assert.match(r.stdout, /^사용법: dockwise \[옵션\] \[경로\|glob\|- \.\.\.\]\n/);
    assert.match(r.stdout, /\n옵션:\n {2}-f, --format FORMAT {9}stylish\(기본값\), json, sarif, github, checkstyle, gitlab\n/);
    assert.match(r.stdout, /\n {2}-p, --profile NAME {10}recommended, strict, modern, hadolint, buildkit \(기본값 recommended\):\n {30}\S/);
    assert.match(r.stdout, /\n {6}--lang LANG {13}en 또는 ko: /);
    assert.match(r.stdout, /\n종료 코드: /);
    // Every option of the English help is there, its description starting in the same column.
    const options = (help: string) => help.split('\n').filter((l) => /^ {2}(-\w, )?--/.test(l)).map((l) => l.slice(0, 30));
    assert.deepEqual(options(r.stdout), options(HELP));
    assert.equal((await run(['--help'])).stdout, HELP);
  });

  it('a usage error is in Korean, even when --lang comes after it', async () => {
    assert.deepEqual(await run(['--lang', 'ko', '--bogus']), { code: 2, stdout: '', stderr: `dockwise: 알 수 없는 옵션 --bogus\n${SEE_HELP}` });
    assert.deepEqual(await run(['--bogus', '--lang=ko']), { code: 2, stdout: '', stderr: `dockwise: 알 수 없는 옵션 --bogus\n${SEE_HELP}` });
    const r = await run(['--lang', 'ko', '--ignore', 'consecutive-runs', 'ko/Dockerfile']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `dockwise: 알 수 없는 규칙 "consecutive-runs". "consecutive-run"을(를) 사용하시겠습니까?\n${SEE_HELP}`);
    assert.equal((await run(['--lang', 'ko', '--profile', 'hadolnt'])).stderr, `dockwise: 알 수 없는 프로필 "hadolnt". "hadolint"을(를) 사용하시겠습니까?\n${SEE_HELP}`);
    assert.equal((await run(['--lang', 'ko', '--unsafe-fixes', 'ko/Dockerfile'])).stderr, `dockwise: --unsafe-fixes는 --fix나 --diff와 함께 써야 합니다\n${SEE_HELP}`);
    assert.equal((await run(['--lang', 'ko', '--format'])).stderr, `dockwise: --format에는 값이 필요합니다\n${SEE_HELP}`);
  });

  it('--lang ko prints the stylish report with Korean severities, tags and summary, its columns aligned', async () => {
    const r = await run(['--lang', 'ko', 'ko/Dockerfile']);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.equal(lines.at(-2), '✖ 문제 3개 (오류 0개, 경고 2개, 정보 1개, 스타일 0개); --fix로 2개 수정 가능');
    assert.equal(lines.at(-1), '');
    const findings = lines.filter((l) => /^ {2}\d+:\d+ /.test(l));
    assert.deepEqual(findings.map((l) => l.slice(2, 17).trimEnd()), ['1:13    경고', '2:5     정보', '3:12    경고']);
    // The message starts in the same terminal column as in English (severities padded by display width).
    for (const l of findings) assert.equal(displayWidth(/^ {2}\S+ +[가-힣]+ +/.exec(l)![0]), 19, l);
    assert.match(findings[1], /apk-add-missing-no-cache {2}\[수정\]$/);
  });

  it('LANG=ko_KR.UTF-8 selects Korean; LC_ALL=C and --lang en select English', async () => {
    const ko = await run(['ko/Dockerfile'], { env: { LANG: 'ko_KR.UTF-8' } });
    assert.match(ko.stdout, /✖ 문제 3개 \(오류 0개, 경고 2개, 정보 1개, 스타일 0개\)/);
    assert.equal((await run(['--help'], { env: { LANG: 'ko_KR.UTF-8' } })).stdout, helpText('ko'));
    assert.equal((await run(['--help'], { env: { LC_MESSAGES: 'ko_KR.UTF-8' } })).stdout, helpText('ko'));
    assert.equal((await run(['--help'], { env: { LANG: 'ko_KR.UTF-8', LC_ALL: 'C' } })).stdout, HELP);
    assert.equal((await run(['--lang', 'en', '--help'], { env: { LANG: 'ko_KR.UTF-8' } })).stdout, HELP);
    const en = await run(['--lang', 'en', 'ko/Dockerfile'], { env: { LANG: 'ko_KR.UTF-8' } });
    assert.match(en.stdout, /✖ 3 problems \(0 errors, 2 warnings, 1 info, 0 style\); 2 fixable with --fix\n$/);
    assert.equal(localeOfArgs(['--lang', 'ko'], {}), 'ko');
    assert.equal(localeOfArgs(['--lang', 'fr'], { LANG: 'ko_KR.UTF-8' }), 'ko');
    assert.equal(localeOfArgs([], {}), 'en');
  });

  it('--lang fr is a usage error listing en, ko (in the language of the environment)', async () => {
    assert.deepEqual(await run(['--lang', 'fr', 'ko/Dockerfile']), {
      code: 2, stdout: '', stderr: 'dockwise: unknown language "fr" (use en, ko)\nRun "dockwise --help" for usage.\n',
    });
    assert.deepEqual(await run(['--lang=fr'], { env: { LANG: 'ko_KR.UTF-8' } }), {
      code: 2, stdout: '', stderr: `dockwise: 알 수 없는 언어 "fr" (en, ko 중 하나를 사용합니다)\n${SEE_HELP}`,
    });
  });

  it('--fix, config problems, unreadable files and baselines speak Korean too', async () => {
    write('ko-fix/Dockerfile', 'FROM alpine:3.21\nRUN apk add curl\nUSER 1000\n');
    const fixed = await run(['--lang', 'ko', '--fix', '-f', 'json', 'ko-fix/Dockerfile']);
    assert.equal(fixed.stderr, 'ko-fix/Dockerfile: 수정 1개 적용\n  1  apk-add-missing-no-cache\n✔ 파일 1개에 수정 1개 적용\n\n');

    write('ko-cfg/.dockwise.yaml', 'profile: strct\nrules:\n  consecutive-runs: off\ncolour: true\n');
    write('ko-cfg/Dockerfile', 'FROM alpine:3.21\nUSER 1000\n');
    const cfg = path.join(tmp, 'ko-cfg/.dockwise.yaml');
    assert.equal((await run(['--lang', 'ko', 'ko-cfg/Dockerfile'])).stderr, [
      `dockwise: ${cfg}:1: profile: 알 수 없는 프로필 "strct". "strict"을(를) 사용하시겠습니까? 대신 recommended을(를) 사용합니다.`,
      `dockwise: ${cfg}:3: rules: 알 수 없는 규칙 "consecutive-runs". "consecutive-run"을(를) 사용하시겠습니까?`,
      `dockwise: ${cfg}:4: 알 수 없는 키 "colour"`,
      '',
    ].join('\n'));

    write('ko-empty/Dockerfile', '');
    const empty = await run(['--lang', 'ko', 'ko-empty/Dockerfile']);
    assert.equal(empty.code, 1);
    assert.match(empty.stdout, /^ko-empty\/Dockerfile\n {2}오류 {2}빈 파일입니다\n\n✖ 문제 0개 \(오류 0개, 경고 0개, 정보 0개, 스타일 0개\), 파일 1개는 검사할 수 없음\n$/);
    assert.equal((await run(['--lang', 'ko', 'ko/none'])).stderr, 'dockwise: ko/none: 그런 파일이나 디렉터리가 없습니다\n');

    const recorded = await run(['--lang', 'ko', '--baseline-write', 'ko-baseline.json', 'ko/Dockerfile']);
    assert.deepEqual(recorded, { code: 0, stdout: '', stderr: 'dockwise: 문제 3개를 ko-baseline.json에 기록했습니다\n' });
    const shown = await run(['--lang', 'ko', '--baseline', 'ko-baseline.json', 'ko/Dockerfile']);
    assert.equal(shown.stdout, '베이스라인에 있는 문제 3개는 표시하지 않음\n');
    write('ko-bad-baseline.json', '{');
    assert.match((await run(['--lang', 'ko', '--baseline', 'ko-bad-baseline.json', 'ko/Dockerfile'])).stderr, /^dockwise: ko-bad-baseline\.json: 올바른 JSON이 아닙니다\(/);
  });
});
