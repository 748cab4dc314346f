import pkg from "../../package.json";

/** The product and its version, as a file it writes names its maker (docProps/app.xml). */
export const PRODUCT: string = pkg.name;
export const PRODUCT_VERSION: string = pkg.version;
