import sanitizeHtml from 'sanitize-html';
import { RICH_TEXT_ALLOW_LIST } from '../../../lib/html/rich-text-allow-list.ts';

/**
 * Rich-text bodies are stored sanitised: only structural tags, links and images survive, with no script,
 * style, event handlers or javascript: URLs, so a body can be rendered as HTML by any client.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  ...RICH_TEXT_ALLOW_LIST,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

/**
 * The safe HTML of an author's rich text.
 *
 * @example sanitiseBody('<p onclick="x()">Hi<script>bad()</script></p>') // '<p>Hi</p>'
 */
export function sanitiseBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCK_END = /<\/(p|div|h[1-6]|li|tr|td|th|blockquote|pre|figcaption|table)>|<br\s*\/?>/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/**
 * Plain text of a body for the search index and diffs: tags dropped, blocks separated by new lines.
 *
 * @example plainText('<p>机器人</p><p>编程 &amp; AI</p>') // '机器人\n编程 & AI'
 */
export function plainText(html: string): string {
  const text = sanitizeHtml(
    html.replace(BLOCK_END, (m) => `${m}\n`),
    { allowedTags: [], allowedAttributes: {} },
  );
  return text
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITIES[m])
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
