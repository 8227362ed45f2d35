/**
 * What the public pages outside Teams share (`/join`, `/how-was-it`, `/consent`): one look, plain HTML that works on a phone,
 * a screen reader and a slow connection (WCAG 2.2 AA: visible focus, 44 px targets, an error summary linked to
 * each field, colours with at least 4.5:1 contrast).
 */
export const PUBLIC_PAGE_STYLE = `*{box-sizing:border-box}
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c;background:#fff}
header{background:#005eb8;color:#fff;padding:.75rem 1rem}
header p{margin:0;font-weight:bold}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:2rem;line-height:1.2;margin:1rem 0}
h2{font-size:1.5rem;margin:2rem 0 .5rem}
a{color:#005eb8}
a:focus,input:focus,textarea:focus,button:focus,summary:focus{outline:3px solid #ffeb3b;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
.field{margin:1.5rem 0}
label,legend{display:block;font-weight:bold;margin-bottom:.25rem}
fieldset{border:0;padding:0;margin:1.5rem 0}
.hint{color:#4c6272;margin:0 0 .5rem;font-weight:normal}
input[type=text],input[type=email],input[type=tel],textarea{width:100%;font:inherit;padding:.5rem;border:2px solid #4c6272;border-radius:0;min-height:2.75rem}
textarea{min-height:6rem}
.choice{display:flex;align-items:center;gap:.5rem;margin:.5rem 0;min-height:2.75rem}
.choice input{width:1.75rem;height:1.75rem;margin:0;flex:none}
.choice label{font-weight:normal;margin:0}
.error-message{color:#b10e1e;font-weight:bold;margin:0 0 .25rem}
.has-error input[type=text],.has-error input[type=email],.has-error input[type=tel],.has-error textarea{border-color:#b10e1e}
.has-error{border-left:4px solid #b10e1e;padding-left:.75rem}
.error-summary{border:4px solid #b10e1e;padding:1rem;margin:1rem 0}
.error-summary h2{margin-top:0}
button{font:inherit;font-weight:bold;background:#007f3b;color:#fff;border:0;padding:.75rem 1.25rem;min-height:2.75rem;box-shadow:0 4px 0 #00401e;cursor:pointer}
.panel{background:#007f3b;color:#fff;padding:1.5rem;margin:1.5rem 0}
.panel h2{margin-top:0}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
details{margin:1rem 0}
summary{color:#005eb8;text-decoration:underline;cursor:pointer}
`;

/** A whole page in that look: a title, the team's header, and the main content (already HTML). */
export function publicPage(options: {
  readonly title: string;
  readonly main: string;
  /** Its scripts' addresses (api/public-scripts.ts): modules, run once the page is read, never inline. */
  readonly scripts?: readonly string[];
  /** Stylesheets from this server (a widget's own). */
  readonly stylesheets?: readonly string[];
}): string {
  const stylesheets = (options.stylesheets ?? [])
    .map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`)
    .join('\n');
  const scripts = (options.scripts ?? [])
    .map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${PUBLIC_PAGE_STYLE}</style>
${stylesheets}
${scripts}
</head>
<body>
<header><p>Involvement, Experience and Volunteering team</p></header>
<main id="main">
${options.main}
</main>
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}
