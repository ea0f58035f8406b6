// Findings speak Markdown (their code spans are what the hover renders); the Problems panel, the command's
// reports, SARIF's text and GitHub's annotations show plain text, where backticks are noise. There a code span
// stays readable in quotes, as compilers quote names: `apt-get install` → 'apt-get install'.

/** A message's Markdown code spans as quoted plain text (CommonMark's spans: a run of backticks to the same run). */
export function plainText(markdown: string): string {
  if (!markdown.includes('`')) return markdown;
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    if (markdown[i] !== '`') { out += markdown[i++]; continue; }
    let run = 1;
    while (markdown[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = markdown.indexOf(fence, i + run);
    // The closing run must be exactly as long: a longer run does not close it.
    while (close >= 0 && markdown[close + run] === '`') {
      let end = close;
      while (markdown[end] === '`') end++;
      close = markdown.indexOf(fence, end);
    }
    if (close < 0) { out += fence; i += run; continue; }
    let code = markdown.slice(i + run, close).replace(/\n/g, ' ');
    if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
    out += code.includes("'") ? `"${code}"` : `'${code}'`;
    i = close + run;
  }
  return out;
}
