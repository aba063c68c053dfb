// The linter: ESLint's and typescript-eslint's recommended rules over scripts/ and src/, and
// eslint-plugin-astro's over .astro files. Formatting is Prettier's job (npm run format), not
// ESLint's. Run with `npm run lint` (which also checks formatting); CI runs it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'dist.*/**',
      '.build/**',
      '.astro/**',
      'node_modules/**',
      'content/generated/**',
      'content/generated.*/**',
      'reports/**',
      'bench-out/**',
      'test-results/**',
      'release-deposits/**',
      // Study folders and import fixtures are data, not code.
      'scripts/fixtures/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a callback's position, a destructured rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests read parsed JSON, YAML and HTML and reach into them; `any` there is what the data is.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
