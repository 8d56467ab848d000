/** A markdown table; the first column is left-aligned, the others right-aligned. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const alignment = header.map((_, index) => (index === 0 ? '---' : '---:'));
  return [header, alignment, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** `value` with a ✓ when it meets the goal and a ✗ when it does not. */
export function againstGoal(text: string, met: boolean): string {
  return `${text} ${met ? '✓' : '✗'}`;
}

/** A count with thousands separators. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Milliseconds with the given number of decimals. */
export function milliseconds(value: number, decimals = 1): string {
  return `${value.toFixed(decimals)} ms`;
}
