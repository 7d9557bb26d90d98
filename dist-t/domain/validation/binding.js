// ValidatePodBinding (pkg/apis/core/validation): a Binding's target is a Node, named.
import { FieldPath, notSupported, required } from './path.js';
export function validatePodBinding(target) {
    const errs = [];
    if (target.kind && target.kind !== 'Node')
        errs.push(notSupported(FieldPath.of('target', 'kind'), target.kind, ['Node', '<empty>']));
    if (!target.name)
        errs.push(required(FieldPath.of('target', 'name')));
    return errs;
}
//# sourceMappingURL=binding.js.map