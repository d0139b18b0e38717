import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'net', 'stream', 'zlib', 'url', 'util']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'native/**', 'test-results/**', 'playwright-report/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Core and the contract run in tests, workers, the CLI and the bridge: never Electron.
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts', 'src/main/api/**/*.ts', 'src/main/server/**/*.ts', 'src/main/cli/**/*.ts', 'src/main/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only the Electron entry, menu, ipc and dialogs may import electron.' }] }],
    },
  },
  {
    // The contract is pure TypeScript shared by every process.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/shared is pure TypeScript.' }],
          patterns: [{ group: [...nodeBuiltins, 'better-sqlite3', 'mysql2', 'mysql2/*', '**/main/**'], message: 'src/shared must not import Node modules, drivers or main-process code.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through the api client.' }],
          patterns: [{ group: [...nodeBuiltins, 'better-sqlite3', 'mysql2', 'mysql2/*', '**/main/**'], message: 'The renderer must not import Node modules, drivers or main-process code.' }],
        },
      ],
    },
  },
)
