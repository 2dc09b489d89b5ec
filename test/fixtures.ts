// Reads the small Amazon pages written for the tests (test/fixtures/amazon/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures', 'amazon');

export function readFixture(name: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, name));
}

/** The fictional bookshop directory the build packages for tests and the demo, read as the worker reads its package. */
export const readFictionalDirectory = async (path: string): Promise<unknown> => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'stand-ins', 'directory', path), 'utf8'));
