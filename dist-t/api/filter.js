// What a list or watch asks for: namespace, label selector, field selector.
import { errors } from '../domain/errors.js';
import { fieldSelectorFor, matchesFields, matchesLabels, parseLabelSelector, SelectorParseError, } from '../domain/selectors/index.js';
export function filterFromQuery(kind, namespace, query) {
    const filter = { kind, namespace };
    try {
        if (typeof query.labelSelector === 'string' && query.labelSelector !== '')
            filter.label = parseLabelSelector(query.labelSelector);
        if (typeof query.fieldSelector === 'string' && query.fieldSelector !== '')
            filter.field = fieldSelectorFor(kind, query.fieldSelector);
    }
    catch (e) {
        if (e instanceof SelectorParseError)
            throw errors.badRequest(e.message);
        throw e;
    }
    return filter;
}
export function matches(filter, obj) {
    if (filter.namespace && (obj.metadata.namespace ?? '') !== filter.namespace)
        return false;
    if (filter.label && !matchesLabels(filter.label, obj.metadata.labels))
        return false;
    if (filter.field && !matchesFields(filter.field, filter.kind, obj))
        return false;
    return true;
}
//# sourceMappingURL=filter.js.map