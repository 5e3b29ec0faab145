import type { TextSegment } from '../../../shared/api/search.ts';

/**
 * Search highlights as React text: each segment is a text node, matches wrapped in <mark>. The server sends
 * segments, not HTML, so nothing here is ever parsed as markup.
 */
export function Highlighted({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} style={{ background: '#ffe58f', padding: 0 }}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
