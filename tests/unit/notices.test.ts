// @vitest-environment node
// Every library the extension ships is named, with its licence, in the notices it ships.
import { readFileSync } from 'node:fs';

const notices = readFileSync('public/THIRD_PARTY_NOTICES.txt', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
const NAMES: Record<string, string> = {
  '@mozilla/readability': '@mozilla/readability',
  dompurify: 'DOMPurify',
  dexie: 'Dexie.js',
};

test.each(Object.keys(pkg.dependencies))('%s is in THIRD_PARTY_NOTICES.txt with its licence', (dep) => {
  const licence = (JSON.parse(readFileSync(`node_modules/${dep}/package.json`, 'utf8')) as { license: string }).license;
  const line = notices.split('\n').find((l) => l.toLowerCase().startsWith(`- ${(NAMES[dep] ?? dep).toLowerCase()} `));
  expect(line, dep).toBeDefined();
  const spelled: Record<string, string> = {
    MIT: 'MIT License',
    'Apache-2.0': 'Apache License 2.0',
    'MPL-2.0': 'Mozilla Public License 2.0',
  };
  for (const id of licence.replace(/[()]/g, '').split(' OR ')) expect(line, dep).toContain(spelled[id] ?? id);
});
