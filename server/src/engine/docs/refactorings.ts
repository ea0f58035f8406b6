// docs/refactorings.md's list, from each refactoring's own docs (refactor/*.ts): what it does, when it is offered,
// and its example before and after. `npm run gen` writes it between the page's markers; a test fails when it is
// stale, and another applies every example.
import { REFACTORINGS } from '../refactor/registry';

const START = '<!-- refactorings:start -->';
const END = '<!-- refactorings:end -->';

export function refactoringsMarkdown(): string {
  return REFACTORINGS.map((r) => {
    const { summary, details, example } = r.docs;
    const answers = example.answers?.length ? `\n\nAnswered with ${example.answers.map((a) => `\`${a}\``).join(', ')} (\`--choose\` on the command line).` : '';
    return [
      `## \`${r.id}\``,
      '',
      `${summary} (\`${r.kind}\`)`,
      '',
      details,
      '',
      'Before:',
      '',
      '```dockerfile',
      example.before.replace(/\n$/, ''),
      '```',
      '',
      `After:${answers}`,
      '',
      '```dockerfile',
      example.after.replace(/\n$/, ''),
      '```',
    ].join('\n');
  }).join('\n\n');
}

/** `page` with the refactorings between its markers. */
export function withRefactorings(page: string): string {
  const a = page.indexOf(START);
  const b = page.indexOf(END);
  if (a < 0 || b < a) throw new Error('docs/refactorings.md lacks the refactorings markers');
  return page.slice(0, a + START.length) + '\n' + refactoringsMarkdown() + '\n' + page.slice(b);
}
