import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { distroFamily, rootStage } from '../model/base-images';
import { findVariables, substitute } from '../model/variables';

/** The folders every Linux distribution keeps its commands in: a PATH with one of them still finds the shell's tools. */
const SYSTEM_DIRS = new Set(['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']);

export default defineRule({
  meta: {
    id: 'env-path-overwritten',
    aliases: {},
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      pathOverwritten: '`PATH={value}` leaves out `$PATH` and the system folders: later RUNs and the container no longer find the commands in /usr/bin and /bin',
      appendPath: 'Append `:$PATH` (unsafe: the base image\'s folders come back after yours)',
    },
    docs: {
      summary: '`ENV PATH=…` that drops `$PATH` and /usr/bin',
      why: '`ENV PATH=/opt/app/bin` replaces the whole search path, not adds to it: every later RUN, and the container itself, finds only the commands in the folders listed, so `apt-get`, `sh` or `ls` suddenly fail with "not found". Write your folder in front of the old value, `ENV PATH=/opt/app/bin:$PATH`, or spell out the full path with /usr/bin and /bin as many official images do.',
      examples: [
        { bad: 'FROM debian:12-slim\nENV PATH=/opt/app/bin\n', good: 'FROM debian:12-slim\nENV PATH=/opt/app/bin:$PATH\n' },
        { bad: 'FROM golang:1.23\nENV PATH /go/bin:/usr/local/go/bin\n', good: 'FROM golang:1.23\nENV PATH /go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n', note: 'A PATH written out in full is fine when it keeps the system folders.' },
      ],
      fixSafety: 'Unsafe: appending `:$PATH` brings back the folders the base image (and earlier ENVs) had on the path, after yours; a command that was not found before may now run, and one that also exists in your folder still comes from yours.',
      references: ['https://docs.docker.com/reference/dockerfile/#env'],
    },
    counterparts: {
      differences: 'Resolves the other variables of the value from ARG and ENV, and accepts a PATH written out in full that still holds /usr/bin or /bin.',
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      instructions: {
        ENV(instr: Instr) {
          const stage = instr.stage;
          // An image FROM scratch has no /usr/bin to lose.
          if (!stage || distroFamily(rootStage(stage).image) === 'scratch') return;
          for (const p of instr.props) {
            if (p.name !== 'PATH' || p.value === null || p.valueStart === undefined || p.valueEnd === undefined) continue;
            // Windows paths: another separator and other folders.
            if (/[;\\]|^[A-Za-z]:/.test(p.value)) continue;
            if (findVariables(p.value, model.escapeChar).some((v) => v.name === 'PATH')) continue;
            const { value, unresolved } = substitute(p.value, (n) => model.lookupVariable(n, instr)?.value, model.escapeChar);
            // A variable we cannot read may hold the old PATH.
            if (unresolved.length || value.split(':').some((d) => SYSTEM_DIRS.has(d.replace(/(?<=.)\/+$/, '')))) continue;
            const raw = model.text.slice(p.valueStart, p.valueEnd);
            const quote = /^(["'])[\s\S]*\1$/.exec(raw)?.[1];
            // Inside double quotes `$PATH` is expanded; single quotes keep it literal, so it goes after them.
            const at = quote === '"' ? p.valueEnd - 1 : p.valueEnd;
            const multiline = /[\r\n]/.test(raw);
            ctx.report({
              start: p.valueStart,
              end: p.valueEnd,
              messageId: 'pathOverwritten',
              data: { value: p.value.length > 60 ? p.value.slice(0, 57) + '…' : p.value },
              fixes: multiline ? [] : [{ titleId: 'appendPath', safety: 'unsafe', edits: [{ start: at, end: at, text: ':$PATH' }] }],
            });
          }
        },
      },
    };
  },
});
