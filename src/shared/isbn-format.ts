// How an ISBN-13 is shown to people: 978-2205057331, the form Amazon and most shops print.
export function displayIsbn13(isbn13: string): string {
  return `${isbn13.slice(0, 3)}-${isbn13.slice(3)}`;
}
