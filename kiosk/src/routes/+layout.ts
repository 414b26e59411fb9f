// A single-page app served by the hub: no server rendering, no prerendering (the fallback page boots it).
export const ssr = false;
export const prerender = false;
