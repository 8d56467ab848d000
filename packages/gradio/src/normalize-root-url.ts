/**
 * The canonical form of a Space root URL: http(s), no credentials, query, fragment or
 * trailing slash. Throws `TypeError` for anything else.
 */
export function normalizeRootUrl(rootUrl: string): string {
  let url: URL;
  try {
    url = new URL(rootUrl);
  } catch {
    throw new TypeError(`Not a valid Space URL: ${JSON.stringify(rootUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`A Space URL must use http or https, got ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError('A Space URL must not contain credentials; pass them as hfToken or headers');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
