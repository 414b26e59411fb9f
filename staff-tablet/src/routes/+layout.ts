// A single-page app: the hub serves the fallback page for every path under /staff.
export const ssr = false;
export const prerender = false;
