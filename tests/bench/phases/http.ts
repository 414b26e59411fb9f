import autocannon from 'autocannon';

export type HttpLoad = { p50: number; p99: number; max: number; rps: number; requests: number; non2xx: number; errors: number; timeouts: number };

/**
 * The phone's aftercare page under load: `connections` keep-alive connections for `seconds`, cycling through real
 * aftercare links (made by closing visits through the staff commands).
 */
export async function aftercareLoad(url: string, paths: string[], connections = 50, seconds = 10): Promise<HttpLoad> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: paths.map((path) => ({ method: 'GET', path, headers: { 'accept-language': 'en-GB' } })),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: result.requests.average,
    requests: result.latency.totalCount ?? 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
