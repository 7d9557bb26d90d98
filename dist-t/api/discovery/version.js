// GET /version: apimachinery's version.Info. The Google Cloud SDK kubectl dispatcher at
// /usr/bin/kubectl runs the bundled kubectl whose minor matches `minor` (§0 #1), so "32" selects
// kubectl v1.32, the client netledger is tested against.
export const KUBE_MAJOR = '1';
export const KUBE_MINOR = '32';
/** The kube-apiserver release whose behaviour netledger follows, tagged as ours. */
export const GIT_VERSION = 'v1.32.4-netledger';
/** Node's `process.arch` names → Go's GOARCH names, so `platform` reads like upstream's. */
const GOARCH = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };
export function goPlatform(platform, arch) {
    return `${platform}/${GOARCH[arch] ?? arch}`;
}
export function versionInfo(facts = {}) {
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
//# sourceMappingURL=version.js.map