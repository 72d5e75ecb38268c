/**
 * What the portal's end-to-end specs share: the realm's portal client taught the run's origin, a
 * Keycloak account for a demo person the dev realm lacks, a real sign-in on Keycloak's page, and the
 * check of a main page (axe, screenshots at desktop and 360 px, nothing wider than a phone, no
 * clipped button label).
 */
import { getAdminToken, KEYCLOAK_URL } from '@capaian/shared/testing';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

// Code inside page.evaluate runs in the browser; this project's types are Node's.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type Finding = { id: string; impact: string; nodes: string[] };
export type PageFindings = { page: string; violations: Finding[] };

/** The portal client of the dev realm knows :3000 only: the run adds its own origin, and removes it after. */
export async function allowPortalOrigin(origin: string): Promise<() => Promise<void>> {
  const admin = await getAdminToken();
  const base = `${KEYCLOAK_URL}/admin/realms/capaian/clients`;
  const h = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const [client] = (await (await fetch(`${base}?clientId=capaian-portal`, { headers: h })).json()) as { id: string; redirectUris: string[]; attributes: Record<string, string> }[];
  const add = `${origin}/*`;
  if (client.redirectUris.includes(add)) return async () => undefined;
  const logout = client.attributes['post.logout.redirect.uris'] ?? '';
  const put = (redirectUris: string[], logoutUris: string) =>
    fetch(`${base}/${client.id}`, { method: 'PUT', headers: h, body: JSON.stringify({ ...client, redirectUris, attributes: { ...client.attributes, 'post.logout.redirect.uris': logoutUris } }) });
  const r = await put([...client.redirectUris, add], logout ? `${logout}##${add}` : add);
  if (!r.ok) throw new Error(`Keycloak refused the redirect URI: ${r.status}`);
  return async () => {
    const token = await getAdminToken();
    const [now] = (await (await fetch(`${base}?clientId=capaian-portal`, { headers: { authorization: `Bearer ${token}` } })).json()) as typeof client[];
    await fetch(`${base}/${now.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...now,
        redirectUris: now.redirectUris.filter((u) => u !== add),
        attributes: { ...now.attributes, 'post.logout.redirect.uris': (now.attributes['post.logout.redirect.uris'] ?? '').split('##').filter((u) => u && u !== add).join('##') },
      }),
    });
  };
}

/**
 * A Keycloak account of the dev realm for a demo person it has none for (password `capaian-demo`,
 * role pegawai, `nip` attribute). Kept after the run: two runs at once (a developer's and npm
 * test's) share the account, and one run's clean-up must not sign the other's user out.
 */
export async function demoAccount(nip: string, person: { firstName: string; lastName: string; opd: string }): Promise<void> {
  const base = `${KEYCLOAK_URL}/admin/realms/capaian`;
  const headers = async () => ({ authorization: `Bearer ${await getAdminToken()}`, 'content-type': 'application/json' });
  const find = async () => ((await (await fetch(`${base}/users?username=${nip}&exact=true`, { headers: await headers() })).json()) as { id: string }[])[0];
  let user = await find();
  if (!user) {
    const r = await fetch(`${base}/users`, {
      method: 'POST',
      headers: await headers(),
      body: JSON.stringify({
        username: nip,
        enabled: true,
        firstName: person.firstName,
        lastName: person.lastName,
        email: `${nip}@palembang.go.id`,
        emailVerified: true,
        attributes: { nip: [nip], opd: [person.opd] },
        credentials: [{ type: 'password', value: 'capaian-demo', temporary: false }],
      }),
    });
    // 409: another run created it between our look-up and our create.
    if (!r.ok && r.status !== 409) throw new Error(`Keycloak refused the account: ${r.status} ${await r.text()}`);
    user = await find();
  }
  await fetch(`${base}/users/${user.id}/reset-password`, { method: 'PUT', headers: await headers(), body: JSON.stringify({ type: 'password', value: 'capaian-demo', temporary: false }) });
  const role = await (await fetch(`${base}/roles/pegawai`, { headers: await headers() })).json();
  await fetch(`${base}/users/${user.id}/role-mappings/realm`, { method: 'POST', headers: await headers(), body: JSON.stringify([role]) });
}

/**
 * A real sign-in: the portal sends the browser to Keycloak's page, the user types NIP and password.
 * The new browser context joins `contexts`, so the spec closes it (and may reach its page) later.
 */
export async function signIn(browser: Browser, url: string, contexts: BrowserContext[], nip: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', acceptDownloads: true });
  contexts.push(context);
  // Waits for what the page shows, generous for a loaded machine (the waits are not timing assertions).
  context.setDefaultTimeout(90_000);
  const page = await context.newPage();
  // A screen that waits in vain for a confirmation says only "timeout": the API's refusals go to the
  // test output, so a failed run tells what the service answered and to whom.
  // (One response, same correlation id, was seen reported twice: print it once.)
  let last = '';
  page.on('response', (r) => {
    if (r.status() < 400 || !r.url().includes('/api/')) return;
    void r.text().then((body) => {
      const line = `[portal e2e] ${nip}: ${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()} ${body.slice(0, 400)}\n`;
      if (line !== last) process.stderr.write(line);
      last = line;
    }, () => undefined);
  });
  await page.goto(url + '/');
  await page.waitForURL((u) => u.origin === new URL(KEYCLOAK_URL).origin);
  await page.fill('#username', nip);
  await page.fill('#password', 'capaian-demo');
  await page.click('#kc-login');
  await page.waitForURL((u) => u.origin === url && !u.pathname.startsWith('/auth/'));
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  return page;
}

/**
 * A main page checked with axe, then photographed into `screenshots` at desktop width and at 360 px,
 * where nothing may stick out sideways and no button label may be cut off; findings go to `findings`.
 */
export async function checkPage(page: Page, name: string, screenshots: string, findings: PageFindings[]): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Off any link the last click left the pointer on: the scan sees the page at rest.
  await page.mouse.move(1, 1);
  // From the top, so the fixed header sits at the top of the full-page screenshots.
  await page.evaluate(() => window.scrollTo(0, 0));
  findings.push({ page: name, violations: await axeSerious(page) });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.screenshot({ path: path.join(screenshots, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(200); // layout settles after the resize (a screenshot, not an assertion)
  await page.screenshot({ path: path.join(screenshots, `${name}-360.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const clipped: string[] = await page.evaluate(() =>
    Array.from(document.querySelectorAll('button'))
      .filter((b: any) => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
      .map((b: any) => b.textContent.trim()),
  );
  findings.push({
    page: `${name} (360 px)`,
    violations: [
      ...(overflow > 1 ? [{ id: 'horizontal-scroll', impact: 'serious', nodes: [`${overflow}px`] }] : []),
      ...(clipped.length ? [{ id: 'clipped-button-label', impact: 'serious', nodes: clipped.slice(0, 3) }] : []),
    ],
  });
  await page.setViewportSize(size);
}

/** axe's serious and critical findings on the page as it is now. */
export async function axeSerious(page: Page): Promise<Finding[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as { axe: { run(o?: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run({ resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}
