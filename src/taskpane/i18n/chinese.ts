/**
 * Issue 21's new pane words (Chinese first): the quantile columns of the results' CSV, as the
 * engine's year table names them in zh-CN (10%分位数, 中位数, 90%分位数); sheets listed in a
 * sentence («“输入”、“预测”», not «输入, 预测»); a fact and its value (实施产业化：是).
 */
export const enUS = {
  "col.p10": "P10",
  "col.p90": "P90",
  "col.p50": "P50",
  /** A fact beside its value, in the wizard's list of an event's facts. */
  "facts.shown": "{label}: {value}",
  /** An event by its title and year; an aside in parentheses, as each language writes them. */
  "event.inYear": "{title} ({year})",
  "aside.paren": " ({text})",
  "clause.cited": "{document} {article}: {summary}",
  /** Sheets named in a sentence: each as the language quotes a name, joined as it lists. */
  "sheets.one": "{name}",
  "sheets.separator": ", ",
};

export const zhCN: Record<keyof typeof enUS, string> = {
  "col.p10": "10%分位数",
  "col.p90": "90%分位数",
  "col.p50": "中位数",
  "facts.shown": "{label}：{value}",
  "event.inYear": "{title}（{year}年）",
  "aside.paren": "（{text}）",
  "clause.cited": "{document}{article}：{summary}",
  "sheets.one": "“{name}”",
  "sheets.separator": "、",
};
