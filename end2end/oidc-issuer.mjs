#!/usr/bin/env node
// A small OpenID Connect issuer for the browser tests: authorization code flow with PKCE
// (S256), one confidential client, RS256 ID tokens from a key pair made at start. The
// "sign-in" page asks for an email, whether it is verified, and a name — whatever is typed
// is who signs in. For tests on this machine only: it keeps everything in memory.
//
// Usage: node oidc-issuer.mjs <port>     (issuer: http://127.0.0.1:<port>)
// OIDC_ISSUER_VERBOSE=1 logs every request to stderr (otherwise only refused ones).
// Node built-ins only.

import { createServer } from 'node:http';
import { createHash, generateKeyPairSync, randomBytes, sign, timingSafeEqual } from 'node:crypto';
import { URL, URLSearchParams } from 'node:url';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: node oidc-issuer.mjs <port>');
  process.exit(2);
}

const ISSUER = `http://127.0.0.1:${port}`;
const CLIENT = { id: 'v2mom-e2e', secret: 'e2e-secret' };
const KID = 'e2e-1';
const CODE_TTL_SECS = 60;
const TOKEN_TTL_SECS = 300;
const MAX_BODY = 64 * 1024;
const VERBOSE = process.env.OIDC_ISSUER_VERBOSE === '1';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const JWKS = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }] };

const DISCOVERY = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/authorize`,
  token_endpoint: `${ISSUER}/token`,
  jwks_uri: `${ISSUER}/jwks`,
  userinfo_endpoint: `${ISSUER}/userinfo`,
  response_types_supported: ['code'],
  response_modes_supported: ['query'],
  grant_types_supported: ['authorization_code'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256'],
  scopes_supported: ['openid', 'email', 'profile'],
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  code_challenge_methods_supported: ['S256'],
  claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'nonce', 'at_hash', 'email', 'email_verified', 'name'],
};

/** code → what it was issued for; single use, dropped on first presentation. */
const codes = new Map();
/** access token → the person's claims, for /userinfo. */
const accessTokens = new Map();

const now = () => Math.floor(Date.now() / 1000);
const b64url = (buf) => Buffer.from(buf).toString('base64url');
const sha256 = (text) => createHash('sha256').update(text).digest();
const randomToken = () => b64url(randomBytes(32));
const subjectOf = (email) => 'e2e-' + createHash('sha256').update(email).digest('hex').slice(0, 20);

function sameText(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

function signJwt(claims) {
  const header = { alg: 'RS256', typ: 'JWT', kid: KID };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), privateKey))}`;
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// ---------------------------------------------------------------------------------------
// Responses

const SECURITY_HEADERS = {
  // No scripts, no styles, nothing loaded. No form-action: the form's answer redirects to
  // the client, and form-action would apply to that redirect.
  'content-security-policy': "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  pragma: 'no-cache',
};

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...headers });
  res.end(body);
}

const sendJson = (res, status, value, headers) =>
  send(res, status, 'application/json', JSON.stringify(value), headers);

const oauthError = (res, status, error, description, headers) =>
  sendJson(res, status, { error, error_description: description }, headers);

function redirect(res, location) {
  res.writeHead(302, { ...SECURITY_HEADERS, location });
  res.end();
}

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function errorPage(res, status, message) {
  send(
    res,
    status,
    'text/html; charset=utf-8',
    page('Test Issuer: error', `<h1>Test Issuer: the request cannot be served</h1>\n<p role="alert">${escapeHtml(message)}</p>`),
  );
}

// ---------------------------------------------------------------------------------------
// The authorization request

const AUTH_PARAMS = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method'];

/** `http://127.0.0.1:<port>/auth/sso/<slug>/callback` (or localhost), nothing more. */
function isAllowedRedirectUri(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' &&
    (url.hostname === '127.0.0.1' || url.hostname === 'localhost') &&
    !url.username &&
    !url.password &&
    !url.search &&
    !url.hash &&
    /^\/auth\/sso\/[a-z0-9-]+\/callback$/.test(url.pathname) &&
    url.href === raw
  );
}

/**
 * Checks the parameters of an authorization request (from the query, or the form's hidden
 * fields). Returns { error } when the browser must not be sent back (bad client or redirect
 * URI: shown on a page here), or { params } ready to use.
 */
