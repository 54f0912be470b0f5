import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

/**
 * A static host whose folder can be swapped while it runs: a deploy, as a reader's browser
 * sees it. Unknown paths get index.html (as SPA hosts are configured to do).
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export async function startSwitchServer(
  port: number,
  dir: string,
  /** Serve `/essays/x` from `essays/x.html` when there is one, as most static hosts do. */
  { cleanUrls = false } = {},
) {
  let root = path.resolve(dir);
  const isFile = (file: string) => existsSync(file) && !statSync(file).isDirectory();
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, pathname);
    if (cleanUrls && file.startsWith(root) && !isFile(file) && isFile(`${file}.html`))
      file = `${file}.html`;
    if (!file.startsWith(root) || !isFile(file)) file = path.join(root, 'index.html');
    res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader(
      'Cache-Control',
      /\/(assets|data)\//.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    deploy(next: string) {
      root = path.resolve(next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections too: a browser must find the host gone, not lingering.
        server.closeAllConnections();
      }),
  };
}
