import type { FieldError } from '../../../domain/errors.js';
import type { ValidationContext } from '../../../domain/validation/index.js';

export const ctx: ValidationContext = {
  serviceCIDRs: ['10.96.0.0/12'],
  nodePortRange: { min: 30000, max: 32767 },
  clusterCIDRs: ['10.244.0.0/16'],
};

export const dualCtx: ValidationContext = { ...ctx, serviceCIDRs: ['10.96.0.0/12', 'fd00:10:96::/112'] };

/** `field: message`, the text kubectl prints for each cause. */
export const lines = (errs: FieldError[]): string[] => errs.map((e) => `${e.field}: ${e.message}`);

// apimachinery/pkg/util/validation/validation.go: RegexError(dns1123LabelErrMsg, dns1123LabelFmt, "my-name", "123-abc")
export const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
// RegexError(dns1123SubdomainErrorMsg, dns1123SubdomainFmt, "example.com")
export const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
// RegexError(dns1035LabelErrMsg, dns1035LabelFmt, "my-name", "abc-123")
export const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
