// Profiles: the default profile's contents, pinned; hadolint's and BuildKit's defaults; the layers above a profile.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, buildLintOptions, findRules, HADOLINT_DEFAULTS, profileReason, lintText, MODERN, parseConfig, PROFILE_NAMES, profileSeverities, profileSeverity, RECOMMENDED, ruleHoverMarkdown, ruleMarkdown, type LoadedConfig, type ProfileName } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

before(async () => { await initShellParser(); });

const config = (text: string): LoadedConfig => {
  const { config: c, problems } = parseConfig('.dockwise.yaml', text);
  assert.deepEqual(problems, []);
  return c!;
};
/** `rule severity` of every finding, linted in a profile (and any other settings). */
const found = (text: string, input: Parameters<typeof buildLintOptions>[0]) =>
  lintText(text, buildLintOptions(input)).findings.map((f) => `${f.rule} ${f.severity}`);
const inProfile = (profile: ProfileName) => ({ settings: { profile } });

describe('recommended (the default)', () => {
  it('has exactly these differences from the rules\' own severities (change them here and in profiles.ts together)', () => {
    assert.deepEqual({ ...profileSeverities('recommended') }, {
      'apt-get-unpinned-package': 'off',
      'apk-add-unpinned-package': 'off',
      'dnf-unpinned-package': 'off',
      'yum-unpinned-package': 'off',
      'zypper-unpinned-package': 'off',
      'pip-unpinned-package': 'off',
      'npm-unpinned-package': 'off',
      'gem-unpinned-package': 'off',
      'go-unpinned-package': 'off',
      'legacy-key-value-format': 'info',
      'maintainer-deprecated': 'info',
      'instruction-casing': 'style',
      'from-as-casing': 'style',
      'stage-name-casing': 'style',
      'expose-protocol-casing': 'style',
      'cd-in-run': 'off',
      'runs-as-root': 'off',
      'user-non-numeric': 'off',
      'consecutive-run': 'off',
      'missing-healthcheck': 'off',
      'inline-ignore-pragma': 'off',
      'invalid-definition-description': 'off',
      'label-key-invalid': 'off',
      'wget-without-progress': 'off',
      'wget-and-curl': 'off',
      'pipe-without-pipefail': 'off',
      'build-toolchain-in-final-stage': 'off',
      'chown-after-copy': 'off',
      'copy-after-user-without-chown': 'off',
      'user-created-not-used': 'off',
      'weak-checksum-verification': 'off',
      'arg-used-before-declared': 'off',
      'package-upgrade-in-build': 'off',
      'manifest-without-lockfile': 'off',
      'entrypoint-script-without-exec': 'off',
      'prefer-cache-mount': 'off',
      'blank-line-between-stages': 'off',
      'sorted-package-list': 'off',
      'prefer-run-heredoc': 'off',
      'prefer-add-unpack': 'off',
      'url-with-password': 'off',
      'pip-externally-managed': 'off',
      'apk-allow-untrusted': 'off',
      'download-over-http': 'off',
      'go-insecure-fetch': 'off',
      'rpm-gpg-check-off': 'off',
      'rpm-no-signature-check': 'off',
      'chmod-world-writable': 'off',
      'debug-mode-env': 'off',
      'expose-remote-admin-port': 'off',
      'mount-world-readable-secret': 'off',
      'run-network-host': 'off',
    });
  });

  it('is what no profile setting gives, and every difference names a real rule, changes something and says why', () => {
    assert.deepEqual(buildLintOptions({}).severities, profileSeverities('recommended'));
    assert.equal(buildLintOptions({}).profile, 'recommended');
    for (const table of [RECOMMENDED, MODERN]) {
      for (const [id, entry] of Object.entries(table)) {
        const rule = findRules(id)[0];
        assert.equal(rule?.meta.id, id, `${id} is not a rule id`);
        assert.notEqual(entry.severity, rule.meta.defaultSeverity, `${id}: the entry changes nothing`);
        assert.match(profileReason(entry), /^[A-Z`].{20,200}\.$/, `${id}: one sentence of reason`);
      }
    }
  });

  it('keeps every preview rule off: a rule is on by default only once it is stable', () => {
    const previewOn = allRules.filter((r) => r.meta.status === 'preview' && profileSeverity('recommended', r.meta) !== 'off').map((r) => r.meta.id);
    assert.deepEqual(previewOn, []);
    assert.deepEqual(allRules.filter((r) => r.meta.status === 'preview').map((r) => r.meta.id).sort(), ['apk-allow-untrusted', 'arg-used-before-declared', 'build-toolchain-in-final-stage', 'chmod-world-writable', 'chown-after-copy', 'copy-after-user-without-chown', 'debug-mode-env', 'download-over-http', 'entrypoint-script-without-exec', 'expose-remote-admin-port', 'go-insecure-fetch', 'manifest-without-lockfile', 'mount-world-readable-secret', 'package-upgrade-in-build', 'pip-externally-managed', 'pipe-without-pipefail', 'prefer-add-unpack', 'prefer-run-heredoc', 'rpm-gpg-check-off', 'rpm-no-signature-check', 'run-network-host', 'runs-as-root', 'url-with-password', 'user-created-not-used', 'weak-checksum-verification']);
  });

  it('errors only for what Docker rejects or what certainly breaks at run time', () => {
    const errors = allRules.filter((r) => profileSeverity('recommended', r.meta) === 'error').map((r) => r.meta.id).sort();
    assert.deepEqual(errors, [
      'copy-from-empty-scratch', 'copy-from-own-stage', 'copy-multiple-sources-without-slash', 'duplicate-stage-name', 'exec-form-invalid-json',
      'expose-port-out-of-range', 'instruction-before-from', 'invalid-syntax', 'named-user-in-shell-less-image', 'onbuild-forbidden-trigger',
      'package-manager-mismatch', 'run-in-empty-scratch', 'shell-form-in-shell-less-image', 'target-stage-not-found',
    ]);
  });

  it('lints quietly where strict does not', () => {
    const text = 'FROM debian:12-slim\nMAINTAINER me\nRUN cd /tmp && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\n';
    assert.deepEqual(found(text, {}), ['maintainer-deprecated info']);
    assert.deepEqual(found(text, inProfile('strict')), ['maintainer-deprecated warning', 'cd-in-run warning', 'prefer-cache-mount info', 'apt-get-unpinned-package warning']);
  });
});

describe('strict', () => {
  it('turns every rule on at its own severity', () => {
    assert.deepEqual(profileSeverities('strict'), {});
    for (const r of allRules) assert.notEqual(profileSeverity('strict', r.meta), 'off', r.meta.id);
  });
});

describe('modern', () => {
  it('is recommended with the cleanup rules that cache mounts replace turned off, and the cache-mount rule on', () => {
    const modern = profileSeverities('modern');
    const extra = Object.keys(modern).filter((id) => !(id in profileSeverities('recommended'))).sort();
    assert.deepEqual(extra, ['apk-add-missing-no-cache', 'apt-lists-not-removed', 'cleanup-in-separate-layer', 'dnf-cache-not-cleaned', 'pip-install-missing-no-cache-dir', 'yarn-cache-not-cleaned', 'yum-cache-not-cleaned', 'zypper-cache-not-cleaned']);
    for (const id of extra) assert.equal(modern[id], 'off');
    const turnedOn = ['prefer-cache-mount'];
    for (const [id, sev] of Object.entries(profileSeverities('recommended'))) assert.equal(modern[id], turnedOn.includes(id) ? undefined : sev, id);
    const text = 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nUSER 1000\n';
    assert.deepEqual(found(text, {}), ['apt-lists-not-removed info']);
    assert.deepEqual(found(text, inProfile('modern')), ['prefer-cache-mount info']);
    const mounted = 'FROM debian:12-slim\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends curl\nUSER 1000\n';
    assert.deepEqual(found(mounted, inProfile('modern')), []);
  });
});

describe('hadolint', () => {
  it('knows hadolint\'s default for every DL code a rule carries, and no other code', () => {
    const codes = allRules.map((r) => r.meta.aliases.hadolint).filter((c): c is string => !!c).sort();
    assert.deepEqual(Object.keys(HADOLINT_DEFAULTS).sort(), codes);
  });

  it('gives hadolint\'s default severities (its documented cases), and turns rules without a DL code off', () => {
    const cases: Array<[string, string[]]> = [
      // DL3000 is an error in hadolint (a warning in Dockwise); DL4000 too.
      ['FROM debian:12-slim\nWORKDIR app\nUSER 1000\n', ['workdir-relative-path error']],
      ['FROM debian:12-slim\nMAINTAINER me\nUSER 1000\n', ['maintainer-deprecated error']],
      // DL3004, DL3020: errors in hadolint, warnings in Dockwise.
      ['FROM debian:12-slim\nRUN sudo make install\nUSER 1000\n', ['sudo-in-run error']],
      ['FROM debian:12-slim\nADD app.py /srv/\nUSER 1000\n', ['add-instead-of-copy error']],
      // DL3008 warning, DL3009 info, DL3015 info, DL3014 warning.
      ['FROM debian:12-slim\nRUN apt-get update && apt-get install curl\nUSER 1000\n', ['apt-lists-not-removed info', 'apt-get-missing-no-install-recommends info', 'apt-get-missing-yes warning', 'apt-get-unpinned-package warning']],
      // DL3048 style; DL3057 (HEALTHCHECK missing) is off in hadolint.
      ['FROM debian:12-slim\nLABEL Version=1\nEXPOSE 80\nUSER 1000\n', ['label-key-invalid style']],
      // DL3002 warning for a final USER root; no DL code: curl-pipe-to-shell off.
      // (With a CMD of its own: an image that starts debian's shell is a base image, root by design.)
      ['FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\nUSER root\nCMD ["/srv/app"]\n', ['pipe-without-pipefail warning', 'last-user-root warning']],
      // DL1001 is off in hadolint.
      ['FROM debian:12-slim\n# hadolint ignore=DL3003\nRUN cd /tmp\nUSER 1000\n', []],
      // DL4004 error, DL3012 error.
      ['FROM debian:12-slim\nUSER 1000\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nHEALTHCHECK CMD ["a"]\nHEALTHCHECK CMD ["b"]\n', ['multiple-entrypoint error', 'multiple-healthcheck error']],
    ];
    for (const [text, want] of cases) assert.deepEqual(found(text, inProfile('hadolint')), want, text);
  });
});

describe('buildkit', () => {
  it('turns on BuildKit\'s checks as warnings (not the experimental one) and the errors, nothing else', () => {
    for (const r of allRules) {
      const sev = profileSeverity('buildkit', r.meta);
      const check = r.meta.aliases.buildkit;
      if (r.meta.defaultSeverity === 'error') assert.equal(sev, 'error', r.meta.id);
      else if (check === 'InvalidDefinitionDescription' || !check) assert.equal(sev, 'off', r.meta.id);
      else assert.equal(sev, 'warning', r.meta.id);
    }
    const text = 'FROM debian:12-slim AS Build\nMAINTAINER me\nENV A b\nRUN apt-get install curl\nFROM debian:12-slim AS build\n';
    assert.deepEqual(found(text, inProfile('buildkit')), ['stage-name-casing warning', 'maintainer-deprecated warning', 'legacy-key-value-format warning', 'duplicate-stage-name error']);
  });
});

describe('choosing a profile, and the layers above it', () => {
  const text = 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\nUSER 1000\n';

  it('the config file\'s profile:, under the settings\' (or --profile)', () => {
    assert.deepEqual(found(text, { config: config('profile: strict\n') }), ['prefer-cache-mount info', 'apt-get-unpinned-package warning']);
    assert.deepEqual(found(text, { config: config('profile: strict\n'), settings: { profile: 'recommended' } }), []);
    assert.deepEqual(found(text, { config: config('profile: recommended\n'), settings: { profile: 'hadolint' } }), ['apt-get-unpinned-package warning']);
    assert.equal(buildLintOptions({ config: config('profile: modern\n'), settings: { profile: '' } }).profile, 'modern', 'an empty setting is no setting');
  });

  it('per-rule settings of the config file over the profile, settings over those, pragmas over all', () => {
    assert.deepEqual(found(text, { config: config('rules:\n  DL3008: info\n') }), ['apt-get-unpinned-package info'], 'a rule the profile turns off');
    assert.deepEqual(found(text, { config: config('profile: strict\nignored: [DL3008]\n') }), ['prefer-cache-mount info']);
    assert.deepEqual(found(text, { config: config('profile: strict\nrules: { DL3008: info }\n'), settings: { profile: 'hadolint', rules: { DL3008: 'error' } } }), ['apt-get-unpinned-package error']);
    const ignored = 'FROM debian:12-slim\n# dockwise ignore=DL3008\nRUN apt-get install -y --no-install-recommends curl\nUSER 1000\n';
    assert.deepEqual(found(ignored, { settings: { profile: 'hadolint', rules: { DL3008: 'error' } } }), []);
  });

  it('an unknown profile in the settings is a problem with a suggestion; the config file\'s profile is used', () => {
    const o = buildLintOptions({ config: config('profile: strict\n'), settings: { profile: 'moden' } });
    assert.equal(o.profile, 'strict');
    assert.deepEqual(o.problems.map((p) => p.message), ['dockwise.profile: unknown profile "moden"; did you mean "modern"? Using strict.']);
  });
});

describe('docs', () => {
  it('the hover and the rule page say which profiles turn a rule on, and why the default differs', () => {
    const pin = findRules('DL3008')[0];
    for (const md of [ruleHoverMarkdown(pin), ruleMarkdown(pin)]) {
      assert.match(md, /On in strict \(warning\), hadolint \(warning\); off in recommended, modern, buildkit\./);
      assert.match(md, /Off by default: Distribution mirrors drop superseded package versions/);
    }
    assert.match(ruleHoverMarkdown(findRules('apt-lists-not-removed')[0]), /On in recommended \(info\), strict \(info\), hadolint \(info\); off in modern, buildkit\. Off in `modern`: A BuildKit cache mount/);
    assert.match(ruleMarkdown(findRules('duplicate-stage-name')[0]), /\| Profiles \| On in recommended \(error\), strict \(error\), modern \(error\), hadolint \(error\), buildkit \(error\)\. \|/);
    for (const p of PROFILE_NAMES) assert.ok(ruleMarkdown(findRules('maintainer-deprecated')[0]).includes(p));
  });
});
