// headers-file.mjs — owns reading a Netlify/Cloudflare-style `_headers` file (the one the build
// writes to dist/_headers) and answering "which headers does this path get?", so a test server
// can behave like a static host that applies it.
//
// Format (https://docs.netlify.com/routing/headers/): a line with no leading space is a path
// pattern (`*` matches anything, `:name` one path segment); the indented `Name: value` lines
// under it are its headers; `#` starts a comment. Every matching block applies, in order.

import { readFileSync } from 'node:fs';

/** Parse `_headers` text into [{ pattern: RegExp, headers: {name: value} }]. */
export function parseHeadersFile(text) {
  const rules = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      const source = raw
        .trim()
        .split(/(\*|:[A-Za-z_]\w*)/)
        .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
      continue;
    }
    const colon = raw.indexOf(':');
    if (colon < 0 || !rules.length) throw new Error(`_headers: not a header line: ${JSON.stringify(raw)}`);
    rules[rules.length - 1].headers[raw.slice(0, colon).trim()] = raw.slice(colon + 1).trim();
  }
  return rules;
}

/** Read `file` and return `(pathname) => headers` for it. */
export function headersFromFile(file) {
  const rules = parseHeadersFile(readFileSync(file, 'utf8'));
  return (pathname) => Object.assign({}, ...rules.filter((r) => r.pattern.test(pathname)).map((r) => r.headers));
}
