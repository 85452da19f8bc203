import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Layer boundaries (DESIGN.md): renderer → shared ← electron/engine; main wires them. */
const boundary = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: boundary(
      [
        'electron',
        'electron/*',
        'react',
        'react-*',
        'react/*',
        '**/renderer/**',
        '**/main/**',
        '**/preload/**',
      ],
      'The engine is plain Node: no Electron, React or renderer imports.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer knows nothing of Node.' })),
          patterns: [
            {
              group: ['electron', 'electron/*', '**/electron/**'],
              message: 'The renderer talks to the engine only through the API.',
            },
            { group: ['node:*'], message: 'The renderer knows nothing of Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'shared/ runs on both sides: no Node built-ins.',
          })),
          patterns: [
            {
              group: ['electron', 'electron/*', 'react', 'react/*', '**/electron/**', '**/renderer/**'],
              message: 'shared/ imports neither side.',
            },
            { group: ['node:*'], message: 'shared/ runs on both sides: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
