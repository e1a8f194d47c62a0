/** Splits a word list written as comma-separated text (any line breaks) into words. */
export function splitWords(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.replace(/\s+/g, ' ').trim())
    .filter((word) => word !== '');
}
