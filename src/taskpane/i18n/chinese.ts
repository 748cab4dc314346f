/**
 * Issue 21's new pane words (Chinese first): the quantile columns of the results' CSV, as the
 * engine's year table names them in zh-CN (10%分位数, 90%分位数).
 */
export const enUS = {
  "col.p10": "P10",
  "col.p90": "P90",
};

export const zhCN: Record<keyof typeof enUS, string> = {
  "col.p10": "10%分位数",
  "col.p90": "90%分位数",
};
