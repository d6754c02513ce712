import { detectApiKeys } from './detect-keys.js';
import { detectLocalServers, localProbes, type LocalProbe } from './detect-servers.js';
import { builtinModelIds, builtinSuiteList, type Detection } from './init-plan.js';

/** Keys by variable name, local servers that answer, and what Ladder ships. */
export async function detect(options: { env: NodeJS.ProcessEnv; probes?: LocalProbe[]; timeoutMs?: number }): Promise<Detection> {
  const probes = options.probes ?? localProbes({ env: options.env });
  const servers = await detectLocalServers({ probes, env: options.env, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
  return { keys: detectApiKeys({ env: options.env }), servers, suites: builtinSuiteList(), builtinModels: builtinModelIds() };
}

/** What was found, as plain lines (no key values: only variable names). */
export function describeDetection(detection: Detection, options: { probes: LocalProbe[] }): string[] {
  const lines: string[] = [];
  lines.push(
    detection.keys.length > 0
      ? `API keys: ${detection.keys.map((key) => `${key.variable} (${key.label})`).join(', ')}`
      : 'API keys: none set in the environment (`ladder init --help` lists the variables read)',
  );
  for (const server of detection.servers) {
    const models = server.models.length > 0 ? server.models.join(', ') : (server.problem ?? 'no models listed');
    lines.push(`Local server: ${server.label} at ${server.baseURL}: ${models}`);
  }
  const silent = options.probes.filter((probe) => !detection.servers.some((server) => server.provider === probe.provider));
  if (silent.length > 0) {
    const where = silent.map((probe) => `${probe.provider} ${hostAndPort(probe.baseURL)}`).join(', ');
    lines.push(detection.servers.length > 0 ? `Not answering: ${where}` : `Local servers: none answering (${where})`);
  }
  return lines;
}

function hostAndPort(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
