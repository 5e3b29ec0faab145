import DOMPurify from 'dompurify';
import { useMemo } from 'react';

/**
 * Rich text from the library. The server already sanitises bodies (library.sanitise.ts); DOMPurify runs again
 * here so that a bug there, or an unsanitised preview in the editor, can never put script into the page.
 */
export function SafeHtml({ html, testId }: { html: string; testId?: string }) {
  const clean = useMemo(() => DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'] }), [html]);
  return (
    <div
      className="library-body"
      data-testid={testId}
      style={{ lineHeight: 1.8, fontSize: 15 }}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
