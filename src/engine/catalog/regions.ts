/**
 * Where the enterprise is (rulings 4 and 21): a name the tree of places knows (jurisdictions.json and the
 * packs' places), a path (北京市›昌平区), either with `+zone`. The three names of ruling 4 are
 * aliases: `changping` is 北京市 › 昌平区 assuming 昌平组团, `beijing` 北京市, `shenzhen` 广东省 › 深圳市.
 */
export type Region = string;

/** The built-in names, in the order the task pane offers them. */
export const regions: readonly Region[] = ["changping", "beijing", "shenzhen"];
