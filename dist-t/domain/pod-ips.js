// A Pod's addresses as kube-apiserver's v1 conversion leaves them: it decodes a v1 PodStatus into
// the internal form and encodes it back. Decoding makes `podIP` authoritative — podIPs become
// [podIP] when both are given and differ, or when only podIP is — and encoding sets podIP to
// podIPs[0]. hostIP/hostIPs alike (Convert_v1_PodStatus_To_core_PodStatus). So a status that
// names another first podIPs entry than podIP is not refused: it is read as podIP says.
function convert(status, single, list) {
    const one = typeof status[single] === 'string' ? status[single] : '';
    const many = Array.isArray(status[list]) ? status[list] : [];
    if (one && (many.length === 0 || many[0]?.ip !== one))
        status[list] = [{ ip: one }];
    const first = status[list]?.[0]?.ip;
    if (!one && first)
        status[single] = first;
}
export function convertPodIPs(pod) {
    const status = pod.status;
    if (!status || typeof status !== 'object')
        return;
    convert(status, 'podIP', 'podIPs');
    convert(status, 'hostIP', 'hostIPs');
}
//# sourceMappingURL=pod-ips.js.map