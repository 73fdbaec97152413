// Aligned plain-text tables for terminals; ANSI colour in cells does not disturb the alignment.
import { paint, visibleWidth } from './color.js';

/**
 * A column of a {@link renderTextTable} table.
 *
 * @public
 */
export interface TextTableColumn {
  /** Header text. */
  readonly header: string;
  /** Alignment of the cells. @defaultValue `'left'` */
  readonly align?: 'left' | 'right';
}

/**
 * Options for {@link renderTextTable}.
 *
 * @public
 */
export interface TextTableOptions {
  /** Bold headers (ANSI). @defaultValue `false` */
  readonly color?: boolean;
  /** Prefix of every line. @defaultValue `''` */
  readonly indent?: string;
  /** Spaces between columns. @defaultValue `2` */
  readonly gap?: number;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Renders rows as an aligned table with a header and a rule under it. Cells may contain ANSI colour.
 * Newlines in cells are replaced by spaces so a cell never breaks the layout.
 *
 * @returns the table, one line per row, with no trailing newline
 * @public
 */
export function renderTextTable(
  columns: readonly TextTableColumn[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions = {},
): string {
  const indent = options.indent ?? '';
  const gap = ' '.repeat(options.gap ?? 2);
  const color = options.color === true;
  const clean = rows.map((row) => columns.map((_, i) => (row[i] ?? '').replace(/[\r\n\t]+/g, ' ')));
  const widths = columns.map((col, i) => Math.max(visibleWidth(col.header), ...clean.map((row) => visibleWidth(row[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    (indent + cells.map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align ?? 'left')).join(gap)).trimEnd();
  const header = line(columns.map((c) => paint(c.header, 'bold', color)));
  const rule = indent + widths.map((w) => '─'.repeat(w)).join(gap);
  return [header, paint(rule, 'dim', color), ...clean.map(line)].join('\n');
}
