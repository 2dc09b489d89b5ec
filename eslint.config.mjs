// Lint rules, with two of our own: the content script and page reading never force layout on
// Amazon's pages, and no code anywhere writes HTML from strings (data from the network stays text).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noHtmlFromStrings = [
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Build DOM nodes and set textContent; never innerHTML.' },
  { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Build DOM nodes and set textContent; never outerHTML.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build DOM nodes; never insertAdjacentHTML.' },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'No document.write.' },
];

const layoutReads = ['innerText', 'outerText', 'offsetHeight', 'offsetWidth', 'offsetTop', 'offsetLeft', 'clientHeight', 'clientWidth', 'scrollHeight', 'scrollWidth', 'getBoundingClientRect', 'getClientRects', 'getComputedStyle'];

export default tseslint.config(
  // (.stryker-tmp/: the mutation run's sandbox copy of the project, while it runs.)
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noHtmlFromStrings] },
  },
  {
    files: ['src/book/**/*.ts', 'src/content/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...layoutReads.map((property) => ({ property, message: 'Forces layout on Amazon’s page: read textContent and attributes instead.' })),
      ],
    },
  },
);
