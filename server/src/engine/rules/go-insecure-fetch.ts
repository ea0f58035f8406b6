import { defineRule } from '../rule';
import type { ShellCommand } from '../model/shell';
import { VERIFICATION_VARIABLES } from '../data/verification-off';
import { removeWordsEdit, verificationHandlers, type VerificationFinding } from '../model/verification';

export default defineRule({
  meta: {
    id: 'go-insecure-fetch',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_18'], differences: 'Also reports `GOSUMDB=off`, `GOFLAGS=-insecure`, `go get -insecure` and `go env -w`, and leaves GONOSUMDB and GOPRIVATE alone: they exempt only the private module paths they name.' },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      insecure: '`{name}={value}` lets go fetch those modules over plain HTTP or with any certificate',
      sumdbOff: '`{name}=off` stops go from checking modules against the checksum database',
      flagsInsecure: '`{name}={value}` lets go fetch modules over plain HTTP or with any certificate',
      getInsecure: '`{flag}` lets `go get` fetch modules over plain HTTP or with any certificate',
      removeVariable: 'Remove `{name}` (go then checks what it downloads, and fetches that relied on it fail)',
      removeFlag: 'Remove `{flag}` (go then checks what it downloads, and fetches that relied on it fail)',
    },
    docs: {
      summary: 'Go module downloads with checks off: `GOINSECURE`, `GOSUMDB=off`, `-insecure`',
      why: '`GOINSECURE` lets go fetch the modules it names over plain HTTP and without certificate checks, `GOSUMDB=off` stops checking every downloaded module against the public checksum database, and `-insecure` (in `go get` or GOFLAGS) did both: anyone on the path, or a compromised proxy, can then hand the build other code. For private modules, `GOPRIVATE` or `GONOSUMDB` with their paths is enough: they exempt those paths only, and are not reported. Serve private modules over HTTPS with a CA the image trusts.',
      examples: [
        { bad: 'FROM golang:1.24\nENV GOSUMDB=off\nRUN go mod download\n', good: 'FROM golang:1.24\nENV GOPRIVATE=git.example.com/*\nRUN go mod download\n', note: 'GOPRIVATE exempts only the private paths from the checksum database and the proxy.' },
        { bad: 'FROM golang:1.24\nENV GOINSECURE=git.example.com\n', good: 'FROM golang:1.24\nCOPY corp-ca.pem /usr/local/share/ca-certificates/corp-ca.crt\nRUN update-ca-certificates\n' },
      ],
      fixSafety: 'go then checks what it downloads again: modules served over HTTP or with an untrusted certificate, or missing from the checksum database (private ones not listed in GOPRIVATE or GONOSUMDB), fail to download.',
      references: ['https://go.dev/ref/mod#environment-variables', 'https://go.dev/ref/mod#private-module-privacy'],
    },
  },
  create(ctx) {
    const go = (cmd: ShellCommand): VerificationFinding[] => {
      // `go get -insecure` (Go's flags take one dash or two).
      if (cmd.args[0]?.value !== 'get') return [];
      const out: VerificationFinding[] = [];
      cmd.args.forEach((w, i) => {
        if (!/^--?insecure(=(true|1))?$/.test(w.value)) return;
        out.push({ start: w.start, end: w.end, messageId: 'getInsecure', data: { flag: w.value }, fixTitleId: 'removeFlag', fixData: { flag: w.value }, edit: removeWordsEdit(ctx.model, cmd.nameWord, cmd.args, i, i) });
      });
      return out;
    };
    return verificationHandlers(ctx, {
      commands: { go },
      variables: VERIFICATION_VARIABLES.go,
      variable: ({ setting }) => {
        const messageId = setting.name === 'GOSUMDB' ? 'sumdbOff' : setting.name === 'GOFLAGS' ? 'flagsInsecure' : 'insecure';
        return { start: setting.start, end: setting.end, messageId, data: { name: setting.name, value: setting.value ?? '' }, fixTitleId: 'removeVariable', fixData: { name: setting.name }, edit: setting.edit };
      },
    });
  },
});
