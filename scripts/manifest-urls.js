// The manifest names its files under the dev server's address. A team that hosts dist/ on its
// own https server builds with ADDIN_BASE_URL=https://host/path/ and gets dist/manifest.xml
// with every such URL moved there (see README, "Hosting for a team").
"use strict";

const DEV_BASE = "https://localhost:3000/";

/** ADDIN_BASE_URL checked and ending in "/", or undefined when unset (the dev server's URLs stay). */
function hostingBase(value) {
  if (!value) return undefined;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_BASE_URL must be an absolute URL such as https://addins.example.com/subsidy/, got "${value}"`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must use https (Office loads add-ins only over https), got "${value}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must be a folder URL without ? or #, got "${value}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** `xml` with every https://localhost:3000/ URL moved under `base` (from hostingBase); unchanged without one. */
function rebaseManifest(xml, base) {
  return base ? xml.split(DEV_BASE).join(base.replace(/&/g, "&amp;")) : xml;
}

module.exports = { DEV_BASE, hostingBase, rebaseManifest };
