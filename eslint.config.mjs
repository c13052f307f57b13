// One linter for every room; the Apps Script globals come from @types/google-apps-script.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-probe/**',
      'out/**',
      'node_modules/**',
      'coverage/**',
      '*.config.js',
      '.dependency-cruiser.cjs',
      'test/rules/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // One import statement per module (a type-only import beside it is fine).
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
    },
  },
  {
    // The pure core must not reach for Apps Script: these globals are the door's and sheets' business.
    files: ['src/core/**/*.ts', 'src/functions/**/*.ts', 'src/dialog/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'Session',
          'HtmlService',
          'PropertiesService',
          'LockService',
          'CacheService',
          'MailApp',
          'ScriptApp',
          'Utilities',
          'Logger',
          'Charts',
          'UrlFetchApp',
        ].map((name) => ({
          name,
          message:
            'src/core is pure, and src/dialog runs in the browser: pass values in from src/sheets, or call the server through google.script.run.',
        })),
      ],
    },
  },
);
