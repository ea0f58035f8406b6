import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { INSTRUCTIONS } from '../model/syntax';

export default defineRule({
  meta: {
    id: 'instruction-casing',
    aliases: { buildkit: 'ConsistentInstructionCasing' },
    counterparts: {
      sonar: ['S6476'],
      differences: 'Asks for one casing across the file, all-lowercase included, where Sonar requires uppercase, and offers a fix.',
    },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'warning',
    fixable: 'safe',
    messages: {
      mostlyLowercase: 'Write "{keyword}": {count} of the file\'s instructions are in lowercase',
      mostlyUppercase: 'Write "{keyword}": {count} of the file\'s instructions are in uppercase',
      writeKeyword: 'Write {keyword}',
    },
    docs: {
      summary: 'Instruction keywords in mixed casing',
      why: 'Docker accepts keywords in any casing, but a file that mixes `RUN` and `run`, or writes `Run`, is harder to scan: the keywords are what the eye follows down the file. The file\'s majority casing wins (uppercase on a tie).',
      examples: [{ bad: 'FROM alpine:3.21\nrun apk add --no-cache curl\nCmd ["curl", "--version"]\n', good: 'FROM alpine:3.21\nRUN apk add --no-cache curl\nCMD ["curl", "--version"]\n' }],
      references: ['https://docs.docker.com/reference/build-checks/consistent-instruction-casing/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const keyword = (i: Instr) => model.text.slice(i.keywordStart, i.keywordEnd);
    // This runs over the whole file on every keystroke: a keyword written as the model spells it (upper case)
    // is recognised in place, without new strings.
    const writtenUpper = (i: Instr) => i.keywordEnd - i.keywordStart === i.keyword.length && model.text.startsWith(i.keyword, i.keywordStart);
    // As BuildKit counts: the top-level keywords that are all lower or all upper case; a tie goes to upper.
    // Unknown keywords do not vote (a template's jq lines, `def` and `if`, would make the file "lowercase").
    let lower = 0;
    let upper = 0;
    const { instructions, triggers } = model;
    for (let i = 0; i < instructions.length; i++) {
      const instr = instructions[i];
      if (!INSTRUCTIONS.has(instr.keyword)) continue;
      if (writtenUpper(instr)) { upper++; continue; }
      const k = keyword(instr);
      if (k === k.toLowerCase() && k !== k.toUpperCase()) lower++;
      else if (k === k.toUpperCase()) upper++;
    }
    const toLower = lower > upper;
    const majority = toLower ? lower : upper;
    // ONBUILD triggers are keywords too (BuildKit does not look at them).
    for (let i = 0; i < instructions.length + triggers.length; i++) {
      const instr = i < instructions.length ? instructions[i] : triggers[i - instructions.length];
      if (!toLower && writtenUpper(instr)) continue;
      const k = keyword(instr);
      const want = toLower ? k.toLowerCase() : k.toUpperCase();
      if (!k || k === want) continue;
      ctx.report({
        start: instr.keywordStart,
        end: instr.keywordEnd,
        messageId: toLower ? 'mostlyLowercase' : 'mostlyUppercase',
        data: { keyword: want, count: majority },
        fixes: [{ titleId: 'writeKeyword', data: { keyword: want }, safety: 'safe', edits: [{ start: instr.keywordStart, end: instr.keywordEnd, text: want }] }],
      });
    }
  },
});
