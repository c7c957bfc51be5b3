import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../../scripts/build-dashboard.js';
import { type ServedSample, serveSampleFromServices } from './serve-sample.js';

/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core, against
 * `serve` on Redis and FerretDB after a submitted run of the sample, with keys required. What
 * it shows is compared with the API's own answers.
 */
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

let served: ServedSample;
let browser: Browser;
let page: Page;
/** Console errors, uncaught exceptions and failed requests of the page (a CSP violation is one). */
const problems: string[] = [];

interface Row {
  id: string;
  name: string;
  volume: number;
}

const api = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${served.url}/api/v1${path}`, { headers: { authorization: `Bearer ${served.key}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

/** The rows of the top themes table as the page shows them. */
const shownRows = (p: Page) =>
  p.$$eval('[data-testid=top-themes] tbody tr', (trs) =>
    trs.map((tr) => ({ id: tr.getAttribute('data-theme'), name: tr.querySelector('th a')?.textContent, volume: tr.children[3]?.textContent })),
  );

beforeAll(async () => {
  // The bundle of the sources under test (npm run build makes the same).
  await buildDashboard();
  served = await serveSampleFromServices();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => void problems.push(e.message));
  page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
}, 180_000);

/** A page of its own that has the key already (in its tab's sessionStorage, as the key form puts it). */
async function keyedPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((key) => sessionStorage.setItem('frictionlens.key', key), served.key);
  const opened = await context.newPage();
  opened.on('close', () => void context.close());
  return opened;
}

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('the dashboard at /', () => {
  it("shows the API's top themes, a facet filter changes them and the URL, a theme's page opens with quotes", async () => {
    // No key yet: the dashboard asks for one, in a form, and reads with it once given.
    await page.goto(`${served.url}/`);
    await page.getByLabel(/^Key/).fill(served.key);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await page.waitForSelector('[data-testid=top-themes] tbody tr');
    // The 401s answered before the key was given are expected; anything after is a problem.
    problems.length = 0;
    const all = await api<{ themes: Row[] }>('/themes/top');
    const expected = (rows: Row[]) => rows.map((r) => ({ id: r.id, name: r.name, volume: r.volume.toLocaleString('en-US') }));
    expect(await shownRows(page)).toEqual(expected(all.themes));
    expect(await page.locator('[data-testid=key-drivers] tbody tr').count()).toBeGreaterThan(0);

    // The facet filter: a labelled select, applied with the form's button.
    await page.getByLabel('Facet').selectOption('channel=chat');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/[?&]channel=chat(&|$)/);
    await page.waitForSelector('[data-testid=top-themes] caption:has-text("channel=chat")');
    const chat = await api<{ themes: Row[] }>('/themes/top?channel=chat');
    expect(await shownRows(page)).toEqual(expected(chat.themes));
    expect(chat.themes.map((t) => [t.id, t.volume])).not.toEqual(all.themes.map((t) => [t.id, t.volume]));

    // A theme's page, opened from the keyboard, with the quotes of the API and the analyses behind them.
    const first = chat.themes[0]!;
    await page.getByRole('link', { name: first.name, exact: true }).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('theme') === first.id && url.searchParams.get('channel') === 'chat');
    await page.waitForSelector('[data-testid=quotes] li');
    const detail = await api<{ quotes: Array<{ text: string }>; cooccurring: Array<{ id: string }> }>(`/themes/${first.id}?channel=chat`);
    expect(await page.locator('[data-testid=quotes] blockquote').allTextContents()).toEqual(detail.quotes.map((q) => q.text));
    expect(detail.cooccurring.length).toBeGreaterThan(0);
    expect(await page.$$eval('[data-testid=cooccurring] li', (lis) => lis.map((li) => li.getAttribute('data-theme')))).toEqual(
      detail.cooccurring.map((c) => c.id),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('theme-title');
    const analysis = page.locator('[data-testid=analyses] article').first();
    await analysis.waitFor();
    expect(await analysis.locator('mark').count()).toBeGreaterThan(0);
    expect(await analysis.locator('.sentence .tone').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=trend-chart] canvas').count()).toBe(1);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-theme.png'), fullPage: true });

    // Back to the table, still filtered by chat: the state is in the URL.
    await page.goBack();
    await page.waitForSelector('[data-testid=top-themes] caption:has-text("channel=chat")');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-top.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('narrows the table to a window: the URL and the rows follow the From and To fields', async () => {
    const window = await keyedPage({ width: 1280, height: 900 });
    try {
      await window.goto(`${served.url}/`);
      await window.waitForSelector('[data-testid=top-themes] tbody tr');
      await window.getByLabel('From', { exact: true }).fill('2026-06-01');
      await window.getByLabel('To', { exact: true }).fill('2026-06-30');
      await window.getByRole('button', { name: 'Apply' }).click();
      await window.waitForURL((url) => url.searchParams.get('from') === '2026-06-01' && url.searchParams.get('to') === '2026-06-30');
      const june = await api<{ window: { from: string; to: string }; themes: Row[] }>('/themes/top?from=2026-06-01&to=2026-06-30');
      await window.waitForSelector(`[data-testid=top-themes] caption:has-text("buckets ${june.window.from} to ${june.window.to}")`);
      expect((await shownRows(window)).map((r) => [r.id, r.volume])).toEqual(june.themes.map((t) => [t.id, t.volume.toLocaleString('en-US')]));
    } finally {
      await window.close();
    }
  });

  it('opens a shared link as it was, and reads at phone width without sideways scrolling of the page', async () => {
    const phone = await keyedPage({ width: 390, height: 844 });
    try {
      await phone.goto(`${served.url}/?channel=chat&sort=volume`);
      await phone.waitForSelector('[data-testid=top-themes] tbody tr');
      const byVolume = await api<{ themes: Row[] }>('/themes/top?channel=chat&sort=volume');
      expect((await shownRows(phone)).map((r) => r.id)).toEqual(byVolume.themes.map((t) => t.id));
      expect(await phone.getByLabel('Sort by').inputValue()).toBe('volume');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await phone.screenshot({ path: join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('lists the runs with their status and counts, as the API does', async () => {
    const runs = await keyedPage({ width: 1280, height: 900 });
    try {
      await runs.goto(`${served.url}/`);
      await runs.getByRole('link', { name: 'Runs', exact: true }).click();
      await runs.waitForURL((url) => url.searchParams.get('view') === 'runs');
      await runs.waitForSelector('[data-testid=runs] tbody tr');
      const listed = await api<{ runs: Array<{ id: string; status: string; counts: { analyzed: number } }> }>('/runs');
      const shown = await runs.$$eval('[data-testid=runs] tbody tr', (trs) =>
        trs.map((tr) => ({ id: tr.getAttribute('data-run'), status: tr.getAttribute('data-status'), analysed: tr.children[5]?.textContent })),
      );
      expect(shown).toEqual(listed.runs.map((r) => ({ id: r.id, status: r.status, analysed: r.counts.analyzed.toLocaleString('en-US') })));
      expect(shown[0]?.status).toBe('done');
    } finally {
      await runs.close();
    }
  });
});
