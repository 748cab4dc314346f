import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { ScrollRegion } from "./ScrollRegion";

const useStyles = makeStyles({
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  table: { tableLayout: "auto", width: "auto", minWidth: "100%" },
});

/** A table of figures: a label column, then right-aligned numbers, scrolling sideways in a narrow pane. */
export function FigureTable({ label, testId, header, rows }: { label: string; testId: string; header: readonly string[]; rows: readonly (readonly ReactNode[])[] }) {
  const styles = useStyles();
  return (
    <ScrollRegion label={label}>
      <Table size="small" className={styles.table} aria-label={label} data-testid={testId}>
        <TableHeader>
          <TableRow>
            {header.map((h, i) => (
              <TableHeaderCell key={h} scope="col" className={i > 0 ? styles.num : undefined}>
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, r) => (
            <TableRow key={r}>
              {row.map((v, i) => (
                <TableCell key={i} className={i > 0 ? styles.num : undefined}>
                  {v}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
