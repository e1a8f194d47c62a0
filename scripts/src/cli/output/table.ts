/** A column of a table: its heading, how to read a row, and which side it hugs. */
export interface Column<Row> {
  readonly heading: string;
  readonly value: (row: Row) => string;
  /** Numbers read best right-aligned. */
  readonly align?: 'left' | 'right';
}

/** Columns are this many spaces apart. */
const GAP = '  ';

/**
 * Rows as an aligned plain-text table with a heading line; `empty` when there are no rows.
 * The last column is not padded, so lines carry no trailing spaces.
 */
export function formatTable<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  empty = '(none)',
): string {
  if (rows.length === 0) return empty;
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, i) =>
    Math.max(column.heading.length, ...cells.map((line) => (line[i] ?? '').length)),
  );
  const render = (line: readonly string[]) =>
    line
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const last = i === line.length - 1;
        if (columns[i]?.align === 'right') return cell.padStart(width);
        return last ? cell : cell.padEnd(width);
      })
      .join(GAP);
  return [render(columns.map((column) => column.heading)), ...cells.map(render)].join('\n');
}

/** Label–value lines, labels padded to one width. */
export function formatFields(fields: readonly (readonly [string, string])[]): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}${GAP}${value}`).join('\n');
}
