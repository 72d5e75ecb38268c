// First-load size of the portal build: index.html and every file it references (scripts,
// module preloads, style sheets), raw and gzip-compressed (level 9, as a static server would).
//   node apps/portal/scripts/bundle-size.mjs [dist/apps/portal]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist/apps/portal';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const files = ['index.html', ...[...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1])];
let raw = 0;
let gzip = 0;
for (const f of files) {
  const body = readFileSync(join(dir, f));
  const z = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gzip += z;
  console.log(`${f.padEnd(48)} ${(body.length / 1024).toFixed(1).padStart(8)} kB ${(z / 1024).toFixed(1).padStart(8)} kB gzip`);
}
console.log(`${'first load'.padEnd(48)} ${(raw / 1024).toFixed(1).padStart(8)} kB ${(gzip / 1024).toFixed(1).padStart(8)} kB gzip`);
