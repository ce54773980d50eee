import type { Analysis, Quote } from '../types.js';
import { createHash } from 'node:crypto';
import { HTML_STYLE } from './html-style.js';
import { groupQuotesBySpeaker } from './speaker-groups.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values.
 * @example
 * escapeHtml('<b title="x">'); // '&lt;b title=&quot;x&quot;&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

let styleDigest: string | undefined;

/**
 * The page's one style sheet by its hash, for the Content-Security-Policy: no other style, inline
 * or injected, applies (the page has no style attributes), and no script, base URL or form target.
 */
function styleHash(): string {
  return (styleDigest ??= createHash('sha256').update(HTML_STYLE).digest('base64'));
}

/** A highlighted stretch of the article: CSS classes plus what a hover tells. */
interface Mark { start: number; end: number; cls: string; title?: string; anchor?: string }

function marksOf(text: string, a: Analysis): Mark[] {
  const marks: Mark[] = [];
  const ok = (s: { start: number; end: number }): boolean =>
    Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end;
  for (const b of a.boilerplate) if (ok(b)) marks.push({ start: b.start, end: b.end, cls: 'bp', title: `boilerplate: ${b.kind}` });
  for (const q of a.quotes) {
    const who = q.speaker?.name ?? 'speaker unknown';
    q.segments.forEach((s, i) => {
      if (ok(s)) marks.push({ start: s.start, end: s.end, cls: `q q-${q.kind}`, title: `${q.kind} quote ${q.id} — ${who}`, anchor: i === 0 ? `quote-${q.id}` : undefined });
    });
    if (ok(q.cue)) marks.push({ start: q.cue.start, end: q.cue.end, cls: 'cue', title: `cue of ${q.id}: ${q.cue.lemma}` });
    const m = q.speaker?.mention;
    if (m && ok(m)) marks.push({ start: m.start, end: m.end, cls: 'spk', title: `speaker of ${q.id}` });
  }
  for (const e of a.entities) {
    for (const m of e.mentions) {
      if (ok(m)) marks.push({ start: m.start, end: m.end, cls: `m m-${e.type} m-${m.kind}`, title: `${e.type} ${e.name} (${m.kind}: ${m.normal})` });
    }
  }
  return marks;
}

/**
 * The article as HTML: every stretch of text wrapped in a span carrying the classes of all the
 * marks over it. Marks may overlap (a mention inside a quote inside the body), so the text is cut at
 * every mark boundary rather than nested, which can never produce ill-formed markup.
 */
function articleHtml(text: string, a: Analysis): string {
  const marks = marksOf(text, a);
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const byStart = [...marks].sort((x, y) => x.start - y.start);
  let active: Mark[] = [];
  let next = 0;
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    active = active.filter((m) => m.end > from);
    const opened: Mark[] = [];
    while (next < byStart.length && byStart[next].start <= from) {
      if (byStart[next].end > from) {
        active.push(byStart[next]);
        opened.push(byStart[next]);
      }
      next++;
    }
    const piece = escapeHtml(text.slice(from, to));
    if (active.length === 0) {
      out.push(piece);
      continue;
    }
    const cls = [...new Set(active.flatMap((m) => m.cls.split(' ')))].join(' ');
    const title = active.map((m) => m.title).filter(Boolean).join('\n');
    const anchors = opened.map((m) => m.anchor).filter((x): x is string => x !== undefined);
    const ids = anchors.map((id) => `<a id="${escapeHtml(id)}"></a>`).join('');
    out.push(`${ids}<span class="${escapeHtml(cls)}" title="${escapeHtml(title)}">${piece}</span>`);
  }
  return out.join('');
}

function quoteItem(q: Quote): string {
  return `<li class="quote quote-${q.kind}" data-quote-id="${escapeHtml(q.id)}"><a href="#quote-${escapeHtml(q.id)}">«${escapeHtml(q.text)}»</a> <span class="tag">${q.kind}</span></li>`;
}

/**
 * One self-contained HTML page for an analysis: the article with entity mentions, quotes, cues and
 * speakers highlighted by kind, the boilerplate greyed out; the speakers with their quotes; the
 * entities; the themes. Inline CSS only, no scripts, no external resources (a Content-Security-Policy
 * forbids them); all text escaped.
 * @example
 * writeFileSync('article.html', renderHtml(text, analyze(text), 'article.txt'));
 */
export function renderHtml(text: string, a: Analysis, title: string): string {
  const groups = groupQuotesBySpeaker(a);
  const speakers: string[] = [];
  for (const { speaker: s, quotes: qs } of groups.speakers) {
    const roles = s.roles.length > 0 ? ` <span class="roles">${escapeHtml(s.roles.join(', '))}</span>` : '';
    speakers.push(`<li class="speaker"><span class="m m-${s.type}">${escapeHtml(s.name)}</span> <span class="tag">${s.type}</span>${roles}<ul>${qs.map(quoteItem).join('')}</ul></li>`);
  }
  for (const { name: who, quotes: qs } of groups.others) {
    speakers.push(`<li class="speaker speaker-other"><span>${escapeHtml(who)}</span><ul>${qs.map(quoteItem).join('')}</ul></li>`);
  }
  const entities = a.entities.map((e) =>
    `<tr${e.inBody ? '' : ' class="bp"'}><td><span class="m m-${e.type}">${escapeHtml(e.name)}</span></td><td>${e.type}</td><td>${e.mentions.length}</td>` +
    `<td>${escapeHtml(e.roles.join(', '))}</td><td>${e.salience.toFixed(2)}</td></tr>`).join('');
  const themes = a.themes.map((t) => `<li>${escapeHtml(t.phrase)} <span class="tag">${t.score.toFixed(2)} ×${t.count}</span></li>`).join('');
  const none = (what: string): string => `<p class="none">No ${what} found.</p>`;
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash()}'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — rutext</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>
<p class="meta">language ${escapeHtml(a.language.code)}${a.language.isRussian ? '' : ' (not Russian)'} · ${a.quotes.length} quotes · ${a.speakers.length} speakers · ${a.entities.length} entities · ${a.themes.length} themes</p>
<p class="legend"><span class="m m-PER">person</span> <span class="m m-LOC">place</span> <span class="m m-ORG">organisation</span> <span class="q q-direct">direct quote</span> <span class="q q-indirect">indirect quote</span> <span class="cue">cue</span> <span class="spk">speaker</span> <span class="bp">boilerplate</span></p>
</header>
<main>
<article id="article">${articleHtml(text, a)}</article>
<aside>
<section id="speakers"><h2>Speakers and their quotes</h2>${speakers.length > 0 ? `<ul class="speakers">${speakers.join('')}</ul>` : none('quotes')}</section>
<section id="entities"><h2>Entities</h2>${entities ? `<table><thead><tr><th>name</th><th>type</th><th>mentions</th><th>roles</th><th>salience</th></tr></thead><tbody>${entities}</tbody></table>` : none('entities')}</section>
<section id="themes"><h2>Themes</h2>${themes ? `<ol class="themes">${themes}</ol>` : none('themes')}</section>
</aside>
</main>
</body>
</html>
`;
}
