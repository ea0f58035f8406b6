// `npm run lint` (also a step of `npm test`): our TypeScript with type information from each folder's
// tsconfig.json, and the build and test scripts without it. Only rules that find real mistakes; the
// compiler's strict mode does the rest.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Locals, parameters and caught errors; a leading _ says "unused on purpose".
const unused = { args: 'all', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true };

export default defineConfig([
  globalIgnores(['out/', 'dist/', 'corpus/', 'release/', '.e2e/', '.vscode-test/', 'test/fixtures/', 'bench/*.tmp']),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', unused],
      // A promise nobody awaits loses its rejection: an LSP handler or test step that fails silently.
      // node:test's describe/it return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] }],
      // `import('…').T` in a type position is fine (it loads nothing); what matters is that an import used
      // only for types says so, so that no bundle keeps it.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { 'no-unused-vars': ['error', unused] },
  },
]);
