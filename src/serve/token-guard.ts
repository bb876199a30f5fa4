// The --token check: a bearer header, the cookie a first visit sets, or `?token=` on that first visit.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

const COOKIE = 'hfleet_token';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A middleware refusing (401) any request without the token; `?token=` sets a cookie and drops it from the URL. */
export function tokenGuard(token: string): MiddlewareHandler {
  const expected = digest(token);
  const same = (given: string | undefined) => given !== undefined && timingSafeEqual(digest(given), expected);
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (same(bearer) || same(getCookie(c, COOKIE))) return next();
    const query = c.req.query('token');
    if (same(query)) {
      setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      const url = new URL(c.req.url);
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    return c.text(
      header || query || getCookie(c, COOKIE) ? 'wrong token\n' : 'this server needs a token\n',
      401,
    );
  };
}
