/**
 * Serves the built dashboard (`web/dist`), or, when it has not been built, a
 * page that says how to build it instead of a bare 404.
 *
 * The page is a static build: it contains no configuration and no keys; it
 * learns everything it shows from the socket.io hello and the REST API.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';

const NOT_BUILT = `<!doctype html>
<meta charset="utf-8">
<title>miroscope: dashboard not built</title>
<h1>The dashboard has not been built</h1>
<p>The server is running (see <a href="/api/health">/api/health</a>), but <code>web/dist</code> is missing
(<code>miroscope serve</code> builds it on start unless given <code>--no-build</code>; a failed build is in its log).
Build the dashboard by hand with</p>
<pre>npx vite build web</pre>
<p>and reload this page.</p>`;

export function webPage(distFolder: string): Router {
  const router = express.Router();
  const index = path.join(distFolder, 'index.html');
  router.use(express.static(distFolder, { index: false, fallthrough: true }));
  // Client-side routes (anything that is not an API call or a file) get the app's index.
  router.get(/^(?!\/api\/|\/socket\.io\/).*/, (_req: Request, res: Response) => {
    if (existsSync(index)) {
      res.sendFile(index);
    } else {
      res.status(503).type('html').send(NOT_BUILT);
    }
  });
  return router;
}
