// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    // The kiosk has no server side: no Locals, PageData or Platform.
    /** Shallow-routing state: the kiosk's screen, so that the browser's Back button steps back through the visit. */
    interface PageState {
      kioskStep?: string;
    }
  }
}

export {};
