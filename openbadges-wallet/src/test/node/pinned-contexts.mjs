// The offline JSON-LD document loader both Node scripts share: a URL is answered only from the
// repository's pinned copies (openbadges-model's standards folder, laid out host/path), else refused.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const pinnedContexts = (standards) => async (url) => {
  const u = new URL(url);
  const base = join(standards, u.host, u.pathname);
  for (const file of [base, `${base}.jsonld`, `${base}.json`]) {
    if (existsSync(file) && !file.endsWith('/')) {
      return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(file, 'utf8')) };
    }
  }
  throw new Error(`offline: ${url} is not pinned`);
};
