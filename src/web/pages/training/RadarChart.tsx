/**
 * A small radar chart in plain SVG (no chart library for one picture): one axis per aspect, levels 0–3,
 * a "before" and an "after" polygon.
 */
export function RadarChart({
  axes,
  series,
  size = 320,
}: {
  axes: string[];
  series: { label: string; colour: string; values: (number | null)[] }[];
  size?: number;
}) {
  // Extra room left and right: aspect names are long, and a clipped label helps nobody.
  const pad = 90;
  const width = size + 2 * pad;
  const c = size / 2;
  const cx = c + pad;
  const r = size / 2 - 40;
  const n = axes.length;
  const point = (i: number, v: number) => {
    const a = (Math.PI * 2 * i) / n - Math.PI / 2;
    return [cx + Math.cos(a) * r * (v / 3), c + Math.sin(a) * r * (v / 3)];
  };
  return (
    <svg
      width={width}
      height={size}
      viewBox={`0 0 ${width} ${size}`}
      style={{ maxWidth: '100%', height: 'auto' }}
      role="img"
      aria-label={series.map((s) => s.label).join(' / ')}
    >
      {[1, 2, 3].map((level) => (
        <polygon key={level} points={axes.map((_, i) => point(i, level).join(',')).join(' ')} fill="none" stroke="#d9d9d9" />
      ))}
      {axes.map((label, i) => {
        const [x, y] = point(i, 3);
        const [lx, ly] = point(i, 3.35);
        return (
          <g key={label}>
            <line x1={cx} y1={c} x2={x} y2={y} stroke="#d9d9d9" />
            <text x={lx} y={ly} fontSize={11} textAnchor={lx < cx - 5 ? 'end' : lx > cx + 5 ? 'start' : 'middle'} dominantBaseline="middle">
              {label}
            </text>
          </g>
        );
      })}
      {series.map((s) => (
        <polygon
          key={s.label}
          points={s.values.map((v, i) => point(i, v ?? 0).join(',')).join(' ')}
          fill={s.colour}
          fillOpacity={0.2}
          stroke={s.colour}
          strokeWidth={2}
        />
      ))}
    </svg>
  );
}
