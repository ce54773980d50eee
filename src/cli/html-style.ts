/** The page's stylesheet, inlined so the page has no external resources. Colours mark kinds. */
export const HTML_STYLE = `
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{padding:1rem 2rem;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:1.3rem;margin:0 0 .3rem}
h2{font-size:1.05rem;margin:1.2rem 0 .5rem}
.meta,.legend{margin:.2rem 0;font-size:.9rem;color:#555}
.legend span{margin-right:.4rem;padding:0 .2rem}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:2rem;padding:1rem 2rem}
@media (max-width:900px){main{grid-template-columns:1fr}}
article{white-space:pre-wrap;background:#fff;padding:1rem 1.3rem;border:1px solid #ddd;border-radius:6px}
/* Quotes tint the background; mentions are a highlighter stroke over the lower half, so a mention
   inside a quote shows both. */
.q-direct{background:#fce7f3}.q-indirect{background:#ede9fe}
.m-PER{box-shadow:inset 0 -.55em 0 #93c5fd}.m-LOC{box-shadow:inset 0 -.55em 0 #86efac}.m-ORG{box-shadow:inset 0 -.55em 0 #fcd34d}
.m-role{border-bottom:1px dotted #555}.m-pronoun{border-bottom:1px dashed #999}
.cue{font-weight:600;text-decoration:underline;text-decoration-color:#dc2626}
.spk{outline:1px solid #2563eb;border-radius:2px}
.bp,.bp *{color:#9ca3af;background:none;box-shadow:none}
article .bp{background:#f3f4f6}
a:target+span,:target{outline:2px solid #f59e0b}
ul.speakers,ul.speakers ul{list-style:none;padding-left:0}
ul.speakers ul{padding-left:1rem;margin:.3rem 0 .8rem}
li.quote{margin:.3rem 0}
li.quote a{color:inherit;text-decoration:none}
li.quote-direct a{border-left:3px solid #db2777;padding-left:.4rem;display:inline-block}
li.quote-indirect a{border-left:3px solid #7c3aed;padding-left:.4rem;display:inline-block}
.tag{font-size:.75rem;color:#666;background:#eee;border-radius:3px;padding:0 .3rem}
.roles{font-size:.85rem;color:#555}
table{border-collapse:collapse;font-size:.9rem;width:100%}
td,th{border-bottom:1px solid #e5e7eb;padding:.2rem .4rem;text-align:left}
.none{color:#888}
`;
