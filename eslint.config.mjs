// Lint, including the layer rules of DESIGN.md: shared/ imports no other folder and nothing of
// Node or the DOM; renderer/ never imports electron/ or server/; electron/core never imports electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'url', 'events', 'stream', 'util', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/server/**', '**/renderer/**', 'electron', 'react', 'react-dom'], message: 'shared/ is the common layer: it imports nothing from the other folders.' },
            { group: nodeBuiltins, message: 'shared/ must run in the browser too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/server/**', 'electron'], message: 'renderer/ talks to the core only through window.switchboard.' },
            { group: nodeBuiltins, message: 'renderer/ runs sandboxed: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // Components reach the core through store slices (renderer/src/features/README.md).
    files: ['renderer/src/**/*.tsx'],
    ignores: ['renderer/src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/server/**', 'electron'], message: 'renderer/ talks to the core only through window.switchboard.' },
            { group: nodeBuiltins, message: 'renderer/ runs sandboxed: no Node built-ins.' },
            { group: ['**/api/client'], importNames: ['getApi'], message: 'Components call the core through a store slice action.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'electron/core must run in plain Node: no electron import.' },
            { group: ['**/renderer/**', '**/server/**', '**/electron/main/**', '**/electron/preload/**'], message: 'electron/core depends on shared/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/**', '**/renderer/**', 'electron'], message: 'server/ depends on shared/ only.' }] },
      ],
    },
  },
  {
    // The embeddable widget: browser code that a centre's site loads; shared/widget/ and socket.io-client only.
    files: ['widget/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/server/**', '**/renderer/**', 'electron', 'react', 'react-dom', 'zod'], message: 'widget/ imports only shared/widget/ and socket.io-client.' },
            { group: ['**/shared/*', '!**/shared/widget', '**/shared/*/**', '!**/shared/widget/**'], message: 'widget/ imports only shared/widget/ of shared/ (it must stay small).' },
            { group: nodeBuiltins, message: 'widget/ runs on a customer’s web page: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // Worker-thread entries stay plain CommonJS: they register the TypeScript loader themselves.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
