// Validates MapLibre style files with the official style-spec validator; prints each error and exits 1 on any.
import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';

let failed = false;
for (const file of process.argv.slice(2)) {
  const errors = validateStyleMin(JSON.parse(readFileSync(file, 'utf8')));
  for (const e of errors) {
    console.log(`${file}: ${e.message}`);
    failed = true;
  }
  if (errors.length === 0) console.log(`${file}: valid`);
}
process.exit(failed ? 1 : 0);
