/** The current time, ticking while the calling component is mounted. Call during component initialisation. */
export function useNow(intervalMs = 1000): { readonly value: number } {
  let now = $state(Date.now());
  $effect(() => {
    const id = setInterval(() => (now = Date.now()), intervalMs);
    return () => clearInterval(id);
  });
  return {
    get value() {
      return now;
    },
  };
}