function checkAuthRequest(source) {
  const params = Object.fromEntries(AUTH_PARAMS.map((k) => [k, source.get(k) ?? '']));
  if (!params.client_id) return { error: 'client_id is missing.' };
  if (params.client_id !== CLIENT.id) return { error: `Unknown client_id ${JSON.stringify(params.client_id)}.` };
  if (!params.redirect_uri) return { error: 'redirect_uri is missing.' };
  if (!isAllowedRedirectUri(params.redirect_uri)) {
    return { error: `redirect_uri ${JSON.stringify(params.redirect_uri)} is not registered for this client.` };
  }
  // The redirect URI is good from here on, but this issuer stays strict and still answers
  // with a page: every request the app under test makes must be complete.
  if (params.response_type !== 'code') return { error: 'response_type must be "code".' };
  if (!params.scope.split(' ').includes('openid')) return { error: 'scope must include "openid".' };
  if (!params.state) return { error: 'state is missing.' };
  if (!params.nonce) return { error: 'nonce is missing.' };
  if (!params.code_challenge) return { error: 'code_challenge is missing (PKCE is required).' };
  if (params.code_challenge_method !== 'S256') return { error: 'code_challenge_method must be "S256".' };
  if (!/^[A-Za-z0-9_-]{43,128}$/.test(params.code_challenge)) return { error: 'code_challenge is malformed.' };
  return { params };
}

function signInPage(params, { email = '', emailVerified = true, name = '', problem = '' } = {}) {
  const hidden = AUTH_PARAMS.map(
    (k) => `<input type="hidden" name="${k}" value="${escapeHtml(params[k])}">`,
  ).join('\n');
  return page(
    'Sign in to Test Issuer',
    `<h1>Sign in to Test Issuer</h1>
<p>This is the end-to-end tests' identity provider. Whoever you say you are, you are.</p>
${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/authorize">
${hidden}
<p><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="off" required value="${escapeHtml(email)}"></p>
<p><input id="email_verified" name="email_verified" type="checkbox" value="true"${emailVerified ? ' checked' : ''}>
<label for="email_verified">Email verified</label></p>
<p><label for="name">Name</label>
<input id="name" name="name" type="text" autocomplete="off" value="${escapeHtml(name)}"></p>
<p><button type="submit" name="action" value="continue">Continue</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button></p>
</form>`,
  );
}

function backTo(redirectUri, answer) {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(answer)) url.searchParams.set(k, v);
  return url.href;
}

function getAuthorize(req, res, url) {
  const checked = checkAuthRequest(url.searchParams);
  if (checked.error) return errorPage(res, 400, checked.error);
  send(res, 200, 'text/html; charset=utf-8', signInPage(checked.params));
}

function postAuthorize(req, res, form) {
  const checked = checkAuthRequest(form);
  if (checked.error) return errorPage(res, 400, checked.error);
  const { params } = checked;
  const action = form.get('action');
  if (action === 'cancel') {
    return redirect(
      res,
      backTo(params.redirect_uri, {
        error: 'access_denied',
        error_description: 'The person cancelled the sign-in.',
        state: params.state,
      }),
    );
  }
  if (action !== 'continue') return errorPage(res, 400, 'Choose Continue or Cancel.');
  const email = (form.get('email') ?? '').trim();
  const emailVerified = form.get('email_verified') === 'true';
  const name = (form.get('name') ?? '').trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    const html = signInPage(params, { email, emailVerified, name, problem: 'Enter an email address.' });
    return send(res, 400, 'text/html; charset=utf-8', html);
  }
  const code = randomToken();
  codes.set(code, {
    clientId: params.client_id,
    redirectUri: params.redirect_uri,
    codeChallenge: params.code_challenge,
    nonce: params.nonce,
    scope: params.scope,
    email,
    emailVerified,
    name,
    expiresAt: now() + CODE_TTL_SECS,
  });
  redirect(res, backTo(params.redirect_uri, { code, state: params.state }));
}

// ---------------------------------------------------------------------------------------
// The token endpoint

/** The client's credentials from Basic auth (parts form-URL-encoded) or the body. */
function clientCredentials(req, form) {
  const auth = req.headers.authorization ?? '';
  const basic = /^Basic\s+(\S+)$/i.exec(auth);
  if (basic) {
    if (form.has('client_secret')) return { error: 'invalid_request', description: 'Use one client authentication method.' };
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { error: 'invalid_client', description: 'Malformed Basic credentials.' };
    const unescape = (s) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return null;
      }
    };
    const id = unescape(decoded.slice(0, colon));
    const secret = unescape(decoded.slice(colon + 1));
    if (id === null || secret === null) return { error: 'invalid_client', description: 'Malformed Basic credentials.' };
    if (form.has('client_id') && form.get('client_id') !== id) {
      return { error: 'invalid_request', description: 'client_id differs from the authenticated client.' };
    }
    return { id, secret, method: 'client_secret_basic' };
  }
  if (form.has('client_secret')) {
    return { id: form.get('client_id') ?? '', secret: form.get('client_secret'), method: 'client_secret_post' };
  }
  return { error: 'invalid_client', description: 'Client authentication is required.' };
}

