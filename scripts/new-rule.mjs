#!/usr/bin/env node
// `npm run new:rule <id> [--category C] [--keyword K]… [--command NAME]…`: writes a new rule's file
// (server/src/engine/rules/<id>.ts) with handlers for the keywords and commands it looks at, its test table
// (test/unit/rules/<id>.test.ts), and the registry line. What it writes fails lint and the tests until it is
// filled in: the handlers do nothing yet, the summary and why are empty, and the test expects a finding.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRegistry } from './generate-registry.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The engine's list (types.ts), read from its source so that no build is needed.
const CATEGORIES = JSON.parse(/RULE_CATEGORIES = (\[[^\]]*\])/.exec(fs.readFileSync(path.join(root, 'server/src/engine/types.ts'), 'utf8'))[1].replace(/'/g, '"'));

const USAGE = 'usage: npm run new:rule <id> [--category CATEGORY] [--keyword KEYWORD]... [--command NAME]...';

/** The options, or a message saying what is wrong with them. */
export function parseNewRuleArgs(argv) {
  const o = { id: undefined, category: 'correctness', keywords: [], commands: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--category') o.category = value();
    else if (a === '--keyword') o.keywords.push(value().toUpperCase());
    else if (a === '--command') o.commands.push(value());
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else if (o.id) throw new Error(`one id at a time (got ${o.id} and ${a})`);
    else o.id = a;
  }
  if (!o.id) throw new Error(USAGE);
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(o.id)) throw new Error(`"${o.id}" is no rule id: ids are kebab-case, such as apt-get-missing-yes`);
  if (!CATEGORIES.includes(o.category)) throw new Error(`unknown category "${o.category}" (use ${CATEGORIES.join(', ')})`);
  if (o.keywords.some((k) => !/^[A-Z]+$/.test(k))) throw new Error('a keyword is a word such as RUN or LABEL');
  if (o.commands.some((c) => !/^[A-Za-z0-9._+-]+$/.test(c))) throw new Error('a command is a name such as apt-get');
  if (!o.keywords.length && !o.commands.length) o.keywords.push('RUN');
  return o;
}

const property = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** The rule file's text. */
export function ruleSource({ id, category, keywords, commands }) {
  const handlers = [];
  if (keywords.length) {
    handlers.push('      instructions: {');
    for (const k of keywords) handlers.push(`        ${k}(instr) {`, "          // ctx.report({ start: instr.keywordStart, end: instr.keywordEnd, messageId: 'found' });", '        },');
    handlers.push('      },');
  }
  if (commands.length) {
    handlers.push('      commands: {');
    for (const c of commands) handlers.push(`        ${property(c)}(cmd, instr) {`, "          // ctx.report({ start: cmd.nameWord.start, end: cmd.nameWord.end, messageId: 'found' });", '        },');
    handlers.push('      },');
  }
  return `import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: '${id}',
    aliases: {},
    category: '${category}',
    // Off by default until the ecosystem check and the precision ledger show it right on real files.
    status: 'preview',
    defaultSeverity: 'warning',
    messages: {
      // Every message and fix title, by id: English with {placeholders}, Markdown code spans allowed. The Korean
      // goes in server/src/engine/i18n/ko.json under rules.${id}.
      found: '',
    },
    docs: {
      summary: '',
      why: '',
      examples: [{ bad: 'FROM debian:12-slim\\n', good: 'FROM debian:12-slim\\n' }],
      references: [],
    },
  },
  create(ctx) {
    return {
${handlers.join('\n')}
    };
  },
});
`;
}

/** The rule's test table: one case it must not report and one it must, both still to be written. */
export function testSource({ id, keywords, commands }) {
  // A first finding where the rule will look: the command's name, or the keyword.
  const [code, at] = commands.length
    ? [`FROM debian:12-slim\\nRUN ${commands[0]}\\n`, `2:5-2:${5 + commands[0].length}`]
    : keywords[0] === 'FROM' ? ['FROM debian:12-slim\\n', '1:1-1:5'] : [`FROM debian:12-slim\\n${keywords[0]} x\\n`, `2:1-2:${1 + keywords[0].length}`];
  return `import rule from '../../../server/src/engine/rules/${id}';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'what the rule must not report', code: 'FROM scratch\\n' },
  ],
  invalid: [
    {
      name: 'what the rule reports',
      code: '${code}',
      errors: [{ at: '${at}', messageId: 'found' }],
      output: null,
    },
  ],
});
`;
}

/** Writes the rule, its test and the registry under `dir`; returns the paths written. Refuses an id in use. */
export function newRule(options, dir = root) {
  const rulesDir = path.join(dir, 'server/src/engine/rules');
  const ruleFile = path.join(rulesDir, `${options.id}.ts`);
  const testFile = path.join(dir, 'test/unit/rules', `${options.id}.test.ts`);
  for (const f of [ruleFile, testFile]) if (fs.existsSync(f)) throw new Error(`${path.relative(dir, f)} exists already`);
  fs.writeFileSync(ruleFile, ruleSource(options));
  fs.mkdirSync(path.dirname(testFile), { recursive: true });
  fs.writeFileSync(testFile, testSource(options));
  generateRegistry({ dir: rulesDir });
  return [ruleFile, testFile, path.join(rulesDir, 'index.ts')].map((f) => path.relative(dir, f));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const options = parseNewRuleArgs(process.argv.slice(2));
    for (const f of newRule(options)) console.log(`wrote ${f}`);
    console.log(`
Next:
  1. write the check in the handlers, the messages, summary, why and examples;
  2. the Korean texts in server/src/engine/i18n/ko.json (rules.${options.id});
  3. the test cases, then: npm run test:rule ${options.id}
  4. npm run gen (the rule pages and the README table);
  5. run npm run ecosystem and label its findings before the rule leaves preview.`);
  } catch (error) {
    console.error(`new:rule: ${error.message}`);
    process.exit(2);
  }
}
