/** A plain-text table: columns padded to their widest cell, long cells cut with an ellipsis. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], maxCell = 60): string {
  const cut = (cell: string): string => (cell.length > maxCell ? `${cell.slice(0, maxCell - 1)}…` : cell);
  const all = [header, ...rows].map((r) => r.map(cut));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return `${all.map((r) => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd()).join('\n')}\n`;
}
