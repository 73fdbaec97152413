// The HTML report's stylesheet, inlined into every report (no external resources).

/** @internal */
export const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1d2330; --muted: #5b6475; --bg: #ffffff; --panel: #f5f7fa; --line: #d9dee7;
  --c0: #2f6fdf; --c1: #d9480f; --c2: #2b8a3e; --c3: #9c36b5; --c4: #0b7285; --c5: #e8590c;
  --ok: #2b8a3e; --warn: #e67700; --bad: #c92a2a; --low: #1971c2; --medium: #e67700; --high: #e8590c; --critical: #c92a2a; }
@media (prefers-color-scheme: dark) { :root { --fg: #e4e8ef; --muted: #9aa4b5; --bg: #14171c; --panel: #1c2028; --line: #333a46; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1060px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; } h4 { font-size: 13px; margin: 12px 0 4px; color: var(--muted); }
.meta { color: var(--muted); margin: 0 0 4px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; vertical-align: middle; }
.badge.ok { background: var(--ok); } .badge.partial, .badge.aborted { background: var(--warn); } .badge.failed, .badge.timeout { background: var(--bad); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 10px; margin: 12px 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .label { color: var(--muted); font-size: 12px; } .card .value { font-size: 19px; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; } td.num, th.num { text-align: right; white-space: nowrap; }
.suite { border-left: 3px solid var(--line); padding-left: 14px; margin-left: 2px; }
.notice { color: var(--warn); margin: 4px 0; }
.regressed { color: var(--bad); font-weight: 600; } .improved { color: var(--ok); font-weight: 600; } .unchanged, .not-compared { color: var(--muted); } .inconclusive, .incomparable { color: var(--warn, var(--muted)); }
.below { color: var(--muted); font-style: italic; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px; padding: 8px 12px; margin: 8px 0; background: var(--panel); }
.finding.low { border-left-color: var(--low); } .finding.medium { border-left-color: var(--medium); }
.finding.high { border-left-color: var(--high); } .finding.critical { border-left-color: var(--critical); }
.sev { font-weight: 700; text-transform: uppercase; font-size: 12px; margin-right: 6px; }
.sev.low { color: var(--low); } .sev.medium { color: var(--medium); } .sev.high { color: var(--high); } .sev.critical { color: var(--critical); }
.finding ul { margin: 4px 0; padding-left: 18px; } .finding .rec { margin: 4px 0 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 12px; }
svg.chart { max-width: 100%; height: auto; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
svg .title { font-size: 12px; font-weight: 600; fill: var(--fg); } svg .tick, svg .legend { font-size: 10px; fill: var(--muted); }
svg .grid { stroke: var(--line); stroke-width: 1; } svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .series { fill: none; stroke-width: 1.8; } svg .trend { stroke-width: 1.2; stroke-dasharray: 6 4; opacity: 0.85; }
svg .bar { fill: var(--c0); opacity: 0.8; } svg .median { stroke: var(--c1); stroke-width: 2; }
svg .box { fill: var(--c0); fill-opacity: 0.25; stroke: var(--c0); } svg .whisker { stroke: var(--fg); stroke-width: 1.2; } svg .pct { stroke: var(--c3); stroke-width: 2; }
svg .marker { stroke-width: 1.5; stroke-dasharray: 3 3; } svg .marker.bad { stroke: var(--bad); } svg .marker.good { stroke: var(--ok); } svg .marker.neutral { stroke: var(--warn); }
svg .marker-label { font-size: 10px; } svg .marker-label.bad { fill: var(--bad); } svg .marker-label.good { fill: var(--ok); } svg .marker-label.neutral { fill: var(--warn); }
svg .delta.regressed { fill: var(--bad); } svg .delta.improved { fill: var(--ok); } svg .delta.unchanged, svg .delta.inconclusive, svg .delta.incomparable { fill: var(--muted); }
${[0, 1, 2, 3, 4, 5].map((i) => `svg .series.c${i}, svg .trend.c${i} { stroke: var(--c${i}); } svg .dot.c${i}, svg .swatch.c${i} { fill: var(--c${i}); }`).join('\n')}
.wide { overflow-x: auto; } .wide td:first-child { white-space: nowrap; }
.empty { color: var(--muted); font-style: italic; }
details { margin: 4px 0 10px; } summary { cursor: pointer; color: var(--muted); }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
`;
