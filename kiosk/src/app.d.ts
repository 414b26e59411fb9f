// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    // The kiosk has no server side: no Locals, PageData or Platform.
  }
}

export {};
