import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pw from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { escapeHtml, renderHtml } from '../src/cli/format-html.js';
import type { Analysis } from '../src/types.js';
import { ensureBuilt, expectExit, repoRoot, runCli } from './global-setup.js';
import { createHash } from 'node:crypto';
import { HTML_STYLE } from '../src/cli/html-style.js';

/** The browser globals the page checks use (this project compiles without the DOM lib). */
type Win = { getComputedStyle(e: unknown): Record<string, string>; __pwned?: number };

const tmp = mkdtempSync(join(tmpdir(), 'rutext-html-'));
const pageText = readFileSync(join(repoRoot, 'test/data/cli/page.txt'), 'utf8');
const pageAnalysis = JSON.parse(readFileSync(join(repoRoot, 'test/data/cli/page.analysis.json'), 'utf8')) as Analysis;
const unescapeHtml = (s: string): string => s.replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] as string);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('renderHtml', () => {
  const html = renderHtml(pageText, pageAnalysis, 'page <1>.txt');
  const article = /<article id="article">([\s\S]*?)<\/article>/.exec(html)![1];

  test('escapes every piece of text: no markup from the article, names or title gets through', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html).not.toMatch(/<script|<img|<b>|onerror="/i);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('<title>page &lt;1&gt;.txt — rutext</title>');
    expect(html).toContain('Иванов &lt;&quot;Министр&quot;&gt;');
  });

  test('the article is the input text, cut into flat spans (overlaps never nest)', () => {
    expect(unescapeHtml(article.replace(/<[^>]*>/g, ''))).toBe(pageText);
    expect((article.match(/<span/g) ?? []).length).toBe((article.match(/<\/span>/g) ?? []).length);
    expect(article).not.toMatch(/<span[^>]*>[^<]*<span/);
  });

  test('mentions, quotes, cues, speakers and boilerplate carry their kind', () => {
    for (const cls of ['m m-PER m-name', 'q q-direct', 'q-indirect', 'cue', 'spk', 'bp', 'm-ORG', 'm-pronoun']) {
      expect(article).toMatch(new RegExp(`class="[^"]*${cls}`));
    }
    expect(article).toMatch(/<span class="bp" title="boilerplate: list">-\n1🌡/);
  });

  test('every quote is listed once under its speaker, unattributed ones under their name', () => {
    const items = [...html.matchAll(/<li class="quote quote-(\w+)" data-quote-id="(\w+)">/g)].map((m) => [m[2], m[1]]);
    expect(items).toEqual([['q1', 'direct'], ['q2', 'indirect'], ['q3', 'indirect']]);
    expect(html).toContain('&lt;unknown &amp; co&gt;');
    for (const q of pageAnalysis.quotes) expect(html).toContain(`<a id="quote-${q.id}"></a>`);
  });

  test('self-contained: inline CSS only, no scripts, no external references', () => {
    // The one style sheet by its hash: no other style, and no script, base URL or form target.
    const hash = createHash('sha256').update(HTML_STYLE).digest('base64');
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'"`);
    expect(html).toContain(`<style>${HTML_STYLE}</style>`);
    expect(html).not.toMatch(/ style=/);
    const outsideArticle = html.replace(article, '');
    expect(outsideArticle).not.toMatch(/<link|<script|<img|<iframe|src=|url\(|@import|https?:\/\//i);
    expect(article).not.toMatch(/<(?!\/?span[ >]|a id="quote-|\/a>)/);
  });

  test('spans outside the text are ignored, not rendered', () => {
    const bad = { ...pageAnalysis, boilerplate: [{ start: 5, end: 10_000, kind: 'x' }, { start: -1, end: 3, kind: 'y' }] };
    const a2 = /<article id="article">([\s\S]*?)<\/article>/.exec(renderHtml(pageText, bad, 't'))![1];
    expect(a2).not.toContain('boilerplate: x');
    expect(unescapeHtml(a2.replace(/<[^>]*>/g, ''))).toBe(pageText);
  });
});

// The page in a real browser: Debian's chromium, driven by playwright-core. Missing chromium is a
// failure (install it: apt-get install -y chromium), unless RUTEXT_SKIP_BROWSER=1.
const browserDescribe = process.env.RUTEXT_SKIP_BROWSER === '1' ? describe.skip : describe;

browserDescribe('the HTML page in headless chromium', () => {
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    if (!existsSync('/usr/bin/chromium')) {
      throw new Error('/usr/bin/chromium is missing: apt-get install -y chromium (or set RUTEXT_SKIP_BROWSER=1)');
    }
    ensureBuilt();
    profile = mkdtempSync(join(tmpdir(), 'rutext-chromium-'));
    context = await pw.chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Opens a file in a fresh tab; returns the page and what went wrong while loading it. */
  async function open(file: string) {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`); });
    const resp = await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(resp?.ok() ?? true).toBe(true);
    return { page, problems };
  }

  test('the sample article: renders, no console errors, shows every quote the analysis returns (7)', async () => {
    const a = JSON.parse(runCli(['analyze', join(repoRoot, 'fixtures/article.txt')]).stdout) as Analysis;
    const file = join(tmp, 'article.html');
    const r = runCli(['view', join(repoRoot, 'fixtures/article.txt'), '-o', file]);
    expectExit(r, 0);
    const { page, problems } = await open(file);
    expect(await page.title()).toBe(`${join(repoRoot, 'fixtures/article.txt')} — rutext`);
    expect(await page.locator('article').innerText()).toContain('Касым-Жомарт Токаев');
    const listed = await page.locator('#speakers li.quote').evaluateAll((els) => els.map((e) => ({
      id: e.getAttribute('data-quote-id'), text: e.querySelector('a')?.textContent, visible: (e as unknown as { offsetHeight: number }).offsetHeight > 0,
    })));
    expect(listed).toEqual(a.quotes.map((q) => ({ id: q.id, text: `«${q.text}»`, visible: true })));
    expect(await page.locator('article a[id^="quote-"]').count()).toBe(a.quotes.length);
    expect(await page.locator('article .q').count()).toBeGreaterThanOrEqual(a.quotes.length);
    // The boilerplate ("most read" list) is greyed out.
    if (a.boilerplate.length > 0) {
      expect(await page.locator('article .bp').first().evaluate((e) => (globalThis as unknown as Win).getComputedStyle(e).color)).toBe('rgb(156, 163, 175)');
    }
    await page.screenshot({ path: join(tmp, 'article.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(a.quotes.length).toBe(7);
    await page.close();
  }, 120_000);

  test('hostile text stays text: no script runs, kinds get different colours', async () => {
    const file = join(tmp, 'page.html');
    writeFileSync(file, renderHtml(pageText, pageAnalysis, 'page.txt'));
    const { page, problems } = await open(file);
    expect(await page.evaluate(() => (globalThis as unknown as Win).__pwned)).toBeUndefined();
    expect(await page.locator('article').textContent()).toBe(pageText);
    expect(await page.locator('article img, article script, article b').count()).toBe(0);
    const style = (sel: string, prop: 'backgroundColor' | 'boxShadow'): Promise<string> =>
      page.locator(sel).first().evaluate((e, p) => (globalThis as unknown as Win).getComputedStyle(e)[p], prop);
    const quoteBg = await Promise.all(['article .q-direct', 'article .q-indirect'].map((s) => style(s, 'backgroundColor')));
    const mentionMark = await Promise.all(['article .m-PER', 'article .m-ORG'].map((s) => style(s, 'boxShadow')));
    expect(new Set(quoteBg).size).toBe(2);
    expect(new Set(mentionMark).size).toBe(2);
    expect([...quoteBg, ...mentionMark]).not.toContain('rgba(0, 0, 0, 0)');
    expect(mentionMark).not.toContain('none');
    // A mention inside a quote keeps both marks.
    expect(await style('article .q.m-PER', 'boxShadow')).toBe(mentionMark[0]);
    expect(await style('article .q.m-PER', 'backgroundColor')).toBe(quoteBg[1]);
    expect(await page.locator('#speakers li.quote').count()).toBe(3);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
