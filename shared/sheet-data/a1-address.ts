/**
 * A1 notation, shared by every host and the xlsx writer.
 * @example columnLetters(1) === 'A'; columnLetters(27) === 'AA'; a1Address(3, 2, 10, 4) === 'B3:E12'
 */
export function columnLetters(column: number): string {
  let rest = column;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/**
 * A1 address of a rectangle given in 1-based sheet numbers; a single cell is written `B3`, a larger
 * rectangle `B3:E12`.
 */
export function a1Address(row: number, column: number, rows: number, columns: number): string {
  const start = `${columnLetters(column)}${row}`;
  if (rows === 1 && columns === 1) return start;
  return `${start}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
}
