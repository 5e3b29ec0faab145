import { Typography } from 'antd';
import type { DiffPart } from '../../api/library.ts';

/** A word diff: insertions green and underlined, deletions red and struck through — as React text. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
      {parts.map((p, i) => {
        const value = Array.isArray(p.value) ? p.value.join('、') : p.value;
        if (p.added)
          return (
            <ins key={i} style={{ background: '#d9f7be', textDecoration: 'underline' }}>
              {value}
            </ins>
          );
        if (p.removed)
          return (
            <del key={i} style={{ background: '#ffccc7' }}>
              {value}
            </del>
          );
        return <span key={i}>{value}</span>;
      })}
    </Typography.Paragraph>
  );
}
