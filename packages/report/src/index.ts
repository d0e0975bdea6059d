/** The documentation of a workshop: one pure model that every export format and the printable page render. */
export {};
