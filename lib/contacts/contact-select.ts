// What a contact looks like outside the database: everything but the derived search and sort columns.
export const contactOmit: { searchText: true; sortName: true } = { searchText: true, sortName: true };
