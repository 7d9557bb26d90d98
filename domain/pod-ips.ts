// A Pod's addresses as kube-apiserver's v1 conversion leaves them: it decodes a v1 PodStatus into
// the internal form and encodes it back. Decoding makes `podIP` authoritative — podIPs become
// [podIP] when both are given and differ, or when only podIP is — and encoding sets podIP to
// podIPs[0]. hostIP/hostIPs alike (Convert_v1_PodStatus_To_core_PodStatus). So a status that
// names another first podIPs entry than podIP is not refused: it is read as podIP says.

import type { Pod } from './objects.js';

type Status = Record<string, unknown>;

function convert(status: Status, single: 'podIP' | 'hostIP', list: 'podIPs' | 'hostIPs'): void {
  const one = typeof status[single] === 'string' ? (status[single] as string) : '';
  const many = Array.isArray(status[list]) ? (status[list] as { ip?: string }[]) : [];
  if (one && (many.length === 0 || many[0]?.ip !== one)) status[list] = [{ ip: one }];
  const first = (status[list] as { ip?: string }[] | undefined)?.[0]?.ip;
  if (!one && first) status[single] = first;
}

export function convertPodIPs(pod: Pod): void {
  const status = pod.status as Status | undefined;
  if (!status || typeof status !== 'object') return;
  convert(status, 'podIP', 'podIPs');
  convert(status, 'hostIP', 'hostIPs');
}
