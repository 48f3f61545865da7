// What a contact looks like outside the database: everything but the derived search column.
export const contactOmit: { searchText: true } = { searchText: true };
