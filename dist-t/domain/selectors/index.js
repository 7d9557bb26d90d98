export { SelectorParseError } from './errors.js';
export { EVERYTHING, NOTHING, formatLabelSelector, fromLabelSelectorObject, isEverything, matchesLabels, newRequirement, parseLabelSelector, requirementMatches, selectorFromSet, } from './labels.js';
export { fieldSelectorFor, formatFieldSelector, matchesFields, parseFieldSelector, requiredFieldValue, } from './fields.js';
export { supportedFieldSelectors } from './field-sets.js';
//# sourceMappingURL=index.js.map