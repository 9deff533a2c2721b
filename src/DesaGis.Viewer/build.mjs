// Bundles the viewer into the server's wwwroot/viewer/dist:
//   index.html                         revalidated on every load (the server sends no-cache)
//   assets/viewer-<hash>.js|.css       the app with MapLibre GL JS inside, cached for a year
//   assets/maplibre-gl-worker-<hash>.mjs  MapLibre's tile worker, beside the bundle
// Nothing is loaded from a CDN: the viewer must work on a laptop with no internet.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'DesaGis.Server', 'wwwroot', 'viewer', 'dist');
const assets = join(out, 'assets');

rmSync(out, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });

// MapLibre 6 starts its worker from a URL; a content-hashed name lets the server cache it like the bundle.
const workerSource = join(here, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs');
const workerHash = createHash('sha256').update(readFileSync(workerSource)).digest('hex').slice(0, 10);
const workerName = `maplibre-gl-worker-${workerHash}.mjs`;
copyFileSync(workerSource, join(assets, workerName));

const result = await build({
  entryPoints: { viewer: join(here, 'src', 'main.js') },
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: true,
  sourcemap: true,
  outdir: out,
  entryNames: 'assets/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  metafile: true,
  legalComments: 'linked',
  define: { __MAPLIBRE_WORKER__: JSON.stringify(workerName) },
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((f) => relative(out, f).replaceAll('\\', '/'));
const script = outputs.find((f) => f.endsWith('.js') && basename(f).startsWith('viewer-'));
const style = outputs.find((f) => f.endsWith('.css') && basename(f).startsWith('viewer-'));
if (!script || !style) throw new Error(`esbuild did not write the expected bundle: ${outputs.join(', ')}`);

const page = readFileSync(join(here, 'src', 'index.html'), 'utf8')
  .replace('%STYLE%', `./${style}`)
  .replace('%SCRIPT%', `./${script}`);
writeFileSync(join(out, 'index.html'), page);

console.log(`viewer built into ${relative(process.cwd(), out)}: ${script}, ${style}, assets/${workerName}`);
