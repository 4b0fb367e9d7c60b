/** A tiny bar chart of bucketed counts: cheap SVG (one path), scaled to its own peak. */
export function Sparkline({ counts, width = 60, height = 14 }: { counts: readonly number[]; width?: number; height?: number }) {
  const peak = Math.max(1, ...counts);
  const w = width / counts.length;
  let d = '';
  counts.forEach((n, i) => {
    if (n === 0) return;
    const h = Math.max(1, (n / peak) * height);
    d += `M${(i * w).toFixed(1)} ${height}v${(-h).toFixed(1)}h${Math.max(1, w - 1).toFixed(1)}v${h.toFixed(1)}z`;
  });
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <line x1={0} y1={height - 0.5} x2={width} y2={height - 0.5} className="sparkline-base" />
      {d && <path d={d} className="sparkline-bars" />}
    </svg>
  );
}
