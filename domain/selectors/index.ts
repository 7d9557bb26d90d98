export { SelectorParseError } from './errors.js';
export {
  EVERYTHING,
  NOTHING,
  formatLabelSelector,
  fromLabelSelectorObject,
  isEverything,
  matchesLabels,
  newRequirement,
  parseLabelSelector,
  requirementMatches,
  selectorFromSet,
  type LabelOperator,
  type LabelRequirement,
  type LabelSelector,
  type LabelSelectorObject,
  type LabelSelectorRequirementObject,
  type Labels,
} from './labels.js';
export {
  fieldSelectorFor,
  formatFieldSelector,
  matchesFields,
  parseFieldSelector,
  requiredFieldValue,
  type FieldOperator,
  type FieldRequirement,
  type FieldSelector,
} from './fields.js';
export { supportedFieldSelectors } from './field-sets.js';
