import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Data flows one way: content → pipeline → typed JSON → data → routes → components.
 * `import-x/no-restricted-paths` keeps each layer from importing the ones after it.
 */
const layers = [
  // target: the importing folder; from: folders it must not import.
  {
    target: './src/domain',
    from: [
      './src/pipeline',
      './src/data',
      './src/search',
      './src/routes',
      './src/components',
      './src/hooks',
      './src/lib',
      './src/reading',
      './src/offline',
    ],
    message: 'domain/ imports nothing.',
  },
  {
    target: './src/pipeline',
    from: [
      './src/data',
      './src/search/client',
      './src/routes',
      './src/components',
      './src/hooks',
      './src/router.tsx',
      './src/main.tsx',
      './src/reading',
      './src/offline',
    ],
    message: 'The pipeline is Node-only and never imports browser code.',
  },
  {
    target: './src/components',
    from: ['./src/pipeline', './src/data', './src/routes', './src/router.tsx', './src/reading'],
    message: 'Components receive plain props; they do not fetch or route.',
  },
  {
    target: './src/data',
    from: ['./src/pipeline', './src/routes', './src/components'],
    message: 'data/ reads emitted JSON, not the pipeline.',
  },
  {
    target: './src/lib',
    from: [
      './src/pipeline',
      './src/data',
      './src/routes',
      './src/components',
      './src/hooks',
      './src/search',
      './src/offline',
      './src/reading',
    ],
    message: 'lib/ holds small shared helpers only.',
  },
  {
    target: './src/hooks',
    from: ['./src/pipeline', './src/routes', './src/components', './src/reading'],
    message: 'hooks/ sit below routes and components.',
  },
  {
    target: './src/search',
    from: [
      './src/pipeline',
      './src/data',
      './src/routes',
      './src/components',
      './src/hooks',
      './src/lib',
      './src/reading',
      './src/offline',
    ],
    message: 'search/ is the search engine and its worker: it reads only domain/.',
  },
  {
    target: './src/offline',
    from: [
      './src/pipeline',
      './src/data',
      './src/routes',
      './src/components',
      './src/hooks',
      './src/reading',
      './src/search',
    ],
    message: 'offline/ (saving and the service worker) reads only domain/ and lib/.',
  },
  {
    target: './src/reading',
    from: ['./src/pipeline', './src/routes', './src/router.tsx', './src/main.tsx'],
    message: 'reading/ (the reader beside the essay) sits below the routes.',
  },
  {
    target: ['./src/main.tsx', './src/paths.ts', './src/search'],
    from: ['./src/routes'],
    message: 'Nothing imports a route except the router and other routes.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.tmp',
      'dist-fixtures',
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'content',
      'tests/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  { files: ['*.js'], languageOptions: { globals: globals.node } },
);
