// k8s.io/api/authorization/v1 and authentication/v1 generated.proto: the self reviews kubectl's
// typed clients post as protobuf (kubectl auth can-i, auth whoami).
import { KEEP, MAP, REPEATED } from './schema.js';
export const AUTH_V1 = {
    SelfSubjectAccessReview: [
        [1, 'metadata', 'ObjectMeta'],
        [2, 'spec', 'SelfSubjectAccessReviewSpec'],
        [3, 'status', 'SubjectAccessReviewStatus'],
    ],
    SelfSubjectAccessReviewSpec: [
        [1, 'resourceAttributes', 'ResourceAttributes'],
        [2, 'nonResourceAttributes', 'NonResourceAttributes'],
    ],
    ResourceAttributes: [
        [1, 'namespace', 'string'],
        [2, 'verb', 'string'],
        [3, 'group', 'string'],
        [4, 'version', 'string'],
        [5, 'resource', 'string'],
        [6, 'subresource', 'string'],
        [7, 'name', 'string'],
        [8, 'fieldSelector', 'SelectorAttributes'],
        [9, 'labelSelector', 'SelectorAttributes'],
    ],
    // FieldSelectorAttributes and LabelSelectorAttributes share one layout.
    SelectorAttributes: [
        [1, 'rawSelector', 'string'],
        [2, 'requirements', 'SelectorRequirement', REPEATED],
    ],
    // FieldSelectorRequirement and meta LabelSelectorRequirement share one layout.
    SelectorRequirement: [
        [1, 'key', 'string', KEEP],
        [2, 'operator', 'string', KEEP],
        [3, 'values', 'string', REPEATED],
    ],
    NonResourceAttributes: [
        [1, 'path', 'string'],
        [2, 'verb', 'string'],
    ],
    SubjectAccessReviewStatus: [
        [1, 'allowed', 'bool', KEEP],
        [4, 'denied', 'bool'],
        [2, 'reason', 'string'],
        [3, 'evaluationError', 'string'],
    ],
    SelfSubjectRulesReview: [
        [1, 'metadata', 'ObjectMeta'],
        [2, 'spec', 'SelfSubjectRulesReviewSpec'],
    ],
    SelfSubjectRulesReviewSpec: [[1, 'namespace', 'string']],
    SelfSubjectReview: [
        [1, 'metadata', 'ObjectMeta'],
        [2, 'status', 'SelfSubjectReviewStatus'],
    ],
    SelfSubjectReviewStatus: [[1, 'userInfo', 'UserInfo']],
    UserInfo: [
        [1, 'username', 'string'],
        [2, 'uid', 'string'],
        [3, 'groups', 'string', REPEATED],
        [4, 'extra', 'ExtraValue', MAP],
    ],
    ExtraValue: [[1, 'items', 'string', REPEATED]],
};
//# sourceMappingURL=auth-v1.js.map