import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const hostModules = ['electron', 'react', 'react-dom', 'cytoscape'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'bench/results/**', 'test-results/**', 'playwright-report/**', '**/*.tmp.*', 'bench/.vaults/**', 'bench/.built/**'] },
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
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The core is pure: no host, no UI, no reaching into the processes that use it.
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: hostModules.map((name) => ({ name, message: 'main/core stays free of hosts and UI.' })),
          patterns: [
            { group: ['**/electron/**', '**/web/**', '**/renderer/**', '../service*', '../cli*'], message: 'main/core imports nothing outside the core.' },
          ],
        },
      ],
    },
  },
  {
    // These run in the renderer too, so they must not touch Node.
    files: ['main/core/markdown/**/*.ts', 'main/core/syntax/**/*.ts', 'main/core/paths.ts', 'main/core/resolve.ts', 'main/core/model.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: hostModules.map((name) => ({ name, message: 'main/core stays free of hosts and UI.' })),
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'chokidar'], message: 'Isomorphic module: no Node imports.' },
            { group: ['**/electron/**', '**/web/**', '**/renderer/**'], message: 'main/core imports nothing outside the core.' },
          ],
        },
      ],
    },
  },
);
