// What the machine running the tests can do: root, network namespaces, host tools. Tests that
// need one of these skip with the one-line reason this gives, instead of failing where it is
// missing (CI installs the tools and runs as root, so CI runs them).

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Each tool with the arguments that make it print its version and exit 0. */
const VERSION_ARGS: Record<string, string[]> = {
  ip: ['-V'],
  bridge: ['-V'],
  iptables: ['--version'],
  'iptables-restore': ['--version'],
  'ip6tables-restore': ['--version'],
  socat: ['-V'],
  dig: ['-v'],
  'named-checkzone': ['-v'],
  openssl: ['version'],
};

/** The first tool of the list that is not installed, as a reason; undefined when all are. */
export function missingTool(tools: readonly string[]): string | undefined {
  for (const tool of tools) {
    if (spawnSync(tool, VERSION_ARGS[tool] ?? ['--version']).status !== 0) return `${tool} is not installed`;
  }
  return undefined;
}

/** Why network-namespace tests cannot run here (not root, no `ip netns`, a tool missing), or
 * undefined. */
export function netnsSkipReason(tools: readonly string[] = []): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root';
  const missing = missingTool(['ip', ...tools]);
  if (missing) return missing;
  const probe = `nlprobe-${randomBytes(3).toString('hex')}`;
  if (spawnSync('ip', ['netns', 'add', probe]).status !== 0) return 'cannot create network namespaces';
  spawnSync('ip', ['netns', 'del', probe]);
  return undefined;
}

/** A describe/it title that says why it was skipped. */
export function titled(title: string, skipReason: string | undefined): string {
  return skipReason ? `${title} (skipped: ${skipReason})` : title;
}
