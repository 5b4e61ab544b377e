// Adds UI strings to both catalogues: node scripts/add-messages.mjs FILE.json, where FILE holds
// {"key": {"en": "…$A$…", "ko": "…", "args": ["a"]}}. Placeholders $A$, $B$ map to $1, $2.
import { readFileSync, writeFileSync } from 'node:fs';

const add = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const lang of ['en', 'ko']) {
  const file = `public/_locales/${lang}/messages.json`;
  const catalogue = JSON.parse(readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(add)) {
    const entry = { message: value[lang] };
    if (value.args?.length) entry.placeholders = Object.fromEntries(value.args.map((a, i) => [a, { content: `$${i + 1}` }]));
    catalogue[key] = entry;
  }
  writeFileSync(file, `${JSON.stringify(catalogue, null, 2)}\n`);
}
