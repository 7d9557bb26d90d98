// The event: the unit of the log. `rv` is global, dense, strictly increasing, and is the
// resourceVersion of the object it carries.
/** Who made a change, for people: the actor, and who impersonated it (`erin (impersonated by bob)`). */
export function actorText(c) {
    if (!c)
        return '';
    return c.impersonatedBy ? `${c.actor} (impersonated by ${c.impersonatedBy})` : c.actor;
}
//# sourceMappingURL=events.js.map