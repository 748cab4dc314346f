/** Excel's limit on the text of one cell: no explanation is longer. */
export const CELL_LIMIT = 32767;
