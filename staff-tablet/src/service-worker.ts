/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The staff tablet's service worker (#14): keeps the app shell (the page, its scripts, styles, icons) so that a reload
 * on a dropped Wi-Fi still opens the app, which then shows that it is offline and reconnects by itself (the outbox
 * keeps what is waiting to be sent). Data never comes from here: sockets and the API always go to the hub. Each build
 * is a new cache; the old one goes.
 */
import { base, build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `glow-staff-${version}`;
const PAGE = `${base}/`;
const SHELL = [PAGE, ...build, ...files];
const ASSETS = new Set([...build, ...files]);

/** Every page of the staff app (deep links included) is the app's one page, as the hub serves it. */
const isAppPage = (path: string) => path === base || path.startsWith(PAGE);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('glow-staff-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate' && isAppPage(url.pathname)) {
    // The network first, so an update is seen at once; the kept page only when the hub cannot be reached.
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(PAGE, { cacheName: CACHE })) ?? Response.error()),
    );
    return;
  }
  if (ASSETS.has(url.pathname)) {
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
  }
});
