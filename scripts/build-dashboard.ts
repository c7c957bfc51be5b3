import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { dashboardDir } from '../src/serve/dashboard.js';

const root = join(import.meta.dirname, '..');
const source = join(root, 'src', 'dashboard');
/** Files sent as they are. */
const STATIC = ['index.html', 'favicon.svg'];

/**
 * Bundles the dashboard (src/dashboard/, browser code) into dist/dashboard/: app.js (the app
 * and uPlot, minified), app.css, index.html and favicon.svg, the files `serve` sends from '/'. Run by
 * `npm run build` (so by `prepare` on `npm ci`) and by the browser test before it starts.
 */
export async function buildDashboard(out: string = dashboardDir()): Promise<Record<string, number>> {
  await mkdir(out, { recursive: true });
  const result = await build({
    entryPoints: [
      { in: join(source, 'main.ts'), out: 'app' },
      // The styles, uPlot's included through an @import, bundled into one file.
      { in: join(source, 'style.css'), out: 'app' },
    ],
    outdir: out,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
  });
  // The bundle holds our browser code and uPlot only: a value import of contracts/ (zod) or of
  // a Node package would slip in unnoticed by the type checker.
  const foreign = Object.keys(result.metafile.inputs).filter((path) => path.includes('node_modules/') && !path.includes('node_modules/uplot/'));
  if (foreign.length > 0) throw new Error(`the dashboard bundle must hold only src/dashboard, pure src/core and uPlot; it holds ${foreign.join(', ')}`);
  for (const file of STATIC) await copyFile(join(source, file), join(out, file));
  const sizes: Record<string, number> = {};
  for (const file of [...STATIC, 'app.js', 'app.css']) sizes[file] = (await stat(join(out, file))).size;
  return sizes;
}

if (process.argv[1] === import.meta.filename) {
  const sizes = await buildDashboard();
  process.stdout.write(
    `dashboard: ${Object.entries(sizes)
      .map(([f, n]) => `${f} ${(n / 1024).toFixed(1)} kB`)
      .join(', ')}\n`,
  );
}
