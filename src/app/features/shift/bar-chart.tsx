// A bar chart drawn as plain SVG: one bar per value, the label under it, the amount as the
// bar's accessible title. No chart library: a Z report renders its two charts in microseconds.
export interface Bar {
  label: string;
  value: number;
  title: string;
}

export function BarChart(props: { title: string; bars: Bar[]; width?: number; height?: number }) {
  const width = props.width ?? 480;
  const height = props.height ?? 160;
  const max = Math.max(1, ...props.bars.map((b) => Math.abs(b.value)));
  const slot = width / Math.max(1, props.bars.length);
  const chartHeight = height - 20;
  return (
    <figure className="bar-chart">
      <figcaption>{props.title}</figcaption>
      <svg role="img" aria-label={props.title} viewBox={`0 0 ${width} ${height}`} width="100%">
        {props.bars.map((b, i) => {
          const h = Math.round((Math.abs(b.value) / max) * (chartHeight - 4));
          return (
            <g key={b.label}>
              <rect
                x={i * slot + slot * 0.15}
                y={chartHeight - h}
                width={slot * 0.7}
                height={h}
                className="bar"
              >
                <title>{b.title}</title>
              </rect>
              <text x={i * slot + slot / 2} y={height - 6} textAnchor="middle" fontSize="10">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
