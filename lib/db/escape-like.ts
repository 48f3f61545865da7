// A user's text inside a LIKE / ILIKE pattern: "%" and "_" (and the escape "\") match themselves,
// not any characters. PostgreSQL's default escape character is "\".
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
