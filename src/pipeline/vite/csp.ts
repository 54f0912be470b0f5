import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy, delivered as a <meta> in the built index.html (dev keeps
 * Vite's inline client script, so this applies to builds only). No inline script anywhere,
 * no eval; styles only from our stylesheet. Hosts that can send headers should send the same
 * policy as a `Content-Security-Policy` header and may add `frame-ancestors 'none'`, which a
 * <meta> cannot carry (see README).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Essays may show images from the web; never data: or other schemes.
  "img-src 'self' https:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after the charset, before any script the policy must govern.
      handler: (html) => {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`;
        if (!/<meta charset="UTF-8" \/>/i.test(html))
          throw new Error(
            'index.html must declare <meta charset="UTF-8" /> for the CSP to follow it',
          );
        return html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    ${meta}`);
      },
    },
  };
}