function postToken(req, res, form) {
  const creds = clientCredentials(req, form);
  const challenge = { 'www-authenticate': 'Basic realm="Test Issuer"' };
  if (creds.error === 'invalid_request') return oauthError(res, 400, creds.error, creds.description);
  if (creds.error) return oauthError(res, 401, creds.error, creds.description, challenge);
  if (!sameText(creds.id, CLIENT.id) || !sameText(creds.secret, CLIENT.secret)) {
    return oauthError(res, 401, 'invalid_client', 'Unknown client or wrong secret.', challenge);
  }
  const grantType = form.get('grant_type');
  if (grantType !== 'authorization_code') {
    return oauthError(res, 400, 'unsupported_grant_type', 'Only authorization_code is supported.');
  }
  const code = form.get('code') ?? '';
  const grant = codes.get(code);
  // Single use: gone at first presentation, whatever comes next.
  codes.delete(code);
  if (!grant) return oauthError(res, 400, 'invalid_grant', 'Unknown or already used code.');
  if (grant.expiresAt <= now()) return oauthError(res, 400, 'invalid_grant', 'The code has expired.');
  if (grant.clientId !== creds.id) return oauthError(res, 400, 'invalid_grant', 'The code was issued to another client.');
  if (form.get('redirect_uri') !== grant.redirectUri) {
    return oauthError(res, 400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
  }
  const verifier = form.get('code_verifier') ?? '';
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) {
    return oauthError(res, 400, 'invalid_grant', 'code_verifier is missing or malformed.');
  }
  if (!sameText(b64url(sha256(verifier)), grant.codeChallenge)) {
    return oauthError(res, 400, 'invalid_grant', 'code_verifier does not match the code_challenge.');
  }

  const issuedAt = now();
  const person = {
    sub: subjectOf(grant.email),
    email: grant.email,
    email_verified: grant.emailVerified,
    ...(grant.name ? { name: grant.name } : {}),
  };
  const accessToken = randomToken();
  accessTokens.set(accessToken, { person, expiresAt: issuedAt + TOKEN_TTL_SECS });
  const idToken = signJwt({
    iss: ISSUER,
    sub: person.sub,
    aud: grant.clientId,
    exp: issuedAt + TOKEN_TTL_SECS,
    iat: issuedAt,
    auth_time: issuedAt,
    nonce: grant.nonce,
    at_hash: b64url(sha256(accessToken).subarray(0, 16)),
    email: person.email,
    email_verified: person.email_verified,
    ...(person.name ? { name: person.name } : {}),
  });
  sendJson(res, 200, {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: TOKEN_TTL_SECS,
    id_token: idToken,
    scope: grant.scope,
  });
}

function userinfo(req, res) {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const found = bearer && accessTokens.get(bearer[1]);
  if (!found || found.expiresAt <= now()) {
    if (found) accessTokens.delete(bearer[1]);
    return oauthError(res, 401, 'invalid_token', 'Missing, unknown or expired access token.', {
      'www-authenticate': 'Bearer error="invalid_token"',
    });
  }
  sendJson(res, 200, found.person);
}

// ---------------------------------------------------------------------------------------
// Routing

function readForm(req) {
  return new Promise((resolve, reject) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      req.resume();
      return reject(Object.assign(new Error('expected application/x-www-form-urlencoded'), { status: 415 }));
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

const routes = {
  'GET /healthz': (req, res) => send(res, 200, 'text/plain; charset=utf-8', 'ok\n'),
  'GET /.well-known/openid-configuration': (req, res) => sendJson(res, 200, DISCOVERY),
  'GET /jwks': (req, res) => sendJson(res, 200, JWKS),
  'GET /authorize': getAuthorize,
  'POST /authorize': async (req, res) => postAuthorize(req, res, await readForm(req)),
  'POST /token': async (req, res) => postToken(req, res, await readForm(req)),
  'GET /userinfo': userinfo,
  'POST /userinfo': userinfo,
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', ISSUER);
  // One line per refused request (or every request with OIDC_ISSUER_VERBOSE=1): in the test
  // report, a refusal means the app asked for something wrong. Paths only: queries and bodies
  // carry codes and secrets.
  res.on('finish', () => {
    if (VERBOSE || res.statusCode >= 400) console.error(`oidc-issuer: ${req.method} ${url.pathname} ${res.statusCode}`);
  });
  const route = routes[`${req.method} ${url.pathname}`];
  try {
    if (route) return await route(req, res, url);
    const known = Object.keys(routes).some((r) => r.endsWith(` ${url.pathname}`));
    if (known) return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  } catch (err) {
    if (res.headersSent) return res.destroy();
    const status = err.status ?? 500;
    if (status === 500) console.error('oidc-issuer:', err);
    if (url.pathname === '/token') return oauthError(res, status === 500 ? 500 : 400, 'invalid_request', err.message);
    send(res, status, 'text/plain; charset=utf-8', `${err.message}\n`);
  }
});

server.listen(port, '127.0.0.1', () => console.error(`oidc-issuer: listening at ${ISSUER}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 1000).unref();
  });
}
