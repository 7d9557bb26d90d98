// GET /version: apimachinery's version.Info. The Google Cloud SDK kubectl dispatcher at
// /usr/bin/kubectl runs the bundled kubectl whose minor matches `minor` (§0 #1), so "32" selects
// kubectl v1.32, the client netledger is tested against.

export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

export const KUBE_MAJOR = '1';
export const KUBE_MINOR = '32';
/** The kube-apiserver release whose behaviour netledger follows, tagged as ours. */
export const GIT_VERSION = 'v1.32.4-netledger';

export interface BuildFacts {
  /** The commit this build came from; upstream's unstamped default is empty tree state. */
  gitCommit?: string;
  gitTreeState?: '' | 'clean' | 'dirty';
  /** RFC 3339; upstream's unstamped default is the epoch. */
  buildDate?: string;
  /** The runtime that serves the API (`process.version`); upstream reports its Go version here. */
  runtimeVersion?: string;
  /** `${process.platform}/${process.arch}` → `linux/amd64` style, as upstream's GOOS/GOARCH. */
  platform?: string;
}

/** Node's `process.arch` names → Go's GOARCH names, so `platform` reads like upstream's. */
const GOARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };

export function goPlatform(platform: string, arch: string): string {
  return `${platform}/${GOARCH[arch] ?? arch}`;
}

export function versionInfo(facts: BuildFacts = {}): VersionInfo {
  return {
    major: KUBE_MAJOR,
    minor: KUBE_MINOR,
    gitVersion: GIT_VERSION,
    gitCommit: facts.gitCommit ?? '',
    gitTreeState: facts.gitTreeState ?? '',
    buildDate: facts.buildDate ?? '1970-01-01T00:00:00Z',
    goVersion: facts.runtimeVersion ?? '',
    compiler: 'tsc',
    platform: facts.platform ?? '',
  };
}
